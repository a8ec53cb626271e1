"""The library as a tree for the side panel: works, and under each its texts."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from db.dto import TextInfo, WorkInfo
from db.services.people import NameDisplay

TEXT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
WORK_ID_ROLE = Qt.ItemDataRole.UserRole + 2

LANGUAGE_NAMES = {"ru": "Russian", "en": "English"}


# Strings translated through ``_tr``, marked for pyside6-lupdate.
_MARKED = (
    QT_TRANSLATE_NOOP("LibraryModel", "Title"),
    QT_TRANSLATE_NOOP("LibraryModel", "Author"),
    QT_TRANSLATE_NOOP("LibraryModel", "Language"),
    QT_TRANSLATE_NOOP("LibraryModel", "Kind"),
    QT_TRANSLATE_NOOP("LibraryModel", "Sentences"),
    QT_TRANSLATE_NOOP("LibraryModel", "Alignment"),
    QT_TRANSLATE_NOOP("LibraryModel", "Read"),
    QT_TRANSLATE_NOOP("LibraryModel", "Russian"),
    QT_TRANSLATE_NOOP("LibraryModel", "English"),
    QT_TRANSLATE_NOOP("LibraryModel", "original"),
    QT_TRANSLATE_NOOP("LibraryModel", "published translation"),
    QT_TRANSLATE_NOOP("LibraryModel", "working translation"),
    QT_TRANSLATE_NOOP("LibraryModel", "back-translation"),
    QT_TRANSLATE_NOOP("LibraryModel", "{s} sentences"),
    QT_TRANSLATE_NOOP("LibraryModel", "not aligned"),
    QT_TRANSLATE_NOOP("LibraryModel", "aligned"),
    QT_TRANSLATE_NOOP("LibraryModel", "↔ {lang}"),
    QT_TRANSLATE_NOOP("LibraryModel", "{p} paragraphs, {s} sentences, {c} characters"),
    QT_TRANSLATE_NOOP("LibraryModel", "Author: {a}"),
    QT_TRANSLATE_NOOP("LibraryModel", "Translator: {t}"),
    QT_TRANSLATE_NOOP("LibraryModel", "Date: {d}"),
    QT_TRANSLATE_NOOP("LibraryModel", "Source: {s}"),
    QT_TRANSLATE_NOOP("LibraryModel", "Aligned with text {i}"),
)


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryModel", text)


def size_label(info: TextInfo) -> str:
    return f"{info.sentence_count:,}".replace(",", "\u2009")


class LibraryModel(QStandardItemModel):
    COLUMNS = ("Title", "Author", "Language", "Kind", "Sentences", "Alignment", "Read")
    ALIGNMENT_COLUMN = 5
    PROGRESS_COLUMN = 6

    def __init__(self) -> None:
        super().__init__(0, len(self.COLUMNS))
        self.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self._texts: dict[int, TextInfo] = {}
        self._progress: dict[int, float] = {}
        self._names: NameDisplay | None = None

    def set_progress(self, progress: dict[int, float]) -> None:
        """Reading progress (0–1) by text id, shown in the "Read" column."""
        self._progress = dict(progress)
        for r in range(self.rowCount()):
            work = self.item(r, 0)
            for c in range(work.rowCount()):
                text_id = work.child(c, 0).data(TEXT_ID_ROLE)
                work.child(c, self.PROGRESS_COLUMN).setText(self._progress_label(text_id))

    def _progress_label(self, text_id: int) -> str:
        value = self._progress.get(text_id)
        return "" if value is None else f"{round(value * 100)} %"

    def _alignment_label(self, info: TextInfo) -> str:
        if info.aligned_with is None:
            return _tr("not aligned")
        partner = self._texts.get(info.aligned_with)
        lang = LANGUAGE_NAMES.get(partner.lang, "") if partner else ""
        return _tr("↔ {lang}").format(lang=_tr(lang)) if lang else _tr("aligned")

    def text_info(self, text_id: int) -> TextInfo | None:
        return self._texts.get(text_id)

    def set_works(self, works: list[WorkInfo], names: NameDisplay | None = None) -> None:
        """The works and their texts; ``names`` writes every person in one form (``db.services.people``)."""
        self.removeRows(0, self.rowCount())
        self._texts.clear()
        self._names = names
        self._texts = {info.id: info for work in works for info in work.texts}
        bold = QFont()
        bold.setBold(True)
        for work in works:
            author = names.work_author(work) if names is not None else work.author
            heading = f"{work.title} — {author}" if author else work.title
            work_item = QStandardItem(heading)
            work_item.setFont(bold)
            work_item.setData(work.id, WORK_ID_ROLE)
            work_item.setEditable(False)
            work_item.setToolTip(heading)
            row = [work_item] + [self._blank() for _ in range(len(self.COLUMNS) - 1)]
            for info in work.texts:
                work_item.appendRow(self._text_row(info))
            self.appendRow(row)

    @staticmethod
    def _blank() -> QStandardItem:
        item = QStandardItem("")
        item.setEditable(False)
        return item

    def _text_row(self, info: TextInfo) -> list[QStandardItem]:
        cells = [
            info.title,
            self._names.author(info) if self._names is not None else info.author,
            info.lang.upper(),  # "RU", "EN": narrow, as on the reader's buttons; the tooltip says it in full
            _tr(info.kind_label),
            size_label(info),
            self._alignment_label(info),
            self._progress_label(info.id),
        ]
        items = []
        for value in cells:
            item = QStandardItem(value)
            item.setEditable(False)
            item.setData(info.id, TEXT_ID_ROLE)
            item.setToolTip(self._tooltip(info))
            items.append(item)
        return items

    def _tooltip(self, info: TextInfo) -> str:
        lines = [info.title, f"{_tr(LANGUAGE_NAMES.get(info.lang, info.lang))} · {_tr(info.kind_label)}",
                 _tr("{p} paragraphs, {s} sentences, {c} characters").format(
                     p=info.paragraph_count, s=info.sentence_count, c=info.char_count)]
        author = self._names.author(info) if self._names is not None else info.author
        translator = self._names.translator(info) if self._names is not None else info.translator
        if author:
            lines.append(_tr("Author: {a}").format(a=author))
        if translator:
            lines.append(_tr("Translator: {t}").format(t=translator))
        if info.date:
            lines.append(_tr("Date: {d}").format(d=info.date))
        if info.source:
            lines.append(_tr("Source: {s}").format(s=info.source))
        if info.aligned_with:
            lines.append(_tr("Aligned with text {i}").format(i=info.aligned_with))
        return "\n".join(lines)
