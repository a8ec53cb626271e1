"""Fuzzing every way a file enters the library (issue 15): imports or a clear refusal, never a traceback.

Each importer gets random bytes and mutations of a valid file of its kind
(bytes flipped, cut, inserted, repeated; for zip-based books, one member's XML
mutated and the archive rebuilt).  Whatever comes in, the import either
stores a consistent text (every sentence is its paragraph's slice, no control
characters) or raises one of the typed errors a user sees as a sentence; and
a refused file leaves the library exactly as it was.

CI runs a bounded number of examples per importer (``SVERKA_FUZZ_EXAMPLES``,
default 20); ``SVERKA_FUZZ_EXAMPLES=2000 python -m pytest tests/unit/db/test_fuzz_imports.py``
is the long run.
"""

from __future__ import annotations

import io
import os
import re
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from alignment.glossary.entries import GlossaryError
from alignment.text.errors import TextImportError
from db.errors import LibraryError
from db.services.aligned_import import import_aligned
from db.services.glossary import import_glossary
from db.services.importing import ImportOptions, TextMetadata, import_text
from tests import bookfiles

EXAMPLES = int(os.environ.get("SVERKA_FUZZ_EXAMPLES", "20"))
FUZZ = settings(max_examples=EXAMPLES, deadline=None, database=None, derandomize=not os.environ.get("SVERKA_FUZZ_RANDOM"),
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture,
                                       HealthCheck.data_too_large])
REFUSALS = (TextImportError, LibraryError, GlossaryError)
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
TABLES = ("texts", "paragraphs", "sentences", "alignments", "beads", "glossary_user_entries", "term_occurrences")


# --- seeds: one valid file of each kind ------------------------------------------------------

RU_TEXT = ("# Проблемы развития СССР\n\nКолхозы растут. Кулаки сопротивляются, т. е. борются.\n\n"
           "Второй абзац<sup>1</sup> статьи 1931 г. о партии.\n\n1 Примечание.\n")
HTML = ("<html><head><meta charset='windows-1251'><title>Статья</title></head><body><nav>Меню</nav>"
        "<h1>Заголовок</h1><p>Колхозы растут.</p><p>Кулаки против.</p><footer>©</footer></body></html>")
TSV = "ru\ten\nКолхозы растут.\tKolkhozes grow.\nКулаки против.\tKulaks object.\n"
TMX = ('<?xml version="1.0" encoding="UTF-8"?><tmx version="1.4"><header creationtool="x" creationtoolversion="1" '
       'segtype="sentence" o-tmf="x" adminlang="en" srclang="ru" datatype="plaintext"/><body>'
       '<tu><tuv xml:lang="ru"><seg>Колхозы растут.</seg></tuv><tuv xml:lang="en"><seg>Kolkhozes grow.</seg></tuv></tu>'
       "</body></tmx>")
GLOSSARY_JSON = '{"entries": [{"headword_en": "Okrug", "forms_ru": ["округ"], "definition": "A district."}]}'
GLOSSARY_CSV = "headword_en,forms_ru,definition\nOkrug,округ,A district.\n"


def _book_seeds() -> dict[str, bytes]:
    book = bookfiles.sample_book(chapters=2, paragraphs=2, words=30)
    out: dict[str, bytes] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        bookfiles.epub3(folder / "b.epub", book)
        bookfiles.docx(folder / "b.docx", book)
        bookfiles.odt(folder / "b.odt", book)
        bookfiles.fb2_zip(folder / "b.fb2.zip", book)
        bookfiles.typeset_pdf(folder / "b.pdf", book)
        for name in ("b.epub", "b.docx", "b.odt", "b.fb2.zip", "b.pdf"):
            out[name.split(".", 1)[1]] = (folder / name).read_bytes()
    out["fb2"] = bookfiles.fb2_bytes(book)
    return out


BOOKS = _book_seeds()


# --- mutations ---------------------------------------------------------------------------------


