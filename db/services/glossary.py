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

from alignment.glossary.entries import Entry, Glossary, GlossaryError, slugify, transliterate
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from db.dto import Changes
from db.engine import Library
from db.models import GlossaryUserEntry, LibrarySetting, LibraryText, Paragraph, Sentence, TermOccurrence
from resources import glossary_dir

log = logging.getLogger(__name__)

STAMP_KEY = "glossary_index_stamp"
USER_SOURCE = "Your entry"
CSV_FIELDS = ("id", "headword_en", "variants_en", "forms_ru", "translit", "category", "definition", "dates",
              "biography", "related", "source", "written_by_project")
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
        buf = io.StringIO()
        writer = csv.DictWriter(buf, fieldnames=CSV_FIELDS, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        for e in entries:
            writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in e.items()})
        return buf.getvalue()
    raise ValueError(f"Unknown glossary format {fmt!r}: use json or csv.")


def parse_glossary_file(path: Path) -> list[Entry]:
    """Entries from a JSON or CSV glossary file; a clear error for anything malformed."""
    try:
        raw = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise GlossaryError(path, f"cannot be read as UTF-8 text ({exc})") from None
    rows: list[dict[str, object]]
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(raw))
        missing = {"headword_en"} - set(reader.fieldnames or ())
        if missing:
            raise GlossaryError(path, "the CSV has no headword_en column")
        rows = [dict(r) for r in reader]
    else:
        try:
            data = json.loads(raw)
        except json.JSONDecodeError as exc:
            raise GlossaryError(path, f"is not valid JSON ({exc.msg}, line {exc.lineno})") from None
        rows = data.get("entries") if isinstance(data, dict) else data
        if not isinstance(rows, list):
            raise GlossaryError(path, "has no list of entries")
    entries = []
    for n, row in enumerate(rows, start=1):
        if not isinstance(row, dict) or not str(row.get("headword_en") or "").strip():
            raise GlossaryError(path, f"entry {n} has no English headword")
        entries.append(_entry_from_row(row))
    return entries


def _entry_from_row(row: dict[str, object]) -> Entry:
    def listed(key: str) -> tuple[str, ...]:
        value = row.get(key) or ()
        if isinstance(value, str):
            value = [v for v in value.split(";")]
        return tuple(str(v).strip() for v in value if str(v).strip())  # type: ignore[union-attr]

    headword = str(row["headword_en"]).strip()
    base = new_user_entry(headword, forms_ru=listed("forms_ru"), definition=str(row.get("definition") or ""),
                          category=str(row.get("category") or "other"), variants_en=listed("variants_en"))
    return replace(
        base,
        id=str(row.get("id") or base.id),
        translit=str(row.get("translit") or base.translit),
        dates=str(row.get("dates") or ""),
        biography=str(row.get("biography") or ""),
        related=listed("related"),
    )


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
