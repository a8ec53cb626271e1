"""Light, sepia and dark themes: a palette plus the style sheet in ``resources/styles``.

"system" follows the platform's colour scheme (Qt 6.5+ ``styleHints().colorScheme()``),
also when it changes while Sverka runs (``ThemeFollower``).
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QStyleFactory

STYLES_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "styles"


def is_dark(theme: str) -> bool:
    if theme == "dark":
        return True
    if theme in ("light", "sepia"):
        return False
    hints = QGuiApplication.styleHints()
    return hints.colorScheme() == Qt.ColorScheme.Dark


def resolved_theme(theme: str) -> str:
    """"light", "sepia" or "dark": what ``theme`` ("system" included) shows now."""
    if theme == "sepia":
        return "sepia"
    return "dark" if is_dark(theme) else "light"


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


def _sepia_palette() -> QPalette:
    """Warm paper and brown ink (the reading theme e-book viewers call sepia)."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: QColor(236, 226, 204),
        QPalette.ColorRole.WindowText: QColor(67, 52, 34),
        QPalette.ColorRole.Base: QColor(246, 238, 218),
        QPalette.ColorRole.AlternateBase: QColor(240, 230, 206),
        QPalette.ColorRole.Text: QColor(70, 54, 36),
        QPalette.ColorRole.Button: QColor(228, 216, 190),
        QPalette.ColorRole.ButtonText: QColor(67, 52, 34),
        QPalette.ColorRole.Highlight: QColor(160, 110, 50),
        QPalette.ColorRole.HighlightedText: QColor(255, 250, 240),
        QPalette.ColorRole.PlaceholderText: QColor(128, 108, 82),
        QPalette.ColorRole.Link: QColor(130, 70, 20),
        QPalette.ColorRole.ToolTipBase: QColor(250, 244, 228),
        QPalette.ColorRole.ToolTipText: QColor(67, 52, 34),
        QPalette.ColorRole.Mid: QColor(200, 184, 152),
    }
    for role, color in roles.items():
        p.setColor(role, color)
    return p


PALETTES = {"light": _light_palette, "sepia": _sepia_palette, "dark": _dark_palette}


def apply_theme(app: QApplication, theme: str) -> bool:
    """Set the palette and style sheet for ``theme``; returns whether it is dark."""
    shown = resolved_theme(theme)
    fusion = QStyleFactory.create("Fusion")
    if fusion is not None and app.style().name().lower() != "fusion":
        app.setStyle(fusion)
    app.setPalette(PALETTES[shown]())
    css = ""
    for path in (STYLES_DIR / "common.qss", STYLES_DIR / f"{shown}.qss"):
        if path.exists():
            css += path.read_text(encoding="utf-8") + "\n"
    app.setStyleSheet(css)
    app.setProperty("sverka_theme", shown)
    return shown == "dark"


class ThemeFollower(QObject):
    """Applies the chosen theme, and again when the system's colour scheme changes while
    the theme is "system" (a desktop switching to dark mode at dusk)."""

    def __init__(self, app: QApplication, theme: str) -> None:
        super().__init__(app)
        self._app = app
        self._theme = theme
        QGuiApplication.styleHints().colorSchemeChanged.connect(self._system_changed)

    @property
    def theme(self) -> str:
        return self._theme

    def set_theme(self, theme: str) -> None:
        self._theme = theme
        apply_theme(self._app, theme)

    def _system_changed(self, _scheme: Qt.ColorScheme) -> None:
        if self._theme == "system":
            apply_theme(self._app, "system")


def theme_follower(app: QApplication) -> ThemeFollower | None:
    return app.findChild(ThemeFollower)
