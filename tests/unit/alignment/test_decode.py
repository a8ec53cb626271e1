"""Encoding detection and normalization on real Russian and English sentences."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from alignment.text.decode import decode_bytes, looks_binary, normalize_text, sniff_document_format
from alignment.text.errors import BinaryFileError, UndecodableFileError

DATA = Path(__file__).resolve().parents[2] / "data" / "import"

RU_SENTENCES = [
    "Противоречивые процессы в хозяйстве и политике СССР развертываются на основе диктатуры пролетариата.",
    "Мы должны признать.",
    "ГОЛОВОКРУЖЕНИЕ ОТ УСПЕХОВ. К ВОПРОСАМ КОЛХОЗНОГО ДВИЖЕНИЯ",
    "Съешь же ещё этих мягких французских булок, да выпей чаю.",
]


@pytest.mark.parametrize("sentence", RU_SENTENCES)
@pytest.mark.parametrize(
    ("codec", "name"),
    [("cp1251", "cp1251"), ("koi8_r", "koi8-r"), ("cp866", "cp866"), ("iso8859_5", "iso-8859-5")],
)
def test_cyrillic_8bit_encodings_are_told_apart(sentence: str, codec: str, name: str) -> None:
    decoded = decode_bytes(sentence.encode(codec))
    assert decoded.text == sentence
    assert decoded.encoding == name


def test_mac_cyrillic_lowercase_text() -> None:
    sentence = "Мы должны признать, что это уравнение заключает в себе элемент правды."
    assert decode_bytes(sentence.encode("mac_cyrillic")).text == sentence


def test_koi8r_is_not_read_as_cp1251() -> None:
    # The classic trap: KOI8-R bytes are valid cp1251 ("нЩ ДПМЦОЩ ...").
    data = (DATA / "ru-koi8r.txt").read_bytes()
    decoded = decode_bytes(data)
    assert decoded.encoding == "koi8-r"
    assert "Мы должны признать" in decoded.text


def test_cp1251_file_with_crlf() -> None:
    decoded = decode_bytes((DATA / "ru-cp1251.txt").read_bytes())
    assert decoded.encoding == "cp1251"
    assert "\r" not in decoded.text
    assert decoded.text.startswith("Противоречивые процессы")


def test_utf16_with_bom_file() -> None:
    decoded = decode_bytes((DATA / "ru-utf16.txt").read_bytes())
    assert decoded.encoding.startswith("utf-16")
    assert "ещё этих мягких" in decoded.text


def test_utf16_without_bom() -> None:
    text = "Мы должны признать. We must admit it."
    assert decode_bytes(text.encode("utf-16-le")).text == text
    assert decode_bytes(text.encode("utf-16-be")).text == text


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("\ufeffКонтр-революция".encode("utf-8"), "utf-8"),
        ("Контр-революция".encode("utf-32"), "utf-32-le"),
    ],
)
def test_bom_is_honoured_and_dropped(data: bytes, encoding: str) -> None:
    decoded = decode_bytes(data)
    assert decoded.text == "Контр-революция"
    assert decoded.encoding == encoding


def test_western_8bit_text_is_cp1252() -> None:
    text = "Café society in Zürich — naïve façade. The Opposition’s “platform”."
    decoded = decode_bytes(text.encode("cp1252"))
    assert decoded.text == text
    assert decoded.encoding == "cp1252"


def test_english_with_only_smart_quotes_keeps_its_quotes() -> None:
    text = "The “platform” of the Opposition — 1931."
    assert decode_bytes(text.encode("cp1252")).text == text


def test_binary_data_is_refused() -> None:
    png = b"\x89PNG\r\n\x1a\n" + os.urandom(512)
    with pytest.raises(BinaryFileError):
        decode_bytes(png, path=Path("scan.png"))
    assert looks_binary(bytes(range(32)) * 10)
    assert not looks_binary("Обычный текст.\n\tС табуляцией.".encode())


def test_random_high_bytes_are_undecodable() -> None:
    rng = __import__("random").Random(7)
    data = bytes(rng.choice([0x20] + list(range(0x80, 0x100))) for _ in range(3000))
    with pytest.raises(UndecodableFileError) as info:
        decode_bytes(data, path=Path("garbage.txt"))
    assert "koi8-r" in info.value.encodings_tried
    assert "garbage.txt" in str(info.value)


def test_normalize_text() -> None:
    raw = "a\r\nb\rc\x00d\u00a0e\u202ff\u200bg\u00adh\x07i\tj\u2028k"
    assert normalize_text(raw) == "a\nb\ncd e fgh" + "i\tj\nk"
    # NFC: "й" typed as и + combining breve becomes one character.
    assert normalize_text("и\u0306") == "й"


@pytest.mark.parametrize(
    ("head", "name"),
    [
        (b"%PDF-1.7\n%\xe2\xe3", "PDF"),
        (b"{\\rtf1\\ansi", "RTF"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 32, "Word 97-2003 (DOC)"),
        (b"PK\x03\x04" + b"\x00" * 26 + b"mimetypeapplication/epub+zip", "EPUB"),
    ],
)
def test_document_formats_by_magic_bytes(head: bytes, name: str) -> None:
    assert sniff_document_format(head) == name


def test_docx_by_zip_contents() -> None:
    import io
    import zipfile

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert sniff_document_format(buffer.getvalue()) == "DOCX"
    assert sniff_document_format("Просто текст".encode()) is None
