"""The glossary panel: search in either language, categories, occurrences, the user's entries, export/import."""

from __future__ import annotations

import csv
import json

from PySide6.QtCore import Qt
from sqlalchemy import select

from app.dialogs.glossary_entry_dialog import GlossaryEntryDialog
from app.models.glossary_model import ENTRY_ROLE, USER_CATEGORY
from app.views.main_window import MainWindow
from db.models import LibraryText
from db.services import glossary as glossary_service
from db.services.glossary import library_glossary, new_user_entry

PAIR_RU = "trotsky-1931-problems-of-development.ru"


def _shown_ids(window: MainWindow) -> list[str]:
    proxy = window.glossary_panel.proxy
    return [proxy.index(i, 0).data(ENTRY_ROLE).id for i in range(proxy.rowCount())]


def _open_pair(window: MainWindow) -> int:
    with window._library.sessions() as s:
        text_id = s.scalar(select(LibraryText.id).where(LibraryText.key == PAIR_RU))
    window.open_text(text_id)
    return text_id


def test_search_in_either_language_and_inflected_forms(window):
    panel = window.glossary_panel
    assert window.side_tabs.indexOf(panel) == 2
    panel.field.setText("kolkh")
    assert "kolkhoz" in _shown_ids(window)
    panel.field.setText("ОРГБЮРО")
    assert _shown_ids(window) == ["orgburo"]
    panel.field.setText("колхозами")  # an inflected form no entry spells out
    assert "kolkhoz" in _shown_ids(window)
    panel.field.setText("zzzz-nothing")
    assert _shown_ids(window) == []


def test_category_filter(window):
    panel = window.glossary_panel
    panel.category.setCurrentIndex(panel.category.findData("territorial unit"))
    shown = _shown_ids(window)
    assert "okrug" in shown and "kolkhoz" not in shown
    assert all(window.glossary_model.entry(i).category == "territorial unit" for i in shown)


def test_selected_entry_lists_occurrences_in_the_open_text_and_jumps(window, qtbot):
    _open_pair(window)
    panel = window.glossary_panel
    assert panel.show_entry("kolkhoz")
    assert panel.card.headword.text() == "kolkhoz"
    lines = panel.occurrence_texts()
    assert any(line.startswith("RU ") for line in lines) and any(line.startswith("EN ") for line in lines)
    assert not panel.delete_button.isEnabled()  # a bundled entry
    item = panel.occurrence_list.item(len(lines) - 1)
    rect = panel.occurrence_list.visualItemRect(item)
    panel.occurrence_list.scrollToItem(item)
    rect = panel.occurrence_list.visualItemRect(item)
    qtbot.mouseClick(panel.occurrence_list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    occurrence = item.data(Qt.ItemDataRole.UserRole + 31)
    view = window.reader.view
    assert view.current_sentence == (occurrence.lang, occurrence.sentence_position)
    assert view.current_row in view.visible_rows()


def test_user_entry_is_marked_in_the_reader_and_survives_a_glossary_update(window, bundled_library, tmp_path, monkeypatch):
    _open_pair(window)
    panel = window.glossary_panel
    wanted = new_user_entry("Platform", forms_ru=["платформа"], definition="A faction's programme.")
    monkeypatch.setattr(panel, "ask_entry", lambda _entry: wanted)
    panel.add_entry()  # saves, then the window re-indexes (the test runner runs jobs inline)
    assert panel.current_entry is not None and panel.current_entry.id == wanted.id
    assert panel.delete_button.isEnabled()
    assert "your own entry" in panel.card.source.text()
    model = window.reader.model
    marked = [seg.text[a:b] for i in range(model.rowCount()) for lang in model.langs
              for seg in model.row(i).side(lang) for a, b, e in seg.terms if e == wanted.id]
    assert any(m.lower().startswith("платформ") for m in marked)
    assert any(m.lower().startswith("platform") for m in marked)

    # A new bundled glossary (fewer entries, kolkhoz rewritten) keeps the user's entry.
    bundled = json.loads(glossary_service.bundled_glossary_path().read_text(encoding="utf-8"))
    bundled["entries"] = [dict(e, definition="updated") for e in bundled["entries"][:50]]
    updated = tmp_path / "glossary.json"
    updated.write_text(json.dumps(bundled, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(glossary_service, "bundled_glossary_path", lambda: updated)
    panel.refresh()
    assert window.glossary_model.entry(wanted.id) == wanted
    assert window.glossary_model.rowCount() == 51
    with bundled_library.sessions() as s:
        assert library_glossary(s).get(wanted.id) is not None

    monkeypatch.setattr(panel, "ask_yes_no", lambda *_a: True)
    assert panel.delete_entry()
    assert window.glossary_model.entry(wanted.id) is None


def test_export_and_import_json_and_csv(window, tmp_path, monkeypatch):
    panel = window.glossary_panel
    messages: list[str] = []
    monkeypatch.setattr(panel, "show_message", lambda _t, text: messages.append(text))
    exported = panel.export_entries(tmp_path / "glossary.json")
    data = json.loads(exported.read_text(encoding="utf-8"))["entries"]
    orgburo = next(e for e in data if e["id"] == "orgburo")
    assert orgburo["source"] == "Sverka editors" and orgburo["written_by_project"] is True
    csv_path = panel.export_entries(tmp_path / "glossary.csv")
    rows = list(csv.DictReader(csv_path.open(encoding="utf-8")))
    assert len(rows) == len(data) and any(r["source"] == "Sverka editors" for r in rows)

    mine = tmp_path / "mine.csv"
    with mine.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=["headword_en", "forms_ru", "definition", "category"])
        writer.writeheader()
        writer.writerow({"headword_en": "Piatiletka", "forms_ru": "пятилетка", "definition": "<b>five</b>-year plan",
                         "category": "economic term"})
    assert panel.import_entries(mine) == 1
    panel.category.setCurrentIndex(panel.category.findData(USER_CATEGORY))
    assert _shown_ids(window) == ["user-piatiletka"]
    assert panel.show_entry("user-piatiletka")
    assert panel.card.definition.text() == "<b>five</b>-year plan"

    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    assert panel.import_entries(broken) == 0
    assert "not valid JSON" in messages[-1]


def test_entry_dialog_builds_a_user_entry(qtbot):
    dialog = GlossaryEntryDialog(None, frozenset({"user-okrug"}))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()
    dialog.headword.setText("okrug")
    dialog.forms_ru.setText("округ; округа")
    assert dialog.translit.text() == "okrug"
    dialog.definition.setPlainText("<i>district</i>")
    entry = dialog.entry()
    assert ok.isEnabled()
    assert entry.id == "user-okrug-2"  # the id "user-okrug" is taken
    assert entry.forms_ru == ("округ", "округа")
    assert entry.definition == "<i>district</i>" and entry.source == glossary_service.USER_SOURCE
