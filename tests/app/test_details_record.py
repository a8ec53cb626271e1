"""The text details dialog edits the bibliographic record and shows how it will be cited."""

from __future__ import annotations

from sqlalchemy import select

from app.views.details_dialog import DetailsDialog
from db.models import LibraryText
from db.services.metadata import text_details
from db.services.records import text_record


def _id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def test_the_dialog_shows_the_bundled_record_and_its_citations(qtbot, bundled_library) -> None:
    with bundled_library.sessions() as s:
        details = text_details(s, _id(bundled_library, "rogovin-bolsheviks-against-stalinism.en"))
    dialog = DetailsDialog(details)
    qtbot.addWidget(dialog)
    assert dialog.record_fields["publisher"].text() == "Mehring Books"
    assert dialog.name_fields["translator"].toPlainText() == "Choate, Frederick S."
    assert dialog.name_fields["author"].toPlainText() == "Rogovin, Vadim Z. = Роговин, Вадим Захарович"
    assert dialog.chicago_preview.text().startswith("Rogovin, Vadim Z. Bolsheviks Against Stalinism 1928–1933")
    assert "Translated by Frederick S. Choate" in dialog.chicago_preview.text()
    assert dialog.gost_preview.text().startswith("Rogovin V. Z. Bolsheviks Against Stalinism 1928–1933 : Leon Trotsky")
    assert dialog.details() == details  # nothing touched: nothing changes


def test_an_archival_record_is_edited_and_stored(qtbot, library, tmp_path, monkeypatch) -> None:
    from db.services.importing import TextMetadata, import_text
    from db.services.metadata import update_text_details

    path = tmp_path / "doc.txt"
    path.write_text("Слушали: о хлебозаготовках. Постановили: принять.\n", encoding="utf-8")
    text_id = import_text(library, path, TextMetadata(lang="ru", title="Протокол")).text_id
    with library.sessions() as s:
        details = text_details(s, text_id)
    dialog = DetailsDialog(details)
    qtbot.addWidget(dialog)
    dialog.record_type.setCurrentIndex(dialog.record_type.findData("manuscript"))
    dialog.record_fields["title"].setText("Протокол № 12 заседания Политбюро ЦК ВКП(б)")
    dialog.record_fields["issued"].setText("1930-03-05")
    dialog.record_fields["archive"].setText("РГАСПИ")
    for key, value in (("archive_fond", "17"), ("archive_opis", "3"), ("archive_delo", "779"), ("archive_list", "12")):
        dialog.record_fields[key].setText(value)
    assert dialog.gost_preview.text() == (
        "Протокол № 12 заседания Политбюро ЦК ВКП(б). 05.03.1930 // РГАСПИ. Ф. 17. Оп. 3. Д. 779. Л. 12."
    )
    assert "RGASPI, f. 17, op. 3, d. 779, l. 12." in dialog.chicago_preview.text()
    with library.sessions.begin() as s:
        update_text_details(s, text_id, dialog.details())
    with library.sessions() as s:
        record = text_record(s, text_id)
    assert record.type == "manuscript" and record.archive_ref.delo == "779" and record.issued == "1930-03-05"


def test_edit_details_from_the_window_keeps_the_record(window, bundled_library, monkeypatch) -> None:
    from dataclasses import replace

    text_id = _id(bundled_library, "reiman-building-socialism.en")
    window.select_text(text_id)

    def edit(cls, details, parent=None):
        return replace(details, record=replace(details.record, place="Frankfurt am Main"))

    monkeypatch.setattr(DetailsDialog, "ask", classmethod(edit))
    window.details_action.trigger()
    with bundled_library.sessions() as s:
        record = text_record(s, text_id)
    assert record.place == "Frankfurt am Main" and not record.bundled  # the user's record now: kept on updates
