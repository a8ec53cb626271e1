"""The library as a tree for the side panel: works, and under each its texts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from db.dto import TextInfo, WorkInfo

TEXT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
WORK_ID_ROLE = Qt.ItemDataRole.UserRole + 2

LANGUAGE_NAMES = {"ru": "Russian", "en": "English"}


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryModel", text)


def size_label(info: TextInfo) -> str:
    return _tr("{s} sentences").format(s=info.sentence_count)


class LibraryModel(QStandardItemModel):
    COLUMNS = ("Title", "Author", "Language", "Kind", "Size")

    def __init__(self) -> None:
        super().__init__(0, len(self.COLUMNS))
        self.setHorizontalHeaderLabels([_tr(c) for c in self.COLUMNS])
        self._texts: dict[int, TextInfo] = {}

    def text_info(self, text_id: int) -> TextInfo | None:
        return self._texts.get(text_id)

    def set_works(self, works: list[WorkInfo]) -> None:
        self.removeRows(0, self.rowCount())
        self._texts.clear()
        bold = QFont()
        bold.setBold(True)
        for work in works:
            heading = f"{work.title} — {work.author}" if work.author else work.title
            work_item = QStandardItem(heading)
            work_item.setFont(bold)
            work_item.setData(work.id, WORK_ID_ROLE)
            work_item.setEditable(False)
            work_item.setToolTip(heading)
            row = [work_item] + [self._blank() for _ in range(len(self.COLUMNS) - 1)]
            for info in work.texts:
                self._texts[info.id] = info
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
            info.author,
            _tr(LANGUAGE_NAMES.get(info.lang, info.lang)),
            _tr(info.kind_label),
            size_label(info),
        ]
        items = []
        for value in cells:
            item = QStandardItem(value)
            item.setEditable(False)
            item.setData(info.id, TEXT_ID_ROLE)
            item.setToolTip(self._tooltip(info))
            items.append(item)
        return items

    @staticmethod
    def _tooltip(info: TextInfo) -> str:
        lines = [info.title, _tr("{p} paragraphs, {s} sentences, {c} characters").format(
            p=info.paragraph_count, s=info.sentence_count, c=info.char_count)]
        if info.author:
            lines.append(_tr("Author: {a}").format(a=info.author))
        if info.translator:
            lines.append(_tr("Translator: {t}").format(t=info.translator))
        if info.date:
            lines.append(_tr("Date: {d}").format(d=info.date))
        if info.source:
            lines.append(_tr("Source: {s}").format(s=info.source))
        if info.aligned_with:
            lines.append(_tr("Aligned with text {i}").format(i=info.aligned_with))
        return "\n".join(lines)
