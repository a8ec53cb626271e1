"""Fixtures for window tests (pytest-qt, offscreen): a runner that runs jobs inline,
and a main window on a copy of the bundled library."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication

from app.tasks import TaskRunner
from app.views.main_window import MainWindow


@pytest.fixture
def runner(qtbot) -> Iterator[TaskRunner]:
    r = TaskRunner(inline=True)
    yield r
    assert not r.busy, "a background job was left running"
    r.shutdown()


@pytest.fixture
def window(qtbot, bundled_library, runner) -> Iterator[MainWindow]:
    w = MainWindow(bundled_library, runner)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    yield w
    w.close()
    QApplication.processEvents()
