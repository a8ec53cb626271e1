"""How long counting the renderings of every term of a pair takes, on a Rogovin-sized pair.

The bundled library has no aligned pair that large (Rogovin's book is English
only), so the bench makes one: the 1931 platform's beads repeated until the
pair has as many beads as Rogovin's book has sentences (~8,800), imported as an
aligned pair into a fresh library.  It times

- ``pair_renderings`` cold (the finder built: glossary matcher and word table),
  cold with the finder ready (what the translation report pays after an edit),
  and cached;
- the hover: renderings of one bead from a reader row (what the reader does on
  the first hover of a bead), median over many beads.

Run: python tests/bench/bench_renderings.py [--beads 8800]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from pathlib import Path

from alignment.glossary.renderings import BeadSide, TermSpot
from db.engine import open_library
from db.services import renderings as service
from db.services.aligned_import import import_aligned
from db.services.bundled import ensure_bundled_library
from db.services.importing import ImportOptions, TextMetadata
from db.services.reading import pair_outline, reading_rows


def _platform_rows(folder: Path) -> list[tuple[str, str]]:
    library = open_library(folder / "bundled.sqlite3")
    ensure_bundled_library(library)
    with library.sessions() as s:
        from db.models import Alignment, LibraryText
        from sqlalchemy import select

        alignment_id = s.scalars(select(Alignment.id).join(LibraryText, LibraryText.id == Alignment.ru_text_id)
                                 .where(LibraryText.kind == "original")).one()
        outline = pair_outline(s, alignment_id)
        rows = reading_rows(s, outline, 0, outline.row_count)
    library.close()
    return [(" ".join(x.text for x in r.ru), " ".join(x.text for x in r.en)) for r in rows]


def _big_pair(folder: Path, beads: int) -> tuple[object, int]:
    rows = _platform_rows(folder)
    tsv = folder / "big.tsv"
    lines = ["ru\ten"]
    n = 0
    while n < beads:
        for i, (ru, en) in enumerate(rows):
            lines.append(f"{ru}\t{en}".replace("\n", " "))
            if i % 5 == 4:
                lines.append("")
            n += 1
            if n >= beads:
                break
    tsv.write_text("\n".join(lines) + "\n", encoding="utf-8")
    library = open_library(folder / "big.sqlite3")
    started = time.perf_counter()
    result = import_aligned(library, tsv, ru_meta=TextMetadata(lang="ru"),
                            en_meta=TextMetadata(lang="en", kind="published_translation"),
                            options=ImportOptions(allow_duplicate=True))
    print(f"imported a pair of {result.bead_count} beads in {time.perf_counter() - started:.1f} s")
    return library, result.alignment_id


def _side(row, lang: str) -> BeadSide:
    segments = row.side(lang)
    return BeadSide(lang, tuple((s.position, s.text) for s in segments),
                    tuple(TermSpot(s.position, a, b, e) for s in segments for a, b, e in s.terms))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=8800)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        library, alignment_id = _big_pair(Path(tmp), args.beads)
        with library.sessions() as s:
            started = time.perf_counter()
            counts = service.pair_renderings(s, alignment_id)
            first = time.perf_counter() - started
            occurrences = sum(r.count for rs in counts.values() for r in rs)
            print(f"pair_renderings, nothing cached (finder built too): {first:.2f} s "
                  f"({len(counts)} entries, {occurrences} occurrences)")
            cold = []
            for _ in range(args.repeat):
                service._pairs.clear()
                started = time.perf_counter()
                service.pair_renderings(s, alignment_id)
                cold.append(time.perf_counter() - started)
            print(f"pair_renderings, finder ready: median {statistics.median(cold):.2f} s "
                  f"(min {min(cold):.2f}, max {max(cold):.2f}, {args.repeat} runs)")
            warm = []
            for _ in range(args.repeat):
                started = time.perf_counter()
                service.pair_renderings(s, alignment_id)
                warm.append(time.perf_counter() - started)
            print(f"pair_renderings, cached: median {statistics.median(warm) * 1000:.1f} ms")
            started = time.perf_counter()
            service.entry_renderings(s, "kolkhoz")
            print(f"entry_renderings('kolkhoz'), cached pair: {(time.perf_counter() - started) * 1000:.1f} ms")
            finder = service.rendering_finder(s)
            outline = pair_outline(s, alignment_id)
            rows = reading_rows(s, outline, 0, 2000)
        hover = []
        for row in rows:
            if not any(seg.terms for seg in row.ru + row.en):
                continue
            started = time.perf_counter()
            finder.renderings(_side(row, "ru"), _side(row, "en"))
            finder.renderings(_side(row, "en"), _side(row, "ru"))
            hover.append((time.perf_counter() - started) * 1000)
        print(f"one bead, both directions (the reader's first hover of a bead): median "
              f"{statistics.median(hover):.2f} ms, max {max(hover):.2f} ms over {len(hover)} beads")
        library.close()


if __name__ == "__main__":
    main()
