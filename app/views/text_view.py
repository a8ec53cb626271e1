"""A plain view of one text: its provenance, then its paragraphs and sentences.

Sentences are told apart by a faint alternating background; headings are
set larger; passages in the other language are tinted.  Text is inserted as
plain text (never parsed as markup).  The side-by-side reader replaces this
view for aligned pairs.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QTextBlockFormat, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextBrowser, QWidget

from db.dto import ParagraphView, TextInfo

_SENTENCE_TINTS = (QColor(0, 0, 0, 0), QColor(90, 120, 200, 28))
_FOREIGN_TINT = QColor(160, 100, 20)
_BANNER_BG = QColor(255, 236, 179)
_HEADING_SIZES = {1: 1.5, 2: 1.25, 3: 1.1}


class TextView(QTextBrowser):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setReadOnly(True)
        self.setPlaceholderText(self.tr("Choose a text in the library to read it."))
        self.document().setDocumentMargin(24)
        self._text_id: int | None = None

    @property
    def text_id(self) -> int | None:
        return self._text_id

    def clear_text(self) -> None:
        self._text_id = None
        self.clear()

    def show_text(self, info: TextInfo, paragraphs: list[ParagraphView]) -> None:
        self._text_id = info.id
        doc = QTextDocument(self)
        doc.setDocumentMargin(24)
        doc.setDefaultFont(self.font())
        cursor = QTextCursor(doc)
        base_size = self.font().pointSizeF() if self.font().pointSizeF() > 0 else 11.0
        self._write_header(cursor, info, base_size)
        for p in paragraphs:
            self._write_paragraph(cursor, p, info.lang, base_size)
        self.setDocument(doc)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _write_header(self, cursor: QTextCursor, info: TextInfo, base: float) -> None:
        title = QTextCharFormat()
        title.setFontPointSize(base * 1.6)
        title.setFontWeight(QFont.Weight.Bold)
        cursor.setBlockFormat(QTextBlockFormat())
        cursor.insertText(info.title, title)
        meta = QTextCharFormat()
        meta.setForeground(self.palette().placeholderText())
        parts = [p for p in (info.author, info.kind_label, info.date) if p]
        if info.translator:
            parts.append(self.tr("translated by {0}").format(info.translator))
        cursor.insertBlock()
        cursor.insertText(" · ".join(parts), meta)
        for label, value in ((self.tr("Source"), info.source), (self.tr("Rights"), info.rights)):
            if value:
                cursor.insertBlock()
                cursor.insertText(f"{label}: {value}", meta)
        if info.written_by_project:
            banner = QTextBlockFormat()
            banner.setBackground(_BANNER_BG)
            banner.setTopMargin(8)
            cursor.insertBlock(banner)
            warn = QTextCharFormat()
            warn.setFontWeight(QFont.Weight.Bold)
            warn.setForeground(QColor(60, 40, 0))
            cursor.insertText(self._project_label(info), warn)
        spacer = QTextBlockFormat()
        spacer.setBottomMargin(12)
        cursor.insertBlock(spacer)

    def _project_label(self, info: TextInfo) -> str:
        if info.kind == "back_translation":
            return self.tr(
                "Reconstruction: this Russian text was written by Sverka's editors from the English "
                "translation. It is not the author's words and must not be quoted as such. / "
                "Реконструкция: обратный перевод с английского, выполненный редакцией Sverka; "
                "это не подлинный текст автора, цитировать его как таковой нельзя."
            )
        return self.tr(
            "Working translation by Sverka's editors, not a published translation. / "
            "Рабочий перевод редакции Sverka, а не опубликованный перевод."
        )

    def _write_paragraph(self, cursor: QTextCursor, p: ParagraphView, text_lang: str, base: float) -> None:
        block = QTextBlockFormat()
        block.setBottomMargin(8)
        if p.kind == "heading":
            block.setTopMargin(14)
        if p.kind == "note":
            block.setLeftMargin(24)
        cursor.insertBlock(block)
        fmt = QTextCharFormat()
        if p.kind == "heading":
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setFontPointSize(base * _HEADING_SIZES.get(p.level, 1.1))
        elif p.kind == "note":
            fmt.setFontPointSize(base * 0.9)
        if p.lang and p.lang != text_lang:
            fmt.setForeground(_FOREIGN_TINT)
            fmt.setToolTip(self.tr("Passage in Russian") if p.lang == "ru" else self.tr("Passage in English"))
        if not p.sentences:
            cursor.insertText(p.text, fmt)
            return
        cursor_pos = 0
        for i, s in enumerate(p.sentences):
            if s.start > cursor_pos:
                cursor.insertText(p.text[cursor_pos : s.start], fmt)
            sentence_fmt = QTextCharFormat(fmt)
            sentence_fmt.setBackground(_SENTENCE_TINTS[i % 2])
            if not sentence_fmt.toolTip():
                sentence_fmt.setToolTip(self.tr("Sentence {0}").format(s.position + 1))
            cursor.insertText(p.text[s.start : s.end], sentence_fmt)
            cursor_pos = s.end
        if cursor_pos < len(p.text):
            cursor.insertText(p.text[cursor_pos:], fmt)

    def sizeHint(self):  # noqa: N802 - Qt override
        hint = super().sizeHint()
        hint.setWidth(max(hint.width(), 640))
        return hint


__all__ = ["TextView", "Qt"]
