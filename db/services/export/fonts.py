"""A serif font with Cyrillic for the PDF export.

The PDF embeds the font it is set in, so it needs the font files themselves.
Sverka ships DejaVu Serif's four faces (``resources/fonts``, Bitstream Vera
licence), so the export works on any machine; ``SVERKA_PDF_FONT_DIR`` names a
folder searched first, and the installed fonts are searched after the shipped
ones (a packager may drop them).  The first family found with all four faces
wins: DejaVu Serif, Noto Serif, Liberation Serif, PT Serif, Times New Roman.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from db.services.export.errors import ExportError

# family → file names of (regular, bold, italic, bold italic)
FAMILIES: tuple[tuple[str, tuple[str, str, str, str]], ...] = (
    ("DejaVu Serif", ("DejaVuSerif.ttf", "DejaVuSerif-Bold.ttf", "DejaVuSerif-Italic.ttf", "DejaVuSerif-BoldItalic.ttf")),
    ("Noto Serif", ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerif-Italic.ttf", "NotoSerif-BoldItalic.ttf")),
    ("Liberation Serif", ("LiberationSerif-Regular.ttf", "LiberationSerif-Bold.ttf", "LiberationSerif-Italic.ttf",
                          "LiberationSerif-BoldItalic.ttf")),
    ("PT Serif", ("PTF55F.ttf", "PTF75F.ttf", "PTF56F.ttf", "PTF76F.ttf")),
    ("Times New Roman", ("times.ttf", "timesbd.ttf", "timesi.ttf", "timesbi.ttf")),
    ("Times New Roman", ("Times New Roman.ttf", "Times New Roman Bold.ttf", "Times New Roman Italic.ttf",
                         "Times New Roman Bold Italic.ttf")),
)


class NoFontError(ExportError):
    def __init__(self) -> None:
        super().__init__(
            "Sverka found no serif font with Cyrillic letters to set the PDF in (DejaVu Serif, Noto Serif, "
            "Liberation Serif, PT Serif or Times New Roman). Install one (on Debian or Ubuntu: "
            "sudo apt install fonts-dejavu-core), or export to DOCX or HTML."
        )


@dataclass(frozen=True, slots=True)
class FontFiles:
    family: str
    regular: Path
    bold: Path
    italic: Path
    bold_italic: Path


def _folders() -> list[Path]:
    home = Path.home()
    from resources import fonts_dir

    folders = [Path(p) for p in os.environ.get("SVERKA_PDF_FONT_DIR", "").split(os.pathsep) if p]
    folders.append(fonts_dir())
    if sys.platform == "win32":
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        folders += [windir / "Fonts", home / "AppData/Local/Microsoft/Windows/Fonts"]
    elif sys.platform == "darwin":
        folders += [home / "Library/Fonts", Path("/Library/Fonts"), Path("/System/Library/Fonts/Supplemental"),
                    Path("/System/Library/Fonts")]
    else:
        data_dirs = os.environ.get("XDG_DATA_DIRS", "/usr/local/share:/usr/share").split(":")
        folders += [home / ".local/share/fonts", home / ".fonts"] + [Path(d) / "fonts" for d in data_dirs if d]
    return [f for f in folders if f.is_dir()]


@lru_cache(maxsize=1)
def find_serif_font() -> FontFiles:
    """The font files to embed; raises ``NoFontError`` when none of the families is installed."""
    index: dict[str, Path] = {}
    for folder in _folders():
        for path in folder.rglob("*.tt[fc]"):
            index.setdefault(path.name.lower(), path)
    for family, names in FAMILIES:
        found = [index.get(n.lower()) for n in names]
        if all(found):
            return FontFiles(family, *found)  # type: ignore[arg-type]
    raise NoFontError()
