"""The reader driven through its real widgets: open a pair, move, highlight, layouts, reopen."""

from __future__ import annotations


import pytest
from PySide6.QtCore import Qt
from sqlalchemy import insert, select

from app.views.main_window import MainWindow
from app.views.reader_pane import ReaderPane, parse_goto
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, Work


@pytest.fixture
def reader_window(window: MainWindow) -> MainWindow:
    return window


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def _pane(qtbot, library, settings) -> ReaderPane:
    pane = ReaderPane(library, settings)
    qtbot.addWidget(pane)
    pane.resize(1000, 700)
    pane.show()
    qtbot.waitExposed(pane)
    return pane


def _make_text(session, lang: str, sentences: list[str], title: str) -> int:
    work = Work(title=title)
    session.add(work)
    session.flush()
    text = LibraryText(work_id=work.id, lang=lang, title=title, content_hash=f"{title}-{lang}")
    session.add(text)
    session.flush()
    if sentences:
        par = Paragraph(text_id=text.id, position=0, kind="body", text=" ".join(sentences))
        session.add(par)
        session.flush()
        at = 0
        for i, s in enumerate(sentences):
            session.add(Sentence(text_id=text.id, paragraph_id=par.id, position=i, start=at, end=at + len(s), text=s))
            at += len(s) + 1
    session.flush()
    return text.id


def _make_pair(library, ru: list[str], en: list[str], beads: list[tuple[int, int, int, int]]) -> int:
    with library.sessions.begin() as s:
        ru_id = _make_text(s, "ru", ru, "Пара")
        en_id = _make_text(s, "en", en, "Pair")
        a = Alignment(ru_text_id=ru_id, en_text_id=en_id)
        s.add(a)
        s.flush()
        s.execute(
            insert(Bead),
            [dict(alignment_id=a.id, position=i, ru_start=b[0], ru_end=b[1], en_start=b[2], en_end=b[3], confidence=0.99) for i, b in enumerate(beads)],
        )
    return ru_id


PROBLEMS_RU = "trotsky-1931-problems-of-development.ru"


def test_pair_opens_side_by_side_with_russian_left(reader_window: MainWindow, bundled_library) -> None:
    reader_window.open_text(_text_id(bundled_library, PROBLEMS_RU))
    pane = reader_window.reader
    assert pane.model.is_pair and pane.model.rowCount() > 400
    cols = pane.view.renderer.columns(pane.model.langs)
    assert [c.lang for c in cols] == ["ru", "en"] and cols[0].x < cols[1].x
    assert pane.banner.isVisible() and "working translation" in pane.banner.text()
    pane.swap_button.click()
    assert [c.lang for c in pane.view.renderer.columns(pane.model.langs)] == ["en", "ru"]


def test_keyboard_moves_by_bead_and_highlights_the_counterpart(reader_window: MainWindow, bundled_library, qtbot) -> None:
    reader_window.open_text(_text_id(bundled_library, PROBLEMS_RU))
    view = reader_window.reader.view
    view.setFocus()
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Down)
    assert view.current_row == 5
    row = reader_window.reader.model.row(5)
    expected = {("ru", s.position) for s in row.ru} | {("en", s.position) for s in row.en}
    assert view.highlighted_sentences() == expected
    qtbot.keyClick(view, Qt.Key.Key_Up)
    assert view.current_row == 4
    qtbot.keyClick(view, Qt.Key.Key_End)
    assert view.current_row == reader_window.reader.model.rowCount() - 1
    assert view.current_row in view.visible_rows()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.current_row == 0 and view.top_row == 0
    qtbot.keyClick(view, Qt.Key.Key_PageDown)
    assert view.top_row > 0 and view.current_row in view.visible_rows()


def test_clicking_a_sentence_highlights_it_and_its_counterpart(reader_window: MainWindow, bundled_library, qtbot) -> None:
    reader_window.open_text(_text_id(bundled_library, PROBLEMS_RU))
    pane = reader_window.reader
    target = list(pane.view.visible_rows())[-2]
    assert target > 3
    row = pane.model.row(target)
    en_position = row.en[0].position
    rect = pane.view.sentence_rect("en", en_position)
    assert rect is not None
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.view.current_row == target
    assert pane.view.current_sentence == ("en", en_position)
    assert pane.view.highlighted_sentences() == {("en", en_position)} | {("ru", s.position) for s in row.ru}


def test_layouts_switch_columns(reader_window: MainWindow, bundled_library, settings) -> None:
    reader_window.open_text(_text_id(bundled_library, PROBLEMS_RU))
    pane = reader_window.reader
    renderer = pane.view.renderer
    reader_window.set_layout("interlinear")
    cols = renderer.columns(pane.model.langs)
    assert [c.lang for c in cols] == ["ru", "en"] and cols[0].x == cols[1].x
    _height, placed = renderer.row_layouts(pane.model.row(10), pane.model.langs)
    assert placed[0][2] < placed[1][2]  # English under the Russian
    reader_window.set_layout("en")
    assert [c.lang for c in renderer.columns(pane.model.langs)] == ["en"]
    assert settings.layout == "en"
    checked = [a.data() for a in reader_window.layout_actions.actions() if a.isChecked()]
    assert checked == ["en"]


