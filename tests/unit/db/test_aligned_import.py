"""Importing aligned pairs made elsewhere (TMX, TSV, CSV), and clear errors for broken files."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import LibraryText
from db.services.aligned_import import AlignedFileError, import_aligned, read_aligned_file
from db.services.aligning import alignment_beads
from db.services.export import excerpt as ex
from db.services.export import render
from db.services.importing import ImportOptions
from db.services.library import get_text


def test_tmx_export_of_a_pair_imports_back_as_the_same_pair(bundled_library, tmp_path: Path) -> None:
    with bundled_library.sessions() as s:
        en_id = s.scalars(select(LibraryText.id).where(LibraryText.key == "trotsky-1925-leningrad-opposition.en")).one()
        original = ex.excerpt_for_text(s, en_id)
    path = tmp_path / "pair.tmx"
    path.write_bytes(render(ex.make_document("pair", [original]), "tmx"))
    result = import_aligned(bundled_library, path, options=ImportOptions(allow_duplicate=True))
    with bundled_library.sessions() as s:
        again = ex.excerpt_for_range(s, result.alignment_id, 0, result.bead_count - 1)
        ru = get_text(s, result.ru_text_id)
        en = get_text(s, result.en_text_id)
        beads = alignment_beads(s, result.alignment_id)
    assert [(b.ru, b.en) for b in again.beads] == [(b.ru, b.en) for b in original.beads]
    assert ru.kind == "back_translation" and en.kind == "published_translation"  # the labels travel with the file
    assert ru.title == original.ru.title and ru.work_id == en.work_id
    assert ru.paragraph_count == original.ru.paragraph_last + 1  # paragraphs rebuilt from the unit properties
    assert all(b.status == "confirmed" for b in beads)


def test_tsv_from_elsewhere_without_header_and_english_first(library, tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text(
        "The kulaks resisted. They hid grain.\tКулаки сопротивлялись. Они прятали хлеб.\n"
        "Collectivization went on.\tКоллективизация продолжалась.\n"
        "\n"
        "An English addition.\t\n",
        encoding="utf-8",
    )
    result = import_aligned(library, path)
    assert result.bead_count == 3
    with library.sessions() as s:
        beads = alignment_beads(s, result.alignment_id)
        excerpt = ex.excerpt_for_range(s, result.alignment_id, 0, 2)
    assert [(b.ru_end - b.ru_start, b.en_end - b.en_start) for b in beads] == [(2, 2), (1, 1), (0, 1)]
    assert excerpt.beads[0].ru == "Кулаки сопротивлялись. Они прятали хлеб."
    assert excerpt.beads[2].ru == "" and excerpt.beads[2].en == "An English addition."


def test_csv_with_header_in_any_column_order(library, tmp_path: Path) -> None:
    path = tmp_path / "pairs.csv"
    path.write_text('note,en,ru\nx,"Hello, ""world""",Привет\ny,Bye,Пока\n', encoding="utf-8")
    units = read_aligned_file(path).units
    assert [(u.ru, u.en) for u in units] == [("Привет", 'Hello, "world"'), ("Пока", "Bye")]


@pytest.mark.parametrize(
    ("name", "content", "expected", "line"),
    [
        ("broken.tmx", b'<?xml version="1.0"?>\n<tmx version="1.4"><header/>\n<body><tu><tuv xml:lang="ru"><seg>a</tuv>', "not well-formed", 3),
        ("html.tmx", b"<?xml version='1.0'?><html><body/></html>", "not a TMX", 0),
        ("nobody.tmx", b"<tmx version='1.4'><header/></tmx>", "no <body>", 0),
        ("german.tmx", b"<tmx><header/><body><tu><tuv xml:lang='de-DE'><seg>Hallo</seg></tuv><tuv xml:lang='EN-us'><seg>Hi</seg></tuv></tu></body></tmx>", "no Russian (ru) segments (languages found: de, en)", 0),
        ("noseg.tmx", b"<tmx><header/><body><tu><tuv xml:lang='ru'></tuv></tu></body></tmx>", "without <seg>", 0),
        ("one.tsv", "Только одна колонка\nи ещё\n".encode(), "one column", 1),
        ("latin1.tsv", "Привет\tHi\n".encode("cp1251"), "not UTF-8", 1),
        ("short.csv", "ru,en\nПривет,Hi\nПока\n".encode(), "1 column(s), 2 are needed", 3),
        ("quote.csv", 'ru,en\n"Привет,Hi\n'.encode(), "malformed", 0),
        ("pair.xlsx", b"PK\x03\x04", "not .xlsx", 0),
    ],
)
def test_malformed_files_give_clear_errors_and_import_nothing(
    library, tmp_path: Path, name: str, content: bytes, expected: str, line: int
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(AlignedFileError) as info:
        import_aligned(library, path)
    message = str(info.value)
    assert expected in message and name in message and "nothing was imported" in message
    if line:
        assert info.value.line == line and f"line {line}" in message
    with library.sessions() as s:
        assert s.scalars(select(LibraryText)).first() is None


def test_import_aligned_from_the_command_line(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    import re

    from app.cli import EXIT_INPUT, main

    path = tmp_path / "pairs.tsv"
    path.write_text("ru\ten\nОдин.\tOne.\nДва.\tTwo.\n", encoding="utf-8")
    db = ["--db", str(bundled_library_path)]
    assert main([*db, "import-aligned", str(path), "--title", "Пробный текст"]) == 0
    out = capsys.readouterr().out
    assert "2 beads" in out
    ru_id = re.search(r"texts (\d+) \(ru\)", out).group(1)
    bad = tmp_path / "bad.tmx"
    bad.write_text("<tmx><body>", encoding="utf-8")
    assert main([*db, "import-aligned", str(bad)]) == EXIT_INPUT
    assert "bad.tmx" in capsys.readouterr().err
    assert main([*db, "bookmark", "add", ru_id, "--range", "2", "--note", "n"]) == 0
    assert main([*db, "bookmark", "edit", "1", "--tag", "a", "--tag", "b", "--colour", "#112233"]) == 0
    capsys.readouterr()
    assert main([*db, "bookmark", "list", "--tag", "B"]) == 0
    assert "[a, b]" in capsys.readouterr().out
