"""Library search: stems in both languages, hits as parallel pairs."""

from __future__ import annotations

from sqlalchemy import select

from db.models import LibraryText
from db.services.search import fts_query, match_spans, search


def test_russian_stemming_finds_inflected_forms(bundled_library) -> None:
    with bundled_library.sessions() as s:
        result = search(s, "колхоз")
    found = " ".join(h.text for h in result.hits).lower()
    assert result.total == len(result.hits) > 0
    assert "колхозов" in found or "колхозами" in found or "колхозы" in found
    for hit in result.hits:
        words = [hit.text[a:b].lower() for a, b in hit.spans]
        assert words and all(w.startswith("колхоз") for w in words)


def test_english_stemming_finds_plural(bundled_library) -> None:
    with bundled_library.sessions() as s:
        result = search(s, "kolkhoz")
    words = {h.text[a:b].lower() for h in result.hits for a, b in h.spans}
    assert {"kolkhoz", "kolkhozes"} <= words


def test_hits_in_aligned_texts_carry_their_counterpart(bundled_library) -> None:
    with bundled_library.sessions() as s:
        ru_id = s.scalar(select(LibraryText.id).where(LibraryText.key == "trotsky-1931-problems-of-development.ru"))
        result = search(s, "диктатуры пролетариата", text_ids=frozenset({ru_id}))
    assert result.hits
    hit = result.hits[0]
    assert hit.lang == "ru" and hit.partner_lang == "en" and hit.bead_position is not None
    assert "dictatorship" in hit.partner_text.lower()


def test_unaligned_hits_have_no_counterpart(bundled_library) -> None:
    with bundled_library.sessions() as s:
        rogovin = s.scalar(select(LibraryText.id).where(LibraryText.key == "rogovin-bolsheviks-against-stalinism.en"))
        result = search(s, "Riutin", text_ids=frozenset({rogovin}))
    assert result.hits and all(h.partner_text == "" and h.bead_position is None for h in result.hits)


def test_limit_reports_the_total(bundled_library) -> None:
    with bundled_library.sessions() as s:
        result = search(s, "Stalin", limit=10)
    assert len(result.hits) == 10 and result.total > 10 and result.truncated


def test_queries_without_words_find_nothing(bundled_library) -> None:
    with bundled_library.sessions() as s:
        assert search(s, "  ,; ").hits == ()
        assert search(s, '"').total == 0
    assert fts_query("") is None
    assert fts_query('Stalin"s') == '"stalin" AND "s"'


def test_match_spans_mark_whole_words() -> None:
    assert match_spans("Колхозы и колхозники; колхоз.", "колхоз") == ((0, 7), (22, 28))
