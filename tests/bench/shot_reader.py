"""Screenshots of the reader (offscreen): the themes, a 1024×680 window, the toolbar, the help,
and the pictures of the user guide.

    python tests/bench/shot_reader.py OUTDIR            # OUTDIR/reader-*.png, to look at
    python tests/bench/shot_reader.py OUTDIR --guide    # and resources/help/img/{en,ru}/*.png

Each picture is made in a fresh window on a copy of the bundled library, with
its own settings file; popups (separate windows) are painted onto the grab.
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

from PySide6.QtCore import QPoint, QRect, Qt  # noqa: E402
from PySide6.QtGui import QPainter, QPixmap  # noqa: E402
from PySide6.QtWidgets import QApplication, QWidget  # noqa: E402

PAIR_RU = "trotsky-1931-problems-of-development.ru"
GUIDE_WIDTH = 680  # fits the guide's window without a horizontal scroll bar


def _composite(window: QWidget, *popups: QWidget) -> QPixmap:
    image = window.grab()
    painter = QPainter(image)
    for popup in popups:
        if popup.isVisible():
            painter.drawPixmap(window.mapFromGlobal(popup.pos()), popup.grab())
    painter.end()
    return image


class Shots:
    def __init__(self, library_template: Path, scratch: Path) -> None:
        self.app = QApplication.instance() or QApplication(sys.argv[:1])
        self.template = library_template
        self.scratch = scratch
        self.translators: list = []
        self._n = 0

    def window(self, *, theme: str = "light", language: str = "en", size: tuple[int, int] = (1280, 800)):
        from app.settings import Settings
        from app.tasks import TaskRunner
        from app.views.main_window import MainWindow
        from app.views.startup import install_translators
        from app.views.theme import apply_theme
        from db.engine import open_library

        self._n += 1
        for translator in self.translators:
            self.app.removeTranslator(translator)
        self.translators = install_translators(self.app, language)
        apply_theme(self.app, theme)
        db = self.scratch / f"library-{self._n}.sqlite3"
        shutil.copyfile(self.template, db)
        settings = Settings.from_file(str(self.scratch / f"settings-{self._n}.ini"))
        settings.theme = theme
        settings.ui_language = language
        library = open_library(db)
        window = MainWindow(library, TaskRunner(inline=True), settings=settings)
        window.resize(*size)
        window.show()
        with library.sessions() as session:
            from sqlalchemy import select

            from db.models import LibraryText

            pair = session.scalar(select(LibraryText.id).where(LibraryText.key == PAIR_RU))
        window.open_text(pair)
        window.reader.view.set_current(48)
        window.reader.view.reveal(48)
        window.reader.view.setFocus()
        self.app.processEvents()
        return window

    def glossary_popup(self, window) -> None:
        view = window.reader.view
        row = window.reader.view.current_row
        targets = [t for t in window.term_popups.terms_of_focus() if t.row == row] or window.term_popups.terms_of_focus()
        if not targets:
            for r in view.visible_rows():
                view.set_current(r)
                targets = window.term_popups.terms_of_focus()
                if targets:
                    break
        if targets:
            window.term_popups.open_for(targets[0], sticky=True)
        self.app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--guide", action="store_true", help="also write the user guide's pictures")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    from db.services.library_template import seed_library

    with tempfile.TemporaryDirectory(prefix="sverka-shots-") as tmp:
        scratch = Path(tmp)
        template = scratch / "template.sqlite3"
        if not seed_library(template):
            from db.engine import open_library
            from db.services.startup import prepare_library

            prepare_library(open_library(template))
        shots = Shots(template, scratch)
        if args.guide:
            for language in ("en", "ru"):
                folder = ROOT / "resources" / "help" / "img" / language
                folder.mkdir(parents=True, exist_ok=True)
                window = shots.window(language=language, size=(1100, 700))
                window.library_panel_action.setChecked(False)
                shots.app.processEvents()
                window.grab().scaledToWidth(GUIDE_WIDTH, Qt.TransformationMode.SmoothTransformation).save(
                    str(folder / "reader.png"))
                window.reader.toolbar.grab().save(str(folder / "toolbar.png"))
                shots.glossary_popup(window)
                popup = window.glossary_popup
                image = _composite(window, popup)
                if popup.isVisible():
                    at = window.mapFromGlobal(popup.pos())
                    box = QRect(at - QPoint(200, 80), popup.size() + __import__("PySide6.QtCore", fromlist=["QSize"]).QSize(400, 120))
                    image = image.copy(box.intersected(image.rect()))
                image.save(str(folder / "popup.png"))
                window.close()
        for theme in ("light", "sepia", "dark"):
            window = shots.window(theme=theme)
            shots.glossary_popup(window)
            _composite(window, window.glossary_popup).save(str(args.outdir / f"reader-{theme}.png"))
            window.close()
        window = shots.window(size=(1024, 680))
        window.grab().save(str(args.outdir / "reader-1024.png"))
        window.close()
        window = shots.window()
        bar = window.reader.toolbar
        bar.grab().save(str(args.outdir / "reader-toolbar.png"))
        shortcuts = window.help.show_shortcuts()
        shortcuts.resize(640, 520)
        shots.app.processEvents()
        shortcuts.grab().save(str(args.outdir / "reader-shortcuts.png"))
        guide = window.help.show_guide()
        shots.app.processEvents()
        guide.grab().save(str(args.outdir / "reader-help.png"))
        about = window.help.show_about()
        shots.app.processEvents()
        about.grab().save(str(args.outdir / "reader-about.png"))
        for dialog in (shortcuts, guide, about):
            dialog.close()
        window.close()
    print(f"written to {args.outdir}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
