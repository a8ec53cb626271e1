"""Undoable bookmark operations for the window's undo stack: add, edit, delete.

Each command does its work in ``redo()`` (the stack calls it when the command
is pushed) and reverses it in ``undo()``, then calls ``on_change`` so the
panel and the reader's marks follow.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from app.views.library_command import LibraryCommand
from db.dto import BookmarkSnapshot
from db.engine import Library
from db.services import bookmarks as bookmark_service

log = logging.getLogger(__name__)


def _tr(text: str) -> str:
    return QCoreApplication.translate("BookmarkCommands", text)


# Strings translated through ``_tr``, marked for pyside6-lupdate.
_MARKED = (
    QT_TRANSLATE_NOOP("BookmarkCommands", "Bookmark “{0}”"),
    QT_TRANSLATE_NOOP("BookmarkCommands", "Mark “{0}” reviewed"),
    QT_TRANSLATE_NOOP("BookmarkCommands", "Edit bookmark “{0}”"),
    QT_TRANSLATE_NOOP("BookmarkCommands", "Delete bookmark “{0}”"),
)


@dataclass(frozen=True)
class BookmarkFields:
    """The fields the user edits."""

    title: str
    note: str
    tags: tuple[str, ...]
    colour: str


class AddBookmarkCommand(LibraryCommand):
    """Bookmarks beads ``[start, end)`` of an alignment; undo deletes it, redo puts it back with its id."""

    def __init__(
        self, library: Library, alignment_id: int, start: int, end: int, fields: BookmarkFields, on_change: Callable[[], None]
    ) -> None:
        super().__init__(_tr("Bookmark “{0}”").format(fields.title))
        self._library = library
        self._where = (alignment_id, start, end)
        self._fields = fields
        self._on_change = on_change
        self._snapshot: BookmarkSnapshot | None = None
        self.bookmark_id: int | None = None

    def apply(self) -> None:
        with self._library.sessions.begin() as session:
            if self._snapshot is None:
                info = bookmark_service.add_bookmark(
                    session,
                    *self._where,
                    title=self._fields.title or None,
                    note=self._fields.note,
                    tags=self._fields.tags,
                    colour=self._fields.colour,
                )
                self.bookmark_id = info.id
            else:
                bookmark_service.restore_bookmark(session, self._snapshot)
        self._on_change()

    def revert(self) -> None:
        if self.bookmark_id is None:
            return
        with self._library.sessions.begin() as session:
            self._snapshot = bookmark_service.delete_bookmark(session, self.bookmark_id)
        self._on_change()


class EditBookmarkCommand(LibraryCommand):
    """Changes title, note, tags and colour (and can mark a bookmark reviewed); undo puts the
    bookmark back exactly as it was, review flag included."""

    def __init__(
        self,
        library: Library,
        bookmark_id: int,
        new: BookmarkFields,
        on_change: Callable[[], None],
        *,
        reviewed: bool = False,
    ) -> None:
        label = _tr("Mark “{0}” reviewed") if reviewed else _tr("Edit bookmark “{0}”")
        super().__init__(label.format(new.title))
        self._library = library
        self._id = bookmark_id
        self._new = new
        self._on_change = on_change
        self._reviewed = reviewed
        self._before: BookmarkSnapshot | None = None

    def apply(self) -> None:
        with self._library.sessions.begin() as session:
            self._before = bookmark_service.snapshot(session, self._id)
            bookmark_service.update_bookmark(
                session,
                self._id,
                title=self._new.title,
                note=self._new.note,
                tags=self._new.tags,
                colour=self._new.colour,
                reviewed=self._reviewed,
            )
        self._on_change()

    def revert(self) -> None:
        if self._before is None:
            return
        with self._library.sessions.begin() as session:
            bookmark_service.delete_bookmark(session, self._id)
            bookmark_service.restore_bookmark(session, self._before)
        self._on_change()


class DeleteBookmarkCommand(LibraryCommand):
    """Deletes a bookmark; undo restores it exactly (id, anchors, tags, dates)."""

    def __init__(self, library: Library, bookmark_id: int, title: str, on_change: Callable[[], None]) -> None:
        super().__init__(_tr("Delete bookmark “{0}”").format(title))
        self._library = library
        self._id = bookmark_id
        self._on_change = on_change
        self._snapshot: BookmarkSnapshot | None = None

    def apply(self) -> None:
        with self._library.sessions.begin() as session:
            self._snapshot = bookmark_service.delete_bookmark(session, self._id)
        self._on_change()

    def revert(self) -> None:
        if self._snapshot is None:
            return
        with self._library.sessions.begin() as session:
            bookmark_service.restore_bookmark(session, self._snapshot)
        self._on_change()
