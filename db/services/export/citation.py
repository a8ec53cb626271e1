"""The citation block every export carries, and the labels of texts written by Sverka's editors.

A quote must be traceable outside Sverka: the block starts with the citation
proper in the document's style (Chicago or GOST: both texts, their printed
pages or, said as such, paragraph numbers), then each text's bibliography
entry and rights, and only then Sverka's own locator (bead, paragraph and
sentence numbers), useful for finding the passage again in Sverka.  A working
translation or a back-translation is named as such, in Russian and in
English, wherever its words are exported.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from db.dto import Excerpt, ExcerptBead, ExportDocument, TextCitation
from db.services.citing.locators import Locator
from db.services.citing.passage import CitedSide, PassageCitation, cite_passage, side_bibliography, side_label
from db.services.citing.styled import Styled
from db.services.records import Record, parse_names

PROJECT_LABELS: dict[str, tuple[str, str]] = {
    "back_translation": (
        "Back-translation: a reconstruction from the English by Sverka's editors, not {author}'s own words; "
        "it must not be quoted as such.",
        "Обратный перевод: реконструкция с английского, выполненная редакцией Sverka, а не подлинные слова "
        "автора; цитировать её как подлинный текст нельзя.",
    ),
    "working_translation": (
        "Working translation by Sverka's editors, not a published translation and not {author}'s own words; "
        "it must not be quoted as a published translation.",
        "Рабочий перевод, выполненный редакцией Sverka, а не опубликованный перевод; цитировать его как "
        "опубликованный перевод нельзя.",
    ),
}
LANG_NAMES = {"ru": "Russian", "en": "English"}
_FIELD_NAMES = {
    # field → (Chicago document, GOST document): the block speaks the style's language
    "cite": ("Cite as", "Ссылка"),
    "rights": ("rights", "права"),
    "source": ("source", "источник"),
    "sverka": ("Sverka locator", "Место в Sverka"),
    "note": ("text note", "примечание к тексту"),
    "bookmark": ("Bookmark", "Закладка"),
    "bookmark_note": ("Bookmark note", "Заметка к закладке"),
    "tags": ("Tags", "Метки"),
    "exported": ("Exported", "Экспорт"),
}


@dataclass(frozen=True, slots=True)
class ProjectLabel:
    """A label for a text written by the project: English and Russian wording."""

    lang: str
    en: str
    ru: str


def short_label(kind: str) -> str:
    """One line for every unit of a translation memory: what the text is, in both languages."""
    return {
        "working_translation": "Working translation by Sverka's editors, not published — "
        "Рабочий перевод редакции Sverka, не опубликован",
        "back_translation": "Back-translation by Sverka's editors, not the author's words — "
        "Обратный перевод редакции Sverka, не слова автора",
    }.get(kind, "")


def project_label(kind: str, lang: str, author: str) -> ProjectLabel | None:
    """The label of a text of ``kind`` in ``lang`` (None unless the project wrote it)."""
    if kind not in PROJECT_LABELS:
        return None
    en, ru = PROJECT_LABELS[kind]
    return ProjectLabel(lang, f"{LANG_NAMES[lang]} text — " + en.format(author=author or "the author"), ru)


def project_labels(excerpt: Excerpt) -> list[ProjectLabel]:
    author = excerpt.en.author or excerpt.work_author
    found = (project_label(side.kind, side.lang, author) for side in (excerpt.ru, excerpt.en))
    return [label for label in found if label is not None]


def _range(first: int | None, last: int | None) -> str:
    if first is None or last is None:
        return "—"
    return f"{first + 1}" if first == last else f"{first + 1}–{last + 1}"


def passage_line(excerpt: Excerpt) -> str:
    """Sverka's own locator: beads, and paragraphs and sentences on each side (numbers from 1)."""
    return (
        f"beads {_range(excerpt.bead_first, excerpt.bead_last)}; "
        f"Russian paragraphs {_range(excerpt.ru.paragraph_first, excerpt.ru.paragraph_last)}, "
        f"sentences {_range(excerpt.ru.sentence_first, excerpt.ru.sentence_last)}; "
        f"English paragraphs {_range(excerpt.en.paragraph_first, excerpt.en.paragraph_last)}, "
        f"sentences {_range(excerpt.en.sentence_first, excerpt.en.sentence_last)}"
    )


