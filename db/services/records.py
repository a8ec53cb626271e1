"""The bibliographic record of a text: what a citation is made from.

Stored in ``texts.record`` as a CSL-JSON item (the format Zotero, Pandoc and
citeproc read), so it can go to a reference manager as it is.  Where CSL-JSON
has no field, Sverka keeps its own under keys that start with ``x-sverka-``:

- ``x-sverka-title-romanised``: the romanised title, when it must differ from
  the ALA-LC romanisation Sverka makes itself (``alignment.language.romanise``);
- ``x-sverka-title-translated``: an English translation of a Russian title
  (Chicago prints it in brackets after the title);
- ``x-sverka-other-script``: each person's name in the other script, as
  ``{"author": [{"family": …, "given": …} or null, …], "translator": […], …}``
  in the order of the CSL name lists: the Russian form of a Latin name
  (Rogovin → Роговин, Вадим Захарович) or the conventional English form of a
  Russian one (Троцкий, Л. → Trotsky, Leon), used instead of the ALA-LC
  romanisation;
- ``x-sverka-archive``: the parts of an archival reference,
  ``{"fond": "17", "opis": "3", "delo": "123", "list": "45"}``, from which
  ``archive_location`` (``f. 17, op. 3, d. 123, l. 45``) is made for other tools;
- ``x-sverka-bundled``: true while a bundled text keeps the record Sverka
  shipped (an update of Sverka may replace it; an edit by the user removes it).

Any other key of a CSL-JSON item is kept as it came (``Record.extra``), so a
record imported from Zotero goes back out unchanged.  ``Record.from_csl``
accepts any valid subset (the import fills only what the file says); what is
unknown stays empty.  Callers use the dataclasses, never the JSON.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy.orm import Session

from db.dto import Changes
from db.errors import TextNotFoundError
from db.models import LibraryText

X = "x-sverka-"
RECORD_TYPES: tuple[str, ...] = (
    "book",
    "chapter",
    "article-journal",
    "article-newspaper",
    "article-magazine",
    "manuscript",
    "document",
    "webpage",
    "report",
    "thesis",
    "speech",
    "personal_communication",
    "article",
)
NAME_ROLES = ("author", "editor", "translator")
_SIMPLE = {
    # CSL-JSON variable → Record attribute
    "title": "title",
    "title-short": "title_short",
    "container-title": "container_title",
    "collection-title": "collection_title",
    "collection-number": "collection_number",
    "chapter-number": "chapter_number",
    "edition": "edition",
    "publisher": "publisher",
    "publisher-place": "place",
    "volume": "volume",
    "issue": "issue",
    "page": "pages",
    "number-of-pages": "number_of_pages",
    "URL": "url",
    "DOI": "doi",
    "ISBN": "isbn",
    "language": "language",
    "genre": "genre",
    "medium": "medium",
    "note": "note",
    "archive": "archive",
    "archive-place": "archive_place",
    "archive_location": "archive_location",
    "original-title": "original_title",
    "original-publisher": "original_publisher",
    "original-publisher-place": "original_place",
}
_DATES = {"issued": "issued", "accessed": "accessed", "original-date": "original_date"}
_X_SIMPLE = {X + "title-romanised": "title_romanised", X + "title-translated": "title_translated"}
_ARCHIVE_PARTS = ("fond", "opis", "delo", "list")
_DATE = re.compile(r"^\s*(\d{1,4})(?:-(\d{1,2}))?(?:-(\d{1,2}))?\s*$")


@dataclass(frozen=True, slots=True)
class Name:
    """A person (``family``/``given``) or a body cited as written (``literal``).

    ``other_family``/``other_given``: the same name in the other script (see the module doc).
    """

    family: str = ""
    given: str = ""
    literal: str = ""
    other_family: str = ""
    other_given: str = ""

    @property
    def empty(self) -> bool:
        return not (self.family or self.given or self.literal)

    def display(self) -> str:
        """"Given Family" (or the literal name), as people write it."""
        return self.literal or " ".join(p for p in (self.given, self.family) if p)

    def other(self) -> Name | None:
        """The name in the other script, if the record gives it."""
        if not (self.other_family or self.other_given):
            return None
        return Name(family=self.other_family, given=self.other_given)


@dataclass(frozen=True, slots=True)
class ArchiveRef:
    """Where an archival document is kept: RGASPI, f. 17, op. 3, d. 123, l. 45."""

    fond: str = ""
    opis: str = ""
    delo: str = ""
    list: str = ""  # list (folio), or listy "45–47"

    @property
    def empty(self) -> bool:
        return not (self.fond or self.opis or self.delo or self.list)

    def location(self, *, cyrillic: bool = False) -> str:
        """``f. 17, op. 3, d. 123, l. 45`` (romanised abbreviations) or ``Ф. 17. Оп. 3. Д. 123. Л. 45``."""
        if cyrillic:
            labels = ("Ф.", "Оп.", "Д.", "Л.")
            return ". ".join(f"{lab} {v}" for lab, v in zip(labels, self.parts()) if v)
        labels = ("f.", "op.", "d.", "ll." if _is_range(self.list) else "l.")
        return ", ".join(f"{lab} {v}" for lab, v in zip(labels, self.parts()) if v)

    def parts(self) -> tuple[str, str, str, str]:
        return (self.fond, self.opis, self.delo, self.list)


@dataclass(frozen=True, slots=True)
class Record:
    """A text's bibliographic record (CSL-JSON with Sverka's extras; see the module doc).

    Dates are strings: ``1931``, ``1931-04`` or ``1925-12-22`` (anything else is
    kept as written, e.g. ``[1925?]``).
    """

    type: str = "book"
    title: str = ""
    title_short: str = ""
    title_romanised: str = ""
    title_translated: str = ""
    authors: tuple[Name, ...] = ()
    editors: tuple[Name, ...] = ()
    translators: tuple[Name, ...] = ()
    container_title: str = ""
    collection_title: str = ""
    collection_number: str = ""
    chapter_number: str = ""
    edition: str = ""
    publisher: str = ""
    place: str = ""
    issued: str = ""
    volume: str = ""
    issue: str = ""
    pages: str = ""
    number_of_pages: str = ""
    url: str = ""
    accessed: str = ""
    doi: str = ""
    isbn: str = ""
    language: str = ""
    genre: str = ""
    medium: str = ""
    note: str = ""
    archive: str = ""
    archive_place: str = ""
    archive_location: str = ""
    archive_ref: ArchiveRef = ArchiveRef()
    original_title: str = ""
    original_publisher: str = ""
    original_place: str = ""
    original_date: str = ""
    bundled: bool = False
    extra: Mapping[str, Any] = field(default_factory=dict)

    # --- reading -------------------------------------------------------------------------
    @classmethod
    def from_csl(cls, data: Mapping[str, Any] | None) -> Record:
        """A record from a CSL-JSON item; unknown keys are kept in ``extra``, bad values ignored."""
        if not isinstance(data, Mapping):
            return cls()
        values: dict[str, Any] = {}
        custom = data.get("custom")
        if isinstance(custom, Mapping) and any(str(k).startswith(X) for k in custom):
            # an item Sverka exported for other tools: its extras come back from ``custom``
            data = {**{k: v for k, v in data.items() if k not in ("custom", "translated-title")},
                    **{k: v for k, v in custom.items() if str(k).startswith(X)},
                    **({X + "title-translated": data["translated-title"]} if data.get("translated-title") else {})}
        known = {"id", "type", *NAME_ROLES, *_SIMPLE, *_DATES, *_X_SIMPLE, X + "other-script", X + "archive", X + "bundled"}
        kind = _text(data.get("type"))
        values["type"] = kind if kind else "book"
        for key, attr in {**_SIMPLE, **_X_SIMPLE}.items():
            if key in data:
                values[attr] = _text(data[key])
        for key, attr in _DATES.items():
            if key in data:
                values[attr] = _date_from_csl(data[key])
        other = data.get(X + "other-script")
        other = other if isinstance(other, Mapping) else {}
        for role in NAME_ROLES:
            names = _names_from_csl(data.get(role), other.get(role))
            if names:
                values[_role_attr(role)] = names
        archive = data.get(X + "archive")
        if isinstance(archive, Mapping):
            values["archive_ref"] = ArchiveRef(**{p: _text(archive.get(p)) for p in _ARCHIVE_PARTS})
            if values.get("archive_location") == values["archive_ref"].location():
                values["archive_location"] = ""  # written by to_csl from the parts, for other tools
        values["bundled"] = data.get(X + "bundled") is True
        values["extra"] = {k: v for k, v in data.items() if k not in known}
        return cls(**values)

    # --- writing -------------------------------------------------------------------------
    def to_csl(self, *, item_id: str | None = None, sverka_keys: bool = True) -> dict[str, Any]:
        """The CSL-JSON item as stored.  ``sverka_keys=False``: the item for other tools, valid
        against the CSL data schema (a translated title as ``translated-title``, Sverka's other
        extras under ``custom``, which the schema keeps for such data)."""
        out: dict[str, Any] = {}
        if item_id is not None:
            out["id"] = item_id
        out["type"] = self.type or "book"
        for key, attr in _SIMPLE.items():
            value = getattr(self, attr)
            if key == "archive_location":
                value = value or self.archive_ref.location()
            if value:
                out[key] = value
        for key, attr in _DATES.items():
            if getattr(self, attr):
                out[key] = _date_to_csl(getattr(self, attr))
        extras: dict[str, Any] = {}
        other: dict[str, list[dict[str, str] | None]] = {}
        for role in NAME_ROLES:
            names = [n for n in getattr(self, _role_attr(role)) if not n.empty]
            if names:
                out[role] = [_name_to_csl(n) for n in names]
                if any(n.other() for n in names):
                    other[role] = [_name_to_csl(o) if (o := n.other()) else None for n in names]
        for key, attr in _X_SIMPLE.items():
            if getattr(self, attr):
                extras[key] = getattr(self, attr)
        if other:
            extras[X + "other-script"] = other
        if not self.archive_ref.empty:
            extras[X + "archive"] = {p: v for p, v in zip(_ARCHIVE_PARTS, self.archive_ref.parts()) if v}
        if self.bundled:
            extras[X + "bundled"] = True
        for key, value in self.extra.items():
            if key.startswith("x-"):
                extras.setdefault(key, value)
            else:
                out.setdefault(key, value)
        if sverka_keys:
            out.update(extras)
            return out
        if self.title_translated:
            out["translated-title"] = self.title_translated
            extras.pop(X + "title-translated", None)
        extras.pop(X + "bundled", None)  # a fact about this library, not about the work
        if extras:
            custom = dict(out.get("custom") or {}) if isinstance(out.get("custom"), Mapping) else {}
            custom.update(extras)
            out["custom"] = custom
        return out

    # --- questions -----------------------------------------------------------------------
    @property
    def empty(self) -> bool:
        return not (self.title or self.authors or self.container_title or self.publisher or self.issued)

    @property
    def year(self) -> str:
        return _year(self.issued)

    def names(self, role: str) -> tuple[Name, ...]:
        return tuple(n for n in getattr(self, _role_attr(role)) if not n.empty)

    def with_names(self, role: str, names: Sequence[Name]) -> Record:
        return replace(self, **{_role_attr(role): tuple(names)})


def _role_attr(role: str) -> str:
    return {"author": "authors", "editor": "editors", "translator": "translators"}[role]


def _is_range(value: str) -> bool:
    return bool(re.search(r"\d\s*[-–—,]\s*\d", value))


def _text(value: Any) -> str:
    if value is None or isinstance(value, (Mapping, list, tuple)):
        return ""
    return str(value).strip()


def _names_from_csl(value: Any, other: Any) -> tuple[Name, ...]:
    if not isinstance(value, (list, tuple)):
        return ()
    others = list(other) if isinstance(other, (list, tuple)) else []
    names = []
    for i, raw in enumerate(value):
        if isinstance(raw, str):
            raw = {"literal": raw}
        if not isinstance(raw, Mapping):
            continue
        alt = others[i] if i < len(others) and isinstance(others[i], Mapping) else {}
        family = _text(raw.get("family"))
        particle = " ".join(_text(raw.get(k)) for k in ("dropping-particle", "non-dropping-particle") if raw.get(k))
        name = Name(
            family=f"{particle} {family}".strip() if particle else family,
            given=_text(raw.get("given")) + (f", {_text(raw['suffix'])}" if raw.get("suffix") else ""),
            literal=_text(raw.get("literal")),
            other_family=_text(alt.get("family")) or _text(alt.get("literal")),
            other_given=_text(alt.get("given")),
        )
        if not name.empty:
            names.append(name)
    return tuple(names)


def _name_to_csl(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    out = {}
    if name.family:
        out["family"] = name.family
    if name.given:
        out["given"] = name.given
    return out


def _date_from_csl(value: Any) -> str:
    if isinstance(value, str):
        return value.strip()
    if not isinstance(value, Mapping):
        return ""
    parts = value.get("date-parts")
    if isinstance(parts, list) and parts and isinstance(parts[0], list) and parts[0]:
        try:
            numbers = [int(p) for p in parts[0][:3]]
        except (TypeError, ValueError):
            numbers = []
        if numbers:
            return "-".join([f"{numbers[0]:04d}", *(f"{n:02d}" for n in numbers[1:])])
    for key in ("literal", "raw"):
        if value.get(key):
            return _text(value[key])
    return ""


def _date_to_csl(value: str) -> dict[str, Any]:
    m = _DATE.match(value)
    if m is None:
        return {"literal": value}
    return {"date-parts": [[int(g) for g in m.groups() if g is not None]]}


def date_parts(value: str) -> tuple[int, ...] | None:
    """``(1925, 12, 22)`` from ``1925-12-22``; None for a date written otherwise."""
    m = _DATE.match(value or "")
    return tuple(int(g) for g in m.groups() if g is not None) if m else None


def _year(value: str) -> str:
    parts = date_parts(value)
    if parts:
        return str(parts[0])
    m = re.search(r"\d{4}", value or "")
    return m.group(0) if m else ""


# --- names written as one string (the free-text fields of older libraries) -------------------

_INITIALS_FIRST = re.compile(r"^(?P<given>(?:[^\W\d_]{1,2}\.\s*)+)(?P<family>[^\W\d_][\w'’-]+)$")


def parse_name(text: str) -> Name:
    """``Vadim Z. Rogovin``, ``Л. Д. Троцкий``, ``Rogovin, Vadim Z.`` → family and given;
    anything with parentheses, digits or ``editors`` stays a literal name."""
    text = " ".join(text.split())
    if not text:
        return Name()
    if re.search(r"[()\d]|editor|редакц|редактор", text, re.IGNORECASE):
        return Name(literal=text)
    if "," in text:
        family, _, given = text.partition(",")
        return Name(family=family.strip(), given=given.strip())
    m = _INITIALS_FIRST.match(text)
    if m:
        return Name(family=m.group("family"), given=" ".join(m.group("given").split()))
    words = text.split(" ")
    if len(words) == 1:
        return Name(family=text)
    return Name(family=words[-1], given=" ".join(words[:-1]))


def parse_names(text: str) -> tuple[Name, ...]:
    """Several names joined by ``;``, `` and `` or ``и``."""
    parts = re.split(r"\s*;\s*|\s+and\s+|\s+и\s+", text.strip()) if text.strip() else []
    return tuple(n for n in (parse_name(p) for p in parts) if not n.empty)


# --- the library -----------------------------------------------------------------------------


def derived_record(t: LibraryText) -> Record:
    """A record made from a text's free-text fields, for texts that have no record yet."""
    return Record(
        type="book",
        title=t.title,
        authors=parse_names(t.author),
        translators=parse_names(t.translator),
        issued=t.date,
        language=t.lang,
    )


