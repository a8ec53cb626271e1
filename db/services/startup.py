"""What a library needs before it is shown: the bundled texts on first run, the
bibliographic records of the bundled texts (for libraries made by an older Sverka), and a
glossary index that matches the glossary in force (after an update of Sverka or
of the user's entries).  A library that does not exist yet starts as a copy of
the shipped, prepared bundled library (``db.services.library_template``)."""

from __future__ import annotations

from pathlib import Path

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from db.dto import Changes
from db.engine import Library, default_library_path, open_library
from db.services.bundled import (
    bundled_installed,
    bundled_records_stale,
    ensure_bundled_library,
    refresh_bundled_records,
)
from db.services.glossary import glossary_index_stale


def open_user_library(path: Path | None = None) -> Library:
    """``open_library``, with a new library made from the shipped template when it fits."""
    from db.services.library_template import seed_library

    path = (path or default_library_path()).expanduser()
    seed_library(path)
    return open_library(path)


def library_needs_preparing(library: Library) -> bool:
    """Does the library need the bundled texts, their records or a glossary re-index?  A read-only
    library is read as it is: nothing can be written to it."""
    if library.read_only:
        return False
    return not bundled_installed(library) or bundled_records_stale(library) or glossary_index_stale(library)


def prepare_library(
    library: Library,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Changes:
    progress = progress or NullProgress()
    changes = ensure_bundled_library(library, progress=progress, cancel=cancel)
    if bundled_records_stale(library):  # a library from an older Sverka: records of the bundled texts
        refreshed = refresh_bundled_records(library)
        changes = Changes(texts=changes.texts | refreshed.texts, alignments=changes.alignments,
                          library_reset=changes.library_reset)
    if glossary_index_stale(library):
        from db.services.glossary import reindex_terms

        reindexed = reindex_terms(library, progress=progress, cancel=cancel)
        changes = Changes(
            texts=changes.texts | reindexed.texts,
            alignments=changes.alignments,
            library_reset=True,
        )
    return changes
