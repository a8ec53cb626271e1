"""Composition root of the window: QApplication, library, task runner, main window."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from app.tasks import TaskRunner
from app.views.main_window import MainWindow
from db.engine import open_library
from db.errors import LibraryError

EXIT_LIBRARY = 4


def run_gui(db_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sverka")
    app.setOrganizationName("Sverka")
    app.setWindowIcon(QIcon.fromTheme("accessories-dictionary"))
    try:
        library = open_library(db_path)
    except LibraryError as exc:
        QMessageBox.critical(None, "Sverka", str(exc))
        print(exc, file=sys.stderr)
        return EXIT_LIBRARY
    runner = TaskRunner()
    window = MainWindow(library, runner)
    window.show()
    window.ensure_bundled()
    try:
        return app.exec()
    finally:
        runner.shutdown()
        library.close()
