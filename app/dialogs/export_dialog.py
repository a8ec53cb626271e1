"""The Export dialog: what to export (the selected beads, one bookmark, every bookmark
with a tag, a whole aligned text) and in which format.

The dialog only collects the choice as an ``ExportRequest``; the window asks
for the file, checks overwriting and runs the export in the background.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QRadioButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from app.plaintext import PlainLabel
from db.dto import BookmarkInfo, TextInfo

FORMATS: tuple[tuple[str, str], ...] = (
    ("tmx", "TMX — translation memory"),
    ("tsv", "TSV — tab-separated table"),
    ("csv", "CSV — spreadsheet table"),
    ("html", "HTML — web page"),
    ("md", "Markdown"),
    ("txt", "Plain text"),
    ("pdf", "PDF"),
    ("docx", "Word document (DOCX)"),
)
# Format labels translated through ``self.tr``, marked for pyside6-lupdate.
_MARKED = (
    QT_TRANSLATE_NOOP("ExportDialog", "TMX — translation memory"),
    QT_TRANSLATE_NOOP("ExportDialog", "TSV — tab-separated table"),
    QT_TRANSLATE_NOOP("ExportDialog", "CSV — spreadsheet table"),
    QT_TRANSLATE_NOOP("ExportDialog", "HTML — web page"),
    QT_TRANSLATE_NOOP("ExportDialog", "Markdown"),
    QT_TRANSLATE_NOOP("ExportDialog", "Plain text"),
    QT_TRANSLATE_NOOP("ExportDialog", "PDF"),
    QT_TRANSLATE_NOOP("ExportDialog", "Word document (DOCX)"),
)
FILE_FILTERS = {
    "tmx": "TMX (*.tmx)",
    "tsv": "TSV (*.tsv)",
    "csv": "CSV (*.csv)",
    "html": "HTML (*.html *.htm)",
    "md": "Markdown (*.md)",
    "txt": "Text (*.txt)",
    "pdf": "PDF (*.pdf)",
    "docx": "Word (*.docx)",
}


MAX_WIDTH = 720  # fits a 1024-pixel screen with room to spare
COMBO_CHARACTERS = 40


def _elide_items(combo: QComboBox) -> None:
    """Long titles must not widen the dialog: the combo is sized for ``COMBO_CHARACTERS``
    characters and elides, and each item's full text is its tooltip."""
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(COMBO_CHARACTERS)
    combo.setSizePolicy(QSizePolicy.Policy.Ignored, combo.sizePolicy().verticalPolicy())
    for i in range(combo.count()):
        combo.setItemData(i, combo.itemText(i), Qt.ItemDataRole.ToolTipRole)
    combo.view().setTextElideMode(Qt.TextElideMode.ElideRight)


@dataclass(frozen=True)
class SelectionChoice:
    """Beads ``first..last`` (both included, from 0) selected in the reader's pair."""

    alignment_id: int
    first: int
    last: int
    work_title: str


@dataclass(frozen=True)
class ExportRequest:
    """What to export (``what`` is "selection", "bookmark", "tag" or "text") and the format."""

    what: str
    fmt: str
    alignment_id: int | None = None
    first: int = 0
    last: int = 0
    bookmark_id: int | None = None
    tag: str = ""
    text_id: int | None = None
    title: str = ""
    style: str = "chicago"  # citation style and romanisation: from the settings
    romanisation: str = "strict"


