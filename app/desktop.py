"""Desktop integration: the application icon, the freedesktop menu entry, "Open with".

``install_desktop`` copies ``resources/desktop/sverka.desktop`` (with ``Exec``
pointing at this very installation of Sverka) and the icons into the user's
data folder (``~/.local/share``), so Sverka appears in the applications menu
and in the file manager's "Open with".  ``find_text_for_file`` tells whether a
file given on the command line is already in the library.

Qt is imported only by ``application_icon``, so ``sverka install-desktop``
works without a display.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from resources import RESOURCES_DIR

if TYPE_CHECKING:
    from PySide6.QtGui import QIcon

    from db.engine import Library

log = logging.getLogger(__name__)

APP_ID = "sverka"  # desktop file name, icon name and Wayland app id
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS_DIR = RESOURCES_DIR / "icons"
DESKTOP_TEMPLATE = RESOURCES_DIR / "desktop" / f"{APP_ID}.desktop"

# Characters that force quoting of an Exec argument (Desktop Entry Specification, "The Exec key").
_EXEC_RESERVED = set(" \t\n\"'\\><~|&;$*?#()`")


def icon_svg_path() -> Path:
    return ICONS_DIR / f"{APP_ID}.svg"


def icon_png_path(size: int) -> Path:
    return ICONS_DIR / f"{APP_ID}-{size}.png"


def application_icon() -> QIcon:
    """The window and taskbar icon, from the bundled PNGs (crisp at every size and scale)."""
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size in ICON_SIZES:
        path = icon_png_path(size)
        if path.exists():
            icon.addFile(str(path))
    return icon


# --- the .desktop entry ------------------------------------------------------------------


def sverka_command(argv0: str | None = None, which: str | None = None) -> list[str]:
    """How the desktop should start this installation of Sverka: the ``sverka`` script that
    is running (or the one on PATH), else this Python with ``-m app.cli``."""
    argv0 = sys.argv[0] if argv0 is None else argv0
    script = Path(argv0) if argv0 else None
    if script is not None and script.name == APP_ID and script.is_file():
        return [str(script.absolute())]
    found = shutil.which(APP_ID) if which is None else which
    if found:
        return [found]
    return [sys.executable, "-m", "app.cli"]


def quote_exec_argument(arg: str) -> str:
    """One argument as the ``Exec`` key wants it: quoted when it holds reserved characters,
    ``%`` doubled, and the string-level backslash escape applied on top."""
    arg = arg.replace("%", "%%")
    if any(ch in _EXEC_RESERVED for ch in arg):
        arg = '"' + re.sub(r'(["`$\\])', r"\\\1", arg) + '"'
    return arg.replace("\\", "\\\\")


def desktop_entry_text(command: Sequence[str], template: str | None = None) -> str:
    """The menu entry with ``Exec`` running ``command`` on the file it is given (``%f``)."""
    text = DESKTOP_TEMPLATE.read_text(encoding="utf-8") if template is None else template
    exec_value = " ".join(quote_exec_argument(a) for a in command) + " %f"
    text = re.sub(r"(?m)^Exec=.*$", lambda _m: f"Exec={exec_value}", text)
    # TryExec hides the entry when the program is gone (the virtual environment was removed).
    try_exec = f"TryExec={command[0]}" if len(command) == 1 and not _has_reserved(command[0]) else ""
    text = re.sub(r"(?m)^TryExec=.*\n?", lambda _m: f"{try_exec}\n" if try_exec else "", text)
    return text


def _has_reserved(value: str) -> bool:
    return any(ch in _EXEC_RESERVED or ch == "%" for ch in value)


def user_data_home(env: Mapping[str, str] | None = None) -> Path:
    """``$XDG_DATA_HOME``, else ``~/.local/share``."""
    env = os.environ if env is None else env
    value = env.get("XDG_DATA_HOME", "")
    return Path(value).expanduser() if value and Path(value).is_absolute() else Path.home() / ".local" / "share"


@dataclass(frozen=True)
class DesktopInstall:
    """What ``install_desktop`` wrote (or ``uninstall_desktop`` removed)."""

    desktop_file: Path
    icon_files: tuple[Path, ...]
    command: tuple[str, ...]


def _targets(data_home: Path) -> tuple[Path, list[tuple[Path, Path]]]:
    desktop_file = data_home / "applications" / f"{APP_ID}.desktop"
    icons = [(icon_svg_path(), data_home / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_ID}.svg")]
    for size in ICON_SIZES:
        target = data_home / "icons" / "hicolor" / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
        icons.append((icon_png_path(size), target))
    return desktop_file, icons


def install_desktop(data_home: Path, command: Sequence[str] | None = None) -> DesktopInstall:
    """Install the menu entry and the icons for the current user under ``data_home``."""
    command = list(command or sverka_command())
    desktop_file, icons = _targets(data_home)
    desktop_file.parent.mkdir(parents=True, exist_ok=True)
    tmp = desktop_file.with_suffix(".desktop.tmp")
    tmp.write_text(desktop_entry_text(command), encoding="utf-8")
    tmp.replace(desktop_file)
    written = []
    for source, target in icons:
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
        written.append(target)
    _refresh_caches(data_home)
    return DesktopInstall(desktop_file, tuple(written), tuple(command))


def uninstall_desktop(data_home: Path) -> DesktopInstall:
    """Remove what ``install_desktop`` put under ``data_home`` (what is not there is skipped)."""
    desktop_file, icons = _targets(data_home)
    removed = []
    for path in [desktop_file, *(target for _source, target in icons)]:
        if path.exists():
            path.unlink()
            removed.append(path)
    _refresh_caches(data_home)
    return DesktopInstall(desktop_file, tuple(p for p in removed if p != desktop_file), ())


def _refresh_caches(data_home: Path) -> None:
    """Tell the desktop about the change, with the tools it has (none is required)."""
    jobs = [
        ("update-desktop-database", [str(data_home / "applications")]),
        ("gtk-update-icon-cache", ["-f", "-t", str(data_home / "icons" / "hicolor")]),
    ]
    for tool, args in jobs:
        exe = shutil.which(tool)
        if exe is None:
            continue
        try:
            subprocess.run([exe, *args], check=False, capture_output=True, timeout=30)
        except (OSError, subprocess.SubprocessError) as exc:
            log.info("%s failed: %s", tool, exc)


# --- "Open with": is this file already in the library? -------------------------------------


def find_text_for_file(library: Library, path: Path) -> int | None:
    """The id of the library text with the same content as ``path``, or None (also when the
    file cannot be read: the import dialog will then say why)."""
    from alignment.text.errors import TextImportError
    from db.errors import LanguageMismatchError
    from db.services.importing import TextMetadata, find_duplicate, prepare_text

    for lang in _language_order(path):
        try:
            prepared = prepare_text(path, TextMetadata(lang=lang))
        except LanguageMismatchError:
            continue
        except (TextImportError, OSError, ValueError):
            return None
        with library.sessions() as session:
            existing = find_duplicate(session, prepared.content_hash)
            return existing.id if existing is not None else None
    return None


def _language_order(path: Path) -> tuple[str, str]:
    name = path.name.lower()
    if any(tag in name for tag in (".ru.", "_ru.", "-ru.", "rus")):
        return ("ru", "en")
    return ("en", "ru")


def run_install_desktop(uninstall: bool = False) -> int:
    """``sverka install-desktop [--uninstall]``: print what was written or removed."""
    data_home = user_data_home()
    if uninstall:
        result = uninstall_desktop(data_home)
        print(f"Removed the Sverka menu entry and icons from {data_home} ({len(result.icon_files)} icon files).")
        return 0
    result = install_desktop(data_home)
    print(f"Installed the menu entry {result.desktop_file}")
    print(f"  (it runs: {' '.join(result.command)} FILE)")
    print(f"and {len(result.icon_files)} icons under {data_home / 'icons' / 'hicolor'}.")
    print(
        "Sverka is now in your applications menu and in the file manager's “Open with” "
        "for text, Markdown and HTML files."
    )
    return 0


def open_with(window: Any, runner: Any, library: Library, path: Path) -> Any:
    """Start Sverka on ``path`` ("Open with", ``sverka FILE``): show the library text that has
    the same content, else open the import dialog for the file.  The look-up runs on the
    runner's worker after any job already queued (the first-run set-up of the library)."""
    window.statusBar().showMessage(f"Looking for {path.name} in the library…")

    def done(text_id: int | None) -> None:
        window.statusBar().clearMessage()
        if text_id is not None:
            window.select_text(text_id)
            window.statusBar().showMessage(f"{path.name} is already in the library: showing it.", 10000)
        else:
            window.import_file(path)

    def failed(exc: BaseException) -> None:
        log.info("looking up %s failed: %s", path, exc)
        done(None)

    return runner.run(
        lambda _progress, _cancel: find_text_for_file(library, path),
        label=f"Looking for {path.name} in the library…",
        on_done=done,
        on_error=failed,
    )
