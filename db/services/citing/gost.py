"""GOST R 7.0.5–2008, «Библиографическая ссылка»: the Russian standard for references.

``note(record, locator)`` is a footnote reference (подстрочная ссылка) to a
page or pages; ``bibliography(record)`` the entry of a reference list
(затекстовая ссылка) with the whole extent.  As the standard allows in
references (4.7), areas are separated by a period rather than a period and a
dash.  Each item is described in its own language (a book in English with
``P.``, ``Vol.``, ``transl. by``; a Russian one with ``С.``, ``Т.``, ``пер.``),
the author heading is the family name and initials (``Троцкий Л. Д.``), the
place is abbreviated as GOST R 7.0.12 and 7.11 prescribe (``М.``, ``СПб.``,
``L.``), a subtitle follows `` : ``, the container of an article or chapter
follows ``//``, an unknown place is ``[Б. м.]`` / ``[S. l.]``.
"""

from __future__ import annotations

import re
from dataclasses import replace

from alignment.language.romanise import has_cyrillic
from db.services.citing.locators import Locator
from db.services.citing.styled import Styled
from db.services.records import Name, Record, date_parts

PLACES = {
    "москва": "М.", "санкт-петербург": "СПб.", "ленинград": "Л.", "петроград": "Пг.",
    "ростов-на-дону": "Ростов н/Д", "нижний новгород": "Н. Новгород",
    "london": "L.", "new york": "N. Y.", "paris": "P.", "berlin": "B.",
}
PROJECT = {
    "working_translation": ("рабочий перевод редакции Sverka (не опубликован)",
                            "working translation by the Sverka editors (not published)"),
    "back_translation": ("реконструкция (обратный перевод с английского) редакции Sverka, не текст автора "
                         "(не опубликована)",
                         "reconstruction (back-translation) by the Sverka editors, not the author’s words "
                         "(not published)"),
}
_WORDS = {
    # (Russian, English)
    "page": ("С.", "P."),
    "pages_total": ("с.", "p."),
    "para": ("Абз.", "Para."),
    "vol": ("Т.", "Vol."),
    "no": ("№", "no."),
    "transl": ("пер.", "transl. by"),
    "ed": ("под ред.", "ed. by"),
    "others": ("[и др.]", "[et al.]"),
    "no_place": ("[Б. м.]", "[S. l.]"),
    "original": ("Пер. изд.:", "Transl. of:"),
}
_SUBTITLE = re.compile(r"(?<! ): ")


def _ru(record: Record) -> bool:
    return record.language.lower().startswith("ru") or (not record.language and has_cyrillic(record.title))


def _w(key: str, ru: bool) -> str:
    return _WORDS[key][0 if ru else 1]


def initials(given: str) -> str:
    """``Лев Давидович`` → ``Л. Д.``; ``Vadim Z.`` → ``V. Z.``; ``Жан-Поль`` → ``Ж.-П.``"""
    out = []
    for word in given.replace(".", ". ").split():
        pieces = [p for p in word.split("-") if p]
        if not pieces:
            continue
        out.append("-".join(p[0].upper() + "." for p in pieces if p[0].isalpha()))
    return " ".join(o for o in out if o)


def heading(n: Name) -> str:
    """``Троцкий Л. Д.`` (the family name first, then the initials)."""
    if n.literal:
        return n.literal
    return " ".join(p for p in (n.family, initials(n.given)) if p)


def name_forward(n: Name) -> str:
    """``Л. Д. Троцкий`` (initials first: statements of responsibility)."""
    if n.literal:
        return n.literal
    return " ".join(p for p in (initials(n.given), n.family) if p)


def _title(record: Record) -> str:
    return _SUBTITLE.sub(" : ", record.title, count=1)


def _place(place: str, ru: bool) -> str:
    if not place:
        return _w("no_place", ru)
    return PLACES.get(place.strip().lower(), place)


def _date(value: str, *, full: bool) -> str:
    parts = date_parts(value)
    if parts is None:
        return value
    if not full or len(parts) == 1:
        return str(parts[0])
    if len(parts) == 2:
        return f"{parts[1]:02d}.{parts[0]}"
    return f"{parts[2]:02d}.{parts[1]:02d}.{parts[0]}"


def _cat(elements: list[str]) -> str:
    """Areas joined by ``. `` (no doubled period after ``М.`` or initials), ending with a period."""
    out = ""
    for e in (e.strip() for e in elements):
        if not e:
            continue
        if out:
            out += " " if out.endswith(".") else ". "
        out += e
    return out if not out or out.endswith((".", "?", "!")) else out + "."


def _responsibility(record: Record, ru: bool, *, with_authors: bool) -> str:
    statements = []
    authors = record.names("author")
    if with_authors:
        if len(authors) >= 4:
            statements.append(f"{name_forward(authors[0])} {_w('others', ru)}")
        elif len(authors) >= 2:
            statements.append(", ".join(name_forward(a) for a in authors))
    eds = record.names("editor")
    if eds:
        statements.append(f"{_w('ed', ru)} {', '.join(name_forward(e) for e in eds)}")
    trs = record.names("translator")
    if trs:
        statements.append(f"{_w('transl', ru)} {', '.join(name_forward(t) for t in trs)}")
    return " ; ".join(statements)


