"""Benchmark term marking: index the whole Rogovin book, then mark one screenful.

Run: python tests/bench/bench_terms.py   (from the repository root; not collected by pytest)
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from alignment.glossary.entries import Glossary  # noqa: E402
from resources import glossary_dir, library_dir  # noqa: E402


def main() -> int:
    start = time.perf_counter()
    glossary = Glossary.load(glossary_dir() / "glossary.json")
    matcher = glossary.matcher
    print(f"load glossary + build matcher: {time.perf_counter() - start:.2f} s ({len(glossary)} entries)")

    book = (library_dir() / "texts" / "rogovin-bolsheviks-against-stalinism.en.md").read_text(encoding="utf-8")
    paragraphs = [p for p in book.split("\n") if p.strip()]
    start = time.perf_counter()
    hits = 0
    for paragraph in paragraphs:
        lang = "ru" if len(re.findall("[А-Яа-яЁё]", paragraph)) > len(paragraph) / 3 else "en"
        hits += len(matcher.find(paragraph, lang))
    print(f"index Rogovin book ({len(book):,} chars, {len(paragraphs)} paragraphs): "
          f"{time.perf_counter() - start:.2f} s, {hits} hits")

    sentences = re.split(r"(?<=[.!?])\s+", " ".join(paragraphs[2000:2200]))[:40]
    screen = " ".join(sentences)
    runs = 50
    start = time.perf_counter()
    for _ in range(runs):
        matcher.find(screen, "en")
    print(f"mark one screenful (40 sentences, {len(screen)} chars, warm cache): "
          f"{(time.perf_counter() - start) / runs * 1000:.2f} ms")
    platform = (library_dir() / "texts" / "trotsky-1931-problems-of-development.ru.txt").read_text(encoding="utf-8")
    ru_sentences = re.split(r"(?<=[.!?])\s+", " ".join(platform.split()))[100:140]
    ru_screen = " ".join(ru_sentences)
    fresh = Glossary.load(glossary_dir() / "glossary.json").matcher
    start = time.perf_counter()
    fresh.find(ru_screen, "ru")
    print(f"mark one Russian screenful (40 sentences, cold cache): {(time.perf_counter() - start) * 1000:.2f} ms")
    start = time.perf_counter()
    for _ in range(runs):
        fresh.find(ru_screen, "ru")
    print(f"mark one Russian screenful (warm cache): {(time.perf_counter() - start) / runs * 1000:.2f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
