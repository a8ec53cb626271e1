"""Re-align the parts of an alignment the user has not confirmed or edited.

``realign_unconfirmed`` runs ``alignment.aligner.align.align`` on every stretch
between confirmed or edited beads (the fixed anchors), and returns the change as one exact
``ReplaceBeads`` (the smallest window that differs), so that it can be
applied, stored and undone like any other edit.  Anchors come back exactly as
they were (status, score and confidence); new beads are "auto".
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from alignment.aligner.align import AlignParams, align_stretches
from alignment.aligner.beads import Bead
from alignment.aligner.edits import AUTO, BeadSpan, ReplaceBeads, check_coverage
from alignment.aligner.lexicon import Lexicon, load_lexicon
from alignment.progress import CancelToken, Progress
from alignment.quotes.semantic import Embedder


def spans_from_beads(beads: Sequence[Bead]) -> list[BeadSpan]:
    """Aligner beads (unit id tuples) as spans; an empty side sits where the text has got to."""
    out: list[BeadSpan] = []
    ru = en = 0
    for b in beads:
        ru0, ru1 = (b.src[0], b.src[-1] + 1) if b.src else (ru, ru)
        en0, en1 = (b.tgt[0], b.tgt[-1] + 1) if b.tgt else (en, en)
        out.append(BeadSpan(ru0, ru1, en0, en1, float(b.score), float(b.confidence), AUTO, b.doubt))
        ru, en = ru1, en1
    return out


def diff_window(old: Sequence[BeadSpan], new: Sequence[BeadSpan]) -> ReplaceBeads | None:
    """The smallest ``ReplaceBeads`` turning ``old`` into ``new`` (None when they are equal)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    if prefix == len(old) == len(new):
        return None
    suffix = 0
    while (suffix < min(len(old), len(new)) - prefix
           and old[len(old) - 1 - suffix] == new[len(new) - 1 - suffix]):
        suffix += 1
    return ReplaceBeads(prefix, tuple(old[prefix : len(old) - suffix]), tuple(new[prefix : len(new) - suffix]))


def _local(beads: Sequence[Bead], ru0: int, en0: int) -> list[Bead]:
    """Beads numbered from the start of their stretch."""
    return [replace(b, src=tuple(i - ru0 for i in b.src), tgt=tuple(j - en0 for j in b.tgt)) for b in beads]


def unconfirmed_stretches(spans: Sequence[BeadSpan]) -> list[tuple[int, int]]:
    """Bead index ranges ``[a, b)`` of maximal runs of beads that are not anchors."""
    out: list[tuple[int, int]] = []
    start: int | None = None
    for k, s in enumerate([*spans, None]):
        if s is None or s.is_anchor:
            if start is not None:
                out.append((start, k))
            start = None
        elif start is None:
            start = k
    return out


def realign_unconfirmed(
    spans: Sequence[BeadSpan],
    ru_units: Sequence[str],
    en_units: Sequence[str],
    *,
    ru_paragraphs: Sequence[int] | None = None,
    en_paragraphs: Sequence[int] | None = None,
    params: AlignParams | None = None,
    lexicon: Lexicon | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    meaning: Embedder | None = None,
) -> ReplaceBeads | None:
    """Align again everything but the anchors of ``spans``; None when nothing changes.

    Each run of unconfirmed beads is aligned on its own, between the anchors
    around it, by ``align_stretches`` as ``align(..., anchors=...)`` aligns the
    stretches between fixed beads, judged by the figures of the whole texts
    (doing the split here keeps confirmed omissions, which are one-sided, as
    plain boundaries).  ``meaning``: the second look at doubtful beads, as
    ``align`` takes it (``scoring.meaning``).
    """
    check_coverage(spans, len(ru_units), len(en_units))
    stretches = unconfirmed_stretches(spans)
    lexicon = lexicon if lexicon is not None else load_lexicon()
    with_paragraphs = ru_paragraphs is not None and en_paragraphs is not None
    bounds = [(spans[a].ru_start, spans[b - 1].ru_end, spans[a].en_start, spans[b - 1].en_end) for a, b in stretches]
    if cancel is not None:
        cancel.raise_if_cancelled()
    aligned = [] if not bounds else align_stretches(ru_units, en_units, bounds,
                                                    src_paragraphs=ru_paragraphs if with_paragraphs else None,
                                                    tgt_paragraphs=en_paragraphs if with_paragraphs else None,
                                                    params=params, lexicon=lexicon, progress=progress, cancel=cancel,
                                                    meaning=meaning)
    result = list(spans)
    for (a, b), (ru0, _ru1, en0, _en1), beads in reversed(list(zip(stretches, bounds, aligned))):
        # an empty side sits where the stretch starts on that side
        fresh = [BeadSpan(s.ru_start + ru0, s.ru_end + ru0, s.en_start + en0, s.en_end + en0, s.score,
                          s.confidence, AUTO, s.doubt) for s in spans_from_beads(_local(beads, ru0, en0))]
        result[a:b] = fresh
    if progress is not None:
        progress.update(len(stretches), len(stretches), "re-aligning")
    check_coverage(result, len(ru_units), len(en_units))
    return diff_window(spans, result)