class ExportDialog(QDialog):
    def __init__(
        self,
        *,
        selection: SelectionChoice | None,
        bookmarks: list[BookmarkInfo],
        tags: list[str],
        texts: list[TextInfo],
        current_text_id: int | None = None,
        bookmark_id: int | None = None,
        tag: str = "",
        fmt: str = "html",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Export"))
        self.setMinimumWidth(560)
        self.setMaximumWidth(MAX_WIDTH)
        self._selection = selection
        self._texts = texts
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("What to export:")))
        grid = QGridLayout()
        grid.setColumnStretch(1, 1)
        self.what = QButtonGroup(self)
        self.selection_radio = QRadioButton(self.tr("The selected beads"))
        self.bookmark_radio = QRadioButton(self.tr("One bookmark:"))
        self.tag_radio = QRadioButton(self.tr("All bookmarks with the tag:"))
        self.text_radio = QRadioButton(self.tr("A whole aligned text:"))
        selection_label = PlainLabel(
            self.tr("{0}, beads {1}–{2}").format(selection.work_title, selection.first + 1, selection.last + 1)
            if selection
            else self.tr("(select beads in an aligned pair first)")
        )
        selection_label.setWordWrap(True)
        self.bookmark_combo = QComboBox()
        for b in bookmarks:
            self.bookmark_combo.addItem(f"{b.title} — {b.work_title}" if b.work_title else b.title, b.id)
        self.tag_combo = QComboBox()
        for name in tags:
            self.tag_combo.addItem(name, name)
        self.text_combo = QComboBox()
        for t in texts:
            self.text_combo.addItem(f"{t.work_title or t.title} ({t.lang.upper()}: {t.title})", t.id)
        for combo in (self.bookmark_combo, self.tag_combo, self.text_combo):
            _elide_items(combo)
        for row, (radio, field) in enumerate(
            (
                (self.selection_radio, selection_label),
                (self.bookmark_radio, self.bookmark_combo),
                (self.tag_radio, self.tag_combo),
                (self.text_radio, self.text_combo),
            )
        ):
            self.what.addButton(radio, row)
            grid.addWidget(radio, row, 0)
            grid.addWidget(field, row, 1)
            field.setEnabled(False)
            radio.toggled.connect(field.setEnabled)
        self.selection_radio.setEnabled(selection is not None)
        self.bookmark_radio.setEnabled(bool(bookmarks))
        self.tag_radio.setEnabled(bool(tags))
        self.text_radio.setEnabled(bool(texts))
        layout.addLayout(grid)

        self.format_combo = QComboBox()
        for key, label in FORMATS:
            self.format_combo.addItem(self.tr(label), key)
        self.format_combo.setCurrentIndex(max(0, self.format_combo.findData(fmt)))
        fmt_row = QGridLayout()
        fmt_row.addWidget(QLabel(self.tr("Format:")), 0, 0)
        fmt_row.addWidget(self.format_combo, 0, 1)
        fmt_row.setColumnStretch(1, 1)
        layout.addSpacing(6)
        layout.addLayout(fmt_row)
        note = QLabel(
            self.tr(
                "Every export cites its texts (work, author, date, source, translator, beads) and labels "
                "texts written by Sverka's editors as such."
            )
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export…"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._preselect(bookmark_id, tag, current_text_id)

    def _preselect(self, bookmark_id: int | None, tag: str, current_text_id: int | None) -> None:
        if current_text_id is not None:
            self.text_combo.setCurrentIndex(max(0, self.text_combo.findData(current_text_id)))
        if tag:
            self.tag_combo.setCurrentIndex(max(0, self.tag_combo.findData(tag)))
        if bookmark_id is not None and self.bookmark_combo.findData(bookmark_id) >= 0:
            self.bookmark_combo.setCurrentIndex(self.bookmark_combo.findData(bookmark_id))
            self.bookmark_radio.setChecked(True)
        elif tag and self.tag_radio.isEnabled():
            self.tag_radio.setChecked(True)
        elif self._selection is not None:
            self.selection_radio.setChecked(True)
        elif self.text_radio.isEnabled():
            self.text_radio.setChecked(True)
        elif self.bookmark_radio.isEnabled():
            self.bookmark_radio.setChecked(True)

    def request(self) -> ExportRequest | None:
        fmt = str(self.format_combo.currentData())
        if self.selection_radio.isChecked() and self._selection is not None:
            s = self._selection
            return ExportRequest("selection", fmt, alignment_id=s.alignment_id, first=s.first, last=s.last,
                                 title=f"{s.work_title}, beads {s.first + 1}–{s.last + 1}")
        if self.bookmark_radio.isChecked() and self.bookmark_combo.count():
            return ExportRequest("bookmark", fmt, bookmark_id=int(self.bookmark_combo.currentData()),
                                 title=self.bookmark_combo.currentText().split(" — ")[0])
        if self.tag_radio.isChecked() and self.tag_combo.count():
            tag = str(self.tag_combo.currentData())
            return ExportRequest("tag", fmt, tag=tag, title=f"Bookmarks tagged {tag}")
        if self.text_radio.isChecked() and self.text_combo.count():
            text_id = int(self.text_combo.currentData())
            info = next(t for t in self._texts if t.id == text_id)
            return ExportRequest("text", fmt, text_id=text_id, title=info.work_title or info.title)
        return None

    @classmethod
    def ask(cls, **kwargs: object) -> ExportRequest | None:
        """Show the dialog; the choice, or None if the user cancelled or there is nothing to export."""
        dialog = cls(**kwargs)  # type: ignore[arg-type]
        return dialog.request() if dialog.exec() == QDialog.DialogCode.Accepted else None
