"""Reader benchmark on the bundled library, offscreen (``python -m app.bench``); not a test.

Installs the bundled library into a temporary file, opens Rogovin's book (the
size test: ~3,200 paragraphs, ~8,900 sentences) in the real window and prints

    first_paint_s=…   open the text and paint the first screen
    max_frame_ms=…    the slowest frame while scrolling top to bottom a screen at a time
    search_ms=…       the slowest of a few library searches (parallel concordance shown)
    rss_mb=…          peak resident memory of the process

and, each measured in fresh processes (``app.bench_startup``, medians of ``--runs``):

    startup_s=…       launch → the last text read (Rogovin's book) painted
    first_start_s=…   launch with no library yet → the bundled library ready
    python_s=…        ``python -c pass``: the floor beside them

Options: ``--keep DIR`` reuses/keeps the library there; ``--step-fraction``
sets the scroll step as a fraction of the screen; ``--startup-only`` measures
only the start-up; ``--no-startup`` skips it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

QUERIES = ("колхоз", "kolkhoz", "Stalin", "партия", "оппозиции", "the Left Opposition")
ROGOVIN_KEY = "rogovin-bolsheviks-against-stalinism.en"


def _rss_mb(field: str = "VmHWM") -> float:
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.bench", description=__doc__.splitlines()[0])
    parser.add_argument("--keep", type=Path, help="folder for the library (kept afterwards)")
    parser.add_argument("--step-fraction", type=float, default=0.9, help="scroll step as a fraction of the screen")
    parser.add_argument("--runs", type=int, default=5, help="fresh processes per start-up figure (median)")
    parser.add_argument("--startup-only", action="store_true", help="measure only startup_s and first_start_s")
    parser.add_argument("--no-startup", action="store_true", help="skip the start-up figures")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from app.settings import Settings
    from app.tasks import TaskRunner
    from app.views.main_window import MainWindow
    from app.views.startup import settle_memory
    from app.views.theme import apply_theme
    from db.engine import open_library
    from db.services.library import list_texts
    from db.services.bundled import bundled_installed, ensure_bundled_library

    folder = args.keep or Path(tempfile.mkdtemp(prefix="sverka-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    library = open_library(folder / "library.sqlite3")
    if not bundled_installed(library):
        print("installing the bundled library…", file=sys.stderr)
        ensure_bundled_library(library)
    with library.sessions() as session:
        rogovin = next((t.id for t in list_texts(session) if t.key == ROGOVIN_KEY), None)
    if rogovin is None:
        print("the bundled Rogovin book is missing from the library", file=sys.stderr)
        return 1
    with library.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    if not args.no_startup:
        from app.bench_startup import report

        report(folder / "library.sqlite3", rogovin, args.runs)
        if args.startup_only:
            library.close()
            return 0

    app = QApplication.instance() or QApplication(sys.argv[:1])
    apply_theme(app, "light")
    settings = Settings.from_file(str(folder / "bench-settings.ini"))
    settings.forget_position(rogovin)
    runner = TaskRunner(inline=True)
    window = MainWindow(library, runner, settings=settings)
    window.resize(1280, 800)
    window.show()
    app.processEvents()
    settle_memory()  # as app.main does once the window is up
    view = window.reader.view

    started = time.perf_counter()
    window.open_text(rogovin)
    view.viewport().repaint()
    first_paint = time.perf_counter() - started

    frames: list[float] = []
    step = view.viewport().height() * args.step_fraction
    last = (-1, 0.0)
    while True:
        t = time.perf_counter()
        view.scroll_by(step)
        view.viewport().repaint()
        app.processEvents()
        frames.append((time.perf_counter() - t) * 1000)
        # where the screen starts: the top row and how far it is scrolled (a row taller
        # than a step keeps the same top row for several steps: that is not the end)
        where = (view.top_row, view.row_top(view.top_row))
        at_end = where == last or view.visible_rows().stop >= window.reader.model.rowCount()
        last = where
        if at_end:
            break

    panel = window.search_panel
    panel.run_search("warm up")  # loads the stemmers once, as the first search of a session does
    timings = []
    for query in QUERIES:
        t = time.perf_counter()
        panel.run_search(query)
        panel.results.viewport().repaint()
        timings.append((time.perf_counter() - t) * 1000)

    print(f"first_paint_s={first_paint:.3f}")
    print(f"max_frame_ms={max(frames):.1f}")
    print(f"search_ms={max(timings):.1f}")
    print(f"rss_mb={_rss_mb():.0f}")
    print(
        f"# {len(frames)} frames, median {sorted(frames)[len(frames) // 2]:.1f} ms, slowest {sorted(frames)[-5:]}; "
        f"searches {', '.join(f'{q}={ms:.0f}' for q, ms in zip(QUERIES, timings))} ms",
        file=sys.stderr,
    )
    window.close()
    runner.shutdown()
    library.close()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
