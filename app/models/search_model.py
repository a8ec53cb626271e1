"""Library search results as a list model: one row per hit (a parallel pair)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from db.services.search import SearchHit, SearchResult

HIT_ROLE = Qt.ItemDataRole.UserRole + 20

Index = QModelIndex | QPersistentModelIndex


class SearchModel(QAbstractListModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._result = SearchResult("", (), 0)

    @property
    def result(self) -> SearchResult:
        return self._result

    def set_result(self, result: SearchResult) -> None:
        self.beginResetModel()
        self._result = result
        self.endResetModel()

    def hit(self, row: int) -> SearchHit:
        return self._result.hits[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else len(self._result.hits)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._result.hits):
            return None
        hit = self._result.hits[index.row()]
        if role == HIT_ROLE:
            return hit
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return f"{hit.text}\n{hit.partner_text}" if hit.partner_text else hit.text
        if role == Qt.ItemDataRole.ToolTipRole:
            return hit.text_title
        return None
