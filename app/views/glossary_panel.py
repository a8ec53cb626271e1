"""The glossary panel: every entry, searchable and filterable, one shown in full.

Below the list the chosen entry is shown as plain text with its occurrences in
the open text (a click jumps there).  Add…/Edit…/Delete manage the user's own
entries; Export…/Import… write and read the glossary as JSON or CSV.  After
any change the panel emits ``glossary_changed`` and the window re-indexes the
terms in the background.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from alignment.glossary.entries import CATEGORIES, Entry, GlossaryError
from app.dialogs.glossary_entry_dialog import GlossaryEntryDialog
from app.plaintext import ask, message
from app.models.glossary_model import (
    ENTRY_ROLE,
    USER_CATEGORY,
    GlossaryFilterModel,
    GlossaryModel,
)
from app.views.glossary_popup import EntryCard, FlowLayout
from db.engine import Library
from db.services.export.errors import ExportWriteError
from db.services.export.writing import write_atomically
from db.services.glossary import (
    Occurrence,
    delete_user_entry,
    export_glossary,
    import_glossary,
    occurrences,
    save_user_entry,
)

log = logging.getLogger(__name__)

OCCURRENCE_ROLE = Qt.ItemDataRole.UserRole + 31
SNIPPET_CHARS = 70


def occurrence_snippet(occurrence: Occurrence) -> str:
    """The sentence around the term, shortened with ellipses."""
    text, a, b = occurrence.sentence, occurrence.start, occurrence.end
    left = max(0, a - SNIPPET_CHARS)
    right = min(len(text), b + SNIPPET_CHARS)
    return ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")


class GlossaryPanel(QWidget):
    """The side panel's Glossary tab."""

    jump_requested = Signal(int, str, int)  # text id, language, sentence position
    all_occurrences_requested = Signal(str)  # entry id
    glossary_changed = Signal()

    def __init__(self, library: Library, model: GlossaryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.model = model
        self.proxy = GlossaryFilterModel(model, self)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self._text_ids: tuple[int, ...] = ()

        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find a term (Russian or English)"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.proxy.set_text)
        self.field.textChanged.connect(lambda _t: self._one_match_shown())
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"), "")
        card = EntryCard(model)
        for name in CATEGORIES:
            self.category.addItem(card._category(name), name)
        card.deleteLater()
        self.category.addItem(self.tr("Your entries"), USER_CATEGORY)
        self.category.currentIndexChanged.connect(lambda _i: self.proxy.set_category(str(self.category.currentData())))
        self.category.currentIndexChanged.connect(lambda _i: self._one_match_shown())
        self.list = QListView()
        self.list.setModel(self.proxy)
        self.list.setUniformItemSizes(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.selectionModel().selectionChanged.connect(self._selection_changed)
        self.count_label = QLabel()
        self.count_label.setObjectName("glossaryCount")
        self.proxy.modelReset.connect(self._update_count)
        self.proxy.rowsInserted.connect(self._update_count)
        self.proxy.rowsRemoved.connect(self._update_count)
        self.proxy.layoutChanged.connect(self._update_count)

        self.card = EntryCard(model)
        self.card.related_clicked.connect(self.show_entry)
        self.card.occurrences_clicked.connect(self.all_occurrences_requested)
        self.occurrences_label = QLabel()
        self.occurrences_label.setTextFormat(Qt.TextFormat.PlainText)
        self.occurrences_label.setObjectName("glossaryOccurrencesLabel")
        self.occurrence_list = QListWidget()
        self.occurrence_list.setWordWrap(True)
        self.occurrence_list.itemActivated.connect(self._jump)
        self.occurrence_list.itemClicked.connect(self._jump)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(8, 8, 8, 8)
        detail_layout.addWidget(self.card)
        detail_layout.addWidget(self.occurrences_label)
        detail_layout.addWidget(self.occurrence_list, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(detail)

        self.add_button = QPushButton(self.tr("Add…"))
        self.edit_button = QPushButton(self.tr("Edit…"))
        self.delete_button = QPushButton(self.tr("Delete"))
        self.export_button = QPushButton(self.tr("Export…"))
        self.import_button = QPushButton(self.tr("Import…"))
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.edit_button.clicked.connect(lambda: self.edit_entry())
        self.delete_button.clicked.connect(lambda: self.delete_entry())
        self.export_button.clicked.connect(lambda: self.export_entries())
        self.import_button.clicked.connect(lambda: self.import_entries())
        self.edit_button.setToolTip(self.tr("Edit this entry; an edited bundled entry becomes your own"))
        self.delete_button.setToolTip(self.tr("Delete your own entry (bundled entries cannot be deleted)"))

        filters = QHBoxLayout()
        filters.addWidget(self.field, 3)
        filters.addWidget(self.category, 2)
        top = QWidget()
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        top_layout.addLayout(filters)
        top_layout.addWidget(self.list, 1)
        top_layout.addWidget(self.count_label)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(scroll)
        self.splitter.setSizes([300, 400])
        # the buttons wrap on a narrow panel instead of widening it; the flow layout belongs to
        # a widget of its own (a Python layout must have its owner from the start)
        self.button_row = QWidget()
        buttons = FlowLayout(self.button_row, spacing=6)
        for button in (self.add_button, self.edit_button, self.delete_button, self.export_button, self.import_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.button_row)
        self.proxy.sort(0)
        self._show_nothing()

    # --- state ---------------------------------------------------------------------------
    @property
    def current_entry(self) -> Entry | None:
        return self.card.entry

    def set_texts(self, text_ids: tuple[int, ...]) -> None:
        """The texts open in the reader (both sides of a pair): where occurrences are listed."""
        self._text_ids = tuple(text_ids)
        if self.card.entry is not None:
            self._show_occurrences(self.card.entry)

    def refresh(self) -> None:
        """Reload the glossary (after a change), keeping the entry shown when it still exists."""
        shown = self.card.entry.id if self.card.entry is not None else None
        self.model.reload()
        self.proxy.sort(0)
        if shown is not None and self.model.entry(shown) is not None:
            self.show_entry(shown)
        else:
            self._show_nothing()

    def show_entry(self, entry_id: str) -> bool:
        """Select and show an entry (clearing filters that hide it)."""
        self.model.ensure_loaded()
        row = self.model.row_of(entry_id)
        if row is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(row))
        if not index.isValid():
            self.field.clear()
            self.category.setCurrentIndex(0)
            index = self.proxy.mapFromSource(self.model.index(row))
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)
        self._show(self.model.entry_at(row))
        return True

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def _one_match_shown(self) -> None:
        """A filter that leaves one entry shows it: nothing is left to choose."""
        if self.proxy.rowCount() == 1:
            index = self.proxy.index(0, 0)
            entry = index.data(ENTRY_ROLE)
            self.list.setCurrentIndex(index)
            if entry is not None and (self.card.entry is None or self.card.entry.id != entry.id or self.card.isHidden()):
                self._show(entry)

    def _update_count(self) -> None:
        self.count_label.setText(self.tr("{0} of {1} entries").format(self.proxy.rowCount(), self.model.rowCount()))

    def _selection_changed(self, selected: QItemSelection, _deselected: QItemSelection) -> None:
        indexes = selected.indexes()
        if indexes:
            entry = indexes[0].data(ENTRY_ROLE)
            if entry is not None:
                self._show(entry)

    def _show(self, entry: Entry) -> None:
        self.card.show()
        self.card.set_entry(entry)
        self.edit_button.setEnabled(True)
        self.delete_button.setEnabled(self.model.is_user_entry(entry.id))
        self._show_occurrences(entry)

    def _show_nothing(self) -> None:
        self.card.hide()
        self.occurrence_list.clear()
        self.occurrences_label.setText(self.tr("Choose an entry to see it in full."))
        self.edit_button.setEnabled(False)
        self.delete_button.setEnabled(False)
        self._update_count()

    def _show_occurrences(self, entry: Entry) -> None:
        self.occurrence_list.clear()
        if not self._text_ids:
            self.occurrences_label.setText(self.tr("Open a text to see where this term occurs in it."))
            return
        with self._library.sessions() as session:
            found = [o for text_id in self._text_ids for o in occurrences(session, entry.id, text_id=text_id)]
        # One line per sentence, however often the term occurs in it.
        found = list({(o.text_id, o.sentence_position): o for o in reversed(found)}.values())[::-1]
        for occurrence in found:
            item = QListWidgetItem(f"{occurrence.lang.upper()} {occurrence.sentence_position + 1}: {occurrence_snippet(occurrence)}")
            item.setData(OCCURRENCE_ROLE, occurrence)
            item.setToolTip(occurrence.sentence)
            self.occurrence_list.addItem(item)
        if found:
            self.occurrences_label.setText(self.tr("In {0} sentences of the open text (click to go there):").format(len(found)))
        else:
            self.occurrences_label.setText(self.tr("Not found in the open text."))

    def _jump(self, item: QListWidgetItem) -> None:
        occurrence: Occurrence | None = item.data(OCCURRENCE_ROLE)
        if occurrence is not None:
            self.jump_requested.emit(occurrence.text_id, occurrence.lang, occurrence.sentence_position)

    def occurrence_texts(self) -> list[str]:
        return [self.occurrence_list.item(i).text() for i in range(self.occurrence_list.count())]

    # --- the user's entries ----------------------------------------------------------------
    def add_entry(self) -> Entry | None:
        entry = self.ask_entry(None)
        if entry is not None:
            self._save(entry)
        return entry

    def edit_entry(self) -> Entry | None:
        if self.card.entry is None:
            return None
        entry = self.ask_entry(self.card.entry)
        if entry is not None:
            self._save(entry)
        return entry

    def _save(self, entry: Entry) -> None:
        try:
            with self._library.sessions.begin() as session:
                save_user_entry(session, entry)
        except ValueError as exc:
            self.show_message(self.tr("Glossary"), str(exc))
            return
        self.refresh()
        self.show_entry(entry.id)
        self.glossary_changed.emit()

    def delete_entry(self) -> bool:
        entry = self.card.entry
        if entry is None or not self.model.is_user_entry(entry.id):
            return False
        if not self.ask_yes_no(self.tr("Delete entry"), self.tr("Delete your entry “{0}”?").format(entry.headword_en)):
            return False
        with self._library.sessions.begin() as session:
            delete_user_entry(session, entry.id)
        self.refresh()
        self.glossary_changed.emit()
        return True

    def export_entries(self, path: Path | None = None) -> Path | None:
        path = path or self.ask_save_path()
        if path is None:
            return None
        fmt = "csv" if path.suffix.lower() == ".csv" else "json"
        try:
            # the save dialog has asked before replacing an existing file
            write_atomically(path, export_glossary(self.model.glossary, fmt).encode("utf-8"), overwrite=True)
        except ExportWriteError as exc:
            self.show_message(self.tr("Export failed"), str(exc))
            return None
        return path

    def import_entries(self, path: Path | None = None) -> int:
        path = path or self.ask_open_path()
        if path is None:
            return 0
        try:
            with self._library.sessions.begin() as session:
                count = import_glossary(session, path)
        except (GlossaryError, ValueError) as exc:
            self.show_message(self.tr("Import failed"), str(exc))
            return 0
        self.refresh()
        self.glossary_changed.emit()
        self.show_message(self.tr("Glossary"), self.tr("Imported {0} entries as your own.").format(count))
        return count

    # --- dialogs (tests patch these) ---------------------------------------------------------
    def ask_entry(self, entry: Entry | None) -> Entry | None:
        taken = frozenset(e.id for e in self.model.glossary.entries)
        return GlossaryEntryDialog.ask(entry, taken, self)

    def ask_yes_no(self, title: str, text: str) -> bool:
        return ask(self, title, text)

    def show_message(self, title: str, text: str) -> None:
        message(self, title, text)

    def ask_save_path(self) -> Path | None:
        name, _filter = QFileDialog.getSaveFileName(self, self.tr("Export the glossary"), "glossary.json",
                                                    self.tr("JSON (*.json);;CSV (*.csv)"))
        return Path(name) if name else None

    def ask_open_path(self) -> Path | None:
        name, _filter = QFileDialog.getOpenFileName(self, self.tr("Import glossary entries"), "",
                                                    self.tr("Glossary files (*.json *.csv)"))
        return Path(name) if name else None


__all__ = ["GlossaryPanel", "occurrence_snippet"]
