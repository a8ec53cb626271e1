"""Issue 15, finding 11: one window per library; a second start hands its file to the first."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from PySide6.QtCore import QDir

from app.single_instance import SingleInstance, instance_key

REPO = Path(__file__).resolve().parents[2]


def test_the_second_start_on_a_library_is_not_primary_and_reaches_the_first(qtbot, tmp_path: Path) -> None:
    library = tmp_path / "library.sqlite3"
    first = SingleInstance(library, lock_dir=tmp_path)
    code = (
        "import sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"second = SingleInstance(Path({str(library)!r}), lock_dir=Path({str(tmp_path)!r}))\n"
        "sys.exit(10 if second.primary else (0 if second.send({'open': '/tmp/book.epub'}) else 11))\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    try:
        assert first.primary
        with qtbot.waitSignal(first.request, timeout=30000) as got:
            second = subprocess.Popen([sys.executable, "-c", code], env=env, cwd=REPO)
        qtbot.waitUntil(lambda: second.poll() is not None, timeout=30000)
        assert got.args == [{"open": "/tmp/book.epub"}] and second.returncode == 0
    finally:
        first.release()


def test_another_library_has_its_own_window(tmp_path: Path, qtbot) -> None:
    a = SingleInstance(tmp_path / "a.sqlite3", lock_dir=tmp_path)
    b = SingleInstance(tmp_path / "b.sqlite3", lock_dir=tmp_path)
    try:
        assert a.primary and b.primary and a.key != b.key
        assert instance_key(tmp_path / "a.sqlite3") == instance_key(tmp_path / "." / "a.sqlite3")
    finally:
        a.release()
        b.release()


def test_a_lock_left_by_a_crashed_window_is_taken_over(tmp_path: Path, qtbot) -> None:
    library = tmp_path / "library.sqlite3"
    code = (
        "import os, sys\n"
        "from pathlib import Path\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "from app.single_instance import SingleInstance\n"
        "app = QCoreApplication([])\n"
        f"guard = SingleInstance(Path({str(library)!r}), lock_dir=Path({str(tmp_path)!r}))\n"
        "assert guard.primary\n"
        "os._exit(9)  # dies without unlocking, like a killed window\n"
    )
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    assert subprocess.run([sys.executable, "-c", code], env=env, cwd=REPO, timeout=60).returncode == 9
    again = SingleInstance(library, lock_dir=tmp_path)
    try:
        assert again.primary
    finally:
        again.release()


@pytest.mark.slow
def test_a_real_second_start_brings_the_file_to_the_first_window(bundled_library_path: Path, tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": str(REPO), "QT_QPA_PLATFORM": "offscreen", "SVERKA_NO_DISPLAY_CHECK": "1",
           "XDG_CONFIG_HOME": str(tmp_path / "config"), "XDG_DATA_HOME": str(tmp_path / "data")}
    lock = Path(QDir.tempPath()) / f"{instance_key(bundled_library_path)}.lock"
    first = subprocess.Popen([sys.executable, "-m", "app.cli", "-v", "--db", str(bundled_library_path)], env=env,
                             cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 90
        while not lock.exists() and time.monotonic() < deadline and first.poll() is None:
            time.sleep(0.2)
        assert lock.exists(), "the first window never took the library"
        note = tmp_path / "zapiska.txt"
        note.write_text("Колхозы растут. Кулаки сопротивляются.\n\nВторой абзац записки.\n", encoding="utf-8")
        second = subprocess.run([sys.executable, "-m", "app.cli", "--db", str(bundled_library_path), str(note)],
                                env=env, cwd=REPO, capture_output=True, text=True, timeout=120)
        assert second.returncode == 0 and "already open" in second.stderr, second
        time.sleep(1)
        assert first.poll() is None, "the first window must still run"
    finally:
        first.terminate()
        try:
            _, first_err = first.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            first.kill()
            _, first_err = first.communicate()
    assert f"another start asked for the window and {note.resolve()}" in first_err
    con = sqlite3.connect(bundled_library_path)
    try:
        assert con.execute("SELECT count(*) FROM texts").fetchone()[0] == 7  # nothing imported behind the user's back
    finally:
        con.close()
