"""A progress dialog for a background task: appears after a short delay, has Cancel.

It polls the task's ``ProgressState`` every 100 ms instead of receiving a
signal per item, and closes itself when the task finishes.  After Cancel it
stays up, saying "Cancelling…", until the job has stopped: the job stops at
its next check (between two pages of a book), not at once.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QT_TRANSLATE_NOOP, QTimer
from PySide6.QtWidgets import QLabel, QProgressDialog, QPushButton, QWidget

from app.tasks import Task, TaskRunner

SHOW_AFTER_MS = 400
POLL_MS = 100

# The steps long jobs report (alignment/, db/services/), shown in the UI's language.
STAGES = (
    QT_TRANSLATE_NOOP("TaskStage", "reading"),
    QT_TRANSLATE_NOOP("TaskStage", "reading pages"),
    QT_TRANSLATE_NOOP("TaskStage", "reading chapters"),
    QT_TRANSLATE_NOOP("TaskStage", "finding paragraphs"),
    QT_TRANSLATE_NOOP("TaskStage", "splitting sentences"),
    QT_TRANSLATE_NOOP("TaskStage", "storing"),
    QT_TRANSLATE_NOOP("TaskStage", "finding glossary terms"),
    QT_TRANSLATE_NOOP("TaskStage", "indexing glossary terms"),
    QT_TRANSLATE_NOOP("TaskStage", "align"),
    QT_TRANSLATE_NOOP("TaskStage", "aligning"),
    QT_TRANSLATE_NOOP("TaskStage", "re-aligning"),
    QT_TRANSLATE_NOOP("TaskStage", "done"),
    QT_TRANSLATE_NOOP("TaskStage", "Reading the sentences' meaning"),
    QT_TRANSLATE_NOOP("TaskStage", "reading the pair"),
    QT_TRANSLATE_NOOP("TaskStage", "finding omissions and additions"),
    QT_TRANSLATE_NOOP("TaskStage", "finding how terms were rendered"),
)


def stage_text(stage: str) -> str:
    """A job's step as the user reads it (unknown steps as they are)."""
    return QCoreApplication.translate("TaskStage", stage)


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
        self._cancelling = False
        self._value = 0
        self.canceled.connect(self._cancel)
        self._timer = QTimer(self)
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)
        self._timer.start()
        runner.finished.connect(self._on_finished)
        self.setLabelText(task.label)
        self.setValue(0)

    def _poll(self) -> None:
        if self._cancelling:
            return
        snap = self._task.progress.snapshot()
        if snap.total:
            self._value = int(1000 * snap.fraction)
            self.setValue(self._value)
        if snap.stage:
            self.setLabelText(f"{self._task.label}\n{stage_text(snap.stage)}")

    def _cancel(self) -> None:
        # QProgressDialog hid itself and reset its bar; show that the job is stopping.
        self._task.cancel.cancel()
        if self._task.finished:
            return
        self._cancelling = True
        cancelling = self.tr("Cancelling…")
        self.setLabelText(f"{self._task.label}\n{cancelling}")
        button = self.findChild(QPushButton)
        if button is not None:
            button.setEnabled(False)
        self.show()
        self.setValue(self._value)  # the bar stays where the job got to

    def _on_finished(self, task: Task) -> None:
        if task is self._task:
            self._timer.stop()
            self.reset()
            self.close()
            self.deleteLater()
