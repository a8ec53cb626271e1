"""The bookmarks panel's table: one row per ``BookmarkInfo`` (title, work, tags, note).

A bookmark that needs review (its passage could not be carried over, or was
moved to a replaced text) shows a ⚠ and its reason in the tooltip.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from db.dto import BookmarkInfo

BOOKMARK_ROLE = Qt.ItemDataRole.UserRole + 20
Index = QModelIndex | QPersistentModelIndex


class BookmarksModel(QAbstractTableModel):
    """Bookmarks as a table; ``set_bookmarks`` replaces them all."""

    COLUMNS = ("title", "work", "tags", "note")

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[BookmarkInfo] = []

    def set_bookmarks(self, bookmarks: list[BookmarkInfo]) -> None:
        self.beginResetModel()
        self._rows = list(bookmarks)
        self.endResetModel()

    def bookmark(self, row: int) -> BookmarkInfo:
        return self._rows[row]

    def bookmarks(self) -> list[BookmarkInfo]:
        return list(self._rows)

    def row_of(self, bookmark_id: int) -> int | None:
        return next((i for i, b in enumerate(self._rows) if b.id == bookmark_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt override
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Title"), self.tr("Work"), self.tr("Tags"), self.tr("Note"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        b = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == BOOKMARK_ROLE:
            return b
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "title":
                return ("⚠ " if b.needs_review else "") + (b.title or self.tr("(untitled)"))
            if column == "work":
                return b.work_title
            if column == "tags":
                return ", ".join(b.tags)
            return " ".join(b.note.split())
        if role == Qt.ItemDataRole.DecorationRole and column == "title":
            return QColor(b.colour)
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = [b.title, b.ru_quote[:300], b.en_quote[:300]]
            if b.needs_review:
                tip.insert(1, self.tr("Needs review: {0}").format(b.review_reason))
            return "\n\n".join(t for t in tip if t)
        if role == Qt.ItemDataRole.ForegroundRole and b.needs_review and column == "title":
            return QColor(200, 120, 0)  # amber: readable on light and dark bases
        return None
