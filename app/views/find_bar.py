"""The reader's find bar (Ctrl+F): a field, previous/next, the match count."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QToolButton, QWidget


class FindBar(QWidget):
    """Emits ``find_requested(text)`` as the user types, ``step(+1/-1)`` for next/previous."""

    find_requested = Signal(str)
    step = Signal(int)
    closed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find in this text"))
        self.field.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.count_label.setMinimumWidth(90)
        self.previous_button = QToolButton(text="↑")
        self.previous_button.setToolTip(self.tr("Previous match (Shift+F3)"))
        self.next_button = QToolButton(text="↓")
        self.next_button.setToolTip(self.tr("Next match (F3, Enter)"))
        close = QToolButton(text="✕")
        close.setToolTip(self.tr("Close (Esc)"))
        close.setAutoRaise(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 4, 12, 4)
        layout.addWidget(self.field, 1)
        layout.addWidget(self.previous_button)
        layout.addWidget(self.next_button)
        layout.addWidget(self.count_label)
        layout.addWidget(close)
        self._typing = QTimer(self, singleShot=True, interval=180)
        self._typing.timeout.connect(lambda: self.find_requested.emit(self.field.text()))
        self.field.textChanged.connect(lambda _t: self._typing.start())
        self.field.returnPressed.connect(self._enter)
        self.previous_button.clicked.connect(lambda: self.step.emit(-1))
        self.next_button.clicked.connect(lambda: self.step.emit(1))
        close.clicked.connect(self.close_bar)
        QShortcut(QKeySequence(Qt.Key.Key_F3), self, activated=lambda: self.step.emit(1))
        QShortcut(QKeySequence(Qt.Modifier.SHIFT | Qt.Key.Key_F3), self, activated=lambda: self.step.emit(-1))

    def _enter(self) -> None:
        if self._typing.isActive():
            self._typing.stop()
            self.find_requested.emit(self.field.text())
        else:
            self.step.emit(1)

    def open_bar(self) -> None:
        self.show()
        self.field.setFocus()
        self.field.selectAll()

    def close_bar(self) -> None:
        self.hide()
        self.closed.emit()

    def show_count(self, current: int, total: int, searched: bool) -> None:
        if not searched:
            self.count_label.setText("")
        elif total == 0:
            self.count_label.setText(self.tr("No matches"))
        else:
            self.count_label.setText(self.tr("{0} of {1}").format(current + 1, total))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.close_bar()
            event.accept()
            return
        super().keyPressEvent(event)
