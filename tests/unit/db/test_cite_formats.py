"""Records for Zotero: CSL-JSON against the CSL data schema, RIS read by rispy, BibTeX by
bibtexparser — independent readers — and ``sverka cite`` from the command line."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from sqlalchemy import select

from app.cli import EXIT_OK, main
from db.models import LibraryText
from db.services.citations import citation_for
from db.services.citing.formats import CitedItem, bibtex, csl_json, items_for, ris
from db.services.records import ArchiveRef, Record

SCHEMA = json.loads((Path(__file__).resolve().parents[2] / "data" / "cite" / "csl-data.json").read_text("utf-8"))


def _id(session, key: str) -> int:
    return session.scalars(select(LibraryText.id).where(LibraryText.key == key)).one()


@pytest.fixture
def every_bundled_item(bundled_library) -> list[CitedItem]:
    with bundled_library.sessions() as session:
        keys = list(session.scalars(select(LibraryText.key)))
        items = []
        for key in keys:
            items += items_for(citation_for(session, _id(session, key)))
        pair = citation_for(session, _id(session, "trotsky-1931-problems-of-development.ru"), (9, 39))
    return items + items_for(pair)


def test_csl_json_is_valid_and_keeps_sverkas_extras_where_the_schema_allows(every_bundled_item) -> None:
    data = json.loads(csl_json(every_bundled_item))
    jsonschema.validate(data, SCHEMA)
    assert len({item["id"] for item in data}) == len(data)
    rogovin = next(i for i in data if i["title"].startswith("Bolsheviks"))
    assert rogovin["translator"] == [{"family": "Choate", "given": "Frederick S."}]
    assert rogovin["publisher-place"] == "Oak Park, MI" and rogovin["issued"] == {"date-parts": [[2019]]}
    assert rogovin["custom"]["x-sverka-other-script"]["author"][0]["family"] == "Роговин"
    back = Record.from_csl(rogovin)
    assert back.names("author")[0].other_family == "Роговин" and back.original_title == "Власть и оппозиции"
    working = [i for i in data if i.get("genre", "").startswith("working translation")]
    assert working and all("Working translation by the Sverka editors" in i["note"] for i in working)


def test_ris_is_read_by_rispy(every_bundled_item) -> None:
    import rispy

    entries = rispy.loads(ris(every_bundled_item))
    assert len(entries) == len(every_bundled_item)
    rogovin = next(e for e in entries if e.get("title", "").startswith("Bolsheviks"))
    assert rogovin["type_of_reference"] == "BOOK"
    assert rogovin["authors"] == ["Rogovin, Vadim Z."] and rogovin["publisher"] == "Mehring Books"
    assert rogovin["year"] == "2019" and rogovin["place_published"] == "Oak Park, MI"
    platform = next(e for e in entries if e.get("title", "").startswith("Проблемы"))
    assert platform["type_of_reference"] == "JOUR" and platform["number"] == "20"
    assert platform["secondary_title"] == "Бюллетень оппозиции (большевиков-ленинцев)"
    notes = " ".join(n for e in entries for n in e.get("notes", []))
    assert "Working translation by the Sverka editors" in notes and "Sverka beads 10–40" in notes


def test_bibtex_is_read_by_bibtexparser(every_bundled_item) -> None:
    import bibtexparser

    library = bibtexparser.parse_string(bibtex(every_bundled_item))
    assert not library.failed_blocks
    assert len(library.entries) == len(every_bundled_item)
    rogovin = next(e for e in library.entries if "Bolsheviks" in e["title"])
    assert rogovin.entry_type == "book" and rogovin["author"] == "Rogovin, Vadim Z."
    assert rogovin["translator"] == "Choate, Frederick S." and rogovin["year"] == "2019"
    reiman = next(e for e in library.entries if e.entry_type == "incollection")
    assert reiman["booktitle"].startswith("About Russia")


def test_special_characters_survive_bibtex() -> None:
    import bibtexparser

    record = Record(title="50% & more: {braces} #1", archive="РГАСПИ", archive_ref=ArchiveRef(fond="17", opis="3"),
                    type="manuscript", issued="1930-03-05")
    text = bibtex([CitedItem(record)])
    entry = bibtexparser.parse_string(text).entries[0]
    assert entry["title"] == r"{50\% \& more: \{braces\} \#1}"
    assert entry["month"] == "mar" and entry["howpublished"] == "РГАСПИ, f. 17, op. 3"


def test_sverka_cite_on_the_command_line(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(bundled_library_path)]
    assert main([*db, "cite", "6", "--range", "10-12"]) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("Russian original: Leon Trotsky, “Problemy razvitii͡a SSSR")
    assert "English: Leon Trotsky, “Problems of the Development of the USSR" in out
    assert "working translation by the Sverka editors, not published" in out and "Sverka: beads 10–12." in out
    assert main([*db, "cite", "6", "--range", "10-12", "--format", "gost", "--romanisation", "plain"]) == EXIT_OK
    assert capsys.readouterr().out.startswith("Русский оригинал: Троцкий Л. Проблемы развития СССР")
    target = tmp_path / "platform.ris"
    assert main([*db, "cite", "6", "--format", "ris", "-o", str(target)]) == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("TY  - JOUR")
    assert main([*db, "cite", "6", "--format", "ris", "-o", str(target)]) == 8  # exists: --force
    assert main([*db, "cite", "3", "--range", "1-2"]) != EXIT_OK  # Rogovin's book is not aligned
    assert "not aligned" in capsys.readouterr().err
