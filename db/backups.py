"""Backups of the library: consistent copies made with SQLite's online backup API.

A file copy of a WAL database can catch it half-written (the newest pages
live in the -wal file); the backup API copies one consistent state, even while
the window reads.  Backups live in ``backups/`` beside the library file, named
``library.sqlite3.<YYYYmmdd-HHMMSS>.<reason>.bak``.  Two reasons exist: a
daily copy when the window closes (the last ``KEEP_DAILY`` kept) and a copy
before a migration changes the schema (kept until the user removes them).

Restoring copies a backup *into* the live library through a normal write
transaction, so every open connection sees the old or the new library, never
a mix; the library as it was is backed up first, so a restore can be undone.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from db.errors import BackupNotFoundError, LibraryCorruptError, LibraryUnwritableError

log = logging.getLogger(__name__)

BACKUP_DIR = "backups"
KEEP_DAILY = 7
DAILY = "daily"
_NAME = re.compile(r"^(?P<lib>.+)\.(?P<stamp>\d{8}-\d{6})\.(?P<reason>[\w.-]+)\.bak$")
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True, slots=True)
class BackupInfo:
    path: Path
    made: dt.datetime
    reason: str
    size: int

    @property
    def name(self) -> str:
        return self.path.name


def backup_folder(library_path: Path) -> Path:
    return library_path.parent / BACKUP_DIR


def _copy(source: Path, target: Path) -> None:
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def backup_library(library_path: Path, *, reason: str, now: dt.datetime | None = None) -> Path:
    """Write a consistent copy of the library into its backup folder; returns its path."""
    folder = backup_folder(library_path)
    stamp = (now or dt.datetime.now()).strftime(_STAMP)
    target = folder / f"{library_path.name}.{stamp}.{reason}.bak"
    partial = target.with_name(target.name + ".part")
    try:
        folder.mkdir(exist_ok=True)
        _copy(library_path, partial)
        partial.replace(target)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise LibraryUnwritableError(target, str(exc)) from exc
    log.info("backed up %s to %s", library_path, target)
    return target


def list_backups(library_path: Path) -> list[BackupInfo]:
    """The library's backups, newest first."""
    folder = backup_folder(library_path)
    found: list[BackupInfo] = []
    if not folder.is_dir():
        return found
    for item in folder.iterdir():
        m = _NAME.match(item.name)
        if m is None or m["lib"] != library_path.name or not item.is_file():
            continue
        made = dt.datetime.strptime(m["stamp"], _STAMP)
        found.append(BackupInfo(item, made, m["reason"], item.stat().st_size))
    return sorted(found, key=lambda b: b.made, reverse=True)


def daily_backup(library_path: Path, *, keep: int = KEEP_DAILY, now: dt.datetime | None = None) -> Path | None:
    """Back up the library if the newest daily backup is a day old or more; keep the last ``keep``.

    Returns the new backup, or None when a recent one exists.
    """
    now = now or dt.datetime.now()
    daily = [b for b in list_backups(library_path) if b.reason == DAILY]
    if daily and now - daily[0].made < dt.timedelta(days=1):
        return None
    made = backup_library(library_path, reason=DAILY, now=now)
    for old in [b for b in list_backups(library_path) if b.reason == DAILY][keep:]:
        old.path.unlink(missing_ok=True)
    return made


def find_backup(library_path: Path, name: str | None) -> BackupInfo:
    """The backup called ``name`` (or the newest when ``name`` is None)."""
    backups = list_backups(library_path)
    if name is None:
        if not backups:
            raise BackupNotFoundError(library_path)
        return backups[0]
    for b in backups:
        if b.name == name or str(b.path) == name:
            return b
    raise BackupNotFoundError(library_path, name)


def restore_into(connection: sqlite3.Connection, backup: Path) -> None:
    """Copy ``backup`` over the database of ``connection`` in one write transaction."""
    src = sqlite3.connect(f"file:{backup}?mode=ro", uri=True)
    try:
        check = src.execute("PRAGMA quick_check").fetchone()
        if check is None or check[0] != "ok":
            raise LibraryCorruptError(backup, f"the backup is damaged ({check[0] if check else 'unreadable'})")
        src.backup(connection)
    except sqlite3.DatabaseError as exc:
        raise LibraryCorruptError(backup, str(exc)) from exc
    finally:
        src.close()
