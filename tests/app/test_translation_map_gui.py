"""The translation map beside the reader's scroll bar, driven through the real window and widgets."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QColor, QImage, QMouseEvent
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionSlider
from sqlalchemy import select, update

from app.views.main_window import MainWindow
from app.views.translation_map import LANES, MAP_COLOURS, map_colour
from db.models import Bead, LibraryText
from db.services import bookmarks as bm
from db.services.translation_map import OMISSION, load_translation_map

PAIR_RU = "trotsky-1931-problems-of-development.ru"
ROGOVIN = "rogovin-bolsheviks-against-stalinism.en"


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def _open(window: MainWindow, key: str = PAIR_RU):
    window.open_text(_text_id(window._library, key))
    QApplication.processEvents()
    return window.reader, window.reader.view, window.reader.map_strip


def _pixel(image: QImage, kind: str, y: float) -> QColor:
    x0, x1 = LANES[kind]
    return image.pixelColor(int((x0 + x1) / 2), int(round(y)))


def _painted(strip, kind: str, row: int) -> bool:
    """The strip as it is on screen shows ``kind``'s colour at ``row``'s mark."""
    image = strip.grab().toImage()
    return _pixel(image, kind, strip.mark_y(row)) == map_colour(kind)


def _handle_span(view, strip) -> tuple[float, float]:
    """Top and bottom of the scroll bar's handle, in strip coordinates."""
    bar = view.verticalScrollBar()
    option = QStyleOptionSlider()
    bar.initStyleOption(option)
    rect = bar.style().subControlRect(QStyle.ComplexControl.CC_ScrollBar, option, QStyle.SubControl.SC_ScrollBarSlider, bar)
    top = strip.mapFromGlobal(bar.mapToGlobal(rect.topLeft())).y()
    return top, top + rect.height()


def _plant_omission(window: MainWindow, row: int) -> int:
    """Detach the Russian sentence of 1–1 bead ``row`` (review mode's "no counterpart"): returns the omission's row."""
    pane = window.reader
    pane.view.set_current(row, ensure_visible=False)
    assert window.review.detach()
    rows = [r for r in (row, row + 1) if pane.model.row(r).ru and not pane.model.row(r).en]
    assert len(rows) == 1
    return rows[0]


def test_a_planted_omission_is_painted_at_its_bead_and_a_click_goes_there(window: MainWindow, qtbot) -> None:
    pane, view, strip = _open(window)
    assert strip.isVisible() and strip.translation_map is not None
    assert len(strip.rows_of("omission")) == 0  # the bundled pair is all one-to-one
    before = strip.grab().toImage()
    omission = _plant_omission(window, 300)
    # The map was updated from the edit, and agrees with a fresh load from the library.
    with window._library.sessions() as s:
        fresh = load_translation_map(s, pane.alignment_id)
    assert strip.rows_of("omission").tolist() == np.flatnonzero(fresh.kinds == OMISSION).tolist() == [omission]
    assert strip.rows_of("addition").tolist() == [omission - 1]  # its English now stands alone
    view.set_current(0)
    view.set_top(0)
    QApplication.processEvents()
    y = strip.mark_y(omission)
    assert y > strip.height() / 2  # bead 300 of 419 is in the lower half of the strip
    assert _pixel(before, "omission", y) != map_colour("omission")
    assert _painted(strip, "omission", omission)
    assert not _painted(strip, "omission", 100)  # elsewhere the lane is empty
    assert omission not in view.visible_rows()

    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(3, round(y)))
    assert view.current_row == omission
    top = view.row_top(omission)
    assert top is not None and 0 <= top <= view.viewport().height() / 3  # put in the upper third, as jumps are
    # The mark is where the scroll bar's handle is now that its bead is on screen.
    handle_top, handle_bottom = _handle_span(view, strip)
    assert handle_top <= strip.mark_y(omission) <= handle_bottom
    assert view.hasFocus()


