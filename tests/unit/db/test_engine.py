"""Opening libraries: creation, settings, migrations with backup, damaged and locked files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text

from db.engine import default_library_path, head_revision, include_object, open_library, schema_revision
from db.errors import LibraryCorruptError, LibraryLockedError, LibraryTooNewError
from db.models import Base


def test_new_library_is_created_at_head_with_wal_and_foreign_keys(tmp_path: Path) -> None:
    lib = open_library(tmp_path / "sub" / "lib.sqlite3")
    try:
        assert schema_revision(lib) == head_revision()
        assert lib.backup_path is None
        with lib.engine.connect() as conn:
            assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        lib.close()


def test_migrated_schema_matches_the_models(library) -> None:
    with library.engine.connect() as conn:
        ctx = MigrationContext.configure(conn, opts={"include_object": include_object})
        diff = compare_metadata(ctx, Base.metadata)
    assert diff == []


def test_library_path_from_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("SVERKA_DB", str(tmp_path / "env.sqlite3"))
    assert default_library_path() == tmp_path / "env.sqlite3"
    monkeypatch.delenv("SVERKA_DB")
    assert default_library_path().name == "library.sqlite3"


def _make_first_schema_library(path: Path) -> None:
    """A library as the first release wrote it: schema 0001, with one text and sentences."""
    from alembic import command

    from db.engine import _alembic_config, make_engine

    engine = make_engine(path)
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
        conn.execute(text("INSERT INTO works (id, title, author, date, description) VALUES (1, 'W', '', '', '')"))
        conn.execute(
            text(
                "INSERT INTO texts (id, work_id, lang, role, kind, title, author, translator, date, source, rights, "
                "note, file_format, encoding, original_filename, content_hash, bundled, paragraph_count, "
                "sentence_count, char_count) VALUES (1, 1, 'ru', 'original', 'original', 'Старый текст', '', '', "
                "'', '', '', '', 'text', 'utf-8', 'old.txt', 'abc', 0, 1, 2, 40)"
            )
        )
        conn.execute(text("INSERT INTO paragraphs (id, text_id, position, kind, level, text) VALUES (1, 1, 0, 'body', 0, 'Колхозы растут. Кулаки против.')"))
        conn.execute(text("INSERT INTO sentences (id, text_id, paragraph_id, position, start, \"end\", text) VALUES (1, 1, 1, 0, 0, 15, 'Колхозы растут.')"))
        conn.execute(text("INSERT INTO sentences (id, text_id, paragraph_id, position, start, \"end\", text) VALUES (2, 1, 1, 1, 16, 30, 'Кулаки против.')"))
    engine.dispose()


def test_first_schema_library_is_backed_up_and_migrated(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    _make_first_schema_library(path)
    lib = open_library(path)
    try:
        assert schema_revision(lib) == head_revision()
        assert lib.backup_path is not None and lib.backup_path.exists()
        backup = sqlite3.connect(lib.backup_path)
        assert backup.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert backup.execute("SELECT count(*) FROM sentences").fetchone() == (2,)
        backup.close()
        with lib.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT title FROM texts").scalar() == "Старый текст"
            # the migration indexed the old sentences for search: an inflected form finds them
            hits = conn.exec_driver_sql(
                "SELECT rowid FROM sentence_search WHERE sentence_search MATCH 'колхоз'"
            ).fetchall()
        assert hits == [(1,)]
    finally:
        lib.close()


def test_a_migration_that_rebuilds_paragraphs_keeps_every_dependent_row(tmp_path: Path) -> None:
    """0006 rebuilds ``paragraphs``; with foreign keys on, that drop would cascade to
    every sentence (and through them to term occurrences and bookmark anchors)."""
    path = tmp_path / "old.sqlite3"
    _make_first_schema_library(path)
    lib = open_library(path)
    try:
        with lib.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM sentences").scalar() == 2
            assert conn.exec_driver_sql("SELECT count(*) FROM paragraphs").scalar() == 1
            assert conn.exec_driver_sql("SELECT page FROM paragraphs").scalar() is None
            assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    finally:
        lib.close()


def test_damaged_file_is_refused_and_left_untouched(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    garbage = b"this is not a database at all" * 100
    path.write_bytes(garbage)
    with pytest.raises(LibraryCorruptError) as info:
        open_library(path)
    assert "damaged" in str(info.value) and "--db" in str(info.value)
    assert path.read_bytes() == garbage


def test_truncated_database_is_reported_as_damaged(library_path: Path) -> None:
    lib = open_library(library_path)
    with lib.sessions.begin() as session:
        session.execute(text("INSERT INTO works (title, author, date, description) VALUES ('x', '', '', '')"))
    with lib.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    lib.close()
    data = library_path.read_bytes()
    library_path.write_bytes(data[:100] + b"\x00" * (len(data) - 100))
    with pytest.raises(LibraryCorruptError):
        open_library(library_path)


def test_locked_library_gives_a_clear_error(library_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 100)
    holder = sqlite3.connect(library_path, isolation_level=None)
    holder.execute("PRAGMA journal_mode=DELETE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(LibraryLockedError) as info:
            lib = open_library(library_path)
            with lib.sessions.begin() as session:
                session.execute(text("INSERT INTO works (title, author, date, description) VALUES ('x','','','')"))
        assert "locked" in str(info.value)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


def test_library_from_a_newer_sverka_is_refused(library_path: Path) -> None:
    conn = sqlite3.connect(library_path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    with pytest.raises(LibraryTooNewError):
        open_library(library_path)


def test_migration_graph_read_from_the_files_is_alembics() -> None:
    """Start-up reads the revisions from the migration files' headers instead of loading
    Alembic; that reading must agree with Alembic's own."""
    from alembic.script import ScriptDirectory

    from db.engine import _alembic_config, migration_graph

    script = ScriptDirectory.from_config(_alembic_config())
    assert migration_graph() == {r.revision: r.down_revision for r in script.walk_revisions()}
    assert head_revision() == script.get_current_head()
