"""The glossary data, its rebuild from the bundled texts, lookup and the CLI."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from alignment.glossary import build as glossary_build, cli as glossary_cli
from alignment.glossary.entries import CATEGORIES, Entry, Glossary, GlossaryError
from resources import glossary_dir, library_dir


@pytest.fixture(scope="module")
def glossary() -> Glossary:
    return Glossary.load(glossary_dir() / "glossary.json")


def test_rebuild_gives_the_shipped_file(tmp_path: Path) -> None:
    entries = glossary_build.build(library_dir() / "texts", glossary_dir())
    out = tmp_path / "glossary.json"
    glossary_build.write(entries, out)
    assert out.read_text(encoding="utf-8") == (glossary_dir() / "glossary.json").read_text(encoding="utf-8")


def test_sources_and_sizes(glossary: Glossary) -> None:
    by_source: dict[str, int] = {}
    for entry in glossary.entries:
        by_source[entry.source] = by_source.get(entry.source, 0) + 1
        assert entry.category in CATEGORIES
        assert entry.written_by_project == (entry.source == "Sverka editors")
        assert entry.definition
        assert all(glossary.get(r) for r in entry.related)
    assert by_source["Rogovin 2019, Biographical Notes"] >= 90
    assert by_source["Rogovin 2019, Glossary"] >= 50
    assert by_source["Sverka editors"] >= 60


def test_book_glossary_entry_keeps_russian_full_form(glossary: Glossary) -> None:
    kolkhoz = glossary["kolkhoz"]
    assert kolkhoz.forms_ru[:2] == ("колхоз", "коллективное хозяйство")
    assert {"kolkhozes", "kolkhozy"} <= set(kolkhoz.variants_en)
    assert kolkhoz.translit == "kolkhoz"
    assert kolkhoz.source == "Rogovin 2019, Glossary"


def test_person_from_biographical_notes(glossary: Glossary) -> None:
    riutin = glossary["riutin"]
    assert riutin.category == "person"
    assert riutin.forms_ru[0] == "Рютин"
    assert riutin.dates.startswith("1 [13] February 1890")
    assert "Union of Marxist-Leninists" in riutin.biography or "Riutin" in riutin.biography
    assert riutin.source == "Rogovin 2019, Biographical Notes"


@pytest.mark.parametrize("entry_id", [
    "orgburo", "secretariat", "comintern", "smychka", "thermidor", "narodniks", "nepmen",
    "left-opposition", "bolshevik-leninists", "right-deviation", "bulletin-of-the-opposition",
    "face-to-the-countryside"])
def test_terms_the_issue_requires_are_editors_entries(glossary: Glossary, entry_id: str) -> None:
    entry = glossary[entry_id]
    assert entry.written_by_project and entry.source == "Sverka editors"
    assert entry.forms_ru


@pytest.mark.parametrize(("term", "entry_id"), [
    ("колхозами", "kolkhoz"), ("kolkhozy", "kolkhoz"), ("Bukharin's", "bukharin"),
    ("Бухариным", "bukharin"), ("CC", "cc"), ("ЦК", "cc"), ("orgburo", "orgburo"),
    ("Оргбюро", "orgburo"), ("область", "oblast"), ("Left Opposition", "left-opposition"),
    ("левой оппозиции", "left-opposition"), ("смычкой", "smychka"), ("okrug", "okrug"),
    ("Fifteenth Congress", "fifteenth-party-congress"), ("XV съезд", "fifteenth-party-congress"),
    ("ИКП", "ikp"), ("riutin", "riutin")])
def test_resolve_in_either_language(glossary: Glossary, term: str, entry_id: str) -> None:
    entry = glossary.resolve(term)
    assert entry is not None and entry.id == entry_id


@pytest.mark.parametrize("term", ["", "Stalingrad", "вокруг", "Smirnov", "Bukharin and Rykov"])
def test_resolve_refuses_non_terms(glossary: Glossary, term: str) -> None:
    assert glossary.resolve(term) is None


def test_missing_or_broken_file_is_a_typed_error(tmp_path: Path) -> None:
    with pytest.raises(GlossaryError) as missing:
        Glossary.load(tmp_path / "nope.json")
    assert missing.value.path == tmp_path / "nope.json"
    broken = tmp_path / "broken.json"
    broken.write_text('{"entries": [{"id": "x"}]}', encoding="utf-8")
    with pytest.raises(GlossaryError):
        Glossary.load(broken)


def test_entry_round_trips_through_json(glossary: Glossary) -> None:
    entry = glossary["okrug"]
    assert Entry.from_json(json.loads(json.dumps(entry.to_json()))) == entry


def test_cli_show_prints_plain_text_entry(glossary: Glossary) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert glossary_cli.show("Оргбюро", out=out, err=err) == 0
    text = out.getvalue()
    assert text.startswith("Orgburo  [orgburo]") and "source: Sverka editors" in text
    assert glossary_cli.show("no such thing", out=out, err=err) == 1


def test_cli_mark_prints_line_columns(tmp_path: Path) -> None:
    path = tmp_path / "t.txt"
    path.write_text("Начало.\nКолхозами руководили в округе, а не вокруг.\n", encoding="utf-8")
    out = io.StringIO()
    assert glossary_cli.mark(path, "ru", out=out, err=io.StringIO()) == 0
    assert out.getvalue().splitlines() == ["2:0:9:kolkhoz:Колхозами", "2:23:29:okrug:округе"]


def test_cli_mark_rejects_bad_language_and_missing_file(tmp_path: Path) -> None:
    err = io.StringIO()
    assert glossary_cli.mark(tmp_path / "t.txt", "de", out=io.StringIO(), err=err) == 2
    assert glossary_cli.mark(tmp_path / "missing.txt", "en", out=io.StringIO(), err=err) == 2


def test_glossary_text_is_not_interpreted_as_markup(tmp_path: Path) -> None:
    entry = Entry("x", "<b>X</b>", (), (), "", "other", "<script>alert(1)</script>", "", "",
                  (), "Sverka editors", True)
    path = tmp_path / "g.json"
    path.write_text(json.dumps({"entries": [entry.to_json()]}), encoding="utf-8")
    out = io.StringIO()
    assert glossary_cli.show("x", glossary_path=path, out=out, err=io.StringIO()) == 0
    assert "<script>alert(1)</script>" in out.getvalue() and "<b>X</b>" in out.getvalue()
