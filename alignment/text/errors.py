"""Typed errors of the text import: every failure a user can cause with a file.

Each error carries the data it is about (path, encodings tried, size, ...) and
its ``str()`` is one sentence that says what happened and what to do, ready to
be shown in a dialog or printed by the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

MAX_TEXT_BYTES = 50 * 1024 * 1024
"""Largest file imported as one text (50 MB: about ten long books)."""


def _name(path: Path | None) -> str:
    return f"“{path.name}”" if path is not None else "The text"


def _file(path: Path | None) -> str:
    return f"The file {_name(path)}" if path is not None else "The text"


class TextImportError(Exception):
    """Base of all import errors; ``path`` is the file concerned (None for pasted text)."""

    def __init__(self, message: str, path: Path | None = None) -> None:
        super().__init__(message)
        self.path = path


class FileMissingError(TextImportError):
    def __init__(self, path: Path) -> None:
        super().__init__(
            f"{_file(path)} does not exist (it may have been moved, renamed or deleted); "
            "check the location and choose the file again.",
            path,
        )


class FileUnreadableError(TextImportError):
    """The file exists but cannot be opened (a folder, no permission, I/O error)."""

    def __init__(self, path: Path, reason: str) -> None:
        super().__init__(
            f"{_file(path)} could not be opened ({reason}); "
            "check that it is a file you are allowed to read and try again.",
            path,
        )
        self.reason = reason


class EmptyFileError(TextImportError):
    def __init__(self, path: Path | None, *, after_cleaning: bool = False) -> None:
        if after_cleaning:
            message = (
                f"{_file(path)} contains no readable text once navigation and markup are "
                "removed; check that you chose the page or file with the text itself."
            )
        else:
            message = (
                f"{_file(path)} is empty (or holds only spaces and line breaks); "
                "choose a file that contains the text."
            )
        super().__init__(message, path)
        self.after_cleaning = after_cleaning


class BinaryFileError(TextImportError):
    def __init__(self, path: Path | None) -> None:
        super().__init__(
            f"{_file(path)} is not a text file (it contains binary data such as an image "
            "or a program); save the text as plain text, Markdown or HTML and import that.",
            path,
        )


class UndecodableFileError(TextImportError):
    def __init__(self, path: Path | None, encodings_tried: Sequence[str]) -> None:
        self.encodings_tried = tuple(encodings_tried)
        tried = ", ".join(self.encodings_tried)
        super().__init__(
            f"{_file(path)} could not be read as text in any of the encodings tried "
            f"({tried}); open it in a text editor, save it as UTF-8 and import it again.",
            path,
        )


class UncertainEncodingError(TextImportError):
    """The bytes read as text in several 8-bit encodings and none is convincingly right.

    ``candidates`` are ``(encoding, preview)`` pairs, most likely first; the
    user chooses one (``--encoding``, or the window's dialog)."""

    def __init__(self, path: Path | None, candidates: Sequence[tuple[str, str]]) -> None:
        self.candidates = tuple(candidates)
        readings = "; ".join(f"as {enc}: «{preview[:60]}»" for enc, preview in self.candidates)
        super().__init__(
            f"Sverka cannot tell with confidence how {_name(path) if path else 'the text'} is encoded, and nothing "
            "was imported. "
            f"It reads {readings}. Say which is right with --encoding (for example --encoding "
            f"{self.candidates[0][0] if self.candidates else 'cp1251'}), or save the file as UTF-8.",
            path,
        )


class UnsupportedFormatError(TextImportError):
    """PDF, EPUB, DOCX, ODT, RTF, DOC, FB2, ... are not imported yet."""

    def __init__(self, path: Path | None, format_name: str) -> None:
        self.format_name = format_name
        super().__init__(
            f"{_file(path)} is a {format_name} document, which Sverka cannot import yet; "
            "save or copy its text as plain text (.txt), Markdown or HTML and import that file.",
            path,
        )


class FileTooLargeError(TextImportError):
    def __init__(self, path: Path | None, size: int, limit: int = MAX_TEXT_BYTES) -> None:
        self.size = size
        self.limit = limit
        super().__init__(
            f"{_file(path)} is {_megabytes(size)}, more than the {_megabytes(limit)} "
            "Sverka imports as one text; split it into smaller files (for example one per "
            "part or chapter) and import them one by one.",
            path,
        )


def _megabytes(n: int) -> str:
    value = n / (1024 * 1024)
    return f"{value:.0f} MB" if value >= 10 else f"{value:.1f} MB"


MAX_UNPACKED_BYTES = 200 * 1024 * 1024
"""Most a book archive (EPUB, DOCX, ODT, FB2.ZIP) may unpack to, in the members Sverka reads."""
MAX_PACK_RATIO = 200
"""Largest compression ratio of a member above a megabyte: text compresses 3-10 times, a zip bomb thousands."""


class ScannedPdfError(TextImportError):
    """A PDF of page images without a text layer."""

    def __init__(self, path: Path | None, pages: int) -> None:
        self.pages = pages
        super().__init__(
            f"{_file(path)} holds page images only ({pages} pages, no text layer), so there is no text to "
            "import; run it through OCR first (for example the free OCRmyPDF, which uses Tesseract: "
            "“ocrmypdf -l rus+eng in.pdf out.pdf”) and import the result.",
            path,
        )


class EncryptedFileError(TextImportError):
    """A password-protected or DRM-encrypted document."""

    def __init__(self, path: Path | None, format_name: str) -> None:
        self.format_name = format_name
        super().__init__(
            f"{_file(path)} is a password-protected (encrypted) {format_name} document, so its text cannot be "
            "read; open it with its password in a reader that can save an unprotected copy, and import that copy.",
            path,
        )


class DamagedFileError(TextImportError):
    """A document whose structure is broken (truncated download, bad zip, invalid XML)."""

    def __init__(self, path: Path | None, format_name: str, reason: str) -> None:
        self.format_name = format_name
        self.reason = reason
        self.line = 0  # where the damage is, when the parser says (XML)
        super().__init__(
            f"{_file(path)} looks like a {format_name} document but is damaged ({reason}); download or save it "
            "again, or open it in its program and save a fresh copy.",
            path,
        )


class ArchiveTooLargeError(TextImportError):
    """An archive that would unpack to far more than a book (a zip bomb)."""

    def __init__(self, path: Path | None, format_name: str, unpacked: int, limit: int = MAX_UNPACKED_BYTES) -> None:
        self.format_name = format_name
        self.unpacked = unpacked
        self.limit = limit
        super().__init__(
            f"{_file(path)} is a {format_name} archive that would unpack to {_megabytes(unpacked)} "
            f"(more than the {_megabytes(limit)} a book can need, or compressed suspiciously hard), so it was "
            "not opened; if it is a real book, save it again from its program.",
            path,
        )
