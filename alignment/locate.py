"""Find the Russian sentences that an English passage translates.

The passage is compared with every run of up to ``max_units`` consecutive
Russian units using the aligner's own evidence (shared numbers, names,
international words, glossary terms) and the length ratio; the best run is
returned with a score in 0..1, or ``found=False`` when nothing is close enough.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from alignment.align import AlignParams
from alignment.dp import Band
from alignment.lexicon import Lexicon, load_lexicon
from alignment.scoring.features import (
    KeyVocabulary,
    band_pair_matches,
    extract_features,
    key_weights,
    length_cost,
    unit_mass,
)

DEFAULT_RATIO = 1.02  # English characters per Russian character, measured on the dev set


@dataclass(frozen=True, slots=True)
class LocateResult:
    """Best span ``units[start:end]`` (end exclusive) and its score; ``found`` says whether to trust it."""

    found: bool
    start: int
    end: int
    score: float
    text: str


def locate(query: str, units: Sequence[str], *, max_units: int = 6, threshold: float = 0.2,
           ratio: float = DEFAULT_RATIO, params: AlignParams | None = None,
           lexicon: Lexicon | None = None) -> LocateResult:
    """The run of ``units`` (Russian) that best matches the English ``query``."""
    params = params or AlignParams()
    lexicon = lexicon if lexicon is not None else load_lexicon()
    n = len(units)
    if n == 0 or not query.strip():
        return LocateResult(False, 0, 0, 0.0, "")
    vocab = KeyVocabulary()
    src = extract_features(units, "ru", vocab, lexicon)
    tgt = extract_features([query], "en", vocab, lexicon)
    # Punctuation cues and keys found all over the document say nothing about where a quote is.
    kind_weights = (*params.kind_weights[:3], 0.0, *params.kind_weights[4:])
    weights = key_weights(src, tgt, vocab.kind_array(), kind_weights, max_df=1.0)
    df = np.bincount(src.key_id, minlength=weights.size) + np.bincount(tgt.key_id, minlength=weights.size)
    too_common = df > max(3, 0.05 * n)
    weights[too_common] = 0.0
    # Mass counts every key, also those absent from the other side: a name in the
    # query that the span lacks (or the reverse) is evidence against the span.
    mass_weights = np.asarray(kind_weights)[vocab.kind_array()] * np.log1p((n + 1) / np.maximum(df, 1))
    mass_weights[too_common] = 0.0
    # Every Russian unit against the one English unit: a band of width 2 holding column 1.
    band = Band(np.zeros(n + 1, dtype=np.int64), 2)
    shared_unit = band_pair_matches(src, tgt, weights, band.lo, band.width)[1:, 1]
    mass_src = unit_mass(src, mass_weights)
    mass_query = float(unit_mass(tgt, mass_weights)[0])
    cum_shared = np.concatenate([[0.0], np.cumsum(shared_unit)])
    cum_mass = np.concatenate([[0.0], np.cumsum(mass_src)])
    cum_len = np.concatenate([[0.0], np.cumsum(src.lengths)])
    best = (-np.inf, 0, 0, 0.0)
    for size in range(1, min(max_units, n) + 1):
        starts = np.arange(0, n - size + 1)
        shared = np.minimum(cum_shared[starts + size] - cum_shared[starts], mass_query)
        mass = cum_mass[starts + size] - cum_mass[starts]
        similarity = 2.0 * shared / (mass + mass_query + params.lexical_smoothing)
        lengths = cum_len[starts + size] - cum_len[starts]
        fit = np.exp(-0.5 * length_cost(lengths, np.full(lengths.shape, tgt.lengths[0]), ratio,
                                        params.length_variance) / 4.0)
        score = similarity * fit
        k = int(np.argmax(score))
        if score[k] > best[0]:
            best = (float(score[k]), int(starts[k]), int(starts[k]) + size, float(similarity[k]))
    score, start, end, _ = best
    text = " ".join(u.strip() for u in units[start:end])
    return LocateResult(score >= threshold, start, end, max(0.0, min(1.0, score)), text)
