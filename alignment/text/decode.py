"""Bytes to clean Unicode text: encoding detection and character normalization.

Order of trust: a byte-order mark, then strict UTF-8 (which almost never
decodes a legacy 8-bit file by accident), then the Cyrillic 8-bit encodings
ranked by how Russian the result looks, then charset-normalizer for Western
text.  The ranking exists because cp1251 / KOI8-R / cp866 / mac-cyrillic all
decode any byte string, and a generic detector confuses them on short texts
(a KOI8-R sentence read as cp1251 is still "valid" Cyrillic).

Also here: recognition of binary data and of document formats that are not
text (PDF, EPUB, DOCX, ...) by their first bytes.
"""

from __future__ import annotations

import io
import math
import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import Path

from charset_normalizer import from_bytes

from alignment.text.errors import BinaryFileError, UncertainEncodingError, UndecodableFileError
from alignment.text.letter_pairs import pair_score

CYRILLIC_ENCODINGS = ("cp1251", "koi8_r", "cp866", "mac_cyrillic", "iso8859_5")
WESTERN_ENCODINGS = ("cp1252", "latin_1")
_TRIED = ("utf-8", "utf-16", "cp1251", "koi8-r", "cp866", "mac-cyrillic", "iso-8859-5",
          "cp1252", "latin-1")

_BOMS = (
    (b"\xff\xfe\x00\x00", "utf-32-le", "utf-32"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "utf-32"),
    (b"\xef\xbb\xbf", "utf-8", "utf-8-sig"),
    (b"\xff\xfe", "utf-16-le", "utf-16"),
    (b"\xfe\xff", "utf-16-be", "utf-16"),
)

_BINARY_MAGIC = (
    b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x1f\x8b", b"\x7fELF", b"BZh", b"7z\xbc\xaf",
    b"\xfd7zXZ", b"SQLite format 3\x00", b"RIFF", b"OggS", b"ID3", b"fLaC",
)

# Relative frequencies of Russian letters (per cent, common corpora).
_RU_FREQ = dict(
    zip(
        "оеаинтсрвлкмдпуяызьбгчйхжшюцщэфъё",
        (10.97, 8.45, 8.01, 7.35, 6.70, 6.26, 5.47, 4.73, 4.54, 4.40, 3.49, 3.21, 2.98,
         2.81, 2.62, 2.01, 1.90, 1.65, 1.74, 1.59, 1.70, 1.44, 1.21, 0.97, 0.94, 0.73,
         0.64, 0.48, 0.36, 0.32, 0.26, 0.04, 0.04),
    )
)
_RU_LOGP = {ch: math.log(p / 100) for ch, p in _RU_FREQ.items()}
_TEXT_PUNCT = set("«»—–…„“”‘’№•·§°×\u00a0")
_UNLIKELY = math.log(1e-5)
_MIXED_WORD = re.compile(r"[A-Za-z][а-яёА-ЯЁ]|[а-яёА-ЯЁ][A-Za-z]")
_CYRILLIC_LETTER = re.compile(r"[а-яёА-ЯЁ]")
_CASE_FLIP = re.compile(r"[а-яё][А-ЯЁ]")
RUSSIAN_SCORE_FLOOR = -6.5
"""Mean log-probability per non-ASCII character below which a decode is garbage."""


@dataclass(frozen=True, slots=True)
class DecodedText:
    text: str
    encoding: str


def decode_bytes(data: bytes, *, path: Path | None = None, encoding: str | None = None) -> DecodedText:
    """Decode a text file's bytes and normalize the result (see ``normalize_text``).

    ``encoding`` is the user's choice and wins over detection.  Raises
    BinaryFileError for binary data, UndecodableFileError when no candidate
    encoding gives readable text, and UncertainEncodingError (with a preview
    of each candidate) when the bytes read as text in several 8-bit tables
    and none is convincingly right.
    """
    if encoding is not None:
        codec = _codec(encoding)
        try:
            raw = data.decode(codec)
        except UnicodeDecodeError:
            raise UndecodableFileError(path, [encoding]) from None
        return DecodedText(normalize_text(raw), _python_name(codec))
    raw, found = _decode_raw(data, path)
    return DecodedText(normalize_text(raw), found)


def _codec(encoding: str) -> str:
    import codecs

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        raise ValueError(f"Unknown encoding {encoding!r}; use a name such as cp1251, koi8-r, utf-8 or cp1252.") from None


