"""The translation map: a thin strip beside the reader's scroll bar that draws the whole pair at a glance.

Four lanes, left to right: what the translation did with each bead (an
omission, an addition, a merge or split), the beads the aligner is unsure
of, the bookmarks, and the search hits (the reader's find bar and the
library search), each in its own colour for the light, sepia and dark
themes (``MAP_COLOURS``).  A mark sits where the scroll bar's handle is when
its bead is on screen: the strip uses the view's cumulative row heights (the
scroll bar's own scale) and the bar's groove and handle as the style draws
them.  Clicking or dragging jumps to the bead under the pointer (to a marked
bead within a few pixels, so a thin mark is easy to hit), the way every jump
does; the tooltip names what is under the pointer and what each colour means.

The data (``db.services.translation_map``) is set by the reader pane when a
pair opens and after edits and bookmark changes; painting draws one cached
image, rebuilt with NumPy only when the data, the size, the theme or the row
heights change.  A text read alone has no beads and no bookmarks: its strip
shows the search hits only.
"""

from __future__ import annotations

import logging
import sys
import time
from collections.abc import Iterable
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QPoint, Qt, Signal
from PySide6.QtGui import QAction, QColor, QContextMenuEvent, QHelpEvent, QImage, QMouseEvent, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QApplication, QMenu, QStyle, QStyleOptionSlider, QWidget

from app.plaintext import show_plain_tooltip
from db.services.translation_map import ADDITION, MERGE, OMISSION, TranslationMap

if TYPE_CHECKING:
    from app.views.reader_view import ReaderView

log = logging.getLogger(__name__)

STRIP_WIDTH = 19
MIN_MARK = 3.0  # px: a mark is at least this tall, centred on its bead
SNAP = 4.0  # px: a click this close to a mark goes to the marked bead

KINDS = ("omission", "addition", "merge", "unsure", "bookmark", "hit")
# Where each kind is drawn: (x from, x to) in logical pixels.  The first lane says what the
# translation did: a merge or split across it, an omission in its left half and an addition in
# its right half, so the two sides of a sentence left without counterpart both show.
LANES = {"merge": (1, 7), "omission": (1, 4), "addition": (4, 7), "unsure": (8, 11), "bookmark": (12, 15),
         "hit": (16, 19)}
PAINT_ORDER = ("merge", "omission", "addition", "unsure", "bookmark", "hit")

# Saturated enough to read on each theme's paper; the dark theme's are lighter.
MAP_COLOURS = {
    "light": {"omission": "#d32f2f", "addition": "#1e6fd9", "merge": "#8e44ad",
              "unsure": "#d98c00", "bookmark": "#2e9650", "hit": "#37474f"},
    "sepia": {"omission": "#c62828", "addition": "#1f5fb8", "merge": "#7e3f98",
              "unsure": "#c47a00", "bookmark": "#2c8446", "hit": "#4a3a28"},
    "dark": {"omission": "#ff6e66", "addition": "#64a8ff", "merge": "#cc99ee",
             "unsure": "#ffb02e", "bookmark": "#62d38e", "hit": "#eceae4"},
}

_CONTEXT = "TranslationMap"
KIND_LABELS = {
    "omission": QT_TRANSLATE_NOOP("TranslationMap", "Omission: Russian with no English"),
    "addition": QT_TRANSLATE_NOOP("TranslationMap", "Addition: English with no Russian"),
    "merge": QT_TRANSLATE_NOOP("TranslationMap", "Merge or split: sentences joined or divided in translation"),
    "unsure": QT_TRANSLATE_NOOP("TranslationMap", "Unsure: the aligner is not sure of the bead"),
    "bookmark": QT_TRANSLATE_NOOP("TranslationMap", "Bookmark"),
    "hit": QT_TRANSLATE_NOOP("TranslationMap", "Search hit: Find in text and the library search"),
}
COLOUR_NAMES = {
    "omission": QT_TRANSLATE_NOOP("TranslationMap", "red"),
    "addition": QT_TRANSLATE_NOOP("TranslationMap", "blue"),
    "merge": QT_TRANSLATE_NOOP("TranslationMap", "violet"),
    "unsure": QT_TRANSLATE_NOOP("TranslationMap", "orange"),
    "bookmark": QT_TRANSLATE_NOOP("TranslationMap", "green"),
    "hit": QT_TRANSLATE_NOOP("TranslationMap", "grey"),
}


def _tr(text: str) -> str:
    return QCoreApplication.translate(_CONTEXT, text)


