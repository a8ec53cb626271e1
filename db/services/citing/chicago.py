"""Chicago notes-bibliography (The Chicago Manual of Style, 17th ed., chapter 14).

``note(record, locator)`` is the full first note; ``bibliography(record)`` the
entry of the bibliography.  Russian items are romanised by the ALA-LC table
(``alignment.language.romanise``; CMOS 11.102) unless the record gives the
romanised form, with an English translation of the title in brackets when the
record has one; a person with a conventional English name (``Trotsky, Leon``
in the record's other-script forms) is cited by it.  Titles are printed as the
record has them (no automatic change of capitalisation).  American punctuation:
a comma or period that follows a quoted title goes inside the closing quotation
mark, and quotation marks inside a quoted title become single.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from alignment.language.romanise import has_cyrillic, romanise
from db.services.citing.locators import Locator
from db.services.citing.styled import Styled, italic, join
from db.services.records import Name, Record, date_parts

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
# Conventional English names of the places Russian books were printed in (CMOS 14.129: the
# English form of a place name); any other Russian place is romanised.
PLACES = {"москва": "Moscow", "м.": "Moscow", "ленинград": "Leningrad", "л.": "Leningrad",
          "санкт-петербург": "St. Petersburg", "спб.": "St. Petersburg", "петроград": "Petrograd", "пг.": "Petrograd"}
BOOK_TYPES = {"book", "report", "thesis"}
ARTICLE_TYPES = {"article-journal", "article-magazine", "article-newspaper"}
PROJECT_NOTE = {
    "working_translation": "working translation by the Sverka editors, not published",
    "back_translation": "reconstruction (back-translation from the English) by the Sverka editors, "
    "not the author’s words, not published",
}


@dataclass(frozen=True, slots=True)
class Options:
    romanisation: str = "strict"  # ALA-LC with diacritics, or "plain"


_RU_INNER_QUOTES = re.compile(r"„([^“„]*)“")
_RU_QUOTES = re.compile(r"«([^«»]*)»")


def _r(text: str, o: Options) -> str:
    """Romanised (ALA-LC), with Russian quotation marks turned into English ones."""
    if not has_cyrillic(text):
        return text
    text = romanise(text, o.romanisation).replace("№", "no.")
    return _RU_QUOTES.sub(r"“\1”", _RU_INNER_QUOTES.sub(r"‘\1’", text))


def _name(n: Name, o: Options, *, inverted: bool = False) -> str:
    if n.literal:
        return _r(n.literal, o)
    if has_cyrillic(n.family + n.given) and n.other() is not None:
        n = n.other()  # type: ignore[assignment]
    family, given = _r(n.family, o), _r(n.given, o)
    if inverted and family and given:
        return f"{family}, {given}"
    return " ".join(p for p in (given, family) if p)


def names_note(names: tuple[Name, ...], o: Options) -> str:
    """CMOS 14.76: one to three names in full; four or more: the first and “et al.”"""
    shown = [_name(n, o) for n in names]
    if len(shown) >= 4:
        return f"{shown[0]} et al."
    if len(shown) == 3:
        return f"{shown[0]}, {shown[1]}, and {shown[2]}"
    return " and ".join(shown)


def names_bibliography(names: tuple[Name, ...], o: Options) -> str:
    """CMOS 14.76: the first name inverted; up to ten names listed, more: seven and “et al.”"""
    shown = [_name(n, o, inverted=i == 0) for i, n in enumerate(names)]
    if not shown:
        return ""
    if len(shown) > 10:
        shown = shown[:7] + ["et al."]
        return ", ".join(shown)
    if len(shown) == 1:
        return shown[0]
    if len(shown) == 2:
        return f"{shown[0]}, and {shown[1]}" if "," in shown[0] else f"{shown[0]} and {shown[1]}"
    return ", ".join(shown[:-1]) + ", and " + shown[-1]


def _title(record: Record, o: Options) -> str:
    title = record.title_romanised or _r(record.title, o)
    if has_cyrillic(record.title) and record.title_translated:
        title += f" [{record.title_translated}]"
    return title


def _quoted(text: str, after: str = "") -> str:
    """“Title,” — double quotation marks inside become single; the comma or period goes inside."""
    inner = text.replace("“", "‘").replace("”", "’").replace('"', "’")
    return f"“{inner}{after}”"


def _date(value: str, *, full: bool) -> str:
    parts = date_parts(value)
    if parts is None:
        return value
    if not full or len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{MONTHS[parts[1] - 1]} {parts[0]}"
    return f"{MONTHS[parts[1] - 1]} {parts[2]}, {parts[0]}"


def _place(record: Record, o: Options, place: str | None = None) -> str:
    place = record.place if place is None else place
    return PLACES.get(place.strip().lower(), _r(place, o)) if place else ""


def _imprint(record: Record, o: Options) -> str:
    """``Oak Park, MI: Mehring Books, 2019`` — what is unknown is left out."""
    publisher = _r(record.publisher, o)
    place = _place(record, o)
    head = f"{place}: {publisher}" if place and publisher else (place or publisher)
    year = _date(record.issued, full=False)
    return ", ".join(p for p in (head, year) if p)


def _contributors_note(record: Record, o: Options) -> str:
    eds, trs = record.names("editor"), record.names("translator")
    if eds and trs and [n.display() for n in eds] == [n.display() for n in trs]:
        return f"ed. and trans. {names_note(eds, o)}"
    parts = []
    if eds:
        parts.append(f"ed. {names_note(eds, o)}")
    if trs:
        parts.append(f"trans. {names_note(trs, o)}")
    return ", ".join(parts)


def _contributors_bibliography(record: Record, o: Options) -> str:
    eds, trs = record.names("editor"), record.names("translator")
    if eds and trs and [n.display() for n in eds] == [n.display() for n in trs]:
        return f"Edited and translated by {names_note(eds, o)}."
    parts = []
    if eds:
        parts.append(f"Edited by {names_note(eds, o)}.")
    if trs:
        parts.append(f"Translated by {names_note(trs, o)}.")
    return " ".join(parts)


def _locator(locator: Locator | None) -> str:
    if locator is None or locator.empty:
        return ""
    if locator.has_pages:
        return locator.pages(abbreviate=True)
    return ("paras. " if locator.is_range else "para. ") + locator.paragraphs()


def _archive(record: Record, locator: Locator | None, o: Options) -> str:
    ref = record.archive_ref
    if locator is not None and locator.has_pages and not ref.empty:
        # the pages of a file are its sheets: the locator names them instead of the record's
        from dataclasses import replace

        ref = replace(ref, list=locator.pages(abbreviate=False))
    location = ref.location() if not ref.empty else _r(record.archive_location, o)
    archive = _r(record.archive, o)
    return ", ".join(p for p in (archive, location) if p)


def _project_note(kind: str, record: Record) -> str:
    year = record.year
    return PROJECT_NOTE[kind] + (f" (Sverka, {year})" if year else " (Sverka)")


# --- the note -------------------------------------------------------------------------------


def note(record: Record, locator: Locator | None = None, *, project_kind: str = "", options: Options = Options()) -> Styled:
    """The full note for ``record`` at ``locator`` (ending with a period)."""
    return american(_note(record, locator, project_kind, options))


def bibliography(record: Record, *, project_kind: str = "", options: Options = Options()) -> Styled:
    """The bibliography entry for ``record`` (ending with a period)."""
    return american(_bibliography(record, project_kind, options))


_INSIDE = re.compile(r"([’”]+)([.,])")


def american(text: Styled) -> Styled:
    """A comma or period after closing quotation marks moves inside them (CMOS 6.9)."""
    return Styled(tuple((_INSIDE.sub(r"\2\1", t), i) for t, i in text.parts))


def _note(record: Record, locator: Locator | None, project_kind: str, options: Options) -> Styled:
    o = options
    authors = names_note(record.names("author"), o)
    loc = _locator(locator)
    kind = record.type
    if project_kind in PROJECT_NOTE:
        head = join([authors, _quoted(_title(record, o), ",")], ", ")
        tail = _project_note(project_kind, record)
        return Styled.of(head, " ", tail, f", {loc}." if loc else ".")
    if kind in BOOK_TYPES:
        title = italic(_title(record, o))
        middle = join([_contributors_note(record, o), record.edition and f"{record.edition} ed."], ", ")
        imprint = _imprint(record, o)
        body = join([authors, title, middle], ", ")
        body = Styled.of(body, f" ({imprint})" if imprint else "")
        return Styled.of(body, f", {loc}." if loc else ".")
    if kind == "chapter":
        title = _quoted(_title(record, o), ",")
        container = italic(_r(record.container_title, o))
        eds = record.names("editor")
        middle = join([f"ed. {names_note(eds, o)}" if eds else "",
                       f"trans. {names_note(record.names('translator'), o)}" if record.names("translator") else ""], ", ")
        imprint = _imprint(record, o)
        inner = Styled.of("in ", container) if container else Styled()
        inner = join([inner, middle], ", ")
        inner = Styled.of(inner, f" ({imprint})" if imprint else "")
        head = join([authors, title], ", ")
        return Styled.of(head, " ", inner, f", {loc}." if loc else ".")
    if kind in ARTICLE_TYPES:
        title = _quoted(_title(record, o), ",")
        container = italic(_r(record.container_title, o))
        if kind == "article-journal":
            numbers = ", ".join(p for p in (record.volume, record.issue and f"no. {record.issue}") if p)
            date = _date(record.issued, full=False)
            # an issue number without a volume follows a comma (CMOS 14.171)
            sep = ", " if numbers.startswith("no.") else " "
            tail = Styled.of(container, f"{sep}{numbers}" if numbers else "", f" ({date})" if date else "")
            tail = Styled.of(tail, (": " + loc if locator is not None and locator.has_pages else f", {loc}") if loc else "")
        else:  # newspapers and magazines: the date, not volume and issue (CMOS 14.191, 14.198)
            date = _date(record.issued, full=True)
            tail = join([container, date, loc], ", ")
        head = join([authors, title], ", ")
        return Styled.of(head, " ", tail, ".")
    if kind == "webpage":
        title = _quoted(_title(record, o), ",")
        site = _r(record.container_title or record.publisher, o)
        date = _date(record.issued, full=True)
        accessed = f"accessed {_date(record.accessed, full=True)}" if record.accessed and not record.issued else ""
        head = join([authors, title], ", ")
        tail = join([site, date, accessed, record.url], ", ")
        return Styled.of(head, " ", tail, ".") if tail else Styled.of(head.plain().rstrip(",”") + "”.")
    # manuscripts, archival and other unpublished documents (CMOS 14.211–232)
    title = _quoted(_title(record, o), ",") if record.title else ""
    date = _date(record.issued, full=True)
    archive = _archive(record, locator, o)
    loc_here = "" if (record.archive_ref and not record.archive_ref.empty and locator is not None and locator.has_pages) else loc
    rest = join([record.genre and _r(record.genre, o), date, archive, _r(record.publisher, o) if not archive else "",
                 loc_here], ", ")
    head = join([authors, title], ", ")
    if not rest:
        text = head.plain()
        if text.endswith(",”"):
            return Styled.of(text[:-2] + ".”")
        return Styled.of(head, ".")
    return Styled.of(head, " ", rest, ".")


# --- the bibliography -------------------------------------------------------------------------


def _bibliography(record: Record, project_kind: str, options: Options) -> Styled:
    o = options
    authors = names_bibliography(record.names("author"), o)
    kind = record.type
    pieces: list[Styled | str] = []
    if authors:
        pieces.append(authors + ("" if authors.endswith(".") else "."))
    if project_kind in PROJECT_NOTE:
        pieces.append(_quoted(_title(record, o), "."))
        label = PROJECT_NOTE[project_kind]
        pieces.append(label[0].upper() + label[1:] + ".")
        pieces.append("Sverka" + (f", {record.year}." if record.year else "."))
        return join(pieces, " ")
    if kind in BOOK_TYPES:
        pieces.append(Styled.of(italic(_title(record, o)), "."))
        pieces.append(_contributors_bibliography(record, o))
        if record.edition:
            pieces.append(f"{record.edition} ed.")
        if record.collection_title:
            pieces.append(_r(record.collection_title, o) + (f" {record.collection_number}" if record.collection_number else "") + ".")
        imprint = _imprint(record, o)
        if imprint:
            pieces.append(imprint + ".")
        if record.original_title:
            original = Record(title=record.original_title, place=record.original_place, publisher=record.original_publisher,
                              issued=record.original_date)
            orig_imprint = _imprint(original, o)
            pieces.append(Styled.of("Originally published as ", italic(_title(original, o)),
                                    f" ({orig_imprint})." if orig_imprint else "."))
        return join(pieces, " ")
    if kind == "chapter":
        pieces.append(_quoted(_title(record, o), "."))
        eds = record.names("editor")
        inner = Styled.of("In ", italic(_r(record.container_title, o))) if record.container_title else Styled()
        if eds:
            inner = Styled.of(inner, f", edited by {names_note(eds, o)}")
        if record.pages:
            inner = Styled.of(inner, f", {record.pages}")
        if inner:
            pieces.append(Styled.of(inner, "."))
        imprint = _imprint(record, o)
        if imprint:
            pieces.append(imprint + ".")
        return join(pieces, " ")
    if kind in ARTICLE_TYPES:
        pieces.append(_quoted(_title(record, o), "."))
        container = italic(_r(record.container_title, o))
        if kind == "article-journal":
            numbers = ", ".join(p for p in (record.volume, record.issue and f"no. {record.issue}") if p)
            date = _date(record.issued, full=False)
            # an issue number without a volume follows a comma (CMOS 14.171)
            sep = ", " if numbers.startswith("no.") else " "
            tail = Styled.of(container, f"{sep}{numbers}" if numbers else "", f" ({date})" if date else "")
            tail = Styled.of(tail, f": {record.pages}" if record.pages else "")
        else:
            tail = join([container, _date(record.issued, full=True)], ", ")
        pieces.append(Styled.of(tail, "."))
        return join(pieces, " ")
    if kind == "webpage":
        pieces.append(_quoted(_title(record, o), "."))
        site = _r(record.container_title or record.publisher, o)
        date = _date(record.issued, full=True)
        accessed = f"Accessed {_date(record.accessed, full=True)}" if record.accessed and not record.issued else ""
        for p in (site, date, accessed, record.url):
            if p:
                pieces.append(p + ("" if p.endswith(".") else "."))
        return join(pieces, " ")
    if record.title:
        pieces.append(_quoted(_title(record, o), "."))
    for p in (record.genre and _r(record.genre, o), _date(record.issued, full=True)):
        if p:
            pieces.append(p[0].upper() + p[1:] + ".")
    archive = _archive(record, None, o)
    if archive:
        pieces.append(archive + (f". {_place(record, o, record.archive_place)}." if record.archive_place else "."))
    elif record.publisher:
        pieces.append(_r(record.publisher, o) + ".")
    return join(pieces, " ")
