"""``sverka doctor``: what Sverka finds on this machine, for the user and for bug reports.

Collects versions (Python, Qt, SQLite), whether SQLite has FTS5, where the
library is and which schema it has, and whether a window can be opened.  The
library is only read (never created or migrated) and Qt is asked for its
version only (no window, no platform plugin).
"""

from __future__ import annotations

import platform
import sqlite3
import sys
from dataclasses import dataclass
from pathlib import Path

from app.startup_check import (
    WAYLAND_LIBRARIES,
    XCB_LIBRARIES,
    DisplayDiagnosis,
    check_current_environment,
    load_library,
    missing_libraries,
)


@dataclass(frozen=True)
class LibraryStatus:
    path: Path
    exists: bool
    schema_revision: str | None  # None: new or not a Sverka library yet
    head_revision: str
    text_count: int | None
    problem: str = ""

    @property
    def summary(self) -> str:
        if self.problem:
            return f"{self.path} — {self.problem}"
        if not self.exists:
            return f"{self.path} (not created yet: the first start creates it)"
        if self.schema_revision == self.head_revision:
            state = "up to date"
        elif self.schema_revision is None:
            state = "no schema yet"
        else:
            state = f"will be migrated to {self.head_revision} at the next start (a backup is taken first)"
        texts = f", {self.text_count} texts" if self.text_count is not None else ""
        return f"{self.path} (schema {self.schema_revision or '—'}, {state}{texts})"


@dataclass(frozen=True)
class DoctorReport:
    sverka_version: str
    python: str
    system: str
    pyside_version: str
    qt_version: str
    sqlite_version: str
    fts5: bool
    library: LibraryStatus
    display: DisplayDiagnosis
    xcb_missing: tuple[str, ...] = ()  # sonames, whatever platform this process would use
    wayland_missing: tuple[str, ...] = ()

    @property
    def healthy(self) -> bool:
        return self.fts5 and not self.library.problem and self.display.can_open_window

    def lines(self) -> list[str]:
        d = self.display
        if d.can_open_window:
            window = f"can be opened (Qt platform plugin: {d.platform})"
        else:
            window = "CANNOT be opened (see below)"
        rows = [
            ("Sverka", self.sverka_version),
            ("Python", self.python),
            ("System", self.system),
            ("PySide6 / Qt", f"{self.pyside_version} / {self.qt_version}"),
            ("SQLite", f"{self.sqlite_version}, FTS5 {'available' if self.fts5 else 'MISSING (search will not work)'}"),
            ("Library", self.library.summary),
            ("Display", f"DISPLAY={d.display or '(not set)'}, Wayland socket={d.wayland_socket or '(none)'}"),
            ("X11 plugin", _libraries_state(self.xcb_missing)),
            ("Wayland plugin", _libraries_state(self.wayland_missing)),
            ("Window", window),
        ]
        out = [f"{label:<16} {value}" for label, value in rows]
        if not d.can_open_window:
            out += ["", d.message]
        return out


def _libraries_state(missing: tuple[str, ...]) -> str:
    return "system libraries present" if not missing else "missing " + ", ".join(missing)


def sverka_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("sverka")
    except PackageNotFoundError:
        return "(not installed as a package)"


def qt_versions() -> tuple[str, str]:
    """PySide6's and Qt's versions; QtCore loads no platform plugin, so this is safe headless."""
    try:
        import PySide6
        from PySide6.QtCore import qVersion
    except ImportError as exc:
        return (f"not importable ({exc})", "—")
    return (PySide6.__version__, qVersion())


def has_fts5() -> bool:
    conn = sqlite3.connect(":memory:")
    try:
        conn.execute("CREATE VIRTUAL TABLE probe USING fts5(body)")
    except sqlite3.OperationalError:
        return False
    finally:
        conn.close()
    return True


def library_status(path: Path | None) -> LibraryStatus:
    """Read the library's schema revision and size without creating or migrating it."""
    from db.engine import default_library_path, head_revision

    path = (path or default_library_path()).expanduser()
    head = head_revision()
    if not path.exists() or path.stat().st_size == 0:
        return LibraryStatus(path, False, None, head, None)
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        return LibraryStatus(path, True, None, head, None, f"cannot be opened: {exc}")
    try:
        tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        revision = None
        if "alembic_version" in tables:
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            revision = row[0] if row else None
        count = conn.execute("SELECT count(*) FROM texts").fetchone()[0] if "texts" in tables else None
    except sqlite3.DatabaseError as exc:
        return LibraryStatus(path, True, None, head, None, f"not a readable SQLite database ({exc})")
    finally:
        conn.close()
    return LibraryStatus(path, True, revision, head, count)


def collect(db_path: Path | None) -> DoctorReport:
    pyside, qt = qt_versions()
    return DoctorReport(
        sverka_version=sverka_version(),
        python=f"{platform.python_version()} ({sys.executable})",
        system=f"{platform.system()} {platform.release()} ({platform.machine()})",
        pyside_version=pyside,
        qt_version=qt,
        sqlite_version=sqlite3.sqlite_version,
        fts5=has_fts5(),
        library=library_status(db_path),
        display=check_current_environment(),
        xcb_missing=tuple(lib.soname for lib in missing_libraries(XCB_LIBRARIES, load_library)),
        wayland_missing=tuple(lib.soname for lib in missing_libraries(WAYLAND_LIBRARIES, load_library)),
    )


def run_doctor(db_path: Path | None) -> int:
    """Print the report; exit 0 when all is well, else the code of the first problem."""
    from app.cli import EXIT_ERROR, EXIT_LIBRARY, EXIT_NO_DISPLAY, EXIT_OK

    report = collect(db_path)
    print("\n".join(report.lines()))
    if report.library.problem:
        return EXIT_LIBRARY
    if not report.display.can_open_window:
        return EXIT_NO_DISPLAY
    return EXIT_OK if report.fts5 else EXIT_ERROR
