"""Transliteration keys: one key for a name whatever the transliteration system."""

import pytest

from alignment.language.translit import transliterate, translit_key


@pytest.mark.parametrize(
    ("russian", "english"),
    [
        ("Сталин", "Stalin"), ("Бухарина", "Bukharin"), ("Зиновьев", "Zinoviev"),
        ("индустриализация", "industrialization"), ("Рютин", "Riutin"), ("Рютин", "Ryutin"),
        ("Ягода", "Iagoda"), ("Ягода", "Yagoda"), ("Хрущёв", "Khrushchev"), ("Ежов", "Yezhov"),
        ("Ежов", "Ezhov"), ("Ельцин", "Yeltsin"), ("колхоз", "kolkhoz"), ("Троцкий", "Trotsky"),
    ],
)
def test_russian_word_and_its_transliteration_share_a_key(russian: str, english: str) -> None:
    assert translit_key(russian) is not None
    assert translit_key(russian) == translit_key(english)


@pytest.mark.parametrize(("russian", "english"), [("Сталин", "Stanley"), ("Каменев", "Kirov"), ("Ягода", "Yakir")])
def test_different_names_get_different_keys(russian: str, english: str) -> None:
    assert translit_key(russian) != translit_key(english)


def test_short_words_have_no_key() -> None:
    assert translit_key("он") is None
    assert translit_key("the") is None


def test_transliterate_keeps_capitals_and_other_characters() -> None:
    assert transliterate("Щукин, 1931") == "Shchukin, 1931"
