"""The library tree, with room for titles at any width.

Titles are what people look for, so the title column keeps at least
``TITLE_SHARE`` of the view: as the panel narrows, the columns that matter
least are hidden first (sentences, then alignment, then kind; language and
reading progress are narrow and stay), and they come back as it widens.  A
title that still does not fit is elided at its end with the full title in its
tooltip.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

TITLE_COLUMN, AUTHOR_COLUMN, LANGUAGE_COLUMN, KIND_COLUMN, SIZE_COLUMN, ALIGNMENT_COLUMN, PROGRESS_COLUMN = range(7)
# Hidden first when the panel is narrow, in this order.
OPTIONAL_COLUMNS = (SIZE_COLUMN, ALIGNMENT_COLUMN, KIND_COLUMN)
TITLE_SHARE = 0.55
MIN_TITLE_PX = 220


class LibraryView(QTreeView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)
        self.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.setAccessibleName(self.tr("Library"))
        self._shown_optional: tuple[int, ...] = OPTIONAL_COLUMNS

    def setModel(self, model) -> None:  # noqa: N802 - Qt override
        super().setModel(model)
        header = self.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(TITLE_COLUMN, QHeaderView.ResizeMode.Stretch)
        for col in (LANGUAGE_COLUMN, SIZE_COLUMN, ALIGNMENT_COLUMN, PROGRESS_COLUMN, KIND_COLUMN):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        # The work row above the texts names the author; the column stays in the tooltip.
        self.setColumnHidden(AUTHOR_COLUMN, True)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit_columns()

    def fit_columns(self) -> None:
        """Show as many optional columns as leave the title its share of the width."""
        if self.model() is None:
            return
        width = self.viewport().width()
        header = self.header()

        def needed(col: int) -> int:
            return max(header.sectionSizeHint(col), self.sizeHintForColumn(col))

        fixed = sum(needed(c) for c in (LANGUAGE_COLUMN, PROGRESS_COLUMN))
        budget = width - max(MIN_TITLE_PX, int(width * TITLE_SHARE)) - fixed
        shown = []
        for col in reversed(OPTIONAL_COLUMNS):  # kind first, sentences last: the reverse of hiding
            if needed(col) <= budget:
                budget -= needed(col)
                shown.append(col)
            else:
                break
        for col in OPTIONAL_COLUMNS:
            self.setColumnHidden(col, col not in shown)
        self._shown_optional = tuple(sorted(shown))

    def shown_optional_columns(self) -> tuple[int, ...]:
        return self._shown_optional
