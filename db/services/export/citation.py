"""The citation block every export carries, and the labels of texts written by Sverka's editors.

A quote must be traceable: work, author, date, source, translator, the kind of
each text and the bead/paragraph range.  A working translation or a
back-translation is named as such, in Russian and in English, wherever its
words are exported.
"""

from __future__ import annotations

from dataclasses import dataclass

from db.dto import Excerpt, ExportDocument, TextCitation

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


@dataclass(frozen=True, slots=True)
class ProjectLabel:
    """A label for a text written by the project: English and Russian wording."""

    lang: str
    en: str
    ru: str


def project_labels(excerpt: Excerpt) -> list[ProjectLabel]:
    labels = []
    for side in (excerpt.ru, excerpt.en):
        if side.kind in PROJECT_LABELS:
            en, ru = PROJECT_LABELS[side.kind]
            author = excerpt.en.author or excerpt.work_author or "the author"
            labels.append(ProjectLabel(side.lang, f"{LANG_NAMES[side.lang]} text — " + en.format(author=author), ru))
    return labels


def _range(first: int | None, last: int | None) -> str:
    if first is None or last is None:
        return "—"
    return f"{first + 1}" if first == last else f"{first + 1}–{last + 1}"


def text_line(side: TextCitation) -> str:
    parts = [side.title or "(untitled)"]
    if side.author:
        parts.append(side.author)
    parts.append(side.kind_label)
    if side.translator:
        parts.append(f"translator: {side.translator}")
    if side.date:
        parts.append(f"date: {side.date}")
    if side.source:
        parts.append(f"source: {side.source}")
    if side.rights:
        parts.append(f"rights: {side.rights}")
    return "; ".join(parts)


def passage_line(excerpt: Excerpt) -> str:
    return (
        f"beads {_range(excerpt.bead_first, excerpt.bead_last)}; "
        f"Russian paragraphs {_range(excerpt.ru.paragraph_first, excerpt.ru.paragraph_last)}, "
        f"sentences {_range(excerpt.ru.sentence_first, excerpt.ru.sentence_last)}; "
        f"English paragraphs {_range(excerpt.en.paragraph_first, excerpt.en.paragraph_last)}, "
        f"sentences {_range(excerpt.en.sentence_first, excerpt.en.sentence_last)}"
    )


def citation_fields(excerpt: Excerpt, document: ExportDocument | None = None) -> list[tuple[str, str]]:
    """(field, value) lines of the citation block, in the order they are printed."""
    work = excerpt.work_title
    if excerpt.work_author:
        work += f" — {excerpt.work_author}"
    if excerpt.work_date:
        work += f" ({excerpt.work_date})"
    fields = [("Work", work), ("Russian", text_line(excerpt.ru)), ("English", text_line(excerpt.en))]
    fields.append(("Passage", passage_line(excerpt)))
    for side in (excerpt.ru, excerpt.en):
        if side.written_by_project and side.note:
            fields.append((f"{LANG_NAMES[side.lang]} text note", side.note))
    if excerpt.heading:
        fields.append(("Bookmark", excerpt.heading))
    if excerpt.note:
        fields.append(("Bookmark note", excerpt.note))
    if excerpt.tags:
        fields.append(("Tags", ", ".join(excerpt.tags)))
    if document is not None:
        fields.append(("Exported", f"from Sverka, {document.exported_at}"))
    return fields


def citation_text(excerpt: Excerpt, document: ExportDocument | None = None) -> str:
    """The citation block as plain lines (labels first, so they are never missed)."""
    lines = []
    for label in project_labels(excerpt):
        lines.append(f"NOTE: {label.en}")
        lines.append(f"ВНИМАНИЕ: {label.ru}")
    lines += [f"{name}: {value}" for name, value in citation_fields(excerpt, document)]
    return "\n".join(lines)
