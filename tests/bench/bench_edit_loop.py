"""How many correction operations turn Sverka's automatic alignment into the gold one.

Run from the repository root:  python tests/bench/bench_edit_loop.py [DATA_DIR]
DATA_DIR defaults to ../shared/bench/ruen-dev; the long cases (wmt-long-*) are used.

For each case the units are aligned, then an oracle plays the reviewer: it
finds the first bead that differs from the gold and applies the cheapest
sequence of edits from ``alignment.aligner.edits`` (breadth-first, up to 4) that makes
that bead right, then moves on.  Everything runs twice: without and with
``ExtendBead`` ("set this bead's extent", one operation that makes the bead
end where the gold one ends).  Two runs each:

* edits only;
* edits, then "confirm everything above" and "re-align the rest"
  (``alignment.aligner.realign.realign_unconfirmed``) after every fix.

An *error* is a stretch where the automatic and the gold alignment disagree
between two points where both have a bead boundary.  Printed: errors, edit
operations per error (and their distribution), and for the re-align run the
later errors each re-alignment repaired or introduced.
Not a test: pytest never collects this folder.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alignment.aligner.align import align
from alignment.aligner.beads import read_vecalign_file
from alignment.aligner.edit_errors import EditError
from alignment.aligner.edits import (
    BeadSpan,
    ConfirmRange,
    Detach,
    Edit,
    ExtendBead,
    MergeNext,
    ShiftSentence,
    SplitBead,
    check_coverage,
)
from alignment.aligner.realign import realign_unconfirmed, spans_from_beads

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "ruen-dev"
WINDOW = 8
MAX_DEPTH = 4
DRIFT_LENGTH = 6
Region = tuple[int, int, int, int]


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def error_regions(test: Sequence[BeadSpan], gold: Sequence[BeadSpan]) -> set[Region]:
    """Stretches (ru_lo, en_lo, ru_hi, en_hi) between common boundaries where the beads differ."""
    def cuts(beads: Sequence[BeadSpan]) -> dict[tuple[int, int], int]:
        return {(b.ru_end, b.en_end): k for k, b in enumerate(beads)}

    t_cuts, g_cuts = cuts(test), cuts(gold)
    common = sorted(set(t_cuts) & set(g_cuts))
    regions = set()
    prev, t_prev, g_prev = (0, 0), -1, -1
    for cut in common:
        t_k, g_k = t_cuts[cut], g_cuts[cut]
        t_part = [b.ranges() for b in test[t_prev + 1 : t_k + 1]]
        g_part = [b.ranges() for b in gold[g_prev + 1 : g_k + 1]]
        if t_part != g_part:
            regions.add((prev[0], prev[1], cut[0], cut[1]))
        prev, t_prev, g_prev = cut, t_k, g_k
    return regions


def first_wrong(test: Sequence[BeadSpan], gold: Sequence[BeadSpan], start: int = 0) -> int | None:
    for i in range(start, min(len(test), len(gold))):
        if test[i].ranges() != gold[i].ranges():
            return i
    return None if len(test) == len(gold) else min(len(test), len(gold))


def local_edits(window: Sequence[BeadSpan], target: BeadSpan, extend: bool) -> Iterator[Edit]:
    """The edits a reviewer would try on the first bead of ``window`` and its next neighbour
    (``extend``: also "set this bead's extent" to the ends of ``target``)."""
    first = window[0]
    if extend and first.ru_start == target.ru_start and first.en_start == target.en_start:
        yield ExtendBead(0, target.ru_end, target.en_end)
    yield MergeNext(0)
    for side in ("ru", "en"):
        yield ShiftSentence(0, side, "last")  # type: ignore[arg-type]
        yield ShiftSentence(1, side, "first")  # type: ignore[arg-type]
        yield Detach(0, side, "first")  # type: ignore[arg-type]
        yield Detach(0, side, "last")  # type: ignore[arg-type]
    for at_ru in range(first.ru_start, first.ru_end + 1):
        for at_en in range(first.en_start, first.en_end + 1):
            yield SplitBead(0, at_ru, at_en)


def cheapest_fix(window: list[BeadSpan], target: BeadSpan, extend: bool) -> list[Edit] | None:
    """Fewest edits making ``window[0]`` cover what ``target`` covers (breadth-first)."""
    seen = {tuple(b.ranges() for b in window)}
    queue: deque[tuple[list[BeadSpan], list[Edit]]] = deque([(window, [])])
    while queue:
        beads, path = queue.popleft()
        if len(path) >= MAX_DEPTH:
            continue
        for edit in local_edits(beads, target, extend):
            try:
                after = edit.apply(beads)
            except EditError:
                continue
            key = tuple(b.ranges() for b in after)
            if key in seen:
                continue
            if after[0].ranges() == target.ranges():
                return [*path, edit]
            seen.add(key)
            queue.append((after, [*path, edit]))
    return None


@dataclass
class Run:
    errors: int = 0
    wrong_beads: int = 0
    ops: int = 0
    fixes: int = 0
    unfixable: int = 0
    realigns: int = 0
    repaired: int = 0
    introduced: int = 0
    ops_per_error: list[int] = field(default_factory=list)
    seconds: float = 0.0


def review(auto: list[BeadSpan], gold: list[BeadSpan], ru: list[str], en: list[str], *, realign: bool,
           extend: bool) -> Run:
    run = Run(errors=len(error_regions(auto, gold)),
              wrong_beads=len({g.ranges() for g in gold} - {a.ranges() for a in auto}))
    beads = list(auto)
    regions_ops: Counter[Region] = Counter()
    initial = error_regions(auto, gold)
    i = first_wrong(beads, gold)
    started = time.perf_counter()
    while i is not None:
        window = beads[i : i + WINDOW]
        fix = cheapest_fix(window, gold[i], extend)
        if fix is None:
            run.unfixable += 1
            i = first_wrong(beads, gold, i + 1)
            continue
        region = next((r for r in initial if r[0] <= gold[i].ru_start < r[2] or r[1] <= gold[i].en_start < r[3]),
                      None)
        if region is not None:
            regions_ops[region] += len(fix)
        for edit in fix:
            window = edit.apply(window)
        beads[i : i + WINDOW] = window
        check_coverage(beads, len(ru), len(en))
        run.ops += len(fix)
        run.fixes += 1
        if realign and i + 1 < len(beads):
            beads = ConfirmRange(0, i + 1).apply(beads) if any(not b.is_anchor for b in beads[: i + 1]) else beads
            before = {r for r in error_regions(beads, gold) if r[0] >= beads[i].ru_end}
            edit = realign_unconfirmed(beads, ru, en)
            if edit is not None:
                beads = edit.apply(beads)
            after = {r for r in error_regions(beads, gold) if r[0] >= beads[i].ru_end}
            run.realigns += 1
            run.repaired += len(before - after)
            run.introduced += len(after - before)
        i = first_wrong(beads, gold, i + 1)
    run.seconds = time.perf_counter() - started
    assert [b.ranges() for b in beads] == [b.ranges() for b in gold] or run.unfixable
    run.ops_per_error = [regions_ops[r] for r in initial]
    return run


def inject_drift(beads: list[BeadSpan], gold: Sequence[BeadSpan], length: int, starts: Sequence[float]
                 ) -> list[BeadSpan]:
    """The alignment with the aligner "losing the track" by one RU sentence for ``length`` beads
    at each relative place in ``starts`` (chosen where it was right with 1-1 beads)."""
    out = list(beads)
    gold_keys = {b.ranges() for b in gold}
    for where in starts:
        i = next((k for k in range(int(len(out) * where), len(out) - length)
                  if all(b.ranges() in gold_keys and b.ru_end - b.ru_start == b.en_end - b.en_start == 1 for b in out[k : k + length + 1])), None)
        if i is None:
            continue
        window = out[i : i + length + 1]
        drifted = [BeadSpan(window[0].ru_start, window[0].ru_end + 1, window[0].en_start, window[0].en_end)]
        drifted += [BeadSpan(b.ru_start + 1, b.ru_end + 1, b.en_start, b.en_end) for b in window[1:-1]]
        drifted.append(BeadSpan(window[-1].ru_end, window[-1].ru_end, window[-1].en_start, window[-1].en_end))
        out[i : i + length + 1] = drifted
    return out


def add(total: Run, r: Run) -> None:
    for name in ("errors", "wrong_beads", "ops", "fixes", "unfixable", "realigns", "repaired", "introduced"):
        setattr(total, name, getattr(total, name) + getattr(r, name))
    total.ops_per_error += r.ops_per_error
    total.seconds += r.seconds


def summarise(title: str, plain: Run, again: Run, drift: dict[bool, Run]) -> None:
    dist = Counter(min(n, 3) for n in plain.ops_per_error)
    print()
    print(title)
    print(f"edits only:   {plain.ops} operations, {plain.ops / max(plain.errors, 1):.2f} per error; "
          f"errors fixed with 1 op: {dist[1]}, 2 ops: {dist[2]}, 3+ ops: {dist[3]} "
          f"(<= 2 ops: {dist[1] + dist[2]} of {len(plain.ops_per_error)}), "
          f"max {max(plain.ops_per_error, default=0)}, {plain.ops / max(plain.wrong_beads, 1):.2f} per wrong "
          f"gold bead, median "
          f"{statistics.median(plain.ops_per_error) if plain.ops_per_error else 0}; unfixable: {plain.unfixable}")
    print(f"  operations per error: {sorted(plain.ops_per_error, reverse=True)}")
    print(f"with re-align: {again.ops} edit operations ({again.ops / max(again.errors, 1):.2f} per error) "
          f"+ {again.realigns} re-aligns (each after a 'confirm above'); later errors repaired by "
          f"re-align: {again.repaired}, introduced: {again.introduced}; unfixable: {again.unfixable}")
    print(f"  edit operations per error: {sorted(again.ops_per_error, reverse=True)}")
    print(f"injected drift ({DRIFT_LENGTH + 1} beads off by one RU sentence, 2 per case) on top of the aligner's "
          f"errors: {drift[False].errors} errors; edits only {drift[False].ops} operations; with re-align "
          f"{drift[True].ops} operations + {drift[True].realigns} re-aligns, later errors repaired by re-align: "
          f"{drift[True].repaired}, introduced: {drift[True].introduced}")
    print(f"oracle time: edits only {plain.seconds:.1f} s, with re-align {again.seconds:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    args = parser.parse_args()
    cases = sorted(p for p in args.data.iterdir() if p.name.startswith("wmt-long-"))
    variants = (False, True)  # without / with "set this bead's extent"
    totals = {(x, r): Run() for x in variants for r in (False, True)}
    drift = {(x, r): Run() for x in variants for r in (False, True)}
    print(f"{'case':14} {'units':>9} {'errors':>6} | {'ops':>4} {'ops/err':>7} | "
          f"{'ops':>4} {'realigns':>8} {'repaired':>8} {'introduced':>10} | {'ops with extent':>15}")
    for case in cases:
        ru, en = read_lines(case / "src.txt"), read_lines(case / "tgt.txt")
        gold = spans_from_beads(read_vecalign_file(case / "gold.txt"))
        check_coverage(gold, len(ru), len(en))
        auto = spans_from_beads(align(ru, en))
        drifted = inject_drift(auto, gold, DRIFT_LENGTH, (0.2, 0.6))
        runs = {}
        for extend in variants:
            for realign in (False, True):
                runs[extend, realign] = review(auto, gold, ru, en, realign=realign, extend=extend)
                add(totals[extend, realign], runs[extend, realign])
                add(drift[extend, realign], review(drifted, gold, ru, en, realign=realign, extend=extend))
        plain, again = runs[False, False], runs[False, True]
        print(f"{case.name:14} {len(ru):>4}x{len(en):<4} {plain.errors:>6} | {plain.ops:>4} "
              f"{plain.ops / max(plain.errors, 1):>7.2f} | {again.ops:>4} {again.realigns:>8} "
              f"{again.repaired:>8} {again.introduced:>10} | {runs[True, False].ops:>15}")
    first = totals[False, False]
    print()
    print(f"aligner errors (disagreeing stretches): {first.errors}, gold beads not found: {first.wrong_beads}")
    for extend in variants:
        summarise("WITH \"set this bead's extent\" (ExtendBead)" if extend else "WITHOUT ExtendBead (merge, split, "
                  "shift, detach)", totals[extend, False], totals[extend, True],
                  {False: drift[extend, False], True: drift[extend, True]})


if __name__ == "__main__":
    main()
