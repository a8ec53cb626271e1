"""Records for reference managers: CSL-JSON, RIS and BibTeX, as Zotero's importers read them.

Each cited text becomes one item.  For a passage, the item also says where
the passage is (``locator`` in CSL-JSON, a note in RIS and BibTeX), and an item
for a text written by Sverka's editors says so in its note, so the label
survives the trip into a reference manager.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass

from alignment.language.romanise import romanise
from db.services.citing.passage import PassageCitation, side_label
from db.services.records import Name, Record, date_parts

FORMATS = ("csl-json", "ris", "bibtex")
PROJECT_NOTES = {
    "working_translation": "Working translation by the Sverka editors, not published: check quotations against "
                           "the original or a published translation.",
    "back_translation": "Reconstruction (back-translation from the English) by the Sverka editors, not the "
                        "author's words: do not quote it as the author's.",
}
RIS_TYPES = {
    "book": "BOOK", "chapter": "CHAP", "article-journal": "JOUR", "article-magazine": "MGZN",
    "article-newspaper": "NEWS", "manuscript": "MANSCPT", "webpage": "ELEC", "report": "RPRT", "thesis": "THES",
    "speech": "SOUND", "personal_communication": "PCOMM",
}
BIBTEX_TYPES = {
    "book": "book", "chapter": "incollection", "article-journal": "article", "article-magazine": "article",
    "article-newspaper": "article", "manuscript": "unpublished", "report": "techreport", "thesis": "phdthesis",
}


@dataclass(frozen=True, slots=True)
class CitedItem:
    """One text to hand to a reference manager: its record, kind, and where the passage is."""

    record: Record
    kind: str = ""
    locator: str = ""  # "45–46", "para. 12", or empty
    label: str = ""  # "Russian original", "English translation"…

    @property
    def note(self) -> str:
        parts = [PROJECT_NOTES.get(self.kind, "")]
        if self.locator:
            parts.append(f"Passage quoted: {self.locator}.")
        if self.record.note:
            parts.append(self.record.note)
        return " ".join(p for p in parts if p)


def items_for(passage: PassageCitation) -> list[CitedItem]:
    """One item per side of a passage (a text alone: one item)."""
    items = []
    for side in passage.sides:
        where = ""
        if side.locator.has_pages:
            where = ("pp. " if side.locator.is_range else "p. ") + side.locator.pages(abbreviate=False)
        elif side.locator.has_paragraphs:
            where = ("paras. " if side.locator.is_range else "para. ") + side.locator.paragraphs() + \
                " (paragraph numbers of the text in Sverka)"
        if where and passage.beads is not None:
            first, last = passage.beads
            where += f"; Sverka beads {first}–{last}" if first != last else f"; Sverka bead {first}"
        label = side_label(side, "chicago") if len(passage.sides) > 1 else ""
        items.append(CitedItem(side.record, side.kind, where, label))
    return items


def item_key(record: Record, taken: set[str] | None = None) -> str:
    """A citation key like ``rogovin2019bolsheviks`` (ASCII: Russian is romanised)."""
    names = record.names("author") or record.names("editor")
    who = (names[0].family or names[0].literal) if names else ""
    first_word = next((w for w in re.findall(r"\w+", romanise(record.title, "plain")) if len(w) > 3), "")
    key = re.sub(r"[^a-z0-9]", "", (romanise(who, "plain") + record.year + first_word).lower()) or "item"
    if taken is not None:
        base, n = key, 1
        while key in taken:
            n += 1
            key = f"{base}{chr(ord('a') + n - 2)}" if n < 28 else f"{base}{n}"
        taken.add(key)
    return key


# --- CSL-JSON --------------------------------------------------------------------------------

def csl_json(items: Sequence[CitedItem]) -> str:
    """A CSL-JSON array (valid against the CSL data schema) of the items."""
    taken: set[str] = set()
    out = []
    for item in items:
        data = item.record.to_csl(item_id=item_key(item.record, taken), sverka_keys=False)
        if item.note:
            data["note"] = item.note
        if item.locator:
            data["locator"] = item.locator
        out.append(data)
    return json.dumps(out, ensure_ascii=False, indent=2) + "\n"


# --- RIS -------------------------------------------------------------------------------------

def _ris_name(n: Name) -> str:
    return n.literal or ", ".join(p for p in (n.family, n.given) if p)


def _ris_date(value: str) -> str:
    parts = date_parts(value)
    if parts is None:
        return ""
    padded = [f"{parts[0]:04d}"] + [f"{p:02d}" for p in parts[1:]]
    return "/".join(padded + [""] * (3 - len(padded))) + "/"


def _ris_line(tag: str, value: str) -> str:
    return f"{tag}  - {' '.join(str(value).split())}"


def ris(items: Sequence[CitedItem]) -> str:
    """RIS records (``TY`` … ``ER``), lines ending ``\\r\\n`` as the format wants."""
    lines: list[str] = []
    for item in items:
        r = item.record
        lines.append(_ris_line("TY", RIS_TYPES.get(r.type, "GEN")))
        for n in r.names("author"):
            lines.append(_ris_line("AU", _ris_name(n)))
        for n in r.names("editor"):
            lines.append(_ris_line("ED" if r.type == "chapter" else "A2", _ris_name(n)))
        for n in r.names("translator"):
            lines.append(_ris_line("A4", _ris_name(n)))
        fields = [
            ("TI", r.title), ("TT", r.title_translated), ("T2", r.container_title), ("T3", r.collection_title),
            ("PY", r.year), ("DA", _ris_date(r.issued)), ("ET", r.edition), ("PB", r.publisher), ("CY", r.place),
            ("VL", r.volume), ("IS", r.issue), ("SN", r.isbn), ("DO", r.doi), ("UR", r.url),
            ("Y2", _ris_date(r.accessed)), ("LA", r.language), ("M3", r.genre), ("OP", r.original_title),
            ("AV", ", ".join(p for p in (r.archive, r.archive_location or r.archive_ref.location()) if p)),
        ]
        if r.pages:
            first, _, last = r.pages.replace("–", "-").partition("-")
            fields += [("SP", first.strip()), ("EP", last.strip())]
        lines += [_ris_line(tag, value) for tag, value in fields if value]
        if item.note:
            lines.append(_ris_line("N1", item.note))
        lines.append("ER  - ")
        lines.append("")
    return "\r\n".join(lines)


# --- BibTeX ----------------------------------------------------------------------------------

_BIBTEX_SPECIAL = re.compile(r"([\\{}%&$#_^~])")
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")


def _bib(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        c = m.group(1)
        return {"\\": r"\textbackslash{}", "^": r"\^{}", "~": r"\~{}"}.get(c, "\\" + c)

    return _BIBTEX_SPECIAL.sub(repl, " ".join(text.split()))


def _bib_names(names: Sequence[Name]) -> str:
    # A body's name is braced so that BibTeX does not split it into given and family names.
    return " and ".join("{" + _bib(n.literal) + "}" if n.literal else _bib(_ris_name(n)) for n in names)


def bibtex(items: Sequence[CitedItem]) -> str:
    taken: set[str] = set()
    entries = []
    for item in items:
        r = item.record
        kind = BIBTEX_TYPES.get(r.type, "misc")
        parts = date_parts(r.issued)
        fields: list[tuple[str, str]] = [
            ("author", _bib_names(r.names("author"))),
            ("editor", _bib_names(r.names("editor"))),
            ("translator", _bib_names(r.names("translator"))),
            # double braces keep the title's capitals as recorded
            ("title", "{" + _bib(r.title) + "}" if r.title else ""),
            ("booktitle" if kind == "incollection" else "journal" if kind == "article" else "", _bib(r.container_title)),
            ("series", _bib(r.collection_title)),
            ("edition", _bib(r.edition)),
            ("publisher", _bib(r.publisher)),
            ("address", _bib(r.place)),
            ("year", r.year),
            ("month", _MONTHS[parts[1] - 1] if parts and len(parts) > 1 else ""),
            ("volume", _bib(r.volume)),
            ("number", _bib(r.issue)),
            ("pages", _bib(r.pages.replace("–", "--"))),
            ("isbn", _bib(r.isbn)),
            ("doi", _bib(r.doi)),
            ("url", r.url),
            ("urldate", r.accessed),
            ("language", _bib(r.language)),
            ("type", _bib(r.genre)),
            ("howpublished", _bib(", ".join(p for p in (r.archive, r.archive_location or r.archive_ref.location()) if p))),
            ("note", _bib(item.note)),
        ]
        body = ",\n".join(f"  {name} = {{{value}}}" if name != "month" else f"  month = {value}"
                          for name, value in fields if name and value)
        entries.append(f"@{kind}{{{item_key(r, taken)},\n{body}\n}}\n")
    return "\n".join(entries)


def render_items(items: Sequence[CitedItem], fmt: str) -> str:
    if fmt == "csl-json":
        return csl_json(items)
    if fmt == "ris":
        return ris(items)
    if fmt == "bibtex":
        return bibtex(items)
    raise ValueError(f"Unknown format {fmt!r}; expected one of {', '.join(FORMATS)}.")
