"""The glossary popup in the reader: opened by key, click and hover, in both columns, plain text only."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.views.glossary_popup import TermTarget
from app.views.main_window import MainWindow
from db.models import LibraryText
from db.services.glossary import new_user_entry, occurrences, save_user_entry

PAIR_RU = "trotsky-1931-problems-of-development.ru"


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def _open_at_term(window: MainWindow, entry_id: str, lang: str, text_key: str = PAIR_RU) -> TermTarget:
    """Open the pair with the cursor on the first sentence of ``lang`` holding the term; return that term."""
    library = window._library
    ru_id = _text_id(library, text_key)
    window.open_text(ru_id)
    texts = {t.lang: t.id for t in window.reader.model.texts.values()}
    with library.sessions() as s:
        found = occurrences(s, entry_id, text_id=texts[lang])
    assert found, f"{entry_id} should occur in the {lang} text"
    o = found[0]
    window.open_text(ru_id, sentence=(lang, o.sentence_position))
    window.reader.view.setFocus()
    QApplication.processEvents()
    row = window.reader.model.row_of_sentence(lang, o.sentence_position)
    return TermTarget(row, lang, o.sentence_position, o.start, o.end, entry_id)


def _press_g_until(window: MainWindow, qtbot, entry_id: str) -> None:
    for _ in range(12):
        qtbot.keyClick(window.reader.view, Qt.Key.Key_G)
        if window.glossary_popup.entry_id == entry_id:
            return
    raise AssertionError(f"G never showed {entry_id}; shown: {window.glossary_popup.entry_id}")


def test_key_opens_popup_on_inflected_russian_form_without_taking_focus(window, qtbot):
    target = _open_at_term(window, "kolkhoz", "ru")
    _press_g_until(window, qtbot, "kolkhoz")
    popup = window.glossary_popup
    assert popup.isVisible()
    assert popup.card.headword.text() == "kolkhoz"
    assert "колхоз" in popup.card.russian.text()
    assert "kolkhoz" in popup.card.meta.text()
    assert "collective farm" in popup.card.definition.text()
    assert "sovkhoz" in popup.card.related_names()
    assert window.term_popups.shown is not None and window.term_popups.shown.lang == "ru"
    sentence = window.reader.model.row(target.row).side("ru")
    assert any(s.text[a:b].lower().startswith("колхоз") for s in sentence for a, b, e in s.terms if e == "kolkhoz")
    assert QApplication.focusWidget() is window.reader.view
    qtbot.keyClick(window.reader.view, Qt.Key.Key_Escape)
    assert not popup.isVisible()


def test_click_on_a_term_in_the_english_column_opens_it(window, qtbot):
    target = _open_at_term(window, "kolkhoz", "en")
    rect = window.term_popups.global_rect(target)
    assert rect is not None
    viewport = window.reader.view.viewport()
    point = viewport.mapFromGlobal(rect.center())
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=point)
    assert window.glossary_popup.entry_id == "kolkhoz"
    assert window.term_popups.shown.lang == "en"
    # Clicking plain text elsewhere closes it.
    qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=QPoint(5, viewport.height() - 5))
    assert not window.glossary_popup.isVisible()


def test_hovering_a_term_opens_the_popup_after_a_moment(window, qtbot):
    target = _open_at_term(window, "kolkhoz", "ru")
    viewport = window.reader.view.viewport()
    point = viewport.mapFromGlobal(window.term_popups.global_rect(target).center())
    qtbot.mouseMove(viewport, point)
    qtbot.waitUntil(lambda: window.glossary_popup.entry_id == "kolkhoz", timeout=3000)


def test_related_entry_and_all_occurrences(window, qtbot):
    _open_at_term(window, "kolkhoz", "ru")
    _press_g_until(window, qtbot, "kolkhoz")
    card = window.glossary_popup.card
    sovkhoz = next(card.related_layout.itemAt(i).widget() for i in range(card.related_layout.count())
                   if card.related_layout.itemAt(i).widget().text() == "sovkhoz")
    qtbot.mouseClick(sovkhoz, Qt.MouseButton.LeftButton)
    assert window.glossary_popup.entry_id == "sovkhoz"
    card.related_clicked.emit("kolkhoz")
    qtbot.mouseClick(card.occurrences_button, Qt.MouseButton.LeftButton)
    assert not window.glossary_popup.isVisible()
    assert window.side_tabs.currentWidget() is window.search_panel
    hits = window.search_panel.model.result.hits
    assert len(hits) > 20
    paired = [h for h in hits if h.partner_text]
    assert paired and all(h.spans for h in hits)
    assert "kolkhoz" in window.search_panel.summary.text()


def test_project_written_entry_says_sverka_editors(window):
    card = window.glossary_popup.card
    card.set_entry(window.glossary_model.entry("orgburo"))
    assert "Sverka editors" in card.source.text()
    card.set_entry(window.glossary_model.entry("kolkhoz"))
    assert "Rogovin" in card.source.text()


def test_glossary_text_is_shown_as_text_never_markup(window, bundled_library):
    entry = new_user_entry("Tag & <b>test</b>", forms_ru=["тест"], definition="<b>bold</b> <script>alert(1)</script>")
    with bundled_library.sessions.begin() as s:
        save_user_entry(s, entry)
    window.glossary_model.reload()
    card = window.glossary_popup.card
    card.set_entry(window.glossary_model.entry("kolkhoz").__class__(**{
        **{f: getattr(window.glossary_model.entry("kolkhoz"), f) for f in ("id", "headword_en", "variants_en", "forms_ru",
           "translit", "category", "definition", "dates", "biography", "source", "written_by_project")},
        "related": (entry.id,),
    }))
    assert card.related_names() == ["Tag & <b>test</b>"]
    card.set_entry(window.glossary_model.entry(entry.id))
    assert card.definition.text() == "<b>bold</b> <script>alert(1)</script>"
    assert card.definition.textFormat() == Qt.TextFormat.PlainText
    assert card.headword.textFormat() == Qt.TextFormat.PlainText
    assert "your own entry" in card.source.text()
