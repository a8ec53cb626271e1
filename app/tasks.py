"""Background work for the window: jobs off the UI thread, progress polling, cancel.

Jobs that write to the library run one at a time on a single worker thread
(SQLite has one writer).  A job receives a ``ProgressState`` and a
``CancelToken``; it never touches widgets.  Its result or error comes back to
the UI thread through a queued signal.  Tests can pass ``inline=True`` to run
jobs synchronously.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Qt, Signal, Slot

from alignment.progress import CancelToken, ProgressState

log = logging.getLogger(__name__)

JobFn = Callable[[ProgressState, CancelToken], Any]


@dataclass
class Task:
    """A running job: its label, progress, cancel token and callbacks."""

    label: str
    progress: ProgressState = field(default_factory=ProgressState)
    cancel: CancelToken = field(default_factory=CancelToken)
    on_done: Callable[[Any], None] | None = None
    on_error: Callable[[BaseException], None] | None = None
    finished: bool = False


class TaskRunner(QObject):
    """Runs jobs in the background and reports back on the UI thread."""

    started = Signal(object)  # Task
    finished = Signal(object)  # Task
    _deliver = Signal(object, object, object)  # task, result, error

    def __init__(self, parent: QObject | None = None, *, inline: bool = False) -> None:
        super().__init__(parent)
        self._inline = inline
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sverka-writer")
        self._tasks: list[Task] = []
        self._deliver.connect(self._on_deliver, Qt.ConnectionType.QueuedConnection)

    @property
    def busy(self) -> bool:
        return any(not t.finished for t in self._tasks)

    def run(
        self,
        job: JobFn,
        *,
        label: str,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
    ) -> Task:
        task = Task(label=label, on_done=on_done, on_error=on_error)
        self._tasks.append(task)
        self.started.emit(task)
        if self._inline:
            try:
                result = job(task.progress, task.cancel)
            except BaseException as exc:  # noqa: BLE001 - handed to on_error
                self._finish(task, None, exc)
            else:
                self._finish(task, result, None)
            return task
        future: Future[Any] = self._executor.submit(job, task.progress, task.cancel)
        future.add_done_callback(lambda f: self._deliver.emit(task, *self._outcome(f)))
        return task

    @staticmethod
    def _outcome(future: Future[Any]) -> tuple[Any, BaseException | None]:
        exc = future.exception()
        return (None, exc) if exc is not None else (future.result(), None)

    @Slot(object, object, object)
    def _on_deliver(self, task: Task, result: Any, error: BaseException | None) -> None:
        self._finish(task, result, error)

    def _finish(self, task: Task, result: Any, error: BaseException | None) -> None:
        task.finished = True
        self._tasks = [t for t in self._tasks if not t.finished]
        self.finished.emit(task)
        if error is not None:
            log.info("task %r failed: %s", task.label, error)
            if task.on_error is not None:
                task.on_error(error)
            else:
                log.error("unhandled error in %r", task.label, exc_info=error)
        elif task.on_done is not None:
            task.on_done(result)

    def cancel_all(self) -> None:
        for task in self._tasks:
            task.cancel.cancel()

    def shutdown(self) -> None:
        """Cancel running jobs and wait for the worker (on quit and in tests)."""
        self.cancel_all()
        self._executor.shutdown(wait=True)
