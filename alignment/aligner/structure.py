"""Aligning books by their structure: headings with headings, notes apart from the body.

A book's paragraphs have kinds.  Three rules keep a long alignment in step:

* **notes** never take part in the body alignment: notes printed after the body
  on both sides are aligned among themselves; notes printed inside the body
  (chapter endnotes of a Markdown file) stay unaligned beads where they stand;
* **headings** pair with headings: chapter headings that carry the same
  number ("Глава 3" / "Chapter 3", "III") or, failing numbers, the same count
  of chapters on both sides, are fixed points, and the body is aligned chapter
  by chapter between them;
* **front and back matter** without a counterpart (a title page, a
  publisher's note) falls in the span before the first (or after the last)
  paired heading, so it is aligned there or left unaligned instead of pulling
  the first chapter out of step.

``align_structured`` takes the plain aligner as an argument, so it adds no
policy of its own to the scoring.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

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
    """Beads covering every unit once, in order, built from ``align_fn`` on the structure's spans."""
    n, m = len(src_units), len(tgt_units)
    src_levels = src_levels or [0] * n
    tgt_levels = tgt_levels or [0] * m
    src_body = [i for i in range(n) if src_kinds[i] != "note"]
    tgt_body = [j for j in range(m) if tgt_kinds[j] != "note"]
    last_src_body = src_body[-1] if src_body else -1
    last_tgt_body = tgt_body[-1] if tgt_body else -1
    src_trailing = [i for i in range(last_src_body + 1, n)]
    tgt_trailing = [j for j in range(last_tgt_body + 1, m)]

    # chapter headings (the top heading level that occurs more than once) as fixed points
    def chapters(kinds: Sequence[str], levels: Sequence[int], body: list[int], units: Sequence[str]) -> list[tuple[int, str]]:
        heads = [(i, levels[i]) for i in body if kinds[i] == "heading"]
        counts: dict[int, int] = {}
        for _i, lv in heads:
            counts[lv] = counts.get(lv, 0) + 1
        top = min((lv for lv, c in counts.items() if c >= 2), default=None)
        return [(i, units[i]) for i, lv in heads if lv == top]

    pairs = pair_headings(chapters(src_kinds, src_levels, src_body, src_units),
                          chapters(tgt_kinds, tgt_levels, tgt_body, tgt_units))
    beads: list[Bead] = []
    cuts = [(-1, -1)] + pairs + [(n, m)]
    src_pos = {u: k for k, u in enumerate(src_body)}
    tgt_pos = {u: k for k, u in enumerate(tgt_body)}
    for (a0, b0), (a1, b1) in zip(cuts, cuts[1:]):
        src_span = [i for i in src_body if a0 < i < a1]
        tgt_span = [j for j in tgt_body if b0 < j < b1]
        if a0 >= 0:
            beads.append(Bead((a0,), (b0,), 1.0, 1.0))
        beads.extend(_align_span(src_span, tgt_span, src_units, tgt_units, src_paragraphs, tgt_paragraphs, align_fn, kwargs))
    del src_pos, tgt_pos
    # notes inside the body stay where they are, unaligned
    beads = _insert_singletons(beads, [i for i in range(n) if src_kinds[i] == "note" and i <= last_src_body], side="src")
    beads = _insert_singletons(beads, [j for j in range(m) if tgt_kinds[j] == "note" and j <= last_tgt_body], side="tgt")
    # notes after the body: aligned among themselves
    beads.extend(_align_span(src_trailing, tgt_trailing, src_units, tgt_units, src_paragraphs, tgt_paragraphs, align_fn, kwargs))
    return beads


def _align_span(src: list[int], tgt: list[int], src_units: Sequence[str], tgt_units: Sequence[str],
                src_paragraphs: Sequence[int] | None, tgt_paragraphs: Sequence[int] | None,
                align_fn: AlignFn, kwargs: dict[str, object]) -> list[Bead]:
    if not src and not tgt:
        return []
    if not src or not tgt:
        return [Bead((i,), (), 0.0, 1.0) for i in src] + [Bead((), (j,), 0.0, 1.0) for j in tgt]
    local = align_fn(
        [src_units[i] for i in src], [tgt_units[j] for j in tgt],
        src_paragraphs=[src_paragraphs[i] for i in src] if src_paragraphs is not None else None,
        tgt_paragraphs=[tgt_paragraphs[j] for j in tgt] if tgt_paragraphs is not None else None,
        **kwargs,
    )
    return [Bead(tuple(src[i] for i in b.src), tuple(tgt[j] for j in b.tgt), b.score, b.confidence, doubt=b.doubt)
            for b in local]


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
