"""The reader's painted view: rows of beads, one scroll position for both languages.

Both languages are painted in the same row, so they scroll together by
construction.  The scroll position is an anchor (top row, pixels into it):
when a row's real height replaces its estimate, rows above the anchor do not
move what the user sees.  The scroll bar is derived from the heights (exact
where measured, estimated elsewhere).  Only visible rows are fetched and
laid out.
"""

from __future__ import annotations

import logging
from collections import defaultdict

import numpy as np
from PySide6.QtCore import QEvent, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QHelpEvent, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import QAbstractScrollArea, QFrame, QWidget

from app.models.reader_model import ReaderModel
from app.plaintext import show_plain_tooltip
from app.views.reader_render import ReaderRenderer, ReaderStyle, RowPaintState, TermLinks
from app.views.unsure_reasons import reason_text
from db.services.reading import FindMatch

log = logging.getLogger(__name__)

# A jump (find, go to, a search hit, the next unsure bead) puts its target a quarter of
# the way down: in the upper third, whole, with a little of what comes before it above.
JUMP_FRACTION = 0.25


class ReaderView(QAbstractScrollArea):
    """Custom-painted, virtualised list of reader rows with a keyboard cursor."""

    current_changed = Signal(int)
    position_changed = Signal(int)  # top row
    heights_changed = Signal()  # rows were measured or re-estimated: the scroll bar's scale moved

    def __init__(self, model: ReaderModel, style: ReaderStyle, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._model = model
        self._renderer = ReaderRenderer(style, self.palette())
        self._heights = np.zeros(0)
        self._prefix = np.zeros(1)
        self._prefix_dirty = False
        self._prefix_version = 0  # bumped whenever the cumulative heights are recomputed
        self._announced_version = -1
        self._strip: QWidget | None = None  # the translation map, between the text and the scroll bar
        self._top_row = 0
        self._top_offset = 0.0
        self._current = 0
        self._current_sentence: tuple[str, int] | None = None
        self._matches: dict[int, list[tuple[FindMatch, int]]] = {}
        self._current_match: int = -1
        self._syncing = False
        self._anchor: int | None = None  # the other end of a bead-range selection (Shift+arrows, drag)
        self._marks: dict[int, tuple[str, ...]] = {}  # row -> colours of the bookmarks covering it
        self._links: TermLinks | None = None  # a hovered term and its rendering (app.views.term_links)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.viewport().setAutoFillBackground(True)
        self.viewport().setBackgroundRole(self.viewport().backgroundRole().Base)
        self.verticalScrollBar().valueChanged.connect(self._scrollbar_moved)
        self._scrollbar_timer = QTimer(self, singleShot=True, interval=0)
        self._scrollbar_timer.timeout.connect(self._sync_scrollbar)
        model.modelReset.connect(self._model_reset)
        model.rows_replaced.connect(self._rows_replaced)
        self._review = False  # review mode: beads tinted by confidence and status
        self._painted = 0  # rows drawn by the last paint
        self._renderer.set_width(self.viewport().width())
        # The viewport answers its own tooltips (why a bead is unsure), as plain text.
        self.viewport().setProperty("sverka_own_tooltips", True)

    # --- public state --------------------------------------------------------------------
    @property
    def renderer(self) -> ReaderRenderer:
        return self._renderer

    @property
    def current_row(self) -> int:
        return self._current

    @property
    def top_row(self) -> int:
        return self._top_row

    @property
    def current_sentence(self) -> tuple[str, int] | None:
        return self._current_sentence

    def langs(self) -> tuple[str, ...]:
        return self._model.langs

    def set_style(self, style: ReaderStyle) -> None:
        self._renderer.set_style(style)
        self._reestimate()

    def highlighted_sentences(self) -> frozenset[tuple[str, int]]:
        """(language, sentence position) of every highlighted sentence: the cursor and its counterparts."""
        if not 0 <= self._current < self._model.rowCount():
            return frozenset()
        row = self._model.row(self._current)
        langs = self._model.langs
        if self._current_sentence is None or self._current_sentence[1] not in {s.position for s in row.side(self._current_sentence[0])}:
            return frozenset((lang, s.position) for lang in langs for s in row.side(lang))
        lang, position = self._current_sentence
        out = {(lang, position)}
        out.update((other, s.position) for other in langs if other != lang for s in row.side(other))
        return frozenset(out)

    def _painted_highlight(self) -> frozenset[tuple[str, int]]:
        # A whole paragraph of a text read alone is not tinted: the row band marks the cursor.
        if not self._model.is_pair and self._current_sentence is None:
            return frozenset()
        return self.highlighted_sentences()

    def painted_rows(self) -> int:
        """How many rows the last paint drew (0 before the first paint of a text)."""
        return self._painted

    def visible_rows(self) -> range:
        """Rows at least partly on screen."""
        y = -self._top_offset
        row = self._top_row
        n = self._model.rowCount()
        while row < n and y < self.viewport().height():
            y += self._exact_height(row)
            row += 1
        return range(self._top_row, row)

    # --- cursor and scrolling -------------------------------------------------------------
    def set_current(
        self, row: int, sentence: tuple[str, int] | None = None, *, ensure_visible: bool = True, extend: bool = False
    ) -> None:
        """Move the cursor to ``row``; ``extend`` keeps the other end of the selection where it was."""
        n = self._model.rowCount()
        if n == 0:
            return
        row = max(0, min(row, n - 1))
        if extend and self._anchor is None:
            self._anchor = self._current
        elif not extend:
            self._anchor = None
        changed = row != self._current or sentence != self._current_sentence
        self._current = row
        self._current_sentence = sentence
        if ensure_visible:
            self.ensure_visible(row)
        self.viewport().update()
        if changed:
            self.current_changed.emit(row)

    def ensure_visible(self, row: int) -> None:
        vh = self.viewport().height()
        if row < self._top_row or (row == self._top_row and self._top_offset > 0):
            self._set_anchor(row, 0.0)
            return
        y = -self._top_offset
        for r in range(self._top_row, row):
            y += self._exact_height(r)
            if y > vh:
                break
        h = self._exact_height(row)
        if y + h > vh:
            self._set_anchor(row, 0.0)
            self.scroll_by(-(vh - min(h, vh)))

    def reveal(self, row: int, sentence: tuple[str, int] | None = None) -> None:
        """Show a jump's target (the sentence, else the row) whole in the upper third of the view.

        A target already there stays put, so stepping through targets on one
        screen does not shake it; any other is put a quarter of the way down
        (as far as the start and end of the text allow).
        """
        n = self._model.rowCount()
        if n == 0:
            return
        row = max(0, min(row, n - 1))
        vh = self.viewport().height()
        within, height = self._target_box(row, sentence)
        top = self.row_top(row)
        if top is not None:
            y = top + within
            if 0 <= y <= vh / 3 and y + min(height, vh - y) <= vh and (sentence is not None or top + height <= vh):
                return
        self._set_anchor(row, 0.0)
        self.scroll_by(within - vh * JUMP_FRACTION)

    def _target_box(self, row: int, sentence: tuple[str, int] | None) -> tuple[float, float]:
        """(y within the row, height) of a sentence's first line, or of the whole row."""
        height = self._exact_height(row)
        if sentence is None:
            return 0.0, height
        _h, placed = self._renderer.row_layouts(self._model.row(row), self._model.langs)
        lang, position = sentence
        for col, side, y in placed:
            if col.lang == lang and position in side.spans:
                line = side.layout.lineForTextPosition(side.spans[position][0])
                if line.isValid():
                    return y + line.y(), line.height()
        return 0.0, height

    def target_rect(self, row: int, sentence: tuple[str, int] | None = None) -> tuple[float, float] | None:
        """(top, bottom) in the viewport of a sentence's first line (else the row), if the row is on screen."""
        top = self.row_top(row)
        if top is None:
            return None
        within, height = self._target_box(row, sentence)
        return top + within, top + within + height

    def scroll_to_row(self, row: int, *, fraction: float = 0.25) -> None:
        """Put ``row`` about ``fraction`` of a screen below the top (jumps: search, Ctrl+G, reopening)."""
        n = self._model.rowCount()
        if n == 0:
            return
        self._set_anchor(max(0, min(row, n - 1)), 0.0)
        self.scroll_by(-self.viewport().height() * fraction)

    def set_top(self, row: int, offset: float = 0.0) -> None:
        n = self._model.rowCount()
        if n:
            self._set_anchor(max(0, min(row, n - 1)), 0.0)
            self.scroll_by(offset)

    def scroll_by(self, dy: float) -> None:
        """Move the view ``dy`` pixels down (negative: up), measuring the rows it passes."""
        n = self._model.rowCount()
        if n == 0:
            return
        row, offset = self._top_row, self._top_offset + dy
        while offset < 0 and row > 0:
            row -= 1
            offset += self._exact_height(row)
        offset = max(0.0, offset)
        while row < n - 1 and offset >= self._exact_height(row):
            offset -= self._exact_height(row)
            row += 1
        # Do not scroll past the end: the last row's bottom stays at the bottom of the view.
        vh = self.viewport().height()
        below = -offset
        r = row
        while r < n and below < vh:
            below += self._exact_height(r)
            r += 1
        if below < vh and (row > 0 or offset > 0):
            back = vh - below
            offset -= back
            while offset < 0 and row > 0:
                row -= 1
                offset += self._exact_height(row)
            offset = max(0.0, offset)
        self._set_anchor(row, offset)

    def _set_anchor(self, row: int, offset: float) -> None:
        moved = row != self._top_row
        self._top_row, self._top_offset = row, offset
        self._sync_scrollbar()
        self.viewport().update()
        if moved:
            self.position_changed.emit(row)

    def _exact_height(self, row: int) -> float:
        key = self._model.key(row)
        known = self._renderer.known_height(key)
        if known is None:
            known, _ = self._renderer.row_layouts(self._model.row(row), self._model.langs)
        if self._heights[row] != known:
            self._heights[row] = known
            self._prefix_dirty = True
        return known

    # --- heights and the scroll bar ----------------------------------------------------------
    def _model_reset(self) -> None:
        self._painted = 0
        self._top_row, self._top_offset = 0, 0.0
        self._current, self._current_sentence = 0, None
        self._matches, self._current_match = {}, -1
        self._anchor, self._marks, self._links = None, {}, None
        self._renderer.invalidate()
        self._reestimate()

    def _rows_replaced(self, start: int, removed: int, inserted: int) -> None:
        """An edit replaced rows ``[start, start + removed)`` by ``inserted`` rows: keep the view where it was."""
        n = self._model.rowCount()
        for row in range(start, min(start + inserted, n)):
            self._renderer.forget(self._model.key(row))
        if self._top_row >= start + removed:
            self._top_row += inserted - removed
        elif self._top_row >= start + inserted:
            self._top_row, self._top_offset = max(start, start + inserted - 1), 0.0
        self._top_row = max(0, min(self._top_row, n - 1))
        if self._current >= start + removed:
            self._current += inserted - removed
        self._current = max(0, min(self._current, n - 1))
        self._current_sentence, self._anchor, self._links = None, None, None
        self._matches, self._current_match = {}, -1
        self._reestimate()

    @property
    def review_mode(self) -> bool:
        return self._review

    def set_review_mode(self, on: bool) -> None:
        self._review = on
        self.viewport().update()

    def _reestimate(self) -> None:
        outline = self._model.outline
        n = outline.row_count
        chars = {lang: np.asarray(side.chars, dtype=np.float64) for lang, side in outline.sides.items()}
        starts = np.ones(n, dtype=bool)
        for side in outline.sides.values():
            first = np.asarray(side.first_paragraph)
            if n > 1:
                starts[1:] &= first[1:] != first[:-1]
        self._heights = self._renderer.estimate_heights(chars, starts, outline.langs) if n else np.zeros(0)
        self._prefix_dirty = True
        if self._top_row >= n:
            self._top_row, self._top_offset = max(0, n - 1), 0.0
        self._sync_scrollbar()
        self.viewport().update()

    def _prefix_sums(self) -> np.ndarray:
        if self._prefix_dirty or len(self._prefix) != len(self._heights) + 1:
            self._prefix = np.concatenate(([0.0], np.cumsum(self._heights)))
            self._prefix_dirty = False
            self._prefix_version += 1
        return self._prefix

    def row_offsets(self) -> np.ndarray:
        """Where every row starts in the whole text, in pixels (one more entry: the total): the scroll
        bar's scale (exact where rows were measured, estimated elsewhere)."""
        return self._prefix_sums()

    @property
    def heights_version(self) -> int:
        """Changes whenever ``row_offsets`` does."""
        self._prefix_sums()
        return self._prefix_version

    def _sync_scrollbar(self) -> None:
        prefix = self._prefix_sums()
        total = prefix[-1]
        vh = self.viewport().height()
        bar = self.verticalScrollBar()
        self._syncing = True
        try:
            bar.setRange(0, max(0, int(total - vh)))
            bar.setPageStep(max(1, vh))
            bar.setSingleStep(max(1, int(self._renderer.gap_above(False, False, False) * 4 + 20)))
            if len(self._heights):
                bar.setValue(int(prefix[self._top_row] + self._top_offset))
        finally:
            self._syncing = False
        if self._prefix_version != self._announced_version:
            self._announced_version = self._prefix_version
            self.heights_changed.emit()

    def _scrollbar_moved(self, value: int) -> None:
        if self._syncing or not len(self._heights):
            return
        prefix = self._prefix_sums()
        row = int(np.searchsorted(prefix, value, side="right")) - 1
        row = max(0, min(row, len(self._heights) - 1))
        self._top_row, self._top_offset = row, float(value - prefix[row])
        self.viewport().update()
        self.position_changed.emit(row)

    # --- term links ------------------------------------------------------------------------
    def set_term_links(self, links: TermLinks | None) -> None:
        """Highlight a term and its rendering in the counterpart (None: nothing)."""
        if links != self._links:
            self._links = links
            self.viewport().update()

    def term_links(self) -> TermLinks | None:
        return self._links

    def _link_state(self, row: int) -> dict[str, object]:
        if self._links is None or self._links.row != row:
            return {}
        return {"links": self._links.links, "unrendered": self._links.unrendered}

    # --- find ----------------------------------------------------------------------------
    def set_matches(self, matches: list[FindMatch], current: int = -1) -> None:
        grouped: dict[int, list[tuple[FindMatch, int]]] = defaultdict(list)
        for i, m in enumerate(matches):
            grouped[m.row].append((m, i))
        self._matches = dict(grouped)
        self._current_match = current
        self.viewport().update()

    def set_current_match(self, index: int, row: int, sentence: tuple[str, int] | None = None) -> None:
        self._current_match = index
        self.reveal(row, sentence)
        self.viewport().update()

    # --- Qt events -----------------------------------------------------------------------
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
        self._renderer.link_rects = []
        n = self._model.rowCount()
        y = -self._top_offset
        row = self._top_row
        vh = self.viewport().height()
        langs = self._model.langs
        changed = False
        selected = self.selection_range() if self.has_range_selection() else (-1, -2)
        while row < n and y < vh:
            data = self._model.row(row)
            state = RowPaintState(
                current=row == self._current,
                sentences=self._painted_highlight() if row == self._current else frozenset(),
                matches=tuple(
                    (m.lang, m.position, m.start, m.end, i == self._current_match) for m, i in self._matches.get(row, ())
                ),
                selected=selected[0] <= row <= selected[1],
                marks=self._marks.get(row, ()),
                marks_joined=row - 1 in self._marks and self._marks.get(row - 1) == self._marks.get(row),
                review=self._review,
                focused=self.hasFocus(),
                **self._link_state(row),
            )
            h = self._renderer.paint_row(painter, data, langs, y, state)
            if self._heights[row] != h:
                self._heights[row] = h
                changed = True
            y += h
            row += 1
        painter.end()
        self._painted = row - self._top_row
        if changed:
            self._prefix_dirty = True
            self._scrollbar_timer.start()

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            show_plain_tooltip(event.globalPos(), self.tooltip_at(event.pos()), self.viewport())
            return True
        return super().viewportEvent(event)

    def tooltip_at(self, pos: QPoint) -> str:
        """The tooltip at viewport point ``pos``: why the aligner is unsure, over an unsure bead's bar."""
        hit = self.row_at(pos.y())
        if hit is None:
            return ""
        row, y = hit
        data = self._model.row(row)
        rect = self._renderer.unsure_mark_rect(data, self._model.langs)
        # The bar is 3 px wide: a wider band around it answers the hover.
        slack = 7.0 * self._renderer.style.scale
        if rect is None or not rect.adjusted(-slack, -2.0, slack, 2.0).contains(QPointF(pos.x(), y)):
            return ""
        return reason_text(data.doubt)

    def unsure_mark_at(self, row: int) -> QPoint | None:
        """The viewport point at the middle of ``row``'s orange bar, if the row is on screen and unsure."""
        top = self.row_top(row)
        if top is None:
            return None
        rect = self._renderer.unsure_mark_rect(self._model.row(row), self._model.langs)
        if rect is None:
            return None
        centre = rect.center()
        return QPoint(round(centre.x()), round(top + min(centre.y(), rect.top() + 8.0)))

    def focusInEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusInEvent(event)
        self.viewport().update()  # the cursor's outline shows where the keyboard is

    def focusOutEvent(self, event: QFocusEvent) -> None:  # noqa: N802 - Qt override
        super().focusOutEvent(event)
        self.viewport().update()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # a theme change: paint in the new colours at once
            self._renderer.set_palette(self.palette())
            self.viewport().update()
        super().changeEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._place_strip()
        old = self._renderer.generation
        self._renderer.set_width(self.viewport().width())
        if self._renderer.generation != old:
            self._reestimate()
        else:
            self._sync_scrollbar()

    # --- the translation map beside the scroll bar ------------------------------------------
    def attach_strip(self, strip: QWidget) -> None:
        """Put ``strip`` (its own fixed width) between the text and the scroll bar, when it is shown."""
        self._strip = strip
        strip.setParent(self)
        self.update_strip()

    def update_strip(self) -> None:
        """Make room for the strip, or give it back (call after showing or hiding it)."""
        strip = self._strip
        width = strip.width() if strip is not None and not strip.isHidden() else 0
        if self.viewportMargins().right() != width:
            self.setViewportMargins(0, 0, width, 0)
        self._place_strip()

    def _place_strip(self) -> None:
        strip = self._strip
        if strip is None or strip.isHidden():
            return
        area = self.viewport().geometry()
        strip.setGeometry(area.right() + 1, area.top(), strip.width(), area.height())

    def wheelEvent(self, event: QWheelEvent) -> None:  # noqa: N802 - Qt override
        pixels = event.pixelDelta().y()
        dy = -pixels if pixels else -event.angleDelta().y() / 120 * 3 * self._line_step()
        self.scroll_by(dy)
        event.accept()

    def _line_step(self) -> float:
        return float(self.verticalScrollBar().singleStep()) / 3

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        key = event.key()
        n = self._model.rowCount()
        if n == 0:
            super().keyPressEvent(event)
            return
        vh = self.viewport().height()
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        if key == Qt.Key.Key_Down:
            self.set_current(self._current + 1, extend=extend)
        elif key == Qt.Key.Key_Up:
            self.set_current(self._current - 1, extend=extend)
        elif key == Qt.Key.Key_PageDown:
            self.scroll_by(vh * 0.9)
            self.set_current(max(self._current, self._first_full_row()), ensure_visible=False)
            self.ensure_visible(self._current)
        elif key == Qt.Key.Key_PageUp:
            self.scroll_by(-vh * 0.9)
            last = self.visible_rows().stop - 1
            self.set_current(min(self._current, max(self._top_row, last - 1)), ensure_visible=False)
            self.ensure_visible(self._current)
        elif key == Qt.Key.Key_Home:
            self.set_current(0, extend=extend)
        elif key == Qt.Key.Key_End:
            self.set_current(n - 1, extend=extend)
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _first_full_row(self) -> int:
        return self._top_row + (1 if self._top_offset > 0 and self._top_row + 1 < self._model.rowCount() else 0)

    def row_at(self, y: float) -> tuple[int, float] | None:
        """(row, y within the row) at viewport ``y``."""
        top = -self._top_offset
        row = self._top_row
        while row < self._model.rowCount():
            h = self._exact_height(row)
            if top <= y < top + h:
                return row, y - top
            top += h
            row += 1
        return None

    # --- glossary terms (the popup's controller watches the view; see glossary_popup) -----------
    def reader_model(self) -> ReaderModel:
        return self._model

    def row_top(self, row: int) -> float | None:
        """Viewport y of the top of ``row`` if it is on screen."""
        if row not in self.visible_rows():
            return None
        return -self._top_offset + sum(self._exact_height(r) for r in range(self._top_row, row))

    def refresh_rows(self) -> None:
        """Fetch and lay out the rows again (glossary marks changed); the position stays."""
        self._model.drop_pages()
        self._renderer.invalidate()
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        pos = event.position()
        hit = self.row_at(pos.y())
        if hit is None:
            return
        row, y = hit
        sentence = self._renderer.hit_test(self._model.row(row), self._model.langs, QPointF(pos.x(), y))
        extend = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        self.set_current(row, None if extend else sentence, extend=extend)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        # Dragging with the left button down selects the beads between press and pointer.
        if not event.buttons() & Qt.MouseButton.LeftButton:
            super().mouseMoveEvent(event)
            return
        hit = self.row_at(max(0.0, min(event.position().y(), self.viewport().height() - 1.0)))
        if hit is not None and (hit[0] != self._current or self._anchor is not None):
            self.set_current(hit[0], None, extend=True)
        event.accept()

    # --- bead-range selection and bookmark marks ---------------------------------------------
    def selection_range(self) -> tuple[int, int]:
        """First and last selected rows (both included); the cursor row when nothing is extended."""
        anchor = self._current if self._anchor is None else self._anchor
        return min(anchor, self._current), max(anchor, self._current)

    def has_range_selection(self) -> bool:
        return self._anchor is not None and self._anchor != self._current

    def set_bookmark_marks(self, spans: list[tuple[int, int, str]]) -> None:
        """Mark rows ``[start, end)`` of each span in its colour (bookmarked passages)."""
        marks: dict[int, list[str]] = defaultdict(list)
        for start, end, colour in spans:
            for row in range(max(0, start), min(end, self._model.rowCount())):
                marks[row].append(colour)
        self._marks = {row: tuple(colours) for row, colours in marks.items()}
        self.viewport().update()

    def bookmark_marks(self) -> dict[int, tuple[str, ...]]:
        """Row -> colours of the bookmarks drawn on it."""
        return dict(self._marks)

    def sentence_rect(self, lang: str, position: int) -> QRect | None:
        """Where sentence ``position`` of ``lang`` is drawn (first line), if on screen (tests click there)."""
        row = self._model.row_of_sentence(lang, position)
        if row is None or row not in self.visible_rows():
            return None
        top = -self._top_offset + sum(self._exact_height(r) for r in range(self._top_row, row))
        _h, placed = self._renderer.row_layouts(self._model.row(row), self._model.langs)
        for col, side, y in placed:
            if col.lang == lang and position in side.spans:
                a, _b = side.spans[position]
                line = side.layout.lineForTextPosition(a)
                x = line.cursorToX(a)[0] if isinstance(line.cursorToX(a), tuple) else line.cursorToX(a)
                return QRect(int(col.x + x), int(top + y + line.y()), 12, max(1, int(line.height())))
        return None
