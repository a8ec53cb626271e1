"""Defects seen in the reader (issue 16): each test failed before its fix."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtTest import QTest
from sqlalchemy import update

from app.views.glossary_popup import HOVER_DELAY_MS, LEAVE_DELAY_MS, TermTarget
from app.views.main_window import MainWindow
from db.models import Bead
from db.services.unsure import AUTO
from tests.app.test_glossary_popup import PAIR_RU, _text_id


def _term(window: MainWindow, row: int, lang: str, needle: str) -> TermTarget:
    for seg in window.reader.model.row(row).side(lang):
        for a, b, entry_id in seg.terms:
            if needle in seg.text[a:b].lower():
                return TermTarget(row, lang, seg.position, a, b, entry_id)
    raise AssertionError(f"no term {needle!r} in row {row} ({lang})")


def _hover(window: MainWindow, target: TermTarget) -> None:
    view = window.reader.view
    view.scroll_to_row(target.row, fraction=0.3)
    rect = window.term_popups.global_rect(target)
    assert rect is not None
    QTest.mouseMove(view.viewport(), view.viewport().mapFromGlobal(rect.center()))
    QTest.qWait(HOVER_DELAY_MS + 200)


def test_popup_fits_a_long_entry_after_a_short_one(window: MainWindow, qtbot) -> None:
    """Defect 1: on the 1931 pair hover «колхозах» (bead 51), move away, hover "kulaks" in the
    English column of bead 47: the popup kept the first entry's height, so the definition was
    cut and overlapped the line above it."""
    window.open_text(_text_id(window._library, PAIR_RU))
    popup, view = window.glossary_popup, window.reader.view
    _hover(window, _term(window, 50, "ru", "колхоз"))
    assert popup.entry_id == "kolkhoz"
    QTest.mouseMove(view.viewport(), QPoint(4, 4))
    QTest.qWait(LEAVE_DELAY_MS + 300)
    assert not popup.isVisible()
    _hover(window, _term(window, 46, "en", "kulak"))
    assert popup.entry_id == "kulak"
    card = popup.card
    assert popup.height() == popup.layout().totalHeightForWidth(popup.width())
    shown = [w for w in (card.headword, card.russian, card.meta, card.definition, card.biography, card.source)
             if w.isVisible()]
    for upper, lower in zip(shown, shown[1:]):
        assert upper.geometry().bottom() < lower.geometry().top(), f"{upper.objectName()} overlaps {lower.objectName()}"
    for label in shown:
        assert label.height() >= label.heightForWidth(label.width()), f"{label.objectName()} is cut"
        assert QRect(0, 0, card.width(), card.height()).contains(label.geometry())


def _in_upper_third(window: MainWindow, row: int, sentence: tuple[str, int] | None = None) -> None:
    view = window.reader.view
    box = view.target_rect(row, sentence)
    assert box is not None, f"row {row} is not on screen"
    top, bottom = box
    height = view.viewport().height()
    assert 0 <= top <= height / 3, f"the target is at {top:.0f} of {height} px, not in the upper third"
    assert bottom <= height, "the target is cut by the bottom edge"


def test_find_next_puts_each_match_in_the_upper_third(window: MainWindow, qtbot) -> None:
    """Defect 3: Find → next showed the match on the bottom line, partly cut."""
    pane = window.reader
    window.open_text(_text_id(window._library, PAIR_RU))
    assert pane.find("оппозиц") > 6
    for _ in range(6):
        pane.step_match(1)
        match = pane._matches[pane.match_index]
        _in_upper_third(window, match.row, (match.lang, match.position))


def test_next_unsure_bead_and_go_to_land_in_the_upper_third(window: MainWindow, qtbot) -> None:
    """Defect 3: N in review mode and Go to put their target on the bottom line."""
    from db.services.review import next_unsure

    pane = window.reader
    window.open_text(_text_id(window._library, PAIR_RU))
    # The second look leaves the bundled 1931 pair without an unsure bead, so one far down is
    # made unsure here, as the aligner leaves a bead it is not sure of.
    with window._library.sessions.begin() as session:
        session.execute(update(Bead).where(Bead.alignment_id == pane.alignment_id, Bead.position == 60)
                        .values(confidence=0.5, status=AUTO))
    with window._library.sessions() as session:
        first = next_unsure(session, pane.alignment_id, 0)
    assert first == 60
    window.review.review_action.setChecked(True)
    assert window.review.go_to_unsure(1) == first
    _in_upper_third(window, first)
    pane.view.set_current(0)
    assert pane.go_to("120")
    _in_upper_third(window, 119)
    assert pane.go_to("¶40")
    _in_upper_third(window, pane.view.current_row)


def test_a_search_hit_opens_in_the_upper_third(window: MainWindow, qtbot) -> None:
    """Defect 3: opening a hit of the library search put its sentence at the bottom."""
    panel = window.search_panel
    assert panel.run_search("колхоз") > 0
    hit = next(h for h in panel.model.result.hits if h.lang == "ru" and h.position > 100)
    window.open_hit(hit)
    row = window.reader.model.row_of_sentence(hit.lang, hit.position)
    _in_upper_third(window, row, (hit.lang, hit.position))


def test_new_search_results_start_at_the_top(window: MainWindow, qtbot) -> None:
    """Defect 4: "All occurrences…" after scrolling other results opened with its first hit cut off."""
    panel = window.search_panel
    window.side_tabs.setCurrentWidget(panel)
    assert panel.run_search("партии") > 20
    QTest.qWait(50)  # the list lays its hits out
    bar = panel.results.verticalScrollBar()
    bar.setValue(bar.maximum() // 2)  # the user scrolls down the results
    assert bar.value() > 0
    assert panel.show_occurrences("orgburo", "Orgburo") > 0
    QTest.qWait(50)
    first = panel.results.visualRect(panel.model.index(0, 0))
    assert bar.value() == 0 and first.top() == 0


def test_settings_ok_without_a_change_changes_nothing(window: MainWindow, qtbot) -> None:
    """Defect 2: the dialog showed "DejaVu Sans" for the reader's serif and OK wrote it for both languages."""
    from PySide6.QtGui import QFontInfo

    from app.views.settings_dialog import SettingsDialog

    settings = window.settings
    before = settings.snapshot()
    fonts_before = [QFontInfo(window.reader.view.renderer.style.font(lang)).family() for lang in ("ru", "en")]
    dialog = SettingsDialog(settings, window, on_change=window._reading_settings_changed)
    box, _spin = dialog.fonts["ru"]
    assert box.currentData() == "" and fonts_before[0] in box.currentText(), "the dialog names the serif in use"
    dialog.accept()
    dialog.save()
    window._reading_settings_changed()
    assert settings.snapshot() == before
    assert [QFontInfo(window.reader.view.renderer.style.font(lang)).family() for lang in ("ru", "en")] == fonts_before


