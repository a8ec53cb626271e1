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
    assert [b.status for b in beads] == [b.status for b in original.beads]  # review status comes back


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
        ("binary.tsv", bytes(range(256)) * 4, "not text Sverka can decode", 0),
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


# --- round trips through Sverka's own exports -------------------------------------------------

def _platform_excerpt(library, first: int = 9, last: int = 39, pages: bool = True):
    from db.models import Paragraph
    from db.services.editing import apply_edit  # noqa: F401 - the edits module is there; statuses set directly
    from db.models import Bead

    with library.sessions.begin() as s:
        ru_id = s.scalars(select(LibraryText.id).where(LibraryText.key == "trotsky-1931-problems-of-development.ru")).one()
        if pages:
            for p in s.scalars(select(Paragraph).where(Paragraph.text_id == ru_id)):
                p.page = str(201 + p.position // 4)
        alignment_id = ex.alignment_for_text(s, ru_id)
        for b in s.scalars(select(Bead).where(Bead.alignment_id == alignment_id, Bead.position.in_([10, 11]))):
            b.status = "confirmed" if b.position == 10 else "edited"
    with library.sessions() as s:
        return ex.excerpt_for_range(s, alignment_id, first, last)


@pytest.mark.parametrize("fmt", ["tmx", "tsv", "csv"])
def test_an_exported_excerpt_comes_back_with_kind_translator_rights_numbering_status_and_pages(
    bundled_library, tmp_path: Path, fmt: str
) -> None:
    from db.services.citations import passage_citation
    from db.services.citing.passage import cite_passage
    from db.services.records import text_record

    original = _platform_excerpt(bundled_library)
    path = tmp_path / f"excerpt.{fmt}"
    path.write_bytes(render(ex.make_document("excerpt", [original], paper="a4"), fmt))
    result = import_aligned(bundled_library, path, options=ImportOptions(allow_duplicate=True))
    with bundled_library.sessions() as s:
        ru, en = get_text(s, result.ru_text_id), get_text(s, result.en_text_id)
        beads = alignment_beads(s, result.alignment_id)
        again = ex.excerpt_for_range(s, result.alignment_id, 0, result.bead_count - 1)
        citation = passage_citation(s, result.alignment_id, 0, 2)
        en_record = text_record(s, en.id)
    assert (ru.kind, en.kind) == ("original", "working_translation")
    assert en.translator == original.en.translator and ru.rights == original.ru.rights and en.rights == original.en.rights
    assert (ru.title, en.title) == (original.ru.title, original.en.title)
    assert [b.status for b in beads] == [b.status for b in original.beads]
    assert {b.status for b in beads[:3]} == {"auto", "confirmed", "edited"}
    assert [(b.ru, b.en) for b in again.beads] == [(b.ru, b.en) for b in original.beads]
    assert [b.ru_page for b in again.beads] == [b.ru_page for b in original.beads]  # printed pages
    # numbering: the excerpt is cited with its source's bead and paragraph numbers, not from 1
    text = cite_passage(citation, "chicago").plain()
    assert "Sverka: beads 10–12." in text
    first_paragraph = original.en.paragraph_first + 1
    assert f"paras. {first_paragraph}–" in text or f"para. {first_paragraph}." in text
    assert f"(1931): {original.beads[0].ru_page}" in text
    if fmt == "tmx":  # the whole record travels in the TMX header
        assert en_record.genre == "working translation, not published"


def test_tsv_with_quotation_marks_inside_the_text(library, tmp_path: Path) -> None:
    path = tmp_path / "quotes.tsv"
    path.write_text('"Нет," сказал он.\t"No," he said.\nОн ответил: "да".\tHe answered "yes".\n', encoding="utf-8")
    units = read_aligned_file(path).units
    assert [(u.ru, u.en) for u in units] == [('"Нет," сказал он.', '"No," he said.'), ('Он ответил: "да".', 'He answered "yes".')]


def test_excel_unicode_text_is_utf16_with_quoted_cells(library, tmp_path: Path) -> None:
    path = tmp_path / "excel.txt"
    content = 'ru\ten\r\n"Он сказал ""нет""."\t"He said ""no""."\r\nКолхоз.\tKolkhoz.\r\n'
    path.write_bytes(content.encode("utf-16"))  # with a byte-order mark, as Excel saves it
    units = read_aligned_file(path).units
    assert [(u.ru, u.en) for u in units] == [('Он сказал "нет".', 'He said "no".'), ("Колхоз.", "Kolkhoz.")]


def test_cp1251_and_semicolon_csv_from_a_russian_excel(library, tmp_path: Path) -> None:
    path = tmp_path / "excel.csv"
    path.write_bytes('Русский;English\r\nКулаки сопротивлялись;"The kulaks resisted; they hid grain"\r\nКолхоз;Kolkhoz\r\n'
                     .encode("cp1251"))
    units = read_aligned_file(path).units
    assert [(u.ru, u.en) for u in units] == [("Кулаки сопротивлялись", "The kulaks resisted; they hid grain"),
                                            ("Колхоз", "Kolkhoz")]
    result = import_aligned(library, path)
    assert result.bead_count == 2


def test_lf_aligner_output(library, tmp_path: Path) -> None:
    # LF Aligner writes tab-separated segments, a third column with the source files, and
    # ~~~ where the user merged segments in its review.
    path = tmp_path / "aligned_platform.txt"
    path.write_text(
        "Проблемы развития СССР.\tProblems of the Development of the USSR.\tplatform_ru.txt - platform_en.txt\n"
        "Классовая природа СССР. ~~~ Противоречивые процессы.\tThe class nature of the USSR. ~~~ Contradictory processes.\t\n",
        encoding="utf-8",
    )
    units = read_aligned_file(path).units
    assert units[1].ru == "Классовая природа СССР. Противоречивые процессы."
    assert units[1].en == "The class nature of the USSR. Contradictory processes."
    assert import_aligned(library, path).bead_count == 2


def test_intertext_alignment_with_its_two_documents(library, tmp_path: Path) -> None:
    (tmp_path / "ru.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<text><p id="1"><s id="1:1">Кулаки сопротивлялись.</s> '
        '<s id="1:2">Они прятали хлеб.</s></p><p id="2"><s id="2:1">Колхоз.</s></p></text>', encoding="utf-8")
    (tmp_path / "en.xml").write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<text><p id="1"><s id="1:1">The kulaks resisted and hid grain.</s></p>'
        '<p id="2"><s id="2:1">Kolkhoz.</s></p></text>', encoding="utf-8")
    path = tmp_path / "ru.en.xml"
    path.write_text(
        '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE cesAlign PUBLIC "-//CES//DTD XML cesAlign//EN" "">\n'
        '<cesAlign version="1.0"><linkGrp toDoc="en.xml" fromDoc="ru.xml">'
        '<link xtargets="1:1 1:2;1:1" status="man"/><link xtargets="2:1;2:1"/></linkGrp></cesAlign>',
        encoding="utf-8")
    result = import_aligned(library, path)
    with library.sessions() as s:
        beads = alignment_beads(s, result.alignment_id)
        excerpt = ex.excerpt_for_range(s, result.alignment_id, 0, 1)
    assert [(b.ru, b.en) for b in excerpt.beads] == [("Кулаки сопротивлялись. Они прятали хлеб.", "The kulaks resisted and hid grain."),
                                                  ("Колхоз.", "Kolkhoz.")]
    assert [b.status for b in beads] == ["confirmed", "auto"]
    assert excerpt.beads[1].ru_paragraph == 1  # paragraphs of the documents kept
