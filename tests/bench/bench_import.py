"""Benchmark: importing the bundled library (not a test; run it by hand).

    python tests/bench/bench_import.py [--runs 3]

Prints, per bundled text, the median time to read+clean, to split sentences
and to store, then the whole first-run set-up (import + alignment of the
pairs) into a fresh library, and the peak resident memory.
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from alignment.text.cleanup import load_document  # noqa: E402
from alignment.text.segment import segment_blocks  # noqa: E402
from db.engine import open_library  # noqa: E402
from db.services.bundled import ensure_bundled_library, load_manifest  # noqa: E402


def _median_time(fn, runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    manifest = load_manifest()
    print(f"{'text':<45} {'chars':>9} {'clean_s':>8} {'split_s':>8}")
    for item in manifest.texts:
        doc = load_document(item.path, lang=item.meta.lang, fmt=item.fmt)
        clean = _median_time(lambda: load_document(item.path, lang=item.meta.lang, fmt=item.fmt), args.runs)
        split = _median_time(lambda: segment_blocks(doc.blocks, item.meta.lang), args.runs)
        chars = sum(len(b.text) for b in doc.blocks)
        print(f"{item.key[:45]:<45} {chars:>9} {clean:>8.3f} {split:>8.3f}")
    totals = []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory() as tmp:
            library = open_library(Path(tmp) / "library.sqlite3")
            start = time.perf_counter()
            ensure_bundled_library(library)
            totals.append(time.perf_counter() - start)
            library.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"first_run_setup_s={statistics.median(totals):.2f} (median of {args.runs}: {', '.join(f'{t:.2f}' for t in totals)})")
    print(f"peak_rss_mb={rss_mb:.0f}")


if __name__ == "__main__":
    main()
