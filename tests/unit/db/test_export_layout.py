"""Exports that open cleanly: each file re-read by the program people open it with.

DOCX by python-docx (page, columns, repeated header, rows kept whole, a language on
every run, properties), PDF by pypdf (text order, real spaces, no ligatures, rows
kept on one page, metadata, page count), HTML by html5lib (``lang`` everywhere,
the narrow number column), CSV/TSV by pandas and ``csv`` with no options, TMX by
lxml with the TMX 1.4b DTD; and the permissions the files get.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import zipfile
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select

from db.models import LibraryText, Paragraph
from db.services.export import excerpt as ex
from db.services.export import export_document, render
from db.services.export.paper import paper_for_locale
from db.services.export.writing import write_atomically

DTD_PATH = Path(__file__).resolve().parents[2] / "data" / "export" / "tmx14b.dtd"
PLATFORM_RU = "trotsky-1931-problems-of-development.ru"


def _text_id(session, key: str) -> int:
    return session.scalars(select(LibraryText.id).where(LibraryText.key == key)).one()


def _give_pages(library, key: str = PLATFORM_RU, first: int = 101, per_page: int = 3) -> None:
    """Printed pages for a bundled text: ``per_page`` paragraphs a page, and a break inside each
    third paragraph (as the book import would record them)."""
    with library.sessions.begin() as session:
        text_id = _text_id(session, key)
        for p in session.scalars(select(Paragraph).where(Paragraph.text_id == text_id)):
            p.page = str(first + p.position // per_page)
            if p.position % per_page == per_page - 1 and len(p.text) > 40:
                p.page_breaks = [[len(p.text) // 2, str(first + p.position // per_page + 1)]]


@pytest.fixture
def platform31(bundled_library):
    """Beads 10–40 of the 1931 platform (31 beads), the issue's measure of layout."""
    with bundled_library.sessions() as session:
        alignment_id = ex.alignment_for_text(session, _text_id(session, PLATFORM_RU))
        excerpt = ex.excerpt_for_range(session, alignment_id, 9, 39)
    return ex.make_document(excerpt.work_title, [excerpt], paper="a4", author="Ada Historian")


# --- permissions ---------------------------------------------------------------------------------

