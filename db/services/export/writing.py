"""Writing an export file safely: never over an existing file unless asked, and
never half-written (a temporary file in the same folder is moved into place).

The temporary file is created private (0600) and given the permissions an ordinary
new file of the user would have (0666 less the umask: usually 0644) before it is
moved into place; a file that is replaced keeps its own permissions.  Every export
and the glossary export are written here."""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import tempfile
import threading
from pathlib import Path

from db.services.export.errors import ExportTargetExistsError, ExportWriteError

log = logging.getLogger(__name__)
_UMASK_LOCK = threading.Lock()


def write_atomically(path: Path, data: bytes, *, overwrite: bool = False) -> Path:
    """Write ``data`` to ``path``; raise ``ExportTargetExistsError`` if it exists and
    ``overwrite`` is false.  The file appears complete or not at all."""
    path = Path(path)
    if path.exists() and not overwrite:
        raise ExportTargetExistsError(path)
    tmp_name = ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp_name, _mode_for(path, overwrite))
        if overwrite:
            os.replace(tmp_name, path)
        else:
            _move_without_clobbering(Path(tmp_name), path)
        tmp_name = ""
    except ExportTargetExistsError:
        raise
    except OSError as exc:
        raise ExportWriteError(path, exc.strerror or str(exc)) from exc
    finally:
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    log.info("exported %d bytes to %s", len(data), path)
    return path


def current_umask() -> int:
    """The process's umask (read from /proc where it is there, so no other thread sees it change)."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    with _UMASK_LOCK:
        mask = os.umask(0o022)
        os.umask(mask)
    return mask


def _mode_for(path: Path, overwrite: bool) -> int:
    if overwrite:
        try:
            return stat.S_IMODE(path.stat().st_mode)
        except OSError:
            pass
    return 0o666 & ~current_umask()


def _move_without_clobbering(tmp: Path, path: Path) -> None:
    # A hard link fails if the target appeared meanwhile; some file systems
    # (FAT, some network shares) have no links, so fall back to a checked rename.
    try:
        os.link(tmp, path)
    except FileExistsError as exc:
        raise ExportTargetExistsError(path) from exc
    except OSError:
        if path.exists():
            raise ExportTargetExistsError(path) from None
        os.replace(tmp, path)
        return
    os.unlink(tmp)
