"""Can Sverka open a window here?  Answered before Qt is touched.

Qt aborts the whole process with its own message ("Could not load the Qt
platform plugin "xcb" … even though it was found") when there is no display or
when the system libraries of its X11 plugin are missing.  ``diagnose_display``
looks at the environment and at which shared libraries can be loaded, and says
in plain words what is missing and the exact command that installs it.

It is a pure function: the environment, the library finder, the file-existence
test and the distribution are passed in, so tests run it on fake machines.
Nothing here imports Qt.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
import textwrap
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

# Platform plugins that draw without a screen: tests and CI use "offscreen".
HEADLESS_PLATFORMS = frozenset({"offscreen", "minimal", "minimalegl", "vnc", "linuxfb", "eglfs", "vkkhrdisplay"})

# Escape hatch for set-ups the check misjudges: skips it entirely.
SKIP_CHECK_ENV_VAR = "SVERKA_NO_DISPLAY_CHECK"
MESSAGE_WIDTH = 88


@dataclass(frozen=True)
class SystemLibrary:
    """A shared library a Qt platform plugin needs, and the packages that ship it."""

    soname: str
    debian: str
    fedora: str


def _libs(*rows: tuple[str, str, str]) -> tuple[SystemLibrary, ...]:
    return tuple(SystemLibrary(*row) for row in rows)


# The NEEDED entries of PySide6's plugins/platforms/libqxcb.so and of
# libQt6XcbQpa.so.6 that are not shipped inside the wheel (PySide6 6.5-6.12;
# tests/unit/test_startup_check.py compares this with the installed plugin).
XCB_LIBRARIES: tuple[SystemLibrary, ...] = _libs(
    ("libxcb-cursor.so.0", "libxcb-cursor0", "xcb-util-cursor"),
    ("libxcb-icccm.so.4", "libxcb-icccm4", "xcb-util-wm"),
    ("libxcb-image.so.0", "libxcb-image0", "xcb-util-image"),
    ("libxcb-keysyms.so.1", "libxcb-keysyms1", "xcb-util-keysyms"),
    ("libxcb-render-util.so.0", "libxcb-render-util0", "xcb-util-renderutil"),
    ("libxcb-util.so.1", "libxcb-util1", "xcb-util"),
    ("libxkbcommon-x11.so.0", "libxkbcommon-x11-0", "libxkbcommon-x11"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libxcb-randr.so.0", "libxcb-randr0", "libxcb"),
    ("libxcb-render.so.0", "libxcb-render0", "libxcb"),
    ("libxcb-shape.so.0", "libxcb-shape0", "libxcb"),
    ("libxcb-shm.so.0", "libxcb-shm0", "libxcb"),
    ("libxcb-sync.so.1", "libxcb-sync1", "libxcb"),
    ("libxcb-xfixes.so.0", "libxcb-xfixes0", "libxcb"),
    ("libxcb-xkb.so.1", "libxcb-xkb1", "libxcb"),
    ("libxcb.so.1", "libxcb1", "libxcb"),
    ("libX11-xcb.so.1", "libx11-xcb1", "libX11-xcb"),
    ("libX11.so.6", "libx11-6", "libX11"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
    ("libEGL.so.1", "libegl1", "libglvnd-egl"),
    ("libglib-2.0.so.0", "libglib2.0-0", "glib2"),
    ("libgthread-2.0.so.0", "libglib2.0-0", "glib2"),
    ("libfontconfig.so.1", "libfontconfig1", "fontconfig"),
    ("libfreetype.so.6", "libfreetype6", "freetype"),
    ("libdbus-1.so.3", "libdbus-1-3", "dbus-libs"),
)

# What PySide6's plugins/platforms/libqwayland.so needs beyond the wheel and the above.
WAYLAND_LIBRARIES: tuple[SystemLibrary, ...] = _libs(
    ("libwayland-client.so.0", "libwayland-client0", "libwayland-client"),
    ("libwayland-cursor.so.0", "libwayland-cursor0", "libwayland-cursor"),
    ("libxkbcommon.so.0", "libxkbcommon0", "libxkbcommon"),
    ("libGL.so.1", "libgl1", "libglvnd-glx"),
)

CLI_HINT = (
    "The command-line tools work without a display: `sverka list`, `sverka show ID`, "
    "`sverka import FILE --lang ru|en`, `sverka align`, `sverka glossary show TERM` "
    "(see `sverka --help`); `sverka doctor` repeats this diagnosis."
)


@dataclass(frozen=True)
class InstallCommand:
    """A shell command that installs missing libraries on one family of distributions."""

    distribution: str  # "Debian, Ubuntu" or "Fedora"
    command: str


@dataclass(frozen=True)
class DisplayDiagnosis:
    """Whether a window can be opened, and if not, what is missing and how to get it."""

    can_open_window: bool
    platform: str | None  # the Qt platform plugin expected to be used ("xcb", "wayland", "offscreen"…)
    display: str | None = None  # $DISPLAY, when set
    wayland_socket: str | None = None  # path of the Wayland socket found, if any
    no_display: bool = False
    missing_libraries: tuple[str, ...] = ()  # sonames the X11 plugin needs and cannot load
    debian_packages: tuple[str, ...] = ()
    fedora_packages: tuple[str, ...] = ()
    install_commands: tuple[InstallCommand, ...] = ()
    notes: tuple[str, ...] = field(default=())

    @property
    def message(self) -> str:
        """One paragraph for the terminal: what is missing, the command that installs it
        (on a line of its own, to copy), and what works without a window."""
        if self.can_open_window:
            return f"A window can be opened (Qt platform plugin: {self.platform})."
        parts = ["Sverka cannot open its window."]
        if self.no_display:
            parts.append(
                "No graphical display was found: neither DISPLAY nor WAYLAND_DISPLAY is set "
                "(a text console, or an SSH session without X forwarding `ssh -X`?)."
            )
        parts.extend(self.notes)
        commands = ""
        if self.missing_libraries:
            lead = "Also, the" if self.no_display else "The"
            parts.append(
                f"{lead} X11 display support of Qt needs system libraries that are not installed: "
                + ", ".join(self.missing_libraries)
                + ". Install them with:"
            )
            labelled = len(self.install_commands) > 1
            commands = "\n".join(
                f"    {c.command}" + (f"    # {c.distribution}" if labelled else "") for c in self.install_commands
            )
        head = _fill(" ".join(parts))
        tail = _fill(CLI_HINT)
        return f"{head}\n{commands}\n{tail}" if commands else f"{head}\n{tail}"


def _fill(text: str) -> str:
    """Wrap ``text`` without breaking a `command in backticks` across lines."""
    protected = re.sub(r"`[^`]*`", lambda m: m.group(0).replace(" ", "\x00"), text)
    wrapped = textwrap.fill(protected, width=MESSAGE_WIDTH, break_on_hyphens=False, break_long_words=False)
    return wrapped.replace("\x00", " ")


def load_library(soname: str) -> str | None:
    """The default library finder: ``soname`` if the dynamic loader can load it (with its own
    dependencies), else None.  Loading is the real test: a library found by ``ldconfig``
    whose dependencies are missing would still make Qt abort."""
    try:
        ctypes.CDLL(soname)
    except OSError:
        return None
    return soname


def read_os_release(path: Path = Path("/etc/os-release")) -> dict[str, str]:
    """``/etc/os-release`` as a dict (empty when unreadable)."""
    out: dict[str, str] = {}
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return out
    for line in lines:
        key, sep, value = line.partition("=")
        if sep and key.strip() and not key.startswith("#"):
            out[key.strip()] = value.strip().strip("\"'")
    return out


def distribution_family(os_release: Mapping[str, str]) -> str | None:
    """"debian" (Debian, Ubuntu, Mint…), "fedora" (Fedora, RHEL, CentOS…) or None."""
    ids = {os_release.get("ID", "").lower(), *os_release.get("ID_LIKE", "").lower().split()}
    if ids & {"debian", "ubuntu"}:
        return "debian"
    if ids & {"fedora", "rhel", "centos"}:
        return "fedora"
    return None


def install_commands(
    libraries: Iterable[SystemLibrary], os_release: Mapping[str, str], *, use_sudo: bool = True
) -> tuple[InstallCommand, ...]:
    """The command(s) installing ``libraries``: one for a known distribution, else Debian's and Fedora's."""
    libs = list(libraries)
    debian = _unique(lib.debian for lib in libs)
    fedora = _unique(lib.fedora for lib in libs)
    sudo = "sudo " if use_sudo else ""
    apt = InstallCommand("Debian, Ubuntu", f"{sudo}apt install {' '.join(debian)}")
    dnf = InstallCommand("Fedora", f"{sudo}dnf install {' '.join(fedora)}")
    family = distribution_family(os_release)
    if family == "debian":
        return (apt,)
    if family == "fedora":
        return (dnf,)
    return (apt, dnf)


def _unique(names: Iterable[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(names))


def missing_libraries(
    libraries: Iterable[SystemLibrary], find_library: Callable[[str], str | None]
) -> tuple[SystemLibrary, ...]:
    """The ``libraries`` that ``find_library`` cannot find (each soname asked once)."""
    found: dict[str, bool] = {}
    out = []
    for lib in libraries:
        if lib.soname not in found:
            found[lib.soname] = find_library(lib.soname) is not None
        if not found[lib.soname]:
            out.append(lib)
    return tuple(out)


def requested_platforms(env: Mapping[str, str], platform_override: str | None) -> list[str]:
    """The platform plugins Qt will try, in order (as Qt 6 picks them on Linux)."""
    spec = platform_override or env.get("QT_QPA_PLATFORM", "")
    # "wayland;xcb" is a fallback list; "xcb:option=value" carries plugin options.
    names = [part.split(":", 1)[0].strip().lower() for part in spec.split(";")]
    names = [n for n in names if n]
    if names:
        return names
    names = ["xcb"]
    # Qt 6 puts the session's own platform first when XDG_SESSION_TYPE says which.
    if env.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        names.insert(0, "wayland")
    return names


def wayland_socket(env: Mapping[str, str], path_exists: Callable[[str], bool]) -> str | None:
    """The Wayland compositor's socket, if one is there (WAYLAND_DISPLAY under XDG_RUNTIME_DIR)."""
    name = env.get("WAYLAND_DISPLAY", "")
    if not name:
        return None
    path = name if name.startswith("/") else os.path.join(env.get("XDG_RUNTIME_DIR", ""), name)
    return path if path_exists(path) else None


