"""How a term is rendered across a bead: the cases a reader hovering a term would notice."""

from __future__ import annotations

import pytest

from alignment.aligner.scoring.word_table import WordTable
from alignment.glossary.entries import Glossary
from alignment.glossary.renderings import BeadSide, Rendering, RenderingFinder, TermSpot
from alignment.glossary.terms import TermMatcher
from resources import glossary_dir


@pytest.fixture(scope="module")
def matcher() -> TermMatcher:
    return Glossary.load(glossary_dir() / "glossary.json").matcher


@pytest.fixture(scope="module")
def finder(matcher: TermMatcher) -> RenderingFinder:
    return RenderingFinder(matcher)


def side(matcher: TermMatcher, lang: str, *sentences: str, first: int = 0) -> BeadSide:
    """A bead side with its terms marked as the importer marks them."""
    numbered = tuple((first + i, text) for i, text in enumerate(sentences))
    terms = tuple(TermSpot(pos, h.start, h.end, h.entry_id) for pos, text in numbered for h in matcher.find(text, lang))
    return BeadSide(lang, numbered, terms)


def rendered(renderings: list[Rendering], entry_id: str | None = None) -> list[list[str]]:
    return [[s.text for s in r.spans] for r in renderings if entry_id is None or r.term.entry_id == entry_id]


@pytest.mark.parametrize("word", ["колхоз", "колхоза", "колхозами", "Колхозы", "колхозов"])
def test_russian_case_forms_find_the_english_rendering(matcher: TermMatcher, finder: RenderingFinder, word: str) -> None:
    ru = side(matcher, "ru", f"Речь шла о {word} в деревне.")
    en = side(matcher, "en", "It was about the kolkhoz in the village.")
    assert rendered(finder.renderings(ru, en)) == [["kolkhoz"]]


def test_english_term_finds_its_russian_rendering_in_any_case(matcher: TermMatcher, finder: RenderingFinder) -> None:
    en = side(matcher, "en", "The Orgburo met on Monday.")
    ru = side(matcher, "ru", "В понедельник заседание Оргбюро было отложено.")
    [r] = finder.renderings(en, ru)
    assert (r.surface, r.method) == ("Оргбюро", "glossary")
    ru_dative = side(matcher, "ru", "Поручить Организационному бюро.")
    assert finder.renderings(en, ru_dative)[0].surface == "Организационному бюро"


