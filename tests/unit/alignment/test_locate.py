"""Finding the Russian sentences that an English passage translates."""

from test_align_data import EN, RU

from alignment.locate import locate


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