SNIPPETS = [b"&#7;", b"&#x1b;[2J", "\u009b".encode(), b"\x00", b"&#xFFFE;", b"<img src='file:///etc/passwd'/>",
            b"<!ENTITY x 'y'>", b"&x;", b"\xef\xbb\xbf", b"<sup>1</sup>", b"]]>", b"<![CDATA[", "\u202e".encode(),
            b"\r\n\r\n", b"\xd0", b"%PDF-1.4", b"PK\x03\x04"]


@st.composite
def mutated(draw: st.DrawFn, seed: bytes) -> bytes:
    data = bytearray(seed)
    for _ in range(draw(st.integers(0, 6))):
        op = draw(st.sampled_from(["flip", "cut", "insert", "repeat", "delete", "snippet"]))
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "cut":
            del data[at:]
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=40))
        elif op == "repeat" and data:
            end = min(len(data), at + draw(st.integers(1, 400)))
            data[at:at] = data[at:end] * draw(st.integers(1, 5))
        elif op == "snippet":  # what a hostile or broken file holds: references, controls, markup
            data[at:at] = draw(st.sampled_from(SNIPPETS))
        elif op == "delete":
            del data[at:at + draw(st.integers(1, 200))]
    return bytes(data)


@st.composite
def mutated_zip(draw: st.DrawFn, seed: bytes) -> bytes:
    """The archive rebuilt with one member's content mutated (so the XML parsers see bad XML, not a bad zip)."""
    source = zipfile.ZipFile(io.BytesIO(seed))
    names = source.namelist()
    victim = draw(st.sampled_from(names))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in names:
            content = source.read(name)
            if name == victim:
                content = draw(mutated(content))
            target.writestr(name, content, compress_type=zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED)
    return out.getvalue()


def any_of(seed: bytes, *, zipped: bool = False) -> st.SearchStrategy[bytes]:
    options = [mutated(seed), st.binary(max_size=3000)]
    if zipped:
        options.append(mutated_zip(seed))
    return st.one_of(*options)


# --- the invariant -----------------------------------------------------------------------------


def _counts(path: Path) -> tuple[int, ...]:
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in TABLES)
    finally:
        con.close()


def _max_text_id(path: Path) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT coalesce(max(id), 0) FROM texts").fetchone()[0]
    finally:
        con.close()


def _check_stored(path: Path, after_text_id: int = 0) -> None:
    """The texts stored after ``after_text_id`` (this example's): sentences are their paragraph's
    slices and nothing holds a control character.  Only this example's rows are checked: the
    library is shared by all examples, and an old row must not be blamed on a new input."""
    con = sqlite3.connect(path)
    try:
        paragraphs = dict(con.execute("SELECT id, text FROM paragraphs WHERE text_id > ?", (after_text_id,)))
        for pid, start, end, sentence in con.execute(
                'SELECT paragraph_id, start, "end", text FROM sentences WHERE text_id > ?', (after_text_id,)):
            assert paragraphs[pid][start:end] == sentence
        for (title,) in con.execute("SELECT title FROM texts WHERE id > ?", (after_text_id,)):
            assert not CONTROL.search(title)
        for text in paragraphs.values():
            assert not CONTROL.search(text)
    finally:
        con.close()


def attempt(library, load: Callable[[Path], object], data: bytes, name: str) -> None:
    """Run one import of ``data``: a success leaves a consistent library, a refusal an unchanged one."""
    before = _counts(library.path)
    last_text = _max_text_id(library.path)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / name
        path.write_bytes(data)
        try:
            load(path)
        except REFUSALS as exc:
            assert str(exc).strip(), "a refusal says why"
            assert _counts(library.path) == before, "a refused file left something behind"
            return
    _check_stored(library.path, last_text)


def _text(library, fmt: str | None = None, lang: str = "ru") -> Callable[[Path], object]:
    return lambda path: import_text(library, path, TextMetadata(lang=lang),
                                    ImportOptions(fmt=fmt, allow_duplicate=True, force_language=True))


# --- one fuzz test per importer --------------------------------------------------------------


@FUZZ
@given(data=st.one_of(any_of(RU_TEXT.encode("utf-8")), any_of(RU_TEXT.encode("cp1251")), any_of(HTML.encode("cp1251"))))
def test_fuzz_text_import(library, data: bytes) -> None:
    attempt(library, _text(library), data, "text.txt")


