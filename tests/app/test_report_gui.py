"""Text → Translation report… in the window: the dialog, hostile text shown as text, a listed bead
that jumps the reader when clicked, Export… in three formats, never over a file unasked."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QColor, QTextCursor
from PySide6.QtWidgets import QApplication

from sqlalchemy import update

from alignment.aligner.edits import Detach, MergeNext
from app.dialogs.report_dialog import chart_image
from db.models import Sentence
from db.services import library as library_service
from db.services.editing import apply_edit
from db.services.export.report_html import BAR_GAP, LABEL_WIDTH, chapter_chart_svg, chart_size

HOSTILE = '<b>bold</b><img src="/dev/zero"> & co'
HOSTILE_SENTENCE = 'Он сказал: <a href="bead:999">сюда</a> <i>и</i> & всё.'
PAIR_1925_EN, PAIR_1925_RU, PAIR_1931_RU = 1, 2, 6
OMITTED_BEAD = 11


@pytest.fixture
def report_window(window, bundled_library):
    """The window on the 1925 pair with one omission (bead 12 as the reader numbers it) and a hostile title."""
    with bundled_library.sessions.begin() as s:
        apply_edit(s, 1, MergeNext(10))
        apply_edit(s, 1, Detach(10, "ru", "last"))
        library_service.rename_text(s, PAIR_1925_EN, HOSTILE)
        s.execute(update(Sentence).where(Sentence.text_id == PAIR_1925_RU, Sentence.position == 11)
                  .values(text=HOSTILE_SENTENCE))
    window.refresh_library()
    window.select_text(PAIR_1925_EN)
    QApplication.processEvents()
    return window


def _open_report(window, qtbot):
    window.report_action.trigger()
    dialog = window.reports.dialog
    assert dialog is not None
    qtbot.waitExposed(dialog)
    return dialog


def test_the_report_dialog_shows_the_pair_and_hostile_text_as_text(report_window, qtbot, tmp_path) -> None:
    assert report_window.report_action.text() == "Translation &report…"
    assert report_window.report_action in report_window._menu("&Text").actions()
    dialog = _open_report(report_window, qtbot)
    text = dialog.browser.toPlainText()
    assert HOSTILE in text  # the title as typed, not bold, no image
    assert HOSTILE_SENTENCE in text  # the omitted sentence as written: its "link" is text, not a link
    # the links are the report's own: the omission, bead 11 (one Russian sentence left with two English
    # ones by the edit: a length outlier) and the beads of terms; the sentence's "bead:999" is not one
    hrefs = _hrefs(dialog.browser.document())
    assert {f"bead:{OMITTED_BEAD}", f"bead:{OMITTED_BEAD - 1}"} <= hrefs and "bead:999" not in hrefs
    assert all(h.startswith("bead:") and int(h[5:].partition("-")[0]) < 43 for h in hrefs)
    assert "Length outliers: English far longer or shorter than expected (1)" in text
    assert "Omissions: Russian with no English (1)" in text
    assert "Bead 12 · Russian sentence 12 · English: none" in text
    assert "Back-translation: a reconstruction from the English by Sverka's editors" in text
    assert "bold" not in [f.text() for f in _bold_fragments(dialog.browser.document())]
    dialog.grab().save(str(tmp_path / "report-dialog.png"))


def _bold_fragments(document):
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().fontWeight() > 500:
                yield fragment
            it += 1
        block = block.next()


def _hrefs(document) -> set[str]:
    found = set()
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            if it.fragment().charFormat().anchorHref():
                found.add(it.fragment().charFormat().anchorHref())
            it += 1
        block = block.next()
    return found


def _anchor_position(browser, href: str) -> int:
    block = browser.document().begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().anchorHref() == href:
                return fragment.position() + fragment.length() // 2
            it += 1
        block = block.next()
    raise AssertionError(f"no link {href}")


def test_clicking_a_listed_bead_shows_it_in_the_reader(report_window, qtbot) -> None:
    dialog = _open_report(report_window, qtbot)
    report_window.open_text(PAIR_1931_RU)  # the reader shows another pair meanwhile
    assert report_window.reader.alignment_id != 1
    browser = dialog.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(_anchor_position(browser, f"bead:{OMITTED_BEAD}"))
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    QApplication.processEvents()
    point = browser.cursorRect(cursor).center() + QPoint(2, 0)
    with qtbot.waitSignal(dialog.jump_requested, timeout=2000):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton, pos=point)
    reader = report_window.reader
    assert reader.alignment_id == 1 and reader.view.current_row == OMITTED_BEAD
    assert OMITTED_BEAD in reader.view.visible_rows()
    row = reader.model.row(OMITTED_BEAD)
    assert row.ru and not row.en  # the omission: Russian with no English


def test_a_terms_bead_links_to_the_bead_where_it_is_rendered_so(window, qtbot) -> None:
    window.select_text(PAIR_1931_RU)
    dialog = _open_report(window, qtbot)
    text = dialog.browser.toPlainText()
    assert "Terms rendered in more than one way, in the whole pair" in text and "“Soviet Union”" in text
    ussr = next(t for t in dialog.report.body.terms if t.entry_id == "ussr")
    bead = next(r for r in ussr.renderings if r.text == "Soviet Union").beads[0]
    window.open_text(PAIR_1925_EN)
    browser = dialog.browser
    cursor = QTextCursor(browser.document())
    cursor.setPosition(_anchor_position(browser, f"bead:{bead}"))
    browser.setTextCursor(cursor)
    browser.ensureCursorVisible()
    QApplication.processEvents()
    with qtbot.waitSignal(dialog.jump_requested, timeout=2000):
        qtbot.mouseClick(browser.viewport(), Qt.MouseButton.LeftButton,
                         pos=browser.cursorRect(cursor).center() + QPoint(1, 0))
    assert window.reader.view.current_row == bead
    english = " ".join(s.text for s in window.reader.model.row(bead).en)
    assert "Soviet Union" in english


def test_a_run_of_omissions_is_one_link_that_selects_the_whole_run(report_window, qtbot, bundled_library) -> None:
    from db.services.editing import apply_edit as edit

    with bundled_library.sessions.begin() as s:  # the sentence before the omission is left out too
        edit(s, 1, Detach(OMITTED_BEAD - 1, "ru", "last"))
    dialog = _open_report(report_window, qtbot)
    [run] = dialog.report.body.chapters[0].omissions
    assert run.beads == (OMITTED_BEAD, OMITTED_BEAD + 1)
    assert "Beads 12–13 · Russian sentences 11–12 · English: none" in dialog.browser.toPlainText()
    report_window.open_text(PAIR_1931_RU)
    dialog.browser.anchorClicked.emit(QUrl(f"bead:{OMITTED_BEAD}-{OMITTED_BEAD + 1}"))  # what a click sends
    assert report_window.reader.alignment_id == 1
    assert report_window.reader.selected_beads() == (OMITTED_BEAD, OMITTED_BEAD + 2)


def test_export_writes_each_format_and_asks_before_replacing(report_window, qtbot, tmp_path, monkeypatch) -> None:
    dialog = _open_report(report_window, qtbot)
    reports = report_window.reports
    for fmt in ("html", "md", "json"):
        target = tmp_path / f"report.{fmt}"
        monkeypatch.setattr(reports, "ask_report_path", lambda _r, t=target, f=fmt: (t, f))
        qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
        assert target.exists()
    assert "&lt;b&gt;bold&lt;/b&gt;&lt;img src=&quot;/dev/zero&quot;&gt;" in (tmp_path / "report.html").read_text()
    assert json.loads((tmp_path / "report.json").read_text())["totals"]["omissions"] == 1
    # an existing file: asked; "no" leaves it as it was
    asked = []
    monkeypatch.setattr(report_window, "ask_yes_no", lambda title, text: asked.append(text) or False)
    (tmp_path / "report.md").write_text("mine", encoding="utf-8")
    monkeypatch.setattr(reports, "ask_report_path", lambda _r: (tmp_path / "report.md", "md"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert asked and (tmp_path / "report.md").read_text(encoding="utf-8") == "mine"
    # a folder that cannot be written: said so, in words
    warnings = []
    monkeypatch.setattr(reports, "show_message", lambda title, text, kind="information": warnings.append((kind, text)))
    monkeypatch.setattr(reports, "ask_report_path", lambda _r: (tmp_path / "missing" / "r.html", "html"))
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert warnings and warnings[0][0] == "warning" and "could not write" in warnings[0][1]


def test_without_a_pair_the_action_says_what_to_do(window, qtbot, monkeypatch) -> None:
    window.reader.clear_text()
    window.library_view.setCurrentIndex(window.library_model.index(-1, -1))
    said = []
    monkeypatch.setattr(window.reports, "show_message", lambda title, text, kind="information": said.append(text))
    window.reports.update_enabled()
    assert not window.report_action.isEnabled()
    assert window.reports.show_report() is None and "aligned pair" in said[0]


def test_cancelling_the_report_is_said_in_the_status_bar_not_as_an_error(window, qtbot, monkeypatch) -> None:
    from alignment.progress import Cancelled

    errors = []
    monkeypatch.setattr(window, "show_error", errors.append)
    window.select_text(PAIR_1925_EN)
    task = window.reports.show_report()
    assert task is not None and task.finished and window.reports.dialog is not None  # made at once here
    window.reports.dialog.close()
    window.reports._not_made(Cancelled())
    assert errors == [] and "cancelled" in window.statusBar().currentMessage()
    window.reports._not_made(OSError("disk on fire"))
    assert len(errors) == 1


def test_the_report_is_made_in_the_background_and_cancel_stops_it(qtbot, bundled_library, settings) -> None:
    import threading

    from app.tasks import TaskRunner
    from app.views.main_window import MainWindow

    runner = TaskRunner()  # the real worker thread
    w = MainWindow(bundled_library, runner, settings=settings)
    qtbot.addWidget(w)
    w.show()
    try:
        w.select_text(PAIR_1925_EN)
        gate = threading.Event()
        runner.run(lambda _p, _c: gate.wait(10), label="another job first")  # holds the worker
        task = w.reports.show_report()
        assert task is not None and not task.finished and w.reports.dialog is None
        task.cancel.cancel()  # what the progress dialog's Cancel does
        gate.set()
        qtbot.waitUntil(lambda: task.finished, timeout=5000)
        assert w.reports.dialog is None and "cancelled" in w.statusBar().currentMessage()
        again = w.reports.show_report()
        qtbot.waitUntil(lambda: again.finished and w.reports.dialog is not None, timeout=5000)
        assert "Omissions" not in w.reports.dialog.browser.toPlainText()  # the checked pair has none
        w.reports.dialog.close()
    finally:
        runner.shutdown()
        w.close()


def test_each_chapter_chart_is_drawn(report_window, qtbot) -> None:
    dialog = _open_report(report_window, qtbot)
    [chapter] = dialog.report.body.chapters
    image = chart_image(chapter_chart_svg(chapter, 43), chart_size(), pixel_ratio=1.0)
    # the Russian-sentences bar is full (43 of 43) and blue; the omitted bar is short and red
    assert image.pixelColor(LABEL_WIDTH + 100, BAR_GAP + 5) == QColor("#4a6fa5")
    assert image.pixelColor(LABEL_WIDTH + 2, BAR_GAP + 2 * (14 + BAR_GAP) + 5) == QColor("#c0392b")
    assert dialog.browser.charts[0].size().width() == 2 * chart_size()[0]
