"""ALA-LC romanisation of Russian (iuliia's table, with ё as the LC table has it)."""

from __future__ import annotations

import pytest

from alignment.language.romanise import romanise


@pytest.mark.parametrize(
    ("russian", "strict", "plain"),
    [
        ("Власть и оппозиции", "Vlastʹ i oppozit͡sii", "Vlast' i oppozitsii"),
        ("Троцкий", "Trot͡skiĭ", "Trotskii"),
        ("Бюллетень оппозиции", "Bi͡ulletenʹ oppozit͡sii", "Biulleten' oppozitsii"),
        ("Хрущёв", "Khrushchëv", "Khrushchev"),
        ("съезд", "sʺezd", 's"ezd'),
        ("Эра", "Ėra", "Era"),
        ("ЦК ВКП(б)", "T͡SK VKP(b)", "TSK VKP(b)"),
        ("Юрий", "I͡uriĭ", "Iurii"),
    ],
)
def test_lc_table(russian: str, strict: str, plain: str) -> None:
    assert romanise(russian, "strict") == strict
    assert romanise(russian, "plain") == plain


def test_latin_text_passes_unchanged() -> None:
    assert romanise("Leon Trotsky, 1931") == "Leon Trotsky, 1931"
    assert romanise("Trotsky (Троцкий)") == "Trotsky (Trot͡skiĭ)"


def test_unknown_form_is_refused() -> None:
    with pytest.raises(ValueError):
        romanise("Москва", "bgn")
