"""Acceptance of the book readers on files made here (tests/bookfiles.py): what a
reader gives back is compared with what was typeset, paragraph by paragraph."""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import bookfiles as bf  # noqa: E402

from alignment.text.cleanup import load_document  # noqa: E402
from alignment.text.errors import (  # noqa: E402
    ArchiveTooLargeError,
    DamagedFileError,
    EncryptedFileError,
    ScannedPdfError,
)


@pytest.fixture(scope="module")
def book() -> bf.Book:
    b = bf.sample_book(chapters=3, paragraphs=4)
    b.chapters[0].epigraph = "Революция пожирает своих детей."
    return b


def _expected(book: bf.Book) -> list[str]:
    return [bf.Book.plain(p) for c in book.chapters for p in c.paragraphs]


def _body(doc) -> list:
    return [b for b in doc.blocks if b.kind in ("body", "quote")]


def _notes_by_call(doc) -> list[tuple[str, str]]:
    """(call label, note text) for every call of the body, in reading order."""
    notes = {b.key: b for b in doc.blocks if b.kind == "note"}
    return [(n.label, notes[n.key].text) for b in doc.blocks if b.kind != "note" for n in b.notes if n.key]


def _expected_notes(book: bf.Book) -> list[tuple[str, str]]:
    return [(str(i), text) for c in book.chapters for i, text in enumerate(book.notes_of(c), 1)]


