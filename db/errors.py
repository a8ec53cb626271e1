"""Typed errors of the library layer.

Each carries the data a caller needs and a one-sentence message saying what
happened and what the user can do.  The GUI may translate them by type.
"""

from __future__ import annotations

from pathlib import Path


class LibraryError(Exception):
    """Base of every error the library layer raises on purpose."""


class LibraryCorruptError(LibraryError):
    def __init__(self, path: Path, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"The library file {path} is damaged or is not a Sverka library ({detail or 'unreadable'}); "
            "it was left untouched. Move it aside, or choose another file with --db, "
            "and Sverka will create a new library."
        )


class LibraryLockedError(LibraryError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"The library {path} is locked by another program (another Sverka window or command?). "
            "Close it and try again."
        )


class DiskFullError(LibraryError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"There is no room left to write to the library {path}; nothing was changed. "
            "Free some disk space and try again."
        )


class LibraryTooNewError(LibraryError):
    def __init__(self, path: Path, revision: str) -> None:
        self.path = path
        self.revision = revision
        super().__init__(
            f"The library {path} was written by a newer version of Sverka (schema {revision}). "
            "Update Sverka to open it; the file was left untouched."
        )


class LibraryUnwritableError(LibraryError):
    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"Sverka cannot create or write the library at {path} ({detail}). "
            "Check that the folder exists and is writable, or choose another place with --db."
        )


class LibraryReadOnlyError(LibraryError):
    """A change was asked of a library opened read-only (the file or its folder cannot be written)."""

    def __init__(self, path: Path, detail: str = "") -> None:
        self.path = path
        self.detail = detail
        why = f" ({detail})" if detail else ""
        super().__init__(
            f"The library {path} is read-only{why}: Sverka can show it but cannot save changes, and nothing "
            "was changed. Make the file and its folder writable, or copy the library elsewhere and open the copy "
            "with --db."
        )


class BackupNotFoundError(LibraryError):
    def __init__(self, path: Path, name: str = "") -> None:
        self.path = path
        super().__init__(
            f"There is no backup{' named ' + name if name else ''} of the library {path}; "
            "`sverka restore-backup --list` shows the backups there are."
        )


class TextNotFoundError(LibraryError):
    def __init__(self, text_id: int) -> None:
        self.text_id = text_id
        super().__init__(f"There is no text with id {text_id} in the library; `sverka list` shows the ids.")


class DuplicateTextError(LibraryError):
    def __init__(self, existing_id: int, title: str) -> None:
        self.existing_id = existing_id
        self.title = title
        super().__init__(
            f"This file is already in the library as text {existing_id} (\u201c{title}\u201d); "
            "nothing was imported. Import it again with --allow-duplicate if you really want a second copy."
        )


class LanguageMismatchError(LibraryError):
    def __init__(self, declared: str, detected: str, share: float) -> None:
        self.declared = declared
        self.detected = detected
        self.share = share
        names = {"ru": "Russian", "en": "English"}
        super().__init__(
            f"The text was declared {names.get(declared, declared)} but {share:.0%} of its letters are "
            f"{'Latin' if detected == 'en' else 'Cyrillic'} (it looks {names.get(detected, detected)}); "
            "nothing was imported. Check --lang, or import anyway with --force-language."
        )


class AlignmentNotFoundError(LibraryError):
    def __init__(self, text_id: int) -> None:
        self.text_id = text_id
        super().__init__(f"Text {text_id} is not aligned with any other text yet.")
