"""Opening a library: where the file lives, SQLite settings, backups, migrations.

``open_library(path)`` is the one way in.  It creates the file if needed,
checks that it is a SQLite database, takes a backup when the schema is about
to be migrated, runs the Alembic migrations to head and returns a
``Library`` holding the engine and the session factory.
"""

from __future__ import annotations

import functools
import logging
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.exc import DBAPIError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from db.errors import (
    DiskFullError,
    LibraryCorruptError,
    LibraryError,
    LibraryLockedError,
    LibraryReadOnlyError,
    LibraryTooNewError,
    LibraryUnwritableError,
)

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
DB_ENV_VAR = "SVERKA_DB"
DB_FILENAME = "library.sqlite3"
# How long a writer waits for another writer (a second import waits for the first
# to commit; an import of a long book holds the lock for seconds).
BUSY_TIMEOUT_MS = 60_000
_SQLITE_MAGIC = b"SQLite format 3\x00"


def default_library_path() -> Path:
    """``$SVERKA_DB`` if set, else ``library.sqlite3`` in the user's data directory."""
    env = os.environ.get(DB_ENV_VAR)
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path

    return user_data_path("sverka", appauthor=False) / DB_FILENAME


class LibrarySessions:
    """Sessions of a library: ``sessions()`` to read, ``sessions.begin()`` to write.

    A writing session starts with ``BEGIN IMMEDIATE``: it takes the write lock
    first, waiting for another writer (busy timeout) instead of failing with
    "locked" after doing all its reading, as a deferred transaction in WAL
    mode does.  Reading sessions start a plain ``BEGIN`` and never wait.
    """

    def __init__(self, engine: Engine, *, read_only: bool, path: Path) -> None:
        self._read = sessionmaker(engine, expire_on_commit=False)
        self._write = sessionmaker(engine.execution_options(sverka_write=True), expire_on_commit=False)
        self._read_only = read_only
        self._path = path

    def __call__(self) -> Session:
        return self._read()

    def begin(self) -> Any:
        if self._read_only:
            raise LibraryReadOnlyError(self._path)
        return self._write.begin()


@dataclass(frozen=True)
class Library:
    """An open library: the engine and its sessions (one per unit of work)."""

    path: Path
    engine: Engine
    sessions: LibrarySessions
    backup_path: Path | None = None
    read_only: bool = False

    def close(self) -> None:
        self.engine.dispose()


def _configure_connection(dbapi_conn: sqlite3.Connection, read_only: bool) -> None:
    cur = dbapi_conn.cursor()
    cur.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    cur.execute("PRAGMA foreign_keys = ON")
    if not read_only:
        cur.execute("PRAGMA journal_mode = WAL")
        cur.execute("PRAGMA synchronous = NORMAL")
    cur.close()


def _begin(conn: Any) -> None:
    write = conn.get_execution_options().get("sverka_write", False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if write else "BEGIN")


def make_engine(path: Path, *, read_only: bool = False, immutable: bool = False) -> Engine:
    """An engine on the library file; every SQLite failure it meets is raised as a
    typed ``LibraryError`` (locked, full disk, damaged, read-only…), for every
    caller at once."""
    if read_only:
        flags = "mode=ro" + ("&immutable=1" if immutable else "")
        url = f"sqlite:///file:{quote(str(path))}?{flags}&uri=true"
    else:
        url = f"sqlite:///{path}"
    engine = create_engine(url, connect_args={"timeout": BUSY_TIMEOUT_MS / 1000})
    event.listen(engine, "connect", lambda conn, _rec: _configure_connection(conn, read_only))
    # pysqlite's own transaction handling defers BEGIN; emit it ourselves so that
    # a unit of work is one real SQLite transaction (see SQLAlchemy's SQLite docs).
    event.listen(engine, "connect", lambda conn, _rec: setattr(conn, "isolation_level", None))
    event.listen(engine, "begin", _begin)
    event.listen(engine, "handle_error", lambda ctx: _typed_error(ctx, path, read_only))
    return engine


