"""The import entry points: format detection, plain text, and every user error."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from alignment.text import errors
from alignment.text.cleanup import (
    clean_text,
    detect_format,
    load_document,
    plain_text_to_blocks,
    split_plain_paragraphs,
)
from alignment.text.errors import (
    BinaryFileError,
    EmptyFileError,
    FileMissingError,
    FileTooLargeError,
    FileUnreadableError,
    TextImportError,
    UndecodableFileError,
    UnsupportedFormatError,
    DamagedFileError,
)

DATA = Path(__file__).resolve().parents[2] / "data" / "import"
ENGLISH = "The Opposition considers industry and its development to be of paramount importance. " * 3


def _one_sentence(message: str) -> bool:
    body = message.rstrip(".")
    return message.endswith(".") and ";" in message and ". " not in body.replace("e.g. ", "")


# ----------------------------------------------------------------- errors


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(FileMissingError) as info:
        load_document(tmp_path / "nope.txt", lang="en")
    assert info.value.path == tmp_path / "nope.txt"
    assert "“nope.txt” does not exist" in str(info.value)
    assert _one_sentence(str(info.value))


def test_folder_instead_of_file(tmp_path: Path) -> None:
    with pytest.raises(FileUnreadableError, match="folder"):
        load_document(tmp_path, lang="en")


@pytest.mark.parametrize("content", [b"", b"  \n\n\t \r\n"])
def test_empty_file(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(EmptyFileError) as info:
        load_document(path, lang="ru")
    assert "is empty" in str(info.value) and _one_sentence(str(info.value))


def test_html_with_only_navigation_is_empty_after_cleaning(tmp_path: Path) -> None:
    path = tmp_path / "nav.html"
    path.write_text("<html><body><nav><a href='/'>Home</a></nav><footer>© 2012</footer></body></html>")
    with pytest.raises(EmptyFileError) as info:
        load_document(path, lang="en")
    assert info.value.after_cleaning


def test_binary_file(tmp_path: Path) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4096))
    with pytest.raises(BinaryFileError) as info:
        load_document(path, lang="en")
    assert "not a text file" in str(info.value) and _one_sentence(str(info.value))


def test_undecodable_file(tmp_path: Path) -> None:
    rng = __import__("random").Random(3)
    path = tmp_path / "mystery.txt"
    path.write_bytes(bytes(rng.choice([0x20] + list(range(0x80, 0x100))) for _ in range(5000)))
    with pytest.raises(UndecodableFileError) as info:
        load_document(path, lang="ru")
    message = str(info.value)
    assert "cp1251" in message and "koi8-r" in message and "UTF-8" in message
    assert _one_sentence(message)


def test_pdf_by_magic_bytes_with_wrong_extension(tmp_path: Path) -> None:
    path = tmp_path / "platform.txt"
    path.write_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n")
    # recognised as a PDF by its content (not its name), and this one is broken
    with pytest.raises(DamagedFileError) as info:
        load_document(path, lang="ru")
    assert info.value.format_name == "PDF"
    assert "damaged" in str(info.value) and _one_sentence(str(info.value))


@pytest.mark.parametrize(("suffix", "name"), [(".epub", "EPUB"), (".docx", "DOCX"), (".odt", "ODT"), (".pdf", "PDF")])
def test_book_extension_without_book_content_is_damaged(tmp_path: Path, suffix: str, name: str) -> None:
    path = tmp_path / f"book{suffix}"
    path.write_bytes(b"anything")
    with pytest.raises(DamagedFileError) as info:
        load_document(path, lang="en")
    assert info.value.format_name == name


@pytest.mark.parametrize(("suffix", "name"), [(".doc", "Word 97-2003 (DOC)"), (".djvu", "DjVu"), (".mobi", "MOBI")])
def test_unsupported_by_extension(tmp_path: Path, suffix: str, name: str) -> None:
    path = tmp_path / f"book{suffix}"
    path.write_bytes(b"anything")
    with pytest.raises(UnsupportedFormatError) as info:
        load_document(path, lang="en")
    assert info.value.format_name == name


def test_too_large_file_is_refused_before_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:  # sparse: 200 MB on paper, nothing on disk
        handle.truncate(200 * 1024 * 1024)
    with pytest.raises(FileTooLargeError) as info:
        load_document(path, lang="en")
    assert info.value.size == 200 * 1024 * 1024
    assert info.value.limit == errors.MAX_TEXT_BYTES
    assert "200 MB" in str(info.value) and "50 MB" in str(info.value)
    assert _one_sentence(str(info.value))


def test_limit_is_a_parameter(tmp_path: Path) -> None:
    path = tmp_path / "small.txt"
    path.write_text(ENGLISH)
    with pytest.raises(FileTooLargeError):
        load_document(path, lang="en", max_bytes=100)


def test_all_errors_are_text_import_errors() -> None:
    for cls in (FileMissingError, EmptyFileError, BinaryFileError, UndecodableFileError,
                UnsupportedFormatError, FileTooLargeError, FileUnreadableError):
        assert issubclass(cls, TextImportError)


# ----------------------------------------------------------------- success


@pytest.mark.parametrize(("name", "encoding"), [("ru-cp1251.txt", "cp1251"), ("ru-koi8r.txt", "koi8-r"), ("ru-utf16.txt", "utf-16-le")])
def test_russian_files_in_legacy_encodings(name: str, encoding: str) -> None:
    document = load_document(DATA / name, lang="ru")
    assert document.encoding == encoding
    assert [b.text for b in document.blocks][1] == "Мы должны признать, что это уравнение заключает в себе элемент правды."
    assert document.warnings == ()


def test_html_page_in_cp1251(tmp_path: Path) -> None:
    document = load_document(DATA / "page-cp1251.html", lang="ru")
    assert document.encoding == "cp1251"
    assert document.source_format == "html"
    assert document.title == "Л. Троцкий. Проблемы развития СССР"
    assert document.blocks[0].text == "Проблемы развития СССР"
    # Same page without extension: recognised by content.
    copy = tmp_path / "page"
    shutil.copy(DATA / "page-cp1251.html", copy)
    assert load_document(copy, lang="ru").blocks == document.blocks


def test_language_mismatch_is_a_warning_not_an_error(tmp_path: Path) -> None:
    path = tmp_path / "declared-ru.txt"
    path.write_text(ENGLISH)
    document = load_document(path, lang="ru")
    assert len(document.warnings) == 1 and "Latin" in document.warnings[0]
    assert document.blocks


def test_detect_format() -> None:
    assert detect_format(Path("a.md"), "plain") == "markdown"
    assert detect_format(Path("a.htm"), "plain") == "html"
    assert detect_format(None, "<!DOCTYPE html><html><body><p>x</p></body></html>") == "html"
    assert detect_format(None, "# One\n\ntext\n\n## Two\n\ntext") == "markdown"
    assert detect_format(Path("a.txt"), "Just a line.\n\nAnother line.\n") == "text"
    pdf_like = "".join(f"строка номер {i} с текстом, перенесенным по ширине страницы \n\n" for i in range(20))
    assert detect_format(Path("a.txt"), pdf_like) == "pdf-text"


def test_unknown_format_is_a_programming_error() -> None:
    with pytest.raises(ValueError):
        clean_text("x", fmt="docx", lang="en")


def test_plain_paragraphs_one_per_line_without_blank_lines() -> None:
    text = ("A first paragraph that is long enough to be a whole paragraph of its own, and more. " * 2 + "\n") * 3
    assert len(split_plain_paragraphs(text)) == 3


def test_plain_hard_wrapped_paragraphs_are_joined() -> None:
    text = (
        "This is a paragraph that was wrapped by hand\n"
        "at about fifty characters per line, the way\n"
        "old text files were.\n\n"
        "1. A numbered item\n"
        "2. Another numbered item\n\n"
        "The second paragraph is short.\n"
    )
    assert split_plain_paragraphs(text) == [
        "This is a paragraph that was wrapped by hand at about fifty characters per line, the way old text files were.",
        "1. A numbered item",
        "2. Another numbered item",
        "The second paragraph is short.",
    ]


def test_plain_headings_are_conservative() -> None:
    long = "Trotsky, unlike the restrained and pragmatic Stalin, was an impulsive and categorical person. " * 3
    text = "\n\n".join(
        [
            "Title of the essay",
            long,
            "Power struggle",
            long,
            "Contenders:",
            "1. I. Stalin (Dzhugashvili)",
            "2. Leon Trotsky (Leiba Bronstein)",
            "Prepared",
            "Victor Shapovalov",
            long,
            "by Lev Davidovich Trotsky",
            long,
        ]
    )
    blocks = plain_text_to_blocks(text)
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings == ["Title of the essay", "Power struggle"]


def test_plain_footnotes_by_their_calls() -> None:
    text = (
        "The famine assailed more than 30 million people.¹⁸ It was a disaster.\n\n"
        "18 See Naseleniye Rossii v XX. veke, Moscow 2000.\n\n"
        "19 people died in the square, the paper wrote on that day.\n"
    )
    blocks = plain_text_to_blocks(text)
    assert [b.kind for b in blocks] == ["body", "note", "body"]
    assert blocks[0].notes[0].label == "18"


def test_clean_text_removes_boilerplate_and_marks_languages() -> None:
    text = "Presents a historical document.\n\n" + ENGLISH + "\n\n" + "Октябрьская революция проходит через глубокий кризис.\n\nReturn to:\n"
    document = clean_text(text, fmt="text", lang="en")
    assert [b.lang for b in document.blocks] == [None, "ru"]
    assert document.removed == ("Presents a historical document.", "Return to:")
