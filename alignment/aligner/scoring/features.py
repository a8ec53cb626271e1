"""Small pure scoring pieces: unit features, pairwise lexical evidence, length cost.

Each unit is described by its length in characters and a bag of *keys*: things
that survive translation unchanged or through a known mapping (numbers,
transliterated names and international words, glossary concepts, punctuation
cues, learned word pairs).  Two units share evidence when they share keys; a
key is weighed by its kind and by how rare it is in the texts at hand.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from alignment.aligner.lexicon import Lexicon, en_stem, ru_stem
from alignment.language.numbers import extract_numbers, number_word_value
from alignment.language.translit import translit_key

_TOKEN = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_PUNCT_CUES = {
    "?": "?", "!": "!", ":": ":", "(": "(", "«": '"', "“": '"', "„": '"', '"': '"', "…": "...",
}

_PUNCT_RE = re.compile("[" + re.escape("".join(_PUNCT_CUES)) + "]")

KIND_NUMBER, KIND_NAME, KIND_TERM, KIND_PUNCT, KIND_LEARNED = range(5)
KIND_NAMES = ("number", "name", "term", "punct", "learned")
_KIND_OF_PREFIX = {"n": KIND_NUMBER, "t": KIND_NAME, "g": KIND_TERM, "p": KIND_PUNCT, "l": KIND_LEARNED}


class KeyVocabulary:
    """Interns key strings (``"n:1931"``, ``"t:stali"``) as integer ids."""

    def __init__(self) -> None:
        self.ids: dict[str, int] = {}
        self.kinds: list[int] = []

    def id(self, key: str) -> int:
        found = self.ids.get(key)
        if found is None:
            found = len(self.kinds)
            self.ids[key] = found
            self.kinds.append(_KIND_OF_PREFIX[key[0]])
        return found

    def kind_array(self) -> np.ndarray:
        return np.asarray(self.kinds, dtype=np.int64)

    def copy(self) -> KeyVocabulary:
        """An independent vocabulary with the same ids (to extend without touching this one)."""
        other = KeyVocabulary()
        other.ids = dict(self.ids)
        other.kinds = list(self.kinds)
        return other


@dataclass(frozen=True, slots=True)
class SideFeatures:
    """Features of one text: per-unit lengths and sparse (unit, key, count) entries.

    ``stem_unit``/``stem_id`` list the content-word stems of each unit (ids in
    a per-side stem vocabulary, ``stems``), used to learn word pairs.
    """

    lengths: np.ndarray
    key_unit: np.ndarray
    key_id: np.ndarray
    key_count: np.ndarray
    stem_unit: np.ndarray
    stem_id: np.ndarray
    stems: tuple[str, ...]

    @property
    def size(self) -> int:
        return int(self.lengths.shape[0])

    def slice(self, start: int, stop: int) -> SideFeatures:
        """The features of units ``start..stop`` only, numbered from 0 (same key and stem ids)."""
        keys = (self.key_unit >= start) & (self.key_unit < stop)
        stems = (self.stem_unit >= start) & (self.stem_unit < stop)
        return SideFeatures(
            self.lengths[start:stop],
            self.key_unit[keys] - start, self.key_id[keys], self.key_count[keys],
            self.stem_unit[stems] - start, self.stem_id[stems], self.stems,
        )

    def with_keys(self, unit: np.ndarray, key: np.ndarray, count: np.ndarray) -> SideFeatures:
        return SideFeatures(
            self.lengths,
            np.concatenate([self.key_unit, unit]),
            np.concatenate([self.key_id, key]),
            np.concatenate([self.key_count, count]),
            self.stem_unit, self.stem_id, self.stems,
        )


def _word_features(word: str, lang: str, lexicon: Lexicon) -> tuple[tuple[str, ...], str | None]:
    """Keys a word contributes and its stem (None for words too short to learn from)."""
    keys: list[str] = []
    value = number_word_value(word, lang)
    if value is not None:
        keys.append(f"n:{value}")
    if len(word) >= 4:
        key = translit_key(word)
        if key is not None and (len(key) >= 5 or word[:1].isupper()):
            keys.append("t:" + key)
    keys += [f"g:{concept}" for concept in lexicon.concepts(word, lang)]
    stem = None
    if len(word) >= 3:
        stem = (ru_stem(word) if lang == "ru" else en_stem(word))[:6]
    return tuple(keys), stem


class _WordCache(dict[str, tuple[tuple[int, ...], int]]):
    """word -> (key ids, stem id or -1), filled on first use."""


def _unit_keys(text: str, lang: str, vocab: KeyVocabulary, lexicon: Lexicon, stem_of: dict[str, int],
               stems: list[str], cache: _WordCache) -> tuple[dict[int, int], set[int]]:
    keys: dict[int, int] = {}
    for value in extract_numbers(text, lang, words=False):
        k = vocab.id("n:" + value)
        keys[k] = keys.get(k, 0) + 1
    for ch in _PUNCT_RE.findall(text):
        k = vocab.id("p:" + _PUNCT_CUES[ch])
        keys[k] = keys.get(k, 0) + 1
    unit_stems: set[int] = set()
    for word in _TOKEN.findall(text):
        found = cache.get(word)
        if found is None:
            word_keys, stem = _word_features(word, lang, lexicon)
            sid = -1
            if stem is not None:
                sid = stem_of.get(stem, -1)
                if sid < 0:
                    sid = stem_of[stem] = len(stems)
                    stems.append(stem)
            found = cache[word] = (tuple(vocab.id(k) for k in word_keys), sid)
        for k in found[0]:
            keys[k] = keys.get(k, 0) + 1
        if found[1] >= 0:
            unit_stems.add(found[1])
    return keys, unit_stems


def extract_features(units: Sequence[str], lang: str, vocab: KeyVocabulary, lexicon: Lexicon) -> SideFeatures:
    key_unit: list[int] = []
    key_id: list[int] = []
    key_count: list[int] = []
    stem_unit: list[int] = []
    stem_id: list[int] = []
    stem_of: dict[str, int] = {}
    stems: list[str] = []
    cache = _WordCache()
    lengths = np.empty(len(units), dtype=np.float64)
    for i, text in enumerate(units):
        lengths[i] = len(text.strip())
        keys, unit_stems = _unit_keys(text, lang, vocab, lexicon, stem_of, stems, cache)
        key_unit += [i] * len(keys)
        key_id += list(keys.keys())
        key_count += list(keys.values())
        stem_unit += [i] * len(unit_stems)
        stem_id += sorted(unit_stems)
    return SideFeatures(
        lengths,
        np.asarray(key_unit, dtype=np.int64),
        np.asarray(key_id, dtype=np.int64),
        np.asarray(key_count, dtype=np.float64),
        np.asarray(stem_unit, dtype=np.int64),
        np.asarray(stem_id, dtype=np.int64),
        tuple(stems),
    )


def key_weights(src: SideFeatures, tgt: SideFeatures, kinds: np.ndarray, kind_weight: Sequence[float],
                max_df: float) -> np.ndarray:
    """Weight per key id: its kind's weight times its rarity (inverse document frequency).

    Keys found in more than ``max_df`` of the units of either side weigh 0.
    """
    n_keys = int(kinds.shape[0])
    df_src = np.bincount(src.key_id, minlength=n_keys).astype(np.float64)
    df_tgt = np.bincount(tgt.key_id, minlength=n_keys).astype(np.float64)
    units = max(src.size + tgt.size, 2)
    df = np.maximum(df_src + df_tgt, 1.0)
    idf = np.log1p(units / df)
    weight = np.asarray(kind_weight, dtype=np.float64)[kinds] * idf
    too_common = (df_src > max_df * max(src.size, 1) + 1) | (df_tgt > max_df * max(tgt.size, 1) + 1)
    weight[too_common] = 0.0
    weight[(df_src == 0) | (df_tgt == 0)] = 0.0
    return weight


def unit_mass(side: SideFeatures, weights: np.ndarray) -> np.ndarray:
    """Total key weight of each unit: what it could share at most."""
    return np.bincount(side.key_unit, weights=weights[side.key_id] * side.key_count, minlength=side.size)


def band_pair_matches(src: SideFeatures, tgt: SideFeatures, weights: np.ndarray, lo: np.ndarray,
                      width: int) -> np.ndarray:
    """Shared-key evidence of every unit pair inside a DP band.

    The pair (source unit s, target unit t) is stored at DP cell (s+1, t+1),
    that is at ``out[s+1, t+1-lo[s+1]]``; pairs outside the band are left out.
    Evidence is the sum over shared keys of weight * min(count in s, count in t).
    """
    n, m = src.size, tgt.size
    out = np.zeros((n + 1) * width, dtype=np.float64)
    keep_s = weights[src.key_id] > 0
    keep_t = weights[tgt.key_id] > 0
    s_unit, s_key, s_count = src.key_unit[keep_s], src.key_id[keep_s], src.key_count[keep_s]
    t_unit, t_key, t_count = tgt.key_unit[keep_t], tgt.key_id[keep_t], tgt.key_count[keep_t]
    if s_unit.size == 0 or t_unit.size == 0:
        return out.reshape(n + 1, width)
    order = np.lexsort((t_unit, t_key))
    t_unit, t_key, t_count = t_unit[order], t_key[order], t_count[order]
    stride = m + 1
    code_t = t_key * stride + t_unit
    rows = s_unit + 1
    t_first = np.clip(lo[rows] - 1, 0, m)
    t_stop = np.clip(lo[rows] - 1 + width, 0, m)
    left = np.searchsorted(code_t, s_key * stride + t_first)
    right = np.searchsorted(code_t, s_key * stride + t_stop)
    counts = np.maximum(right - left, 0)
    total = int(counts.sum())
    if total == 0:
        return out.reshape(n + 1, width)
    which = np.repeat(np.arange(counts.size), counts)
    starts = np.cumsum(counts) - counts
    t_index = left[which] + (np.arange(total) - starts[which])
    values = weights[s_key[which]] * np.minimum(s_count[which], t_count[t_index])
    row = rows[which]
    col = t_unit[t_index] + 1 - lo[row]
    out += np.bincount(row * width + col, weights=values, minlength=(n + 1) * width)
    return out.reshape(n + 1, width)


# Abramowitz & Stegun 7.1.26, written so that log(erfc(x)) stays finite for large x.
_P = 0.3275911
_A = (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429)


def neg_log_erfc(x: np.ndarray) -> np.ndarray:
    """-log(erfc(x)) for x >= 0, vectorised."""
    t = 1.0 / (1.0 + _P * x)
    poly = t * (_A[0] + t * (_A[1] + t * (_A[2] + t * (_A[3] + t * _A[4]))))
    return x * x - np.log(poly)


def length_cost(src_len: np.ndarray, tgt_len: np.ndarray, ratio: float, variance: float) -> np.ndarray:
    """Gale-Church cost of pairing ``src_len`` with ``tgt_len`` characters.

    ``ratio`` is target characters per source character for this pair of texts;
    the spread grows with the mean length of the two sides.  Returns
    -log P(|delta| at least this large) under a standard normal.
    """
    mean = (src_len * ratio + tgt_len) / 2.0
    delta = (tgt_len - src_len * ratio) / np.sqrt(variance * np.maximum(mean, 1.0))
    return neg_log_erfc(np.abs(delta) / math.sqrt(2.0))
