"""The library search panel: a query field and a parallel concordance of hits.

Each hit is painted as a pair: where it was found, the sentence with the
matching words highlighted, and below it its counterpart in the other
language.  Activating a hit asks the window to open the reader there.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPointF, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QPainter, QPalette, QTextCharFormat, QTextLayout, QTextOption
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from app.models.search_model import HIT_ROLE, SearchModel
from app.views.renderings_box import RenderingsBox
from db.engine import Library
from db.services.search import SearchHit, SearchResult, search
from db.services.reading import term_concordance

if TYPE_CHECKING:
    from db.services.renderings import PairRenderings, RenderingCount

_PAD = 10.0


def _layout(text: str, font: QFont, width: float, ranges: list[QTextLayout.FormatRange]) -> tuple[QTextLayout, float]:
    layout = QTextLayout(text, font)
    option = QTextOption()
    option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
    layout.setTextOption(option)
    layout.setFormats(ranges)
    y = 0.0
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        line.setPosition(QPointF(0, y))
        y += line.height()
    layout.endLayout()
    return layout, y


class HitDelegate(QStyledItemDelegate):
    """Paints a hit: source line, the sentence (matches in bold on a tint), its counterpart."""

    def _layouts(self, hit: SearchHit, option: QStyleOptionViewItem) -> list[tuple[QTextLayout, float, str]]:
        width = max(60.0, option.rect.width() - 2 * _PAD) if option.rect.width() > 0 else 300.0
        base = QFont(option.font)
        small = QFont(option.font)
        small.setPointSizeF(max(7.0, base.pointSizeF() * 0.85))
        ranges = []
        for a, b in hit.spans:
            r = QTextLayout.FormatRange()
            fmt = QTextCharFormat()
            fmt.setFontWeight(QFont.Weight.Bold)
            fmt.setBackground(QBrush(QColor(255, 200, 0, 120)))
            r.start, r.length, r.format = a, b - a, fmt
            ranges.append(r)
        source = f"{hit.lang.upper()} · {hit.text_title} · {hit.position + 1}"
        out = [(*_layout(source, small, width, []), "meta"), (*_layout(hit.text, base, width, ranges), "hit")]
        if hit.partner_text:
            marks = []  # a term's rendering in the counterpart ("All occurrences" narrowed to one rendering)
            for a, b in hit.partner_spans:
                r = QTextLayout.FormatRange()
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.DemiBold)
                fmt.setBackground(QBrush(QColor(40, 170, 110, 70)))
                r.start, r.length, r.format = a, b - a, fmt
                marks.append(r)
            out.append((*_layout(hit.partner_text, base, width, marks), "partner"))
        return out

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt override
        hit: SearchHit = index.data(HIT_ROLE)
        opt = QStyleOptionViewItem(option)
        view = self.parent()
        if isinstance(view, QListView):
            opt.rect.setWidth(view.viewport().width())
        height = sum(h for _l, h, _k in self._layouts(hit, opt)) + 2 * _PAD + 4
        return QSize(int(opt.rect.width()), int(height))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        hit: SearchHit = index.data(HIT_ROLE)
        painter.save()
        pal = option.palette
        if option.state & QStyle.StateFlag.State_Selected:
            bg = QColor(pal.color(QPalette.ColorRole.Highlight))
            bg.setAlpha(50)
            painter.fillRect(option.rect, bg)
        painter.setPen(QColor(pal.color(QPalette.ColorRole.Mid)))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        y = option.rect.top() + _PAD
        for layout, h, kind in self._layouts(hit, option):
            color = pal.color(QPalette.ColorRole.PlaceholderText) if kind != "hit" else pal.color(QPalette.ColorRole.Text)
            painter.setPen(color)
            layout.draw(painter, QPointF(option.rect.left() + _PAD, y))
            y += h + (2 if kind == "hit" else 0)
        painter.restore()


class SearchPanel(QWidget):
    """Full-text search over the whole library; ``open_hit`` asks to read a hit."""

    open_hit = Signal(object)  # SearchHit
    results_shown = Signal(object)  # SearchResult: the hits now listed (the translation map marks them)

    def __init__(self, library: Library, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Search the library (Russian or English)"))
        self.field.setClearButtonEnabled(True)
        self.summary = QLabel()
        self.summary.setObjectName("searchSummary")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        self.renderings = RenderingsBox()
        self.renderings.chosen.connect(self._rendering_chosen)
        self._term: tuple[str, str] | None = None  # the entry whose occurrences are shown: id, headword
        self.model = SearchModel(self)
        self.results = QListView()
        self.results.setModel(self.model)
        self.results.setItemDelegate(HitDelegate(self.results))
        self.results.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.results.setResizeMode(QListView.ResizeMode.Adjust)
        self.results.setWordWrap(True)
        self.results.activated.connect(self._activated)
        self.results.clicked.connect(self._activated)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addWidget(self.field)
        layout.addWidget(self.summary)
        layout.addWidget(self.renderings)
        layout.addWidget(self.results, 1)
        self._typing = QTimer(self, singleShot=True, interval=250)
        self._typing.timeout.connect(self.run_search)
        self.field.textChanged.connect(lambda _t: self._typing.start())
        self.field.returnPressed.connect(self.run_search)
        self.last_ms = 0.0

    def run_search(self, query: str | None = None) -> int:
        """Search now (``query`` or the field's text); returns the number of hits shown."""
        self._typing.stop()
        self._term = None
        self.renderings.set_renderings([])
        if query is not None and query != self.field.text():
            self.field.blockSignals(True)
            self.field.setText(query)
            self.field.blockSignals(False)
        started = time.perf_counter()
        with self._library.sessions() as session:
            result = search(session, self.field.text())
        self.last_ms = (time.perf_counter() - started) * 1000
        self._show_result(result)
        if not self.field.text().strip():
            self.summary.setText("")
        elif result.total == 0:
            self.summary.setText(self.tr("Nothing found."))
        elif result.truncated:
            self.summary.setText(self.tr("{0} sentences found; the first {1} are shown.").format(result.total, len(result.hits)))
        else:
            self.summary.setText(self.tr("{0} sentences found.").format(result.total))
        return len(result.hits)

    def show_occurrences(self, entry_id: str, headword: str) -> int:
        """Show where a glossary entry occurs, as parallel pairs (the term's concordance)."""
        self._typing.stop()
        self.field.blockSignals(True)
        self.field.clear()
        self.field.blockSignals(False)
        from db.services.renderings import entry_renderings  # the word table's modules: not at start-up

        with self._library.sessions() as session:
            result = term_concordance(session, entry_id)
            pairs = entry_renderings(session, entry_id)
        self._term = (entry_id, headword)
        self.renderings.set_renderings(pairs)
        self._show_all(result)
        return len(result.hits)

    def _show_all(self, result: SearchResult) -> None:
        headword = self._term[1] if self._term else ""
        self._show_result(result)
        if result.truncated:
            self.summary.setText(self.tr("Glossary term “{0}”: {1} sentences; the first {2} are shown.").format(
                headword, result.total, len(result.hits)))
        else:
            self.summary.setText(self.tr("Glossary term “{0}”: {1} sentences.").format(headword, result.total))

    def _rendering_chosen(self, choice: tuple[PairRenderings, RenderingCount] | None) -> None:
        """Only the occurrences behind one rendering (or all of them again)."""
        if self._term is None:
            return
        from db.services.renderings import rendering_concordance

        entry_id, headword = self._term
        with self._library.sessions() as session:
            if choice is None:
                self._show_all(term_concordance(session, entry_id))
                return
            result = rendering_concordance(session, entry_id, *choice)
        self._show_result(result)
        rendering = choice[1]
        if rendering.rendering is None:
            self.summary.setText(self.tr("Glossary term “{0}”, not rendered in the translation: {1} sentences.").format(
                headword, result.total))
        else:
            self.summary.setText(self.tr("Glossary term “{0}” rendered as “{1}”: {2} sentences.").format(
                headword, rendering.rendering, result.total))

    def _show_result(self, result: SearchResult) -> None:
        """New results start at their first hit: the list's scroll position belongs to the old ones."""
        self.model.set_result(result)
        self.results.scrollToTop()  # (no layout forced here: that would measure every hit, ~30 ms)
        self.results_shown.emit(result)

    def focus_field(self) -> None:
        self.field.setFocus()
        self.field.selectAll()

    def _activated(self, index: QModelIndex) -> None:
        hit = index.data(HIT_ROLE)
        if hit is not None:
            self.open_hit.emit(hit)


__all__ = ["HitDelegate", "SearchPanel", "QRectF", "QFontMetricsF"]
