"""The library's glossary: bundled entries plus the user's own, and term occurrences.

Occurrences are found once, when a text is imported (or when the glossary
changes), and stored per sentence, so that marking a screenful is a query.
A stamp in ``library_settings`` records which glossary the index was built
with; ``glossary_index_stale`` tells when it must be rebuilt.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
import logging
import threading
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from alignment.glossary.entries import CATEGORIES, Entry, Glossary, GlossaryFileError, slugify, transliterate
from alignment.text.errors import TextImportError
from alignment.text.source_file import read_source_bytes
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from db.dto import Changes
from db.engine import Library
from db.services.export.csv_writer import csv_text, unguard_cell
from db.models import GlossaryUserEntry, LibrarySetting, LibraryText, Paragraph, Sentence, TermOccurrence
from resources import glossary_dir

log = logging.getLogger(__name__)

STAMP_KEY = "glossary_index_stamp"
USER_SOURCE = "Your entry"
CSV_FIELDS = ("id", "headword_en", "variants_en", "forms_ru", "translit", "category", "definition", "dates",
              "biography", "related", "source", "written_by_project")
MAX_GLOSSARY_BYTES = 20 * 1024 * 1024
_LIST_FIELDS = frozenset({"variants_en", "forms_ru", "related", "unmarked_forms"})


def bundled_glossary_path() -> Path:
    return glossary_dir() / "glossary.json"


@dataclass(frozen=True, slots=True)
class TermSpan:
    """A term in a sentence of a text (sentence position, offsets in the sentence)."""

    sentence_position: int
    start: int
    end: int
    entry_id: str


@dataclass(frozen=True, slots=True)
class Occurrence:
    text_id: int
    text_title: str
    lang: str
    sentence_position: int
    sentence: str
    start: int
    end: int


# Building a matcher takes about a second: keep the last one per glossary stamp.
_cache_lock = threading.Lock()
_cache: dict[str, Glossary] = {}


def _bundled_entries() -> tuple[Entry, ...]:
    return Glossary.load(bundled_glossary_path()).entries


def _user_entries(session: Session) -> list[Entry]:
    out = []
    for row in session.scalars(select(GlossaryUserEntry).order_by(GlossaryUserEntry.id)):
        try:
            out.append(Entry.from_json(row.data))
        except (KeyError, TypeError):
            log.warning("ignoring a damaged user glossary entry %s", row.id)
    return out


def glossary_stamp(session: Session) -> str:
    """Identifies the glossary in force: the bundled file plus the user's entries."""
    digest = hashlib.sha256(bundled_glossary_path().read_bytes())
    for entry_id, updated in session.execute(
        select(GlossaryUserEntry.id, GlossaryUserEntry.updated_at).order_by(GlossaryUserEntry.id)
    ):
        digest.update(f"{entry_id}@{updated}".encode())
    return digest.hexdigest()[:32]


def library_glossary(session: Session) -> Glossary:
    """Bundled entries with the user's entries added (a user entry wins over a bundled one)."""
    stamp = glossary_stamp(session)
    with _cache_lock:
        cached = _cache.get(stamp)
    if cached is not None:
        return cached
    entries = {e.id: e for e in _bundled_entries()}
    for e in _user_entries(session):
        entries[e.id] = e
    glossary = Glossary(tuple(entries.values()))
    with _cache_lock:
        _cache.clear()
        _cache[stamp] = glossary
    return glossary


def glossary_index_stale(library: Library) -> bool:
    with library.sessions() as session:
        setting = session.get(LibrarySetting, STAMP_KEY)
        has_texts = session.scalars(select(LibraryText.id).limit(1)).first() is not None
        return has_texts and (setting is None or setting.value != glossary_stamp(session))


def index_terms(session: Session, text_id: int, glossary: Glossary) -> int:
    """(Re)index the glossary terms of one text; returns the number of occurrences."""
    text = session.get(LibraryText, text_id)
    if text is None:
        return 0
    session.execute(delete(TermOccurrence).where(TermOccurrence.text_id == text_id))
    matcher = glossary.matcher
    rows = []
    for sentence_id, sentence, paragraph_lang in session.execute(
        select(Sentence.id, Sentence.text, Paragraph.lang)
        .join(Paragraph, Sentence.paragraph_id == Paragraph.id)
        .where(Sentence.text_id == text_id)
    ):
        lang = paragraph_lang or text.lang
        for hit in matcher.find(sentence, lang):
            rows.append({"text_id": text_id, "sentence_id": sentence_id, "start": hit.start, "end": hit.end,
                         "entry_id": hit.entry_id})
    if rows:
        session.execute(insert(TermOccurrence), rows)
    return len(rows)


