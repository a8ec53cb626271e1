"""What a library needs before it is shown: the bundled texts on first run, and a
glossary index that matches the glossary in force (after an update of Sverka or
of the user's entries)."""

from __future__ import annotations

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from db.dto import Changes
from db.engine import Library
from db.services.bundled import bundled_installed, ensure_bundled_library
from db.services.glossary import glossary_index_stale


def library_needs_preparing(library: Library) -> bool:
    return not bundled_installed(library) or glossary_index_stale(library)


def prepare_library(
    library: Library,
    *,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> Changes:
    progress = progress or NullProgress()
    changes = ensure_bundled_library(library, progress=progress, cancel=cancel)
    if glossary_index_stale(library):
        from db.services.glossary import reindex_terms

        reindexed = reindex_terms(library, progress=progress, cancel=cancel)
        changes = Changes(
            texts=changes.texts | reindexed.texts,
            alignments=changes.alignments,
            library_reset=True,
        )
    return changes