def _typed_error(context: Any, path: Path, read_only: bool) -> Exception | None:
    exc = context.original_exception
    if not isinstance(exc, sqlite3.OperationalError | sqlite3.DatabaseError) or isinstance(exc, sqlite3.IntegrityError):
        return None
    mapped = translate_db_error(exc, path, read_only=read_only)
    return mapped if isinstance(mapped, LibraryError) else None


# Virtual FTS5 tables (and their shadow tables) are created with raw SQL in the
# migrations and are invisible to autogenerate and to schema comparison.
_FTS_PREFIXES = ("sentence_search",)


def include_object(obj: object, name: str | None, type_: str, reflected: bool, compare_to: object) -> bool:
    """Alembic filter: leave the FTS5 tables out of autogenerate."""
    return not (type_ == "table" and name is not None and name.startswith(_FTS_PREFIXES))


def _alembic_config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


_REVISION_LINE = re.compile(r"""^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(?:['"]([^'"]+)['"]|None)""", re.M)


@functools.cache
def migration_graph() -> dict[str, str | None]:
    """Every migration's revision and the one it follows, read from the files' headers.

    Alembic's own reading of the scripts imports Alembic and runs every
    migration module (about 0.6 s of each start); a library that is up to date
    needs neither, so Alembic is loaded only when a migration is due.  A test
    checks that this graph is Alembic's.
    """
    graph: dict[str, str | None] = {}
    for path in sorted((MIGRATIONS_DIR / "versions").glob("*.py")):
        found = dict((name, value or None) for name, value in _REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" in found and found["revision"]:
            graph[found["revision"]] = found.get("down_revision")
    return graph


def head_revision() -> str:
    graph = migration_graph()
    heads = set(graph) - {down for down in graph.values() if down}
    if len(heads) != 1:
        raise RuntimeError(f"the migrations have {len(heads)} heads ({', '.join(sorted(heads))}); merge them")
    return heads.pop()


def _current_revision(conn: Any) -> str | None:
    """The library's schema revision (Alembic's ``alembic_version`` table), None for a new file."""
    exists = conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").first()
    if exists is None:
        return None
    return conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()


def _check_sqlite_file(path: Path) -> None:
    if not path.exists() or path.stat().st_size == 0:
        return
    with path.open("rb") as fh:
        magic = fh.read(len(_SQLITE_MAGIC))
    if magic != _SQLITE_MAGIC:
        raise LibraryCorruptError(path, "not a SQLite database")


def translate_db_error(exc: BaseException, path: Path, *, read_only: bool = False) -> Exception:
    """Map a raw SQLite failure onto the library's typed errors."""
    if isinstance(exc, LibraryError):
        return exc
    message = str(getattr(exc, "orig", exc)).lower()
    if "readonly" in message or "read-only" in message:
        return LibraryReadOnlyError(path) if read_only else LibraryUnwritableError(path, message)
    if "locked" in message or "busy" in message:
        return LibraryLockedError(path)
    if "disk is full" in message or "database or disk is full" in message:
        return DiskFullError(path)
    if "malformed" in message or "not a database" in message or "disk image" in message:
        return LibraryCorruptError(path, message)
    if "unable to open" in message or "disk i/o error" in message:
        return LibraryUnwritableError(path, message)
    return exc if isinstance(exc, Exception) else RuntimeError(str(exc))


def _upgrade(engine: Engine, path: Path) -> None:
    """Run the migrations to head in one transaction, with foreign keys off.

    A migration that rebuilds a table (Alembic's batch mode on SQLite) drops the
    old one; with foreign keys on, that drop deletes every row that refers to
    it through ON DELETE CASCADE (all sentences, when ``paragraphs`` is rebuilt).
    SQLite's own procedure for such changes: keys off outside the transaction,
    change, ``foreign_key_check`` before commit, keys back on.
    """
    from alembic import command

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


def writable(path: Path) -> bool:
    """Can Sverka write the library file (and the journal files beside it)?"""
    folder = path.parent
    if not os.access(folder, os.W_OK | os.X_OK):
        return False
    return not path.exists() or os.access(path, os.W_OK)


def open_library(path: Path | None = None, *, migrate: bool = True, read_only: bool | None = None) -> Library:
    """Open (creating or migrating as needed) the library at ``path``.

    A library whose file or folder cannot be written is opened read-only
    (``read_only=None`` detects it; ``True`` asks for it): it can be read,
    and every change is refused with ``LibraryReadOnlyError``.
    """
    path = (path or default_library_path()).expanduser()
    if read_only is None:
        read_only = path.exists() and not writable(path)
    if not read_only:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise LibraryUnwritableError(path, exc.strerror or str(exc)) from exc
    elif not path.exists():
        raise LibraryUnwritableError(path, "the file does not exist and cannot be created read-only")
    _check_sqlite_file(path)
    if read_only:
        return _open_read_only(path)
    existed = path.exists() and path.stat().st_size > 0
    engine = make_engine(path)
    backup_path: Path | None = None
    try:
        current = _check_and_revision(engine, path)
        head = head_revision()
        if migrate and current != head:
            if existed:
                from db.backups import backup_library

                backup_path = backup_library(path, reason=f"before-migrating-from-{current or 'unversioned'}")
            _upgrade(engine, path)
            log.info("library %s migrated from %s to %s", path, current, head)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        engine.dispose()
        raise translate_db_error(exc, path) from exc
    except Exception:
        engine.dispose()
        raise
    return Library(path=path, engine=engine, sessions=LibrarySessions(engine, read_only=False, path=path),
                   backup_path=backup_path)


def _check_and_revision(engine: Engine, path: Path) -> str | None:
    with engine.connect() as conn:
        integrity = conn.exec_driver_sql("PRAGMA quick_check").scalar()
        if integrity != "ok":
            raise LibraryCorruptError(path, str(integrity))
        current = _current_revision(conn)
    if current is not None and current not in migration_graph():
        raise LibraryTooNewError(path, current)
    return current


def _open_read_only(path: Path) -> Library:
    """Read a library that cannot be written.  A WAL library in a read-only
    folder cannot get its shared-memory file: then it is read as immutable."""
    last: Exception | None = None
    for immutable in (False, True):
        engine = make_engine(path, read_only=True, immutable=immutable)
        try:
            current = _check_and_revision(engine, path)
        except LibraryReadOnlyError as exc:
            engine.dispose()
            last = exc
            continue
        except LibraryUnwritableError as exc:
            engine.dispose()
            last = exc
            continue
        except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
            engine.dispose()
            last = translate_db_error(exc, path, read_only=True)
            continue
        except Exception:
            engine.dispose()
            raise
        if current != head_revision():
            engine.dispose()
            raise LibraryReadOnlyError(path, "it needs upgrading to this version of Sverka, which means writing it")
        log.info("library %s opened read-only%s", path, " (immutable)" if immutable else "")
        return Library(path=path, engine=engine, sessions=LibrarySessions(engine, read_only=True, path=path),
                       read_only=True)
    assert last is not None
    raise last


def schema_revision(library: Library) -> str | None:
    with library.engine.connect() as conn:
        return _current_revision(conn)


def restore_backup(library: Library, backup: Path) -> Path:
    """Put the library back as it was in ``backup``, in place and in one transaction.

    The library as it is now is backed up first (returned), so the restore
    can itself be undone.  A backup from an older schema is migrated.
    """
    from db.backups import backup_library, restore_into

    if library.read_only:
        raise LibraryReadOnlyError(library.path)
    before = backup_library(library.path, reason="before-restore")
    try:
        with library.engine.connect() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            restore_into(raw, backup)
        if _check_and_revision(library.engine, library.path) != head_revision():
            _upgrade(library.engine, library.path)
    except (OperationalError, DBAPIError, sqlite3.DatabaseError) as exc:
        raise translate_db_error(exc, library.path) from exc
    log.info("library %s restored from %s (the library as it was: %s)", library.path, backup, before)
    return before