def test_english_plural_and_multiword_rendering(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Колхозы росли быстро.")
    en = side(matcher, "en", "The collective farms grew fast.")
    [r] = finder.renderings(ru, en)
    assert r.surface == "collective farms"
    assert en.sentences[0][1][r.spans[0].start:r.spans[0].end] == "collective farms"


def test_several_occurrences_pair_in_reading_order(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Колхозы росли, и колхоз стал главным.")
    en = side(matcher, "en", "The collective farms grew and the kolkhoz became the main thing.")
    assert rendered(finder.renderings(ru, en)) == [["collective farms"], ["kolkhoz"]]


def test_across_two_sentences_of_a_bead(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Оргбюро собралось. Потом выступил Бухарин.", first=10)
    en = side(matcher, "en", "The Orgburo met.", "Then Bukharin spoke.", first=20)
    renderings = finder.renderings(ru, en)
    assert [(r.term.entry_id, r.spans[0].sentence, r.surface) for r in renderings] == [
        ("orgburo", 20, "Orgburo"), ("bukharin", 21, "Bukharin")]


def test_lower_case_rendering_of_a_capitalised_form(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Политбюро решило.")
    en = BeadSide("en", ((0, "The politburo decided."),))  # not marked: the marker wants a capital
    assert finder.renderings(ru, en)[0].surface == "politburo"


def test_abbreviation_needs_its_capitals_in_the_counterpart(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Решение ЦК было принято.")
    en = BeadSide("en", ((0, "The cc of the letter was empty."),))
    assert not finder.renderings(ru, en)[0].rendered


def test_not_rendered_when_the_counterpart_has_no_rendering(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Колхоз и Оргбюро обсуждали план.")
    en = side(matcher, "en", "The kolkhoz discussed the plan.")
    renderings = finder.renderings(ru, en)
    assert [(r.term.entry_id, r.rendered, r.method) for r in renderings] == [
        ("kolkhoz", True, "glossary"), ("orgburo", False, None)]


def test_an_omitted_sentence_renders_nothing(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Колхоз стал главным.")
    renderings = finder.renderings(ru, BeadSide("en", ()))
    assert [r.rendered for r in renderings] == [False]


def test_surplus_occurrence_is_not_rendered(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Колхоз и ещё колхоз.")
    en = side(matcher, "en", "A kolkhoz and another one.")
    assert rendered(finder.renderings(ru, en)) == [["kolkhoz"], []]


def test_repeated_rendering_joins_the_occurrence(matcher: TermMatcher, finder: RenderingFinder) -> None:
    ru = side(matcher, "ru", "Колхоз стал главным.")
    en = side(matcher, "en", "The kolkhoz, yes the kolkhoz, became the main thing.")
    [r] = finder.renderings(ru, en)
    assert [s.start for s in r.spans] == [4, 21]


def test_stem_inside_a_longer_word(matcher: TermMatcher, finder: RenderingFinder) -> None:
    en = side(matcher, "en", "The post-Lenin period saw many falsifications.")
    ru = side(matcher, "ru", "Послеленинский период видел много фальсификаций.")
    [r] = [r for r in finder.renderings(en, ru) if r.term.entry_id == "lenin"]
    assert (r.surface, r.method) == ("Послеленинский", "inside a word")


def test_word_table_finds_a_rendering_the_glossary_lacks(matcher: TermMatcher) -> None:
    table = WordTable({"communist": ("коммунистическ",), "youth": ("молодеж",)})
    finder = RenderingFinder(matcher, table)
    ru = side(matcher, "ru", "В комсомоле росло недовольство.")
    assert [h.entry_id for h in ru.terms] == ["komsomol"]
    en = side(matcher, "en", "Discontent grew in the Communist Youth.")
    assert not RenderingFinder(matcher).renderings(ru, en)[0].rendered  # without a table: nothing
    table = WordTable({"communist": ("комсомол",), "youth": ("комсомол",)})
    [r] = RenderingFinder(matcher, table).renderings(ru, en)
    assert (r.surface, r.method) == ("Communist Youth", "word table")


def test_word_table_works_from_english_to_russian(matcher: TermMatcher) -> None:
    finder = RenderingFinder(matcher, WordTable({"cpsu": ("вкп",)}))
    en = side(matcher, "en", "The CPSU has ceased to be a party.")
    ru = side(matcher, "ru", "ВКП окончательно перестала быть партией.")
    [r] = [r for r in finder.renderings(en, ru) if r.term.entry_id == "cpsu"]
    assert (r.surface, r.method) == ("ВКП", "word table")


def test_word_table_prefers_the_word_nearest_the_term(matcher: TermMatcher) -> None:
    finder = RenderingFinder(matcher, WordTable({"youth": ("комсомол",)}))
    ru = side(matcher, "ru", "Рабочие спорили долго и упорно, а недовольство росло в комсомоле.")
    en = BeadSide("en", ((0, "Youth workers argued long and hard, and discontent grew in the youth league."),))
    [r] = finder.renderings(ru, en)
    assert r.spans[0].start > 40  # the second "youth", where the term stands, not the first


@pytest.mark.parametrize(("surface", "lang", "folded"), [
    ("Collective farms", "en", "collective farm"), ("kolkhozes", "en", "kolkhoz"), ("parties", "en", "party"),
    ("Bukharin's", "en", "bukharin"), ("колхозов", "ru", "колхоз"), ("Колхозами", "ru", "колхоз"),
    ("ЦИКа", "ru", "цик"), ("коллективного хозяйства", "ru", "коллективный хозяйство"),
])
def test_fold_groups_case_plural_and_case_endings(finder: RenderingFinder, surface: str, lang: str, folded: str) -> None:
    assert finder.fold(surface, lang) == folded


def test_function_words_never_render_a_term(matcher: TermMatcher) -> None:
    # A word table learned from three beads pairs Оргбюро with "the": it shares every bead with it.
    finder = RenderingFinder(matcher, WordTable({"the": ("оргбюр",), "met": ("оргбюр",)}))
    ru = side(matcher, "ru", "Оргбюро снова собралось.")
    en = BeadSide("en", ((0, "The committee met again."),))
    [r] = finder.renderings(ru, en)
    assert r.surface == "met"  # a content word the table names may be wrong, but never "The"
    finder = RenderingFinder(matcher, WordTable({"the": ("оргбюр",)}))
    assert not finder.renderings(ru, en)[0].rendered