def diagnose_display(
    env: Mapping[str, str],
    *,
    find_library: Callable[[str], str | None],
    platform_override: str | None = None,
    path_exists: Callable[[str], bool] = os.path.exists,
    os_release: Mapping[str, str] | None = None,
    system: str = sys.platform,
    use_sudo: bool = True,
) -> DisplayDiagnosis:
    """Tell whether Qt can open a window in ``env`` on this machine, without touching Qt.

    ``find_library(soname)`` returns a path (or the name) when the library can be
    loaded, None when it cannot.  ``platform_override`` is a ``-platform`` argument.
    """
    if not system.startswith("linux") and not system.startswith("freebsd"):
        return DisplayDiagnosis(True, platform_override or env.get("QT_QPA_PLATFORM") or None)
    candidates = requested_platforms(env, platform_override)
    display = env.get("DISPLAY") or None
    socket = wayland_socket(env, path_exists)
    answers: dict[str, str | None] = {}

    def lookup(soname: str) -> str | None:
        # Each library is looked up once, whichever plugin asks.
        if soname not in answers:
            answers[soname] = find_library(soname)
        return answers[soname]

    def missing(libs: tuple[SystemLibrary, ...]) -> tuple[SystemLibrary, ...]:
        return missing_libraries(libs, lookup)

    xcb_missing: tuple[SystemLibrary, ...] = ()
    notes: list[str] = []
    for name in candidates:
        if name in HEADLESS_PLATFORMS:
            return DisplayDiagnosis(True, name, display, socket)
        if name.startswith("wayland"):
            if socket is None:
                if "WAYLAND_DISPLAY" in env and len(candidates) == 1:
                    notes.append(f"No Wayland compositor socket found for WAYLAND_DISPLAY={env['WAYLAND_DISPLAY']}.")
                continue
            lacking = missing(WAYLAND_LIBRARIES)
            if not lacking:
                return DisplayDiagnosis(True, name, display, socket)
            notes.append("Wayland support needs: " + ", ".join(lib.soname for lib in lacking) + ".")
            continue
        if name == "xcb":
            xcb_missing = missing(XCB_LIBRARIES)
            if display is not None and not xcb_missing:
                return DisplayDiagnosis(True, name, display, socket)
            continue
        # A plugin we know nothing about (a custom build): let Qt try it.
        return DisplayDiagnosis(True, name, display, socket)

    if "xcb" not in candidates:
        # Asked for Wayland only: the X11 route is the usual way out.
        xcb_missing = missing(XCB_LIBRARIES)
        if display is not None and not xcb_missing:
            notes.append(f"X11 works here (DISPLAY={display}): unset QT_QPA_PLATFORM or set it to xcb.")
    release = read_os_release() if os_release is None else os_release
    no_display = display is None and socket is None
    return DisplayDiagnosis(
        can_open_window=False,
        platform=candidates[0] if candidates else None,
        display=display,
        wayland_socket=socket,
        no_display=no_display,
        missing_libraries=tuple(lib.soname for lib in xcb_missing),
        debian_packages=_unique(lib.debian for lib in xcb_missing),
        fedora_packages=_unique(lib.fedora for lib in xcb_missing),
        install_commands=install_commands(xcb_missing, release, use_sudo=use_sudo) if xcb_missing else (),
        notes=tuple(notes),
    )


def check_current_environment(platform_override: str | None = None) -> DisplayDiagnosis:
    """``diagnose_display`` on this process's environment and this machine."""
    if os.environ.get(SKIP_CHECK_ENV_VAR):
        return DisplayDiagnosis(True, os.environ.get("QT_QPA_PLATFORM") or None)
    return diagnose_display(
        os.environ,
        find_library=load_library,
        platform_override=platform_override,
        use_sudo=_needs_sudo(),
    )


def _needs_sudo() -> bool:
    geteuid = getattr(os, "geteuid", None)
    return geteuid is None or geteuid() != 0