def map_theme() -> str:
    """"light", "sepia" or "dark": the theme the application shows (by its palette when none was set)."""
    app = QApplication.instance()
    theme = app.property("sverka_theme") if app is not None else None
    if theme in MAP_COLOURS:
        return str(theme)
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    return "dark" if base.lightness() < 128 else "light"


def map_colour(kind: str, theme: str | None = None) -> QColor:
    return QColor(MAP_COLOURS[theme or map_theme()][kind])


def kind_label(kind: str) -> str:
    return _tr(KIND_LABELS[kind])


def legend_lines() -> list[str]:
    """One line per colour: "red — Omission: Russian with no English"."""
    return [f"{_tr(COLOUR_NAMES[k])} — {kind_label(k)}" for k in KINDS]


class TranslationMapStrip(QWidget):
    """The strip; ``view`` is the reader view it maps and moves."""

    jumped = Signal(int)  # the bead (row) a click or drag went to
    data_changed = Signal()  # new map, bookmarks or hits (the legend recounts)

    def __init__(self, view: ReaderView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._view = view
        self._map: TranslationMap | None = None
        self._kinds: dict[str, np.ndarray] = {}  # kind -> bool per row
        self._hit_rows: dict[str, np.ndarray] = {"find": np.zeros(0, np.int64), "search": np.zeros(0, np.int64)}
        self._version = 0  # bumped when the data changes
        self._image: QImage | None = None
        self._image_key: tuple[object, ...] | None = None
        self._spans: tuple[np.ndarray, np.ndarray] | None = None  # mark top and bottom of every row, px
        self.context_actions: list[QAction] = []  # the legend and the View menu's toggle, set by the window
        self.rebuilds = 0  # how often the image was made (benchmarks and tests)
        self.paint_times: list[float] | None = None  # a list: every paint's duration in ms is added (benchmarks)
        self.setObjectName("translationMap")
        self.setFixedWidth(STRIP_WIDTH)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.setProperty("sverka_own_tooltips", True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAccessibleName(self.tr("Translation map"))
        view.heights_changed.connect(self.update)
        view.verticalScrollBar().rangeChanged.connect(lambda _a, _b: self.update())

    # --- data ------------------------------------------------------------------------------
    @property
    def translation_map(self) -> TranslationMap | None:
        return self._map

    def set_map(self, tmap: TranslationMap | None) -> None:
        """The pair's map (None for a text read alone: only hits are drawn)."""
        self._map = tmap
        self._kinds = {}
        if tmap is not None:
            self._kinds = {
                "omission": tmap.kinds == OMISSION,
                "addition": tmap.kinds == ADDITION,
                "merge": tmap.kinds == MERGE,
                "unsure": np.asarray(tmap.unsure, dtype=bool),
                "bookmark": tmap.bookmarked(),
            }
        self._changed()

    def set_hits(self, rows: Iterable[int], *, source: str = "find") -> None:
        """Rows holding search hits; ``source`` "find" (the find bar) or "search" (the library search)."""
        found = np.fromiter(rows, dtype=np.int64)
        self._hit_rows[source] = np.unique(found) if len(found) else found
        self._changed()

    def hit_rows(self) -> np.ndarray:
        """Rows holding a hit of either search, sorted."""
        find, search = self._hit_rows["find"], self._hit_rows["search"]
        return np.union1d(find, search) if len(find) and len(search) else (find if len(find) else search)

    def _changed(self) -> None:
        self._version += 1
        self.update()
        self.data_changed.emit()

    def rows_of(self, kind: str) -> np.ndarray:
        """The rows marked as ``kind`` (one of ``KINDS``)."""
        n = self._row_count()
        if kind == "hit":
            rows = self.hit_rows()
            return rows[(rows >= 0) & (rows < n)]
        flags = self._kinds.get(kind)
        return np.flatnonzero(flags[:n]) if flags is not None else np.zeros(0, np.int64)

    def _row_count(self) -> int:
        return len(self._view.row_offsets()) - 1

    # --- geometry: the scroll bar's scale ------------------------------------------------------
    def scale(self) -> tuple[float, float]:
        """(a, k): a row starting ``c`` pixels into the text is marked at strip y ``a + k * c``.

        With the bar's handle of length L over a groove of length G and the bar's
        maximum M, the handle's top is at ``value * (G - L) / M``; ``k = (G - L) / M``
        and the half of what the handle is longer than the screen it stands for
        (``(L - k * page) / 2``) keep every mark under the handle whenever its
        bead is on screen, even when the style makes the handle longer than its share.
        """
        offsets = self._view.row_offsets()
        total = float(offsets[-1]) if len(offsets) > 1 else 0.0
        bar = self._view.verticalScrollBar()
        if total <= 0:
            return 0.0, 0.0
        if bar.maximum() <= 0 or bar.isHidden():
            return 0.0, self.height() / total  # it all fits on screen: the strip is the text
        option = QStyleOptionSlider()
        bar.initStyleOption(option)
        style = bar.style()
        groove = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarGroove, bar)
        handle = style.subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar)
        top = self.mapFromGlobal(bar.mapToGlobal(QPoint(0, groove.top()))).y()
        k = (groove.height() - handle.height()) / bar.maximum()
        return top + (handle.height() - k * bar.pageStep()) / 2, k

    def _mark_spans(self) -> tuple[np.ndarray, np.ndarray]:
        """Top and bottom (strip px) of every row's mark: the row's own extent, at least ``MIN_MARK`` tall."""
        offsets = self._view.row_offsets()
        a, k = self.scale()
        top = a + k * offsets[:-1]
        bottom = a + k * offsets[1:]
        short = bottom - top < MIN_MARK
        middle = (top + bottom) / 2
        top = np.where(short, middle - MIN_MARK / 2, top)
        bottom = np.where(short, middle + MIN_MARK / 2, bottom)
        return top, bottom

    def mark_y(self, row: int) -> float:
        """The strip y at the middle of ``row``'s mark."""
        top, bottom = self._mark_spans()
        return float(top[row] + bottom[row]) / 2

    # --- painting ------------------------------------------------------------------------------
    def _key(self) -> tuple[object, ...]:
        a, k = self.scale()
        return (self._version, self.width(), self.height(), self.devicePixelRatioF(), map_theme(),
                round(a, 3), round(k, 9), self._view.heights_version)

    def image(self) -> QImage:
        """The strip as painted (rebuilt only when something it shows changed)."""
        key = self._key()
        if self._image is None or key != self._image_key:
            self._image = self._render()
            self._image_key = key
            self.rebuilds += 1
        return self._image

    def _render(self) -> QImage:
        dpr = self.devicePixelRatioF()
        width, height = max(1, round(self.width() * dpr)), max(1, round(self.height() * dpr))
        theme = map_theme()
        pixels = np.empty((height, width, 4), dtype=np.uint8)
        pixels[:, :] = _bgra(self._background(theme))
        pixels[:, 0] = _bgra(QApplication.palette().color(QPalette.ColorRole.Mid))
        top, bottom = self._mark_spans()
        self._spans = (top, bottom)
        first = np.clip(np.floor(top * dpr).astype(np.int64), 0, height)
        last = np.clip(np.ceil(bottom * dpr).astype(np.int64), 0, height)
        for kind in PAINT_ORDER:
            rows = self.rows_of(kind)
            if not len(rows):
                continue
            covered = np.bincount(first[rows], minlength=height + 1) - np.bincount(last[rows], minlength=height + 1)
            lines = np.cumsum(covered[:height]) > 0
            x0, x1 = LANES[kind]
            pixels[lines, round(x0 * dpr):round(x1 * dpr)] = _bgra(map_colour(kind, theme))
        image = QImage(pixels.data, width, height, width * 4, QImage.Format.Format_ARGB32).copy()
        image.setDevicePixelRatio(dpr)
        return image

    def _background(self, theme: str) -> QColor:
        base = QApplication.palette().color(QPalette.ColorRole.Base)
        return base.darker(106) if theme != "dark" else base.lighter(118)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt override
        started = time.perf_counter()
        painter = QPainter(self)
        painter.drawImage(QPoint(0, 0), self.image())
        painter.end()
        if self.paint_times is not None:
            self.paint_times.append((time.perf_counter() - started) * 1000)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            self.update()  # the theme's key differs: the next paint rebuilds
        super().changeEvent(event)

    # --- pointer -------------------------------------------------------------------------------
    def row_at(self, y: float) -> int | None:
        """The bead a click at strip ``y`` goes to: a marked one within ``SNAP`` px, else the one there."""
        n = self._row_count()
        if n <= 0:
            return None
        marked = self._marked_near(y, SNAP)
        if len(marked):
            top, bottom = self._mark_spans()
            middle = (top[marked] + bottom[marked]) / 2
            return int(marked[np.argmin(np.abs(middle - y))])
        a, k = self.scale()
        if k <= 0:
            return 0
        offsets = self._view.row_offsets()
        row = int(np.searchsorted(offsets, (y - a) / k, side="right")) - 1
        return max(0, min(row, n - 1))

    def _marked_near(self, y: float, slack: float) -> np.ndarray:
        """Marked rows whose mark is within ``slack`` px of ``y``, in order."""
        top, bottom = self._mark_spans()
        near = (top <= y + slack) & (bottom >= y - slack)
        any_mark = np.zeros(len(top), dtype=bool)
        for kind in KINDS:
            rows = self.rows_of(kind)
            any_mark[rows] = True
        return np.flatnonzero(near & any_mark)

    def kinds_of(self, row: int) -> list[str]:
        """The kinds marked on ``row``."""
        out = []
        for kind in KINDS:
            if kind == "hit":
                hits = self.hit_rows()
                at = int(np.searchsorted(hits, row))
                if at < len(hits) and hits[at] == row:
                    out.append(kind)
            elif kind in self._kinds and self._kinds[kind][row]:
                out.append(kind)
        return out

    def jump_to(self, row: int) -> None:
        view = self._view
        view.set_current(row, ensure_visible=False)
        view.reveal(row)
        self.jumped.emit(row)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        row = self.row_at(event.position().y())
        if row is not None:
            self.jump_to(row)
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.buttons() & Qt.MouseButton.LeftButton:
            row = self.row_at(max(0.0, min(event.position().y(), self.height() - 1.0)))
            if row is not None and row != self._view.current_row:
                self.jump_to(row)
            event.accept()
            return
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        if event.button() == Qt.MouseButton.LeftButton:
            self._view.setFocus()
        super().mouseReleaseEvent(event)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:  # noqa: N802 - Qt override
        if not self.context_actions:
            return
        menu = QMenu(self)
        menu.addActions(self.context_actions)
        menu.exec(event.globalPos())

    def event(self, event: QEvent) -> bool:  # Qt override: the tooltip says what is under the pointer
        if event.type() == QEvent.Type.ToolTip:
            assert isinstance(event, QHelpEvent)
            show_plain_tooltip(event.globalPos(), self.tooltip_at(event.pos().y()), self)
            return True
        return super().event(event)

    def tooltip_at(self, y: float) -> str:
        """What is under the pointer (the marked beads there, else the bead), then what each colour means."""
        lines: list[str] = []
        marked = self._marked_near(y, SNAP)
        for row in marked[:4].tolist():
            lines.append(self._describe(row))
        if len(marked) > 4:
            lines.append(self.tr("… and {0} more marked beads here").format(len(marked) - 4))
        if not lines:
            row = self.row_at(y)
            if row is not None:
                lines.append(self.tr("Bead {0}").format(row + 1) if self._map is not None
                             else self.tr("Paragraph {0}").format(row + 1))
        lines.append("")
        lines.append(self.tr("Translation map (click to go there):"))
        lines.extend(legend_lines())
        return "\n".join(lines)

    def _describe(self, row: int) -> str:
        parts = []
        tmap = self._map
        for kind in self.kinds_of(row):
            if kind in ("omission", "addition", "merge") and tmap is not None:
                parts.append(self.tr("{0} ({1} RU : {2} EN)").format(
                    _tr(COLOUR_NAMES[kind]) + " — " + self._short(kind),
                    int(tmap.ru_counts[row]), int(tmap.en_counts[row])))
            elif kind == "bookmark" and tmap is not None:
                titles = ", ".join(f"“{b.title}”" for b in tmap.bookmarks_at(row))
                parts.append(f"{_tr(COLOUR_NAMES[kind])} — {self.tr('bookmark')} {titles}".rstrip())
            else:
                parts.append(f"{_tr(COLOUR_NAMES[kind])} — {self._short(kind)}")
        label = self.tr("Bead {0}").format(row + 1) if tmap is not None else self.tr("Paragraph {0}").format(row + 1)
        return f"{label}: " + "; ".join(parts)

    def _short(self, kind: str) -> str:
        return {
            "omission": self.tr("omission"),
            "addition": self.tr("addition"),
            "merge": self.tr("merge or split"),
            "unsure": self.tr("unsure"),
            "bookmark": self.tr("bookmark"),
            "hit": self.tr("search hit"),
        }[kind]


def _bgra(colour: QColor) -> tuple[int, int, int, int]:
    """A colour as the bytes of one ARGB32 pixel in memory (blue first on little-endian machines)."""
    pixel = (colour.blue(), colour.green(), colour.red(), 255)
    return pixel if sys.byteorder == "little" else pixel[::-1]
