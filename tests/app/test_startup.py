"""Starting Sverka: the clear message instead of Qt's abort, ``sverka doctor``,
the application icon, and ``sverka FILE`` opening or importing the file."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app import cli
from app.desktop import ICON_SIZES, application_icon, open_with
from app.doctor import collect, run_doctor
from db.engine import head_revision
from db.services import library as library_service
from resources import library_dir

REPO_ROOT = Path(__file__).resolve().parents[2]


def _no_display(monkeypatch: pytest.MonkeyPatch) -> None:
    for var in ("DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE", "SVERKA_NO_DISPLAY_CHECK"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("QT_QPA_PLATFORM", "xcb")


def test_without_a_display_sverka_explains_and_exits_with_its_own_code(monkeypatch, capsys, tmp_path) -> None:
    _no_display(monkeypatch)
    import app.main

    monkeypatch.setattr(app.main, "run_gui", lambda **_kw: pytest.fail("the window must not be attempted"))
    assert cli.main(["--db", str(tmp_path / "lib.sqlite3")]) == cli.EXIT_NO_DISPLAY
    err = capsys.readouterr().err
    assert "Sverka cannot open its window" in err
    assert "No graphical display" in err
    assert "`sverka list`" in err
    assert not (tmp_path / "lib.sqlite3").exists()


def test_the_check_can_be_skipped_for_set_ups_it_misjudges(monkeypatch, tmp_path) -> None:
    _no_display(monkeypatch)
    monkeypatch.setenv("SVERKA_NO_DISPLAY_CHECK", "1")
    import app.main

    calls = []
    monkeypatch.setattr(app.main, "run_gui", lambda **kw: calls.append(kw) or 0)
    assert cli.main(["--db", str(tmp_path / "lib.sqlite3")]) == 0
    assert calls == [{"db_path": tmp_path / "lib.sqlite3", "open_path": None}]


def test_a_file_argument_reaches_the_window(monkeypatch, tmp_path) -> None:
    import app.main

    text = tmp_path / "note.txt"
    text.write_text("A note.", encoding="utf-8")
    calls = []
    monkeypatch.setattr(app.main, "run_gui", lambda **kw: calls.append(kw) or 0)
    assert cli.main(["--db", str(tmp_path / "lib.sqlite3"), str(text)]) == 0  # offscreen in tests
    assert calls == [{"db_path": tmp_path / "lib.sqlite3", "open_path": text}]


@pytest.mark.slow
def test_a_real_start_without_display_prints_the_message_not_a_qt_abort(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in {"DISPLAY", "WAYLAND_DISPLAY", "XDG_SESSION_TYPE"}}
    env["QT_QPA_PLATFORM"] = "xcb"
    result = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(tmp_path / "lib.sqlite3")],
        cwd=REPO_ROOT, env=env, capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == cli.EXIT_NO_DISPLAY, result.stderr
    assert "Sverka cannot open its window" in result.stderr
    assert "qt.qpa" not in result.stderr


def test_doctor_reports_versions_fts5_and_the_library_schema(bundled_library_path, capsys) -> None:
    assert run_doctor(bundled_library_path) == cli.EXIT_OK  # offscreen: a window can be opened
    out = capsys.readouterr().out
    assert "FTS5 available" in out
    assert f"schema {head_revision()}, up to date, 7 texts" in out
    assert "Qt platform plugin: offscreen" in out
    report = collect(bundled_library_path)
    assert report.healthy
    assert report.qt_version.startswith("6.")


def test_doctor_does_not_create_a_missing_library(tmp_path, capsys) -> None:
    target = tmp_path / "nothing-yet.sqlite3"
    run_doctor(target)
    assert "not created yet" in capsys.readouterr().out
    assert not target.exists()


def test_doctor_says_when_the_file_is_not_a_library(tmp_path, capsys) -> None:
    bad = tmp_path / "notes.sqlite3"
    bad.write_text("these are notes, not a database", encoding="utf-8")
    assert run_doctor(bad) == cli.EXIT_LIBRARY
    assert "not a readable SQLite database" in capsys.readouterr().out


def test_doctor_without_display_repeats_the_diagnosis(monkeypatch, tmp_path, capsys) -> None:
    _no_display(monkeypatch)
    assert run_doctor(tmp_path / "lib.sqlite3") == cli.EXIT_NO_DISPLAY
    out = capsys.readouterr().out
    assert "CANNOT be opened" in out and "No graphical display" in out


def test_application_icon_has_every_size(qapp) -> None:
    icon = application_icon()
    sizes = {s.width() for s in icon.availableSizes()}
    assert set(ICON_SIZES) <= sizes
    # 2x screens get the 64 px picture for a 32 px icon, not a blurred 32 px one.
    assert icon.pixmap(32, 32).size().width() >= 32


def test_opening_a_file_already_in_the_library_shows_it(window, runner, bundled_library, qtbot) -> None:
    imported: list[Path] = []
    window.import_file = lambda path=None: imported.append(path)
    path = library_dir() / "texts" / "trotsky-1925-leningrad-opposition.ru.txt"
    open_with(window, runner, bundled_library, path)
    assert imported == []
    shown = window.current_text_id()
    assert shown is not None
    with bundled_library.sessions() as session:
        info = library_service.get_text(session, shown)
    assert info.lang == "ru" and info.kind == "back_translation"
    assert "already in the library" in window.statusBar().currentMessage()


def test_opening_a_new_file_starts_the_import_dialog_for_it(window, runner, bundled_library, tmp_path) -> None:
    imported: list[Path] = []
    window.import_file = lambda path=None: imported.append(path)
    new = tmp_path / "new.ru.txt"
    new.write_text("Это новый текст. Его ещё нет в библиотеке.", encoding="utf-8")
    open_with(window, runner, bundled_library, new)
    assert imported == [new]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_install_desktop_command_writes_a_valid_entry(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert cli.main(["install-desktop"]) == 0
    entry = tmp_path / "applications" / "sverka.desktop"
    assert "Installed the menu entry" in capsys.readouterr().out
    assert subprocess.run(["desktop-file-validate", str(entry)]).returncode == 0
    assert cli.main(["install-desktop", "--uninstall"]) == 0
    assert not entry.exists()
