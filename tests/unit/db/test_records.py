"""Bibliographic records: CSL-JSON in and out, any subset accepted, the bundled records, upgrades."""

from __future__ import annotations

import json

from sqlalchemy import select

from db.models import LibraryText
from db.services.bundled import bundled_records_stale, load_manifest, refresh_bundled_records
from db.services.records import ArchiveRef, Name, Record, parse_name, set_text_record, text_record


def test_a_full_record_goes_through_csl_json_unchanged() -> None:
    record = Record(
        type="book",
        title="Bolsheviks Against Stalinism",
        authors=(Name(family="Rogovin", given="Vadim Z.", other_family="Роговин", other_given="Вадим Захарович"),),
        translators=(Name(family="Choate", given="Frederick S."),),
        publisher="Mehring Books",
        place="Oak Park, MI",
        issued="2019",
        isbn="9781893638815",
        original_title="Власть и оппозиции",
        original_date="1993",
        archive_ref=ArchiveRef(fond="17"),
        extra={"custom-key": ["kept"]},
    )
    data = record.to_csl()
    assert data["issued"] == {"date-parts": [[2019]]}
    assert data["author"] == [{"family": "Rogovin", "given": "Vadim Z."}]
    assert data["x-sverka-other-script"] == {"author": [{"family": "Роговин", "given": "Вадим Захарович"}]}
    assert Record.from_csl(json.loads(json.dumps(data))) == record


def test_any_valid_subset_is_accepted() -> None:
    assert Record.from_csl({"type": "book"}).title == ""
    assert Record.from_csl({"title": "Only a title"}).title == "Only a title"
    minimal = Record.from_csl({"type": "article-journal", "author": [{"literal": "Редакция"}], "issued": {"raw": "1931"}})
    assert minimal.authors == (Name(literal="Редакция"),) and minimal.year == "1931"
    assert Record.from_csl({"issued": {"date-parts": [["1925", "12", "22"]]}}).issued == "1925-12-22"
    assert Record.from_csl(None) == Record()
    assert Record.from_csl({"author": "not a list", "issued": 5}).authors == ()


def test_tools_get_csl_json_without_sverkas_keys() -> None:
    record = Record(title="T", title_translated="Tr", archive_ref=ArchiveRef(fond="1", opis="2", delo="3", list="4"))
    clean = record.to_csl(sverka_keys=False)
    assert not [k for k in clean if k.startswith("x-sverka")]
    assert clean["archive_location"] == "f. 1, op. 2, d. 3, l. 4"


def test_names_written_as_one_string() -> None:
    assert parse_name("Vadim Z. Rogovin") == Name(family="Rogovin", given="Vadim Z.")
    assert parse_name("Л. Д. Троцкий") == Name(family="Троцкий", given="Л. Д.")
    assert parse_name("Rogovin, Vadim Z.") == Name(family="Rogovin", given="Vadim Z.")
    assert parse_name("Sverka editors (working translation, 2026)").literal


def test_every_bundled_text_has_a_record_and_the_project_texts_say_what_they_are(bundled_library) -> None:
    manifest = load_manifest()
    with bundled_library.sessions() as session:
        texts = {t.key: t for t in session.scalars(select(LibraryText))}
        for item in manifest.texts:
            record = text_record(session, texts[item.key].id)
            assert record.title and record.type
            if item.meta.kind in ("working_translation", "back_translation"):
                assert "Sverka" in " ".join(n.display() for n in record.names("translator"))
        rogovin = text_record(session, texts["rogovin-bolsheviks-against-stalinism.en"].id)
    assert (rogovin.publisher, rogovin.place, rogovin.issued) == ("Mehring Books", "Oak Park, MI", "2019")
    assert rogovin.names("translator")[0].display() == "Frederick S. Choate"
    assert (rogovin.original_title, rogovin.original_place, rogovin.original_date) == ("Власть и оппозиции", "Москва", "1993")


def test_an_older_library_gets_the_bundled_records_and_keeps_edited_ones(bundled_library) -> None:
    with bundled_library.sessions.begin() as session:
        texts = {t.key: t for t in session.scalars(select(LibraryText))}
        for t in texts.values():
            t.record = None  # as a library made before records existed
        edited_id = texts["reiman-building-socialism.en"].id
        set_text_record(session, edited_id, Record(type="chapter", title="My own record"))
        from db.models import LibrarySetting

        session.delete(session.get(LibrarySetting, "bundled_records"))
    assert bundled_records_stale(bundled_library)
    changes = refresh_bundled_records(bundled_library)
    assert not bundled_records_stale(bundled_library)
    with bundled_library.sessions() as session:
        assert text_record(session, edited_id).title == "My own record"
        platform = session.scalars(select(LibraryText).where(LibraryText.key == "trotsky-1931-problems-of-development.ru")).one()
        assert text_record(session, platform.id).container_title == "Бюллетень оппозиции (большевиков-ленинцев)"
    assert edited_id not in changes.texts and len(changes.texts) == len(load_manifest().texts) - 1


def test_a_text_without_a_record_is_cited_from_its_fields(library, tmp_path) -> None:
    from db.services.importing import TextMetadata, import_text

    path = tmp_path / "t.txt"
    path.write_text("Первое предложение. Второе.\n", encoding="utf-8")
    result = import_text(library, path, TextMetadata(lang="ru", title="Заметки", author="Л. Д. Троцкий", date="1925"))
    with library.sessions() as session:
        record = text_record(session, result.text_id)
    assert record.authors == (Name(family="Троцкий", given="Л. Д."),) and record.issued == "1925"
