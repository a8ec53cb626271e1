"""The "Edit details" dialog for a text of the library (``ask()`` returns the new details).

Two tabs: the text (title, author, translator, date, source, rights, kind, note)
and its bibliographic record — what citations are made from: the kind of
publication, authors, translators and editors (one a line, ``Family, Given``,
with ``= Фамилия, Имя`` for the name in the other script, a body in braces),
titles, the journal or collection, the imprint, the original of a translation,
the archival reference (archive, fond, opis, delo, list), URL and identifiers.
Below the record, the bibliography entry as Chicago and GOST print it, updated
as the user types.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.plaintext import PlainLabel
from db.services.citing import chicago, gost
from db.services.metadata import TextDetails
from db.services.records import ArchiveRef, Record, name_line, parse_name_lines

PROJECT_KINDS = ("working_translation", "back_translation")


class DetailsDialog(QDialog):
    def __init__(self, details: TextDetails, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Text details"))
        self.resize(720, 760)
        self._details = details
        self._record = details.record or Record(title=details.title)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._text_tab(details), self.tr("Text"))
        self.tabs.addTab(self._record_tab(self._record), self.tr("Bibliographic record"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.buttons)
        self.fields["title"].textChanged.connect(
            lambda t: self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(t.strip()))
        )
        self._update_preview()

    # --- the text ----------------------------------------------------------------------------
    def _text_tab(self, details: TextDetails) -> QWidget:
        page = QWidget()
        form = QFormLayout(page)
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
        self.kind.currentIndexChanged.connect(lambda _i: self._update_preview())
        form.addRow(self.tr("Kind:"), self.kind)
        self.note = QPlainTextEdit(details.note)
        form.addRow(self.tr("Note:"), self.note)
        return page

    # --- the record ----------------------------------------------------------------------------
    def _line(self, form: QFormLayout, key: str, label: str, value: str, tip: str = "") -> QLineEdit:
        edit = QLineEdit(value)
        if tip:
            edit.setToolTip(tip)
        edit.textChanged.connect(lambda _t: self._update_preview())
        self.record_fields[key] = edit
        form.addRow(label, edit)
        return edit

    def _names(self, form: QFormLayout, key: str, label: str, record: Record, role: str) -> None:
        edit = QPlainTextEdit("\n".join(name_line(n) for n in record.names(role)))
        edit.setFixedHeight(52)
        edit.setPlaceholderText(self.tr("Family, Given = Фамилия, Имя (one a line; a body in braces: {Sverka editors})"))
        edit.setToolTip(edit.placeholderText())
        edit.textChanged.connect(self._update_preview)
        self.name_fields[role] = edit
        form.addRow(label, edit)

    def _record_tab(self, r: Record) -> QWidget:
        self.record_fields: dict[str, QLineEdit] = {}
        self.name_fields: dict[str, QPlainTextEdit] = {}
        inner = QWidget()
        column = QVBoxLayout(inner)

        work = QGroupBox(self.tr("Work"))
        form = QFormLayout(work)
        self.record_type = QComboBox()
        for value, text in (
            ("book", self.tr("book")), ("chapter", self.tr("chapter of a book")),
            ("article-journal", self.tr("journal article")), ("article-newspaper", self.tr("newspaper article")),
            ("article-magazine", self.tr("magazine article")), ("manuscript", self.tr("archival or unpublished document")),
            ("document", self.tr("document")), ("webpage", self.tr("web page")), ("report", self.tr("report")),
            ("thesis", self.tr("thesis")), ("speech", self.tr("speech")), ("article", self.tr("other")),
        ):
            self.record_type.addItem(text, value)
        self.record_type.setCurrentIndex(max(0, self.record_type.findData(r.type)))
        self.record_type.currentIndexChanged.connect(lambda _i: self._update_preview())
        form.addRow(self.tr("Kind of publication:"), self.record_type)
        self._names(form, "author", self.tr("Authors:"), r, "author")
        self._line(form, "title", self.tr("Title (as printed):"), r.title)
        self._line(form, "title_romanised", self.tr("Romanised title:"), r.title_romanised,
                   self.tr("Only if it must differ from the ALA-LC romanisation Sverka makes"))
        self._line(form, "title_translated", self.tr("Title in English:"), r.title_translated,
                   self.tr("Chicago prints it in brackets after a Russian title"))
        self._names(form, "translator", self.tr("Translators:"), r, "translator")
        self._names(form, "editor", self.tr("Editors:"), r, "editor")
        self._line(form, "language", self.tr("Language:"), r.language, self.tr("ru or en"))
        self._line(form, "genre", self.tr("Genre:"), r.genre)
        column.addWidget(work)

        where = QGroupBox(self.tr("Publication"))
        form = QFormLayout(where)
        self._line(form, "container_title", self.tr("Journal or book:"), r.container_title,
                   self.tr("The journal of an article, the book of a chapter"))
        numbers = QHBoxLayout()
        for key, label, value in (("volume", self.tr("Vol."), r.volume), ("issue", self.tr("No."), r.issue),
                                  ("pages", self.tr("Pages"), r.pages)):
            edit = QLineEdit(value)
            edit.setPlaceholderText(label)
            edit.setToolTip(label)
            edit.textChanged.connect(lambda _t: self._update_preview())
            self.record_fields[key] = edit
            numbers.addWidget(edit)
        form.addRow(self.tr("Volume, issue, pages:"), numbers)
        self._line(form, "collection_title", self.tr("Series:"), r.collection_title)
        self._line(form, "collection_number", self.tr("Number in the series:"), r.collection_number)
        self._line(form, "edition", self.tr("Edition:"), r.edition)
        self._line(form, "publisher", self.tr("Publisher:"), r.publisher)
        self._line(form, "place", self.tr("Place:"), r.place)
        self._line(form, "issued", self.tr("Date:"), r.issued, self.tr("1931, 1931-04 or 1925-12-22"))
        self._line(form, "isbn", self.tr("ISBN:"), r.isbn)
        self._line(form, "doi", self.tr("DOI:"), r.doi)
        self._line(form, "url", self.tr("URL:"), r.url)
        self._line(form, "accessed", self.tr("Accessed:"), r.accessed, self.tr("The date you read the page: 2026-03-01"))
        column.addWidget(where)

        original = QGroupBox(self.tr("Original of a translation"))
        form = QFormLayout(original)
        self._line(form, "original_title", self.tr("Title:"), r.original_title)
        self._line(form, "original_publisher", self.tr("Publisher:"), r.original_publisher)
        self._line(form, "original_place", self.tr("Place:"), r.original_place)
        self._line(form, "original_date", self.tr("Date:"), r.original_date)
        column.addWidget(original)

        archive = QGroupBox(self.tr("Archive"))
        form = QFormLayout(archive)
        self._line(form, "archive", self.tr("Archive:"), r.archive, self.tr("e.g. РГАСПИ"))
        self._line(form, "archive_place", self.tr("Place:"), r.archive_place)
        parts = QHBoxLayout()
        for key, label in (("fond", self.tr("fond")), ("opis", self.tr("opis")), ("delo", self.tr("delo")),
                           ("list", self.tr("list"))):
            edit = QLineEdit(getattr(r.archive_ref, key))
            edit.setPlaceholderText(label)
            edit.setToolTip(label)
            edit.textChanged.connect(lambda _t: self._update_preview())
            self.record_fields["archive_" + key] = edit
            parts.addWidget(edit)
        form.addRow(self.tr("Fond, opis, delo, list:"), parts)
        column.addWidget(archive)

        self.record_note = QPlainTextEdit(r.note)
        self.record_note.setFixedHeight(52)
        self.record_note.textChanged.connect(self._update_preview)
        notes = QFormLayout()
        notes.addRow(self.tr("Note:"), self.record_note)
        column.addLayout(notes)
        column.addStretch(1)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(inner)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(scroll, 1)
        preview = QGroupBox(self.tr("How it is cited (bibliography)"))
        box = QFormLayout(preview)
        self.chicago_preview = PlainLabel()
        self.gost_preview = PlainLabel()
        for label in (self.chicago_preview, self.gost_preview):
            label.setWordWrap(True)
        box.addRow(self.tr("Chicago:"), self.chicago_preview)
        box.addRow(self.tr("GOST:"), self.gost_preview)
        layout.addWidget(preview)
        return page

    def record(self) -> Record:
        """The record as the fields now say."""
        f = {k: e.text().strip() for k, e in self.record_fields.items()}
        archive = ArchiveRef(fond=f.pop("archive_fond"), opis=f.pop("archive_opis"), delo=f.pop("archive_delo"),
                             list=f.pop("archive_list"))
        record = replace(self._record, type=str(self.record_type.currentData()), archive_ref=archive,
                         note=self.record_note.toPlainText().strip(), **f)
        for role, edit in self.name_fields.items():
            record = record.with_names(role, parse_name_lines(edit.toPlainText()))
        return record

    def _update_preview(self) -> None:
        if not hasattr(self, "gost_preview"):
            return
        record = self.record()
        kind = str(self.kind.currentData())
        project = kind if kind in PROJECT_KINDS else ""
        self.chicago_preview.setText(chicago.bibliography(record, project_kind=project).plain())
        self.gost_preview.setText(gost.bibliography(record, project_kind=project).plain())

    def details(self) -> TextDetails:
        record = self.record()
        return replace(
            self._details,
            **{name: edit.text() for name, edit in self.fields.items()},
            kind=str(self.kind.currentData()),
            note=self.note.toPlainText(),
            record=record if record != self._details.record else self._details.record,
        )

    @classmethod
    def ask(cls, details: TextDetails, parent: QWidget | None = None) -> TextDetails | None:
        dialog = cls(details, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.details()
