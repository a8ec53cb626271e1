"""The aligner's optional meaning signal (``align(..., embedder=...)``)."""

from __future__ import annotations

import numpy as np

from alignment.aligner.align import align

RU = ["Делегаты долго спорили о хлебе и ценах на него в деревне.",
      "Вечером собрание закрылось без всякого решения по вопросу.",
      "Утром рабочие снова вышли на улицы города с плакатами."]
EN = ["The delegates argued for a long time about grain and its price in the village.",
      "In the morning the workers again took to the city streets with placards."]


class StandInEmbedder:
    """Texts of one group mean the same thing; any other text means something of its own."""

    name = "stand-in"

    def __init__(self, groups: list[set[str]]) -> None:
        self.groups = groups
        self._own: dict[str, int] = {}

    def embed(self, texts):
        out = np.zeros((len(texts), 16), dtype=np.float32)
        for k, text in enumerate(texts):
            axis = next((g for g, members in enumerate(self.groups) if text in members), None)
            if axis is None:
                axis = self._own.setdefault(text, 8 + len(self._own) % 8)
            out[k, axis] = 1.0
        return out


def keys(beads):
    return [(b.src, b.tgt) for b in beads]


def test_meaning_tells_which_sentence_the_translator_left_out() -> None:
    # No names, numbers or shared words: by length alone the omitted middle sentence is merged into the first.
    assert keys(align(RU, EN)) == [((0, 1), (0,)), ((2,), (1,))]
    embedder = StandInEmbedder([{RU[0], EN[0]}, {RU[2], EN[1]}])
    assert keys(align(RU, EN, embedder=embedder)) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]


def test_meaning_keeps_every_unit_covered_once_with_anchors() -> None:
    from alignment.aligner.beads import Bead

    embedder = StandInEmbedder([{RU[0], EN[0]}, {RU[2], EN[1]}])
    beads = align(RU, EN, embedder=embedder, anchors=[Bead((2,), (1,))])
    assert sorted(i for b in beads for i in b.src) == [0, 1, 2]
    assert sorted(j for b in beads for j in b.tgt) == [0, 1]
    assert beads[-1].fixed
