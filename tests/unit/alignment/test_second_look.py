"""The second look: a quotation of one clause of a long sentence, found by meaning."""

import re

import numpy as np
from test_align_data import RU

from alignment.quotes.locate import locate
from alignment.quotes.second_look import piece_shown, pieces

LONG = ("Когда пленум собрался в ноябре, большинство членов Центрального комитета уже знало о письме, "
        "крестьяне в хлебных районах отказывались сдавать зерно по твёрдым ценам, "
        "а местные работники боялись докладывать наверх о настоящем положении дел.")
CLAUSE = "крестьяне в хлебных районах отказывались сдавать зерно по твёрдым ценам,"
QUOTE = "the peasants of the grain districts would not hand over their grain at fixed prices"


class DilutedEmbedder:
    """A stand-in model whose meaning thins out with length, as a sentence vector's does.

    A text's cosine with the query rises from a floor that any text of the same
    language reaches (as with real models) by the share of its words that belong
    to the quoted clause, over the longer of the two; the query is the first axis.
    """

    FLOOR = 0.78

    name = "diluted"

    def __init__(self, query: str = QUOTE, clause: str = CLAUSE) -> None:
        self.query, self.key = query, _words(clause)
        self.texts: list[str] = []

    def embed(self, texts):
        self.texts += list(texts)
        key = self.key
        rows = np.zeros((len(texts), 2), dtype=np.float32)
        for k, text in enumerate(texts):
            if text == self.query:
                rows[k] = (1.0, 0.0)
                continue
            words = _words(text)
            c = self.FLOOR + (1 - self.FLOOR) * len(words & key) / max(len(words), len(key), 1)
            rows[k] = (c, (1 - c * c) ** 0.5)
        return rows


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_pieces_are_runs_of_clauses_and_windows_about_as_long_as_the_quotation() -> None:
    parts = pieces(LONG, len(QUOTE.split()))
    assert CLAUSE in parts  # the clause itself, cut at its commas
    assert len(parts) == len(set(parts))
    target = round(0.8 * len(QUOTE.split()))
    assert all(0.6 * target <= len(p.split()) <= 1.6 * target for p in parts)
    assert all(p in LONG for p in parts)


def test_a_sentence_no_longer_than_the_quotation_is_not_cut() -> None:
    assert pieces("Бухарин возражал.", 10) == []
    assert pieces(CLAUSE, len(QUOTE.split())) == []


def test_a_quotation_of_one_clause_is_found_in_its_long_sentence() -> None:
    units = [*RU[:5], LONG, *RU[5:]]
    first = locate(QUOTE, units, embedder=DilutedEmbedder(), second_look=False)
    assert not (first.found and first.start == 5)  # the whole sentence is too far in meaning
    embedder = DilutedEmbedder()
    result = locate(QUOTE, units, embedder=embedder)
    assert result.found and (result.start, result.end) == (5, 6)
    assert result.text == LONG  # the reader is shown the whole sentence ...
    # ... and the part of it the quotation renders: a piece of the sentence, mostly the quoted clause.
    assert result.part and result.part in LONG
    assert len(_words(result.part) & _words(CLAUSE)) >= 0.7 * len(_words(result.part))
    assert first.part == ""  # without the second look there is no piece to show
    looked_at = [t for t in embedder.texts if t not in units and t != QUOTE]
    assert looked_at and all(t in LONG or any(t in u for u in units) for t in looked_at)


def test_the_second_look_does_not_make_an_unrelated_passage_found() -> None:
    units = [*RU[:5], LONG, *RU[5:]]
    quote = "the weather in Lisbon was mild and the cafes along the river were full of tourists all summer"
    assert not locate(quote, units, embedder=DilutedEmbedder(quote, clause="")).found


def test_a_piece_is_shown_with_an_ellipsis_only_where_it_cuts_the_sentence() -> None:
    assert piece_shown(LONG, CLAUSE) == f"…{CLAUSE}…"
    first = "Когда пленум собрался в ноябре,"
    assert piece_shown(LONG, first) == f"{first}…"
    last = "а местные работники боялись докладывать наверх о настоящем положении дел."
    assert piece_shown(LONG, last) == f"…{last}"
