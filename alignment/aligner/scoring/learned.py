"""Word pairs learned from a first alignment of the texts themselves.

The idea behind hunalign's ``-realign`` and IBM Model 1: words that keep
turning up in aligned sentence pairs are probably translations.  We count, over
the 1-1 beads of the first pass, how often a Russian stem and an English stem
co-occur, keep pairs with a high Dice coefficient (each Russian stem keeps
only its best partners, as in competitive linking), and turn every kept pair
into a new shared key for the second pass.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from alignment.aligner.scoring.features import KeyVocabulary, SideFeatures


def _bead_entries(side: SideFeatures, bead_of_unit: np.ndarray, max_df: float) -> tuple[np.ndarray, np.ndarray]:
    df = np.bincount(side.stem_id, minlength=len(side.stems))
    common = df > max(2.0, max_df * side.size)
    bead = bead_of_unit[side.stem_unit]
    keep = (bead >= 0) & ~common[side.stem_id]
    return bead[keep], side.stem_id[keep]


def learn_word_pairs(src: SideFeatures, tgt: SideFeatures, path: Sequence[tuple[range, range]],
                     vocab: KeyVocabulary, *, min_count: int, min_dice: float,
                     max_df: float) -> tuple[SideFeatures, SideFeatures] | None:
    """Both sides with learned-pair keys added, or None when nothing was learned."""
    bead_src = np.full(src.size, -1, dtype=np.int64)
    bead_tgt = np.full(tgt.size, -1, dtype=np.int64)
    one_to_one = [(s.start, t.start) for s, t in path if len(s) == 1 and len(t) == 1]
    if len(one_to_one) < 2 * min_count or not src.stems or not tgt.stems:
        return None
    for b, (s, t) in enumerate(one_to_one):
        bead_src[s] = b
        bead_tgt[t] = b
    s_bead, s_stem = _bead_entries(src, bead_src, max_df)
    t_bead, t_stem = _bead_entries(tgt, bead_tgt, max_df)
    if s_bead.size == 0 or t_bead.size == 0:
        return None
    order = np.argsort(t_bead, kind="stable")
    t_bead, t_stem = t_bead[order], t_stem[order]
    left = np.searchsorted(t_bead, s_bead, side="left")
    right = np.searchsorted(t_bead, s_bead, side="right")
    counts = right - left
    total = int(counts.sum())
    if total == 0:
        return None
    which = np.repeat(np.arange(counts.size), counts)
    t_index = left[which] + (np.arange(total) - (np.cumsum(counts) - counts)[which])
    n_en = len(tgt.stems)
    codes, together = np.unique(s_stem[which] * n_en + t_stem[t_index], return_counts=True)
    ru, en = codes // n_en, codes % n_en
    ru_count = np.bincount(s_stem, minlength=len(src.stems))
    en_count = np.bincount(t_stem, minlength=n_en)
    dice = 2.0 * together / (ru_count[ru] + en_count[en])
    keep = (together >= min_count) & (dice >= min_dice)
    if not keep.any():
        return None
    ru, en, dice = ru[keep], en[keep], dice[keep]
    # Competitive linking, loosely: a stem keeps only partners as good as its best one.
    best_ru = np.zeros(len(src.stems))
    np.maximum.at(best_ru, ru, dice)
    best_en = np.zeros(n_en)
    np.maximum.at(best_en, en, dice)
    keep = (dice >= best_ru[ru]) & (dice >= best_en[en])
    ru, en = ru[keep], en[keep]
    key_of_ru = {int(r): vocab.id(f"l:{src.stems[int(r)]}") for r in np.unique(ru)}
    src_keys = np.full(len(src.stems), -1, dtype=np.int64)
    for r, k in key_of_ru.items():
        src_keys[r] = k
    # English stem -> learned keys (one per Russian partner).
    pair_key = np.array([key_of_ru[int(r)] for r in ru], dtype=np.int64)
    s_mask = src_keys[src.stem_id] >= 0
    s_unit = src.stem_unit[s_mask]
    s_key = src_keys[src.stem_id[s_mask]]
    order = np.argsort(en, kind="stable")
    en_sorted, key_sorted = en[order], pair_key[order]
    left = np.searchsorted(en_sorted, tgt.stem_id, side="left")
    right = np.searchsorted(en_sorted, tgt.stem_id, side="right")
    counts = right - left
    total = int(counts.sum())
    which = np.repeat(np.arange(counts.size), counts)
    index = left[which] + (np.arange(total) - (np.cumsum(counts) - counts)[which])
    t_unit = tgt.stem_unit[which]
    t_key = key_sorted[index]
    return (
        src.with_keys(s_unit, s_key, np.ones(s_unit.size)),
        tgt.with_keys(t_unit, t_key, np.ones(t_unit.size)),
    )
