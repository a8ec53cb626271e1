"""Term marking: tricky cases a reader would notice, and precision/recall on hand-annotated samples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment.glossary.entries import Glossary
from alignment.glossary.terms import TermHit, TermMatcher
from resources import glossary_dir

DATA = Path(__file__).resolve().parents[2] / "data" / "glossary"


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load(glossary_dir() / "glossary.json")


@pytest.fixture(scope="module")
def matcher(glossary: Glossary) -> TermMatcher:
    return glossary.matcher


def marked(matcher: TermMatcher, text: str, lang: str) -> list[tuple[str, str]]:
    return [(hit.matched, hit.entry_id) for hit in matcher.find(text, lang)]


@pytest.mark.parametrize("word", ["колхоз", "колхоза", "колхозов", "колхозами", "Колхозы"])
def test_russian_inflections_of_kolkhoz(matcher: TermMatcher, word: str) -> None:
    assert marked(matcher, f"Речь шла о {word} в деревне.", "ru") == [(word, "kolkhoz")]


def test_okrug_in_locative_but_not_inside_other_words(matcher: TermMatcher) -> None:
    text = "В округе было тихо; окружком собрался, а вокруг никого."
    assert marked(matcher, text, "ru") == [("округе", "okrug")]


@pytest.mark.parametrize("word", ["Бухарин", "Бухарина", "Бухарину", "Бухариным", "Бухарине"])
def test_russian_surname_case_forms(matcher: TermMatcher, word: str) -> None:
    assert marked(matcher, f"Письмо {word} было прочитано.", "ru") == [(word, "bukharin")]


@pytest.mark.parametrize("word", ["Сырцов", "Сырцова", "Сырцовым", "Рютина", "Рютиным"])
def test_surnames_missing_from_the_dictionary_still_decline(matcher: TermMatcher, word: str) -> None:
    entry = "syrtsov" if word.startswith("Сыр") else "riutin"
    assert marked(matcher, f"Дело {word} слушалось.", "ru") == [(word, entry)]


def test_english_plurals_and_possessives(matcher: TermMatcher) -> None:
    text = "Bukharin's view of kolkhozes and kolkhozy; the kulaks and Stalin’s men."
    assert marked(matcher, text, "en") == [
        ("Bukharin's", "bukharin"), ("kolkhozes", "kolkhoz"), ("kolkhozy", "kolkhoz"),
        ("kulaks", "kulak"), ("Stalin’s", "stalin")]


def test_names_inside_longer_words_are_not_marked(matcher: TermMatcher) -> None:
    text = "Stalingrad, Stalinism, Leninist and Leningrad are not people."
    assert marked(matcher, text, "en") == []
    assert marked(matcher, "Сталинград и сталинский режим.", "ru") == []


def test_abbreviations_are_case_sensitive_whole_tokens(matcher: TermMatcher) -> None:
    assert marked(matcher, "The CC and the CCC met; ACC and cc do not count.", "en") == [
        ("CC", "cc"), ("CCC", "ccc")]
    assert marked(matcher, "ЦК, ЦКК, ОГПУ и ЦИКа.", "ru") == [
        ("ЦК", "cc"), ("ЦКК", "ccc"), ("ОГПУ", "ogpu"), ("ЦИКа", "tsik")]
    assert marked(matcher, "The OGPU arrested him.", "en") == [("OGPU", "ogpu")]


def test_longest_multiword_term_wins(matcher: TermMatcher) -> None:
    assert marked(matcher, "the International Left Opposition and the Left Opposition", "en") == [
        ("International Left Opposition", "international-left-opposition"),
        ("Left Opposition", "left-opposition")]
    assert marked(matcher, "борьба с правым уклоном и правой оппозицией", "ru") == [
        ("правым уклоном", "right-deviation"), ("правой оппозицией", "right-opposition")]


def test_hyphenated_and_bracketed_forms(matcher: TermMatcher) -> None:
    assert marked(matcher, "большевиков-ленинцев в ВКП(б)", "ru") == [
        ("большевиков-ленинцев", "bolshevik-leninists"), ("ВКП(б)", "vkp-b")]
    assert marked(matcher, "the Bolshevik-Leninists of the VKP(b)", "en") == [
        ("Bolshevik-Leninists", "bolshevik-leninists"), ("VKP(b)", "vkp-b")]


def test_initials_belong_to_the_name(matcher: TermMatcher) -> None:
    assert marked(matcher, "as N. I. Bukharin wrote", "en") == [("N. I. Bukharin", "bukharin")]
    assert marked(matcher, "писал Н. И. Бухарин", "ru") == [("Н. И. Бухарин", "bukharin")]


def test_ambiguous_bare_surname_is_not_guessed(matcher: TermMatcher) -> None:
    assert marked(matcher, "Smirnov spoke after I. N. Smirnov.", "en") == [
        ("I. N. Smirnov", "smirnov-ivan")]


def test_ordinary_word_senses_are_not_marked(matcher: TermMatcher) -> None:
    assert marked(matcher, "в области экономики, на краю пропасти", "ru") == []
    assert marked(matcher, "they made concessions and talked of capitulation", "en") == []


def test_slogan_with_comma_and_quotes(matcher: TermMatcher) -> None:
    text = "«ликвидация кулачества, как класса»"
    assert marked(matcher, text, "ru") == [
        ("ликвидация кулачества, как класса", "liquidation-of-the-kulaks-as-a-class")]


@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("коллективизация, коллективизации и коллективизацию", "ru",
     [("коллективизация", "collectivization"), ("коллективизации", "collectivization"),
      ("коллективизацию", "collectivization")]),
    ("the collectivization of agriculture; collectivized farms", "en",
     [("collectivization", "collectivization"), ("collectivized", "collectivization")]),
    ("в СССР и в Советском Союзе", "ru", [("СССР", "ussr"), ("Советском Союзе", "ussr")]),
    ("the USSR, the Soviet Union", "en", [("USSR", "ussr"), ("Soviet Union", "ussr")]),
    ("индустриализации и хлебозаготовок", "ru",
     [("индустриализации", "industrialization"), ("хлебозаготовок", "grain-procurements")]),
])
def test_frequent_terms_of_the_texts_are_marked(matcher: TermMatcher, text: str, lang: str,
                                                expected: list[tuple[str, str]]) -> None:
    assert marked(matcher, text, lang) == expected


def test_a_civil_war_is_not_the_civil_war(matcher: TermMatcher) -> None:
    """Only the capitalised name is the Russian Civil War; "a new civil war" is not."""
    assert marked(matcher, "the Civil War and a new civil war", "en") == [("Civil War", "civil-war")]


def test_editors_entries_are_labelled(glossary: Glossary) -> None:
    for entry_id in ("collectivization", "ussr", "civil-war", "avtorkhanov"):
        entry = glossary[entry_id]
        assert entry.written_by_project and entry.source == "Sverka editors"
        assert entry.definition and entry.forms_ru and entry.headword_en


def test_hits_are_offsets_into_the_text(matcher: TermMatcher) -> None:
    text = "Orgburo и Оргбюро"
    hits = matcher.find(text, "ru") + matcher.find(text, "en")
    assert all(text[h.start:h.end] == h.matched for h in hits)
    assert {h.entry_id for h in hits} == {"orgburo"}


def test_unknown_language_is_refused(matcher: TermMatcher) -> None:
    with pytest.raises(ValueError):
        matcher.find("text", "de")


def score(matcher: TermMatcher, sample_file: str) -> tuple[float, float, int]:
    """Precision and recall of the marks; recall also counts the terms a reader would look up
    that have no entry ("unlisted" in the sample) as missed."""
    sample = json.loads((DATA / sample_file).read_text(encoding="utf-8"))
    found = expected = correct = 0
    for passage in sample["passages"]:
        gold = {(h["start"], h["end"], h["entry_id"]) for h in passage["hits"]}
        got = {(h.start, h.end, h.entry_id) for h in matcher.find(passage["text"], passage["lang"])}
        found += len(got)
        expected += len(gold) + len(passage.get("unlisted", ()))
        correct += len(gold & got)
    return correct / found, correct / expected, expected


def test_annotated_sample_figures(matcher: TermMatcher) -> None:
    precision, recall, occurrences = score(matcher, "annotated_sample.json")
    assert occurrences >= 380
    assert precision >= 0.99
    assert recall >= 0.97


def test_heldout_sample_figures(matcher: TermMatcher) -> None:
    precision, recall, occurrences = score(matcher, "heldout_sample.json")
    assert occurrences >= 130
    assert precision >= 0.97
    assert recall >= 0.95


def test_samples_cover_both_languages_and_reference_real_entries(glossary: Glossary) -> None:
    for name in ("annotated_sample.json", "heldout_sample.json"):
        sample = json.loads((DATA / name).read_text(encoding="utf-8"))
        langs = {p["lang"] for p in sample["passages"]}
        assert langs == {"en", "ru"}
        for passage in sample["passages"]:
            for hit in passage["hits"]:
                assert glossary.get(hit["entry_id"]) is not None
                assert passage["text"][hit["start"]:hit["end"]] == hit["text"]


def test_term_hit_is_plain_data() -> None:
    assert TermHit(0, 2, "cc", "CC") == TermHit(0, 2, "cc", "CC")
