"""How fast the translation map paints and follows edits, on a synthetic pair of 20,000 beads and on Rogovin's book.

Run from the repository root:  python tests/bench/bench_translation_map.py [--beads N] [--frames N]

A pair of ``--beads`` beads (most one-to-one; 2 % omissions, 2 % additions,
6 % merges and splits, 4 % unsure, 40 bookmarks) is written into a fresh
library and opened in the real window, offscreen, at 1300×820 with the
library search's and the find bar's hits marked.  Printed, in milliseconds:

* ``load``: the map read from the library when the pair opens (one query; the bookmarks come from
  the reader's own bookmark marks, whose cost is printed beside it);
* ``repaint``: the strip repainted ``--frames`` times with nothing changed (the cached image drawn);
* ``scroll``: the strip's paint in each of ``--frames`` frames while the reader scrolls a screen at a
  time (rows measured on the way move the scale: the image is rebuilt when they do);
* ``resize``: the strip's paint after each of ``--frames`` window resizes (a rebuild every time);
* ``rebuild``: the image made from scratch (what a change of data or size costs);
* ``edit``: a correction (detach a sentence, through the window's undo stack), the map's update from
  the changed beads and the next paint; beside it a full reload of the map, for comparison.

and the same ``repaint``/``scroll`` on the bundled Rogovin book (8,900 sentences, read alone) with
the find bar's hits.  Goal: no frame over 16 ms.  Not a test: pytest never collects this folder.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

WORDS_RU = "партия рабочий класс колхоз деревня промышленность план оппозиция съезд кулак хлеб город".split()
WORDS_EN = "party working class kolkhoz village industry plan opposition congress kulak grain town".split()


def _sentence(rng: random.Random, words: list[str], i: int) -> str:
    body = " ".join(rng.choice(words) for _ in range(rng.randint(6, 30)))
    return f"{body.capitalize()} {i}."


def build_pair(library, beads: int, seed: int = 7) -> int:
    """A synthetic pair of ``beads`` beads; returns the Russian text's id."""
    from sqlalchemy import insert

    from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, Work
    from db.services import bookmarks as bm

    rng = random.Random(seed)
    shapes = [(1, 1)] * 86 + [(1, 0)] * 2 + [(0, 1)] * 2 + [(2, 1)] * 3 + [(1, 2)] * 3 + [(2, 2)] * 4
    plan = [rng.choice(shapes) for _ in range(beads)]
    with library.sessions.begin() as s:
        work = Work(title="Synthetic pair")
        s.add(work)
        s.flush()
        ids = {}
        for side, lang, words in ((0, "ru", WORDS_RU), (1, "en", WORDS_EN)):
            text = LibraryText(work_id=work.id, lang=lang, title=f"Synthetic {lang}", content_hash=f"synthetic-{lang}")
            s.add(text)
            s.flush()
            ids[lang] = text.id
            count = sum(p[side] for p in plan)
            sentences = [_sentence(rng, words, i) for i in range(count)]
            rows, position = [], 0
            for par_no, first in enumerate(range(0, count, 8)):
                chunk = sentences[first:first + 8]
                par = Paragraph(text_id=text.id, position=par_no, kind="body", text=" ".join(chunk))
                s.add(par)
                s.flush()
                at = 0
                for sentence in chunk:
                    rows.append(dict(text_id=text.id, paragraph_id=par.id, position=position, start=at,
                                     end=at + len(sentence), text=sentence))
                    at += len(sentence) + 1
                    position += 1
            s.execute(insert(Sentence), rows)
        alignment = Alignment(ru_text_id=ids["ru"], en_text_id=ids["en"])
        s.add(alignment)
        s.flush()
        bead_rows, ru, en = [], 0, 0
        for i, (n, m) in enumerate(plan):
            confidence = 0.3 if rng.random() < 0.04 else 0.95
            bead_rows.append(dict(alignment_id=alignment.id, position=i, ru_start=ru, ru_end=ru + n, en_start=en,
                                  en_end=en + m, score=0.0, confidence=confidence, status="auto"))
            ru, en = ru + n, en + m
        s.execute(insert(Bead), bead_rows)
        for start in rng.sample(range(beads - 10), 40):
            bm.add_bookmark(s, alignment.id, start, start + rng.randint(1, 6))
    return ids["ru"]


def timed(action: Callable[[], object]) -> float:
    started = time.perf_counter()
    action()
    return (time.perf_counter() - started) * 1000


def paints(strip, action: Callable[[], object]) -> float:
    """The time the strip spent painting (whenever Qt asked it to) while ``action`` ran, in ms."""
    strip.paint_times = []
    action()
    spent = sum(strip.paint_times)
    strip.paint_times = None
    return spent


def summary(name: str, times: list[float]) -> str:
    over = sum(t > 16.0 for t in times)
    return (f"{name:8} median {statistics.median(times):6.2f} ms   max {max(times):6.2f} ms   "
            f"({len(times)} frames, {over} over 16 ms)")