def test_marks_follow_the_scroll_bar_across_the_whole_text(window: MainWindow) -> None:
    pane, view, strip = _open(window)
    n = pane.model.rowCount()
    for row in (0, n // 5, n // 2, 4 * n // 5, n - 1):
        view.set_current(row, ensure_visible=False)
        view.reveal(row)
        QApplication.processEvents()
        handle_top, handle_bottom = _handle_span(view, strip)
        assert handle_top - 0.5 <= strip.mark_y(row) <= handle_bottom + 0.5, row


def test_dragging_on_the_strip_moves_through_the_text(window: MainWindow, qtbot) -> None:
    pane, view, strip = _open(window)
    h = strip.height()
    qtbot.mousePress(strip, Qt.MouseButton.LeftButton, pos=QPoint(9, int(h * 0.2)))
    first = view.current_row
    move = QMouseEvent(QMouseEvent.Type.MouseMove, QPointF(9, h * 0.7), strip.mapToGlobal(QPointF(9, h * 0.7)),
                       Qt.MouseButton.NoButton, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(strip, move)
    qtbot.mouseRelease(strip, Qt.MouseButton.LeftButton, pos=QPoint(9, int(h * 0.7)))
    assert 0 < first < view.current_row
    assert view.current_row in view.visible_rows()
    # (the rows measured on the way may move the scale by a row or so)
    assert abs(strip.row_at(h * 0.7) - view.current_row) <= 2


def test_unsure_beads_show_and_confirming_one_removes_its_mark(window: MainWindow, bundled_library) -> None:
    ru_id = _text_id(bundled_library, PAIR_RU)
    window.open_text(ru_id)
    aid = window.reader.alignment_id
    with bundled_library.sessions.begin() as s:
        s.execute(update(Bead).where(Bead.alignment_id == aid, Bead.position.in_((40, 250))).values(confidence=0.2))
    pane, view, strip = _open(window)
    assert strip.rows_of("unsure").tolist() == [40, 250]
    assert _painted(strip, "unsure", 250)
    view.set_current(250)
    assert window.review.confirm()
    QApplication.processEvents()
    assert strip.rows_of("unsure").tolist() == [40]
    assert not _painted(strip, "unsure", 250) and _painted(strip, "unsure", 40)
    assert "unsure" in strip.tooltip_at(strip.mark_y(40))


def test_bookmarks_and_search_hits_appear_and_the_toggle_hides_the_map(window: MainWindow, qtbot, settings) -> None:
    pane, view, strip = _open(window)
    assert len(strip.rows_of("bookmark")) == 0
    with window._library.sessions.begin() as s:
        bm.add_bookmark(s, pane.alignment_id, 200, 204, title="о колхозах")
    window.bookmarks_changed()  # what the bookmark dialog and panel call after a change
    assert strip.rows_of("bookmark").tolist() == [200, 201, 202, 203]
    assert _painted(strip, "bookmark", 202)
    assert "“о колхозах”" in strip.tooltip_at(strip.mark_y(202))

    # The find bar's hits.
    pane.find_bar.open_bar()
    pane.find_bar.field.setText("колхоз")  # (typing Cyrillic through QTest aborts offscreen)
    qtbot.keyClick(pane.find_bar.field, Qt.Key.Key_Return)
    hit_rows = sorted({m.row for m in pane._matches})
    assert len(hit_rows) >= 3
    assert strip.rows_of("hit").tolist() == hit_rows
    assert all(_painted(strip, "hit", r) for r in hit_rows[:3])
    pane.find_bar.close_bar()
    assert len(strip.rows_of("hit")) == 0

    # The library search's hits in the open pair.
    window.search_panel.run_search("proletariat")
    hits = window.search_panel.model.result.hits
    expected = {pane.model.row_of_sentence(h.lang, h.position) for h in hits if h.alignment_id == pane.alignment_id}
    assert expected and len(expected) < len(hits)  # other texts' hits are not marked here
    assert set(strip.rows_of("hit").tolist()) == expected

    width = view.viewport().width()
    window.map_action.trigger()
    QApplication.processEvents()
    assert not strip.isVisible() and settings.show_map is False
    assert view.viewport().width() == width + strip.width()  # the text takes the room back
    from app.views.reader_pane import ReaderPane

    later = ReaderPane(window._library, settings)  # the next start remembers it
    assert later.map_strip.isHidden()
    later.deleteLater()
    window.map_action.trigger()
    assert strip.isVisible() and settings.show_map is True
    assert view.viewport().width() == width


def test_the_legend_names_each_colour_and_counts_them(window: MainWindow) -> None:
    pane, view, strip = _open(window)
    _plant_omission(window, 120)
    window.map_legend_action.trigger()
    legend = window.map_legend
    assert legend.isVisible()
    assert legend.labels["omission"].text() == "Omission: Russian with no English — 1 in this text"
    _plant_omission(window, 240)  # the open legend recounts
    assert legend.labels["omission"].text().endswith("— 2 in this text")
    assert legend.swatches["omission"].styleSheet().find(map_colour("omission").name()) >= 0
    tip = strip.tooltip_at(strip.mark_y(0))
    for word in ("red", "blue", "violet", "orange", "green", "grey"):
        assert word in tip
    assert window.map_legend_action in strip.context_actions and window.map_action in strip.context_actions


def test_a_text_read_alone_shows_only_its_search_hits(window: MainWindow, qtbot) -> None:
    pane, view, strip = _open(window, ROGOVIN)
    assert not pane.model.is_pair and strip.isVisible()
    assert strip.translation_map is None and len(strip.rows_of("omission")) == 0
    pane.find("Kirov")
    rows = sorted({m.row for m in pane._matches})
    assert rows and strip.rows_of("hit").tolist() == rows
    assert _painted(strip, "hit", rows[-1])
    qtbot.mouseClick(strip, Qt.MouseButton.LeftButton, pos=QPoint(17, round(strip.mark_y(rows[-1]))))
    assert view.current_row == rows[-1]


@pytest.mark.parametrize("theme", ["light", "sepia", "dark"])
def test_every_colour_stands_out_from_the_strip_in_each_theme(theme: str) -> None:
    from app.views.translation_map import KINDS, MAP_COLOURS

    colours = [QColor(MAP_COLOURS[theme][k]) for k in KINDS]
    assert len({c.name() for c in colours}) == len(KINDS)
    paper = {"light": QColor(253, 252, 249), "sepia": QColor(246, 238, 218), "dark": QColor(30, 31, 34)}[theme]

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return 0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())

    for kind, c in zip(KINDS, colours):
        hi, lo = sorted((luminance(c), luminance(paper)), reverse=True)
        assert (hi + 0.05) / (lo + 0.05) >= 2.3, (theme, kind)  # a mark reads against the paper


def test_the_map_takes_the_colours_of_the_theme(window: MainWindow) -> None:
    pane, view, strip = _open(window)
    omission = _plant_omission(window, 200)
    try:
        for theme in ("dark", "sepia", "light"):
            window.reading.set_theme(theme)
            QApplication.processEvents()
            image = strip.grab().toImage()
            assert _pixel(image, "omission", strip.mark_y(omission)) == QColor(MAP_COLOURS[theme]["omission"]), theme
    finally:
        window.reading.set_theme("light")