def test_single_language_text_opens_in_one_column(reader_window: MainWindow, bundled_library) -> None:
    reader_window.open_text(_text_id(bundled_library, "rogovin-bolsheviks-against-stalinism.en"))
    pane = reader_window.reader
    assert pane.model.langs == ("en",) and pane.model.rowCount() > 3000
    assert len(pane.view.renderer.columns(pane.model.langs)) == 1
    assert not pane.banner.isVisible()
    assert not any(b.isVisible() for b in pane.layout_buttons.buttons())


def test_reopens_at_the_last_position(qtbot, bundled_library, runner, settings) -> None:
    rogovin = _text_id(bundled_library, "rogovin-bolsheviks-against-stalinism.en")
    first = MainWindow(bundled_library, runner, settings=settings)
    qtbot.addWidget(first)
    first.show()
    first.open_text(rogovin)
    first.reader.go_to("1500")
    assert first.reader.view.current_row == 1499
    first.close()
    second = MainWindow(bundled_library, runner, settings=settings)
    qtbot.addWidget(second)
    second.show()
    assert second.reopen_last()
    assert second.reader.text_id == rogovin
    assert second.reader.view.current_row == 1499
    assert 1499 in second.reader.view.visible_rows()
    second.close()


def test_go_to_paragraph_and_bead(reader_window: MainWindow, bundled_library) -> None:
    reader_window.open_text(_text_id(bundled_library, "rogovin-bolsheviks-against-stalinism.en"))
    pane = reader_window.reader
    assert pane.go_to("¶200")
    row = pane.model.row(pane.view.current_row)
    assert row.en[0].paragraph >= 199
    assert not pane.go_to("nonsense")
    assert parse_goto("p 12") == ("paragraph", 12) and parse_goto("7") == ("row", 7) and parse_goto("0") is None


def test_find_in_text_counts_and_steps(reader_window: MainWindow, bundled_library) -> None:
    reader_window.open_text(_text_id(bundled_library, "rogovin-bolsheviks-against-stalinism.en"))
    pane = reader_window.reader
    pane.open_find()
    count = pane.find("Bukharin")
    assert count > 50 and pane.match_count == count
    assert "1 of" in pane.find_bar.count_label.text()
    first_row = pane.view.current_row
    pane.step_match(1)
    assert pane.match_index == 1
    pane.step_match(-2)
    assert pane.match_index == count - 1
    assert pane.find("zzzqqq") == 0 and pane.find_bar.count_label.text() == "No matches"
    assert first_row == pane.view.current_row


def test_empty_text_opens_without_rows(qtbot, library, settings) -> None:
    with library.sessions.begin() as s:
        tid = _make_text(s, "ru", [], "Пусто")
    pane = _pane(qtbot, library, settings)
    pane.open_text(tid)
    assert pane.model.rowCount() == 0
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.view, Qt.Key.Key_End)
    assert pane.view.highlighted_sentences() == frozenset()
    assert pane.find("что") == 0
    pane.view.grab()


def test_one_sentence_text(qtbot, library, settings) -> None:
    with library.sessions.begin() as s:
        tid = _make_text(s, "en", ["Only one sentence here."], "One")
    pane = _pane(qtbot, library, settings)
    pane.open_text(tid)
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    qtbot.keyClick(pane.view, Qt.Key.Key_PageDown)
    assert pane.view.current_row == 0 and pane.view.top_row == 0
    assert pane.view.highlighted_sentences() == {("en", 0)}


def test_pair_with_ten_times_more_sentences_on_one_side(qtbot, library, settings) -> None:
    ru = [f"Предложение номер {i}." for i in range(200)]
    en = [f"Sentence {i} stands for ten Russian ones." for i in range(20)]
    ru_id = _make_pair(library, ru, en, [(i * 10, i * 10 + 10, i, i + 1) for i in range(20)])
    pane = _pane(qtbot, library, settings)
    pane.open_text(ru_id)
    assert pane.model.rowCount() == 20
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_End)
    assert pane.view.current_row == 19 and 19 in pane.view.visible_rows()
    assert len(pane.view.highlighted_sentences()) == 11
    height, placed = pane.view.renderer.row_layouts(pane.model.row(19), pane.model.langs)
    ru_side = next(side for col, side, _y in placed if col.lang == "ru")
    assert height >= ru_side.height  # the row is as tall as its longer side


def test_bead_with_five_sentences_on_one_side(qtbot, library, settings) -> None:
    ru = ["Раз.", "Два.", "Три.", "Четыре.", "Пять.", "Шесть."]
    en = ["One to five.", "Six."]
    ru_id = _make_pair(library, ru, en, [(0, 5, 0, 1), (5, 6, 1, 2)])
    pane = _pane(qtbot, library, settings)
    pane.open_text(ru_id)
    rect = pane.view.sentence_rect("ru", 3)
    assert rect is not None
    qtbot.mouseClick(pane.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert pane.view.current_sentence == ("ru", 3)
    assert pane.view.highlighted_sentences() == {("ru", 3), ("en", 0)}
    pane.view.setFocus()
    qtbot.keyClick(pane.view, Qt.Key.Key_Down)
    assert pane.view.highlighted_sentences() == {("ru", 5), ("en", 1)}
