"""Stored meaning vectors of a text's sentences: reused while current, recomputed when stale, never half-written."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from sqlalchemy import select, update

from alignment.progress import Cancelled, CancelToken
from db.models import Sentence, TextVectors
from db.services.importing import ImportOptions, TextMetadata, import_text
from db.services.sentence_vectors import compute_vectors, stored_vectors, text_units


class StandInEmbedder:
    def __init__(self, name: str = "stand-in") -> None:
        self.name = name
        self.calls = 0

    def embed(self, texts):
        self.calls += 1
        rows = np.asarray([[len(t), 1.0, 2.0] for t in texts], dtype=np.float32)
        return rows / np.linalg.norm(rows, axis=1, keepdims=True)


@pytest.fixture
def text_id(library, tmp_path: Path) -> int:
    path = tmp_path / "ru.txt"
    path.write_text("Сталин выступил с речью. Бухарин возражал.\n\nСъезд одобрил план. Колхозы росли.\n",
                    encoding="utf-8")
    return import_text(library, path, TextMetadata(lang="ru", title="Проба"), ImportOptions()).text_id


def test_vectors_are_stored_once_and_reused(library, text_id: int) -> None:
    embedder = StandInEmbedder()
    with library.sessions() as session:
        units = text_units(session, text_id)
        assert stored_vectors(session, text_id, units, embedder) is None
        made = compute_vectors(session, text_id, units, embedder)
    with library.sessions() as session:
        again = stored_vectors(session, text_id, text_units(session, text_id), embedder)
    assert again is not None and again.shape == (len(units), 3)
    assert np.allclose(again, made, atol=1e-3)  # stored as float16


def test_vectors_of_changed_sentences_or_another_model_are_stale(library, text_id: int) -> None:
    embedder = StandInEmbedder()
    with library.sessions() as session:
        compute_vectors(session, text_id, text_units(session, text_id), embedder)
        assert stored_vectors(session, text_id, text_units(session, text_id), StandInEmbedder("newer")) is None
    with library.sessions.begin() as session:
        first = session.scalars(select(Sentence).where(Sentence.text_id == text_id, Sentence.position == 0)).one()
        first.text = "Сталин выступил с длинной речью."
    with library.sessions() as session:
        assert stored_vectors(session, text_id, text_units(session, text_id), embedder) is None


def test_damaged_vectors_are_computed_again(library, text_id: int) -> None:
    embedder = StandInEmbedder()
    with library.sessions() as session:
        compute_vectors(session, text_id, text_units(session, text_id), embedder)
    with library.sessions.begin() as session:
        session.execute(update(TextVectors).where(TextVectors.text_id == text_id).values(vectors=b"\x00\x01\x02"))
    with library.sessions() as session:
        assert stored_vectors(session, text_id, text_units(session, text_id), embedder) is None


def test_cancelled_computation_stores_nothing(library, text_id: int) -> None:
    cancel = CancelToken()
    cancel.cancel()
    with library.sessions() as session, pytest.raises(Cancelled):
        compute_vectors(session, text_id, text_units(session, text_id), StandInEmbedder(), cancel=cancel)
    with library.sessions() as session:
        assert session.get(TextVectors, text_id) is None
