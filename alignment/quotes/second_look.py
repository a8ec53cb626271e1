"""A second look by meaning at the few sentences that may hold a part-of-a-sentence quotation.

A historian often quotes a clause out of a long sentence, in someone else's
wording.  A sentence's meaning vector stands for the whole sentence, so it is
only half close to a quotation of half of it, and the words a translator chose
differ from the original's, so the word evidence cannot make up for that.

Embedding every clause of every sentence of a book when it is indexed would
cost several times the index; instead, once the first look has ranked the
sentences, the few best that are clearly longer than the quotation are cut into
pieces about as long as it (runs of clauses, and windows of words) and the
pieces are embedded: a few dozen short texts for one quotation.  A sentence's
meaning evidence becomes the best of its own and its closest piece's (a little
discounted, as the best of many tries).
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence

import numpy as np

from alignment.quotes.semantic import Embedder

__all__ = ["CANDIDATES", "LONGER_BY", "PIECE_DISCOUNT", "closest_pieces", "piece_shown", "pieces"]

CANDIDATES = 4  # sentences looked at again, best first
LONGER_BY = 1.4  # a sentence is looked at again when longer than the quotation by this (characters)
RU_WORDS_PER_EN_WORD = 0.8  # Russian has no articles and fewer auxiliaries (dev set: 0.78)
MAX_WINDOWS = 6
MAX_CLAUSE_RUNS = 6
# The closest of a dozen pieces is the best of a dozen tries, so even an unrelated
# quotation's is nearer than one whole sentence would be: taken off each piece's
# cosine (chosen on the tuning split of tests/bench/other_wording.py: 0 and 0.01 had
# to raise the threshold, costing whole-sentence quotations; 0.04 lost most fragments).
PIECE_DISCOUNT = 0.02

_WORD = re.compile(r"\S+")
_CLAUSE_END = re.compile(r"[,;:)»”]$|^[—–-]$")


def pieces(sentence: str, query_words: int) -> list[str]:
    """Parts of ``sentence`` about as long as a quotation of ``query_words`` English words.

    Runs of whole clauses (cut after a comma, semicolon, colon, closing bracket
    or quote, and at a dash) whose length is within reach of the quotation's,
    and evenly spaced windows of that many words; no piece twice.
    """
    words = _WORD.findall(sentence)
    target = max(3, round(RU_WORDS_PER_EN_WORD * query_words))
    if len(words) <= target + 1:
        return []
    found: dict[str, None] = {}
    for run in _clause_runs(words, target)[:MAX_CLAUSE_RUNS]:
        found.setdefault(run, None)
    slots = len(words) - target
    count = min(MAX_WINDOWS, slots + 1)
    step = slots / max(count - 1, 1)
    for i in range(count):
        start = round(i * step)
        found.setdefault(" ".join(words[start:start + target]), None)
    return list(found)


def piece_shown(sentence: str, piece: str) -> str:
    """``piece`` with "…" where it cuts ``sentence`` (not at its first or last word), as a reader is shown it."""
    words, part = sentence.split(), piece.split()
    if not part:
        return ""
    before = "" if words[:len(part)] == part else "…"
    after = "" if words[-len(part):] == part else "…"
    return f"{before}{piece}{after}"


def _clause_runs(words: list[str], target: int) -> list[str]:
    """Runs of consecutive clauses between 0.6 and 1.6 times ``target`` words, closest in length first."""
    bounds = [0]
    for i, word in enumerate(words[:-1]):
        if _CLAUSE_END.search(word):
            bounds.append(i + 1)
        elif words[i + 1] in {"—", "–", "-"}:
            bounds.append(i + 1)
    bounds.append(len(words))
    runs: list[tuple[float, str]] = []
    for a in range(len(bounds) - 1):
        for b in range(a + 1, len(bounds)):
            size = bounds[b] - bounds[a]
            if size > 1.6 * target:
                break
            if size >= 0.6 * target and size < len(words):
                runs.append((abs(math.log(size / target)), " ".join(words[bounds[a]:bounds[b]])))
    runs.sort(key=lambda r: r[0])
    return [text for _, text in runs]


def closest_pieces(embedder: Embedder, query_vector: np.ndarray, units: Sequence[str], candidates: Sequence[int],
                   query_words: int) -> dict[int, tuple[float, str]]:
    """For each candidate unit, its piece closest in meaning to the quotation: the cosine, less
    ``PIECE_DISCOUNT``, and the piece.

    One model call for all pieces of all candidates; units too short to cut are left out.
    """
    owners: list[int] = []
    texts: list[str] = []
    for unit in candidates:
        for piece in pieces(units[unit], query_words):
            owners.append(unit)
            texts.append(piece)
    if not texts:
        return {}
    cosines = embedder.embed(texts) @ query_vector
    best: dict[int, tuple[float, str]] = {}
    for unit, text, cosine in zip(owners, texts, cosines.tolist()):
        if unit not in best or cosine - PIECE_DISCOUNT > best[unit][0]:
            best[unit] = (cosine - PIECE_DISCOUNT, text)
    return best