def record_of(t: LibraryText) -> Record:
    """The stored record of a text, completed from its free-text fields where it says nothing."""
    if t.record is None:
        return derived_record(t)
    record = Record.from_csl(t.record)
    fill: dict[str, Any] = {}
    if not record.title:
        fill["title"] = t.title
    if not record.language:
        fill["language"] = t.lang
    return replace(record, **fill) if fill else record


def text_record(session: Session, text_id: int) -> Record:
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    return record_of(t)


def has_record(session: Session, text_id: int) -> bool:
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    return t.record is not None


def set_text_record(session: Session, text_id: int, record: Record) -> Changes:
    """Store a text's record (edited by the user: it is no longer the bundled one)."""
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    if record.type not in RECORD_TYPES:
        raise ValueError(f"Unknown kind of publication {record.type!r}; expected one of {', '.join(RECORD_TYPES)}.")
    t.record = replace(record, bundled=False).to_csl()
    return Changes(texts=frozenset({text_id}))


# --- names as the details dialog shows them, one a line ------------------------------------------


def name_line(name: Name) -> str:
    """``Rogovin, Vadim Z. = Роговин, Вадим Захарович``; a body in braces: ``{Sverka editors}``."""
    main = "{" + name.literal + "}" if name.literal else ", ".join(p for p in (name.family, name.given) if p)
    other = ", ".join(p for p in (name.other_family, name.other_given) if p)
    return f"{main} = {other}" if other else main


def parse_name_lines(text: str) -> tuple[Name, ...]:
    """The inverse of ``name_line`` for each non-empty line (a line without a comma is read as
    ``Given Family``)."""
    names = []
    for line in text.splitlines():
        line = line.strip()
        if not line:
            continue
        main, _, other = line.partition("=")
        main, other = main.strip(), other.strip()
        if main.startswith("{") and main.endswith("}"):
            name = Name(literal=main[1:-1].strip())
        else:
            name = parse_name(main)
            if name.literal and "," not in main:  # "Sverka editors" as a person would be wrong: keep it whole
                name = Name(literal=name.literal)
        if other:
            alt = parse_name(other)
            name = replace(name, other_family=alt.family or alt.literal, other_given=alt.given)
        if not name.empty:
            names.append(name)
    return tuple(names)
