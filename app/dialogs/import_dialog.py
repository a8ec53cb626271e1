"""The Import dialog: which file, which language, and what the user knows of the text."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

from db.dto import KIND_LABELS, WorkInfo

if TYPE_CHECKING:
    from db.services.importing import TextMetadata

FILE_FILTER = "Texts and books (*.txt *.md *.markdown *.html *.htm *.pdf *.epub *.docx *.odt *.fb2 *.fb2.zip);;All files (*)"


@dataclass(frozen=True)
class ImportRequest:
    path: Path
    lang: str
    title: str
    author: str
    translator: str
    date: str
    source: str
    rights: str
    kind: str
    work_id: int | None

    def metadata(self, **overrides: object) -> TextMetadata:
        """What the user said about the text, as the import service takes it."""
        fields = dict(
            lang=self.lang, title=self.title, author=self.author, translator=self.translator, date=self.date,
            source=self.source, rights=self.rights, kind=self.kind, work_id=self.work_id,
        )
        fields.update(overrides)
        from db.services.importing import TextMetadata  # the importer loads when a text is imported

        return TextMetadata(**fields)  # type: ignore[arg-type]


def guess_language(path: Path) -> str:
    """A first guess from the file name (``*.ru.txt``, ``…_rus.html``); the import checks the text itself."""
    name = path.name.lower()
    if any(tag in name for tag in (".ru.", "_ru.", "-ru.", "rus")):
        return "ru"
    return "en"


class ImportDialog(QDialog):
    def __init__(self, works: list[WorkInfo], path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Import a text"))
        self.setMinimumWidth(520)
        form = QFormLayout(self)
        self.path_edit = QLineEdit(str(path) if path else "")
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow(self.tr("File:"), row)
        self.lang_combo = QComboBox()
        self.lang_combo.addItem(self.tr("Russian"), "ru")
        self.lang_combo.addItem(self.tr("English"), "en")
        form.addRow(self.tr("Language:"), self.lang_combo)
        self.title_edit = QLineEdit()
        self.title_edit.setPlaceholderText(self.tr("from the file if left empty"))
        form.addRow(self.tr("Title:"), self.title_edit)
        self.author_edit = QLineEdit()
        form.addRow(self.tr("Author:"), self.author_edit)
        self.kind_combo = QComboBox()
        for key, label in KIND_LABELS.items():
            # the kind names are translated once, with the library panel's
            self.kind_combo.addItem(QCoreApplication.translate("LibraryModel", label), key)
        form.addRow(self.tr("Kind:"), self.kind_combo)
        self.translator_edit = QLineEdit()
        form.addRow(self.tr("Translator:"), self.translator_edit)
        self.date_edit = QLineEdit()
        form.addRow(self.tr("Date:"), self.date_edit)
        self.source_edit = QLineEdit()
        self.source_edit.setPlaceholderText(self.tr("edition, archive or web address"))
        form.addRow(self.tr("Source:"), self.source_edit)
        self.rights_edit = QLineEdit()
        form.addRow(self.tr("Rights:"), self.rights_edit)
        self.work_combo = QComboBox()
        self.work_combo.addItem(self.tr("A new work"), None)
        for w in works:
            self.work_combo.addItem(w.title, w.id)
        form.addRow(self.tr("Work:"), self.work_combo)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self._from_file: dict[str, str] = {}
        self.path_edit.editingFinished.connect(self._path_chosen)
        if path is not None:
            self._set_language(guess_language(path))
            self._path_chosen()

    def _path_chosen(self) -> None:
        """Show what the file says about itself (a book's title, author, date, language) for correction."""
        from db.services.file_record import file_fields

        text = self.path_edit.text().strip()
        fields = file_fields(Path(text).expanduser()) if text else {}
        edits = {"title": self.title_edit, "author": self.author_edit, "translator": self.translator_edit,
                 "date": self.date_edit}
        for key, edit in edits.items():
            # replace only what is empty or was filled from the previously chosen file
            if not edit.text().strip() or edit.text() == self._from_file.get(key):
                edit.setText(fields.get(key, ""))
        if "lang" in fields:
            self._set_language(fields["lang"])
        self._from_file = fields

    def _set_language(self, lang: str) -> None:
        self.lang_combo.setCurrentIndex(max(0, self.lang_combo.findData(lang)))

    def _browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(self, self.tr("Import a text"), "", self.tr(FILE_FILTER))
        if name:
            self.path_edit.setText(name)
            self._set_language(guess_language(Path(name)))
            self._path_chosen()

    def _accept(self) -> None:
        if not self.path_edit.text().strip():
            self.path_edit.setFocus()
            self.path_edit.setPlaceholderText(self.tr("choose a file first"))
            return
        self.accept()

    def request(self) -> ImportRequest:
        return ImportRequest(
            path=Path(self.path_edit.text().strip()).expanduser(),
            lang=self.lang_combo.currentData(),
            title=self.title_edit.text().strip(),
            author=self.author_edit.text().strip(),
            translator=self.translator_edit.text().strip(),
            date=self.date_edit.text().strip(),
            source=self.source_edit.text().strip(),
            rights=self.rights_edit.text().strip(),
            kind=self.kind_combo.currentData(),
            work_id=self.work_combo.currentData(),
        )

    @classmethod
    def ask(cls, works: list[WorkInfo], path: Path | None = None, parent: QWidget | None = None) -> ImportRequest | None:
        """Show the dialog; the request, or None if the user cancelled."""
        dialog = cls(works, path, parent)
        if path is None:
            dialog._browse()
            if not dialog.path_edit.text():
                return None
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
