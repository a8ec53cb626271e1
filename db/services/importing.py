"""Importing a text: file → clean blocks → sentences → one transaction in the library.

Reading, cleaning and sentence splitting happen before the transaction opens;
the writes (work, text, paragraphs, sentences, search index) happen in a single
transaction, so a failure, a cancel or a killed process leaves the library
exactly as it was.
"""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import insert, select, text
from sqlalchemy.orm import Session

from alignment.text.cleanup import load_document
from alignment.text.document import Paragraph as SegParagraph
from alignment.text.langcheck import check_language
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress, ProgressShare
from alignment.text.segment import segment_blocks
from alignment.language.stemming import index_text
from db.dto import ImportResult
from db.engine import Library, translate_db_error
from db.errors import DuplicateTextError, LanguageMismatchError
from db.services.file_record import file_record, free_text_fields, merged_record
from db.services.glossary import index_new_text
from db.models import TEXT_KINDS, LibraryText, Paragraph, Sentence, Work

log = logging.getLogger(__name__)

_WRITE_BATCH = 2000
SUPPORTED_LANGS = ("ru", "en")


@dataclass(frozen=True)
class TextMetadata:
    """What the user (or the bundled manifest) says about a text."""

    lang: str
    title: str = ""
    author: str = ""
    translator: str = ""
    date: str = ""
    source: str = ""
    rights: str = ""
    note: str = ""
    kind: str = "original"
    work_id: int | None = None
    work_title: str = ""
    work_key: str | None = None
    key: str | None = None
    bundled: bool = False
    # The bibliographic record (a CSL-JSON item, see db.services.records); None: not known.
    record: dict[str, object] | None = None


@dataclass(frozen=True)
class ImportOptions:
    fmt: str | None = None
    allow_duplicate: bool = False
    force_language: bool = False
    encoding: str | None = None  # the user's choice; None: detected


@dataclass(frozen=True)
class PreparedText:
    """A text cleaned and split, ready to be stored."""

    meta: TextMetadata
    paragraphs: tuple[SegParagraph, ...]
    content_hash: str
    file_format: str
    encoding: str
    original_filename: str
    warnings: tuple[str, ...]
    record: dict[str, object] | None = None
    page_labels: str | None = None


def content_hash(paragraphs: Sequence[SegParagraph], lang: str) -> str:
    digest = hashlib.sha256(lang.encode())
    for p in paragraphs:
        digest.update(b"\x1e")
        digest.update(p.text.encode("utf-8"))
    return digest.hexdigest()


