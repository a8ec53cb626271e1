"""The bundled library: the texts shipped in ``resources/library`` with their metadata.

The first run imports every bundled text (each in its own transaction) and
aligns the bundled pairs; a library setting records that it was done, so
later runs start at once and a text the user deleted does not come back
until they ask for it (``restore_bundled``).
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from db.dto import Changes
from db.engine import Library
from db.errors import DuplicateTextError
from db.models import Alignment, LibrarySetting, LibraryText
from resources import library_dir

if TYPE_CHECKING:
    from db.services.importing import TextMetadata

# Importing and aligning (NLTK, the aligner…) load when texts are installed, not when a
# start-up only asks whether they are.

log = logging.getLogger(__name__)

INSTALLED_KEY = "bundled_library_installed"
RECORDS_KEY = "bundled_records"  # digest of the bundled records last written into this library


@dataclass(frozen=True)
class BundledText:
    key: str
    path: Path
    meta: TextMetadata
    fmt: str | None


@dataclass(frozen=True)
class BundledManifest:
    version: int
    texts: tuple[BundledText, ...]
    pairs: tuple[tuple[str, str], ...]
    root: Path | None = None  # the folder holding manifest.json (and vectors/)


def load_manifest(root: Path | None = None) -> BundledManifest:
    from db.services.importing import TextMetadata

    root = root or library_dir()
    data = json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    works = {w["key"]: w for w in data.get("works", [])}
    texts = []
    for t in data["texts"]:
        work = works.get(t["work"], {})
        meta = TextMetadata(
            lang=t["lang"],
            title=t.get("title", ""),
            author=t.get("author", ""),
            translator=t.get("translator", ""),
            date=t.get("date", ""),
            source=t.get("source", ""),
            rights=t.get("rights", ""),
            note=t.get("note", ""),
            kind=t.get("kind", "original"),
            work_title=work.get("title", t.get("title", "")),
            work_key=t["work"],
            key=t["key"],
            bundled=True,
            record=bundled_record(t),
        )
        texts.append(BundledText(key=t["key"], path=root / t["file"], meta=meta, fmt=t.get("format")))
    pairs = tuple((p["ru"], p["en"]) for p in data.get("pairs", []))
    return BundledManifest(version=int(data.get("version", 1)), texts=tuple(texts), pairs=pairs, root=root)


def bundled_record(entry: dict[str, Any]) -> dict[str, object] | None:
    """The manifest's record of a bundled text, marked as Sverka's own (``x-sverka-bundled``)."""
    record = entry.get("record")
    return {**record, "x-sverka-bundled": True} if isinstance(record, dict) else None


def _digest(records: list[tuple[str, dict[str, object] | None]]) -> str:
    data = json.dumps(records, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


def _records_digest(manifest: BundledManifest) -> str:
    return _digest([(t.key, t.meta.record) for t in manifest.texts])


def _shipped_records_digest(root: Path | None = None) -> str:
    """``_records_digest(load_manifest())`` read straight from the file: every start asks,
    and ``load_manifest`` loads the importer."""
    data = json.loads(((root or library_dir()) / "manifest.json").read_text(encoding="utf-8"))
    return _digest([(t["key"], bundled_record(t)) for t in data["texts"]])


def bundled_records_stale(library: Library, manifest: BundledManifest | None = None) -> bool:
    """True when this library has not yet received the bundled records of this version of Sverka."""
    digest = _records_digest(manifest) if manifest is not None else _shipped_records_digest()
    with library.sessions() as session:
        done = session.get(LibrarySetting, RECORDS_KEY)
        return done is None or done.value != digest


def refresh_bundled_records(library: Library, manifest: BundledManifest | None = None) -> Changes:
    """Give the bundled texts of an existing library the records this version ships.

    A text gets the shipped record when it has none, or when it still has an
    earlier shipped one (``x-sverka-bundled``); a record the user edited is kept.
    """
    manifest = manifest or load_manifest()
    records = {t.key: t.meta.record for t in manifest.texts if t.meta.record is not None}
    touched = set()
    with library.sessions.begin() as session:
        rows = session.scalars(select(LibraryText).where(LibraryText.key.in_(list(records)))).all()
        for row in rows:
            new = records[row.key]  # type: ignore[index]
            current = row.record
            if current != new and (current is None or current.get("x-sverka-bundled") is True):
                row.record = new
                touched.add(row.id)
        session.merge(LibrarySetting(key=RECORDS_KEY, value=_records_digest(manifest)))
    if touched:
        log.info("bundled records written for texts %s", sorted(touched))
    return Changes(texts=frozenset(touched))


def bundled_installed(library: Library) -> bool:
    with library.sessions() as session:
        return session.get(LibrarySetting, INSTALLED_KEY) is not None


def ensure_bundled_library(
    library: Library,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
    manifest: BundledManifest | None = None,
) -> Changes:
    """Install the bundled library on first run; do nothing later."""
    if bundled_installed(library):
        return Changes()
    manifest = manifest or load_manifest()
    changes = restore_bundled(library, progress=progress, cancel=cancel, manifest=manifest)
    with library.sessions.begin() as session:
        session.merge(LibrarySetting(key=INSTALLED_KEY, value=str(manifest.version)))
    refresh_bundled_records(library, manifest)  # the imports carried them; this notes the version
    return changes


def restore_bundled(
    library: Library,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
    manifest: BundledManifest | None = None,
) -> Changes:
    """Import every bundled text that is missing and align the bundled pairs."""
    from db.services.aligning import align_texts
    from db.services.bundled_vectors import install_bundled_vectors
    from db.services.importing import ImportOptions, import_text

    progress = progress or NullProgress()
    manifest = manifest or load_manifest()
    with library.sessions() as session:
        present = {k: i for k, i in session.execute(select(LibraryText.key, LibraryText.id)) if k}
    steps = len(manifest.texts) + len(manifest.pairs)
    touched: set[int] = set()
    for n, item in enumerate(manifest.texts):
        cancel.raise_if_cancelled()
        progress.update(n, steps, f"importing {item.meta.title}")
        if item.key in present or not item.path.exists():
            if not item.path.exists():
                log.warning("bundled text %s is missing its file %s", item.key, item.path)
            continue
        try:
            result = import_text(
                library,
                item.path,
                item.meta,
                ImportOptions(fmt=item.fmt, force_language=True),
                progress=_Scaled(progress, n, steps, item.meta.title),
                cancel=cancel,
            )
        except DuplicateTextError as exc:
            # The user imported the same text themselves; keep theirs.
            log.info("bundled text %s already in the library as %d", item.key, exc.existing_id)
            continue
        present[item.key] = result.text_id
        touched.add(result.text_id)
        install_bundled_vectors(library, result.text_id, item.key, manifest.root)  # those shipped, if any
    aligned: set[int] = set()
    for n, (ru_key, en_key) in enumerate(manifest.pairs):
        cancel.raise_if_cancelled()
        progress.update(len(manifest.texts) + n, steps, "aligning")
        ru_id, en_id = present.get(ru_key), present.get(en_key)
        if ru_id is None or en_id is None or _aligned(library, ru_id, en_id):
            continue
        changes = align_texts(library, ru_id, en_id, cancel=cancel)
        aligned |= changes.alignments
    progress.update(steps, steps, "done")
    return Changes(texts=frozenset(touched), alignments=frozenset(aligned), library_reset=bool(touched))


def _aligned(library: Library, ru_id: int, en_id: int) -> bool:
    with library.sessions() as session:
        return (
            session.scalars(
                select(Alignment.id).where(Alignment.ru_text_id == ru_id, Alignment.en_text_id == en_id)
            ).first()
            is not None
        )


class _Scaled:
    """Maps one text's progress into its share of the whole bundled import."""

    def __init__(self, outer: Progress, index: int, steps: int, title: str) -> None:
        self._outer = outer
        self._index = index
        self._steps = steps
        self._title = title

    def update(self, done: int, total: int, stage: str = "") -> None:
        fraction = done / total if total else 0.0
        scale = 1000
        self._outer.update(
            int((self._index + fraction) * scale), self._steps * scale, f"importing {self._title}: {stage}"
        )

