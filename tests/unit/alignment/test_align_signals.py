"""Each scoring signal on its own: numbers, lexicon, length, learned word pairs, DP."""

from __future__ import annotations

import numpy as np
from test_align_data import EN, RU

from alignment.aligner.dp import KINDS, Band, fill, traceback
from alignment.aligner.lexicon import build_lexicon, load_lexicon, read_glossary_json
from alignment.language.numbers import extract_numbers
from alignment.aligner.scoring.features import KeyVocabulary, extract_features, key_weights, length_cost
from alignment.aligner.scoring.learned import learn_word_pairs


def test_numbers_agree_across_the_two_conventions() -> None:
    ru = extract_numbers("В 1931 г. XVI съезд, рост на 3,5 %, 1 000 рублей, шестнадцатого числа", "ru")
    en = extract_numbers("In 1931 the Sixteenth Congress, growth of 3.5%, 1,000 roubles, on the 16th", "en")
    for value in ("1931", "16", "3.5", "1000", "%"):
        assert value in ru and value in en


def test_english_pronoun_i_is_not_a_roman_numeral() -> None:
    assert "1" not in extract_numbers("I think so.", "en")


def test_lexicon_matches_inflected_russian_and_plural_english() -> None:
    lexicon = load_lexicon()
    assert set(lexicon.concepts("колхозов", "ru")) & set(lexicon.concepts("kolkhozes", "en"))
    assert set(lexicon.concepts("январе", "ru")) & set(lexicon.concepts("January", "en"))
    assert not set(lexicon.concepts("январе", "ru")) & set(lexicon.concepts("March", "en"))


def test_glossary_entries_of_several_shapes_are_read(tmp_path) -> None:
    path = tmp_path / "glossary.json"
    path.write_text('{"entries": [{"ru": ["совнарком"], "en": "Sovnarkom"}, {"russian": "двурушник",'
                    ' "english": ["double-dealer"]}, {"note": "no forms"}]}', encoding="utf-8")
    lexicon = build_lexicon(read_glossary_json(path))
    assert lexicon.concepts("двурушника", "ru") == lexicon.concepts("double-dealers", "en") != ()


def test_length_cost_prefers_proportional_lengths() -> None:
    costs = length_cost(np.array([100.0, 100.0, 100.0]), np.array([110.0, 60.0, 200.0]), 1.1, 6.8)
    assert costs[0] < costs[1] and costs[0] < costs[2]
    assert costs[0] >= 0


def test_shared_keys_are_weighed_by_rarity() -> None:
    vocab = KeyVocabulary()
    lexicon = load_lexicon()
    src = extract_features(["Сталин в 1931 году.", "Сталин говорил."], "ru", vocab, lexicon)
    tgt = extract_features(["Stalin in 1931.", "Stalin spoke."], "en", vocab, lexicon)
    weights = key_weights(src, tgt, vocab.kind_array(), (1, 1, 1, 0.3, 1), max_df=1.0)
    assert weights[vocab.ids["n:1931"]] > weights[vocab.ids["t:stali"]] > 0


def test_word_pairs_are_learned_from_a_first_alignment() -> None:
    ru = [f"Завод номер {i} выпустил трактор." for i in range(8)]
    en = [f"Plant number {i} produced a tractor." for i in range(8)]
    vocab = KeyVocabulary()
    lexicon = build_lexicon([])
    src = extract_features(ru, "ru", vocab, lexicon)
    tgt = extract_features(en, "en", vocab, lexicon)
    path = [(range(i, i + 1), range(i, i + 1)) for i in range(8)]
    learned = learn_word_pairs(src, tgt, path, vocab, min_count=2, min_dice=0.4, max_df=1.0)
    assert learned is not None
    new_keys = {k for k, v in vocab.ids.items() if k.startswith("l:")}
    assert any("выпуст" in k or "трак" in k for k in new_keys)


def test_dp_picks_the_cheapest_path_through_a_hand_made_cost_table() -> None:
    n, m = 2, 1
    band = Band.full(n, m)
    costs = np.full((len(KINDS), n + 1, band.width), 5.0)
    costs[KINDS.index((2, 1)), 2, 1] = 0.5  # the 2-1 bead is cheapest
    result = fill(costs, band, n, m)
    path = traceback(result, band, n, m)
    assert [(list(s), list(t)) for s, t in path] == [([0, 1], [0])]


def test_features_of_the_test_texts_share_names_and_numbers() -> None:
    vocab = KeyVocabulary()
    src = extract_features(RU, "ru", vocab, load_lexicon())
    tgt = extract_features(EN, "en", vocab, load_lexicon())
    shared = set(src.key_id.tolist()) & set(tgt.key_id.tolist())
    names = {k for k, v in vocab.ids.items() if v in shared}
    assert {"t:stali", "t:buhar", "t:riuti", "t:iagod", "n:1932"} <= names
