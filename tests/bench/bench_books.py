"""Import time and peak memory of real-sized books, made by the benchmark itself.

    python tests/bench/bench_books.py [--runs 3]

Two books are generated (tests/bookfiles.py): a 300-page typeset PDF (footnotes,
running heads, hyphenation; words from a small vocabulary, as it was first
measured) and an EPUB 3 of 1 MB as a file (packed), its words drawn from every
Russian word form of the bundled texts in sentences of about 18 words, so that it
compresses like real text.  Each is imported into an empty library in a fresh
process (so the peak resident memory, ru_maxrss, is the import's own), ``--runs``
times; the medians are printed side by side.  "reading" is the time until the
file is read into paragraphs (pages or chapters); the rest is sentence
splitting, storing and finding glossary terms.  Goal: the PDF in under 20 s on
the 2-core machine.
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
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))


def one(kind: str, path: Path) -> None:
    """Child process: import ``path`` into a new library, print figures as JSON."""
    from alignment.progress import ProgressState
    from db.engine import open_library
    from db.services.importing import TextMetadata, import_text

    class Timed(ProgressState):
        """Notes when the file has been read (the first step after reading)."""

        read_at: float | None = None

        def update(self, done: int, total: int, stage: str = "") -> None:
            if self.read_at is None and stage == "splitting sentences":
                self.read_at = time.perf_counter()
            super().update(done, total, stage)

    with tempfile.TemporaryDirectory() as tmp:
        library = open_library(Path(tmp) / "library.sqlite3")
        progress = Timed()
        started = time.perf_counter()
        result = import_text(library, path, TextMetadata(lang="ru"), progress=progress)
        total = time.perf_counter() - started
        library.close()
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    reading = (progress.read_at or started) - started
    print(json.dumps({"kind": kind, "seconds": total, "reading": reading, "peak_mb": peak_mb,
                      "paragraphs": result.paragraph_count, "sentences": result.sentence_count}))


def one_mb_epub(path: Path, target: int = 1 << 20) -> int:
    """An EPUB 3 of at least ``target`` bytes as a file; returns its chapter count."""
    import bookfiles as bf

    vocabulary = bf.russian_vocabulary()

    def make(chapters: int) -> int:
        bf.epub3(path, bf.sample_book(chapters=chapters, paragraphs=30, words=120, seed=2, vocabulary=vocabulary,
                                      sentence_words=18))
        return path.stat().st_size

    chapters = 20
    size = make(chapters)
    chapters = max(chapters, int(chapters * target / size))
    while make(chapters) < target:
        chapters += 1
    return chapters


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
        chapters = one_mb_epub(epub)
        from pdfminer.high_level import extract_pages  # noqa: F401 - warm the import cache
        with zipfile.ZipFile(epub) as z:
            unpacked = sum(i.file_size for i in z.infolist())
        books = {
            "pdf": (pdf, f"{layout.physical_pages} pages, {pdf.stat().st_size / 1e6:.1f} MB"),
            "epub": (epub, f"{chapters} chapters, {epub.stat().st_size / 2**20:.2f} MiB packed "
                           f"({unpacked / 2**20:.1f} MiB unpacked)"),
        }
        print(f"median of {args.runs} runs, each in a fresh process")
        print(f"{'book':5} {'file':44} {'import':>8} {'reading':>8} {'peak RSS':>9} {'paragraphs':>10} {'sentences':>9}")
        for kind, (path, what) in books.items():
            figures = []
            for _ in range(args.runs):
                out = subprocess.run([sys.executable, __file__, "--one", kind, str(path)], capture_output=True,
                                     text=True, check=True, cwd=ROOT)
                figures.append(json.loads(out.stdout.strip().splitlines()[-1]))
            seconds = statistics.median(f["seconds"] for f in figures)
            reading = statistics.median(f["reading"] for f in figures)
            peak = statistics.median(f["peak_mb"] for f in figures)
            print(f"{kind:5} {what:44} {seconds:7.1f}s {reading:7.1f}s {peak:6.0f} MB {figures[0]['paragraphs']:10} "
                  f"{figures[0]['sentences']:9}")


if __name__ == "__main__":
    main()
