"""Import time and peak memory of real-sized books, made by the benchmark itself.

    python tests/bench/bench_books.py [--runs 3]

A 300-page typeset PDF (footnotes, running heads, hyphenation) and an EPUB 3 of
about 1 MB are generated (tests/bookfiles.py), then each is imported into an
empty library in a fresh process (so the peak resident memory, ru_maxrss, is the
import's own), ``--runs`` times; the medians are printed.  Reading pages is
reported separately from the whole import (sentence splitting, storing,
glossary terms).  Goal: the PDF in under 20 s on the 2-core machine.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def one(kind: str, path: Path) -> None:
    """Child process: import ``path`` into a new library, print figures as JSON."""
    from alignment.progress import ProgressState
    from db.engine import open_library
    from db.services.importing import TextMetadata, import_text

    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library.sqlite3")
        progress = ProgressState()
        started = time.perf_counter()
        result = import_text(library, path, TextMetadata(lang="ru"), progress=progress)
        total = time.perf_counter() - started
        library.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"kind": kind, "seconds": total, "peak_mb": peak_mb,
                      "paragraphs": result.paragraph_count, "sentences": result.sentence_count}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--one", nargs=2, metavar=("KIND", "PATH"))
    args = parser.parse_args()
    if args.one:
        one(args.one[0], Path(args.one[1]))
        return
    import bookfiles as bf

    with tempfile.TemporaryDirectory() as tmp:
        pdf = Path(tmp) / "book300.pdf"
        layout = bf.typeset_pdf(pdf, bf.sample_book(chapters=23, paragraphs=25, words=90))
        epub = Path(tmp) / "book.epub"
        bf.epub3(epub, bf.sample_book(chapters=40, paragraphs=30, words=120, seed=2))
        from pdfminer.high_level import extract_pages  # noqa: F401 - warm the import cache
        print(f"PDF: {layout.physical_pages} pages, {pdf.stat().st_size / 1e6:.1f} MB; "
              f"EPUB: {epub.stat().st_size / 1e6:.2f} MB packed")
        for kind, path in (("pdf", pdf), ("epub", epub)):
            figures = []
            for _ in range(args.runs):
                out = subprocess.run([sys.executable, __file__, "--one", kind, str(path)], capture_output=True,
                                     text=True, check=True, cwd=ROOT)
                figures.append(json.loads(out.stdout.strip().splitlines()[-1]))
            seconds = statistics.median(f["seconds"] for f in figures)
            peak = statistics.median(f["peak_mb"] for f in figures)
            print(f"{kind}: import {seconds:.1f} s (median of {args.runs}), peak RSS {peak:.0f} MB, "
                  f"{figures[0]['paragraphs']} paragraphs, {figures[0]['sentences']} sentences")


if __name__ == "__main__":
    main()
