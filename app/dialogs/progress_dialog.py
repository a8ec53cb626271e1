"""A progress dialog for a background task: appears after a short delay, has Cancel.

It polls the task's ``ProgressState`` every 100 ms instead of receiving a
signal per item, and closes itself when the task finishes.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog, QWidget

from app.tasks import Task, TaskRunner

SHOW_AFTER_MS = 400
POLL_MS = 100


class TaskProgressDialog(QProgressDialog):
    def __init__(self, task: Task, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__("", self.tr("Cancel"), 0, 1000, parent)
        self.setWindowTitle(self.tr("Sverka"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setMinimumDuration(SHOW_AFTER_MS)
        # A fixed width with a wrapping label: long titles must not stretch the dialog.
        label = QLabel()
        label.setTextFormat(Qt.TextFormat.PlainText)  # it names the user's file
        label.setWordWrap(True)
        self.setLabel(label)
        self.setFixedWidth(460)
        self.setAutoClose(False)
        self.setAutoReset(False)
        self._task = task
        self.canceled.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        runner.finished.connect(self._on_finished)
        self.setLabelText(task.label)
        self.setValue(0)

    def _poll(self) -> None:
        snap = self._task.progress.snapshot()
        if snap.total:
            self.setValue(int(1000 * snap.fraction))
        if snap.stage:
            self.setLabelText(f"{self._task.label}\n{snap.stage}")

    def _cancel(self) -> None:
        self._task.cancel.cancel()
        self.setLabelText(self.tr("Cancelling…"))

    def _on_finished(self, task: Task) -> None:
        if task is self._task:
            self._timer.stop()
            self.reset()
            self.close()
            self.deleteLater()
