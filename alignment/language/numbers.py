"""Numbers in Russian and English text, reduced to comparable values.

Handles digit groups in both conventions (Russian ``1 000``/``3,5``, English
``1,000``/``3.5``), years (``1931 г.``), percentages, Roman numerals
(``XVI съезд``), and number words up to twenty plus tens, cardinal or ordinal
(``шестнадцатый``/``Sixteenth``).  The result is a list of canonical strings
such as ``"1931"``, ``"3.5"``, ``"16"`` and ``"%"``.
"""

from __future__ import annotations

import re

_RU_NUMBER = re.compile(r"\d{1,3}(?:[ \u00a0\u202f\u2009]\d{3})+(?:,\d+)?|\d+(?:,\d+)?")
_EN_NUMBER = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?")
_ROMAN = re.compile(r"\b(?=[IVXLC]{2,}\b|[VX]\b)(C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})\b")
_PERCENT = re.compile(r"%|процент|percent|per cent", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")

_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}

# Stems of number words; the Russian ones are matched as prefixes of the word
# so that case endings (шестнадцатого, двадцати) do not matter.
_RU_NUMBER_STEMS = (
    ("одиннадцат", 11), ("двенадцат", 12), ("тринадцат", 13), ("четырнадцат", 14),
    ("пятнадцат", 15), ("шестнадцат", 16), ("семнадцат", 17), ("восемнадцат", 18),
    ("девятнадцат", 19), ("двадцат", 20), ("тридцат", 30), ("сорок", 40),
    ("пятьдесят", 50), ("шестьдесят", 60), ("семьдесят", 70), ("восемьдесят", 80),
    ("девяност", 90), ("сто", 100), ("тысяч", 1000), ("миллион", 1_000_000),
    ("миллиард", 1_000_000_000), ("перв", 1), ("втор", 2), ("трет", 3), ("четверт", 4),
    ("пят", 5), ("шест", 6), ("седьм", 7), ("восьм", 8), ("девят", 9), ("десят", 10),
    ("два", 2), ("две", 2), ("двух", 2), ("три", 3), ("трех", 3), ("трёх", 3),
    ("четыр", 4), ("сем", 7), ("восем", 8),
)
_RU_EXACT = {"сто": 100, "сем": 7, "семь": 7, "один": 1, "одна": 1, "одно": 1, "пять": 5, "шесть": 6}
_RU_STOP = {"пятница", "пятницу", "пятницы", "третий", "сторона", "стороны", "стоит", "стол", "семья", "семьи", "семью", "втор"}
_EN_WORDS = {
    "one": 1, "first": 1, "two": 2, "second": 2, "three": 3, "third": 3, "four": 4, "fourth": 4,
    "five": 5, "fifth": 5, "six": 6, "sixth": 6, "seven": 7, "seventh": 7, "eight": 8, "eighth": 8,
    "nine": 9, "ninth": 9, "ten": 10, "tenth": 10, "eleven": 11, "eleventh": 11, "twelve": 12,
    "twelfth": 12, "thirteen": 13, "thirteenth": 13, "fourteen": 14, "fourteenth": 14,
    "fifteen": 15, "fifteenth": 15, "sixteen": 16, "sixteenth": 16, "seventeen": 17,
    "seventeenth": 17, "eighteen": 18, "eighteenth": 18, "nineteen": 19, "nineteenth": 19,
    "twenty": 20, "twentieth": 20, "thirty": 30, "thirtieth": 30, "forty": 40, "fortieth": 40,
    "fifty": 50, "fiftieth": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "thousand": 1000, "million": 1_000_000, "billion": 1_000_000_000,
}


def _canonical(value: float) -> str:
    if value == int(value):
        return str(int(value))
    return f"{value:g}"


def _roman_value(text: str) -> int:
    total = 0
    for i, ch in enumerate(text):
        value = _ROMAN_VALUES[ch]
        if i + 1 < len(text) and _ROMAN_VALUES[text[i + 1]] > value:
            total -= value
        else:
            total += value
    return total


def _ru_word_value(word: str) -> int | None:
    lower = word.lower()
    if lower in _RU_EXACT:
        return _RU_EXACT[lower]
    if lower in _RU_STOP or len(lower) < 3:
        return None
    for stem, value in _RU_NUMBER_STEMS:
        if lower.startswith(stem) and len(lower) - len(stem) <= 4:
            if stem == "сто" and lower not in ("сто", "ста", "сотни", "сотня"):
                continue
            return value
    return None


def number_word_value(word: str, lang: str) -> int | None:
    """Value of a number word (``шестнадцатого``, ``Sixteenth``), or None."""
    return _ru_word_value(word) if lang == "ru" else _EN_WORDS.get(word.lower())


def extract_numbers(text: str, lang: str, *, words: bool = True) -> list[str]:
    """Canonical number values (and ``%``) found in ``text`` written in ``lang``.

    With ``words=False`` number words are left out (the caller looks them up
    word by word, with a cache).
    """
    values: list[str] = []
    if lang == "ru":
        for match in _RU_NUMBER.finditer(text):
            raw = re.sub(r"[ \u00a0\u202f\u2009]", "", match.group()).replace(",", ".")
            values.append(_canonical(float(raw)))
    else:
        for match in _EN_NUMBER.finditer(text):
            values.append(_canonical(float(match.group().replace(",", ""))))
    for match in _ROMAN.finditer(text):
        if match.group(0):
            values.append(str(_roman_value(match.group(0))))
    if words:
        for word_match in _WORD.finditer(text):
            value = number_word_value(word_match.group(), lang)
            if value is not None:
                values.append(str(value))
    values.extend("%" for _ in _PERCENT.finditer(text))
    return values