def _fallback_side(side: TextCitation) -> CitedSide:
    """A side cited from its free-text fields (an excerpt made without the library's records)."""
    record = Record(title=side.title, authors=parse_names(side.author), translators=parse_names(side.translator),
                    issued=side.date, language=side.lang)
    return CitedSide(lang=side.lang, kind=side.kind, record=record)


def _sides(excerpt: Excerpt) -> tuple[CitedSide, ...]:
    if excerpt.citation is not None:
        return excerpt.citation.sides
    return (_fallback_side(excerpt.ru), _fallback_side(excerpt.en))


def _name(key: str, style: str) -> str:
    return _FIELD_NAMES[key][0 if style == "chicago" else 1]


def citation_fields(excerpt: Excerpt, document: ExportDocument | None = None) -> list[tuple[str, Styled]]:
    """(field, value) lines of the citation block, in the order they are printed; values keep italics."""
    style = document.style if document is not None else "chicago"
    romanisation = document.romanisation if document is not None else "strict"
    fields: list[tuple[str, Styled]] = []
    if excerpt.citation is not None:
        fields.append((_name("cite", style), cite_passage(excerpt.citation, style, romanisation=romanisation, beads=False)))
    sides = {s.lang: s for s in _sides(excerpt)}
    for text in (excerpt.ru, excerpt.en):
        side = sides.get(text.lang)
        if side is None:
            continue
        label = side_label(side, style)
        fields.append((label, side_bibliography(side, style, romanisation=romanisation)))
        if text.source:
            fields.append((f"{label}, {_name('source', style)}", Styled.of(text.source)))
        if text.rights:
            fields.append((f"{label}, {_name('rights', style)}", Styled.of(text.rights)))
    fields.append((_name("sverka", style), Styled.of(passage_line(excerpt))))
    for side in (excerpt.ru, excerpt.en):
        if side.written_by_project and side.note:
            fields.append((f"{LANG_NAMES[side.lang]} {_name('note', style)}", Styled.of(side.note)))
    if excerpt.heading:
        fields.append((_name("bookmark", style), Styled.of(excerpt.heading)))
    if excerpt.note:
        fields.append((_name("bookmark_note", style), Styled.of(excerpt.note)))
    if excerpt.tags:
        fields.append((_name("tags", style), Styled.of(", ".join(excerpt.tags))))
    if document is not None:
        fields.append((_name("exported", style), Styled.of(f"Sverka, {document.exported_at}")))
    return fields


def citation_text(excerpt: Excerpt, document: ExportDocument | None = None) -> str:
    """The citation block as plain lines (labels first, so they are never missed)."""
    lines = []
    for label in project_labels(excerpt):
        lines.append(f"NOTE: {label.en}")
        lines.append(f"ВНИМАНИЕ: {label.ru}")
    lines += [f"{name}: {value.plain()}" for name, value in citation_fields(excerpt, document)]
    return "\n".join(lines)


def cite_as(excerpt: Excerpt, document: ExportDocument | None = None) -> str:
    """The citation proper, one line of plain text (empty when the excerpt carries no records)."""
    if excerpt.citation is None:
        return ""
    style = document.style if document is not None else "chicago"
    romanisation = document.romanisation if document is not None else "strict"
    return cite_passage(excerpt.citation, style, romanisation=romanisation).plain()


def bead_passage(excerpt: Excerpt, bead: ExcerptBead) -> PassageCitation | None:
    """The excerpt's citation narrowed to one bead: its own page (or paragraph) on each side."""
    if excerpt.citation is None:
        return None
    sides = []
    for side in excerpt.citation.sides:
        page = bead.ru_page if side.lang == "ru" else bead.en_page
        paragraph = bead.ru_paragraph if side.lang == "ru" else bead.en_paragraph
        if page:
            where = Locator(first_page=page, last_page=page)
        elif paragraph is not None:
            where = Locator(first_paragraph=paragraph + 1, last_paragraph=paragraph + 1)
        else:
            where = Locator()
        sides.append(replace(side, locator=where))
    return replace(excerpt.citation, sides=tuple(sides), beads=(bead.position + 1, bead.position + 1))


def bead_citation(excerpt: Excerpt, bead: ExcerptBead, document: ExportDocument | None = None) -> str:
    """One bead's citation as plain text (every row of a spreadsheet carries its own)."""
    passage = bead_passage(excerpt, bead)
    if passage is None:
        return ""
    style = document.style if document is not None else "chicago"
    romanisation = document.romanisation if document is not None else "strict"
    return cite_passage(passage, style, romanisation=romanisation, beads=False).plain()
