"""The dialog for adding or editing the user's own glossary entry.

Lists (English variants, Russian forms, related entries) are typed separated
by semicolons.  The transliteration follows the first Russian form until the
user edits it.  The result is an ``Entry`` marked as the user's; storing it is
the caller's job (``db.services.glossary.save_user_entry``).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from alignment.glossary.entries import CATEGORIES, Entry, transliterate
from db.services.glossary import USER_SOURCE, new_user_entry


def _split(text: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in text.split(";") if part.strip())


class GlossaryEntryDialog(QDialog):
    """Add a new entry (``entry`` None) or edit one; ``taken_ids`` keeps a new entry's id unique."""

    def __init__(self, entry: Entry | None, taken_ids: frozenset[str] = frozenset(), parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._original = entry
        self._taken = taken_ids
        self.setWindowTitle(self.tr("Edit glossary entry") if entry else self.tr("New glossary entry"))
        self.setMinimumWidth(520)
        self.headword = QLineEdit()
        self.variants = QLineEdit()
        self.variants.setPlaceholderText(self.tr("kolkhozes; kolkhozy"))
        self.forms_ru = QLineEdit()
        self.forms_ru.setPlaceholderText(self.tr("колхоз; коллективное хозяйство"))
        self.translit = QLineEdit()
        self.category = QComboBox()
        for name in CATEGORIES:
            self.category.addItem(name, name)
        self.dates = QLineEdit()
        self.definition = QPlainTextEdit()
        self.definition.setTabChangesFocus(True)
        self.definition.setMinimumHeight(90)
        self.biography = QPlainTextEdit()
        self.biography.setTabChangesFocus(True)
        self.biography.setMaximumHeight(70)
        self.related = QLineEdit()
        self.related.setPlaceholderText(self.tr("ids of other entries: sovkhoz; wholesale-collectivization"))
        form = QFormLayout()
        form.addRow(self.tr("English headword:"), self.headword)
        form.addRow(self.tr("Other English forms:"), self.variants)
        form.addRow(self.tr("Russian forms:"), self.forms_ru)
        form.addRow(self.tr("Transliteration:"), self.translit)
        form.addRow(self.tr("Category:"), self.category)
        form.addRow(self.tr("Dates:"), self.dates)
        form.addRow(self.tr("Definition:"), self.definition)
        form.addRow(self.tr("Biography:"), self.biography)
        form.addRow(self.tr("Related entries:"), self.related)
        note = QLabel(self.tr("Separate several forms with semicolons. Inflected forms are found by themselves. "
                              "Your entries are kept when the bundled glossary is updated."))
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.buttons)
        self._auto_translit = True
        self.forms_ru.textChanged.connect(self._follow_russian)
        self.translit.textEdited.connect(lambda _t: setattr(self, "_auto_translit", False))
        self.headword.textChanged.connect(self._validate)
        if entry is not None:
            self._fill(entry)
        self._validate()

    def _fill(self, entry: Entry) -> None:
        self.headword.setText(entry.headword_en)
        self.variants.setText("; ".join(entry.variants_en))
        self.forms_ru.setText("; ".join(entry.forms_ru))
        self.translit.setText(entry.translit)
        self._auto_translit = not entry.translit or entry.translit == transliterate(entry.forms_ru[0] if entry.forms_ru else "")
        index = self.category.findData(entry.category)
        self.category.setCurrentIndex(index if index >= 0 else self.category.count() - 1)
        self.dates.setText(entry.dates)
        self.definition.setPlainText(entry.definition)
        self.biography.setPlainText(entry.biography)
        self.related.setText("; ".join(entry.related))

    def _follow_russian(self, text: str) -> None:
        if self._auto_translit:
            forms = _split(text)
            self.translit.setText(transliterate(forms[0]) if forms else "")

    def _validate(self) -> None:
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(self.headword.text().strip()))

    def entry(self) -> Entry:
        """The entry as filled in, marked as the user's."""
        base = self._original or new_user_entry(self.headword.text(), forms_ru=_split(self.forms_ru.text()))
        entry_id = base.id
        if self._original is None:
            n = 2
            while entry_id in self._taken:
                entry_id, n = f"{base.id}-{n}", n + 1
        return replace(
            base,
            id=entry_id,
            headword_en=self.headword.text().strip(),
            variants_en=_split(self.variants.text()),
            forms_ru=_split(self.forms_ru.text()),
            translit=self.translit.text().strip(),
            category=str(self.category.currentData()),
            definition=self.definition.toPlainText().strip(),
            dates=self.dates.text().strip(),
            biography=self.biography.toPlainText().strip(),
            related=_split(self.related.text()),
            source=USER_SOURCE,
            written_by_project=False,
        )

    @classmethod
    def ask(cls, entry: Entry | None, taken_ids: frozenset[str], parent: QWidget | None = None) -> Entry | None:
        dialog = cls(entry, taken_ids, parent)
        return dialog.entry() if dialog.exec() == QDialog.DialogCode.Accepted else None
