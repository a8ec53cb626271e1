"""Exports from the library and from the command line: selections, citations, never overwriting."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from app.cli import EXIT_EXISTS, EXIT_OK, main
from db.models import LibraryText
from db.services import bookmarks as bm
from db.services.export import excerpt as ex
from db.services.export import export_document
from db.services.export.errors import ExportTargetExistsError, NothingToExportError
from db.services.export.writing import write_atomically

DTD_PATH = Path(__file__).resolve().parents[2] / "data" / "export" / "tmx14b.dtd"


def _text_id(session, key: str) -> int:
    return session.scalars(select(LibraryText.id).where(LibraryText.key == key)).one()


def test_range_excerpt_cites_both_texts_and_labels_the_reconstruction(bundled_library) -> None:
    with bundled_library.sessions() as s:
        ru = _text_id(s, "trotsky-1925-leningrad-opposition.ru")
        excerpt = ex.excerpt_for_range(s, ex.alignment_for_text(s, ru), 2, 5)
    assert [b.position for b in excerpt.beads] == [2, 3, 4, 5]
    assert excerpt.ru.kind == "back_translation" and excerpt.ru.written_by_project
    assert excerpt.en.kind == "published_translation" and excerpt.en.date == "1925-12-22"
    assert excerpt.ru.paragraph_first is not None and excerpt.ru.sentence_first == 2
    text = export_document_text(excerpt)
    assert "must not be quoted" in text and "цитировать её как подлинный текст нельзя" in text
    assert "beads 3–6" in text and "Trotsky" in text


def export_document_text(excerpt) -> str:
    from db.services.export import render

    return render(ex.make_document("t", [excerpt]), "txt").decode("utf-8")


def test_bookmark_and_tag_selections(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        ru_1925 = _text_id(s, "trotsky-1925-leningrad-opposition.ru")
        ru_1931 = _text_id(s, "trotsky-1931-problems-of-development.ru")
        one = bm.add_bookmark(s, ex.alignment_for_text(s, ru_1931), 20, 22, tags=["collectivization"])
        two = bm.add_bookmark(s, ex.alignment_for_text(s, ru_1925), 7, 8, tags=["Collectivization"])
        bm.add_bookmark(s, ex.alignment_for_text(s, ru_1925), 1, 2, tags=["other"])
    with bundled_library.sessions() as s:
        single = ex.excerpt_for_bookmark(s, one.id)
        tagged = ex.excerpts_for_tag(s, "COLLECTIVIZATION")
        with pytest.raises(NothingToExportError):
            ex.excerpts_for_tag(s, "no-such-tag")
    assert (single.bead_first, single.bead_last, single.heading) == (20, 21, one.title)
    assert {e.heading for e in tagged} == {one.title, two.title}


def test_write_never_overwrites_without_permission_and_leaves_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_text("precious")
    with pytest.raises(ExportTargetExistsError) as info:
        write_atomically(target, b"new")
    assert "--force" in str(info.value)
    assert target.read_text() == "precious"
    write_atomically(target, b"new", overwrite=True)
    assert target.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt"]


def test_cli_export_range_to_valid_tmx_and_refuses_to_overwrite(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.tmx"
    # the bundled 1931 pair: the Russian original is text 6 in a fresh library (see `sverka list`)
    db = ["--db", str(bundled_library_path)]
    code = main([*db, "export", "6", "--range", "12-40", "--format", "tmx", "-o", str(out)])
    assert code == EXIT_OK, capsys.readouterr().err
    root = etree.fromstring(out.read_bytes())
    assert etree.DTD(str(DTD_PATH)).validate(root)
    assert len(root.findall("body/tu")) == 29
    before = out.read_bytes()
    code = main([*db, "export", "6", "--range", "12-40", "--format", "tmx", "-o", str(out)])
    assert code == EXIT_EXISTS and out.read_bytes() == before
    assert "--force" in capsys.readouterr().err
    assert main([*db, "export", "6", "--range", "1-2", "-o", str(out), "--force"]) == EXIT_OK
    assert len(etree.fromstring(out.read_bytes()).findall("body/tu")) == 2


def test_cli_bookmarks_then_export_by_tag(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(bundled_library_path)]
    assert main([*db, "bookmark", "add", "6", "--range", "12-14", "--tag", "collectivization", "--note", "колхозы"]) == 0
    assert main([*db, "bookmark", "add", "1", "--range", "5", "--tag", "collectivization"]) == 0
    capsys.readouterr()
    assert main([*db, "bookmark", "list", "--note", "КОЛХОЗЫ"]) == 0
    listed = capsys.readouterr().out
    assert "beads 12–14" in listed and "beads 5–5" not in listed
    out = tmp_path / "out.csv"
    assert main([*db, "export", "--bookmarks", "--tag", "collectivization", "-o", str(out)]) == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    assert rows[0][-1] == "excerpt" and len(rows) - 1 == 4  # three beads and one bead
    labels = [r[rows[0].index("label")] for r in rows[1:]]
    assert any("Working translation" in x for x in labels) and any("Back-translation" in x for x in labels)
    assert main([*db, "bookmark", "delete", "1"]) == 0
    capsys.readouterr()
    assert main([*db, "bookmark", "list", "--json"]) == 0
    assert '"id": 1' not in capsys.readouterr().out


def test_cli_export_needs_a_selection(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    code = main(["--db", str(bundled_library_path), "export", "-o", str(tmp_path / "x.tmx")])
    assert code != 0 and "TEXT-ID" in capsys.readouterr().err
    assert not (tmp_path / "x.tmx").exists()


def test_whole_text_export_to_every_file_format(bundled_library, tmp_path: Path) -> None:
    with bundled_library.sessions() as s:
        excerpt = ex.excerpt_for_text(s, _text_id(s, "trotsky-1925-leningrad-opposition.en"))
    document = ex.make_document("whole", [excerpt])
    assert len(excerpt.beads) > 30
    for fmt in ("tmx", "tsv", "csv", "html", "md", "txt", "docx", "pdf"):
        path = export_document(document, fmt, tmp_path / f"whole.{fmt}")
        assert path.stat().st_size > 1000
