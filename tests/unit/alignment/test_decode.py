"""Encoding detection and normalization on real Russian and English sentences."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from alignment.text.decode import decode_bytes, looks_binary, normalize_text, sniff_document_format
from alignment.text.errors import BinaryFileError, UncertainEncodingError, UndecodableFileError

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


# --- issue 15, finding 9: an 8-bit file Sverka cannot place is asked about, with previews ---

FOREIGN = json.loads((Path(__file__).resolve().parents[2] / "data" / "encoding" / "foreign_8bit.json")
                     .read_text(encoding="utf-8"))["samples"]


@pytest.mark.parametrize("sample", FOREIGN, ids=lambda s: f"{s['lang']}-{s['encoding']}")
def test_no_foreign_8bit_text_is_taken_for_russian(sample: dict) -> None:
    data = sample["text"].encode(sample["encoding"])
    try:
        decoded = decode_bytes(data, path=Path("old.txt"))
    except UncertainEncodingError as exc:
        assert len(exc.candidates) >= 2 and "--encoding" in str(exc) and "old.txt" in str(exc)
        return
    assert decoded.encoding not in {"cp1251", "koi8-r", "cp866", "mac-cyrillic", "iso-8859-5"}


def test_greek_is_offered_as_greek_beside_the_cyrillic_reading() -> None:
    greek = next(s for s in FOREIGN if s["encoding"] == "iso8859_7")
    with pytest.raises(UncertainEncodingError) as info:
        decode_bytes(greek["text"].encode("iso8859_7"))
    readings = dict(info.value.candidates)
    assert any("Ελλάδα" in preview for preview in readings.values())
    # the user's choice is then used as it is
    chosen = decode_bytes(greek["text"].encode("iso8859_7"), encoding="iso-8859-7")
    assert chosen.text == greek["text"] and chosen.encoding == "iso8859-7"


def test_an_english_book_with_russian_passages_in_cp1251_is_asked_about_not_garbled() -> None:
    text = ("The platform said: «Колхозы растут, а кулаки против.» Trotsky replied in the Bulletin. " * 3
            + "Then the English goes on for a long while about the congress and the delegates. " * 40)
    with pytest.raises(UncertainEncodingError) as info:
        decode_bytes(text.encode("cp1251"))
    assert info.value.candidates[0][0] == "cp1251" and "Колхозы" in info.value.candidates[0][1]


def test_an_unknown_encoding_name_is_a_clear_error() -> None:
    with pytest.raises(ValueError, match="Unknown encoding"):
        decode_bytes(b"abc", encoding="klingon-8")
