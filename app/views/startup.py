"""Preparing the application before the first window: theme, translations, memory.

``prepare_application`` applies the theme and installs Qt's and Sverka's
translators for the UI language chosen in the settings (or the system's).
``settle_memory`` runs once the window is built: objects created at start-up
live for the whole session, so they are moved out of the garbage collector's
reach (``gc.freeze``); otherwise a full collection of them (~150 ms) could
stall a frame while the user scrolls.
"""

from __future__ import annotations

import gc
import logging
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, QTranslator
from PySide6.QtWidgets import QApplication

from app.settings import Settings
from app.views.theme import ThemeFollower, theme_follower

log = logging.getLogger(__name__)

I18N_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "i18n"


def ui_language(settings: Settings) -> str:
    """"ru" or "en": the settings' choice, or the system's language when it is "system"."""
    choice = settings.ui_language
    if choice != "system":
        return choice
    return "ru" if QLocale.system().language() == QLocale.Language.Russian else "en"


def install_translators(app: QApplication, language: str) -> list[QTranslator]:
    """Install Qt's own and Sverka's translations for ``language``; returns them (keep them alive)."""
    installed: list[QTranslator] = []
    if language == "en":
        return installed
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_base = QTranslator(app)
    if qt_base.load(f"qtbase_{language}", qt_dir):
        app.installTranslator(qt_base)
        installed.append(qt_base)
    ours = QTranslator(app)
    if ours.load(f"sverka_{language}", str(I18N_DIR)):
        app.installTranslator(ours)
        installed.append(ours)
    else:
        log.warning("no Sverka translation for %r in %s", language, I18N_DIR)
    return installed


def prepare_application(app: QApplication, settings: Settings) -> list[QTranslator]:
    follower = theme_follower(app) or ThemeFollower(app, settings.theme)
    follower.set_theme(settings.theme)
    return install_translators(app, ui_language(settings))


def settle_memory() -> None:
    gc.collect()
    gc.freeze()
