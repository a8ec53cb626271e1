"""Reading an input file's bytes: regular files only, never more than the limit.

Every way a file enters Sverka (text import, book formats, aligned files,
glossary files) reads it here.  A device (``/dev/zero`` reports size 0 and
never ends), a named pipe (opening it waits for a writer for ever) or a socket
is refused before it is read; a regular file is read up to the limit plus one
byte, so a size that lies (or a file that grows while it is read) cannot make
Sverka read without bound.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

from alignment.text.errors import FileMissingError, FileTooLargeError, FileUnreadableError, MAX_TEXT_BYTES

_KINDS = (
    (stat.S_ISFIFO, "it is a named pipe, not a file"),
    (stat.S_ISCHR, "it is a device, not a file"),
    (stat.S_ISBLK, "it is a device, not a file"),
    (stat.S_ISSOCK, "it is a socket, not a file"),
    (stat.S_ISDIR, "it is a folder, not a file"),
)


def _refuse_special(path: Path, mode: int) -> None:
    for test, reason in _KINDS:
        if test(mode):
            raise FileUnreadableError(path, reason)
    if not stat.S_ISREG(mode):
        raise FileUnreadableError(path, "it is not a regular file")


def read_source_bytes(path: Path, max_bytes: int = MAX_TEXT_BYTES) -> bytes:
    """The bytes of the regular file ``path``; raises the typed import errors."""
    path = Path(path)
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        raise FileMissingError(path) from None
    except PermissionError:
        raise FileUnreadableError(path, "permission denied") from None
    except OSError as exc:
        raise FileUnreadableError(path, exc.strerror or type(exc).__name__) from None
    _refuse_special(path, mode)
    try:
        # O_NONBLOCK: should the path have become a pipe since the check, opening
        # it returns at once instead of waiting for a writer.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise FileMissingError(path) from None
    except PermissionError:
        raise FileUnreadableError(path, "permission denied") from None
    except IsADirectoryError:
        raise FileUnreadableError(path, "it is a folder, not a file") from None
    except OSError as exc:
        raise FileUnreadableError(path, exc.strerror or type(exc).__name__) from None
    with os.fdopen(fd, "rb") as fh:
        _refuse_special(path, os.fstat(fh.fileno()).st_mode)
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            raise FileTooLargeError(path, size, max_bytes)
        try:
            data = fh.read(max_bytes + 1)
        except OSError as exc:
            raise FileUnreadableError(path, exc.strerror or type(exc).__name__) from None
    if len(data) > max_bytes:
        raise FileTooLargeError(path, len(data), max_bytes)
    return data
