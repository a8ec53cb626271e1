"""Find the Russian sentences that an English passage translates.

The passage is compared with every run of up to ``max_units`` consecutive
Russian units using the aligner's own evidence (shared numbers, names,
international words, glossary terms) and, when the Russian document has an
aligned English translation, a word table learned from that pair
(``learn_word_table``), which covers the document's ordinary vocabulary.
Length agreement weighs in as well.  A quotation of only part of a sentence
is also scored by containment: the share of the query's evidence that a single
longer unit holds, with a milder length term.  The best run is returned with a
score in 0..1; ``found`` is set when the score reaches a threshold measured on held-out
positive and negative queries (``tests/bench/bench_locate.py``).

With a sentence embedding model (``alignment.quotes.semantic``, optional) the score
also weighs how close in meaning the passage and each span are, which finds
quotations in another translation and fragments of sentences far more often
(figures in ``tests/bench/bench_locate.py``).  A clause quoted out of a long
sentence is still far in meaning from the whole sentence, so the few best
sentences much longer than the quotation get a second look, piece by piece
(``alignment.quotes.second_look``).

Locating many passages in one document: build the document's
``LocateIndex`` once with ``build_index`` and pass it to every call.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from alignment.aligner.align import AlignParams
from alignment.aligner.dp import Band
from alignment.aligner.lexicon import Lexicon, load_lexicon
from alignment.aligner.scoring.features import (
    KIND_LEARNED,
    KIND_PUNCT,
    KeyVocabulary,
    SideFeatures,
    band_pair_matches,
    extract_features,
    length_cost,
    unit_mass,
)
from alignment.aligner.scoring.word_table import WordTable, content_stems, learn_word_table
from alignment.quotes.normalise import for_matching
from alignment.quotes.second_look import CANDIDATES, LONGER_BY, closest_pieces
from alignment.quotes.semantic import Embedder, embed_units, span_similarity

__all__ = ["LocateIndex", "LocateResult", "SpanScores", "WordTable", "build_index", "learn_word_table", "locate",
           "score_spans", "semantic_evidence"]

DEFAULT_RATIO = 1.02  # English characters per Russian character, measured on the dev set
# Chosen on the tuning queries of tests/bench/bench_locate.py (false found <= 2% there).
DEFAULT_THRESHOLD = 0.2
TABLE_THRESHOLD = 0.3  # with a word table scores run higher, negatives too
# Part-of-a-sentence quotations: containment score = CONTAINMENT_WEIGHT * shared / query
# mass * fit ** CONTAINMENT_FIT_POWER, for one unit longer than the query.  Chosen on the
# tuning fragment queries of tests/bench/bench_locate.py, keeping the thresholds above
# (false found <= 2.2% on full and fragment tuning queries; 1.0 raises it to 3.4%).
CONTAINMENT_WEIGHT = 0.85
CONTAINMENT_FIT_POWER = 0.25
# Meaning similarity: e5 cosines of unrelated sentences sit near SEMANTIC_FLOOR, so the
# evidence is the cosine's rise above it, scaled to 0..1, and a span's score becomes
# (lexical + SEMANTIC_WEIGHT * semantic) / (1 + SEMANTIC_WEIGHT).  Whether to trust the
# best span also weighs how far it stands out in meaning from the rest of the document:
# STANDOUT_WEIGHT * (its cosine - the STANDOUT_RANK-th best sentence's cosine).  In a long
# document on one subject many sentences are close to any quotation; the one it
# translates stands out from them, a quotation from elsewhere finds no such sentence.
# Weights (1-3 each), floor (0.7-0.8) and threshold chosen on the tuning split of the
# other-wording data (``tests/bench/bench_locate.py --other-wording``: the lowest
# threshold keeping false found <= 2% over all its conditions: 0.595) and checked on the
# tuning sets of close (reference) translations (``--semantic --library --pick``: 0.6
# without a word table and with the library's).  Before, weight 1 with no standout term
# (threshold 0.355) was chosen on close translations only.
SEMANTIC_FLOOR = 0.7
SEMANTIC_WEIGHT = 2.0
STANDOUT_WEIGHT = 2.0
STANDOUT_RANK = 10
SEMANTIC_THRESHOLD = 0.6
SEMANTIC_TABLE_THRESHOLD = 0.6


@dataclass(frozen=True, slots=True)
class LocateResult:
    """Best span ``units[start:end]`` (end exclusive) and its score; ``found`` says whether to trust it.

    ``runner_up`` is the score of the best span that does not overlap this one;
    ``semantic`` says whether meaning similarity counted in the score; ``part`` is
    the piece of a one-sentence span that the second look found closest to the
    quotation, when that piece (not the whole sentence) made its score ("" else).
    """

    found: bool
    start: int
    end: int
    score: float
    text: str
    runner_up: float = 0.0
    semantic: bool = False
    part: str = ""


@dataclass(frozen=True, slots=True)
class LocateIndex:
    """What ``locate`` needs to know about a Russian document, computed once.

    ``vectors`` holds one meaning vector per unit when the index was built with an embedder.
    """

    size: int
    vocab: KeyVocabulary
    features: SideFeatures
    stems: tuple[frozenset[str], ...]
    vectors: np.ndarray | None = None


def build_index(units: Sequence[str], lexicon: Lexicon | None = None, *, embedder: Embedder | None = None,
                vectors: np.ndarray | None = None) -> LocateIndex:
    """Features of every unit of a Russian document, for repeated ``locate`` calls.

    With ``embedder`` the units' meaning vectors are computed too (the slow part:
    seconds per few hundred sentences), unless ``vectors`` already holds them
    (stored from an earlier run; ``alignment.quotes.semantic.embed_units`` makes them
    with progress and cancel).
    """
    lexicon = lexicon if lexicon is not None else load_lexicon()
    vocab = KeyVocabulary()
    prepared = [for_matching(u) for u in units]  # a page in CAPITALS or read by OCR, as the words are
    features = extract_features(prepared, "ru", vocab, lexicon)
    if vectors is not None and len(vectors) != len(units):
        raise ValueError(f"{len(vectors)} vectors were given for {len(units)} units")
    if vectors is None and embedder is not None:
        vectors = embed_units(embedder, units)
    return LocateIndex(len(units), vocab, features, tuple(frozenset(content_stems(u)) for u in prepared), vectors)


def _table_keys(index: LocateIndex, query: str, table: WordTable, vocab: KeyVocabulary
                ) -> tuple[SideFeatures, np.ndarray, np.ndarray]:
    """Learned-pair keys: one per Russian stem of the table, in the units and in the query."""
    known = table.russian_stems()
    unit_ids: list[int] = []
    key_ids: list[int] = []
    for i, stems in enumerate(index.stems):
        for stem in stems & known:
            unit_ids.append(i)
            key_ids.append(vocab.id("l:" + stem))
    src = index.features.with_keys(np.asarray(unit_ids, dtype=np.int64), np.asarray(key_ids, dtype=np.int64),
                                   np.ones(len(key_ids)))
    query_keys = np.asarray([vocab.id("l:" + r) for r in sorted(table.translations(content_stems(query)))],
                            dtype=np.int64)
    return src, np.zeros(query_keys.size, dtype=np.int64), query_keys


def _best_spans(score: np.ndarray, size_of: np.ndarray, start_of: np.ndarray) -> tuple[int, float]:
    """Index of the best span and the best score among spans not overlapping it."""
    k = int(np.argmax(score))
    s0, e0 = start_of[k], start_of[k] + size_of[k]
    apart = (start_of + size_of <= s0) | (start_of >= e0)
    runner_up = float(score[apart].max()) if apart.any() else 0.0
    return k, runner_up


def _containment(shared: np.ndarray, mass_query: float, span_length: np.ndarray, query_length: float,
                 fit: np.ndarray, size_of: np.ndarray, smoothing: float) -> np.ndarray:
    """Share of the query's evidence a one-unit span holds, for units longer than the query.

    The Dice score punishes a long sentence for the words a fragment leaves out;
    this does not, and weakens the length term instead of dropping it.
    """
    contains = (size_of == 1) & (span_length > query_length)
    share = shared / (mass_query + 0.5 * smoothing)
    return np.where(contains, share * fit ** CONTAINMENT_FIT_POWER, 0.0)


@dataclass(frozen=True, slots=True)
class SpanScores:
    """Every candidate span ``units[start_of[k]:start_of[k] + size_of[k]]`` with its score."""

    start_of: np.ndarray
    size_of: np.ndarray
    score: np.ndarray


def score_spans(query: str, units: Sequence[str], *, max_units: int = 6, ratio: float = DEFAULT_RATIO,
                params: AlignParams | None = None, lexicon: Lexicon | None = None,
                index: LocateIndex | None = None, word_table: WordTable | None = None,
                containment_weight: float | None = None) -> SpanScores:
    """The lexical score of every run of up to ``max_units`` units against ``query`` (see ``locate``)."""
    params = params or AlignParams()
    lexicon = lexicon if lexicon is not None else load_lexicon()
    n = len(units)
    if index is None:
        index = build_index(units, lexicon)
    elif index.size != n:
        raise ValueError(f"the index describes {index.size} units but {n} were given; "
                         "build the index from the same units.")
    vocab = index.vocab.copy()
    src = index.features
    query = for_matching(query)
    tgt = extract_features([query], "en", vocab, lexicon)
    if word_table is not None and word_table.partners:
        src, q_unit, q_key = _table_keys(index, query, word_table, vocab)
        tgt = tgt.with_keys(q_unit, q_key, np.ones(q_key.size))
    kinds = vocab.kind_array()
    df = (np.bincount(src.key_id, minlength=kinds.size) + np.bincount(tgt.key_id, minlength=kinds.size))
    idf = np.log1p((n + 1) / np.maximum(df, 1))
    # Punctuation cues and keys found all over the document say nothing about where a quote is.
    kind_weights = np.asarray(params.kind_weights, dtype=np.float64)
    kind_weights[KIND_PUNCT] = 0.0
    mass_weights = kind_weights[kinds] * idf
    common_limit = np.where(kinds == KIND_LEARNED, max(3.0, 0.1 * n), max(3.0, 0.05 * n))
    mass_weights[df > common_limit] = 0.0
    # Mass counts every key, also those absent from the other side: a name in the
    # query that the span lacks (or the reverse) is evidence against the span.
    weights = mass_weights.copy()
    src_df = np.bincount(src.key_id, minlength=kinds.size)
    weights[src_df == 0] = 0.0
    # Every Russian unit against the one English unit: a band of width 2 holding column 1.
    band = Band(np.zeros(n + 1, dtype=np.int64), 2)
    shared_unit = band_pair_matches(src, tgt, weights, band.lo, band.width)[1:, 1]
    mass_src = unit_mass(src, mass_weights)
    mass_query = float(unit_mass(tgt, mass_weights)[0])
    cum_shared = np.concatenate([[0.0], np.cumsum(shared_unit)])
    cum_mass = np.concatenate([[0.0], np.cumsum(mass_src)])
    cum_len = np.concatenate([[0.0], np.cumsum(src.lengths)])
    sizes = np.arange(1, min(max_units, n) + 1)
    start_of = np.concatenate([np.arange(0, n - s + 1) for s in sizes])
    size_of = np.concatenate([np.full(n - s + 1, s) for s in sizes])
    end_of = start_of + size_of
    shared = np.minimum(cum_shared[end_of] - cum_shared[start_of], mass_query)
    mass = cum_mass[end_of] - cum_mass[start_of]
    similarity = 2.0 * shared / (mass + mass_query + params.lexical_smoothing)
    lengths = cum_len[end_of] - cum_len[start_of]
    fit = np.exp(-0.5 * length_cost(lengths, np.full(lengths.shape, tgt.lengths[0]), ratio,
                                    params.length_variance) / 4.0)
    score = similarity * fit
    weight = CONTAINMENT_WEIGHT if containment_weight is None else containment_weight
    if weight > 0.0:
        score = np.maximum(score, weight * _containment(shared, mass_query, lengths * ratio, tgt.lengths[0],
                                                       fit, size_of, params.lexical_smoothing))
    return SpanScores(start_of, size_of, score)


def locate(query: str, units: Sequence[str], *, max_units: int = 6, threshold: float | None = None,
           ratio: float = DEFAULT_RATIO, params: AlignParams | None = None,
           lexicon: Lexicon | None = None, index: LocateIndex | None = None,
           word_table: WordTable | None = None, containment_weight: float | None = None,
           embedder: Embedder | None = None, semantic_weight: float | None = None,
           second_look: bool = True) -> LocateResult:
    """The run of ``units`` (Russian) that best matches the English ``query``.

    ``index`` (from ``build_index(units)``) saves re-reading the document;
    ``word_table`` (from ``learn_word_table`` on the document and an aligned
    English translation of it) lets ordinary words count, not only names,
    numbers and terms.  ``threshold`` defaults to the measured one for the
    evidence used.  ``containment_weight`` (default ``CONTAINMENT_WEIGHT``;
    0 turns it off) scales the score of a single unit that holds a shorter
    quotation.  With ``embedder`` the score also weighs meaning similarity
    (``semantic_weight``, default ``SEMANTIC_WEIGHT``); pass an ``index``
    built with the same embedder to avoid embedding the document on every call.
    ``second_look`` (with ``embedder``) embeds pieces of the few best sentences that
    are much longer than the quotation (``alignment.quotes.second_look``).
    """
    semantic = embedder is not None
    if threshold is None:
        if semantic:
            threshold = SEMANTIC_TABLE_THRESHOLD if word_table is not None else SEMANTIC_THRESHOLD
        else:
            threshold = TABLE_THRESHOLD if word_table is not None else DEFAULT_THRESHOLD
    if len(units) == 0 or not query.strip():
        return LocateResult(False, 0, 0, 0.0, "", semantic=semantic)
    if index is None or (semantic and index.vectors is None):
        index = build_index(units, lexicon, embedder=embedder)
    spans = score_spans(query, units, max_units=max_units, ratio=ratio, params=params, lexicon=lexicon,
                        index=index, word_table=word_table, containment_weight=containment_weight)
    start_of, size_of, score = spans.start_of, spans.size_of, spans.score
    standout = 0.0
    parts: dict[int, str] = {}
    if embedder is not None and index.vectors is not None:
        weight = SEMANTIC_WEIGHT if semantic_weight is None else semantic_weight
        query_vector = embedder.embed([query])[0]
        cosine = span_similarity(index.vectors, query_vector, start_of, size_of)
        if second_look:
            first = (score + weight * _rise(cosine)) / (1.0 + weight)
            cosine, parts = _look_again(cosine, first, units, query, query_vector, embedder, ratio)
        score = (score + weight * _rise(cosine)) / (1.0 + weight)
        k = int(np.argmax(score))
        standout = STANDOUT_WEIGHT * _standout(cosine, size_of, k)
    end_of = start_of + size_of
    k, runner_up = _best_spans(score, size_of, start_of)
    start, end, best = int(start_of[k]), int(end_of[k]), float(score[k]) + standout
    text = " ".join(u.strip() for u in units[start:end])
    part = parts.get(start, "") if end == start + 1 else ""
    return LocateResult(best >= threshold, start, end, max(0.0, min(1.0, best)), text, runner_up, semantic, part)


def semantic_evidence(unit_vectors: np.ndarray, query_vector: np.ndarray, start_of: np.ndarray,
                      size_of: np.ndarray) -> np.ndarray:
    """Meaning similarity of each span with the query, 0 (unrelated) .. 1 (same meaning)."""
    return _rise(span_similarity(unit_vectors, query_vector, start_of, size_of))


def _look_again(cosine: np.ndarray, first: np.ndarray, units: Sequence[str], query: str, query_vector: np.ndarray,
                embedder: Embedder, ratio: float) -> tuple[np.ndarray, dict[int, str]]:
    """``cosine`` with the best few long sentences' cosines raised to their closest piece's, and
    those pieces by unit (only where the piece raised it).

    Single-unit spans come first in the span arrays (``score_spans``), so unit ``i``'s
    own cosine is ``cosine[i]``.
    """
    n = len(units)
    query_length = len(query.strip())
    candidates = [int(i) for i in np.argsort(-first[:n], kind="stable")[:CANDIDATES]
                  if len(units[int(i)]) * ratio > LONGER_BY * query_length]
    if not candidates:
        return cosine, {}
    closest = closest_pieces(embedder, query_vector, units, candidates, len(query.split()))
    raised = cosine.copy()
    parts: dict[int, str] = {}
    for unit, (piece_cosine, piece) in closest.items():
        if piece_cosine > float(raised[unit]):
            raised[unit] = piece_cosine
            parts[unit] = piece
    return raised, parts


def _rise(cosine: np.ndarray) -> np.ndarray:
    return np.clip((cosine - SEMANTIC_FLOOR) / (1.0 - SEMANTIC_FLOOR), 0.0, 1.0)


def _standout(cosine: np.ndarray, size_of: np.ndarray, k: int) -> float:
    """How much closer in meaning span ``k`` is than the STANDOUT_RANK-th closest single unit.

    A document shorter than that counts its missing sentences as unrelated (SEMANTIC_FLOOR).
    """
    singles = cosine[size_of == 1]
    if singles.size < STANDOUT_RANK:
        singles = np.concatenate([singles, np.full(STANDOUT_RANK - singles.size, SEMANTIC_FLOOR)])
    reference = float(np.partition(singles, singles.size - STANDOUT_RANK)[singles.size - STANDOUT_RANK])
    return float(cosine[k]) - reference
