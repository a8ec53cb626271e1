"""The "Find a quotation in the original" dialog: paste an English passage, choose a Russian text, see where it stands.

The search itself is ``db.services.locating.locate_quote``; the dialog shows
the Russian sentences found (or the closest ones, marked as not found), their
score and the aligned English passage, and emits ``open_requested`` when the
user asks to read there.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from db.dto import TextInfo
from db.engine import Library
from db.services.locating import QuoteLocation, locate_quote


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName(name)
    return label


class LocateDialog(QDialog):
    """Non-modal: the user may paste several quotations one after another."""

    open_requested = Signal(object)  # the QuoteLocation to open the reader at

    def __init__(
        self,
        library: Library,
        russian_texts: Sequence[TextInfo],
        *,
        current_text_id: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self.location: QuoteLocation | None = None
        self.setWindowTitle(self.tr("Find a quotation in the original"))
        self.setMinimumWidth(640)
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text_combo = QComboBox()
        # Long Russian titles must not squeeze the form's labels.
        self.text_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.text_combo.setMinimumContentsLength(40)
        for info in russian_texts:
            aligned = self.tr(" (aligned)") if info.aligned_with is not None else ""
            self.text_combo.addItem(f"{info.title}{aligned}", info.id)
        if current_text_id is not None and (i := self.text_combo.findData(current_text_id)) >= 0:
            self.text_combo.setCurrentIndex(i)
        form.addRow(self.tr("Russian text:"), self.text_combo)
        self.quote_edit = QPlainTextEdit()
        self.quote_edit.setPlaceholderText(self.tr("Paste the English quotation here, e.g. from a book about the text"))
        self.quote_edit.setTabChangesFocus(True)
        self.quote_edit.setFixedHeight(110)
        form.addRow(self.tr("Quotation:"), self.quote_edit)
        layout.addLayout(form)

        self.status_label = _label("", "locateStatus")
        self.russian_label = _label("", "locateRussian")
        self.english_label = _label("", "locateEnglish")
        self.english_label.setStyleSheet("color: palette(placeholder-text);")
        self.status_label.setStyleSheet("font-weight: bold;")
        for label in (self.status_label, self.russian_label, self.english_label):
            layout.addWidget(label)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setDefault(True)
        self.open_button = QPushButton(self.tr("&Open there"))
        self.open_button.setEnabled(False)
        buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.find_button.clicked.connect(self.find)
        self.open_button.clicked.connect(self._open)
        self.quote_edit.textChanged.connect(lambda: self.find_button.setEnabled(bool(self.quote_edit.toPlainText().strip())))
        self.find_button.setEnabled(False)
        if not russian_texts:
            self.status_label.setText(self.tr("There is no Russian text in the library to search."))
            self.quote_edit.setEnabled(False)

    def find(self) -> QuoteLocation | None:
        """Locate the quotation in the chosen text and show the answer."""
        text_id = self.text_combo.currentData()
        query = self.quote_edit.toPlainText().strip()
        if text_id is None or not query:
            return None
        QGuiApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            with self._library.sessions() as session:
                where = locate_quote(session, int(text_id), query)
        finally:
            QGuiApplication.restoreOverrideCursor()
        self.show_location(where)
        return where

    def show_location(self, where: QuoteLocation) -> None:
        self.location = where if where.ru_text else None
        self.open_button.setEnabled(self.location is not None)
        if not where.ru_text:
            self.status_label.setText(self.tr("Nothing to compare: the quotation has no words, or the text is empty."))
            self.russian_label.clear()
            self.english_label.clear()
            return
        first, last = where.first_sentence + 1, where.last_sentence + 1
        sentences = (self.tr("sentence {0}").format(first) if first == last
                     else self.tr("sentences {0}–{1}").format(first, last))
        if where.found:
            status = self.tr("Found: {0} (score {1:.2f}).").format(sentences, where.score)
        else:
            status = self.tr(
                "Not found: no passage scores {0:.2f} or more. The closest, {1} (score {2:.2f}), "
                "may or may not be the one quoted; check it before citing it."
            ).format(where.threshold, sentences, where.score)
        self.status_label.setText(status)
        self.russian_label.setText(where.ru_text)
        self.english_label.setText(self.tr("Aligned English: {0}").format(where.en_text) if where.en_text else "")
        self.open_button.setText(self.tr("&Open there") if where.found else self.tr("&Open the closest passage"))

    def _open(self) -> None:
        if self.location is not None:
            self.open_requested.emit(self.location)
