"""Page of a sentence from its paragraph's start page and page breaks."""

from db.services.pages import page_at, page_span


def test_a_sentence_after_a_page_break_is_on_the_next_page() -> None:
    breaks = [[120, "46"], [400, "47"]]
    assert page_at("45", breaks, 0) == "45"
    assert page_at("45", breaks, 119) == "45"
    assert page_at("45", breaks, 120) == "46"
    assert page_at("45", breaks, 401) == "47"
    assert page_at(None, None, 10) is None


def test_page_span() -> None:
    assert page_span("45", "45") == "45"
    assert page_span("45", "47") == "45–47"
    assert page_span(None, None) is None
