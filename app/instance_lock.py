"""Which library a window holds, without Qt: the name of its lock and whether its owner lives.

The window takes the lock with ``QLockFile`` (``app/single_instance.py``);
command-line tools that must not run under an open window (restoring a
backup) read the same file here: QLockFile writes the owner's PID on its
first line.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path


def instance_key(library_path: Path) -> str:
    """A name for the library's lock and socket: per user, per library file."""
    try:
        resolved = str(library_path.expanduser().resolve())
    except OSError:
        resolved = str(library_path)
    user = str(os.getuid()) if hasattr(os, "getuid") else os.environ.get("USERNAME", "")
    return "sverka-" + hashlib.sha1(f"{user}:{resolved}".encode()).hexdigest()[:20]


def lock_path(library_path: Path, lock_dir: Path | None = None) -> Path:
    return (lock_dir or Path(tempfile.gettempdir())) / f"{instance_key(library_path)}.lock"


def window_running(library_path: Path, lock_dir: Path | None = None) -> bool:
    """True when a live Sverka window holds the library."""
    try:
        pid = int(lock_path(library_path, lock_dir).read_text(encoding="utf-8", errors="replace").split()[0])
    except (OSError, ValueError, IndexError):
        return False
    if pid == os.getpid():
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
