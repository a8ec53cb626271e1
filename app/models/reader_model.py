"""The reader's item model: one row per bead (or paragraph), texts fetched by page.

The model holds the outline of the open pair or text (row ranges and lengths,
loaded at once) and fetches row texts from the library in pages of
``PAGE_SIZE`` rows around what is asked for, keeping a bounded number of
pages (Anki's ``DataModel`` idea).  ``data()`` never touches ORM objects: the
rows are frozen DTOs from ``db.services.reading``.
"""

from __future__ import annotations

import logging
from collections import OrderedDict
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, QObject, Qt, Signal

from db.dto import TextInfo
from db.engine import Library
from db.services.reading import ReaderRow, ReadingOutline, reading_rows

log = logging.getLogger(__name__)

ROW_ROLE = Qt.ItemDataRole.UserRole + 10
KEY_ROLE = Qt.ItemDataRole.UserRole + 11
PAGE_SIZE = 200
MAX_PAGES = 12

Index = QModelIndex | QPersistentModelIndex


class ReaderModel(QAbstractListModel):
    """Rows of the open pair or text; empty until ``set_outline``."""

    rows_replaced = Signal(int, int, int)  # start, rows removed there, rows inserted (an alignment edit)

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._outline = ReadingOutline(keys=(), sides={})
        self._texts: dict[str, TextInfo] = {}
        self._pages: OrderedDict[int, list[ReaderRow]] = OrderedDict()

    # --- content -------------------------------------------------------------------------
    @property
    def outline(self) -> ReadingOutline:
        return self._outline

    @property
    def texts(self) -> dict[str, TextInfo]:
        """The open texts by language ("ru", "en")."""
        return dict(self._texts)

    @property
    def langs(self) -> tuple[str, ...]:
        return self._outline.langs

    @property
    def is_pair(self) -> bool:
        return len(self._outline.sides) == 2

    def set_outline(self, outline: ReadingOutline, texts: dict[str, TextInfo]) -> None:
        self.beginResetModel()
        self._outline = outline
        self._texts = dict(texts)
        self._pages.clear()
        self.endResetModel()

    def replace_rows(self, outline: ReadingOutline, start: int, removed: int, inserted: int) -> None:
        """Take the outline after an edit that replaced rows ``[start, start + removed)`` by
        ``inserted`` rows, without a reset (the view keeps its position)."""
        common = min(removed, inserted)
        if removed > inserted:
            self.beginRemoveRows(QModelIndex(), start + common, start + removed - 1)
        elif inserted > removed:
            self.beginInsertRows(QModelIndex(), start + common, start + inserted - 1)
        self._outline = outline
        self._pages.clear()  # sentence positions after the window may have moved too
        if removed > inserted:
            self.endRemoveRows()
        elif inserted > removed:
            self.endInsertRows()
        if common:
            self.dataChanged.emit(self.index(start), self.index(start + common - 1))
        self.rows_replaced.emit(start, removed, inserted)

    def clear(self) -> None:
        self.set_outline(ReadingOutline(keys=(), sides={}), {})

    def row(self, i: int) -> ReaderRow:
        """Row ``i`` with its texts (fetches its page if needed)."""
        page_no = i // PAGE_SIZE
        page = self._pages.get(page_no)
        if page is None:
            start = page_no * PAGE_SIZE
            with self._library.sessions() as session:
                page = reading_rows(session, self._outline, start, start + PAGE_SIZE)
            self._pages[page_no] = page
            while len(self._pages) > MAX_PAGES:
                self._pages.popitem(last=False)
            log.debug("fetched reader page %d (%d rows)", page_no, len(page))
        else:
            self._pages.move_to_end(page_no)
        return page[i - page_no * PAGE_SIZE]

    def drop_pages(self) -> None:
        """Forget the fetched rows so they are read again (glossary terms re-indexed)."""
        self._pages.clear()

    def key(self, i: int) -> int:
        return self._outline.keys[i]

    def chars(self, i: int, lang: str) -> int:
        side = self._outline.sides.get(lang)
        return side.chars[i] if side is not None else 0

    def row_of_sentence(self, lang: str, position: int) -> int | None:
        side = self._outline.sides.get(lang)
        return side.row_of_sentence(position) if side is not None else None

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802 - Qt override
        return 0 if parent.isValid() else self._outline.row_count

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._outline.row_count:
            return None
        if role == KEY_ROLE:
            return self._outline.keys[index.row()]
        if role == ROW_ROLE:
            return self.row(index.row())
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            row = self.row(index.row())
            return "\n".join(" ".join(s.text for s in row.side(lang)) for lang in self.langs)
        return None
