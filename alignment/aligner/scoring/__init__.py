"""Scoring signals for the aligner: unit features, learned word pairs, confidence."""

from alignment.aligner.scoring.features import (
    KeyVocabulary,
    SideFeatures,
    band_pair_matches,
    extract_features,
    key_weights,
    length_cost,
)

__all__ = [
    "KeyVocabulary",
    "SideFeatures",
    "band_pair_matches",
    "extract_features",
    "key_weights",
    "length_cost",
]