def measure_scrolling(app, window, frames: int) -> tuple[list[float], list[float], int]:
    """Repaints with nothing changed, then a screen at a time from the top: the strip's paint each frame."""
    view, strip = window.reader.view, window.reader.map_strip
    app.processEvents()
    strip.repaint()
    repaint = [paints(strip, strip.repaint) for _ in range(frames)]
    view.set_top(0)
    before = strip.rebuilds
    scroll = []
    step = view.viewport().height() * 0.9

    def frame() -> None:
        view.scroll_by(step)
        view.viewport().repaint()  # the reader measures the rows it shows
        app.processEvents()  # the scroll bar follows the new heights; the strip paints if they moved
        strip.repaint()

    for _ in range(frames):
        scroll.append(paints(strip, frame))
    return repaint, scroll, strip.rebuilds - before


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beads", type=int, default=20000)
    parser.add_argument("--frames", type=int, default=200)
    args = parser.parse_args(argv)

    from PySide6.QtWidgets import QApplication

    app = QApplication([])
    from app.settings import Settings
    from app.tasks import TaskRunner
    from app.views.main_window import MainWindow
    from app.views.theme import apply_theme
    from db.engine import open_library
    from sqlalchemy import select

    from db.models import Bookmark
    from db.services.bookmarks import bookmark_spans
    from db.services.bookmarks import locate as locate_bookmark
    from db.services.bundled import ensure_bundled_library
    from db.services.library import list_texts
    from db.services.translation_map import load_translation_map, reload_beads

    apply_theme(app, "light")
    folder = Path(tempfile.mkdtemp(prefix="sverka-map-bench-"))
    library = open_library(folder / "library.sqlite3")
    started = time.perf_counter()
    ru_id = build_pair(library, args.beads)
    print(f"synthetic pair of {args.beads} beads written in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    ensure_bundled_library(library)
    settings = Settings.from_file(str(folder / "settings.ini"))
    window = MainWindow(library, TaskRunner(inline=True), settings=settings)
    window.resize(1300, 820)
    window.show()
    app.processEvents()

    window.open_text(ru_id)
    pane, view, strip = window.reader, window.reader.view, window.reader.map_strip
    aid = pane.alignment_id
    loads, located, alone = [], [], []
    for _ in range(10):
        with library.sessions() as s:
            loads.append(timed(lambda: load_translation_map(s, aid, bookmarks=False)))
            located.append(timed(lambda: bookmark_spans(s, aid)))
            marks = list(s.scalars(select(Bookmark)))
            alone.append(timed(lambda: [locate_bookmark(s, b) for b in marks]))
    window.search_panel.run_search("kolkhoz")
    pane.find("колхоз")
    tmap = strip.translation_map
    print(f"pair: {pane.model.rowCount()} beads; omissions {tmap.count(1)}, additions {tmap.count(2)}, "
          f"merges/splits {tmap.count(3)}, unsure {tmap.unsure_count}, bookmarks {len(tmap.bookmarks)}, "
          f"hit rows {len(strip.hit_rows())}")
    print(f"load     median {statistics.median(loads):6.2f} ms   max {max(loads):6.2f} ms   (the beads' map read when the pair opens)")
    print(f"bookmarks median {statistics.median(located):5.1f} ms   (the bookmarks listed and located, as the reader "
          f"does after an edit; each located alone, by SQL as before: {statistics.median(alone):.1f} ms, "
          f"{statistics.median(alone) / statistics.median(located):.1f}x)")

    repaint, scroll, rebuilt = measure_scrolling(app, window, args.frames)
    print(summary("repaint", repaint))
    print(summary("scroll", scroll) + f"; image rebuilt in {rebuilt} of them")

    resize = []
    for i in range(args.frames):
        resize.append(paints(strip, lambda: (window.resize(1300, 820 - (i % 40) * 5), app.processEvents(),
                                             strip.repaint())))
    print(summary("resize", resize))
    window.resize(1300, 820)
    app.processEvents()

    rebuild = []
    for _ in range(args.frames):
        strip._version += 1  # as a change of data does
        rebuild.append(paints(strip, strip.repaint))
    print(summary("rebuild", rebuild))

    edits, updates, full, after_edit = [], [], [], []

    for i in range(20):
        row = 1000 + i * 700
        view.set_current(row, ensure_visible=False)
        view.reveal(row)
        app.processEvents()
        edits.append(timed(window.review.detach))
        after_edit.append(paints(strip, strip.repaint))  # the edit changed the data: this paint rebuilds
        with library.sessions() as s:
            current = strip.translation_map
            updates.append(timed(lambda: reload_beads(s, current, row, 2, 2)))
            full.append(timed(lambda: load_translation_map(s, aid, bookmarks=False)))
    print(f"edit     median {statistics.median(edits):6.1f} ms   (the whole correction: library write, reader "
          f"reload, bookmarks located again, map update)")
    print(f"update   median {statistics.median(updates):6.2f} ms   max {max(updates):6.2f} ms   "
          f"(the map's part: the changed beads read and spliced)")
    print(summary("repaint", after_edit) + "  (the strip's first paint after an edit: image rebuilt)")
    print(f"reload   median {statistics.median(full):6.2f} ms   (a full reload of the beads' map, for comparison)")

    with library.sessions() as s:
        rogovin = next(t.id for t in list_texts(s) if t.key == "rogovin-bolsheviks-against-stalinism.en")
    window.open_text(rogovin)
    hits = pane.find("Stalin")
    print(f"Rogovin's book read alone: {pane.model.rowCount()} paragraphs, find bar: {hits} hits")
    repaint, scroll, rebuilt = measure_scrolling(app, window, args.frames)
    print(summary("repaint", repaint))
    print(summary("scroll", scroll) + f"; image rebuilt in {rebuilt} of them")
    window.close()
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
