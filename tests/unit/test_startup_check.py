"""The display check on fake machines: no display, a display without the X11 libraries,
everything present, headless platforms, Wayland.  No Qt is imported here."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.startup_check import (
    XCB_LIBRARIES,
    diagnose_display,
    distribution_family,
    read_os_release,
    requested_platforms,
)

DEBIAN = {"ID": "debian"}
UBUNTU = {"ID": "ubuntu", "ID_LIKE": "debian"}
FEDORA = {"ID": "fedora"}


def all_present(soname: str) -> str:
    return f"/usr/lib/{soname}"


def missing(*absent: str):
    return lambda soname: None if soname in absent else f"/usr/lib/{soname}"


def no_files(_path: str) -> bool:
    return False


def test_no_display_at_all_says_so_and_points_to_the_command_line() -> None:
    d = diagnose_display({}, find_library=all_present, path_exists=no_files, os_release=DEBIAN)
    assert not d.can_open_window
    assert d.no_display
    assert d.missing_libraries == ()
    assert "No graphical display" in d.message
    assert "`sverka list`" in d.message and "`sverka import FILE" in d.message
    assert "Install" not in d.message


def test_display_without_the_xcb_libraries_names_them_and_the_apt_command() -> None:
    find = missing("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0")
    d = diagnose_display({"DISPLAY": ":0"}, find_library=find, path_exists=no_files, os_release=UBUNTU)
    assert not d.can_open_window and not d.no_display
    assert d.missing_libraries == ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxkbcommon-x11.so.0")
    assert d.debian_packages == ("libxcb-cursor0", "libxcb-icccm4", "libxkbcommon-x11-0")
    assert [c.command for c in d.install_commands] == [
        "sudo apt install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0"
    ]
    # The command stands on a line of its own, ready to copy.
    assert "    sudo apt install libxcb-cursor0 libxcb-icccm4 libxkbcommon-x11-0\n" in d.message
    assert "libxcb-cursor.so.0" in d.message


def test_fedora_gets_the_dnf_command_and_an_unknown_system_gets_both() -> None:
    find = missing("libxcb-cursor.so.0", "libxcb-keysyms.so.1")
    fedora = diagnose_display({"DISPLAY": ":0"}, find_library=find, path_exists=no_files, os_release=FEDORA)
    assert [c.command for c in fedora.install_commands] == ["sudo dnf install xcb-util-cursor xcb-util-keysyms"]
    other = diagnose_display({"DISPLAY": ":0"}, find_library=find, path_exists=no_files, os_release={"ID": "gentoo"})
    assert [c.distribution for c in other.install_commands] == ["Debian, Ubuntu", "Fedora"]
    assert "# Fedora" in other.message


def test_root_is_not_told_to_use_sudo() -> None:
    d = diagnose_display(
        {"DISPLAY": ":0"}, find_library=missing("libxcb-icccm.so.4"), path_exists=no_files,
        os_release=DEBIAN, use_sudo=False,
    )
    assert d.install_commands[0].command == "apt install libxcb-icccm4"


def test_packages_are_listed_once_even_when_several_libraries_share_one() -> None:
    d = diagnose_display(
        {"DISPLAY": ":0"}, find_library=missing("libxcb-shm.so.0", "libxcb-sync.so.1"),
        path_exists=no_files, os_release=FEDORA,
    )
    assert d.fedora_packages == ("libxcb",)
    assert d.install_commands[0].command == "sudo dnf install libxcb"


def test_everything_present_opens_the_window_on_xcb() -> None:
    d = diagnose_display({"DISPLAY": ":1"}, find_library=all_present, path_exists=no_files, os_release=DEBIAN)
    assert d.can_open_window
    assert d.platform == "xcb"
    assert d.display == ":1"


@pytest.mark.parametrize("platform", ["offscreen", "minimal", "vnc", "offscreen:fontengine=freetype"])
def test_headless_platforms_need_neither_a_display_nor_the_libraries(platform: str) -> None:
    d = diagnose_display(
        {"QT_QPA_PLATFORM": platform}, find_library=lambda _s: None, path_exists=no_files, os_release=DEBIAN
    )
    assert d.can_open_window
    assert d.platform == platform.split(":")[0]


def test_platform_override_wins_over_the_environment() -> None:
    d = diagnose_display(
        {"QT_QPA_PLATFORM": "xcb"}, find_library=lambda _s: None, platform_override="offscreen",
        path_exists=no_files, os_release=DEBIAN,
    )
    assert d.can_open_window and d.platform == "offscreen"


def test_wayland_session_works_without_the_x11_libraries() -> None:
    env = {"XDG_SESSION_TYPE": "wayland", "WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/user/1000"}
    sockets = {"/run/user/1000/wayland-0"}
    d = diagnose_display(
        env, find_library=missing("libxcb-cursor.so.0"), path_exists=sockets.__contains__, os_release=DEBIAN
    )
    assert d.can_open_window
    assert d.platform == "wayland"
    assert d.wayland_socket == "/run/user/1000/wayland-0"


def test_wayland_without_a_compositor_falls_back_to_x11() -> None:
    env = {"QT_QPA_PLATFORM": "wayland;xcb", "WAYLAND_DISPLAY": "wayland-0", "XDG_RUNTIME_DIR": "/run/0", "DISPLAY": ":0"}
    d = diagnose_display(env, find_library=all_present, path_exists=no_files, os_release=DEBIAN)
    assert d.can_open_window and d.platform == "xcb"


def test_wayland_only_without_a_compositor_suggests_x11_when_it_works() -> None:
    env = {"QT_QPA_PLATFORM": "wayland", "WAYLAND_DISPLAY": "wayland-0", "DISPLAY": ":0"}
    d = diagnose_display(env, find_library=all_present, path_exists=no_files, os_release=DEBIAN)
    assert not d.can_open_window
    assert "unset QT_QPA_PLATFORM" in d.message


def test_other_systems_are_not_checked() -> None:
    d = diagnose_display({}, find_library=lambda _s: None, system="win32")
    assert d.can_open_window


def test_requested_platforms_follow_qt() -> None:
    assert requested_platforms({}, None) == ["xcb"]
    assert requested_platforms({"XDG_SESSION_TYPE": "wayland"}, None) == ["wayland", "xcb"]
    assert requested_platforms({"QT_QPA_PLATFORM": "wayland-egl;xcb"}, None) == ["wayland-egl", "xcb"]


def test_distribution_families(tmp_path: Path) -> None:
    release = tmp_path / "os-release"
    release.write_text('NAME="Linux Mint"\nID=linuxmint\nID_LIKE="ubuntu debian"\n# comment\n', encoding="utf-8")
    assert distribution_family(read_os_release(release)) == "debian"
    assert distribution_family({"ID": "rocky", "ID_LIKE": "rhel centos fedora"}) == "fedora"
    assert distribution_family({"ID": "arch"}) is None
    assert read_os_release(tmp_path / "absent") == {}


def _needed(path: Path) -> list[str]:
    out = subprocess.run(["objdump", "-p", str(path)], capture_output=True, text=True, check=True).stdout
    return [line.split()[1] for line in out.splitlines() if line.strip().startswith("NEEDED")]


@pytest.mark.skipif(shutil.which("objdump") is None, reason="needs objdump to read the plugin's dependencies")
def test_the_table_covers_every_system_library_of_the_installed_xcb_plugin() -> None:
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations or not sys.platform.startswith("linux"):
        pytest.skip("PySide6 for Linux is not installed")
    qt = Path(list(spec.submodule_search_locations)[0]) / "Qt"
    plugin = qt / "plugins" / "platforms" / "libqxcb.so"
    needed = set(_needed(plugin))
    for lib in (qt / "lib").glob("libQt6XcbQpa.so*"):
        needed |= set(_needed(lib))
        break
    in_wheel = {p.name for p in (qt / "lib").iterdir()}
    toolchain = {"libc.so.6", "libm.so.6", "libstdc++.so.6", "libgcc_s.so.1"}
    system = {name for name in needed if name not in in_wheel and name not in toolchain}
    assert system <= {lib.soname for lib in XCB_LIBRARIES}