def _decode_raw(data: bytes, path: Path | None) -> tuple[str, str]:
    for bom, name, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec), name
            except UnicodeDecodeError:
                raise UndecodableFileError(path, [name]) from None
    utf16 = _utf16_without_bom(data)
    if utf16 is not None:
        return utf16
    if looks_binary(data):
        raise BinaryFileError(path)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if _damaged_utf8(data):
        # Mostly valid UTF-8 with some broken bytes: any 8-bit table would turn
        # the valid part into mojibake, so refuse rather than import garbage.
        raise UndecodableFileError(path, ["utf-8 (damaged)", *_TRIED])
    cyrillic = best_cyrillic_decoding(data)
    # A Latin-script text whose few accented letters happen to read as Cyrillic is not Cyrillic.
    latin_script = cyrillic is None or _cyrillic_letter_share(cyrillic[0]) < MIN_CYRILLIC_SHARE
    if not latin_script and pair_score(cyrillic[0]) >= CONFIDENT_PAIR_SCORE:  # type: ignore[index]
        return cyrillic  # type: ignore[return-value]
    match = from_bytes(data, cp_isolation=list(WESTERN_ENCODINGS)).best()
    if match is not None and latin_script and not _WESTERN_MOJIBAKE.search(str(match)[:200_000]):
        return str(match), _python_name(match.encoding)
    candidates = _candidates(data, cyrillic, match)
    if not candidates:
        raise UndecodableFileError(path, _TRIED)
    if len(candidates) == 1:
        # One reading only (no other table reads differently): nothing to choose between.
        encoding, text = candidates[0]
        return text, encoding
    previews = _previews([text for _, text in candidates])
    raise UncertainEncodingError(path, tuple((enc, pv) for (enc, _), pv in zip(candidates, previews)))


# Mean letter-pair log-probability (``letter_pairs.pair_score``) a Cyrillic decoding
# needs to be taken without asking.  Measured by tests/bench/bench_encoding.py: Russian
# news of the dev set in every Cyrillic table scores -6.42 at worst (one line), -5.93
# whole; Greek, Hebrew, Arabic, Thai read as Cyrillic score -6.87 at best.
CONFIDENT_PAIR_SCORE = -6.65
# Below this share of Cyrillic among the letters, a text is Latin script whatever
# its accented letters read as in a Cyrillic table (é is й in cp1251).
MIN_CYRILLIC_SHARE = 0.2
# What a Central European, Turkish or Cyrillic file read as cp1252 shows inside
# its words: symbols («po³o¿one», «le¾ící», «Ãîëîâ») or Icelandic letters
# («ş» → «þ», «ı» → «ý», «р» → «ð»).  Superscript digits count only inside a
# word: after one they are note calls.  A Western text with none of these is
# cp1252 however many accents it has (French, German, English with names).
_SYMBOLS = "\u00a1-\u00a6\u00a8-\u00aa\u00ac\u00ad\u00af\u00b1\u00b4-\u00b6\u00b8\u00ba\u00bc-\u00bf"
_WESTERN_MOJIBAKE = re.compile(
    rf"(?<=[^\W\d_])[{_SYMBOLS}]|[{_SYMBOLS}](?=[^\W\d_])"
    r"|(?<=[^\W\d_])[\u00b2\u00b3\u00b9](?=[^\W\d_])"
    r"|[ðþÐÞýÿ]"
)


def _cyrillic_letter_share(text: str) -> float:
    sample = text[:200_000]
    letters = sum(1 for c in sample if c.isalpha())
    return len(_CYRILLIC_LETTER.findall(sample)) / letters if letters else 0.0


def _candidates(data: bytes, cyrillic: tuple[str, str] | None, western: object | None) -> list[tuple[str, str]]:
    """(encoding, text) of each different plausible reading, most likely for Sverka first."""
    found: list[tuple[str, str]] = []
    if cyrillic is not None:
        found.append((cyrillic[1], cyrillic[0]))
    if western is not None:
        found.append((_python_name(western.encoding), str(western)))  # type: ignore[attr-defined]
    anything = from_bytes(data[:200_000]).best()
    if anything is not None:
        found.append((_python_name(anything.encoding), data.decode(anything.encoding, errors="replace")))
    out: list[tuple[str, str]] = []
    for encoding, text in found:
        if all(encoding != e and text != t for e, t in out):
            out.append((encoding, text))
    return out


def _previews(texts: list[str], before: int = 30, after: int = 90) -> list[str]:
    """A snippet of each reading around the first place where the readings differ."""
    first = next((k for k, chars in enumerate(zip(*texts)) if len(set(chars)) > 1), 0)
    out = []
    for text in texts:
        start = max(0, first - before)
        line_start = text.rfind("\n", start, first)
        start = line_start + 1 if line_start >= 0 else start
        end = text.find("\n", first)
        end = min(first + after, end if end >= 0 else len(text))
        snippet = " ".join(text[start:end].split())
        out.append(("…" if start > 0 and text[start - 1] != "\n" else "") + snippet + ("…" if end < len(text) else ""))
    return out


_MIN_UTF8_SEQUENCES = 20