def prepare_text(
    path: Path,
    meta: TextMetadata,
    options: ImportOptions = ImportOptions(),
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> PreparedText:
    """Read, clean, check and split a file.  Raises the typed errors of
    ``alignment.text.errors`` and ``LanguageMismatchError``; stores nothing."""
    progress = progress or NullProgress()
    if meta.lang not in SUPPORTED_LANGS:
        raise ValueError(f"Unsupported language {meta.lang!r}: use 'ru' or 'en'.")
    if meta.kind not in TEXT_KINDS:
        raise ValueError(f"Unknown kind {meta.kind!r}: use one of {', '.join(TEXT_KINDS)}.")
    progress.update(0, 1, "reading")
    # Reading is most of the work for a book (pages, chapters); splitting is quick.
    document = load_document(path, lang=meta.lang, fmt=options.fmt, encoding=options.encoding,
                             progress=ProgressShare(progress, 0.0, 0.9), cancel=cancel)
    cancel.raise_if_cancelled()
    # Judge the whole text, including blocks the cleaner marked as embedded
    # passages of the other language: a file that is all "embedded" is wrong.
    warning = check_language([replace(b, lang=None) for b in document.blocks], meta.lang)
    if warning is not None and not options.force_language:
        if meta.lang == "ru":
            raise LanguageMismatchError(meta.lang, "en", warning.latin_share)
        raise LanguageMismatchError(meta.lang, "ru", warning.cyrillic_share)
    progress.update(9, 10, "splitting sentences")
    paragraphs = tuple(segment_blocks(document.blocks, meta.lang))
    cancel.raise_if_cancelled()
    # What the file says about itself fills what the user left empty; the user wins.
    record = None
    if document.metadata is not None:
        own = free_text_fields(document.metadata)
        record = merged_record(file_record(document.metadata, source_format=document.source_format),
                               title=meta.title, author=meta.author, translator=meta.translator,
                               date=meta.date, lang=meta.lang, source=meta.source)
        meta = replace(meta, **{k: v for k, v in own.items() if v and not getattr(meta, k)})
    title = meta.title or getattr(document, "title", "") or path.stem
    meta = replace(meta, title=title)
    warnings = tuple(document.warnings)
    return PreparedText(
        meta=meta,
        paragraphs=paragraphs,
        content_hash=content_hash(paragraphs, meta.lang),
        file_format=options.fmt or document.source_format or "",
        encoding=document.encoding,
        original_filename=path.name,
        warnings=warnings,
        record=record,
        page_labels=document.page_labels,
    )


def import_text(
    library: Library,
    path: Path,
    meta: TextMetadata,
    options: ImportOptions = ImportOptions(),
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ImportResult:
    progress = progress or NullProgress()
    prepared = prepare_text(path, meta, options, progress=ProgressShare(progress, 0.0, 0.85), cancel=cancel)
    return store_text(library, prepared, options, progress=ProgressShare(progress, 0.85, 1.0), cancel=cancel)


def find_duplicate(session: Session, digest: str) -> LibraryText | None:
    return session.scalars(select(LibraryText).where(LibraryText.content_hash == digest)).first()


def store_text(
    library: Library,
    prepared: PreparedText,
    options: ImportOptions = ImportOptions(),
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> ImportResult:
    """Write a prepared text in one transaction; returns its ids and counts."""
    progress = progress or NullProgress()
    try:
        with library.sessions.begin() as session:
            return _store(session, prepared, options, progress, cancel)
    except DuplicateTextError:
        raise
    except Exception as exc:
        mapped = translate_db_error(exc, library.path)
        if mapped is exc:
            raise
        raise mapped from exc


def _store(
    session: Session,
    prepared: PreparedText,
    options: ImportOptions,
    progress: Progress,
    cancel: CancelToken,
) -> ImportResult:
    meta = prepared.meta
    digest = prepared.content_hash
    existing = find_duplicate(session, digest)
    if existing is not None:
        if not options.allow_duplicate:
            raise DuplicateTextError(existing.id, existing.title)
        n = 2
        while find_duplicate(session, f"{prepared.content_hash}-{n}") is not None:
            n += 1
        digest = f"{prepared.content_hash}-{n}"

    work = _work_for(session, meta)
    text_row = LibraryText(
        work_id=work.id,
        key=meta.key,
        lang=meta.lang,
        role="original" if meta.kind == "original" else "translation",
        kind=meta.kind,
        title=meta.title,
        author=meta.author,
        translator=meta.translator,
        date=meta.date,
        source=meta.source,
        rights=meta.rights,
        note=meta.note,
        file_format=prepared.file_format or "text",
        encoding=prepared.encoding,
        original_filename=prepared.original_filename,
        content_hash=digest,
        bundled=meta.bundled,
        paragraph_count=len(prepared.paragraphs),
        sentence_count=sum(len(p.sentences) for p in prepared.paragraphs),
        char_count=sum(len(p.text) for p in prepared.paragraphs),
        # a record given with the text (the bundled manifest, an aligned import) wins over the file's own
        record=meta.record or prepared.record,
        page_labels=prepared.page_labels,
    )
    session.add(text_row)
    session.flush()

    paragraph_rows = [
        {
            "text_id": text_row.id,
            "position": i,
            "kind": p.kind,
            "level": p.level,
            "lang": p.lang,
            "text": p.text,
            "notes": [[n.offset, n.label, n.key] if n.key else [n.offset, n.label] for n in p.notes] or None,
            "page": p.page,
            "page_breaks": [[off, label] for off, label in p.page_breaks] or None,
            "note_key": p.key,
            "note_label": p.label,
        }
        for i, p in enumerate(prepared.paragraphs)
    ]
    paragraph_ids: list[int] = []
    total = len(paragraph_rows) + text_row.sentence_count
    done = 0
    for i in range(0, len(paragraph_rows), _WRITE_BATCH):
        cancel.raise_if_cancelled()
        batch = paragraph_rows[i : i + _WRITE_BATCH]
        paragraph_ids.extend(session.scalars(insert(Paragraph).returning(Paragraph.id, sort_by_parameter_order=True), batch))
        done += len(batch)
        progress.update(done, total, "storing")

    sentence_rows: list[dict[str, object]] = []
    position = 0
    for paragraph_id, p in zip(paragraph_ids, prepared.paragraphs):
        for s in p.sentences:
            sentence_rows.append(
                {
                    "text_id": text_row.id,
                    "paragraph_id": paragraph_id,
                    "position": position,
                    "start": s.start,
                    "end": s.end,
                    "text": s.text,
                }
            )
            position += 1
    for i in range(0, len(sentence_rows), _WRITE_BATCH):
        cancel.raise_if_cancelled()
        batch = sentence_rows[i : i + _WRITE_BATCH]
        ids = list(session.scalars(insert(Sentence).returning(Sentence.id, sort_by_parameter_order=True), batch))
        session.execute(
            text("INSERT INTO sentence_search (rowid, stems) VALUES (:id, :stems)"),
            [{"id": sid, "stems": index_text(str(row["text"]))} for sid, row in zip(ids, batch)],
        )
        done += len(batch)
        progress.update(done, total, "storing")
    cancel.raise_if_cancelled()
    progress.update(done, total, "finding glossary terms")
    index_new_text(session, text_row.id)
    cancel.raise_if_cancelled()
    log.info("imported %s as text %d (%d paragraphs)", meta.title, text_row.id, len(paragraph_rows))
    return ImportResult(
        text_id=text_row.id,
        work_id=work.id,
        paragraph_count=text_row.paragraph_count,
        sentence_count=text_row.sentence_count,
        warnings=prepared.warnings,
    )


def _work_for(session: Session, meta: TextMetadata) -> Work:
    if meta.work_id is not None:
        work = session.get(Work, meta.work_id)
        if work is None:
            raise ValueError(f"There is no work with id {meta.work_id}.")
        return work
    if meta.work_key is not None:
        work = session.scalars(select(Work).where(Work.key == meta.work_key)).first()
        if work is not None:
            return work
    work = Work(
        key=meta.work_key,
        title=meta.work_title or meta.title,
        author=meta.author,
        date=meta.date,
    )
    session.add(work)
    session.flush()
    return work

