"""Export through the window: File → Export…, the Export dialog, the file, and never
overwriting a file without a yes."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from app.dialogs.export_dialog import ExportDialog, ExportRequest
from app.views.export_action import safe_file_name
from app.views.main_window import MainWindow
from db.models import LibraryText
from db.services import bookmarks as bm
from db.services.export import excerpt as ex

RU_1925 = "trotsky-1925-leningrad-opposition.ru"


@pytest.fixture
def ewindow(window: MainWindow) -> MainWindow:
    return window


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


class DialogDriver:
    """Answers the real Export dialog: records how it opened, picks the format (and what), accepts."""

    def __init__(self, monkeypatch, fmt: str, what: str | None = None) -> None:
        self.fmt, self.what = fmt, what
        self.opened: list[dict[str, bool]] = []
        driver = self

        def exec_(dialog: ExportDialog) -> int:
            driver.opened.append(
                {name: getattr(dialog, f"{name}_radio").isChecked() for name in ("selection", "bookmark", "tag", "text")}
            )
            if driver.what:
                getattr(dialog, f"{driver.what}_radio").setChecked(True)
            dialog.format_combo.setCurrentIndex(dialog.format_combo.findData(driver.fmt))
            return QDialog.DialogCode.Accepted

        monkeypatch.setattr(ExportDialog, "exec", exec_)


def _save_to(monkeypatch, window: MainWindow, path: Path, asked: list | None = None) -> None:
    def ask(request: ExportRequest) -> Path:
        if asked is not None:
            asked.append(request)
        return path

    monkeypatch.setattr(window.exports, "ask_save_path", ask)


def _select_beads(window: MainWindow, library, qtbot, first: int, count: int) -> None:
    window.select_text(_text_id(library, RU_1925))
    view = window.reader.view
    view.setFocus()
    view.set_current(first)
    for _ in range(count - 1):
        qtbot.keyClick(view, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)


def test_exporting_the_selection_to_csv_then_refusing_and_accepting_an_overwrite(
    ewindow, bundled_library, qtbot, monkeypatch, tmp_path: Path
) -> None:
    _select_beads(ewindow, bundled_library, qtbot, 2, 3)
    driver = DialogDriver(monkeypatch, "csv")
    target = tmp_path / "selection.csv"
    asked: list[ExportRequest] = []
    _save_to(monkeypatch, ewindow, target, asked)
    questions: list[str] = []
    monkeypatch.setattr(ewindow, "ask_yes_no", lambda title, text: questions.append(text) or False)
    ewindow.export_action.trigger()
    assert driver.opened[0]["selection"]  # the selection is what the dialog offers first
    assert asked[0].what == "selection" and (asked[0].first, asked[0].last) == (2, 4)
    assert not questions  # a new file: nothing to ask
    rows = list(csv.reader(io.StringIO(target.read_text(encoding="utf-8-sig"))))
    with bundled_library.sessions() as s:
        expected = ex.excerpt_for_range(s, ewindow.reader.alignment_id, 2, 4)
    body = "\n".join(",".join(r) for r in rows)
    for bead in expected.beads:
        assert bead.ru[:40] in body and bead.en[:40] in body
    assert "Back-translation" in body or "Обратный перевод" in body  # the stand-in is labelled
    before = target.read_bytes()

    # the same file again, as TMX: the window asks, "No" leaves the file as it was
    DialogDriver(monkeypatch, "tmx")
    ewindow.export_action.trigger()
    assert len(questions) == 1 and str(target) in questions[0]
    assert target.read_bytes() == before
    assert "left as it was" in ewindow.statusBar().currentMessage()

    # "Yes" replaces it
    monkeypatch.setattr(ewindow, "ask_yes_no", lambda title, text: True)
    ewindow.export_action.trigger()
    written = target.read_text(encoding="utf-8")
    assert written.lstrip().startswith("<?xml") and "<tmx" in written
    assert expected.beads[0].en[:40] in written


def test_the_panel_exports_one_bookmark_preselected(ewindow, bundled_library, qtbot, monkeypatch, tmp_path: Path) -> None:
    with bundled_library.sessions.begin() as s:
        alignment = ex.alignment_for_text(s, _text_id(bundled_library, RU_1925))
        mark = bm.add_bookmark(s, alignment, 7, 9, title="Элемент истины", note="для статьи", tags=["1925"])
    panel = ewindow.bookmarks_panel
    panel.refresh()
    panel.select_bookmark(mark.id)
    driver = DialogDriver(monkeypatch, "md")
    target = tmp_path / "mark.md"
    _save_to(monkeypatch, ewindow, target)
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert driver.opened[0]["bookmark"]
    text = target.read_text(encoding="utf-8")
    assert "Элемент истины" in text and "для статьи" in text


def test_all_bookmarks_with_a_tag_and_a_whole_text_as_pdf(ewindow, bundled_library, qtbot, monkeypatch, tmp_path: Path) -> None:
    with bundled_library.sessions.begin() as s:
        alignment = ex.alignment_for_text(s, _text_id(bundled_library, RU_1925))
        bm.add_bookmark(s, alignment, 1, 2, title="Первая", tags=["nep"])
        bm.add_bookmark(s, alignment, 30, 31, title="Вторая", tags=["NEP"])
        bm.add_bookmark(s, alignment, 40, 41, title="Третья", tags=["other"])
    DialogDriver(monkeypatch, "html", what="tag")
    target = tmp_path / "tag.html"
    _save_to(monkeypatch, ewindow, target)
    ewindow.bookmarks_panel.refresh()
    ewindow.bookmarks_panel.set_tag_filter("nep")
    qtbot.mouseClick(ewindow.bookmarks_panel.export_button, Qt.MouseButton.LeftButton)
    html = target.read_text(encoding="utf-8")
    assert "Первая" in html and "Вторая" in html and "Третья" not in html

    ewindow.select_text(_text_id(bundled_library, RU_1925))
    DialogDriver(monkeypatch, "pdf", what="text")
    pdf = tmp_path / "whole.pdf"
    _save_to(monkeypatch, ewindow, pdf)
    ewindow.export_action.trigger()
    assert pdf.read_bytes().startswith(b"%PDF") and pdf.stat().st_size > 20_000


def test_a_folder_that_cannot_be_written_is_reported_in_plain_words(ewindow, bundled_library, qtbot, monkeypatch, tmp_path: Path) -> None:
    _select_beads(ewindow, bundled_library, qtbot, 0, 1)
    DialogDriver(monkeypatch, "txt")
    _save_to(monkeypatch, ewindow, tmp_path / "missing-folder" / "x.txt")
    warnings: list[tuple[str, str]] = []
    monkeypatch.setattr(ewindow.exports, "show_warning", lambda title, text: warnings.append((title, text)))
    ewindow.export_action.trigger()
    assert warnings and "could not write" in warnings[0][1]


def test_suggested_file_names_are_safe() -> None:
    assert safe_file_name("Уроки Октября: 1/2 <draft>", "docx") == "Уроки Октября 1 2 draft.docx"
    assert safe_file_name("///", "tmx") == "sverka-export.tmx"