def test_reading_settings_apply_at_once_and_cancel_puts_them_back(window: MainWindow, qtbot) -> None:
    from app.views.settings_dialog import SettingsDialog

    window.open_text(_text_id(window._library, PAIR_RU))
    renderer = window.reader.view.renderer
    dialog = SettingsDialog(window.settings, window, on_change=window._reading_settings_changed)
    dialog.spacing.setValue(1.9)
    dialog.column_width.setValue(400)
    assert renderer.style.line_spacing == 1.9 and renderer.style.max_column == 400
    dialog.reject()
    assert renderer.style.line_spacing == window.settings.line_spacing != 1.9
    assert window.settings.column_width != 400


def test_export_dialog_fits_a_small_screen_and_names_files_between_words(window: MainWindow, qtbot) -> None:
    """Defect 7: the Export dialog was 1066 px wide and its file name was cut mid-word ("…по ру.docx")."""
    from app.dialogs.export_dialog import ExportDialog
    from app.views.export_action import safe_file_name

    texts = [t for w in window.works() for t in w.texts]
    dialog = ExportDialog(selection=None, bookmarks=[], tags=[], texts=texts, current_text_id=texts[-1].id,
                          parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.width() <= 1024 - 100 and dialog.sizeHint().width() <= 1024 - 100
    assert dialog.text_combo.itemData(0, 0x03) == dialog.text_combo.itemText(0)  # the full title as a tooltip
    title = "Проблемы развития СССР. Проект платформы Интернациональной левой оппозиции по русскому вопросу"
    name = safe_file_name(title, "docx")
    stem = name.removesuffix(".docx")
    assert len(stem) <= 80 and title.startswith(stem) and title[len(stem):][:1] in ("", " ", ".")
    ranged = safe_file_name(title + ", beads 12–40", "docx")
    assert ranged.endswith(", beads 12–40.docx") and len(ranged) <= 90


def test_glossary_shows_a_single_match_and_matches_at_word_starts(window: MainWindow, qtbot) -> None:
    """Defect 9: with one match the glossary still said "Choose an entry…"; «Орг» found Georgii and Georgy."""
    from app.models.glossary_model import ENTRY_ROLE

    panel = window.glossary_panel
    window.show_glossary()
    panel.field.setText("Орг")
    shown = [panel.proxy.index(i, 0).data(ENTRY_ROLE) for i in range(panel.proxy.rowCount())]
    assert [e.id for e in shown] == ["orgburo"]
    assert not any("Georg" in e.headword_en for e in shown)
    assert panel.card.isVisible() and panel.current_entry is not None and panel.current_entry.id == "orgburo"
    assert "Choose an entry" not in panel.occurrences_label.text()
    panel.field.setText("bukh")
    assert panel.proxy.rowCount() > 1  # several: the user chooses


def test_one_display_form_per_person(window: MainWindow, qtbot) -> None:
    """Defect 8: Trotsky was "Lev Davidovich Trotsky", "Л. Троцкий" and "L. D. Trotsky" in one library."""
    model = window.library_model
    headings = [model.item(r, 0).text() for r in range(model.rowCount())]
    trotsky = [h for h in headings if " — " in h and ("Trotsky" in h.split(" — ")[-1] or "Троцкий" in h.split(" — ")[-1])]
    assert len(trotsky) == 2 and all(h.endswith(" — L. D. Trotsky") for h in trotsky)
    assert any(h.endswith(" — V. Z. Rogovin") for h in headings)
    tips = [model.item(r, 0).child(c, 0).toolTip() for r in range(model.rowCount())
            for c in range(model.item(r, 0).rowCount())]
    authors = {line for tip in tips for line in tip.splitlines() if line.startswith("Author: ")}
    assert authors == {"Author: L. D. Trotsky", "Author: V. Z. Rogovin", "Author: M. Reiman"}
    window.open_text(_text_id(window._library, PAIR_RU))
    assert window.reader.meta_label.text().startswith("L. D. Trotsky · ")


def test_titles_have_room_in_the_library_and_both_show_in_the_reader(window: MainWindow, qtbot) -> None:
    """Defect 5: titles were cut to "Pr…", "Bol…" in the library at 1024 and 1280 px; the reader's
    header showed only "RU: original" for the Russian text."""
    from app.views.library_view import TITLE_COLUMN

    view, model = window.library_view, window.library_model
    for width, height in ((1024, 680), (1280, 800)):
        window.resize(width, height)
        QTest.qWait(50)
        assert window.width() == width
        title_width = view.columnWidth(TITLE_COLUMN)
        assert title_width >= 0.5 * view.viewport().width(), f"at {width} px the titles get {title_width} px"
        shown = view.fontMetrics().elidedText(model.item(4, 0).child(0, 0).text(), Qt.TextElideMode.ElideRight, title_width - 40)
        assert len(shown.rstrip("…")) >= 20, f"at {width} px a title shows as {shown!r}"
    text_item = model.item(4, 0).child(0, 0)
    assert text_item.toolTip().splitlines()[0] == text_item.text()  # the full title in the tooltip
    window.open_text(_text_id(window._library, PAIR_RU))
    pane = window.reader
    assert pane.title_label.text().startswith("Проблемы развития СССР")
    assert pane.subtitle_label.text().startswith("Problems of the Development of the USSR")
    assert pane.title_label.toolTip() == pane.title_label.text() and pane.subtitle_label.toolTip() == pane.subtitle_label.text()
    assert "RU: original" in pane.meta_label.text() and "EN: working translation" in pane.meta_label.text()
    pane.swap_button.click()  # the titles follow the columns
    assert pane.title_label.text().startswith("Problems of the Development")
    pane.swap_button.click()
