"""Backups: consistent copies with SQLite's backup API, daily at most, the last few kept, restorable."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import text

from app.cli import EXIT_ERROR, main
from db.backups import KEEP_DAILY, backup_folder, daily_backup, find_backup, list_backups
from db.engine import open_library, restore_backup
from db.errors import BackupNotFoundError


def _titles(path: Path) -> set[str]:
    con = sqlite3.connect(path)
    try:
        return {r[0] for r in con.execute("SELECT title FROM works")}
    finally:
        con.close()


def test_a_daily_backup_is_made_once_a_day_and_the_last_seven_are_kept(library, tmp_path: Path) -> None:
    start = dt.datetime(2026, 12, 1, 18, 0)
    assert daily_backup(library.path, now=start) is not None
    assert daily_backup(library.path, now=start + dt.timedelta(hours=5)) is None  # same day: none
    for day in range(1, 12):
        assert daily_backup(library.path, now=start + dt.timedelta(days=day)) is not None
    daily = [b for b in list_backups(library.path) if b.reason == "daily"]
    assert len(daily) == KEEP_DAILY
    assert daily[0].made == start + dt.timedelta(days=11)
    # a backup is a complete, valid library
    con = sqlite3.connect(daily[0].path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()


def test_a_backup_taken_while_a_write_is_open_holds_the_last_committed_state(library) -> None:
    with library.sessions.begin() as s:
        s.execute(text("INSERT INTO works (title, author, date, description) VALUES ('committed', '', '', '')"))
    with library.sessions.begin() as s:
        s.execute(text("INSERT INTO works (title, author, date, description) VALUES ('in flight', '', '', '')"))
        made = daily_backup(library.path)
    assert made is not None and _titles(made) == {"committed"}


def test_restore_puts_the_library_back_and_keeps_the_present_as_a_backup(library) -> None:
    with library.sessions.begin() as s:
        s.execute(text("INSERT INTO works (title, author, date, description) VALUES ('old', '', '', '')"))
    made = daily_backup(library.path)
    with library.sessions.begin() as s:
        s.execute(text("INSERT INTO works (title, author, date, description) VALUES ('new', '', '', '')"))
    before = restore_backup(library, made)
    with library.sessions() as s:
        assert set(s.scalars(text("SELECT title FROM works"))) == {"old"}
    assert _titles(before) == {"old", "new"}
    assert find_backup(library.path, before.name).reason == "before-restore"


def test_the_pre_migration_backup_is_made_by_the_same_mechanism(tmp_path: Path) -> None:
    from tests.unit.db.test_engine import _make_first_schema_library

    path = tmp_path / "old.sqlite3"
    _make_first_schema_library(path)
    lib = open_library(path)
    try:
        assert lib.backup_path is not None and lib.backup_path.parent == backup_folder(path)
        assert [b.reason for b in list_backups(path)] == ["before-migrating-from-0001"]
    finally:
        lib.close()


def test_restore_backup_command(capsys, library_path: Path) -> None:
    db = ("--db", str(library_path))
    assert main([*db, "restore-backup", "--list"]) == 0
    assert "no backups" in capsys.readouterr().out
    with pytest.raises(BackupNotFoundError):
        find_backup(library_path, None)
    lib = open_library(library_path)
    with lib.sessions.begin() as s:
        s.execute(text("INSERT INTO works (title, author, date, description) VALUES ('kept', '', '', '')"))
    made = daily_backup(lib.path)
    with lib.sessions.begin() as s:
        s.execute(text("INSERT INTO works (title, author, date, description) VALUES ('later', '', '', '')"))
    lib.close()
    assert main([*db, "restore-backup", "--list"]) == 0
    assert made.name in capsys.readouterr().out
    assert main([*db, "restore-backup"]) == EXIT_ERROR  # no terminal to confirm on
    assert "--yes" in capsys.readouterr().err
    assert main([*db, "restore-backup", "--yes"]) == 0
    assert "Restored the library from" in capsys.readouterr().out
    assert _titles(library_path) == {"kept"}
    assert main([*db, "restore-backup", "nonexistent.bak", "--yes"]) == 4