def _damaged_utf8(data: bytes) -> bool:
    """True when a good share of the non-ASCII bytes form valid UTF-8 sequences
    (more than a Cyrillic 8-bit file has by chance) but some do not."""
    text = data[:200_000].decode("utf-8", errors="replace")
    broken = text.count("\ufffd")
    valid = sum(1 for ch in text if ch > "\x7f" and ch != "\ufffd")
    return valid >= _MIN_UTF8_SEQUENCES and broken > 0 and 4 * valid >= broken


def _python_name(encoding: str) -> str:
    return {"latin_1": "latin-1", "koi8_r": "koi8-r", "iso8859_5": "iso-8859-5",
            "mac_cyrillic": "mac-cyrillic"}.get(encoding, encoding)


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 text without BOM: every other byte is NUL for Latin, 0x04 for Cyrillic."""
    sample = data[:4096]
    if len(sample) < 4 or len(data) % 2:
        return None
    even, odd = sample[0::2], sample[1::2]
    for high, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        share = sum(1 for b in high if b in (0x00, 0x04)) / len(high)
        if share > 0.6:
            try:
                return data.decode(name), name
            except UnicodeDecodeError:
                return None
    return None


def looks_binary(data: bytes) -> bool:
    """True for images, archives, executables and other non-text bytes."""
    if data.startswith(_BINARY_MAGIC):
        return True
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    control = sum(1 for b in sample if b < 0x20 and b not in (9, 10, 12, 13, 26) or b == 0x7F)
    return control > max(2, len(sample) * 0.01)


def russian_score(text: str) -> float:
    """Mean log-probability of the non-ASCII characters as Russian text (higher is
    more Russian); -inf when there is nothing to judge."""
    total = 0.0
    n = 0
    for ch in text:
        if ch < "\x80":
            continue
        low = ch.lower()
        if low in _RU_LOGP:
            total += _RU_LOGP[low]
        elif ch in _TEXT_PUNCT:
            total += math.log(0.01)
        else:
            total += _UNLIKELY
        n += 1
    if n == 0:
        return float("-inf")
    # Case flips inside words ("нЩ ДПМЦОЩ") and Cyrillic glued to Latin letters
    # ("Zьrich") are what a wrong 8-bit table produces.
    penalty = (len(_CASE_FLIP.findall(text)) + len(_MIXED_WORD.findall(text))) * 6.0
    return (total - penalty) / n


def best_cyrillic_decoding(data: bytes) -> tuple[str, str] | None:
    """The Cyrillic encoding whose decoding looks most Russian, if any looks Russian
    at all.  Ties go to the more common encoding (the order of CYRILLIC_ENCODINGS)."""
    best: tuple[float, str, str] | None = None
    sample = data[:200_000]
    for rank, codec in enumerate(CYRILLIC_ENCODINGS):
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        score = russian_score(text) - rank * 1e-6
        if best is None or score > best[0]:
            best = (score, codec, text)
    if best is None or best[0] < RUSSIAN_SCORE_FLOOR or not _CYRILLIC_LETTER.search(best[2]):
        return None
    codec = best[1]
    try:
        return data.decode(codec), _python_name(codec)
    except UnicodeDecodeError:
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\u200b\u2060\ufeff\u00ad]")
_SPACES = re.compile(r"[\u00a0\u2007\u202f\u2000-\u2006\u2008-\u200a\u205f\u3000]")


def normalize_text(text: str) -> str:
    """Unify newlines, compose characters (NFC), drop NULs, control characters,
    zero-width spaces and soft hyphens, and turn non-breaking and typographic
    spaces into plain spaces (for reading and alignment they are only spacing)."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2028", "\n").replace("\u2029", "\n\n").replace("\x0c", "\n")
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return unicodedata.normalize("NFC", text)


_ZIP_FORMATS = (
    ("mimetypeapplication/epub+zip", "EPUB"),
    ("mimetypeapplication/vnd.oasis.opendocument.text", "ODT"),
)


def sniff_document_format(data: bytes) -> str | None:
    """Name of a non-text document format recognised by its first bytes, or None."""
    if data.startswith(b"%PDF-"):
        return "PDF"
    if data.startswith(b"{\\rtf"):
        return "RTF"
    if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
        return "Word 97-2003 (DOC)"
    if data.startswith(b"AT&TFORM"):
        return "DjVu"
    if data.startswith(b"PK\x03\x04"):
        head = data[30:120].decode("latin-1")
        for marker, name in _ZIP_FORMATS:
            if head.startswith(marker):
                return name
        try:
            names = zipfile.ZipFile(io.BytesIO(data)).namelist()
        except (zipfile.BadZipFile, OSError, ValueError):
            return "ZIP archive"
        if any(n.startswith("word/") for n in names):
            return "DOCX"
        if "META-INF/container.xml" in names:
            return "EPUB"
        if any(n.lower().endswith(".fb2") for n in names):
            return "FB2 (zipped)"
        return "ZIP archive"
    if data[:200].lstrip().startswith(b"<?xml") and b"<FictionBook" in data[:2000]:
        return "FB2"
    return None
