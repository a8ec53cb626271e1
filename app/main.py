"""Composition root of the window: QApplication, library, task runner, main window."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

# The library's modules load before Qt's: once PySide6 is imported it reads the source
# of every module imported after it (looking for `from __feature__ import`), which
# for SQLAlchemy, NumPy and Sverka's services costs about 0.1 s of each start.
import db.engine  # noqa: F401, I001
import db.services.bookmarks  # noqa: F401
import db.services.glossary  # noqa: F401
import db.services.library  # noqa: F401
import db.services.notes  # noqa: F401
import db.services.reading  # noqa: F401
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from app.plaintext import message
from app.desktop import APP_ID, application_icon, open_with
from app.settings import Settings
from app.tasks import TaskRunner
from app.views.main_window import MainWindow
from app.views.startup import prepare_application, settle_memory
from app.single_instance import SingleInstance
from db.engine import Library, default_library_path
from db.errors import LibraryError
from db.services.startup import open_user_library

EXIT_LIBRARY = 4
SETTLE_AFTER_MS = 1500
log = logging.getLogger(__name__)


def run_gui(db_path: Path | None = None, open_path: Path | None = None) -> int:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Sverka")
    app.setOrganizationName("Sverka")
    # The desktop file name is the Wayland app id: it ties the window to sverka.desktop and its icon.
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(application_icon())
    instance = SingleInstance(db_path or default_library_path())
    if not instance.primary:
        payload = {"open": str(open_path.resolve()) if open_path is not None else None}
        if instance.send(payload):
            print("Sverka is already open on this library; its window was brought forward"
                  + (f" to open {open_path.name}." if open_path is not None else "."), file=sys.stderr)
            return 0
        print("Another Sverka seems to hold this library but does not answer; opening anyway.", file=sys.stderr)
    settings = Settings.from_app()
    translators = prepare_application(app, settings)  # noqa: F841 - installed translators must stay alive
    try:
        library = open_user_library(db_path)
    except LibraryError as exc:
        message(None, "Sverka", str(exc), kind="critical")
        print(exc, file=sys.stderr)
        return EXIT_LIBRARY
    runner = TaskRunner()
    window = MainWindow(library, runner, settings=settings)
    instance.request.connect(lambda payload: bring_forward(window, runner, library, payload))
    from app.startup_probe import install_probe

    probe = install_probe(window)  # noqa: F841 - only for `python -m app.bench`
    window.show()
    window.ensure_bundled()
    if open_path is None:
        window.reopen_last()
    # after the first paint: a full collection of everything built so far takes ~0.1 s
    QTimer.singleShot(SETTLE_AFTER_MS, settle_memory)
    if open_path is not None:
        open_with(window, runner, library, open_path)
    try:
        return app.exec()
    finally:
        runner.shutdown()
        library.close()
        instance.release()


def bring_forward(window: MainWindow, runner: TaskRunner, library: Library, payload: dict[str, object]) -> None:
    """Another start of Sverka on this library asked for the window (and maybe a file)."""
    log.info("another start asked for the window%s", f" and {payload.get('open')}" if payload.get("open") else "")
    if window.isMinimized():
        window.showNormal()
    window.raise_()
    window.activateWindow()
    path = payload.get("open")
    if isinstance(path, str) and path:
        open_with(window, runner, library, Path(path))
