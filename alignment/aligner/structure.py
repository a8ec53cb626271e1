"""Aligning books by their structure: headings with headings, notes apart from the body.

A book's paragraphs have kinds.  Three rules keep a long alignment in step:

* **notes** never take part in the body alignment: notes printed after the body
  on both sides are aligned among themselves; notes printed inside the body
  stay unaligned beads where they stand (every reader and the Markdown cleaner
  put them after the body, so this is for texts imported before they did);
* **headings** pair with headings: chapter headings that carry the same
  number ("Глава 3" / "Chapter 3", "III") or, failing numbers, the same count
  of chapters on both sides, are fixed beads, and the chapters between them are
  aligned in one call, so that every chapter is judged by the figures of the
  whole book (its length ratio, which words are rare);
* **front matter** before the first paired heading (a title page, contents, a
  preface with no counterpart) is aligned on its own, with the chapters' length
  ratio and cheaper omissions, so that it neither pulls the first chapter out of
  step nor skews the figures the chapters are judged by.

``align_structured`` takes the plain aligner as an argument.  Measured on
book-shaped pairs built from the dev set (``tests/bench/bench_structure.py``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace

from alignment.aligner.align import AlignParams, length_ratio
from alignment.aligner.dp import KINDS
from alignment.aligner.meaning_path import realign_doubtful, remembering
from alignment.aligner.scoring.meaning import second_look
from alignment.progress import ProgressShare
from alignment.aligner.beads import Bead

AlignFn = Callable[..., list[Bead]]
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
_NUMBER = re.compile(r"\b(\d{1,3}|[ivxlc]{1,6})\b", re.I)
_WORD_NUMBERS = {
    "первая": 1, "вторая": 2, "третья": 3, "четвёртая": 4, "четвертая": 4, "пятая": 5, "шестая": 6,
    "седьмая": 7, "восьмая": 8, "девятая": 9, "десятая": 10,
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8,
}


def _roman(token: str) -> int | None:
    token = token.lower()
    if not all(ch in _ROMAN for ch in token):
        return None
    total = 0
    for i, ch in enumerate(token):
        value = _ROMAN[ch]
        total += -value if i + 1 < len(token) and _ROMAN[token[i + 1]] > value else value
    return total


def heading_number(text: str) -> int | None:
    """The number a heading carries ("Глава 3. …" -> 3, "Chapter III" -> 3, "Part One" -> 1)."""
    for m in _NUMBER.finditer(text[:40]):
        token = m.group(1)
        if token.isdigit():
            return int(token)
        value = _roman(token)
        if value is not None and (token.isupper() or len(token) > 1):
            return value
    for word in re.findall(r"\w+", text[:40].lower()):
        if word in _WORD_NUMBERS:
            return _WORD_NUMBERS[word]
    return None


def pair_headings(src: Sequence[tuple[int, str]], tgt: Sequence[tuple[int, str]]) -> list[tuple[int, int]]:
    """Pairs (src unit, tgt unit) of headings that translate each other, in order.

    Headings are (unit index, text).  Numbered headings are matched by their
    numbers (longest common subsequence); without two numbered matches, equal
    counts are paired in order; otherwise nothing is paired.
    """
    a = [(i, heading_number(t)) for i, t in src]
    b = [(j, heading_number(t)) for j, t in tgt]
    na, nb = [x for x in a if x[1] is not None], [x for x in b if x[1] is not None]
    pairs: list[tuple[int, int]] = []
    if na and nb:
        # LCS on the numbers
        table = [[0] * (len(nb) + 1) for _ in range(len(na) + 1)]
        for i in range(len(na) - 1, -1, -1):
            for j in range(len(nb) - 1, -1, -1):
                table[i][j] = table[i + 1][j + 1] + 1 if na[i][1] == nb[j][1] else max(table[i + 1][j], table[i][j + 1])
        i = j = 0
        while i < len(na) and j < len(nb):
            if na[i][1] == nb[j][1]:
                pairs.append((na[i][0], nb[j][0]))
                i += 1
                j += 1
            elif table[i + 1][j] >= table[i][j + 1]:
                i += 1
            else:
                j += 1
    if len(pairs) >= 2:
        return pairs
    if len(src) == len(tgt) >= 2:
        return [(i, j) for (i, _), (j, _) in zip(src, tgt)]
    return []


FRONT_OMISSION_FACTOR = 0.5
"""Omissions cost this much of their usual prior in front matter (measured on the
tune half of ``tests/bench/bench_structure.py``: 0.5 keeps every translated
preface bead and leaves more unmatched title-page and contents lines out; 0.25
starts to lose translated ones)."""


def front_matter_params(params: AlignParams | None) -> AlignParams:
    params = params or AlignParams()
    costs = tuple(c * FRONT_OMISSION_FACTOR if KINDS[k] in ((1, 0), (0, 1)) else c
                  for k, c in enumerate(params.kind_costs))
    return replace(params, kind_costs=costs)


def align_structured(
    src_units: Sequence[str],
    tgt_units: Sequence[str],
    *,
    src_kinds: Sequence[str],
    tgt_kinds: Sequence[str],
    src_levels: Sequence[int] | None = None,
    tgt_levels: Sequence[int] | None = None,
    src_paragraphs: Sequence[int] | None = None,
    tgt_paragraphs: Sequence[int] | None = None,
    align_fn: AlignFn,
    **kwargs: object,
) -> list[Bead]:
    """Beads covering every unit once, in order, built from ``align_fn`` on the structure's spans.

    ``meaning`` (a keyword for ``align``) is used once for the book: doubtful runs
    aligned again by meaning (``meaning_path``) in the body and in the notes after
    it separately, then the second look over the whole result (``scoring.meaning``).
    """
    n, m = len(src_units), len(tgt_units)
    src_levels = src_levels or [0] * n
    tgt_levels = tgt_levels or [0] * m
    src_body = [i for i in range(n) if src_kinds[i] != "note"]
    tgt_body = [j for j in range(m) if tgt_kinds[j] != "note"]
    last_src_body = src_body[-1] if src_body else -1
    last_tgt_body = tgt_body[-1] if tgt_body else -1
    src_trailing = [i for i in range(last_src_body + 1, n)]
    tgt_trailing = [j for j in range(last_tgt_body + 1, m)]

    src_heads = _chapter_headings(src_units, src_kinds, src_levels, src_paragraphs, src_body)
    tgt_heads = _chapter_headings(tgt_units, tgt_kinds, tgt_levels, tgt_paragraphs, tgt_body)
    src_of = {u[0]: u for u in src_heads}
    tgt_of = {u[0]: u for u in tgt_heads}
    pairs = [(src_of[a], tgt_of[b]) for a, b in pair_headings([(u[0], t) for u, t in src_heads.items()],
                                                                [(u[0], t) for u, t in tgt_heads.items()])]
    # Front matter (before the first paired heading) is aligned on its own, with
    # the chapters' length ratio (its own is no guide: it is mostly unmatched) and
    # cheaper omissions.  The chapters are aligned in one call with the paired
    # headings as fixed beads.
    first_src, first_tgt = (pairs[0][0][0], pairs[0][1][0]) if pairs else (n, m)
    spans = [
        ([i for i in src_body if i < first_src], [j for j in tgt_body if j < first_tgt]),  # front matter
        ([i for i in src_body if i >= first_src], [j for j in tgt_body if j >= first_tgt]),  # the chapters
        (src_trailing, tgt_trailing),  # notes after the body
    ]
    progress = kwargs.pop("progress", None)
    meaning = kwargs.pop("meaning", None)
    outer = progress
    if meaning is not None and progress is not None:
        progress = ProgressShare(outer, 0.0, 0.5)  # type: ignore[arg-type]
    shares = _shares([len(a) + len(b) for a, b in spans])
    span_kwargs = [dict(kwargs) for _ in spans]
    for k, (lo, hi) in enumerate(shares):
        if progress is not None:
            span_kwargs[k]["progress"] = ProgressShare(progress, lo, hi)  # type: ignore[arg-type]
    if pairs:
        span_kwargs[0]["ratio"] = length_ratio([src_units[i] for i in spans[1][0]], [tgt_units[j] for j in spans[1][1]])
        span_kwargs[0]["params"] = front_matter_params(kwargs.get("params"))  # type: ignore[arg-type]
    beads = _align_span(*spans[0], src_units, tgt_units, src_paragraphs, tgt_paragraphs, align_fn, span_kwargs[0])
    beads += _align_span(*spans[1], src_units, tgt_units, src_paragraphs, tgt_paragraphs, align_fn, span_kwargs[1],
                         pairs=pairs)
    # notes inside the body stay where they are, unaligned
    beads = _insert_singletons(beads, [i for i in range(n) if src_kinds[i] == "note" and i <= last_src_body], side="src")
    beads = _insert_singletons(beads, [j for j in range(m) if tgt_kinds[j] == "note" and j <= last_tgt_body], side="tgt")
    # notes after the body: aligned among themselves
    notes = _align_span(*spans[2], src_units, tgt_units, src_paragraphs, tgt_paragraphs, align_fn, span_kwargs[2])
    if meaning is None:
        return beads + notes
    # Doubtful runs are aligned again by meaning on each side of the body's end (a run must not pair
    # the last sentences of the body with notes), then the second look covers everything.
    meaning = remembering(meaning)
    cancel = kwargs.get("cancel")
    share = (lambda lo, hi: ProgressShare(outer, lo, hi)) if outer is not None else (lambda lo, hi: None)
    beads = realign_doubtful(beads, src_units, tgt_units, meaning, cancel=cancel,  # type: ignore[arg-type]
                             progress=share(0.5, 0.7))  # type: ignore[arg-type]
    notes = realign_doubtful(notes, src_units, tgt_units, meaning, cancel=cancel,  # type: ignore[arg-type]
                             progress=share(0.7, 0.75))  # type: ignore[arg-type]
    return second_look(beads + notes, src_units, tgt_units, meaning, cancel=cancel,  # type: ignore[arg-type]
                       progress=share(0.75, 1.0))  # type: ignore[arg-type]


def _shares(sizes: list[int]) -> list[tuple[float, float]]:
    """Each span's part of the progress bar, by its number of units."""
    total = max(1, sum(sizes))
    out, start = [], 0.0
    for size in sizes:
        out.append((start, start + size / total))
        start += size / total
    return out


