"""Screenshots of the translation map on the bundled 1931 pair, with its legend (offscreen).

    python tests/bench/shot_translation_map.py OUTDIR             # OUTDIR/map-{light,sepia,dark}*.png, to look at
    python tests/bench/shot_translation_map.py OUTDIR --lang ru   # the same in the Russian interface

A few corrections are made first so that every kind of mark shows: sentences
left without counterpart (omissions and additions), a sentence moved to the
next bead (a split), two unsure beads, two bookmarks and the find bar's hits
for «колхоз».  For each theme: the window with the legend painted onto it,
and the strip and scroll bar enlarged three times.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QEvent, QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QHelpEvent, QPainter  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

PAIR_RU = "trotsky-1931-problems-of-development.ru"


def shoot(app: QApplication, theme: str, library_file: Path, out: Path, suffix: str = "") -> None:
    from sqlalchemy import select, update

    from alignment.aligner.edits import ShiftSentence
    from app.settings import Settings
    from app.tasks import TaskRunner
    from app.views.main_window import MainWindow
    from app.views.theme import apply_theme
    from db.engine import open_library
    from db.models import Bead, LibraryText
    from db.services import bookmarks as bm

    folder = Path(tempfile.mkdtemp(prefix="sverka-map-shot-"))
    shutil.copyfile(library_file, folder / "library.sqlite3")
    library = open_library(folder / "library.sqlite3")
    apply_theme(app, theme)
    window = MainWindow(library, TaskRunner(inline=True), settings=Settings.from_file(str(folder / "s.ini")))
    window.resize(1300, 820)
    window.show()
    with library.sessions() as s:
        ru_id = s.scalar(select(LibraryText.id).where(LibraryText.key == PAIR_RU))
    window.open_text(ru_id)
    pane, view = window.reader, window.reader.view
    aid = pane.alignment_id
    with library.sessions.begin() as s:
        s.execute(update(Bead).where(Bead.alignment_id == aid, Bead.position.in_((75, 330))).values(confidence=0.3))
        bm.add_bookmark(s, aid, 150, 158, title="Коллективизация")
        bm.add_bookmark(s, aid, 262, 266, title="Kulaks")
    window.open_text(ru_id)
    for row in (40, 205, 370):
        view.set_current(row, ensure_visible=False)
        window.review.detach()
    for row in (120, 290):
        window.review.push(ShiftSentence(row, "en", "last"))
    window.bookmarks_changed()
    pane.find("колхоз")
    view.set_current(150, ensure_visible=False)
    view.reveal(150)
    window.show_map_legend()
    app.processEvents()

    legend = window.map_legend
    legend.adjustSize()
    legend.move(window.mapToGlobal(QPoint(window.width() - legend.width() - 60, 200)))
    app.processEvents()
    strip = pane.map_strip
    omission = int(strip.rows_of("omission")[-1])  # the tooltip over the last omission
    point = QPoint(3, round(strip.mark_y(omission)))
    QApplication.sendEvent(strip, QHelpEvent(QEvent.Type.ToolTip, point, strip.mapToGlobal(point)))
    app.processEvents()
    tips = [w for w in QApplication.topLevelWidgets() if w.metaObject().className() == "QTipLabel" and w.isVisible()]
    picture = window.grab()
    painter = QPainter(picture)
    painter.drawPixmap(window.mapFromGlobal(legend.pos()), legend.grab())
    for tip in tips:
        tip.adjustSize()
        at = window.mapFromGlobal(tip.pos())
        at.setX(min(at.x(), window.width() - tip.width() - 4))
        painter.drawPixmap(at, tip.grab())
    painter.end()
    picture.save(str(out / f"map-{theme}{suffix}.png"))

    corner = strip.mapTo(window, QPoint(0, 0))
    area = window.grab(QRect(corner.x() - 40, corner.y(), 40 + strip.width() + view.verticalScrollBar().width(),
                             strip.height()))
    area.scaled(area.width() * 3, area.height() * 3, Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.FastTransformation).save(str(out / f"map-{theme}{suffix}-strip.png"))
    legend.close()
    window.close()
    library.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--themes", nargs="+", default=["light", "sepia", "dark"])
    parser.add_argument("--lang", default="en", help="the interface's language (en or ru)")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    app = QApplication([])
    from app.views.startup import install_translators

    install_translators(app, args.lang)
    from db.engine import open_library
    from db.services.bundled import ensure_bundled_library

    folder = Path(tempfile.mkdtemp(prefix="sverka-map-lib-"))
    library = open_library(folder / "library.sqlite3")
    ensure_bundled_library(library)
    with library.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    for theme in args.themes:
        suffix = "" if args.lang == "en" else f"-{args.lang}"
        shoot(app, theme, folder / "library.sqlite3", args.outdir, suffix)
        print(args.outdir / f"map-{theme}{suffix}.png")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
