"""Every export format, parsed back: hostile text stays intact and inert, citations and labels are there."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from html.parser import HTMLParser
from pathlib import Path

import pytest

from alignment.text.decode import normalize_text
from lxml import etree

from db.dto import Excerpt, ExcerptBead, ExportDocument, TextCitation
from db.services.aligned_import import read_delimited, read_tmx
from db.services.export import render
from db.services.export.citation import PROJECT_LABELS
from db.services.export.excerpt import make_document

DTD_PATH = Path(__file__).resolve().parents[2] / "data" / "export" / "tmx14b.dtd"

HOSTILE = [
    ('Он сказал: "нет", а потом\tушёл.', 'He said "no", then\tleft.'),
    ("<script>alert('ru')</script> & Ко", "<script>alert(1)</script> &amp; & co"),
    ("Первая строка\nвторая строка", "First line\r\nsecond line"),
    ('=HYPERLINK("http://evil.example","клик")', "-1 is less than zero, +1 is not"),
    ("# не заголовок | и не таблица *и не курсив*", "@SUM(A1) 1. not a list > not a quote"),
    ("", "An addition with no Russian counterpart."),
]


def _side(lang: str, kind: str) -> TextCitation:
    return TextCitation(
        text_id=1 if lang == "ru" else 2,
        lang=lang,
        title="Заметки" if lang == "ru" else "Notes",
        author="Л. Д. Троцкий" if lang == "ru" else "L. D. Trotsky",
        date="1925",
        source="Archive <b>edition</b> & \"co\"",
        translator="Sverka editors" if kind != "original" else "",
        rights="",
        kind=kind,
        kind_label=kind.replace("_", " "),
        note="",
        written_by_project=kind in PROJECT_LABELS,
        paragraph_first=0,
        paragraph_last=2,
        sentence_first=0,
        sentence_last=5,
    )


def hostile_document(ru_kind: str = "back_translation", en_kind: str = "published_translation") -> ExportDocument:
    beads = tuple(
        ExcerptBead(position=i + 11, ru=ru, en=en, ru_paragraph=None if not ru else i // 2, en_paragraph=i // 2, status="auto")
        for i, (ru, en) in enumerate(HOSTILE)
    )
    excerpt = Excerpt(
        alignment_id=1,
        work_title="[Notes on the Leningrad Opposition]",
        work_author="L. D. Trotsky",
        work_date="1925-12-22",
        ru=_side("ru", ru_kind),
        en=_side("en", en_kind),
        bead_first=11,
        bead_last=11 + len(HOSTILE) - 1,
        beads=beads,
        heading="A <b>bold</b> bookmark",
        note="Note with , and \" and \t",
        tags=("collectivization",),
    )
    return make_document("Export <test> & \"title\"", [excerpt])


def test_tmx_is_valid_against_the_1_4b_dtd_with_languages_and_properties() -> None:
    data = render(hostile_document(), "tmx")
    dtd = etree.DTD(str(DTD_PATH))
    root = etree.fromstring(data)
    assert dtd.validate(root), dtd.error_log.filter_from_errors()
    assert root.get("version") == "1.4"
    tus = root.findall("body/tu")
    assert len(tus) == len(HOSTILE)  # one translation unit per bead
    xml_lang = "{http://www.w3.org/XML/1998/namespace}lang"
    for tu in tus:
        assert [tuv.get(xml_lang) for tuv in tu.findall("tuv")] == ["ru-RU", "en-US"]  # locales CAT tools accept
    props = {p.get("type"): p.text for p in root.findall("header/prop")}
    assert props["x-ru-kind"] == "back_translation" and props["x-en-kind"] == "published_translation"
    assert "must not be quoted" in props["x-ru-label"]
    assert "Sverka locator: beads 12–17" in props["x-citation"]
    assert root.find("header").get("srclang") == "ru-RU"


def test_tmx_segments_come_back_intact() -> None:
    data = render(hostile_document(), "tmx")
    root = etree.fromstring(data)
    segs = [(tu.find("tuv[1]/seg").text or "", tu.find("tuv[2]/seg").text or "") for tu in root.findall("body/tu")]
    assert segs == HOSTILE
    assert not root.findall(".//script")


def test_tmx_replaces_characters_xml_cannot_hold() -> None:
    doc = hostile_document()
    bad = ExcerptBead(position=0, ru="до\x0bпосле\x00", en="ok", ru_paragraph=0, en_paragraph=0, status="auto")
    excerpt = doc.excerpts[0]
    doc = ExportDocument(doc.title, (Excerpt(**{**{f: getattr(excerpt, f) for f in excerpt.__slots__}, "beads": (bad,)}),), doc.exported_at)
    root = etree.fromstring(render(doc, "tmx"))
    assert root.find("body/tu/tuv/seg").text == "до\ufffdпосле\ufffd"


@pytest.mark.parametrize(("fmt", "delimiter", "encoding"), [("csv", ",", "utf-8-sig"), ("tsv", "\t", "utf-8")])
def test_delimited_round_trip_of_hostile_content(fmt: str, delimiter: str, encoding: str, tmp_path: Path) -> None:
    data = render(hostile_document(), fmt)
    if fmt == "csv":
        assert data.startswith(b"\xef\xbb\xbf")  # so that Excel reads UTF-8
    rows = list(csv.reader(io.StringIO(data.decode(encoding), newline=""), delimiter=delimiter))
    assert rows[0][:3] == ["bead", "ru", "en"]  # the header is the first row: readers need no options
    header = 0
    body = rows[header + 1 :]
    assert [r[0] for r in body] == [str(i) for i in range(12, 12 + len(HOSTILE))]
    # formulas are defused for spreadsheets with a leading apostrophe …
    assert body[3][1] == "'" + HOSTILE[3][0] and body[4][2] == "'" + HOSTILE[4][1]
    # … which Sverka's own reader takes off again: everything comes back exactly.
    path = tmp_path / f"out.{fmt}"
    path.write_bytes(data)
    units = read_delimited(path, delimiter).units
    # … and cleaned as every imported text is (line ends unified, no control characters).
    assert [(u.ru, u.en) for u in units] == [(normalize_text(ru), normalize_text(en)) for ru, en in HOSTILE]
    column = rows[0].index
    assert all(r[column("label")].startswith("Back-translation by Sverka's editors") for r in body)
    assert {r[column("ru_kind")] for r in body} == {"back_translation"}


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.cells: list[str] = []
        self._in_td = False
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "td":
            self._in_td = True
            self.cells.append("")

    def handle_endtag(self, tag: str) -> None:
        if tag == "td":
            self._in_td = False

    def handle_data(self, data: str) -> None:
        self.text.append(data)
        if self._in_td:
            self.cells[-1] += data


def test_html_is_standalone_escaped_and_two_columns() -> None:
    page = render(hostile_document(), "html").decode("utf-8")
    parser = _Collector()
    parser.feed(page)
    assert "script" not in parser.tags and "b" not in parser.tags
    assert "Content-Security-Policy" in page and "@media print" in page
    assert not re.search(r"<link|src=", page)  # nothing loaded from elsewhere
    cells = parser.cells
    pairs = [(cells[i + 1], cells[i + 2]) for i in range(0, len(cells), 3)]
    assert pairs == HOSTILE
    text = "".join(parser.text)
    assert "must not be quoted" in text and "цитировать её как подлинный текст нельзя" in text
    assert "Sverka locator:" in text and "beads 12–17" in text


def test_markdown_keeps_text_literal() -> None:
    md = render(hostile_document(), "md").decode("utf-8")
    assert "<script>" not in md and "\\<script\\>" in md
    for line in md.splitlines():
        # No sentence line can start a heading, list, quote or table by accident.
        if line.startswith(("#", ">", "-", "|")):
            assert line == ">" or line.startswith(("# ", "## ", "> ", "---"))
    assert "\\=HYPERLINK" in md or "=HYPERLINK" in md
    assert "must not be quoted" in md and "beads 12–17" in md


def test_plain_text_gives_russian_then_english_paragraphs() -> None:
    text = render(hostile_document(), "txt").decode("utf-8")
    assert text.index(HOSTILE[0][0]) < text.index(HOSTILE[0][1]) < text.index(HOSTILE[1][0])
    assert "ВНИМАНИЕ:" in text and "Sverka locator: beads 12–17" in text


def test_docx_table_holds_every_bead_and_the_labels(tmp_path: Path) -> None:
    import docx

    data = render(hostile_document(ru_kind="original", en_kind="working_translation"), "docx")
    assert zipfile.is_zipfile(io.BytesIO(data))
    document = docx.Document(io.BytesIO(data))
    table = document.tables[0]
    rows = [(r.cells[1].text, r.cells[2].text) for r in table.rows[1:]]
    expected = [(ru, en.replace("\r\n", "\n")) for ru, en in HOSTILE]
    assert rows == expected
    text = "\n".join(p.text for p in document.paragraphs)
    assert "Working translation by Sverka's editors" in text and "Рабочий перевод" in text
    assert "beads 12–17" in text


def test_every_format_names_a_project_written_text() -> None:
    doc = hostile_document(ru_kind="original", en_kind="working_translation")
    for fmt in ("tmx", "csv", "tsv", "html", "md", "txt"):
        data = render(doc, fmt).decode("utf-8-sig")
        assert "Working translation by Sverka" in data.replace("\\", ""), fmt
        assert "Рабочий перевод" in data, fmt


def test_tmx_read_back_by_the_importer(tmp_path: Path) -> None:
    path = tmp_path / "out.tmx"
    path.write_bytes(render(hostile_document(), "tmx"))
    aligned = read_tmx(path)
    assert [(u.ru, u.en) for u in aligned.units] == [(normalize_text(ru), normalize_text(en)) for ru, en in HOSTILE]
    assert aligned.properties["x-en-title"] == "Notes"
