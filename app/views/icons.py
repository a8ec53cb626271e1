"""Toolbar icons: Lucide's SVGs (``resources/icons/lucide``) painted in the theme's colours.

Lucide draws with ``stroke="currentColor"``, which Qt's SVG renderer would paint
black on every theme; ``icon(name, palette)`` substitutes the palette's button
text colour (and a muted one for the disabled state) and renders the result at
the sizes a toolbar asks for, so a dark or sepia theme gets matching icons.
"""

from __future__ import annotations

import atexit
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

ICONS_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "icons" / "lucide"
SIZES = (20, 40)  # the toolbar's icon size, and twice it for high-density screens
_ICONS: dict[tuple[str, str, str], QIcon] = {}
# Qt objects must not outlive the application: drop them before the interpreter tears it down.
atexit.register(_ICONS.clear)


@lru_cache(maxsize=64)
def _svg(name: str) -> str:
    return (ICONS_DIR / f"{name}.svg").read_text(encoding="utf-8")


def _pixmap(name: str, colour: str, size: int) -> QPixmap:
    data = _svg(name).replace("currentColor", colour)
    renderer = QSvgRenderer(QByteArray(data.encode("utf-8")))
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return pixmap


def icon(name: str, palette: QPalette) -> QIcon:
    """Lucide's ``name`` in the colours of ``palette``."""
    normal = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.ButtonText)
    background = palette.color(QPalette.ColorGroup.Active, QPalette.ColorRole.Button)
    # SVG colours have no alpha: a disabled icon is the text colour mixed into the background
    disabled = QColor.fromRgbF(*(0.35 * a + 0.65 * b for a, b in zip(normal.getRgbF()[:3], background.getRgbF()[:3])))
    key = (name, normal.name(), disabled.name())
    if key not in _ICONS:
        out = QIcon()
        for size in SIZES:
            out.addPixmap(_pixmap(name, key[1], size), QIcon.Mode.Normal)
            out.addPixmap(_pixmap(name, key[2], size), QIcon.Mode.Disabled)
        _ICONS[key] = out
    return _ICONS[key]


def icon_names() -> list[str]:
    return sorted(p.stem for p in ICONS_DIR.glob("*.svg"))


__all__ = ["ICONS_DIR", "QSize", "icon", "icon_names"]
