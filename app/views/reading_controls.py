"""Reading comfort: text size, theme and full screen, from the keyboard, the View menu and the toolbar.

Ctrl+= (or Ctrl++) and Ctrl+- step the text size through ``ZOOM_STEPS``, Ctrl+0
goes back to the fonts' own sizes; the size is remembered (``Settings.zoom``)
and applied at once, keeping the place in the text.  The theme (follow the
system, light, sepia, dark) applies at once too.  F11 shows the reader alone
on the whole screen (the side panel and the status bar go away and come back).
Line spacing, column width and margins are in Settings, also applied as they
change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import QApplication, QMenu

from app.settings import THEMES, ZOOM_STEPS

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

CTRL = Qt.Modifier.CTRL


class ReadingControls(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._settings = window.settings
        self._panel_was_visible = True
        self._status_was_visible = True

        def act(text: str, slot, *keys: QKeySequence) -> QAction:  # type: ignore[no-untyped-def]
            action = QAction(text, window)
            if keys:
                action.setShortcuts(list(keys))
            action.triggered.connect(lambda _checked=False: slot())
            window.addAction(action)  # its keys work wherever the focus is in the window
            return action

        self.zoom_in_action = act(self.tr("&Larger text"), lambda: self.step_zoom(1),
                                  QKeySequence(CTRL | Qt.Key.Key_Equal), QKeySequence(CTRL | Qt.Key.Key_Plus))
        self.zoom_out_action = act(self.tr("&Smaller text"), lambda: self.step_zoom(-1),
                                   QKeySequence(CTRL | Qt.Key.Key_Minus))
        self.zoom_reset_action = act(self.tr("&Original size"), lambda: self.set_zoom(1.0),
                                     QKeySequence(CTRL | Qt.Key.Key_0))
        self.full_screen_action = act(self.tr("&Full screen"), self.toggle_full_screen, QKeySequence(Qt.Key.Key_F11))
        self.full_screen_action.setCheckable(True)

        self.theme_group = QActionGroup(self)
        self.theme_actions: dict[str, QAction] = {}
        labels = {"system": self.tr("Follow the &system"), "light": self.tr("&Light"),
                  "sepia": self.tr("S&epia"), "dark": self.tr("&Dark")}
        for theme in THEMES:
            action = QAction(labels[theme], window, checkable=True)
            action.setChecked(self._settings.theme == theme)
            action.triggered.connect(lambda _c=False, t=theme: self.set_theme(t))
            self.theme_group.addAction(action)
            self.theme_actions[theme] = action

        self.menu = QMenu(self.tr("Te&xt and theme"), window)
        self.menu.addActions([self.zoom_in_action, self.zoom_out_action, self.zoom_reset_action])
        self.menu.addSeparator()
        self.theme_menu = self.menu.addMenu(self.tr("&Theme"))
        self.theme_menu.addActions(list(self.theme_actions.values()))
        self.menu.addSeparator()
        self.settings_action = QAction(self.tr("Line spacing, column &width, margins…"), window)
        self.settings_action.triggered.connect(lambda _c=False: window.edit_settings())
        self.menu.addAction(self.settings_action)
        self.update_zoom_state()

    # --- text size -----------------------------------------------------------------------
    @property
    def zoom(self) -> float:
        return self._settings.zoom

    def set_zoom(self, zoom: float) -> None:
        self._settings.zoom = zoom
        self._window.reader.apply_style()
        self.update_zoom_state()

    def step_zoom(self, direction: int) -> None:
        current = self._settings.zoom
        if direction > 0:
            bigger = [z for z in ZOOM_STEPS if z > current + 1e-6]
            self.set_zoom(bigger[0] if bigger else ZOOM_STEPS[-1])
        else:
            smaller = [z for z in ZOOM_STEPS if z < current - 1e-6]
            self.set_zoom(smaller[-1] if smaller else ZOOM_STEPS[0])

    def zoom_label(self) -> str:
        return f"{round(self._settings.zoom * 100)} %"

    def update_zoom_state(self) -> None:
        zoom = self._settings.zoom
        self.zoom_in_action.setEnabled(zoom < ZOOM_STEPS[-1] - 1e-6)
        self.zoom_out_action.setEnabled(zoom > ZOOM_STEPS[0] + 1e-6)
        self.zoom_reset_action.setText(self.tr("&Original size ({0})").format(self.zoom_label()))
        self.zoom_reset_action.setToolTip(self.tr("Text size {0}: back to 100 %").format(self.zoom_label()))

    # --- theme ---------------------------------------------------------------------------
    def set_theme(self, theme: str) -> None:
        from app.views.theme import ThemeFollower, theme_follower

        self._settings.theme = theme
        app = QApplication.instance()
        if isinstance(app, QApplication):
            (theme_follower(app) or ThemeFollower(app, theme)).set_theme(theme)
        if not self.theme_actions[theme].isChecked():
            self.theme_actions[theme].setChecked(True)

    # --- full screen ---------------------------------------------------------------------
    def toggle_full_screen(self) -> None:
        window = self._window
        if window.isFullScreen():
            window.showNormal() if not window.property("sverka_was_maximized") else window.showMaximized()
            window.library_panel_action.setChecked(self._panel_was_visible)
            window.statusBar().setVisible(self._status_was_visible)
            self.full_screen_action.setChecked(False)
        else:
            self._panel_was_visible = window.library_panel_action.isChecked()
            self._status_was_visible = window.statusBar().isVisible()
            window.setProperty("sverka_was_maximized", window.isMaximized())
            window.library_panel_action.setChecked(False)
            window.statusBar().hide()
            window.showFullScreen()
            self.full_screen_action.setChecked(True)
            window.reader.view.setFocus()