@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
@pytest.mark.parametrize(("umask", "expected"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_exported_files_get_the_users_normal_permissions(tmp_path: Path, umask: int, expected: int) -> None:
    old = os.umask(umask)
    try:
        path = write_atomically(tmp_path / "out.txt", b"data")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == expected


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "out.txt"
    path.write_bytes(b"old")
    path.chmod(0o640)
    write_atomically(path, b"new", overwrite=True)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640 and path.read_bytes() == b"new"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_every_export_format_is_written_readable_by_the_group(platform31, tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        for fmt in ("tmx", "tsv", "csv", "html", "md", "txt", "docx", "pdf"):
            path = export_document(platform31, fmt, tmp_path / f"out.{fmt}")
            assert stat.S_IMODE(path.stat().st_mode) == 0o644, fmt
    finally:
        os.umask(old)


# --- paper -----------------------------------------------------------------------------------------

def test_paper_follows_the_locale() -> None:
    assert paper_for_locale("en_US.UTF-8") == "letter"
    assert paper_for_locale("es_MX.UTF-8") == "letter"
    assert paper_for_locale("ru_RU.UTF-8") == "a4"
    assert paper_for_locale("en_GB.UTF-8") == "a4"
    assert paper_for_locale("C.UTF-8") == "a4"


# --- DOCX ------------------------------------------------------------------------------------------

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def test_docx_page_columns_header_rows_and_properties(platform31) -> None:
    import docx
    from docx.shared import Mm

    data = render(platform31, "docx")
    document = docx.Document(io.BytesIO(data))
    section = document.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(1) and abs(section.page_height - Mm(297)) < Mm(1)
    assert abs(section.left_margin - Mm(20)) < Mm(1)
    table = document.tables[0]
    assert len(table.rows) == 32
    widths = [c.width for c in table.rows[1].cells]
    assert widths[0] <= Mm(11) and widths[1] == widths[2] and widths[1] > 7 * widths[0]
    rows = table._tbl.findall(f"{W}tr")
    assert rows[0].find(f"{W}trPr/{W}tblHeader") is not None  # repeated on every page
    assert all(r.find(f"{W}trPr/{W}cantSplit") is not None for r in rows)  # rows not split across pages
    assert table._tbl.find(f"{W}tblPr/{W}tblLayout").get(f"{W}type") == "fixed"
    props = document.core_properties
    assert props.author == "Ada Historian" and props.last_modified_by == "Ada Historian"
    assert props.title == platform31.title
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in z.namelist():
            assert b"python-docx" not in z.read(name), name


def test_docx_every_run_carries_its_language(platform31) -> None:
    import docx

    document = docx.Document(io.BytesIO(render(platform31, "docx")))
    body = document.element.body
    runs = body.iter(f"{W}r")
    missing = [r for r in runs if r.find(f"{W}rPr/{W}lang") is None and "".join(t.text or "" for t in r.iter(f"{W}t"))]
    assert missing == []
    table = document.tables[0]
    for row in table.rows[1:]:
        ru_langs = {e.get(f"{W}val") for e in row.cells[1]._tc.iter(f"{W}lang")}
        en_langs = {e.get(f"{W}val") for e in row.cells[2]._tc.iter(f"{W}lang")}
        assert ru_langs == {"ru-RU"} and en_langs == {"en-US"}
    citation = next(p for p in document.paragraphs if p.text.startswith("Cite as:"))
    langs = {(r.text, r._r.find(f"{W}rPr/{W}lang").get(f"{W}val")) for r in citation.runs}
    assert any(lang == "en-US" and "Trotsky" in text for text, lang in langs)
    assert any(r.italic for r in citation.runs)  # the journal's title


def test_docx_letter_paper() -> None:
    import docx
    from docx.shared import Mm

    from tests.unit.db.test_export_formats import hostile_document

    doc = hostile_document()
    letter = ex.make_document(doc.title, doc.excerpts, paper="letter", author="")
    section = docx.Document(io.BytesIO(render(letter, "docx"))).sections[0]
    assert abs(section.page_width - Mm(215.9)) < Mm(1) and abs(section.page_height - Mm(279.4)) < Mm(1)


# --- PDF -------------------------------------------------------------------------------------------

def _pdf_pages(data: bytes) -> list[str]:
    from pypdf import PdfReader

    return [p.extract_text() for p in PdfReader(io.BytesIO(data)).pages]


def test_pdf_31_beads_take_few_pages_with_real_spaces_and_no_ligatures(platform31) -> None:
    data = render(platform31, "pdf")
    pages = _pdf_pages(data)
    assert len(pages) <= 5  # before: 10 pages with 35 mm lost on each side
    text = "\n".join(pages)
    assert "\t" not in text  # Qt wrote no space characters: extractors guessed tabs
    first = platform31.excerpts[0].beads[0]
    assert " ".join(first.en.split()[:6]) in " ".join(text.split())  # words separated by real spaces
    assert not re.search("[\ufb00-\ufb06]", text)  # no ligature glyphs: "fi" copies as f, i
    assert "Cite as:" in text and "working translation by the Sverka editors" in " ".join(text.split())


def test_pdf_keeps_rows_whole_and_in_order(platform31) -> None:
    pages = [" ".join(p.split()) for p in _pdf_pages(render(platform31, "pdf"))]
    last_page = -1
    for bead in platform31.excerpts[0].beads:
        start, end = " ".join(bead.ru.split()[:3]), " ".join(bead.en.split()[-3:])
        on = [i for i, page in enumerate(pages) if start in page]
        assert on, bead.position
        assert end in pages[on[0]], f"bead {bead.position + 1} is split across pages"
        assert on[0] >= last_page  # reading order
        last_page = on[0]


def test_pdf_metadata_names_title_author_and_language(platform31) -> None:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(render(platform31, "pdf")))
    assert reader.metadata.title == platform31.title
    assert reader.metadata.author == "Ada Historian"
    assert reader.trailer["/Root"]["/Lang"] == "en-US"
    width, height = (float(x) for x in reader.pages[0].mediabox[2:])
    assert abs(width - 595.3) < 1 and abs(height - 841.9) < 1  # A4 in points


def test_pdf_splits_only_a_bead_taller_than_a_page(platform31) -> None:
    from dataclasses import replace

    excerpt = platform31.excerpts[0]
    huge = replace(excerpt.beads[0], ru=" ".join([excerpt.beads[0].ru] * 45), en=" ".join([excerpt.beads[0].en] * 45))
    document = replace(platform31, excerpts=(replace(excerpt, beads=(huge, *excerpt.beads[1:3])),))
    pages = _pdf_pages(render(document, "pdf"))
    assert len(pages) >= 2  # laid out, not refused


# --- HTML ------------------------------------------------------------------------------------------

def test_html_has_lang_everywhere_and_a_narrow_number_column(platform31) -> None:
    import html5lib

    tree = html5lib.parse(render(platform31, "html"), namespaceHTMLElements=False)
    assert tree.get("lang") == "en"
    cells = tree.findall(".//td")
    assert cells and all(td.get("lang") in ("ru", "en") for td in cells)
    assert [td.get("lang") for td in cells[:3]] == ["en", "ru", "en"]
    assert [c.get("class") for c in tree.findall(".//colgroup/col")] == ["n", "ru", "en"]
    css = tree.find(".//style").text
    assert re.search(r"col\.n \{ width: 2\.6em; \}", css)
    gost = ex.make_document(platform31.title, platform31.excerpts, style="gost", paper="a4")
    assert html5lib.parse(render(gost, "html"), namespaceHTMLElements=False).get("lang") == "ru"


# --- CSV / TSV ----------------------------------------------------------------------------------------

def test_csv_and_tsv_open_with_no_options(platform31, tmp_path: Path) -> None:
    import pandas as pd

    csv_path = export_document(platform31, "csv", tmp_path / "out.csv")
    tsv_path = export_document(platform31, "tsv", tmp_path / "out.tsv")
    frame = pd.read_csv(csv_path)
    assert len(frame) == 31 and list(frame.columns[:3]) == ["bead", "ru", "en"]
    assert frame["bead"].tolist() == list(range(10, 41))
    table = pd.read_table(tsv_path)
    assert table["en"].tolist() == frame["en"].tolist()
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.reader(fh))
    with open(tsv_path, encoding="utf-8", newline="") as fh:
        tsv_rows = list(csv.reader(fh, delimiter="\t"))
    assert rows == tsv_rows and len(rows) == 32
    citation = frame["citation"].iloc[0]
    assert citation.startswith("Russian original: Leon Trotsky") and "para. " in citation
    assert "working translation by the Sverka editors" in citation
    assert set(frame["en_kind"]) == {"working_translation"}


def test_tsv_quotes_only_where_a_tab_or_line_break_needs_it(tmp_path: Path) -> None:
    from tests.unit.db.test_export_formats import HOSTILE, hostile_document

    data = render(hostile_document(), "tsv").decode("utf-8")
    assert "\tHe said \"no\", then" not in data  # the cell has a tab inside: quoted
    assert '"He said ""no"", then\tleft."' in data
    assert "\t<script>alert(1)</script> &amp; & co\t" in data  # nothing to quote: as it is
    assert "\t# не заголовок | и не таблица *и не курсив*\t" in data
    path = tmp_path / "t.tsv"
    path.write_bytes(data.encode("utf-8"))
    import pandas as pd

    frame = pd.read_table(path, keep_default_na=False)
    assert frame["en"].tolist()[0] == HOSTILE[0][1]


def test_a_page_citation_in_every_row(bundled_library, tmp_path: Path) -> None:
    import pandas as pd

    _give_pages(bundled_library)
    with bundled_library.sessions() as session:
        alignment_id = ex.alignment_for_text(session, _text_id(session, PLATFORM_RU))
        excerpt = ex.excerpt_for_range(session, alignment_id, 9, 39)
    document = ex.make_document("p", [excerpt], paper="a4")
    frame = pd.read_csv(export_document(document, "csv", tmp_path / "p.csv"), dtype=str, keep_default_na=False)
    assert all(frame["ru_page"] != "")
    row = frame.iloc[0]
    assert f"(1931): {row['ru_page']}." in row["citation"]  # a journal page after a colon


# --- TMX -------------------------------------------------------------------------------------------

def test_tmx_units_carry_their_provenance(bundled_library) -> None:
    _give_pages(bundled_library)
    with bundled_library.sessions() as session:
        alignment_id = ex.alignment_for_text(session, _text_id(session, PLATFORM_RU))
        excerpt = ex.excerpt_for_range(session, alignment_id, 9, 39)
    data = render(ex.make_document("p", [excerpt], paper="a4", author="Ada"), "tmx")
    root = etree.fromstring(data)
    assert etree.DTD(str(DTD_PATH)).validate(root)
    header = root.find("header")
    assert header.get("creationtool") == "Sverka" and header.get("creationdate") and header.get("changedate")
    assert header.get("srclang") == "ru-RU" and header.get("creationid") == "Ada"
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in root.findall("body/tu"):
        assert tu.get("creationdate") and tu.get("changedate")
        assert "Working translation by Sverka's editors" in tu.findtext("note")
        props = {p.get("type"): p.text for p in tu.findall("prop")}
        assert props["x-bead"] == tu.get("tuid") and props["x-status"] in ("auto", "confirmed", "edited")
        assert "Russian original:" in props["x-citation"]
        ru, en = tu.findall("tuv")
        assert (ru.get(xml_lang), en.get(xml_lang)) == ("ru-RU", "en-US")
        ru_props = {p.get("type"): p.text for p in ru.findall("prop")}
        en_props = {p.get("type"): p.text for p in en.findall("prop")}
        assert ru_props["x-kind"] == "original" and ru_props["x-page"].isdigit()
        assert en_props["x-kind"] == "working_translation" and en_props["x-translator"].startswith("Sverka editors")
        assert en_props["x-paragraph"].isdigit() and "x-page" not in en_props
