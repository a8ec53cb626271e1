"""Glossary terms indexed at import, the user's own entries, export and import."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from alignment.glossary.entries import GlossaryError
from db.services import glossary as glossary_service
from db.services.importing import TextMetadata, import_text


@pytest.fixture
def kolkhoz_text(library, tmp_path: Path) -> int:
    path = tmp_path / "ru.txt"
    path.write_text(
        "Колхозы росли вокруг Сталинграда. Оргбюро ЦК обсуждало колхозы округа.\n\n"
        "Бухарин спорил со Сталиным о смычке.\n",
        encoding="utf-8",
    )
    return import_text(library, path, TextMetadata(lang="ru")).text_id


def test_terms_are_indexed_at_import_in_inflected_forms(library, kolkhoz_text: int) -> None:
    with library.sessions() as session:
        spans = glossary_service.terms_in_sentences(session, kolkhoz_text, 0, 10)
        ids = [s.entry_id for s in spans]
    assert ids.count("kolkhoz") == 2
    assert {"orgburo", "bukharin", "stalin", "smychka"} <= set(ids)
    # "вокруг" is not округ, "Сталинграда" is not Stalin
    with library.sessions() as session:
        first = glossary_service.terms_in_sentences(session, kolkhoz_text, 0, 0)
    assert [s.entry_id for s in first] == ["kolkhoz"]
    assert not glossary_service.glossary_index_stale(library)


def test_occurrences_list_where_an_entry_is_used(library, kolkhoz_text: int) -> None:
    with library.sessions() as session:
        hits = glossary_service.occurrences(session, "kolkhoz")
    assert [(h.sentence_position, h.sentence[h.start : h.end]) for h in hits] == [(0, "Колхозы"), (1, "колхозы")]


def test_user_entry_is_found_and_survives_a_glossary_update(library, kolkhoz_text: int, monkeypatch, tmp_path: Path) -> None:
    entry = glossary_service.new_user_entry("District committee", forms_ru=["окружком"], definition="The okrug party committee.")
    with library.sessions.begin() as session:
        glossary_service.save_user_entry(session, entry)
    assert glossary_service.glossary_index_stale(library)
    # a new bundled glossary (an update of Sverka) keeps the user's entry
    bundled = json.loads(glossary_service.bundled_glossary_path().read_text(encoding="utf-8"))
    bundled["entries"] = bundled["entries"][:50]
    updated = tmp_path / "glossary.json"
    updated.write_text(json.dumps(bundled, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr(glossary_service, "bundled_glossary_path", lambda: updated)
    glossary_service.reindex_terms(library)
    with library.sessions() as session:
        glossary = glossary_service.library_glossary(session)
        resolved = glossary.resolve("окружкома")
    assert resolved is not None and resolved.id == entry.id
    assert resolved.source == glossary_service.USER_SOURCE and not resolved.written_by_project
    assert len(glossary.entries) == 51
    assert not glossary_service.glossary_index_stale(library)


def test_export_and_import_round_trip_in_json_and_csv(library, tmp_path: Path) -> None:
    entry = glossary_service.new_user_entry(
        'Tsentrosoyuz, "the <b>union</b>", & co', forms_ru=["Центросоюз"], definition="Line one,\nline two; with\ttab."
    )
    with library.sessions.begin() as session:
        glossary_service.save_user_entry(session, entry)
        glossary = glossary_service.library_glossary(session)
    for fmt in ("json", "csv"):
        out = tmp_path / f"glossary.{fmt}"
        out.write_text(glossary_service.export_glossary(glossary, fmt), encoding="utf-8")
        parsed = {e.id: e for e in glossary_service.parse_glossary_file(out)}
        back = parsed[entry.id]
        assert back.headword_en == entry.headword_en
        assert back.definition == entry.definition
        assert back.forms_ru == ("Центросоюз",)
        assert "orgburo" in parsed
    # export keeps who wrote each entry
    exported = json.loads(glossary_service.export_glossary(glossary, "json"))["entries"]
    orgburo = next(e for e in exported if e["id"] == "orgburo")
    assert orgburo["source"] == "Sverka editors" and orgburo["written_by_project"] is True


def test_malformed_glossary_files_are_refused_clearly(tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{not json", encoding="utf-8")
    with pytest.raises(GlossaryError, match="not valid JSON"):
        glossary_service.parse_glossary_file(bad_json)
    no_headword = tmp_path / "bad.csv"
    no_headword.write_text("id,definition\nx,y\n", encoding="utf-8")
    with pytest.raises(GlossaryError, match="headword_en"):
        glossary_service.parse_glossary_file(no_headword)


def test_deleting_a_text_removes_its_occurrences(library, kolkhoz_text: int) -> None:
    from db.services import library as library_service

    with library.sessions.begin() as session:
        library_service.delete_text(session, kolkhoz_text)
    with library.sessions() as session:
        assert glossary_service.occurrences(session, "kolkhoz") == []
