"""Choosing where to split a sentence: a read-only text with a cursor.

The reader paints text and has no text cursor, so the sentence is shown here
with one: the arrow keys (Ctrl+arrows by word) or a click put it where the
sentence should break, Enter splits.  ``SplitSentenceDialog.ask(parent, text)``
returns the character offset, or None when cancelled.
"""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QVBoxLayout, QWidget

_BREAK = re.compile(r"[;:,—–]\s+|\s+")


def default_split_offset(text: str) -> int:
    """Where to put the cursor first: after the punctuation nearest the middle, else the space nearest it."""
    middle = len(text) / 2
    punctuation = [m.end() for m in re.finditer(r"[;:—–]\s+", text) if 0 < m.end() < len(text)]
    if not punctuation:
        punctuation = [m.end() for m in re.finditer(r",\s+", text) if 0 < m.end() < len(text)]
    spaces = [m.end() for m in _BREAK.finditer(text) if 0 < m.end() < len(text)]
    candidates = punctuation or spaces
    return min(candidates, key=lambda at: abs(at - middle)) if candidates else len(text) // 2


class SplitSentenceDialog(QDialog):
    def __init__(self, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Split the sentence"))
        self.resize(640, 260)
        intro = QLabel(self.tr("Put the cursor where the second sentence starts (arrow keys or a click), "
                               "then press Enter."))
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(text)
        self.editor.setReadOnly(True)
        self.editor.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByKeyboard | Qt.TextInteractionFlag.TextSelectableByMouse
        )
        cursor = self.editor.textCursor()
        cursor.setPosition(default_split_offset(text))
        self.editor.setTextCursor(cursor)
        self.editor.cursorPositionChanged.connect(self._preview)
        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setTextFormat(Qt.TextFormat.PlainText)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Split"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.preview)
        layout.addWidget(buttons)
        self.editor.setFocus()
        self._preview()

    def offset(self) -> int:
        return self.editor.textCursor().position()

    def set_offset(self, offset: int) -> None:
        cursor = self.editor.textCursor()
        cursor.setPosition(max(0, min(offset, len(self.editor.toPlainText()))), QTextCursor.MoveMode.MoveAnchor)
        self.editor.setTextCursor(cursor)

    def _preview(self) -> None:
        text, at = self.editor.toPlainText(), self.offset()
        self.preview.setText(self.tr("1: {0}\n2: {1}").format(text[:at].strip(), text[at:].strip()))

    @classmethod
    def ask(cls, parent: QWidget | None, text: str) -> int | None:
        """The offset the user chose in ``text``, or None."""
        dialog = cls(text, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.offset()
