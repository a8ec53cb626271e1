"""Fixtures for window tests (pytest-qt, offscreen): a runner that runs jobs inline,
and a main window on a copy of the bundled library."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from app.settings import Settings
from app.tasks import TaskRunner
from app.views.main_window import MainWindow


@pytest.fixture(autouse=True)
def _settings_in_tmp(tmp_path: Path) -> None:
    """No test may read or write the user's real settings."""
    for fmt in (QSettings.Format.NativeFormat, QSettings.Format.IniFormat):
        QSettings.setPath(fmt, QSettings.Scope.UserScope, str(tmp_path / "qsettings"))


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings.from_file(str(tmp_path / "settings.ini"))


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner(inline=True)
    yield r
    assert not r.busy, "a background job was left running"
    r.shutdown()


@pytest.fixture
def window(qtbot, bundled_library, runner, settings) -> Iterator[MainWindow]:
    w = MainWindow(bundled_library, runner, settings=settings)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    QApplication.processEvents()

