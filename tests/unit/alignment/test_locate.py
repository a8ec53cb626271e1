"""Finding the Russian sentences that an English passage translates."""

from pathlib import Path

import pytest
from test_align_data import EN, RU

from alignment.aligner.beads import Bead
from alignment.quotes.locate import build_index, learn_word_table, locate

GOLD = Path(__file__).resolve().parents[2] / "data" / "align_gold"


def test_finds_the_sentence_a_quotation_translates() -> None:
    result = locate(EN[5], RU)
    assert result.found
    assert (result.start, result.end) == (5, 6)
    assert result.text == RU[5]


def test_finds_a_span_of_two_sentences() -> None:
    result = locate(EN[3] + " " + EN[4], RU)
    assert result.found and (result.start, result.end) == (3, 5)


def test_says_nothing_matches_for_an_unrelated_passage() -> None:
    result = locate("The weather in Lisbon was mild and the cafes were full of tourists.", RU)
    assert not result.found


def test_empty_inputs_are_not_found() -> None:
    assert not locate("", RU).found
    assert not locate("Stalin", []).found


def test_index_gives_the_same_answer_and_must_match_the_units() -> None:
    index = build_index(RU)
    assert locate(EN[5], RU, index=index) == locate(EN[5], RU)
    with pytest.raises(ValueError, match="index"):
        locate(EN[5], RU[:3], index=index)


def _trotsky_1931_pair() -> tuple[list[str], list[str]]:
    ru = (GOLD / "trotsky1931.ru.txt").read_text(encoding="utf-8").splitlines()
    en = (GOLD / "trotsky1931.en.txt").read_text(encoding="utf-8").splitlines()
    return ru, en


# Rogovin, "Bolsheviks Against Stalinism", ch. 23, quoting the 1931 platform in his own
# translation; in the checked stretch it is Russian unit 92 (unit 241 of the whole text).
ROGOVIN = ("To examine, verify, summarize and generalize all of this can only be done by a party that is "
           "active, independent and self-assured.")


def test_a_word_table_from_the_aligned_pair_points_to_a_quotation_in_another_translation() -> None:
    ru, en = _trotsky_1931_pair()
    assert not locate(ROGOVIN, ru).found  # no names, numbers or terms to go by
    # Learned without the quoted sentence's own pair, as a different translation would be.
    beads = [Bead((i,), (i,)) for i in range(len(ru)) if i != 92]
    result = locate(ROGOVIN, ru, word_table=learn_word_table(ru, en, beads))
    assert (result.start, result.end) == (92, 93)
    assert result.score > 1.5 * result.runner_up


def test_a_word_table_finds_sentences_of_the_translation_it_was_learned_from() -> None:
    ru, en = _trotsky_1931_pair()
    table = learn_word_table(ru, en, [Bead((i,), (i,)) for i in range(len(ru))])
    index = build_index(ru)
    results = [locate(en[i], ru, index=index, word_table=table) for i in range(0, len(en), 5)]
    found = [r for r in results if r.found]
    assert len(found) >= 0.5 * len(results)
    assert len(found) > 2 * sum(locate(en[i], ru, index=index).found for i in range(0, len(en), 5))
    assert all((r.start, r.end) == (5 * k, 5 * k + 1) for k, r in enumerate(results) if r.found)


def test_a_word_table_does_not_make_an_unrelated_passage_found() -> None:
    ru, en = _trotsky_1931_pair()
    table = learn_word_table(ru, en, [Bead((i,), (i,)) for i in range(len(ru))])
    unrelated = "The weather in Lisbon was mild and the cafes were full of tourists watching the boats."
    assert not locate(unrelated, ru, word_table=table).found


def test_finds_the_sentence_a_quotation_of_part_of_it_comes_from() -> None:
    # Part of sentence 9: the Dice score punishes the Russian sentence for the words left out.
    fragment = "1929 plenum of the CC condemned"
    assert not locate(fragment, RU, containment_weight=0.0).found
    result = locate(fragment, RU)
    assert result.found and (result.start, result.end) == (9, 10)


def test_containment_does_not_make_a_short_unrelated_passage_found() -> None:
    assert not locate("the cafes of Lisbon were full of tourists", RU).found
    ru, en = _trotsky_1931_pair()
    table = learn_word_table(ru, en, [Bead((i,), (i,)) for i in range(len(ru))])
    assert not locate("the cafes of Lisbon were full of tourists watching the boats", ru, word_table=table).found