def test_typeset_pdf_gives_back_paragraphs_pages_headings_and_footnotes(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "book.pdf"
    layout = bf.typeset_pdf(path, book, front_pages=2, first_folio=11)
    doc = load_document(path, lang="ru")
    assert doc.source_format == "pdf" and doc.page_labels == "printed"
    body = [b for b in doc.blocks if b.kind == "body" and b.page not in ("[1]", "[2]")]
    # paragraphs rebuilt across lines and pages, line-end hyphens removed, the real one kept
    assert [b.text for b in body] == _expected(book)
    assert "марксистско-ленинской" in body[1].text
    # the printed folio (physical page 3 is page 11), running heads and folios gone
    assert [b.page for b in body] == layout.paragraph_pages
    assert not any("История оппозиции" in b.text or b.text.isdigit() for b in body)
    # a paragraph running over a page keeps its start page and records the break
    runs_over = [b for b in body if b.page_breaks]
    assert runs_over and all(int(label) == int(b.page) + 1 for b in runs_over for _off, label in b.page_breaks)
    # headings from the larger bold type; front matter pages unnumbered, cited in brackets
    headings = [b for b in doc.blocks if b.kind == "heading"]
    assert [h.text for h in headings if h.text.startswith("Глава")] == [c.title for c in book.chapters]
    assert [h.page for h in headings if h.text.startswith("Глава")] == layout.heading_pages
    assert doc.blocks[0].page == "[1]"
    # footnotes taken from the page foot and linked to their calls (numbered again in each chapter)
    assert _notes_by_call(doc) == _expected_notes(book)
    assert doc.metadata is not None and doc.metadata.title == book.title
    assert doc.metadata.authors[0].family == "Роговин"


def test_pdf_page_labels_win_over_folios(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "labelled.pdf"
    layout = bf.typeset_pdf(path, book, front_pages=2, first_folio=5, page_labels=True)
    doc = load_document(path, lang="ru")
    assert doc.blocks[0].page == "i"
    body = [b for b in doc.blocks if b.kind == "body" and b.page not in ("i", "ii")]
    assert [b.page for b in body] == layout.paragraph_pages


def test_scanned_pdf_is_refused_naming_an_ocr_tool(tmp_path: Path) -> None:
    path = tmp_path / "scan.pdf"
    bf.scanned_pdf(path)
    with pytest.raises(ScannedPdfError) as info:
        load_document(path, lang="ru")
    assert "OCR" in str(info.value) and "OCRmyPDF" in str(info.value)


def test_encrypted_pdf_is_refused_clearly(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "locked.pdf"
    bf.encrypted_pdf(path, book)
    with pytest.raises(EncryptedFileError) as info:
        load_document(path, lang="ru")
    assert "password" in str(info.value)


def test_truncated_pdf_is_damaged(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "cut.pdf"
    bf.typeset_pdf(path, book)
    path.write_bytes(path.read_bytes()[:1500])
    with pytest.raises((DamagedFileError, Exception)) as info:
        load_document(path, lang="ru")
    assert isinstance(info.value, (DamagedFileError,)) or "empty" in str(info.value)


@pytest.mark.parametrize("notes", ["aside", "file"])
def test_epub3_spine_headings_page_breaks_and_notes(tmp_path: Path, book: bf.Book, notes: str) -> None:
    path = tmp_path / "book.epub"
    pages = bf.epub3(path, book, notes=notes)
    doc = load_document(path, lang="ru")
    body = [b for b in doc.blocks if b.kind == "body"]
    assert [b.text for b in body] == _expected(book)  # notes removed from the body
    assert [b.page for b in body] == pages
    assert any(b.page_breaks for b in body)  # a break in the middle of a paragraph
    assert [b.text for b in doc.blocks if b.kind == "heading"] == [c.title for c in book.chapters]
    assert [b.text for b in doc.blocks if b.kind == "epigraph"] == ["Революция пожирает своих детей."]
    assert _notes_by_call(doc) == _expected_notes(book)
    # the notes follow the body, in the order they are called
    kinds = [b.kind for b in doc.blocks]
    assert kinds.index("note") > max(i for i, k in enumerate(kinds) if k == "body")
    assert doc.metadata.isbn == book.isbn and doc.metadata.language == "ru" and doc.metadata.publisher == "Терра"


def test_docx_footnotes_headings_and_table(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "book.docx"
    bf.docx(path, book)
    doc = load_document(path, lang="ru")
    assert [b.text for b in doc.blocks if b.kind == "body"] == _expected(book)
    assert [b.text for b in doc.blocks if b.kind == "heading"][:3] == [c.title for c in book.chapters]
    # Word numbers footnotes through the whole document
    assert [text for _l, text in _notes_by_call(doc)] == [t for _l, t in _expected_notes(book)]
    assert [b.text for b in doc.blocks if b.kind == "table"] == ["Год | Члены партии", "1928 | 1 300 000"]
    assert doc.metadata.authors[0].family == "Роговин" and doc.metadata.date == "1993"


def test_odt_notes(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "book.odt"
    bf.odt(path, book)
    doc = load_document(path, lang="ru")
    assert [b.text for b in doc.blocks if b.kind == "body"] == _expected(book)
    assert _notes_by_call(doc) == _expected_notes(book)


@pytest.mark.parametrize("zipped", [False, True])
def test_fb2_in_windows_1251_with_notes_epigraph_and_cite(tmp_path: Path, book: bf.Book, zipped: bool) -> None:
    path = tmp_path / ("book.fb2.zip" if zipped else "book.fb2")
    if zipped:
        bf.fb2_zip(path, book)
    else:
        path.write_bytes(bf.fb2_bytes(book, encoding="windows-1251"))
    doc = load_document(path, lang="ru")
    assert doc.encoding == "windows-1251"
    assert [b.text for b in doc.blocks if b.kind in ("body", "quote")] == _expected(book)
    assert [b.kind for b in doc.blocks if b.text == _expected(book)[3]] == ["quote"]  # the <cite>
    assert [b.text for b in doc.blocks if b.kind == "epigraph"] == ["Революция пожирает своих детей.", "Л. Троцкий"]
    assert [(b.text, b.level) for b in doc.blocks if b.kind == "heading"] == [(book.title, 1)] + [(c.title, 2) for c in book.chapters]
    assert _notes_by_call(doc) == _expected_notes(book)
    assert doc.metadata.place == "Москва" and doc.metadata.isbn == book.isbn


def test_zip_bomb_is_refused_before_inflating(tmp_path: Path) -> None:
    path = tmp_path / "bomb.epub"
    bf.zip_bomb(path)
    assert path.stat().st_size < 1_000_000
    with pytest.raises(ArchiveTooLargeError):
        load_document(path, lang="ru")


def test_fb2_entities_are_not_expanded(tmp_path: Path) -> None:
    path = tmp_path / "evil.fb2"
    path.write_bytes(
        b'<?xml version="1.0" encoding="utf-8"?><!DOCTYPE FictionBook [<!ENTITY x SYSTEM "file:///etc/passwd">'
        b'<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]>'
        b'<FictionBook xmlns="http://www.gribuser.ru/xml/fictionbook/2.0"><body><section><p>Text &x; &b; end.</p>'
        b"</section></body></FictionBook>"
    )
    doc = load_document(path, lang="ru", fmt=None) if False else None
    from alignment.text.readers.fb2 import read_fb2

    doc = read_fb2(path.read_bytes(), path=path)
    text = " ".join(b.text for b in doc.blocks)
    assert "root:" not in text and "aaaaaaaaaa" not in text


def test_encrypted_epub_member_is_refused(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "drm.epub"
    enc = (b'<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><EncryptedData xmlns="http://www.w3.org/2001/04/xmlenc#">'
           b'<CipherData><CipherReference URI="OEBPS/ch1.xhtml"/></CipherData></EncryptedData></encryption>')
    bf.epub3(path, book, extra_items={"META-INF/encryption.xml": enc})
    with pytest.raises(EncryptedFileError):
        load_document(path, lang="ru")


def test_broken_zip_is_damaged(tmp_path: Path, book: bf.Book) -> None:
    path = tmp_path / "cut.epub"
    bf.epub3(path, book)
    path.write_bytes(path.read_bytes()[:200])
    with pytest.raises(DamagedFileError):
        load_document(path, lang="ru")
    assert zipfile.is_zipfile(path) is False