def index_new_text(session: Session, text_id: int) -> int:
    """Index a text just stored; keeps the library's stamp current when it was."""
    glossary = library_glossary(session)
    stamp = glossary_stamp(session)
    count = index_terms(session, text_id, glossary)
    setting = session.get(LibrarySetting, STAMP_KEY)
    others = session.scalars(select(LibraryText.id).where(LibraryText.id != text_id).limit(1)).first()
    if (setting is None and others is None) or (setting is not None and setting.value == stamp):
        session.merge(LibrarySetting(key=STAMP_KEY, value=stamp))
    return count


def reindex_terms(
    library: Library,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Changes:
    """Index every text with the glossary in force, in one transaction, and stamp it."""
    progress = progress or NullProgress()
    with library.sessions.begin() as session:
        glossary = library_glossary(session)
        ids = list(session.scalars(select(LibraryText.id).order_by(LibraryText.id)))
        for n, text_id in enumerate(ids):
            cancel.raise_if_cancelled()
            progress.update(n, len(ids), "indexing glossary terms")
            index_terms(session, text_id, glossary)
        session.merge(LibrarySetting(key=STAMP_KEY, value=glossary_stamp(session)))
    progress.update(len(ids), len(ids), "indexing glossary terms")
    return Changes(texts=frozenset(ids))


def terms_in_sentences(session: Session, text_id: int, first: int, last: int) -> list[TermSpan]:
    """Term spans of the sentences at positions ``first..last`` (inclusive) of a text."""
    rows = session.execute(
        select(Sentence.position, TermOccurrence.start, TermOccurrence.end, TermOccurrence.entry_id)
        .join(Sentence, TermOccurrence.sentence_id == Sentence.id)
        # filtering sentences by text lets SQLite walk the (text_id, position) index
        .where(Sentence.text_id == text_id, Sentence.position >= first, Sentence.position <= last,
               TermOccurrence.text_id == text_id)
        .order_by(Sentence.position, TermOccurrence.start)
    )
    return [TermSpan(*row) for row in rows]


def occurrences(session: Session, entry_id: str, *, text_id: int | None = None, limit: int = 500) -> list[Occurrence]:
    """Where an entry occurs in the library (or in one text), in reading order."""
    q = (
        select(LibraryText.id, LibraryText.title, LibraryText.lang, Sentence.position, Sentence.text,
               TermOccurrence.start, TermOccurrence.end)
        .join(Sentence, TermOccurrence.sentence_id == Sentence.id)
        .join(LibraryText, TermOccurrence.text_id == LibraryText.id)
        .where(TermOccurrence.entry_id == entry_id)
        .order_by(LibraryText.id, Sentence.position, TermOccurrence.start)
        .limit(limit)
    )
    if text_id is not None:
        q = q.where(TermOccurrence.text_id == text_id)
    return [Occurrence(*row) for row in session.execute(q)]


def occurrence_counts(session: Session, *, text_id: int | None = None) -> dict[str, int]:
    q = select(TermOccurrence.entry_id, func.count()).group_by(TermOccurrence.entry_id)
    if text_id is not None:
        q = q.where(TermOccurrence.text_id == text_id)
    return dict(session.execute(q).all())  # type: ignore[arg-type]


# --- the user's own entries -----------------------------------------------------------


def new_user_entry(headword_en: str, *, forms_ru: Iterable[str] = (), definition: str = "",
                   category: str = "other", variants_en: Iterable[str] = ()) -> Entry:
    forms = tuple(f.strip() for f in forms_ru if f.strip())
    return Entry(
        id=f"user-{slugify(headword_en) or slugify(forms[0] if forms else 'entry')}",
        headword_en=headword_en.strip(),
        variants_en=tuple(v.strip() for v in variants_en if v.strip()),
        forms_ru=forms,
        translit=transliterate(forms[0]) if forms else "",
        category=category,
        definition=definition.strip(),
        dates="",
        biography="",
        related=(),
        source=USER_SOURCE,
        written_by_project=False,
    )


def save_user_entry(session: Session, entry: Entry) -> Changes:
    """Store (or update) a user's entry; a bundled entry edited by the user becomes theirs."""
    if not entry.headword_en.strip():
        raise ValueError("A glossary entry needs an English headword.")
    entry = replace(entry, source=USER_SOURCE, written_by_project=False)
    row = session.get(GlossaryUserEntry, entry.id)
    if row is None:
        session.add(GlossaryUserEntry(id=entry.id, data=entry.to_json()))
    else:
        row.data = entry.to_json()
        # microseconds: two edits in one second must still change the glossary stamp
        row.updated_at = dt.datetime.now()
    return Changes(library_reset=True)


def delete_user_entry(session: Session, entry_id: str) -> Changes:
    session.execute(delete(GlossaryUserEntry).where(GlossaryUserEntry.id == entry_id))
    return Changes(library_reset=True)


def user_entry_ids(session: Session) -> set[str]:
    return set(session.scalars(select(GlossaryUserEntry.id)))


# --- export and import ----------------------------------------------------------------


def export_glossary(glossary: Glossary, fmt: str) -> str:
    """The whole glossary as JSON or CSV text (entries written by the project keep their label)."""
    entries = [e.to_json() for e in glossary.entries]
    if fmt == "json":
        return json.dumps({"entries": entries}, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        rows: list[list[object]] = [list(CSV_FIELDS)]
        for e in entries:
            flat = {k: "; ".join(v) if isinstance(v, list) else v for k, v in e.items()}
            rows.append([flat.get(name, "") for name in CSV_FIELDS])
        return csv_text(rows, lineterminator="\n")
    raise ValueError(f"Unknown glossary format {fmt!r}: use json or csv.")


def parse_glossary_file(path: Path) -> list[Entry]:
    """Entries from a JSON or CSV glossary file; ``GlossaryFileError`` for anything malformed."""
    try:
        raw = read_source_bytes(path, MAX_GLOSSARY_BYTES).decode("utf-8-sig")
    except TextImportError as exc:
        raise GlossaryFileError(path, str(exc).rstrip(".")) from None
    except UnicodeDecodeError:
        raise GlossaryFileError(path, "it is not UTF-8 text") from None
    rows: list[object]
    if path.suffix.lower() == ".csv":
        try:
            reader = csv.DictReader(io.StringIO(raw, newline=""), strict=True)
            if "headword_en" not in (reader.fieldnames or ()):
                raise GlossaryFileError(path, "the CSV has no headword_en column")
            rows = [{k: unguard_cell(v) if isinstance(v, str) else v for k, v in r.items() if k is not None}
                    for r in reader]
        except csv.Error as exc:
            raise GlossaryFileError(path, f"the CSV is malformed ({exc})") from None
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise GlossaryFileError(path, f"it is not valid JSON ({exc.msg}, line {exc.lineno})") from None
        found = data.get("entries") if isinstance(data, dict) else data
        if not isinstance(found, list):
            raise GlossaryFileError(path, "it has no list of entries")
        rows = found
    return [_entry_from_row(path, n, row) for n, row in enumerate(rows, start=1)]


_TEXT_FIELDS = ("id", "headword_en", "translit", "category", "definition", "dates", "biography")


def _entry_from_row(path: Path, n: int, row: object) -> Entry:
    """One entry of a user's file, every field checked for its type."""
    if not isinstance(row, dict):
        raise GlossaryFileError(path, f"entry {n} is not an object with fields")

    def text(key: str) -> str:
        value = row.get(key)
        if value is None:
            return ""
        if not isinstance(value, str):
            raise GlossaryFileError(path, f"entry {n}: “{key}” should be text, not {_json_kind(value)}")
        return value.strip()

    def listed(key: str) -> tuple[str, ...]:
        value = row.get(key)
        if value is None:
            return ()
        if isinstance(value, str):
            value = value.split(";")
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise GlossaryFileError(path, f"entry {n}: “{key}” should be a list of texts, not {_json_kind(value)}")
        return tuple(v.strip() for v in value if v.strip())

    headword = text("headword_en")
    if not headword:
        raise GlossaryFileError(path, f"entry {n} has no English headword")
    category = text("category") or "other"
    if category not in CATEGORIES:
        raise GlossaryFileError(path, f"entry {n}: the category “{category}” is not one of {', '.join(CATEGORIES)}")
    base = new_user_entry(headword, forms_ru=listed("forms_ru"), definition=text("definition"),
                          category=category, variants_en=listed("variants_en"))
    return replace(
        base,
        id=text("id") or base.id,
        translit=text("translit") or base.translit,
        dates=text("dates"),
        biography=text("biography"),
        related=listed("related"),
    )


def _json_kind(value: object) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, (int, float)):
        return "a number"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return "text"


def import_glossary(session: Session, path: Path) -> int:
    """Add or update the user's entries from a JSON or CSV file; returns how many."""
    entries = parse_glossary_file(path)
    for e in entries:
        save_user_entry(session, e)
    return len(entries)


def entry_counts_by_source(glossary: Glossary) -> dict[str, int]:
    counts: dict[str, int] = defaultdict(int)
    for e in glossary.entries:
        counts[e.source] += 1
    return dict(counts)
