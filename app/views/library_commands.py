"""Undoable library operations for the window's undo stack (delete a text)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication

from app.views.library_command import LibraryCommand
from db.dto import Changes
from db.engine import Library
from db.services.trash import DeletedText, delete_text_undoably, restore_deleted

log = logging.getLogger(__name__)


class DeleteTextCommand(LibraryCommand):
    """Deletes a text on ``redo()``; ``undo()`` puts every deleted row back with its ids."""

    def __init__(self, library: Library, text_id: int, title: str, on_change: Callable[[Changes], None]) -> None:
        super().__init__(QCoreApplication.translate("DeleteTextCommand", "Delete “{0}”").format(title))
        self._library = library
        self._text_id = text_id
        self._on_change = on_change
        self._snapshot: DeletedText | None = None

    @property
    def text_id(self) -> int:
        return self._text_id

    def apply(self) -> None:
        with self._library.sessions.begin() as session:
            self._snapshot, changes = delete_text_undoably(session, self._text_id)
        self._on_change(changes)

    def revert(self) -> None:
        if self._snapshot is None:
            return
        with self._library.sessions.begin() as session:
            changes = restore_deleted(session, self._snapshot)
        self._on_change(changes)
