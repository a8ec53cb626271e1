"""Desktop integration without Qt: the menu entry, its installation, the icons,
``sverka FILE`` on the command line, and finding a file already in the library."""

from __future__ import annotations

import shutil
import struct
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import build_parser, split_open_path
from app.desktop import (
    DESKTOP_TEMPLATE,
    ICON_SIZES,
    desktop_entry_text,
    find_text_for_file,
    icon_png_path,
    icon_svg_path,
    install_desktop,
    quote_exec_argument,
    sverka_command,
    uninstall_desktop,
)
from resources import library_dir


def parse_desktop_entry(text: str) -> dict[str, str]:
    """The [Desktop Entry] group as a dict, checking the basic syntax on the way."""
    lines = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    assert lines[0] == "[Desktop Entry]"
    entry: dict[str, str] = {}
    for line in lines[1:]:
        assert not line.startswith("["), "only one group is expected"
        key, sep, value = line.partition("=")
        assert sep and key == key.strip() and key, f"not a key=value line: {line!r}"
        assert key not in entry, f"duplicate key {key}"
        entry[key] = value
    return entry


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()[:24]
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_the_bundled_entry_has_what_menus_and_open_with_need() -> None:
    entry = parse_desktop_entry(DESKTOP_TEMPLATE.read_text(encoding="utf-8"))
    assert entry["Type"] == "Application"
    assert entry["Name"] == "Sverka" and entry["Name[ru]"] == "Сверка"
    assert entry["Icon"] == "sverka"
    assert entry["Exec"].endswith(" %f")
    assert {"text/plain", "text/markdown", "text/html"} <= set(entry["MimeType"].rstrip(";").split(";"))
    assert entry["Categories"].endswith(";")


def test_installed_entry_runs_this_sverka_even_from_a_path_with_spaces() -> None:
    text = desktop_entry_text(["/home/a b/venv/bin/sverka"])
    entry = parse_desktop_entry(text)
    assert entry["Exec"] == '"/home/a b/venv/bin/sverka" %f'
    assert "TryExec" not in entry  # TryExec cannot be quoted
    plain = parse_desktop_entry(desktop_entry_text(["/opt/venv/bin/sverka"]))
    assert plain["Exec"] == "/opt/venv/bin/sverka %f"
    assert plain["TryExec"] == "/opt/venv/bin/sverka"
    python = parse_desktop_entry(desktop_entry_text(["/usr/bin/python3", "-m", "app.cli"]))
    assert python["Exec"] == "/usr/bin/python3 -m app.cli %f"


def test_exec_quoting_follows_the_specification() -> None:
    assert quote_exec_argument("/usr/bin/sverka") == "/usr/bin/sverka"
    assert quote_exec_argument("100%") == "100%%"
    # Inside quotes `"` is escaped with a backslash, and every backslash is doubled again
    # by the string-level escape rule.
    assert quote_exec_argument('a"b') == '"a\\\\"b"'


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validate_accepts_the_template_and_the_installed_entry(tmp_path: Path) -> None:
    template = subprocess.run(["desktop-file-validate", str(DESKTOP_TEMPLATE)], capture_output=True, text=True)
    assert template.returncode == 0, template.stdout + template.stderr
    installed = install_desktop(tmp_path, ["/tmp/with space/sverka"]).desktop_file
    result = subprocess.run(["desktop-file-validate", str(installed)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_icons_exist_in_every_size() -> None:
    assert icon_svg_path().read_text(encoding="utf-8").lstrip().startswith("<?xml")
    for size in ICON_SIZES:
        assert png_size(icon_png_path(size)) == (size, size)


def test_install_and_uninstall_for_the_current_user(tmp_path: Path) -> None:
    result = install_desktop(tmp_path, ["/opt/sverka/bin/sverka"])
    assert result.desktop_file == tmp_path / "applications" / "sverka.desktop"
    assert parse_desktop_entry(result.desktop_file.read_text(encoding="utf-8"))["Exec"] == "/opt/sverka/bin/sverka %f"
    assert (tmp_path / "icons/hicolor/scalable/apps/sverka.svg").is_file()
    for size in ICON_SIZES:
        assert png_size(tmp_path / f"icons/hicolor/{size}x{size}/apps/sverka.png") == (size, size)
    install_desktop(tmp_path, ["/opt/sverka/bin/sverka"])  # installing twice is fine
    uninstall_desktop(tmp_path)
    assert not result.desktop_file.exists()
    assert not list((tmp_path / "icons").rglob("sverka.*"))


def test_sverka_command_prefers_the_running_script(tmp_path: Path) -> None:
    script = tmp_path / "sverka"
    script.write_text("#!/bin/sh\n")
    assert sverka_command(str(script), which="") == [str(script)]
    assert sverka_command("/nonexistent/python", which="/usr/local/bin/sverka") == ["/usr/local/bin/sverka"]
    assert sverka_command("", which="") == [sys.executable, "-m", "app.cli"]


def test_a_file_on_the_command_line_is_taken_out_before_argparse(tmp_path: Path) -> None:
    parser = build_parser()
    text = tmp_path / "notes.ru.txt"
    text.write_text("Текст.", encoding="utf-8")
    assert split_open_path(parser, [str(text)]) == ([], text)
    assert split_open_path(parser, ["--db", "lib.sqlite3", "-v", str(text)]) == (["--db", "lib.sqlite3", "-v"], text)
    assert split_open_path(parser, ["list", "--json"]) == (["list", "--json"], None)
    importing = ["import", str(text), "--lang", "ru"]
    assert split_open_path(parser, importing) == (importing, None)
    assert split_open_path(parser, []) == ([], None)
    with pytest.raises(SystemExit):
        split_open_path(parser, [str(tmp_path / "missing.txt")])


def test_find_text_for_file_recognises_a_text_already_in_the_library(bundled_library, tmp_path: Path) -> None:
    from db.services import library as library_service

    bundled = library_dir() / "texts" / "trotsky-1925-leningrad-opposition.ru.txt"
    text_id = find_text_for_file(bundled_library, bundled)
    assert text_id is not None
    with bundled_library.sessions() as session:
        info = library_service.get_text(session, text_id)
    assert info.lang == "ru" and info.bundled
    # The language is found from the text, whatever the file name says.
    renamed = tmp_path / "leningrad.txt"
    shutil.copyfile(bundled, renamed)
    assert find_text_for_file(bundled_library, renamed) == text_id

    new = tmp_path / "new.txt"
    new.write_text("A short note that is not in the library at all.", encoding="utf-8")
    assert find_text_for_file(bundled_library, new) is None
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    assert find_text_for_file(bundled_library, empty) is None
