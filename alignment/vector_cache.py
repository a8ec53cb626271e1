"""A file cache of documents' meaning vectors for the command line.

``python -m alignment locate`` is run once per quotation; embedding the same
document every time would cost seconds per call.  Vectors are kept in the
user's cache folder, one ``.npy`` file per (model, sentences) pair; anything
unreadable is ignored and computed again.  The library keeps its own copy in
the database (``db.services.sentence_vectors``).
"""

from __future__ import annotations

import hashlib
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from platformdirs import user_cache_dir

log = logging.getLogger(__name__)


def cache_folder() -> Path:
    """``$SVERKA_CACHE_DIR`` if set, else the platform's cache folder for Sverka."""
    return Path(os.environ.get("SVERKA_CACHE_DIR") or user_cache_dir("sverka")) / "vectors"


def _key(model: str, units: Sequence[str]) -> str:
    digest = hashlib.sha256(model.encode("utf-8") + b"\x01")
    for unit in units:
        digest.update(unit.encode("utf-8") + b"\x00")
    return digest.hexdigest()


def load(model: str, units: Sequence[str]) -> np.ndarray | None:
    """The cached vectors of ``units`` by ``model``, or None."""
    path = cache_folder() / f"{_key(model, units)}.npy"
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if vectors.ndim != 2 or len(vectors) != len(units):
        return None
    return vectors.astype(np.float32)


def save(model: str, units: Sequence[str], vectors: np.ndarray) -> None:
    """Keep the vectors for the next call; a cache that cannot be written is only logged."""
    folder = cache_folder()
    partial: Path | None = None
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=folder, suffix=".tmp", delete=False) as handle:
            partial = Path(handle.name)
            np.save(handle, vectors.astype(np.float16), allow_pickle=False)
        os.replace(partial, folder / f"{_key(model, units)}.npy")
    except OSError as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        log.info("could not cache meaning vectors in %s: %s", folder, exc)
