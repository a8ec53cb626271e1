"""A file cache of documents' meaning vectors for the command line.

``python -m alignment locate`` is run once per quotation; embedding the same
document every time would cost seconds per call.  Vectors are kept in the
user's cache folder, one ``.npy`` file per (model, sentences) pair; anything
unreadable is ignored and computed again.  A bundled text (the 1931 platform,
even as raw PDF text, cleans to the same sentences) uses the vectors shipped in
``resources/library/vectors``.  The library keeps its own copy in the database
(``db.services.sentence_vectors``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from platformdirs import user_cache_dir

from alignment.quotes.semantic import sentences_signature
from resources import library_dir

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
    """The cached (or shipped) vectors of ``units`` by ``model``, or None."""
    cached = _read(cache_folder() / f"{_key(model, units)}.npy", units)
    return cached if cached is not None else _shipped(model, units)


def _read(path: Path, units: Sequence[str]) -> np.ndarray | None:
    try:
        vectors = np.load(path, allow_pickle=False)
    except (OSError, ValueError):
        return None
    if vectors.ndim != 2 or len(vectors) != len(units):
        return None
    return vectors.astype(np.float32)


def _shipped(model: str, units: Sequence[str]) -> np.ndarray | None:
    """Vectors shipped with the bundled library for exactly these sentences, if any."""
    signature = sentences_signature(units)
    for meta_path in sorted((library_dir() / "vectors").glob("*.json")):
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if meta.get("model") == model and meta.get("signature") == signature:
            return _read(meta_path.with_suffix(".npy"), units)
    return None


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
