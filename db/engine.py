"""Opening a library: where the file lives, SQLite settings, backups, migrations.

``open_library(path)`` is the one way in.  It creates the file if needed,
checks that it is a SQLite database, takes a backup when the schema is about
to be migrated, runs the Alembic migrations to head and returns a
``Library`` holding the engine and the session factory.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import (
    DiskFullError,
    LibraryCorruptError,
    LibraryLockedError,
    LibraryTooNewError,
    LibraryUnwritableError,
)

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_ENV_VAR = "SVERKA_DB"
DB_FILENAME = "library.sqlite3"
BUSY_TIMEOUT_MS = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_library_path() -> Path:
    """``$SVERKA_DB`` if set, else ``library.sqlite3`` in the user's data directory."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("sverka", appauthor=False) / DB_FILENAME


@dataclass(frozen=True)
class Library:
    """An open library: the engine and a factory of sessions (one per unit of work)."""

    path: Path
    engine: Engine
    sessions: sessionmaker[Session]
    backup_path: Path | None = None

    def close(self) -> None:
        self.engine.dispose()


def _configure_connection(dbapi_conn: sqlite3.Connection, _record: object) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    cur.execute("PRAGMA journal_mode = WAL")
    cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def make_engine(path: Path, *, busy_timeout_ms: int = BUSY_TIMEOUT_MS) -> Engine:
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_timeout_ms / 1000})
    event.listen(engine, "connect", _configure_connection)
    # pysqlite's own transaction handling defers BEGIN; emit it ourselves so that
    # a unit of work is one real SQLite transaction (see SQLAlchemy's SQLite docs).
    event.listen(engine, "connect", lambda conn, _rec: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
    return engine


# Virtual FTS5 tables (and their shadow tables) are created with raw SQL in the
# migrations and are invisible to autogenerate and to schema comparison.
_FTS_PREFIXES = ("sentence_search",)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic filter: leave the FTS5 tables out of autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith(_FTS_PREFIXES))


def _alembic_config() -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    head = ScriptDirectory.from_config(_alembic_config()).get_current_head()
    assert head is not None
    return head


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        magic = fh.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise LibraryCorruptError(path, "not a SQLite database")


def translate_db_error(exc: BaseException, path: Path) -> Exception:
    """Map a raw SQLite failure onto the library's typed errors."""
    message = str(getattr(exc, "orig", exc)).lower()
    if "locked" in message or "busy" in message:
        return LibraryLockedError(path)
    if "disk is full" in message or "database or disk is full" in message:
        return DiskFullError(path)
    if "malformed" in message or "not a database" in message or "disk image" in message:
        return LibraryCorruptError(path, message)
    if "unable to open" in message or "readonly" in message or "read-only" in message:
        return LibraryUnwritableError(path, message)
    return exc if isinstance(exc, Exception) else RuntimeError(str(exc))


def _backup(path: Path, revision: str | None) -> Path:
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{revision or 'unversioned'}.{stamp}.bak")
    src = sqlite3.connect(path)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()
    log.info("backed up %s to %s before migrating", path, target)
    return target


def _upgrade(engine: Engine, path: Path) -> None:
    """Run the migrations to head in one transaction, with foreign keys off.

    A migration that rebuilds a table (Alembic's batch mode on SQLite) drops the
    old one; with foreign keys on, that drop deletes every row that refers to
    it through ON DELETE CASCADE (all sentences, when ``paragraphs`` is rebuilt).
    SQLite's own procedure for such changes: keys off outside the transaction,
    change, ``foreign_key_check`` before commit, keys back on.
    """
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("PRAGMA foreign_keys = OFF")
        try:
            with conn.begin():
                cfg = _alembic_config()
                cfg.attributes["connection"] = conn
                command.upgrade(cfg, "head")
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise LibraryCorruptError(path, f"migrating left {len(broken)} rows pointing nowhere (first: {broken[0]})")
        finally:
            raw.execute("PRAGMA foreign_keys = ON")


def open_library(path: Path | None = None, *, migrate: bool = True) -> Library:
    """Open (creating or migrating as needed) the library at ``path``."""
    path = (path or default_library_path()).expanduser()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise LibraryUnwritableError(path, exc.strerror or str(exc)) from exc
    _check_sqlite_file(path)
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    backup_path: Path | None = None
    try:
        with engine.connect() as conn:
            integrity = conn.exec_driver_sql("PRAGMA quick_check").scalar()
            if integrity != "ok":
                raise LibraryCorruptError(path, str(integrity))
            current = MigrationContext.configure(conn).get_current_revision()
        head = head_revision()
        script = ScriptDirectory.from_config(_alembic_config())
        if current is not None and current != head and current not in {r.revision for r in script.walk_revisions()}:
            raise LibraryTooNewError(path, current)
        if migrate and current != head:
            if existed:
                backup_path = _backup(path, current)
            _upgrade(engine, path)
            log.info("library %s migrated from %s to %s", path, current, head)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise translate_db_error(exc, path) from exc
    except Exception:
        engine.dispose()
        raise
    sessions = sessionmaker(engine, expire_on_commit=False)
    return Library(path=path, engine=engine, sessions=sessions, backup_path=backup_path)


def schema_revision(library: Library) -> str | None:
    with library.engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()