def _chapter_headings(units: Sequence[str], kinds: Sequence[str], levels: Sequence[int],
                      paragraphs: Sequence[int] | None, body: list[int]) -> dict[tuple[int, ...], str]:
    """Chapter headings (the top heading level that occurs more than once): their units -> their text.

    A heading is a paragraph: a long one may have been split into sentences.
    """
    heads: list[list[int]] = []
    for i in body:
        if kinds[i] != "heading":
            continue
        same = heads and heads[-1][-1] == i - 1 and paragraphs is not None and paragraphs[i] == paragraphs[i - 1]
        if same:
            heads[-1].append(i)
        else:
            heads.append([i])
    counts: dict[int, int] = {}
    for h in heads:
        counts[levels[h[0]]] = counts.get(levels[h[0]], 0) + 1
    top = min((lv for lv, c in counts.items() if c >= 2), default=None)
    return {tuple(h): " ".join(units[i] for i in h) for h in heads if levels[h[0]] == top}


def _align_span(src: list[int], tgt: list[int], src_units: Sequence[str], tgt_units: Sequence[str],
                src_paragraphs: Sequence[int] | None, tgt_paragraphs: Sequence[int] | None,
                align_fn: AlignFn, kwargs: dict[str, object], *,
                pairs: Sequence[tuple[tuple[int, ...], tuple[int, ...]]] = ()) -> list[Bead]:
    """Align the units ``src`` with ``tgt`` (indices into the texts); the beads ``pairs`` are fixed."""
    if not src and not tgt:
        return []
    if not src or not tgt:
        return [Bead((i,), (), 0.0, 1.0) for i in src] + [Bead((), (j,), 0.0, 1.0) for j in tgt]
    src_pos = {u: k for k, u in enumerate(src)}
    tgt_pos = {u: k for k, u in enumerate(tgt)}
    anchors = [Bead(tuple(src_pos[i] for i in a), tuple(tgt_pos[j] for j in b), 1.0, 1.0) for a, b in pairs]
    local = align_fn(
        [src_units[i] for i in src], [tgt_units[j] for j in tgt],
        src_paragraphs=[src_paragraphs[i] for i in src] if src_paragraphs is not None else None,
        tgt_paragraphs=[tgt_paragraphs[j] for j in tgt] if tgt_paragraphs is not None else None,
        **({"anchors": anchors} if anchors else {}),
        **kwargs,
    )
    # a paired heading is the aligner's finding, not a bead the user confirmed
    return [replace(b, src=tuple(src[i] for i in b.src), tgt=tuple(tgt[j] for j in b.tgt), fixed=False) for b in local]


def _insert_singletons(beads: list[Bead], units: list[int], *, side: str) -> list[Bead]:
    """Put a one-sided bead for each unit of ``units`` where it falls among ``beads`` (by its side's order)."""
    if not units:
        return beads
    out: list[Bead] = []
    pending = list(units)
    for b in beads:
        first = min(b.src if side == "src" else b.tgt, default=None)
        while pending and first is not None and pending[0] < first:
            u = pending.pop(0)
            out.append(Bead((u,), (), 0.0, 1.0) if side == "src" else Bead((), (u,), 0.0, 1.0))
        out.append(b)
    for u in pending:
        out.append(Bead((u,), (), 0.0, 1.0) if side == "src" else Bead((), (u,), 0.0, 1.0))
    return out
