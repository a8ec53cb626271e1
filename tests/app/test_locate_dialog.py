"""Edit → "Find a quotation in the original…": paste Rogovin's English, find the 1931 Russian, open the reader there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.dialogs.locate_dialog import LocateDialog
from db.models import LibraryText

RU_1931 = "trotsky-1931-problems-of-development.ru"
ROGOVIN_QUOTE = (
    "To examine, verify, summarize and generalize all of this can only be done by a party that is "
    "active, independent and self-assured."
)


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def test_a_pasted_quotation_is_found_and_opened_in_the_reader(window, bundled_library, qtbot) -> None:
    ru = _text_id(bundled_library, RU_1931)
    assert window.locate_action in window.menuBar().actions()[1].menu().actions()
    dialog = window.find_quotation()
    assert isinstance(dialog, LocateDialog)
    qtbot.waitExposed(dialog)
    # Only Russian texts are offered.
    offered = [dialog.text_combo.itemData(i) for i in range(dialog.text_combo.count())]
    assert ru in offered and len(offered) == 2
    dialog.text_combo.setCurrentIndex(offered.index(ru))
    assert not dialog.find_button.isEnabled()
    dialog.quote_edit.setPlainText(ROGOVIN_QUOTE)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("Found: sentence 242")
    assert dialog.russian_label.text().startswith("Прощупывать, проверять")
    assert "can probe, check, sum up and generalize" in dialog.english_label.text()
    assert dialog.open_button.isEnabled()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert window.reader.text_id == ru
    assert window.reader.selected_beads() == (241, 242)


def test_a_quotation_that_is_not_there_says_so(window, bundled_library, qtbot) -> None:
    ru = _text_id(bundled_library, RU_1931)
    dialog = window.find_quotation()
    dialog.text_combo.setCurrentIndex(dialog.text_combo.findData(ru))
    dialog.quote_edit.setPlainText(
        "Representatives of moderate socialist parties were even invited to the Congress of Soviets in "
        "December of that year, where they were allowed to speak freely."
    )
    where = dialog.find()
    assert where is not None and not where.found
    assert dialog.status_label.text().startswith("Not found")
    assert dialog.open_button.text().replace("&", "") == "Open the closest passage"
