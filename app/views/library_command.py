"""The base of every undoable command that writes to the library.

A write can fail for reasons outside the command (the library became
read-only, the disk is full, another program holds the lock for too long).
Such a failure must not escape ``QUndoStack.push`` as a Python exception from
inside Qt: the command reports it (the window shows it as a message) and drops
out of the stack, so Undo never offers a change that did not happen.
Subclasses write ``apply()`` and ``revert()``; ``redo``/``undo`` guard them.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from db.errors import LibraryError

log = logging.getLogger(__name__)


def _log_only(exc: BaseException) -> None:
    log.warning("a library change failed: %s", exc)


class LibraryCommand(QUndoCommand):
    # Where failures go; the main window points it at its message box.
    report_error: Callable[[BaseException], None] = staticmethod(_log_only)  # type: ignore[assignment]

    def apply(self) -> None:
        raise NotImplementedError

    def revert(self) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        self._guarded(self.apply)

    def undo(self) -> None:
        self._guarded(self.revert)

    def _guarded(self, work: Callable[[], None]) -> None:
        try:
            work()
        except LibraryError as exc:
            self.setObsolete(True)  # the stack drops it: nothing was changed
            LibraryCommand.report_error(exc)
