"""Transliteration of Russian words and a spelling-tolerant key for names.

``translit_key`` maps a Russian word (Cyrillic) and an English word (Latin) to
the same key when one is a transliteration of the other, whatever system the
translator used: Сталин/Stalin, Зиновьев/Zinoviev, Рютин/Riutin/Ryutin,
Ягода/Iagoda/Yagoda, Хрущёв/Khrushchev, and
international words such as индустриализация/industrialization (their
stems agree).  Keys are truncated stems, so Russian case endings do not matter.
"""

from __future__ import annotations

import re
from functools import lru_cache

_CYR_TO_LAT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e",
    "ж": "zh", "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    "і": "i", "ї": "i", "є": "e", "ў": "u",
}

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")

# Applied in order to a lower-case Latin spelling; each rule folds spellings
# that different transliteration systems (or English habits) write differently.
_FOLDS: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(pattern), repl)
    for pattern, repl in (
        (r"[^a-z]", ""),
        (r"shch|sch|shtch", "sh"),
        (r"tch", "ch"),
        (r"ck", "k"),
        (r"ph", "f"),
        (r"x", "ks"),
        (r"qu", "kv"),
        (r"q", "k"),
        (r"w", "v"),
        (r"kh", "h"),
        (r"c(?!h)", "k"),
        (r"[yj]", "i"),
        (r"zh", "j"),  # after [yj] -> i, so j here only comes from zh
        (r"ts|tz", "z"),
        (r"ie", "e"),
        (r"^e", "e"),
        (r"i+", "i"),
        (r"(.)\1+", r"\1"),
    )
)


def transliterate(word: str) -> str:
    """Russian Cyrillic to a plain Latin spelling (BGN-like, no diacritics)."""
    out = []
    for ch in word:
        lower = ch.lower()
        lat = _CYR_TO_LAT.get(lower)
        if lat is None:
            out.append(ch)
        elif ch != lower and lat:
            out.append(lat[0].upper() + lat[1:])
        else:
            out.append(lat)
    return "".join(out)


def is_cyrillic(word: str) -> bool:
    return _CYRILLIC.search(word) is not None


@lru_cache(maxsize=200_000)
def fold_latin(word: str) -> str:
    """Spelling-tolerant form of a Latin word: sound-alike letters folded."""
    text = word.lower()
    for pattern, repl in _FOLDS:
        text = pattern.sub(repl, text)
    # Russian -ов/-ев endings are written -ev/-ov/-yov in English: fold to one.
    text = re.sub(r"[eo]v$", "ov", text)
    return text


KEY_LENGTH = 5
MIN_KEY_LENGTH = 4


@lru_cache(maxsize=200_000)
def translit_key(word: str, length: int = KEY_LENGTH) -> str | None:
    """Key shared by a Russian word and its English transliteration, or None.

    Words too short to carry a reliable key (under four folded letters) give
    None.  Cyrillic words are transliterated first; Latin words are folded as
    they are, so Latin brand names inside Russian text match themselves.
    """
    latin = transliterate(word) if is_cyrillic(word) else word
    folded = fold_latin(latin)
    if len(folded) < MIN_KEY_LENGTH:
        return None
    return folded[:length]
