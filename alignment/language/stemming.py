"""Word stems for full-text search (Snowball stemmers that ship with NLTK).

The search index stores, for each sentence, the stems of its words, so that a
query for ``колхоз`` finds ``колхозов`` and ``kolkhoz`` finds ``kolkhozes``.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from alignment.language.nltk_modules import nltk_module

if TYPE_CHECKING:
    from nltk.stem.snowball import SnowballStemmer

_WORD = re.compile(r"\w+", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")


@lru_cache(maxsize=2)
def _stemmer(language: str) -> SnowballStemmer:
    # NLTK is loaded on the first stem (a search or an import), not when the window opens.
    return nltk_module("nltk.stem.snowball").SnowballStemmer(language)


@lru_cache(maxsize=200_000)
def stem_word(word: str) -> str:
    """Stem one word, choosing the stemmer by its script (texts mix languages)."""
    w = word.lower().replace("ё", "е")
    if _CYRILLIC.search(w):
        return _stemmer("russian").stem(w)
    if w.isascii() and w.isalpha():
        return _stemmer("english").stem(w)
    return w


def stems(text: str) -> list[str]:
    return [stem_word(m.group(0)) for m in _WORD.finditer(text)]


def index_text(text: str) -> str:
    """The string stored in the search index for ``text``."""
    return " ".join(stems(text))
