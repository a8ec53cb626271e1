"""Copying with citation through the real window: Ctrl+C in the reader, the context menu's
Russian/English variants, a bookmark from the Bookmarks panel, the citation alone and the
record for Zotero — each checked on the system clipboard (QClipboard)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.views.main_window import MainWindow
from db.models import LibraryText, Paragraph
from db.services import bookmarks as bm
from db.services.export import excerpt as ex

PLATFORM_RU = "trotsky-1931-problems-of-development.ru"
REIMAN = "reiman-building-socialism.en"


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def _open(window: MainWindow, library, key: str = PLATFORM_RU) -> None:
    window.select_text(_text_id(library, key))
    window.reader.view.setFocus()
    QApplication.processEvents()


def _bead_words(library, first: int, last: int) -> list:
    with library.sessions() as s:
        alignment_id = ex.alignment_for_text(s, _text_id(library, PLATFORM_RU))
        return list(ex.excerpt_for_range(s, alignment_id, first, last).beads)


@pytest.fixture(autouse=True)
def _empty_clipboard() -> None:
    QGuiApplication.clipboard().clear()


def test_ctrl_c_copies_the_selected_beads_with_their_citation(window, bundled_library, qtbot) -> None:
    _open(window, bundled_library)
    view = window.reader.view
    view.set_current(9)
    view.set_current(11, extend=True)
    qtbot.keyClick(view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    mime = QGuiApplication.clipboard().mimeData()
    plain, html = mime.text(), mime.html()
    beads = _bead_words(bundled_library, 9, 11)
    assert plain.startswith("«" + beads[0].ru)
    assert beads[2].en in plain and plain.index(beads[2].ru) < plain.index(beads[0].en)
    assert "Russian original: Leon Trotsky, “Problemy razvitii͡a SSSR" in plain
    assert "English: Leon Trotsky, “Problems of the Development of the USSR" in plain
    assert "working translation by the Sverka editors, not published" in plain
    assert "Sverka: beads 10–12." in plain
    assert '<blockquote lang="ru">' in html and '<blockquote lang="en">' in html
    assert "<i>Bi͡ulletenʹ oppozit͡sii (bolʹshevikov-lenint͡sev)</i>" in html


def test_the_context_menu_copies_one_language_and_cites_that_side(window, bundled_library, qtbot) -> None:
    _open(window, bundled_library)
    window.reader.view.set_current(9)
    menu = window.review.context_menu()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[:4] == ["&Copy with citation", "Copy &Russian only, with citation",
                         "Copy &English only, with citation", "Copy the citation"]
    menu.actions()[1].trigger()
    plain = QGuiApplication.clipboard().text()
    bead = _bead_words(bundled_library, 9, 9)[0]
    assert plain.startswith("«" + bead.ru) and bead.en not in plain
    assert "Leon Trotsky, “Problemy" in plain and "working translation" not in plain
    menu.actions()[2].trigger()
    plain = QGuiApplication.clipboard().text()
    assert plain.startswith("“" + bead.en) and bead.ru not in plain
    assert "working translation by the Sverka editors, not published" in plain and "Problemy" not in plain


def test_copy_uses_the_style_and_pages_of_the_settings(window, bundled_library, settings) -> None:
    with bundled_library.sessions.begin() as s:
        ru_id = s.scalar(select(LibraryText.id).where(LibraryText.key == PLATFORM_RU))
        for p in s.scalars(select(Paragraph).where(Paragraph.text_id == ru_id)):
            p.page = str(300 + p.position // 10)
    settings.citation_style = "gost"
    _open(window, bundled_library)
    window.reader.view.set_current(9)
    plain = window.copying.copy("ru")
    assert plain == QGuiApplication.clipboard().text()
    assert "Троцкий Л. Проблемы развития СССР" in plain and "// Бюллетень оппозиции (большевиков-ленинцев). 1931. № 20. С. 300." in plain


def test_a_text_read_alone_copies_its_paragraphs(window, bundled_library) -> None:
    _open(window, bundled_library, REIMAN)
    window.reader.view.set_current(2)
    plain = window.copying.copy()
    assert plain.startswith("“") and "Michal Reiman, “The ‘Building Socialism’ in the early 1920s,” in About Russia" in plain
    assert "para. 3." in plain and "paragraph numbers" in plain.lower()


def test_a_bookmark_is_copied_from_the_bookmarks_panel(window, bundled_library, qtbot) -> None:
    with bundled_library.sessions.begin() as s:
        alignment_id = ex.alignment_for_text(s, _text_id(bundled_library, PLATFORM_RU))
        info = bm.add_bookmark(s, alignment_id, 20, 22, title="Темпы", tags=["industry"])
    window.bookmarks_panel.refresh()
    assert window.bookmarks_panel.select_bookmark(info.id)
    qtbot.mouseClick(window.bookmarks_panel.copy_button, Qt.MouseButton.LeftButton)
    plain = QGuiApplication.clipboard().text()
    beads = _bead_words(bundled_library, 20, 21)
    assert beads[0].ru in plain and beads[1].en in plain and "Sverka: beads 21–22." in plain
    window.bookmarks_panel.context_menu().actions()[2].trigger()  # English only
    plain = QGuiApplication.clipboard().text()
    assert beads[0].ru not in plain and plain.startswith("“" + beads[0].en)


def test_copy_the_citation_and_export_the_record(window, bundled_library, tmp_path: Path, monkeypatch) -> None:
    import rispy

    _open(window, bundled_library)
    window.reader.view.set_current(4)
    citation = window.copying.copy_citation()
    assert QGuiApplication.clipboard().text() == citation and citation.startswith("Russian original:")
    target = tmp_path / "record.ris"
    monkeypatch.setattr(window.copying, "ask_record_path", lambda: (target, "ris"))
    window.copying.export_record_action.trigger()
    entries = rispy.loads(target.read_text(encoding="utf-8"))
    assert [e["type_of_reference"] for e in entries] == ["JOUR", "MANSCPT"]
    assert any("Working translation by the Sverka editors" in n for n in entries[1]["notes"])


def test_the_window_imports_an_aligned_pair(window, bundled_library, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "pair.csv"
    path.write_bytes("Русский;English\r\nКулаки сопротивлялись.;The kulaks resisted.\r\nКолхоз.;Kolkhoz.\r\n"
                     .encode("cp1251"))
    monkeypatch.setattr(window, "ask_aligned_path", lambda: path)
    window.import_aligned_action.trigger()
    assert window.reader.alignment_id is not None and window.reader.model.rowCount() == 2
    assert "Кулаки сопротивлялись." in window.reader.plain_text()
    assert "2 bead" in window.statusBar().currentMessage()
    errors: list = []
    monkeypatch.setattr(window, "show_error", errors.append)
    bad = tmp_path / "bad.tmx"
    bad.write_bytes(b"<tmx><header/></tmx>")
    monkeypatch.setattr(window, "ask_aligned_path", lambda: bad)
    window.import_aligned_action.trigger()
    assert errors and "no <body>" in str(errors[0])
