"""The window's bookmark actions: bookmark the selected beads (Ctrl+D), open, edit,
delete and mark reviewed from the Bookmarks panel — every change through the
window's undo stack.

``BookmarkActions`` owns no widgets of its own: it reads the reader's
selection, asks ``BookmarkDialog`` and pushes commands; after every change it
refreshes the panel and the reader's marks.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from app.dialogs.bookmark_dialog import BookmarkDialog, BookmarkRequest
from app.views.bookmark_commands import (
    AddBookmarkCommand,
    BookmarkFields,
    DeleteBookmarkCommand,
    EditBookmarkCommand,
)
from db.dto import BookmarkInfo
from db.engine import Library
from db.services import bookmarks as bookmark_service

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)


class BookmarkActions(QObject):
    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        panel = window.bookmarks_panel
        panel.open_requested.connect(self.open_bookmark)
        panel.edit_requested.connect(self.edit_bookmark)
        panel.delete_requested.connect(self.delete_bookmark)
        panel.reviewed_requested.connect(self.mark_reviewed)

    def changed(self) -> None:
        """Bookmarks changed: refresh the panel and the marks in the reader."""
        self._window.bookmarks_panel.refresh()
        self._window.reader.refresh_bookmarks()

    # --- creating ------------------------------------------------------------------------
    def bookmark_selection(self) -> int | None:
        """Bookmark the beads selected in the reader (Ctrl+D); the new bookmark's id."""
        reader = self._window.reader
        beads = reader.selected_beads()
        alignment_id = reader.alignment_id
        if beads is None or alignment_id is None:
            self._window.statusBar().showMessage(
                self.tr("Open an aligned pair and select beads to bookmark them (a text read alone has no beads)."), 10000
            )
            return None
        start, end = beads
        with self._library.sessions() as session:
            ru_range, en_range = bookmark_service.bead_sentence_ranges(session, alignment_id, start, end)
            sides = reader.model.outline.sides
            ru = bookmark_service.side_sentences(session, sides["ru"].text_id, *ru_range).text
            en = bookmark_service.side_sentences(session, sides["en"].text_id, *en_range).text
            tags = bookmark_service.all_tags(session)
        initial = BookmarkRequest(bookmark_service.default_title(ru, en), "", (), bookmark_service.DEFAULT_COLOUR)
        answer = BookmarkDialog.ask(initial, passage=ru or en, known_tags=tags, parent=self._window)
        if answer is None:
            return None
        command = AddBookmarkCommand(
            self._library, alignment_id, start, end, BookmarkFields(answer.title, answer.note, answer.tags, answer.colour),
            self.changed,
        )
        self._window.undo_stack.push(command)
        if command.bookmark_id is None:  # the library refused it; the window said why
            return None
        self._window.bookmarks_panel.select_bookmark(command.bookmark_id)
        count = end - start
        self._window.statusBar().showMessage(
            self.tr("Bookmarked %n bead. Ctrl+Z undoes it.", "", count)
            if count == 1
            else self.tr("Bookmarked %n beads. Ctrl+Z undoes it.", "", count),
            10000,
        )
        return command.bookmark_id

    # --- from the panel ------------------------------------------------------------------
    def open_bookmark(self, bookmark: BookmarkInfo) -> None:
        """Open the reader at the bookmarked passage, selected."""
        if bookmark.lost or bookmark.alignment_id is None or bookmark.bead_start is None or bookmark.bead_end is None:
            self._window.statusBar().showMessage(
                self.tr("“{0}” can no longer be found in its texts: {1}").format(bookmark.title, bookmark.review_reason), 15000
            )
            return
        text_id = bookmark.ru_text_id if bookmark.ru_text_id is not None else bookmark.en_text_id
        reader = self._window.reader
        if reader.alignment_id != bookmark.alignment_id and text_id is not None:
            self._window.open_text(text_id, row=bookmark.bead_start)
        if reader.alignment_id != bookmark.alignment_id:
            self._window.statusBar().showMessage(self.tr("The pair of “{0}” could not be opened.").format(bookmark.title))
            return
        reader.show_beads(bookmark.bead_start, bookmark.bead_end)

    def edit_bookmark(self, bookmark: BookmarkInfo) -> bool:
        with self._library.sessions() as session:
            tags = bookmark_service.all_tags(session)
        initial = BookmarkRequest(bookmark.title, bookmark.note, bookmark.tags, bookmark.colour)
        answer = BookmarkDialog.ask(
            initial, passage=bookmark.ru_quote or bookmark.en_quote, known_tags=tags, editing=True, parent=self._window
        )
        if answer is None or answer == initial:
            return False
        fields = BookmarkFields(answer.title, answer.note, answer.tags, answer.colour)
        self._window.undo_stack.push(EditBookmarkCommand(self._library, bookmark.id, fields, self.changed))
        return True

    def mark_reviewed(self, bookmark: BookmarkInfo) -> None:
        fields = BookmarkFields(bookmark.title, bookmark.note, bookmark.tags, bookmark.colour)
        self._window.undo_stack.push(EditBookmarkCommand(self._library, bookmark.id, fields, self.changed, reviewed=True))

    def delete_bookmark(self, bookmark: BookmarkInfo) -> bool:
        # No question first: Ctrl+Z brings it back, and the status bar says so.
        self._window.undo_stack.push(DeleteBookmarkCommand(self._library, bookmark.id, bookmark.title, self.changed))
        self._window.statusBar().showMessage(
            self.tr("Deleted the bookmark “{0}”. Press Ctrl+Z to undo.").format(bookmark.title), 15000
        )
        return True
