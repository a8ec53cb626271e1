"""Stored meaning vectors of a text's sentences (for locating quotations by meaning).

``alignment.quotes.semantic`` computes them, a few dozen sentences a second, so they
are computed once per text and kept in ``text_vectors``; a split or joined
sentence or another model makes them stale (``signature``, ``model``) and they
are computed afresh on the next search.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

import numpy as np
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from alignment.progress import CancelToken, Progress
from alignment.quotes.semantic import Embedder, embed_units, sentences_signature
from db.models import Sentence, TextVectors

log = logging.getLogger(__name__)

STORED_DTYPE = np.float16  # half the size of float32; cosines change in the fourth decimal


def text_units(session: Session, text_id: int) -> list[str]:
    """The text's sentences in order, line breaks as spaces: what vectors and the locate index are made of."""
    return [t.replace("\n", " ") for t in session.scalars(
        select(Sentence.text).where(Sentence.text_id == text_id).order_by(Sentence.position))]


def vectors_current(session: Session, text_id: int, units: Sequence[str], embedder: Embedder) -> bool:
    """Whether the text has usable vectors for ``units`` and ``embedder``, without reading them."""
    row = session.execute(
        select(TextVectors.model, TextVectors.signature, TextVectors.count, TextVectors.dim,
               func.length(TextVectors.vectors)).where(TextVectors.text_id == text_id)
    ).first()
    if row is None:
        return False
    model, signature, count, dim, size = row
    if model != embedder.name or count != len(units) or signature != sentences_signature(units):
        return False
    if size != count * dim * np.dtype(STORED_DTYPE).itemsize:
        log.warning("stored vectors of text %d are damaged; they will be computed again", text_id)
        return False
    return True


def stored_vectors(session: Session, text_id: int, units: Sequence[str], embedder: Embedder) -> np.ndarray | None:
    """The text's stored vectors if they are current for ``units`` and ``embedder``; else None."""
    if not vectors_current(session, text_id, units, embedder):
        return None
    row = session.execute(select(TextVectors.count, TextVectors.dim, TextVectors.vectors)
                          .where(TextVectors.text_id == text_id)).one()
    return np.frombuffer(row.vectors, dtype=STORED_DTYPE).reshape(row.count, row.dim).astype(np.float32)


def store_vectors(session: Session, text_id: int, units: Sequence[str], model: str, vectors: np.ndarray) -> None:
    """Store ``vectors`` (one row per unit) as the text's vectors by ``model``, and commit."""
    if len(vectors) != len(units):
        raise ValueError(f"{len(vectors)} vectors were given for {len(units)} sentences")
    # Computing took seconds: end the read snapshot taken before it, so that the write
    # below starts from the library as it is now (a stale snapshot cannot become a write in WAL).
    session.commit()
    row = session.get(TextVectors, text_id) or TextVectors(text_id=text_id)
    row.model = model
    row.signature = sentences_signature(units)
    row.count = len(units)
    row.dim = int(vectors.shape[1]) if vectors.ndim == 2 and len(units) else 0
    row.vectors = np.ascontiguousarray(vectors, dtype=STORED_DTYPE).tobytes()
    session.add(row)
    session.commit()


def compute_vectors(session: Session, text_id: int, units: Sequence[str], embedder: Embedder, *,
                    progress: Progress | None = None, cancel: CancelToken | None = None) -> np.ndarray:
    """Compute the text's vectors and store them (committed); cancelling stores nothing."""
    vectors = embed_units(embedder, units, progress=progress, cancel=cancel)
    store_vectors(session, text_id, units, embedder.name, vectors)
    log.info("stored meaning vectors of text %d (%d sentences)", text_id, len(units))
    return vectors
