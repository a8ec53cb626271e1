"""The Bookmark dialog: title (prefilled from the passage's first words), note, tags, colour.

The dialog only collects what the user typed; the window turns the answer into
an undoable command.  ``BookmarkDialog.ask`` is the one entry point (tests
patch it).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QColorDialog,
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QWidget,
)

from db.services.bookmarks import DEFAULT_COLOUR, clean_tags

# Light colours that keep black text readable on the reader's tint.
COLOURS: tuple[str, ...] = ("#ffd54f", "#81c784", "#64b5f6", "#f48fb1", "#ffb74d", "#b39ddb")


@dataclass(frozen=True)
class BookmarkRequest:
    """What the user typed in the dialog."""

    title: str
    note: str
    tags: tuple[str, ...]
    colour: str


def split_tags(text: str) -> tuple[str, ...]:
    """"soviet history, NEP ;opposition" → ("soviet history", "NEP", "opposition")."""
    return clean_tags(text.replace(";", ",").split(","))


class BookmarkDialog(QDialog):
    def __init__(
        self,
        initial: BookmarkRequest,
        *,
        passage: str = "",
        known_tags: list[str] | None = None,
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit bookmark") if editing else self.tr("Bookmark the passage"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        if passage:
            quote = QLabel(passage if len(passage) < 400 else passage[:400] + "…")
            quote.setWordWrap(True)
            quote.setTextFormat(Qt.TextFormat.PlainText)
            quote.setObjectName("bookmarkPassage")
            quote.setStyleSheet("color: palette(placeholder-text);")
            form.addRow(quote)
        self.title_edit = QLineEdit(initial.title)
        form.addRow(self.tr("Title:"), self.title_edit)
        self.note_edit = QPlainTextEdit(initial.note)
        self.note_edit.setPlaceholderText(self.tr("Why this passage matters, what to check…"))
        self.note_edit.setTabChangesFocus(True)
        self.note_edit.setFixedHeight(110)
        form.addRow(self.tr("Note:"), self.note_edit)
        self.tags_edit = QLineEdit(", ".join(initial.tags))
        self.tags_edit.setPlaceholderText(self.tr("comma-separated, e.g. NEP, opposition"))
        if known_tags:
            completer = QCompleter(known_tags, self)
            completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
            self.tags_edit.setCompleter(completer)
        form.addRow(self.tr("Tags:"), self.tags_edit)
        form.addRow(self.tr("Colour:"), self._colour_row(initial.colour))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Save") if editing else self.tr("Bookmark"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.title_edit.selectAll()
        self.title_edit.setFocus()

    def _colour_row(self, current: str) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(4)
        self.colour_buttons = QButtonGroup(self)
        self.colour_buttons.setExclusive(True)
        colours = list(COLOURS) if current.lower() in COLOURS else [*COLOURS, current.lower()]
        for colour in colours:
            button = self._swatch(colour)
            button.setChecked(colour == current.lower())
            row.addWidget(button)
        other = QToolButton(text=self.tr("Other…"))
        other.clicked.connect(self._pick_other)
        row.addWidget(other)
        row.addStretch(1)
        self._row = row
        return row

    def _swatch(self, colour: str) -> QToolButton:
        button = QToolButton()
        button.setCheckable(True)
        button.setFixedSize(26, 26)
        button.setProperty("colour", colour)
        button.setToolTip(colour)
        button.setAccessibleName(self.tr("Colour {0}").format(colour))
        button.setStyleSheet(
            f"QToolButton {{ background: {colour}; border: 1px solid #888; border-radius: 4px; }}"
            f"QToolButton:checked {{ border: 3px solid palette(highlight); }}"
        )
        self.colour_buttons.addButton(button)
        return button

    def _pick_other(self) -> None:
        chosen = QColorDialog.getColor(QColor(self.colour()), self, self.tr("Bookmark colour"))
        if chosen.isValid():
            button = self._swatch(chosen.name())
            self._row.insertWidget(len(self.colour_buttons.buttons()) - 1, button)
            button.setChecked(True)

    def colour(self) -> str:
        checked = self.colour_buttons.checkedButton()
        return str(checked.property("colour")) if checked is not None else DEFAULT_COLOUR

    def request(self) -> BookmarkRequest:
        return BookmarkRequest(
            title=" ".join(self.title_edit.text().split()),
            note=self.note_edit.toPlainText().strip(),
            tags=split_tags(self.tags_edit.text()),
            colour=self.colour(),
        )

    @classmethod
    def ask(
        cls,
        initial: BookmarkRequest,
        *,
        passage: str = "",
        known_tags: list[str] | None = None,
        editing: bool = False,
        parent: QWidget | None = None,
    ) -> BookmarkRequest | None:
        """Show the dialog; the answer, or None if the user cancelled."""
        dialog = cls(initial, passage=passage, known_tags=known_tags, editing=editing, parent=parent)
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