def _head_and_title(record: Record, ru: bool, project_kind: str = "") -> str:
    """``Heading Title : subtitle / responsibility`` — the first area of the description."""
    authors = record.names("author")
    head = heading(authors[0]) if 1 <= len(authors) <= 3 else ""
    resp = _responsibility(record, ru, with_authors=True)
    if project_kind in PROJECT:
        label = PROJECT[project_kind][0 if ru else 1]
        resp = " ; ".join(p for p in (resp if len(authors) > 1 else "", label) if p)
    text = " ".join(p for p in (head, _title(record)) if p)
    return f"{text} / {resp}" if resp else text


def _locator(locator: Locator | None, ru: bool) -> str:
    if locator is None or locator.empty:
        return ""
    if locator.has_pages:
        return f"{_w('page', ru)} {locator.pages(abbreviate=False)}"
    return f"{_w('para', ru)} {locator.paragraphs()}"


def _imprint(record: Record, ru: bool) -> str:
    """``М. : Наука, 1993`` (the publisher may be unknown; the year follows a comma)."""
    place = _place(record.place, ru)
    head = f"{place} : {record.publisher}" if record.publisher else place
    year = _date(record.issued, full=False)
    return f"{head}, {year}" if year else head


def _numbers(record: Record, ru: bool) -> str:
    parts = []
    if record.volume:
        parts.append(f"{_w('vol', ru)} {record.volume}")
    if record.issue:
        parts.append(f"{_w('no', ru)} {record.issue}")
    return ", ".join(parts)


def _archive(record: Record, locator: Locator | None, ru: bool) -> str:
    ref = record.archive_ref
    if locator is not None and locator.has_pages and not ref.empty:
        ref = replace(ref, list=locator.pages(abbreviate=False))
    cyrillic = ru or has_cyrillic(record.archive)
    location = ref.location(cyrillic=cyrillic).replace(", ", ". ") if not ref.empty else record.archive_location
    return _cat([record.archive, location]).rstrip(".")


def _describe(record: Record, locator: Locator | None, project_kind: str, *, note: bool) -> str:
    ru = _ru(record)
    first = _head_and_title(record, ru, project_kind)
    loc = _locator(locator, ru) if note else ""
    kind = record.type
    if project_kind in PROJECT:
        return _cat([first, "Sverka" + (f", {record.year}" if record.year else ""), loc])
    if kind in {"book", "report", "thesis"}:
        extent = "" if note or not record.number_of_pages else f"{record.number_of_pages} {_w('pages_total', ru)}"
        original = ""
        if not note and record.original_title:
            orig = Record(title=record.original_title, place=record.original_place, issued=record.original_date)
            original = f"{_w('original', ru)} " + _cat([_title(orig), f"{_place(orig.place, True)}, {orig.year}"
                                                        if orig.year else _place(orig.place, True)])
        return _cat([first, record.edition, _imprint(record, ru), extent, original, loc])
    if kind == "chapter":
        container = " ".join(p for p in (record.container_title,) if p)
        eds = record.names("editor")
        if eds:
            container += f" / {_w('ed', ru)} {', '.join(name_forward(e) for e in eds)}"
        pages = loc or (f"{_w('page', ru)} {record.pages}" if record.pages else "")
        return _cat([f"{first} // {container}" if container else first, _imprint(record, ru), pages])
    if kind in {"article-journal", "article-magazine", "article-newspaper"}:
        date = _date(record.issued, full=kind == "article-newspaper")
        pages = loc or (f"{_w('page', ru)} {record.pages}" if record.pages else "")
        return _cat([f"{first} // {record.container_title}" if record.container_title else first, date,
                     _numbers(record, ru), pages])
    if kind == "webpage":
        site = record.container_title or record.publisher
        url = f"URL: {record.url}" if record.url else ""
        if url and record.accessed:
            url += f" (дата обращения: {_date(record.accessed, full=True)})"
        return _cat([f"{first} [Электронный ресурс]" + (f" // {site}" if site else ""),
                     _date(record.issued, full=False), url])
    # manuscripts, archival and other unpublished documents
    archive = _archive(record, locator, ru)
    date = _date(record.issued, full=True)
    body = _cat([first, record.genre, date]).rstrip(".")
    if archive:
        loc_here = "" if not record.archive_ref.empty and locator is not None and locator.has_pages else loc
        return _cat([f"{body} // {archive}", loc_here])
    return _cat([body, record.publisher, loc])


def note(record: Record, locator: Locator | None = None, *, project_kind: str = "") -> Styled:
    """A footnote reference (подстрочная ссылка) to ``locator`` of ``record``."""
    return Styled.of(_describe(record, locator, project_kind, note=True))


def bibliography(record: Record, *, project_kind: str = "") -> Styled:
    """An entry of a reference list (затекстовая ссылка): the whole item, its full extent."""
    return Styled.of(_describe(record, None, project_kind, note=False))
