"""Text as the meaning model and the word evidence should see it, whatever the page looked like.

Two things that real quotations and real originals do, and that hurt both
kinds of evidence, are undone here before either looks at a text:

- **Capitals.** Titles and slogans are set in CAPITALS in the Russian
  («ВСЯ ВЛАСТЬ СОВЕТАМ!») and in Title Case in English.  The sentence model
  reads capitalised Cyrillic as rare fragments, and every word of a capitalised
  line looks like a name to the word evidence.  A text mostly in capitals, or
  an English text whose words are mostly capitalised, is brought to sentence
  case.  Ordinary sentences are left exactly as they are.
- **Mixed scripts.** Text recognised from a printed page (OCR) often has Latin
  letters inside Russian words (``пoлитика`` with a Latin ``o``): they look the
  same on the page but are other words to any program.  In a word that is
  mostly Cyrillic, Latin look-alikes become Cyrillic.
"""

from __future__ import annotations

import re

__all__ = ["fold_capitals", "for_matching", "mend_scripts"]

_LATIN_TO_CYRILLIC = str.maketrans({
    "a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "k": "к",
    "A": "А", "B": "В", "E": "Е", "K": "К", "M": "М", "H": "Н", "O": "О", "P": "Р", "C": "С", "T": "Т",
    "X": "Х", "Y": "У",
})
_MIXED_WORD = re.compile(r"\w*(?:[А-Яа-яЁё][A-Za-z]|[A-Za-z][А-Яа-яЁё])\w*")
_WORD = re.compile(r"[^\W\d_]+")
CAPITALS_SHARE = 0.6  # of a text's letters
TITLE_SHARE = 0.7  # of an English text's longer words
MIN_LETTERS = 8


def mend_scripts(text: str) -> str:
    """Latin look-alike letters inside mostly Cyrillic words made Cyrillic (пoлитика -> политика)."""
    if not _MIXED_WORD.search(text):
        return text

    def mend(match: re.Match[str]) -> str:
        word = match.group()
        cyrillic = sum("\u0400" <= ch <= "\u04ff" for ch in word)
        latin = sum(ch.isascii() and ch.isalpha() for ch in word)
        return word.translate(_LATIN_TO_CYRILLIC) if cyrillic >= latin else word

    return _MIXED_WORD.sub(mend, text)


def fold_capitals(text: str) -> str:
    """A text set in capitals or Title Case brought to sentence case; other texts unchanged."""
    letters = [ch for ch in text if ch.isalpha()]
    if len(letters) < MIN_LETTERS:
        return text
    if sum(ch.isupper() for ch in letters) >= CAPITALS_SHARE * len(letters):
        return _sentence_case(text.lower())
    # Title Case: most longer words capitalised (names and abbreviations alone are not enough).
    words = [w for w in _WORD.findall(text)[1:] if len(w) >= 4 and not w.isupper()]
    if len(words) >= 4 and sum(w[:1].isupper() for w in words) >= TITLE_SHARE * len(words) \
            and not re.search(r"[А-Яа-яЁё]", text):
        return _sentence_case(" ".join(w if w.isupper() and len(w) > 1 else w.lower()
                                       for w in text.split(" ")))
    return text


def _sentence_case(text: str) -> str:
    """First letter of the text and of each sentence in it upper case."""
    return re.sub(r"(^|[.!?]\s+|[«\"“(]\s*)(\w)", lambda m: m.group(1) + m.group(2).upper(), text)


def for_matching(text: str) -> str:
    """``text`` with scripts mended and capitals folded: what both kinds of evidence read."""
    return fold_capitals(mend_scripts(text))