@FUZZ
@given(data=any_of(HTML.encode("utf-8")))
def test_fuzz_html_import(library, data: bytes) -> None:
    attempt(library, _text(library), data, "page.html")


@pytest.mark.parametrize("kind", ["epub", "docx", "odt", "fb2.zip"])
def test_fuzz_zipped_books(library, kind: str) -> None:
    @FUZZ
    @given(data=any_of(BOOKS[kind], zipped=True))
    def run(data: bytes) -> None:
        attempt(library, _text(library, lang="en"), data, f"book.{kind}")

    run()


@FUZZ
@given(data=any_of(BOOKS["fb2"]))
def test_fuzz_fb2(library, data: bytes) -> None:
    attempt(library, _text(library, lang="en"), data, "book.fb2")


@FUZZ
@given(data=mutated(BOOKS["pdf"]))
def test_fuzz_pdf(library, data: bytes) -> None:
    attempt(library, _text(library, lang="en"), data, "book.pdf")


@pytest.mark.parametrize(("name", "seed"), [("pair.tsv", TSV), ("pair.csv", TSV.replace("\t", ",")), ("pair.tmx", TMX)])
def test_fuzz_aligned_files(library, name: str, seed: str) -> None:
    @FUZZ
    @given(data=st.one_of(any_of(seed.encode("utf-8")), any_of(seed.encode("utf-16"))))
    def run(data: bytes) -> None:
        attempt(library, lambda path: import_aligned(library, path, options=ImportOptions(allow_duplicate=True)),
                data, name)

    run()


@pytest.mark.parametrize(("name", "seed"), [("mine.json", GLOSSARY_JSON), ("mine.csv", GLOSSARY_CSV)])
def test_fuzz_glossary_files(library, name: str, seed: str) -> None:
    def load(path: Path) -> object:
        with library.sessions.begin() as session:
            return import_glossary(session, path)

    @FUZZ
    @given(data=any_of(seed.encode("utf-8")))
    def run(data: bytes) -> None:
        attempt(library, load, data, name)

    run()


# --- what the long runs found, kept as plain tests -----------------------------------------------


def test_found_by_fuzzing_a_tmx_declaring_an_unknown_encoding(library) -> None:
    """xml.etree raised LookupError (a traceback) on ``encoding="U-F-8"``; aligned XML now goes
    through the same safe parser as the books, which refuses it as damaged."""
    data = TMX.replace('encoding="UTF-8"', 'encoding="U-F-8"').encode("utf-8")
    with pytest.raises(TextImportError, match="not well-formed"):
        attempt_strict(library, data)


def attempt_strict(library, data: bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "pair.tmx"
        path.write_bytes(data)
        import_aligned(library, path)


def test_found_by_fuzzing_a_pdf_with_a_bad_octal_escape(library) -> None:
    """pdfminer raised AssertionError ("Invalid octal") from inside its parser: every fault of the
    PDF library while reading a file is now a damaged file."""
    data = BOOKS["pdf"].replace(b"(anonymous)", b"(anon\\561ymous)", 1)
    assert data != BOOKS["pdf"]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.pdf"
        path.write_bytes(data)
        try:
            import_text(library, path, TextMetadata(lang="en"), ImportOptions(force_language=True))
        except TextImportError:
            pass


def test_found_by_fuzzing_control_characters_inside_a_book_paragraph(library) -> None:
    """A book paragraph holding control characters was split into sentences before the
    library dropped them, so every offset after them was off: the book builder now cleans
    the text where it computes the offsets."""
    source = zipfile.ZipFile(io.BytesIO(BOOKS["epub"]))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            content = source.read(name)
            if name.endswith("ch1.xhtml"):
                # lxml's forgiving XHTML mode keeps control characters written as references
                content = content.replace(b"<p>", "<p>&#7;&#x1b;[31m\u009b".encode(), 2)
            target.writestr(name, content)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.epub"
        path.write_bytes(out.getvalue())
        import_text(library, path, TextMetadata(lang="en"), ImportOptions(force_language=True))
    _check_stored(library.path)
