"""The glossary as item models: every entry (bundled and the user's) and a filtered view of them.

``GlossaryModel`` holds the glossary in force (``db.services.glossary.library_glossary``)
and which entries are the user's; the popup and the glossary panel share one.
``GlossaryFilterModel`` narrows it to what the user typed (either language, the
transliteration, or an inflected form the glossary resolves) and a category.
"""

from __future__ import annotations

import logging
import re
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from alignment.glossary.entries import Entry, Glossary
from db.engine import Library
from db.services.glossary import USER_SOURCE, library_glossary, user_entry_ids

log = logging.getLogger(__name__)

ENTRY_ROLE = Qt.ItemDataRole.UserRole + 30
USER_CATEGORY = "__user__"  # the category filter's "your entries"

Index = QModelIndex | QPersistentModelIndex


def entry_label(entry: Entry) -> str:
    """One line naming an entry: "kolkhoz — колхоз"."""
    return f"{entry.headword_en} — {entry.forms_ru[0]}" if entry.forms_ru else entry.headword_en


def entry_matches(entry: Entry, needle: str) -> bool:
    """Whether the folded ``needle`` begins a word of any name of the entry (either language):
    «Орг» finds Оргбюро, not Георгий, whose name only contains the letters."""
    names = (entry.headword_en, entry.translit, entry.id, *entry.variants_en, *entry.forms_ru, *entry.unmarked_forms)
    at_word = re.compile(r"(?:^|[^\w])" + re.escape(needle))
    return any(at_word.search(name.casefold().replace("ё", "е")) for name in names)


class GlossaryModel(QAbstractListModel):
    """All entries of the glossary in force, sorted by headword."""

    def __init__(self, library: Library, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._glossary = Glossary(())
        self._entries: list[Entry] = []
        self._user_ids: set[str] = set()

    @property
    def glossary(self) -> Glossary:
        return self._glossary

    def reload(self) -> None:
        """Read the glossary again (after the user added, edited or imported entries)."""
        with self._library.sessions() as session:
            glossary = library_glossary(session)
            user_ids = user_entry_ids(session)
        self.beginResetModel()
        self._glossary = glossary
        self._user_ids = user_ids
        self._entries = sorted(glossary.entries, key=lambda e: e.headword_en.casefold())
        self.endResetModel()
        log.debug("glossary model: %d entries, %d the user's", len(self._entries), len(user_ids))

    def ensure_loaded(self) -> None:
        if not self._entries:
            self.reload()

    def entry(self, entry_id: str) -> Entry | None:
        self.ensure_loaded()
        return self._glossary.get(entry_id)

    def is_user_entry(self, entry_id: str) -> bool:
        entry = self._glossary.get(entry_id)
        return entry_id in self._user_ids or (entry is not None and entry.source == USER_SOURCE)

    def row_of(self, entry_id: str) -> int | None:
        for i, entry in enumerate(self._entries):
            if entry.id == entry_id:
                return i
        return None

    def entry_at(self, row: int) -> Entry:
        return self._entries[row]

    # --- Qt model ------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._entries)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        entry = self._entries[index.row()]
        if role == ENTRY_ROLE:
            return entry
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            return entry_label(entry)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{entry.category} · {entry.source}"
        return None


class GlossaryFilterModel(QSortFilterProxyModel):
    """Entries matching a typed text (substring of any name, or an inflected form) and a category."""

    def __init__(self, source: GlossaryModel, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSourceModel(source)
        self._source = source
        self._needle = ""
        self._resolved: str | None = None
        self._category = ""

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self._needle = " ".join(text.split()).casefold().replace("ё", "е")
        self._resolved = None
        if len(self._needle) >= 3:
            # Inflected forms ("колхозами", "Bukharin's") resolve through the glossary's matcher.
            entry = self._source.glossary.resolve(text)
            self._resolved = entry.id if entry is not None else None
        self.endFilterChange()

    def set_category(self, category: str) -> None:
        """``""`` for all, a category name, or ``USER_CATEGORY`` for the user's entries."""
        self.beginFilterChange()
        self._category = category
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        entry = self._source.entry_at(source_row)
        if self._category == USER_CATEGORY:
            if not self._source.is_user_entry(entry.id):
                return False
        elif self._category and entry.category != self._category:
            return False
        if not self._needle:
            return True
        return entry.id == self._resolved or entry_matches(entry, self._needle)
