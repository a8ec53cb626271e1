"""Opening book archives (EPUB, DOCX, ODT, FB2.ZIP) without trusting them.

Before anything is inflated the central directory is checked: too many
members, a total unpacked size over ``MAX_UNPACKED_BYTES`` or a member that
claims to compress more than ``MAX_PACK_RATIO`` times is a zip bomb and is
refused.  Reads are bounded by the size the directory declares, so a member
that lies about its size cannot inflate further.  Encrypted members, broken
archives and truncated files raise the typed import errors.
"""

from __future__ import annotations

import io
import zipfile
import zlib
from pathlib import Path

from alignment.text.errors import (
    MAX_PACK_RATIO,
    MAX_UNPACKED_BYTES,
    ArchiveTooLargeError,
    DamagedFileError,
    EncryptedFileError,
)

MAX_MEMBERS = 20_000
_RATIO_FLOOR = 1024 * 1024  # small members may compress hard (a page of spaces); only big ones are judged


class SafeZip:
    """A read-only view of an archive's members, checked for bombs on opening."""

    def __init__(self, data: bytes, *, format_name: str, path: Path | None = None) -> None:
        self.format_name = format_name
        self.path = path
        try:
            self._zip = zipfile.ZipFile(io.BytesIO(data))
            infos = self._zip.infolist()
        except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError) as exc:
            raise DamagedFileError(path, format_name, f"not a readable zip archive: {exc}") from None
        if len(infos) > MAX_MEMBERS:
            raise ArchiveTooLargeError(path, format_name, sum(i.file_size for i in infos))
        total = sum(i.file_size for i in infos)
        if total > MAX_UNPACKED_BYTES:
            raise ArchiveTooLargeError(path, format_name, total)
        for info in infos:
            if info.file_size > _RATIO_FLOOR and info.file_size > MAX_PACK_RATIO * max(1, info.compress_size):
                raise ArchiveTooLargeError(path, format_name, total)
        self._infos = {i.filename: i for i in infos}

    def names(self) -> list[str]:
        return list(self._infos)

    def has(self, name: str) -> bool:
        return name in self._infos

    def find(self, name: str) -> str | None:
        """The member called ``name``, compared without case (some tools write ``Content.opf``)."""
        if name in self._infos:
            return name
        folded = name.casefold()
        return next((n for n in self._infos if n.casefold() == folded), None)

    def read(self, name: str) -> bytes:
        info = self._infos.get(name)
        if info is None:
            raise DamagedFileError(self.path, self.format_name, f"the part “{name}” it refers to is missing")
        if info.flag_bits & 0x1:
            raise EncryptedFileError(self.path, self.format_name)
        try:
            with self._zip.open(info) as fh:
                data = fh.read(info.file_size + 1)
        except RuntimeError as exc:  # zipfile: "File … is encrypted, password required"
            if "encrypted" in str(exc):
                raise EncryptedFileError(self.path, self.format_name) from None
            raise DamagedFileError(self.path, self.format_name, str(exc)) from None
        except (zipfile.BadZipFile, zlib.error, OSError, EOFError, ValueError, NotImplementedError) as exc:
            raise DamagedFileError(self.path, self.format_name, f"the part “{name}” cannot be unpacked: {exc}") from None
        if len(data) > info.file_size:
            raise ArchiveTooLargeError(self.path, self.format_name, len(data))
        return data
