"""Writing an export file safely: never over an existing file unless asked, and
never half-written (a temporary file in the same folder is moved into place)."""

from __future__ import annotations

import contextlib
import logging
import os
import tempfile
from pathlib import Path

from db.services.export.errors import ExportTargetExistsError, ExportWriteError

log = logging.getLogger(__name__)


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