class MeaningEmbedder:
    """A stand-in model: texts listed in ``same`` mean the same thing; any other text means something of its own."""

    name = "stand-in"
    DIM = 32

    def __init__(self, same: set[str]) -> None:
        self.same = same
        self.calls = 0
        self.texts: list[str] = []
        self._own: dict[str, int] = {}

    def embed(self, texts):
        import numpy as np

        self.calls += 1
        self.texts += list(texts)
        rows = np.zeros((len(texts), self.DIM), dtype=np.float32)
        for k, text in enumerate(texts):
            axis = 0 if text in self.same else self._own.setdefault(text, 1 + len(self._own) % (self.DIM - 1))
            rows[k, axis] = 1.0
        return rows


def test_meaning_finds_a_quotation_that_shares_no_words_with_the_original() -> None:
    quote = "Those who disagreed were quietly moved aside."
    assert not locate(quote, RU).found  # shared words alone cannot find it
    embedder = MeaningEmbedder({quote, RU[4]})
    result = locate(quote, RU, embedder=embedder)
    assert result.semantic and result.found
    assert (result.start, result.end) == (4, 5)


def test_meaning_does_not_make_an_unrelated_passage_found() -> None:
    embedder = MeaningEmbedder(set())
    result = locate("The weather in Lisbon was mild and the cafes were full of tourists.", RU, embedder=embedder)
    assert result.semantic and not result.found


def test_an_index_with_vectors_does_not_embed_the_document_again() -> None:
    quote = "Those who disagreed were quietly moved aside."
    embedder = MeaningEmbedder({quote, RU[4]})
    index = build_index(RU, embedder=embedder)
    assert index.vectors is not None and index.vectors.shape[0] == len(RU)
    embedder.texts.clear()
    assert locate(quote, RU, index=index, embedder=embedder).start == 4
    # the query, and at most pieces of the few best sentences (the second look)
    assert embedder.texts[0] == quote and not set(embedder.texts) & set(RU)
    embedder.texts.clear()
    assert locate(quote, RU, index=index, embedder=embedder, second_look=False).start == 4
    assert embedder.texts == [quote]
    with pytest.raises(ValueError, match="vectors"):
        build_index(RU, vectors=index.vectors[:2])


class NearEmbedder:
    """A stand-in model whose cosine with the query is given per text (the query's vector is the first axis)."""

    name = "near"

    def __init__(self, query: str, cosine: dict[str, float], default: float) -> None:
        self.query, self.cosine, self.default = query, cosine, default

    def embed(self, texts):
        import numpy as np

        rows = np.zeros((len(texts), 3), dtype=np.float32)
        for k, text in enumerate(texts):
            c = 1.0 if text == self.query else self.cosine.get(text, self.default)
            # second axis shared by every unit, so unit vectors sum like real ones
            rows[k] = (c, (1 - c * c) ** 0.5, 0.0) if text != self.query else (1.0, 0.0, 0.0)
        return rows


def test_a_passage_that_stands_out_in_meaning_is_trusted_more_than_one_among_many_alike() -> None:
    """The same closeness counts for more when the rest of the document is far from the quotation."""
    quote = "Those who disagreed were quietly moved aside."
    alone = locate(quote, RU, embedder=NearEmbedder(quote, {RU[4]: 0.9}, default=0.72))
    crowded = locate(quote, RU, embedder=NearEmbedder(quote, {RU[4]: 0.9}, default=0.88))
    assert alone.start == crowded.start == 4
    assert alone.score > crowded.score
    assert alone.found and not crowded.found


def test_the_product_model_finds_a_title_in_capitals_that_the_bare_model_misses() -> None:
    from alignment.quotes.normalise import fold_capitals
    from alignment.quotes.semantic import PreparedEmbedder

    quote = "Those Who Disagreed Were Quietly Moved Aside"
    units = list(RU)
    units[4] = RU[4].upper()
    same = {fold_capitals(quote), fold_capitals(units[4])}
    assert not locate(quote, units, embedder=MeaningEmbedder(same)).found
    result = locate(quote, units, embedder=PreparedEmbedder(MeaningEmbedder(same)))
    assert result.found and (result.start, result.end) == (4, 5)
    assert result.text == units[4]  # shown as the document has it
