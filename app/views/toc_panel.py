"""The table of contents: the open text's (or pair's) headings, the current chapter highlighted.

Built from ``db.services.reading.table_of_contents``: one item per heading row,
nested by level; for a pair a column per language, so headings that translate
each other stand on one line.  Clicking an item (or Enter) asks the reader to
go to its row; ``follow(row)`` highlights the chapter the reader is in.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from db.services.reading import TocEntry

ROW_ROLE = Qt.ItemDataRole.UserRole + 1


class TocPanel(QWidget):
    go_to_row = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget()
        self.tree.setObjectName("tocTree")
        self.tree.setRootIsDecorated(True)
        self.tree.setUniformRowHeights(True)
        self.tree.itemActivated.connect(self._activated)
        self.tree.itemClicked.connect(self._activated)
        self.empty = QLabel(self.tr("This text has no headings."))
        self.empty.setTextFormat(Qt.TextFormat.PlainText)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.empty)
        self._entries: list[TocEntry] = []
        self._rows: list[int] = []
        self._items: list[QTreeWidgetItem] = []
        self.set_entries([], ())

    @property
    def entries(self) -> list[TocEntry]:
        return list(self._entries)

    def set_entries(self, entries: list[TocEntry], langs: tuple[str, ...]) -> None:
        self._entries = list(entries)
        self._rows = [e.row for e in entries]
        self.tree.clear()
        self._items = []
        headers = [{"ru": self.tr("Russian"), "en": self.tr("English")}.get(x, x) for x in langs] + [self.tr("Page")]
        self.tree.setColumnCount(len(headers))
        self.tree.setHeaderLabels(headers)
        self.tree.setHeaderHidden(len(langs) < 2 and not any(e.page for e in entries))
        header = self.tree.header()
        for col in range(len(headers)):
            self.tree.setColumnHidden(col, False)
        for col in range(len(langs)):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(len(langs), QHeaderView.ResizeMode.ResizeToContents)
        self.tree.setColumnHidden(len(langs), not any(e.page for e in entries))
        parents: list[tuple[int, QTreeWidgetItem]] = []
        for entry in entries:
            while parents and parents[-1][0] >= entry.level:
                parents.pop()
            item = QTreeWidgetItem([entry.titles.get(x, "") for x in langs] + [entry.page or ""])
            for col, lang in enumerate(langs):
                item.setToolTip(col, entry.titles.get(lang, ""))
            item.setData(0, ROW_ROLE, entry.row)
            if parents:
                parents[-1][1].addChild(item)
            else:
                self.tree.addTopLevelItem(item)
            parents.append((entry.level, item))
            self._items.append(item)
        self.tree.expandAll()
        self.tree.setVisible(bool(entries))
        self.empty.setVisible(not entries)

    def current_index(self, row: int) -> int:
        """Index of the entry (chapter) that row ``row`` is in, -1 before the first heading."""
        return bisect.bisect_right(self._rows, row) - 1

    def follow(self, row: int) -> None:
        """Highlight the chapter the reader is in."""
        i = self.current_index(row)
        if 0 <= i < len(self._items):
            item = self._items[i]
            if self.tree.currentItem() is not item:
                self.tree.blockSignals(True)
                self.tree.setCurrentItem(item)
                self.tree.blockSignals(False)
                self.tree.scrollToItem(item)
        else:
            self.tree.blockSignals(True)
            self.tree.setCurrentItem(None)
            self.tree.clearSelection()
            self.tree.blockSignals(False)

    def current_entry(self) -> TocEntry | None:
        item = self.tree.currentItem()
        if item is None or item not in self._items:
            return None
        return self._entries[self._items.index(item)]

    def _activated(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        row = item.data(0, ROW_ROLE)
        if row is not None:
            self.go_to_row.emit(int(row))
