"""Laying out and painting the reader's rows (one ``QTextLayout`` per row side).

The renderer turns a ``ReaderRow`` into one laid-out text per language (note
calls inserted as superscripts, headings and notes formatted through format
ranges), caches the layouts in a bounded LRU keyed by (row key, language) for
the current width and style generation, remembers every exact height it has
measured, and estimates the heights of rows it has not laid out yet from
their character counts (Lokalize's fast size hint).  Highlights and find
matches are drawn as selections at paint time, so they never cost a new
layout.
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field

import numpy as np

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPalette,
    QPen,
    QTextCharFormat,
    QTextLayout,
    QTextLine,
    QTextOption,
)

from db.services.reading import ReaderRow, Segment

MODES = ("side_by_side", "interlinear", "ru", "en")
LINE_SEPARATOR = "\u2028"
HEADING_SCALE = {0: 1.35, 1: 1.35, 2: 1.2}
NOTE_SCALE = 0.86
MAX_COLUMN_PX = 720.0
MAX_SINGLE_COLUMN_PX = 780.0
LAYOUT_CACHE_SIZE = 500  # about 20 screens back; each layout holds its glyphs (~20 KB): 3000 kept a whole book (+60 MB)
REVIEW_COLOURS = {"unsure": "#e0a020", "confirmed": "#3a9a4a", "edited": "#3f74c9"}


@dataclass(frozen=True)
class ReaderStyle:
    """Everything that changes how rows are laid out."""

    ru_font: QFont
    en_font: QFont
    line_spacing: float = 1.25
    mode: str = "side_by_side"
    swapped: bool = False
    scale: float = 1.0
    max_column: float = MAX_COLUMN_PX  # the widest a column grows (side by side; one column may be a little wider)
    margin: float = 28.0  # room left and right of the text

    def font(self, lang: str) -> QFont:
        return self.ru_font if lang == "ru" else self.en_font


@dataclass(frozen=True)
class Column:
    lang: str
    x: float
    width: float


@dataclass(eq=False)
class SideLayout:
    """One side of a row laid out: the layout, its height, and where each sentence is."""

    layout: QTextLayout
    height: float
    spans: dict[int, tuple[int, int]] = field(default_factory=dict)
    inserted: dict[int, tuple[tuple[int, int], ...]] = field(default_factory=dict)
    calls: tuple[tuple[int, int, int, str, str | None], ...] = ()  # layout start, end, sentence position, label, key
    page_marks: tuple[tuple[int, str], ...] = ()  # layout offset where a printed page begins, its label

    def layout_offset(self, position: int, offset: int) -> int:
        """Offset in the layout of character ``offset`` of sentence ``position``."""
        start = self.spans[position][0]
        shift = sum(n for at, n in self.inserted.get(position, ()) if at <= offset)
        return start + offset + shift

    def position_at(self, point: QPointF) -> int | None:
        """The sentence under ``point`` (relative to the layout's origin)."""
        for i in range(self.layout.lineCount()):
            line = self.layout.lineAt(i)
            if line.y() <= point.y() < line.y() + line.height():
                cursor = line.xToCursor(point.x())
                for position, (a, b) in self.spans.items():
                    if a <= cursor <= b:
                        return position
        return None


@dataclass(frozen=True)
class RowPaintState:
    """What to highlight in one row while painting it."""

    current: bool = False
    sentences: frozenset[tuple[str, int]] = frozenset()
    matches: tuple[tuple[str, int, int, int, bool], ...] = ()  # lang, position, start, end, is_current
    selected: bool = False  # inside a bead-range selection
    marks: tuple[str, ...] = ()  # colours (#rrggbb) of the bookmarks covering the row
    marks_joined: bool = False  # the row above carries the same marks: draw them as one block
    review: bool = False  # review mode: tint by the bead's confidence and status
    focused: bool = False  # the reader has the keyboard: the cursor row gets a visible outline
    # A term and its rendering in the counterpart (hovered): (kind, lang, position, start, end) with
    # kind "term" or "rendering"; ``unrendered`` names the language that has no rendering of it.
    links: tuple[tuple[str, str, int, int, int], ...] = ()
    unrendered: str | None = None


@dataclass(frozen=True)
class TermLinks:
    """A glossary term of row ``row`` and where the other language renders it (see ``RowPaintState.links``)."""

    row: int
    links: tuple[tuple[str, str, int, int, int], ...]
    unrendered: str | None = None

    def spans(self, kind: str) -> list[tuple[str, int, int, int]]:
        """(lang, sentence position, start, end) of the links of one kind: "term" or "rendering"."""
        return [(lang, position, a, b) for k, lang, position, a, b in self.links if k == kind]


@dataclass
class _Composed:
    text: str
    spans: list[tuple[int, int, Segment]]
    inserted: dict[int, tuple[tuple[int, int], ...]]
    calls: list[tuple[int, int, int, str, str | None]]  # layout start, length, sentence position, label, key
    labels: list[tuple[int, int]]  # a note's own label (start, length)
    page_marks: list[tuple[int, str]]


def _compose(segments: tuple[Segment, ...]) -> _Composed:
    """Layout text of one side: sentence spans, inserted note labels, note call ranges and page marks."""
    parts: list[str] = []
    spans: list[tuple[int, int, Segment]] = []
    inserted: dict[int, tuple[tuple[int, int], ...]] = {}
    calls: list[tuple[int, int, int, str, str | None]] = []
    labels: list[tuple[int, int]] = []
    marks: list[tuple[int, str]] = []
    at = 0
    for i, seg in enumerate(segments):
        if i:
            sep = LINE_SEPARATOR if seg.starts_paragraph else " "
            parts.append(sep)
            at += 1
        start = at
        text = seg.text
        ins: list[tuple[int, int]] = []
        if seg.note_label:
            prefix = f"{seg.note_label} "
            parts.append(prefix)
            labels.append((at, len(seg.note_label)))
            at += len(prefix)
            ins.append((0, len(prefix)))
        last = 0
        keys = seg.note_keys or (None,) * len(seg.notes)
        pending_marks = sorted(seg.page_marks)
        for (offset, label), key in sorted(zip(seg.notes, keys), key=lambda c: c[0][0]):
            offset = max(0, min(offset, len(text)))
            parts.append(text[last:offset])
            at += offset - last
            parts.append(label)
            calls.append((at, len(label), seg.position, label, key))
            at += len(label)
            ins.append((offset, len(label)))
            last = offset
        parts.append(text[last:])
        at += len(text) - last
        spans.append((start, at, seg))
        if ins:
            inserted[seg.position] = tuple(ins)
        for offset, label in pending_marks:
            shift = sum(n for o, n in ins if o <= offset) if offset else 0
            marks.append((start + offset + shift, label))
    return _Composed("".join(parts), spans, inserted, calls, labels, marks)


def page_mark_text(label: str) -> str:
    """"p. 45" as the margin and the status bar show a printed page."""
    from PySide6.QtCore import QCoreApplication

    return QCoreApplication.translate("ReaderRenderer", "p. {0}").format(label)


class ReaderRenderer:
    """Lays out, measures and paints rows for a given width and style."""

    def __init__(self, style: ReaderStyle, palette: QPalette) -> None:
        self._style = style
        self._palette = palette
        self._width = 800.0
        self._generation = 0
        self._layouts: OrderedDict[tuple[int, str], SideLayout] = OrderedDict()
        self._heights: dict[int, float] = {}
        self._avg_char: dict[str, float] = {}
        self._line_height: dict[str, float] = {}
        self._show_terms = True
        self._show_pages = True
        self.link_rects: list[tuple[str, str, QRectF]] = []  # what the last paint drew of a term link
        self._measure_fonts()

    # --- configuration -----------------------------------------------------------------
    @property
    def style(self) -> ReaderStyle:
        return self._style

    @property
    def generation(self) -> int:
        return self._generation

    def set_style(self, style: ReaderStyle) -> None:
        self._style = style
        self._measure_fonts()
        self.invalidate()

    def set_palette(self, palette: QPalette) -> None:
        """New colours (a theme change): layouts carry colours in their formats, so they are made again."""
        self._palette = palette
        self._layouts.clear()

    def set_width(self, width: float) -> None:
        if abs(width - self._width) >= 0.5:
            self._width = width
            self.invalidate()

    def invalidate(self) -> None:
        self._generation += 1
        self._layouts.clear()
        self._heights.clear()

    def forget(self, key: int) -> None:
        for lang in ("ru", "en"):
            self._layouts.pop((key, lang), None)
        self._heights.pop(key, None)

    def _measure_fonts(self) -> None:
        sample = "Советская власть and the Soviet state, 1928–1933."
        for lang in ("ru", "en"):
            fm = QFontMetricsF(self._style.font(lang))
            self._avg_char[lang] = max(1.0, fm.horizontalAdvance(sample) / len(sample))
            self._line_height[lang] = fm.height() * self._style.line_spacing

    # --- geometry ------------------------------------------------------------------------
    def visible_langs(self, langs: tuple[str, ...]) -> tuple[str, ...]:
        """Languages shown for an open text with ``langs``, in display order."""
        mode = self._style.mode
        if len(langs) < 2:
            return langs
        if mode in ("ru", "en"):
            return (mode,)
        return ("en", "ru") if self._style.swapped else ("ru", "en")

    def side_by_side(self, langs: tuple[str, ...]) -> bool:
        return self._style.mode == "side_by_side" and len(self.visible_langs(langs)) == 2

    def columns(self, langs: tuple[str, ...]) -> list[Column]:
        shown = self.visible_langs(langs)
        s = self._style.scale
        margin = (self._style.margin + (30.0 if self._show_pages else 0.0)) * s  # room for "p. 123" in the margin
        if self.side_by_side(langs):
            gutter = 40.0 * s
            width = max(80.0, min(self._style.max_column * s, (self._width - 2 * margin - gutter) / 2))
            left = max(margin, (self._width - 2 * width - gutter) / 2)
            return [Column(shown[0], left, width), Column(shown[1], left + width + gutter, width)]
        single = self._style.max_column + (MAX_SINGLE_COLUMN_PX - MAX_COLUMN_PX)
        width = max(80.0, min(single * s, self._width - 2 * margin))
        left = max(margin, (self._width - width) / 2)
        return [Column(lang, left, width) for lang in shown]

    def gap_above(self, starts_paragraph: bool, heading: bool, first_row: bool) -> float:
        line = max(self._line_height.values()) if self._line_height else 16.0
        if first_row:
            return line * 0.6
        if heading:
            return line * 1.2
        if self._style.mode == "interlinear":
            return line * (0.9 if starts_paragraph else 0.55)
        return line * (0.75 if starts_paragraph else 0.22)

    def interlinear_gap(self) -> float:
        return 3.0 * self._style.scale

    def estimate_heights(self, chars: dict[str, np.ndarray], starts: np.ndarray, langs: tuple[str, ...]) -> np.ndarray:
        """Cheap heights for rows not laid out yet, from their character counts.

        ``chars`` maps a language to the characters of every row; ``starts``
        tells which rows begin a paragraph.
        """
        cols = self.columns(langs)
        n = len(starts)
        heights = []
        for col in cols:
            counts = chars.get(col.lang, np.zeros(n))
            per_line = max(1.0, col.width / self._avg_char[col.lang])
            lines = np.ceil(counts / per_line)
            heights.append(lines * self._line_height[col.lang])
        if not heights:
            return np.zeros(n)
        if self.side_by_side(langs):
            body = np.maximum.reduce(heights)
        else:
            body = np.add.reduce(heights) + self.interlinear_gap() * (len(heights) - 1)
        gaps = np.where(starts, self.gap_above(True, False, False), self.gap_above(False, False, False))
        if n:
            gaps[0] = self.gap_above(False, False, True)
        return np.maximum(body + gaps, 1.0)

    def known_height(self, key: int) -> float | None:
        return self._heights.get(key)

    # --- layout --------------------------------------------------------------------------
    def side_layout(self, row: ReaderRow, lang: str, width: float) -> SideLayout:
        cache_key = (row.key, lang)
        cached = self._layouts.get(cache_key)
        if cached is not None:
            self._layouts.move_to_end(cache_key)
            return cached
        made = self._make_layout(row.side(lang), lang, width)
        self._layouts[cache_key] = made
        while len(self._layouts) > LAYOUT_CACHE_SIZE:
            self._layouts.popitem(last=False)
        return made

    def _make_layout(self, segments: tuple[Segment, ...], lang: str, width: float) -> SideLayout:
        composed = _compose(segments)
        text, spans, inserted = composed.text, composed.spans, composed.inserted
        font = self._style.font(lang)
        layout = QTextLayout(text, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.setCacheEnabled(True)
        formats: list[QTextLayout.FormatRange] = []
        muted = self._palette.color(QPalette.ColorRole.PlaceholderText)
        for start, end, seg in spans:
            if seg.kind == "heading":
                fmt = QTextCharFormat()
                fmt.setFontWeight(QFont.Weight.DemiBold)
                fmt.setFontPointSize(font.pointSizeF() * HEADING_SCALE.get(seg.level, 1.1))
                formats.append(self._range(start, end - start, fmt))
            elif seg.kind == "note":
                fmt = QTextCharFormat()
                fmt.setFontPointSize(font.pointSizeF() * NOTE_SCALE)
                fmt.setForeground(QBrush(muted))
                formats.append(self._range(start, end - start, fmt))
        accent = self._palette.color(QPalette.ColorRole.Link)
        for start, length, _position, _label, _key in composed.calls:
            fmt = QTextCharFormat()
            fmt.setVerticalAlignment(QTextCharFormat.VerticalAlignment.AlignSuperScript)
            fmt.setForeground(QBrush(accent))
            fmt.setFontUnderline(False)
            formats.append(self._range(start, length, fmt))
        for start, length in composed.labels:
            fmt = QTextCharFormat()
            fmt.setForeground(QBrush(accent))
            fmt.setFontWeight(QFont.Weight.DemiBold)
            formats.append(self._range(start, length, fmt))
        formats.extend(self._term_formats(spans, inserted))
        layout.setFormats(formats)
        spacing = self._style.line_spacing
        y = 0.0
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            line.setPosition(QPointF(0.0, y + line.height() * (spacing - 1.0) / 2))
            y += line.height() * spacing
        layout.endLayout()
        return SideLayout(
            layout,
            y if text else 0.0,
            {seg.position: (a, b) for a, b, seg in spans},
            inserted,
            tuple((a, a + n, pos, label, key) for a, n, pos, label, key in composed.calls),
            tuple(composed.page_marks),
        )

    def _term_formats(self, spans: list[tuple[int, int, Segment]], inserted: dict[int, tuple[tuple[int, int], ...]]) -> list[QTextLayout.FormatRange]:
        """Glossary terms as a dotted underline in a muted link colour (unobtrusive in both themes)."""
        if not self._show_terms:
            return []
        colour = QColor(self._palette.color(QPalette.ColorRole.Link))
        colour.setAlpha(150)
        out = []
        for start, _end, seg in spans:
            for a, b, _entry_id in seg.terms:
                fmt = QTextCharFormat()
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.DotLine)
                fmt.setUnderlineColor(colour)
                shift = sum(n for at, n in inserted.get(seg.position, ()) if at <= a)
                out.append(self._range(start + a + shift, b - a, fmt))
        return out

    def set_show_terms(self, show: bool) -> None:
        """Mark glossary terms in the text (or not)."""
        if show != self._show_terms:
            self._show_terms = show
            self._layouts.clear()

    @property
    def show_pages(self) -> bool:
        return self._show_pages

    def set_show_pages(self, show: bool) -> None:
        """Printed page numbers in the margin (or not)."""
        if show != self._show_pages:
            self._show_pages = show
            self.invalidate()

    def call_at(self, row: ReaderRow, langs: tuple[str, ...], point: QPointF) -> tuple[str, int, str, str | None, QRectF] | None:
        """(language, sentence position, label, key, rect relative to the row) of the note call under ``point``."""
        _height, placed = self.row_layouts(row, langs)
        for col, side, y in placed:
            if not side.calls:
                continue
            local = QPointF(point.x() - col.x, point.y() - y)
            for a, b, position, label, key in side.calls:
                line = side.layout.lineForTextPosition(a)
                if not line.isValid():
                    continue
                x0, x1 = line.cursorToX(a)[0], line.cursorToX(b)[0]
                rect = QRectF(x0 - 3, line.y() - 2, max(6.0, x1 - x0) + 6, line.height() + 4)
                if rect.contains(local):
                    return col.lang, position, label, key, rect.translated(col.x, y)
        return None

    def page_marks(self, row: ReaderRow, langs: tuple[str, ...]) -> list[tuple[str, str, float]]:
        """(language, page label, y relative to the row) of the pages that begin in a row."""
        _height, placed = self.row_layouts(row, langs)
        out = []
        for col, side, y in placed:
            for offset, label in side.page_marks:
                line = side.layout.lineForTextPosition(min(offset, max(0, len(side.layout.text()) - 1)))
                if line.isValid():
                    out.append((col.lang, label, y + line.y()))
        return out

    def term_at(self, row: ReaderRow, langs: tuple[str, ...], point: QPointF) -> tuple[str, int, tuple[int, int, str]] | None:
        """(language, sentence position, (start, end, entry id)) of the glossary term under ``point``
        (relative to the row's top-left), using the cached layouts."""
        _height, placed = self.row_layouts(row, langs)
        for col, side, y in placed:
            local = QPointF(point.x() - col.x, point.y() - y)
            for i in range(side.layout.lineCount()):
                line = side.layout.lineAt(i)
                if not (line.y() <= local.y() < line.y() + line.height()) or not 0 <= local.x() <= line.naturalTextWidth():
                    continue
                cursor = line.xToCursor(local.x(), QTextLine.CursorPosition.CursorOnCharacter)
                for seg in row.side(col.lang):
                    for term in seg.terms:
                        if seg.position in side.spans and side.layout_offset(seg.position, term[0]) <= cursor < side.layout_offset(seg.position, term[1]):
                            return col.lang, seg.position, term
        return None

    def term_rect(self, row: ReaderRow, langs: tuple[str, ...], lang: str, position: int, start: int, end: int) -> QRectF | None:
        """Where a term's first line is drawn, relative to the row's top-left."""
        _height, placed = self.row_layouts(row, langs)
        for col, side, y in placed:
            if col.lang != lang or position not in side.spans:
                continue
            a = side.layout_offset(position, start)
            b = side.layout_offset(position, end)
            line = side.layout.lineForTextPosition(a)
            if not line.isValid():
                return None
            x0 = line.cursorToX(a)[0]
            x1 = line.cursorToX(min(b, line.textStart() + line.textLength()))[0]
            return QRectF(col.x + x0, y + line.y(), max(4.0, x1 - x0), line.height())
        return None

    @staticmethod
    def _range(start: int, length: int, fmt: QTextCharFormat) -> QTextLayout.FormatRange:
        r = QTextLayout.FormatRange()
        r.start, r.length, r.format = start, length, fmt
        return r

    def row_layouts(self, row: ReaderRow, langs: tuple[str, ...]) -> tuple[float, list[tuple[Column, SideLayout, float]]]:
        """(row height, [(column, layout, y of the layout within the row)]) — and remember the height."""
        cols = self.columns(langs)
        placed: list[tuple[Column, SideLayout, float]] = []
        segments = [s for col in cols for s in row.side(col.lang)[:1]]
        starts = any(s.starts_paragraph for s in segments)
        heading = any(s.kind == "heading" for s in segments)
        top = self.gap_above(starts, heading, row.index == 0)
        if self.side_by_side(langs):
            height = 0.0
            for col in cols:
                side = self.side_layout(row, col.lang, col.width)
                placed.append((col, side, top))
                height = max(height, side.height)
            total = top + height
        else:
            y = top
            for i, col in enumerate(cols):
                side = self.side_layout(row, col.lang, col.width)
                placed.append((col, side, y))
                y += side.height + (self.interlinear_gap() if i + 1 < len(cols) else 0.0)
            total = y
        total = max(total, top + 1.0)
        self._heights[row.key] = total
        return total, placed

    # --- painting ------------------------------------------------------------------------
    def paint_row(self, painter: QPainter, row: ReaderRow, langs: tuple[str, ...], top: float, state: RowPaintState) -> float:
        height, placed = self.row_layouts(row, langs)
        pal = self._palette
        highlight = QColor(pal.color(QPalette.ColorRole.Highlight))
        if state.review and placed:
            self._paint_review_state(painter, row, placed, top, height)
        if state.marks and placed:
            self._paint_bookmark_marks(painter, placed, top, height, state.marks, state.marks_joined)
        if (state.current or state.selected) and placed:
            band = QColor(highlight)
            band.setAlpha(60 if state.selected else 22)
            x0 = min(c.x for c, _, _ in placed) - 12 * self._style.scale
            x1 = max(c.x + c.width for c, _, _ in placed) + 12 * self._style.scale
            y0 = top + min(y for _, _, y in placed) - 4 * self._style.scale
            band_rect = QRectF(x0, y0, x1 - x0, top + height - y0 + 4 * self._style.scale)
            painter.fillRect(band_rect, band)
            if state.focused and state.current:
                self._paint_focus(painter, band_rect, highlight)
        if row.unsure and placed:
            self._paint_unsure_mark(painter, placed, top, height, langs)
        sentence_bg = QColor(highlight)
        sentence_bg.setAlpha(70)
        match_bg = QColor(255, 200, 0, 150)
        current_match_bg = QColor(255, 140, 0, 220)
        text_color = pal.color(QPalette.ColorRole.Text)
        interlinear = not self.side_by_side(langs) and len(placed) == 2
        for i, (col, side, y) in enumerate(placed):
            selections: list[QTextLayout.FormatRange] = []
            for lang, position in state.sentences:
                if lang == col.lang and position in side.spans:
                    a, b = side.spans[position]
                    fmt = QTextCharFormat()
                    fmt.setBackground(QBrush(sentence_bg))
                    selections.append(self._range(a, b - a, fmt))
            for lang, position, start, end, is_current in state.matches:
                if lang == col.lang and position in side.spans:
                    a = side.layout_offset(position, start)
                    b = side.layout_offset(position, end)
                    fmt = QTextCharFormat()
                    fmt.setBackground(QBrush(current_match_bg if is_current else match_bg))
                    selections.append(self._range(a, b - a, fmt))
            selections.extend(self._link_selections(state, col, side, QPointF(col.x, top + y)))
            pen = QColor(text_color)
            if interlinear and i == 1:
                pen = pal.color(QPalette.ColorRole.PlaceholderText).darker(115) if pal.color(QPalette.ColorRole.Base).lightness() > 128 else pal.color(QPalette.ColorRole.PlaceholderText).lighter(130)
            painter.setPen(pen)
            side.layout.draw(painter, QPointF(col.x, top + y), selections)
            if self._show_pages and side.page_marks:
                self._paint_page_marks(painter, col, side, top + y, right=self.side_by_side(langs) and i == 1)
        if state.unrendered is not None:
            self._paint_unrendered(painter, placed, top, state.unrendered)
        return height

    # --- term links: a hovered term and its rendering in the counterpart ---------------------
    def link_colour(self) -> QColor:
        """The tint of a hovered term and its rendering (green, clear of find's yellow and the cursor's blue)."""
        dark = self._palette.color(QPalette.ColorRole.Base).lightness() < 128
        return QColor(70, 200, 140, 110) if dark else QColor(40, 170, 110, 95)

    def _link_selections(self, state: RowPaintState, col: Column, side: SideLayout,
                         origin: QPointF) -> list[QTextLayout.FormatRange]:
        out = []
        for kind, lang, position, start, end in state.links:
            if lang != col.lang or position not in side.spans:
                continue
            a, b = side.layout_offset(position, start), side.layout_offset(position, end)
            fmt = QTextCharFormat()
            fmt.setBackground(QBrush(self.link_colour()))
            if kind == "rendering":
                fmt.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
                fmt.setUnderlineColor(self.link_colour().darker(150))
            out.append(self._range(a, b - a, fmt))
            for rect in self._span_rects(side, a, b):
                self.link_rects.append((kind, lang, rect.translated(origin)))
        return out

    @staticmethod
    def _span_rects(side: SideLayout, a: int, b: int) -> list[QRectF]:
        """Rectangles (relative to the layout) covering layout text ``[a, b)``, one per line."""
        rects = []
        layout = side.layout
        for i in range(layout.lineCount()):
            line = layout.lineAt(i)
            lo, hi = max(a, line.textStart()), min(b, line.textStart() + line.textLength())
            if lo >= hi:
                continue
            x0, x1 = line.cursorToX(lo)[0], line.cursorToX(hi)[0]
            rects.append(QRectF(min(x0, x1), line.y(), abs(x1 - x0), line.height()))
        return rects

    def _paint_unrendered(self, painter: QPainter, placed: list[tuple[Column, SideLayout, float]], top: float,
                          lang: str) -> None:
        """A dashed frame around the counterpart that has no rendering of the hovered term."""
        s = self._style.scale
        for col, side, y in placed:
            if col.lang != lang:
                continue
            width = max((side.layout.lineAt(i).naturalTextWidth() for i in range(side.layout.lineCount())),
                        default=0.0)
            rect = QRectF(col.x - 4 * s, top + y - 2 * s, max(width, 40 * s) + 8 * s, max(side.height, 12 * s) + 4 * s)
            painter.save()
            pen = QPen(QColor(214, 120, 20))
            pen.setStyle(Qt.PenStyle.DashLine)
            pen.setWidthF(1.5 * s)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3 * s, 3 * s)
            painter.restore()
            self.link_rects.append(("missing", lang, rect))

    def _paint_focus(self, painter: QPainter, rect: QRectF, colour: QColor) -> None:
        """Where the keyboard is: an outline around the cursor's row while the reader has focus."""
        painter.save()
        pen = QPen(colour)
        pen.setWidthF(1.5 * self._style.scale)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.drawRoundedRect(rect.adjusted(0.75, 0.75, -0.75, -0.75), 3 * self._style.scale, 3 * self._style.scale)
        painter.restore()

    def _paint_page_marks(self, painter: QPainter, col: Column, side: SideLayout, top: float, *, right: bool) -> None:
        """A quiet "p. 45" in the margin beside the line where printed page 45 begins."""
        font = QFont(self._style.font(col.lang))
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.72))
        painter.save()
        painter.setFont(font)
        colour = QColor(self._palette.color(QPalette.ColorRole.PlaceholderText))
        painter.setPen(colour)
        fm = QFontMetricsF(font)
        s = self._style.scale
        for offset, label in side.page_marks:
            line = side.layout.lineForTextPosition(min(offset, max(0, len(side.layout.text()) - 1)))
            if not line.isValid():
                continue
            text = page_mark_text(label)
            width = fm.horizontalAdvance(text)
            x = col.x + col.width + 10 * s if right else col.x - 12 * s - width
            painter.drawText(QPointF(x, top + line.y() + line.ascent()), text)
        painter.restore()

    def _mark_rect(self, placed: list[tuple[Column, SideLayout, float]], height: float, langs: tuple[str, ...]) -> QRectF:
        """The orange bar of an unsure bead, relative to the row's top: in the gutter between the
        columns side by side, left of the text otherwise."""
        s = self._style.scale
        y = placed[0][2]
        if self.side_by_side(langs):
            x = placed[0][0].x + placed[0][0].width + 20 * s - 1.5 * s
        else:
            x = placed[0][0].x - 14 * s
        return QRectF(x, y + 2 * s, 3 * s, max(4.0, height - y - 4 * s))

    def unsure_mark_rect(self, row: ReaderRow, langs: tuple[str, ...]) -> QRectF | None:
        """Where the orange bar of ``row`` is drawn (relative to the row's top-left), None when it has none."""
        if not row.unsure:
            return None
        height, placed = self.row_layouts(row, langs)
        return self._mark_rect(placed, height, langs) if placed else None

    def _paint_unsure_mark(self, painter: QPainter, placed: list[tuple[Column, SideLayout, float]], top: float, height: float, langs: tuple[str, ...]) -> None:
        amber = QColor(214, 140, 20, 190)
        painter.fillRect(self._mark_rect(placed, height, langs).translated(0.0, top), amber)

    def _paint_review_state(self, painter: QPainter, row: ReaderRow, placed: list[tuple[Column, SideLayout, float]], top: float, height: float) -> None:
        """Review mode: an amber tint behind unsure beads, a green bar right of confirmed beads, a blue one
        right of beads the user edited."""
        s = self._style.scale
        y0 = top + min(y for _, _, y in placed) - 4 * s
        x0 = min(c.x for c, _, _ in placed) - 6 * s
        x1 = max(c.x + c.width for c, _, _ in placed) + 6 * s
        if row.status == "auto":
            if row.unsure:
                tint = QColor(REVIEW_COLOURS["unsure"])
                tint.setAlpha(48)
                painter.fillRect(QRectF(x0, y0, x1 - x0, top + height - y0 + 2 * s), tint)
            return
        colour = QColor(REVIEW_COLOURS.get(row.status, REVIEW_COLOURS["confirmed"]))
        painter.fillRect(QRectF(x1 + 2 * s, y0, 4 * s, top + height - y0), colour)

    def _paint_bookmark_marks(
        self,
        painter: QPainter,
        placed: list[tuple[Column, SideLayout, float]],
        top: float,
        height: float,
        marks: tuple[str, ...],
        joined: bool = False,
    ) -> None:
        """A faint tint behind the row and a bar in the colour of each bookmark left of every column."""
        s = self._style.scale
        y0 = top + 2 * s if joined else top + min(y for _, _, y in placed) - 4 * s
        y1 = top + height + 2 * s
        tint = QColor(marks[0])
        tint.setAlpha(38)
        columns = {(col.x, col.width) for col, _side, _y in placed}  # interlinear: one column twice
        for x, width in columns:
            painter.fillRect(QRectF(x - 6 * s, y0, width + 12 * s, y1 - y0), tint)
            for i, colour in enumerate(marks[:3]):
                painter.fillRect(QRectF(x - (12 + 5 * i) * s, y0, 3.5 * s, y1 - y0), QColor(colour))

    def hit_test(self, row: ReaderRow, langs: tuple[str, ...], point: QPointF) -> tuple[str, int] | None:
        """(language, sentence position) under ``point`` (relative to the row's top-left)."""
        _height, placed = self.row_layouts(row, langs)
        for col, side, y in placed:
            if col.x - 8 <= point.x() <= col.x + col.width + 8 and y <= point.y() <= y + side.height:
                position = side.position_at(QPointF(point.x() - col.x, point.y() - y))
                if position is not None:
                    return col.lang, position
        return None


__all__ = ["MODES", "Column", "ReaderRenderer", "ReaderStyle", "RowPaintState", "SideLayout", "TermLinks", "Qt"]
