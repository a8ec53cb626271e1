"""The Bookmarks tab of the side panel: every bookmark in the library, filterable.

Filters: words anywhere (title, note, passage, tags), one tag, words in the
note.  Clicking a bookmark (or Enter) asks the window to open the reader
there; Edit, Delete, Mark reviewed and Export are requests the window turns
into undoable commands or an export.  The panel reads the library; it never
writes to it.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app.models.bookmarks_model import BOOKMARK_ROLE, BookmarksModel
from db.dto import BookmarkInfo
from db.engine import Library
from db.services import bookmarks as bookmark_service

log = logging.getLogger(__name__)


class BookmarksPanel(QWidget):
    open_requested = Signal(object)  # BookmarkInfo
    edit_requested = Signal(object)
    delete_requested = Signal(object)
    reviewed_requested = Signal(object)
    export_requested = Signal(object)  # BookmarkInfo or None
    copy_requested = Signal(object, str)  # BookmarkInfo, "pair" | "ru" | "en"

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.text_filter = QLineEdit()
        self.text_filter.setPlaceholderText(self.tr("Words in the title, note or passage"))
        self.text_filter.setClearButtonEnabled(True)
        self.tag_filter = QComboBox()
        self.tag_filter.setToolTip(self.tr("Only bookmarks with this tag"))
        self.note_filter = QLineEdit()
        self.note_filter.setPlaceholderText(self.tr("Words in the note"))
        self.note_filter.setClearButtonEnabled(True)
        self._timer = QTimer(self, singleShot=True, interval=200)
        self._timer.timeout.connect(self.refresh)
        self.text_filter.textChanged.connect(lambda _t: self._timer.start())
        self.note_filter.textChanged.connect(lambda _t: self._timer.start())
        self.tag_filter.activated.connect(lambda _i: self.refresh())

        self.model = BookmarksModel(self)
        self.view = QTreeView()
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setUniformRowHeights(True)
        self.view.setAlternatingRowColors(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        header = self.view.header()
        header.setStretchLastSection(True)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 230)
        header.resizeSection(1, 150)
        header.resizeSection(2, 100)
        self.view.clicked.connect(self._open_index)
        self.view.activated.connect(self._open_index)
        self.view.selectionModel().currentChanged.connect(lambda _c, _p: self._show_details())
        delete_key = QShortcut(QKeySequence.StandardKey.Delete, self.view, context=Qt.ShortcutContext.WidgetShortcut)
        delete_key.activated.connect(lambda: self._request(self.delete_requested))
        copy_key = QShortcut(QKeySequence.StandardKey.Copy, self.view, context=Qt.ShortcutContext.WidgetShortcut)
        copy_key.activated.connect(lambda: self.copy_current("pair"))
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)

        self.details = QLabel()
        self.details.setObjectName("bookmarkDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.reviewed_button = QPushButton(self.tr("Mark reviewed"))
        self.reviewed_button.setToolTip(self.tr("The passage is right: stop flagging this bookmark"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setToolTip(self.tr("Copy the passage in both languages with its citation (Ctrl+C)"))
        self.copy_button.clicked.connect(lambda: self.copy_current("pair"))
        self.edit_button.clicked.connect(lambda: self._request(self.edit_requested))
        self.delete_button.clicked.connect(lambda: self._request(self.delete_requested))
        self.reviewed_button.clicked.connect(lambda: self._request(self.reviewed_requested))
        self.export_button.clicked.connect(lambda: self.export_requested.emit(self.current_bookmark()))

        filters = QHBoxLayout()
        filters.addWidget(self.text_filter, 2)
        filters.addWidget(self.tag_filter, 1)
        filters.addWidget(self.note_filter, 1)
        buttons = QHBoxLayout()
        for button in (self.edit_button, self.delete_button, self.reviewed_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.export_button)
        self.count_label = QLabel()
        self.count_label.setObjectName("bookmarkCount")
        self.count_label.setWordWrap(True)  # a long hint must not widen the side panel
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(filters)
        layout.addWidget(self.count_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.details)
        layout.addLayout(buttons)
        self.refresh()

    # --- content -------------------------------------------------------------------------
    def refresh(self) -> None:
        """Re-read the bookmarks with the current filters, keeping the selected one."""
        current = self.current_bookmark()
        tag = self.tag_filter.currentData() or ""
        with self._library.sessions() as session:
            tags = bookmark_service.all_tags(session)
            bookmarks = bookmark_service.list_bookmarks(
                session, text=self.text_filter.text(), tag=tag, note=self.note_filter.text()
            )
        self._set_tags(tags, tag)
        self.model.set_bookmarks(bookmarks)
        total = len(bookmarks)
        flagged = sum(1 for b in bookmarks if b.needs_review)
        text = self.tr("%n bookmark", "", total) if total == 1 else self.tr("%n bookmarks", "", total)
        if flagged:
            text += " — " + (self.tr("%n needs review", "", flagged) if flagged == 1 else self.tr("%n need review", "", flagged))
        if not total and not (self.text_filter.text() or tag or self.note_filter.text()):
            text = self.tr("No bookmarks yet. Select beads in the reader (Shift+↓ or drag) and press Ctrl+D.")
        self.count_label.setText(text)
        if current is not None and (row := self.model.row_of(current.id)) is not None:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_details()

    def _set_tags(self, tags: list[str], selected: str) -> None:
        self.tag_filter.blockSignals(True)
        self.tag_filter.clear()
        self.tag_filter.addItem(self.tr("All tags"), "")
        for name in tags:
            self.tag_filter.addItem(name, name)
        index = self.tag_filter.findData(selected) if selected else 0
        self.tag_filter.setCurrentIndex(max(0, index))
        self.tag_filter.blockSignals(False)

    def set_tag_filter(self, tag: str) -> None:
        index = self.tag_filter.findData(tag)
        if index >= 0:
            self.tag_filter.setCurrentIndex(index)
            self.refresh()

    def current_bookmark(self) -> BookmarkInfo | None:
        index = self.view.currentIndex()
        return index.data(BOOKMARK_ROLE) if index.isValid() else None

    def select_bookmark(self, bookmark_id: int) -> bool:
        row = self.model.row_of(bookmark_id)
        if row is None:
            return False
        self.view.setCurrentIndex(self.model.index(row, 0))
        return True

    # --- actions -------------------------------------------------------------------------
    def _open_index(self, index: QModelIndex) -> None:
        bookmark = index.data(BOOKMARK_ROLE)
        if bookmark is not None:
            self.open_requested.emit(bookmark)

    def _request(self, signal: Signal) -> None:
        bookmark = self.current_bookmark()
        if bookmark is not None:
            signal.emit(bookmark)  # type: ignore[attr-defined]

    def copy_current(self, which: str) -> None:
        bookmark = self.current_bookmark()
        if bookmark is not None:
            self.copy_requested.emit(bookmark, which)

    def context_menu(self) -> QMenu:
        """Copy the bookmark: both languages, Russian only or English only, each with its citation."""
        menu = QMenu(self.view)
        for text, which in ((self.tr("Copy with citation"), "pair"), (self.tr("Copy Russian only, with citation"), "ru"),
                            (self.tr("Copy English only, with citation"), "en")):
            action = menu.addAction(text)
            action.triggered.connect(lambda _c=False, w=which: self.copy_current(w))
        return menu

    def _context_menu(self, pos) -> None:  # type: ignore[no-untyped-def]
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.context_menu().exec(self.view.viewport().mapToGlobal(pos))

    def _show_details(self) -> None:
        b = self.current_bookmark()
        self.copy_button.setEnabled(b is not None and not b.lost)
        for button in (self.edit_button, self.delete_button):
            button.setEnabled(b is not None)
        self.reviewed_button.setEnabled(b is not None and b.needs_review and not b.lost)
        self.reviewed_button.setVisible(b is not None and b.needs_review)
        if b is None:
            self.details.clear()
            self.details.hide()
            return
        lines = []
        if b.needs_review:
            lines.append(self.tr("⚠ Needs review: {0}").format(b.review_reason))
        where = (
            self.tr("{0}, beads {1}–{2}").format(b.work_title, b.bead_start + 1, b.bead_end)
            if b.bead_start is not None and b.bead_end is not None
            else b.work_title
        )
        lines.append(where)
        quote = b.ru_quote or b.en_quote
        lines.append("«" + (quote if len(quote) <= 220 else quote[:220] + "…") + "»")
        if b.note:
            lines.append(self.tr("Note: {0}").format(b.note))
        self.details.setText("\n".join(lines))
        self.details.show()
