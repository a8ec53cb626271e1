"""Library search in the window: a parallel concordance that opens the reader at the hit."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.models.search_model import HIT_ROLE
from app.settings import Settings
from app.views.main_window import MainWindow


@pytest.fixture
def search_window(qtbot, bundled_library, runner, tmp_path: Path) -> Iterator[MainWindow]:
    w = MainWindow(bundled_library, runner, settings=Settings.from_file(str(tmp_path / "s.ini")))
    qtbot.addWidget(w)
    w.resize(1200, 800)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    QApplication.processEvents()


def test_search_lists_parallel_pairs_and_opens_the_reader_at_the_bead(search_window: MainWindow, qtbot) -> None:
    search_window.search_action.trigger()
    panel = search_window.search_panel
    assert search_window.side_tabs.currentWidget() is panel and panel.field.hasFocus()
    panel.field.setText("пролетариата")  # QTest cannot type Cyrillic keys
    qtbot.keyClick(panel.field, Qt.Key.Key_Return)
    model = panel.model
    assert model.rowCount() > 3 and "found" in panel.summary.text()
    row = next(r for r in range(model.rowCount()) if model.index(r).data(HIT_ROLE).partner_text)
    hit = model.index(row).data(HIT_ROLE)
    assert hit.spans and "пролетариат" in hit.text[hit.spans[0][0]:hit.spans[0][1]].lower()
    panel.results.scrollTo(model.index(row))
    qtbot.mouseClick(panel.results.viewport(), Qt.MouseButton.LeftButton, pos=panel.results.visualRect(model.index(row)).center())
    reader = search_window.reader
    assert reader.model.is_pair
    assert reader.view.current_row == hit.bead_position
    assert reader.view.current_sentence == (hit.lang, hit.position)
    assert (hit.lang, hit.position) in reader.view.highlighted_sentences()
    assert hit.bead_position in reader.view.visible_rows()


def test_search_for_nothing_says_so(search_window: MainWindow) -> None:
    panel = search_window.search_panel
    assert panel.run_search("zzzqqqxx") == 0
    assert panel.summary.text() == "Nothing found."
    assert panel.run_search("") == 0 and panel.summary.text() == ""


def test_deleting_a_text_can_be_undone(search_window: MainWindow, monkeypatch) -> None:
    window = search_window
    count = sum(window.library_model.item(r, 0).rowCount() for r in range(window.library_model.rowCount()))
    item = window.library_model.item(0, 0).child(0, 0)
    window.library_view.setCurrentIndex(item.index())
    window.open_text(window.current_text_id())
    monkeypatch.setattr(window, "ask_yes_no", lambda title, text: True)
    window.delete_action.trigger()
    assert window.reader.text_id is None
    assert sum(window.library_model.item(r, 0).rowCount() for r in range(window.library_model.rowCount())) == count - 1
    assert window.undo_action.isEnabled()
    window.undo_action.trigger()
    assert sum(window.library_model.item(r, 0).rowCount() for r in range(window.library_model.rowCount())) == count
    window.redo_action.trigger()
    assert sum(window.library_model.item(r, 0).rowCount() for r in range(window.library_model.rowCount())) == count - 1


def test_editing_details_marks_a_text_as_working_translation(search_window: MainWindow, monkeypatch) -> None:
    from dataclasses import replace

    from app.views.details_dialog import DetailsDialog

    window = search_window
    work = next(window.library_model.item(r, 0) for r in range(window.library_model.rowCount()) if "Reiman" in window.library_model.item(r, 0).text())
    window.library_view.setCurrentIndex(work.child(0, 0).index())
    window.open_text(window.current_text_id())
    assert not window.reader.banner.isVisible()
    monkeypatch.setattr(DetailsDialog, "ask", classmethod(lambda cls, d, parent=None: replace(d, kind="working_translation", title="Reiman, ch. 2")))
    window.details_action.trigger()
    assert window.reader.banner.isVisible() and "Working translation" in window.reader.banner.text()
    titles = [work.child(c, 0).text() for r in range(window.library_model.rowCount()) for work in [window.library_model.item(r, 0)] for c in range(work.rowCount())]
    assert "Reiman, ch. 2" in titles
