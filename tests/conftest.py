"""Test configuration shared by every test folder (no Qt here).

Qt runs headless in tests: the platform is set before anything imports Qt.
Libraries are built once per session and copied as files for each test.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.pop("SVERKA_DB", None)

REPO_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = Path(__file__).resolve().parent / "data"


@pytest.fixture(autouse=True)
def _vector_cache_in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test may write meaning vectors into the user's real cache folder."""
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="session")
def empty_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from db.engine import open_library

    path = tmp_path_factory.mktemp("template-empty") / "library.sqlite3"
    open_library(path).close()
    return path


@pytest.fixture(scope="session")
def bundled_library_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A library with the whole bundled library installed (built once: it takes seconds)."""
    from db.engine import open_library
    from db.services.bundled import ensure_bundled_library

    path = tmp_path_factory.mktemp("template-bundled") / "library.sqlite3"
    library = open_library(path)
    ensure_bundled_library(library)
    with library.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
    library.close()
    return path


def _copy_library(template: Path, target_dir: Path) -> Path:
    target = target_dir / "library.sqlite3"
    shutil.copyfile(template, target)
    return target


@pytest.fixture
def library_path(empty_library_template: Path, tmp_path: Path) -> Path:
    return _copy_library(empty_library_template, tmp_path)


@pytest.fixture
def library(library_path: Path) -> Iterator[object]:
    from db.engine import open_library

    lib = open_library(library_path)
    yield lib
    lib.close()


@pytest.fixture
def bundled_library_path(bundled_library_template: Path, tmp_path: Path) -> Path:
    return _copy_library(bundled_library_template, tmp_path)


@pytest.fixture
def bundled_library(bundled_library_path: Path) -> Iterator[object]:
    from db.engine import open_library

    lib = open_library(bundled_library_path)
    yield lib
    lib.close()
