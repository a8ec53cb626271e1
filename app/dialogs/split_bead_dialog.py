"""Choosing where to split a bead: on each side, the sentence that starts the second part.

``SplitBeadDialog.ask(parent, ru, en)`` shows the bead's Russian and English
sentences in two lists (plus a last entry "nothing on this side" for a second
part without sentences of that language) and returns the split points as
sentence positions ``(at_ru, at_en)``, or None when cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QWidget,
)

from db.services.reading import Segment

POSITION_ROLE = Qt.ItemDataRole.UserRole + 1


class SplitBeadDialog(QDialog):
    """Two lists, one per language: the selected sentence starts the second bead."""

    def __init__(self, ru: Sequence[Segment], en: Sequence[Segment], ru_end: int, en_end: int,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split the bead"))
        self.resize(820, 420)
        intro = QLabel(self.tr("On each side, choose the sentence that starts the second bead "
                               "(Tab switches sides, Enter splits)."))
        intro.setWordWrap(True)
        self.ru_list = self._list(ru, ru_end)
        self.en_list = self._list(en, en_end)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        grid = QGridLayout(self)
        grid.addWidget(intro, 0, 0, 1, 2)
        grid.addWidget(QLabel(self.tr("Russian")), 1, 0)
        grid.addWidget(QLabel(self.tr("English")), 1, 1)
        grid.addWidget(self.ru_list, 2, 0)
        grid.addWidget(self.en_list, 2, 1)
        grid.addWidget(buttons, 3, 0, 1, 2)
        self.ru_list.setFocus()

    def _list(self, segments: Sequence[Segment], end: int) -> QListWidget:
        widget = QListWidget()
        widget.setWordWrap(True)
        widget.setAlternatingRowColors(True)
        for seg in segments:
            item = QListWidgetItem(seg.text)
            item.setData(POSITION_ROLE, seg.position)
            widget.addItem(item)
        last = QListWidgetItem(self.tr("— nothing on this side: the second bead has no sentence here"))
        last.setData(POSITION_ROLE, end)
        last.setForeground(widget.palette().placeholderText())
        widget.addItem(last)
        # Start in the middle: a bead of 2+2 sentences splits 1+1 with a single Enter.
        widget.setCurrentRow(max(1, len(segments) // 2) if len(segments) > 1 else len(segments))
        widget.itemDoubleClicked.connect(lambda _item: self.accept())
        return widget

    def split_points(self) -> tuple[int, int]:
        return (int(self.ru_list.currentItem().data(POSITION_ROLE)), int(self.en_list.currentItem().data(POSITION_ROLE)))

    @classmethod
    def ask(cls, parent: QWidget | None, ru: Sequence[Segment], en: Sequence[Segment], ru_end: int,
            en_end: int) -> tuple[int, int] | None:
        """(at_ru, at_en) chosen by the user, or None."""
        dialog = cls(ru, en, ru_end, en_end, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.split_points()
