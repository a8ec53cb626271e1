"""The "Edit details" dialog for a text of the library (``ask()`` returns the new details)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QPlainTextEdit, QWidget

from db.services.metadata import TextDetails


class DetailsDialog(QDialog):
    def __init__(self, details: TextDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Text details"))
        self.resize(560, 420)
        self._details = details
        form = QFormLayout(self)
        self.fields: dict[str, QLineEdit] = {}
        for name, label in (
            ("title", self.tr("Title:")),
            ("author", self.tr("Author:")),
            ("translator", self.tr("Translator:")),
            ("date", self.tr("Date:")),
            ("source", self.tr("Source:")),
            ("rights", self.tr("Rights:")),
        ):
            edit = QLineEdit(getattr(details, name))
            self.fields[name] = edit
            form.addRow(label, edit)
        self.kind = QComboBox()
        for value, text in (
            ("original", self.tr("original")),
            ("published_translation", self.tr("published translation")),
            ("working_translation", self.tr("working translation")),
            ("back_translation", self.tr("back-translation")),
        ):
            self.kind.addItem(text, value)
        self.kind.setCurrentIndex(max(0, self.kind.findData(details.kind)))
        form.addRow(self.tr("Kind:"), self.kind)
        self.note = QPlainTextEdit(details.note)
        form.addRow(self.tr("Note:"), self.note)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)
        self.fields["title"].textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip()))
        )

    def details(self) -> TextDetails:
        return replace(
            self._details,
            **{name: edit.text() for name, edit in self.fields.items()},
            kind=str(self.kind.currentData()),
            note=self.note.toPlainText(),
        )

    @classmethod
    def ask(cls, details: TextDetails, parent: QWidget | None = None) -> TextDetails | None:
        dialog = cls(details, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details()
