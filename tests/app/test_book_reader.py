"""A PDF-imported book in the reader: table of contents, footnote popup, Ctrl+G to a
printed page, page numbers in the margin and the status bar (real widgets, pytest-qt)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bookfiles as bf  # noqa: E402

from app.views.main_window import MainWindow  # noqa: E402
from db.services.importing import TextMetadata, import_text  # noqa: E402

BOOK = bf.sample_book(chapters=4, paragraphs=4)


@pytest.fixture
def book_window(qtbot, library, runner, settings, tmp_path: Path) -> Iterator[tuple[MainWindow, bf.PdfLayout, int]]:
    path = tmp_path / "book.pdf"
    layout = bf.typeset_pdf(path, BOOK, first_folio=41)
    text_id = import_text(library, path, TextMetadata(lang="ru")).text_id
    w = MainWindow(library, runner, settings=settings)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    qtbot.waitExposed(w)
    w.reader.open_text(text_id)
    yield w, layout, text_id
    w.close()
    QApplication.processEvents()


def _call_on_screen(w: MainWindow):
    view, ctl = w.reader.view, w.reader.note_popups
    for row in view.visible_rows():
        top = view.row_top(row)
        height = int(view.renderer.known_height(view.reader_model().key(row)) or 0)
        for y in range(0, height, 3):
            for x in range(0, view.viewport().width(), 3):
                target = ctl.call_at(QPointF(x, top + y))
                if target is not None:
                    return target
    return None


def test_table_of_contents_lists_chapters_follows_and_jumps(qtbot, book_window) -> None:
    w, layout, _ = book_window
    w.toc_action.trigger()
    assert w.side_tabs.currentWidget() is w.toc_panel
    chapters = [e for e in w.toc_panel.entries if e.titles.get("ru", "").startswith("Глава")]
    assert [e.titles["ru"] for e in chapters] == [c.title for c in BOOK.chapters]
    assert [e.page for e in chapters] == layout.heading_pages
    # clicking the third chapter moves the reader there, and the panel highlights it
    item = w.toc_panel.tree.findItems(BOOK.chapters[2].title, Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly, 0)[0]
    rect = w.toc_panel.tree.visualItemRect(item)
    qtbot.mouseClick(w.toc_panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert w.reader.view.current_row == chapters[2].row
    assert w.toc_panel.current_entry() == chapters[2]
    # scrolling down into the last chapter highlights it
    w.reader.view.set_current(chapters[3].row + 1)
    assert w.toc_panel.current_entry() == chapters[3]
    # the Chapters menu lists the same chapters
    titles = [a.text() for a in w.chapters_menu.actions()]
    assert all(any(c.title in t for t in titles) for c in BOOK.chapters)


def test_note_call_opens_the_note_in_a_plain_popup(qtbot, book_window) -> None:
    w, _, _ = book_window
    target = _call_on_screen(w)
    assert target is not None and target.label == "1"
    qtbot.mouseClick(w.reader.view.viewport(), Qt.MouseButton.LeftButton, pos=target.rect.center())
    popup = w.reader.note_popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.body.text() == BOOK.notes_of(BOOK.chapters[0])[0]
    assert popup.heading.text().startswith("Note 1")
    assert popup.body.textFormat() == Qt.TextFormat.PlainText
    qtbot.keyClick(w.reader.view, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_ctrl_g_goes_to_a_printed_page_and_the_status_bar_shows_it(qtbot, book_window) -> None:
    w, layout, _ = book_window
    page = layout.paragraph_pages[5]
    assert w.reader.go_to(f"p. {page}")
    assert w.reader.current_page() == page
    assert w.page_label.text() == f"p. {page}"
    assert not w.reader.go_to("p. 999")
    assert w.reader.go_to("стр. 41") and w.reader.current_page() == "41"


def test_page_numbers_in_the_margin_switch_off_and_on(qtbot, book_window, tmp_path: Path) -> None:
    w, _, _ = book_window
    view = w.reader.view
    marks = [m for r in view.visible_rows() for m in view.renderer.page_marks(view.reader_model().row(r), view.langs())]
    assert any(label == "41" for _lang, label, _y in marks)
    on = view.viewport().grab().toImage()
    w.pages_action.setChecked(False)
    assert not view.renderer.show_pages
    off = view.viewport().grab().toImage()
    assert on != off
    w.pages_action.setChecked(True)
    assert view.renderer.show_pages


def test_screenshot_of_a_pdf_book_with_contents_popup_and_page_margin(qtbot, book_window, tmp_path: Path) -> None:
    """The acceptance screenshot: contents panel, a footnote popup, "p. 41" in the margin.

    Saved as ``books-reader.png`` in the test's tmp folder (``pytest --basetemp DIR``
    keeps it where you can open it)."""
    from PySide6.QtGui import QPainter

    w, _, _ = book_window
    w.resize(1400, 860)
    w.show_contents()
    w.reader.view.set_current(4)
    target = _call_on_screen(w)
    assert target is not None
    assert w.reader.note_popups.open_for(target, sticky=True)
    popup = w.reader.note_popup
    qtbot.waitUntil(popup.isVisible)
    shot = w.grab()
    # the popup is a window of its own: paint it where it stands over the main window
    painter = QPainter(shot)
    painter.drawPixmap(w.mapFromGlobal(popup.pos()), popup.grab())
    painter.end()
    path = tmp_path / "books-reader.png"
    assert shot.save(str(path))
    assert path.stat().st_size > 20_000  # a real picture, not a blank window
    assert w.side_tabs.currentWidget() is w.toc_panel and w.pages_action.isChecked()
    assert popup.geometry().intersects(w.geometry())  # the popup is in the picture
