"""The bibliographic record (CSL-JSON, as Zotero and citeproc use it) of an imported file.

``file_record`` turns what the file says about itself (``DocumentMetadata``)
into a CSL item; ``merged_record`` lays what the user typed over it (the user
wins, field by field).  The citation side (editing the record, styles) lives
elsewhere and reads ``texts.record``.
"""

from __future__ import annotations

import re
from typing import Any

from alignment.text.document import DocumentMetadata, Person
from alignment.text.readers.names import display, split_people

CSL_TYPES = {"pdf": "book", "epub": "book", "fb2": "book", "docx": "document", "odt": "document"}


def _names(people: tuple[Person, ...]) -> list[dict[str, str]]:
    out = []
    for p in people:
        if p.literal:
            out.append({"literal": p.literal})
        elif p.family or p.given:
            out.append({k: v for k, v in (("family", p.family), ("given", p.given)) if v})
    return out


def _issued(date: str) -> dict[str, Any] | None:
    m = re.match(r"^\s*(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", date or "")
    if not m:
        return {"raw": date.strip()} if date and date.strip() else None
    return {"date-parts": [[int(x) for x in m.groups() if x]]}


def file_record(metadata: DocumentMetadata | None, *, source_format: str) -> dict[str, Any]:
    """The CSL item of a file's own metadata (empty fields left out)."""
    record: dict[str, Any] = {"type": CSL_TYPES.get(source_format, "document")}
    if metadata is None:
        return record
    fields = {
        "title": metadata.title,
        "publisher": metadata.publisher,
        "publisher-place": metadata.place,
        "language": metadata.language,
        "ISBN": metadata.isbn,
        "abstract": metadata.description[:2000],
        "collection-title": metadata.series,
    }
    record.update({k: v for k, v in fields.items() if v})
    for key, people in (("author", metadata.authors), ("translator", metadata.translators), ("editor", metadata.editors)):
        names = _names(people)
        if names:
            record[key] = names
    issued = _issued(metadata.date)
    if issued:
        record["issued"] = issued
    return record


def merged_record(base: dict[str, Any], *, title: str = "", author: str = "", translator: str = "",
                  date: str = "", lang: str = "", source: str = "") -> dict[str, Any]:
    """``base`` with the fields the user typed put over it."""
    record = dict(base)
    if title:
        record["title"] = title
    if author:
        record["author"] = _names(split_people(author))
    if translator:
        record["translator"] = _names(split_people(translator))
    if date and _issued(date):
        record["issued"] = _issued(date)
    if lang and not record.get("language"):
        record["language"] = lang
    if source and not record.get("URL") and re.match(r"https?://", source):
        record["URL"] = source
    return record


def free_text_fields(metadata: DocumentMetadata | None) -> dict[str, str]:
    """title/author/translator/date as the library's free-text fields show them."""
    if metadata is None:
        return {}
    return {
        "title": metadata.title,
        "author": ", ".join(display(p) for p in metadata.authors),
        "translator": ", ".join(display(p) for p in metadata.translators),
        "date": metadata.date,
    }


def file_fields(path) -> dict[str, str]:  # noqa: ANN001 - a path
    """The free-text fields (title, author, translator, date, lang) a file's own metadata
    suggests, for the import dialog to show before importing; {} for plain text."""
    from alignment.text.readers.peek import peek_metadata

    metadata = peek_metadata(path)
    fields = free_text_fields(metadata)
    if metadata is not None and metadata.language in ("ru", "en"):
        fields["lang"] = metadata.language
    return {k: v for k, v in fields.items() if v}
