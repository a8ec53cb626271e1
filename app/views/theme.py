"""Light and dark themes: a palette plus the style sheet in ``resources/styles``.

"system" follows the platform's colour scheme (Qt 6.5+ ``styleHints().colorScheme()``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

STYLES_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "styles"


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme == "light":
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def _dark_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor(38, 40, 43),
        QPalette.ColorRole.WindowText: QColor(224, 224, 220),
        QPalette.ColorRole.Base: QColor(30, 31, 34),
        QPalette.ColorRole.AlternateBase: QColor(44, 46, 50),
        QPalette.ColorRole.Text: QColor(226, 224, 218),
        QPalette.ColorRole.Button: QColor(48, 50, 54),
        QPalette.ColorRole.ButtonText: QColor(224, 224, 220),
        QPalette.ColorRole.Highlight: QColor(90, 140, 220),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(150, 150, 146),
        QPalette.ColorRole.Link: QColor(120, 170, 240),
        QPalette.ColorRole.ToolTipBase: QColor(50, 52, 56),
        QPalette.ColorRole.ToolTipText: QColor(230, 230, 226),
        QPalette.ColorRole.Mid: QColor(70, 72, 76),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    p.setColor(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text, QColor(120, 120, 118))
    return p


def _light_palette() -> QPalette:
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor(243, 241, 236),
        QPalette.ColorRole.WindowText: QColor(34, 34, 34),
        QPalette.ColorRole.Base: QColor(253, 252, 249),
        QPalette.ColorRole.AlternateBase: QColor(246, 244, 239),
        QPalette.ColorRole.Text: QColor(30, 30, 30),
        QPalette.ColorRole.Button: QColor(236, 234, 229),
        QPalette.ColorRole.ButtonText: QColor(34, 34, 34),
        QPalette.ColorRole.Highlight: QColor(60, 110, 200),
        QPalette.ColorRole.HighlightedText: QColor(255, 255, 255),
        QPalette.ColorRole.PlaceholderText: QColor(110, 108, 102),
        QPalette.ColorRole.Link: QColor(40, 90, 180),
        QPalette.ColorRole.Mid: QColor(214, 210, 202),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    return p


def apply_theme(app: QApplication, theme: str) -> bool:
    """Set the palette and style sheet for ``theme``; returns whether it is dark."""
    dark = is_dark(theme)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None:
        app.setStyle(fusion)
    app.setPalette(_dark_palette() if dark else _light_palette())
    sheet = STYLES_DIR / ("dark.qss" if dark else "light.qss")
    common = STYLES_DIR / "common.qss"
    css = ""
    for path in (common, sheet):
        if path.exists():
            css += path.read_text(encoding="utf-8") + "\n"
    app.setStyleSheet(css)
    return dark
