"""Text is data, never markup: how Sverka shows text from files and users in Qt.

Qt renders a string as rich text (HTML) wherever it merely *looks* like markup
(``Qt::mightBeRichText``): in tooltips, in ``QLabel``s left at ``AutoText`` and in
message boxes.  A title holding ``<img src="/dev/zero">`` then makes Qt read
that file on hover.  Three rules, enforced here and by tests:

- **Tooltips**: ``PlainTooltips``, an application-wide event filter that
  MainWindow installs, answers every tooltip request itself and shows the
  text escaped, whatever widget, item model, tab or menu it came from.  Code
  keeps calling ``setToolTip`` / returning ``ToolTipRole`` with plain strings.
- **Labels**: a label that may show file or user text is a ``PlainLabel``
  (or has ``setTextFormat(PlainText)``); ``tests/app/test_hostile_text.py``
  walks the window filled with hostile text and fails on any other.
- **Message boxes**: only through ``message()`` / ``ask()`` here, which set
  plain text; ``tests/unit/test_plain_text_rule.py`` forbids Qt's static
  ``QMessageBox.information/warning/critical/question`` and ``setHtml`` on
  anything but Sverka's own escaped exports elsewhere in ``app/``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QMenu,
    QMessageBox,
    QTabBar,
    QToolTip,
    QWidget,
)


def escaped_rich_text(text: str) -> str:
    """Rich text that displays exactly ``text``: escaped, line breaks and spacing kept."""
    return "<p style='white-space:pre-wrap'>" + html.escape(text, quote=False) + "</p>"


class PlainLabel(QLabel):
    """A label that never interprets its text as markup."""

    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setText(text)


def plain(label: QLabel) -> QLabel:
    """Make an existing label plain-text; returns it, for chaining."""
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str, detail: str = "") -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    if detail:
        box.setInformativeText(detail)
        # The informative label has no format setter of its own; find it.
        for label in box.findChildren(QLabel):
            label.setTextFormat(Qt.TextFormat.PlainText)
    return box


def message(parent: QWidget | None, title: str, text: str, *, kind: str = "information", detail: str = "") -> None:
    """An information/warning/critical message box showing ``text`` as plain text."""
    icons = {
        "information": QMessageBox.Icon.Information,
        "warning": QMessageBox.Icon.Warning,
        "critical": QMessageBox.Icon.Critical,
    }
    box = _box(parent, icons[kind], title, text, detail)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    box.exec()


def ask(
    parent: QWidget | None,
    title: str,
    text: str,
    *,
    yes: str | None = None,
    no: str | None = None,
    default_yes: bool = False,
) -> bool:
    """A yes/no question shown as plain text; True when the user chose yes."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    yes_button = box.addButton(yes, QMessageBox.ButtonRole.YesRole) if yes else box.addButton(QMessageBox.StandardButton.Yes)
    no_button = box.addButton(no, QMessageBox.ButtonRole.NoRole) if no else box.addButton(QMessageBox.StandardButton.No)
    box.setDefaultButton(yes_button if default_yes else no_button)
    box.setEscapeButton(no_button)
    box.exec()
    return box.clickedButton() is yes_button


def choose(parent: QWidget | None, title: str, text: str, options: list[str], *, default: int = 0) -> int | None:
    """A question with several answers (buttons, plain text); the index chosen, None for Cancel/Escape."""
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    buttons = [box.addButton(option, QMessageBox.ButtonRole.AcceptRole) for option in options]
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(buttons[default])
    box.setEscapeButton(cancel)
    box.exec()
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else None


def tooltip_for(widget: QWidget, pos: QPoint) -> str:
    """The tooltip Qt would show for ``widget`` at ``pos`` (widget coordinates), as plain text."""
    parent = widget.parentWidget()
    if isinstance(parent, QAbstractItemView) and widget is parent.viewport():
        index = parent.indexAt(pos)
        if index.isValid():
            return _data_text(index)
        return ""
    if isinstance(widget, QHeaderView):
        model = widget.model()
        if model is None:
            return ""
        section = widget.logicalIndexAt(pos)
        if section < 0:
            return ""
        value = model.headerData(section, widget.orientation(), Qt.ItemDataRole.ToolTipRole)
        return "" if value is None else str(value)
    if isinstance(widget, QTabBar):
        tab = widget.tabAt(pos)
        return widget.tabToolTip(tab) if tab >= 0 else ""
    if isinstance(widget, QMenu):
        action = widget.actionAt(pos)
        if action is None or not widget.toolTipsVisible():
            return ""
        tip = action.toolTip()
        # Qt's default tooltip of an action is its text without "&": not worth showing.
        return "" if tip == action.text().replace("&", "") else tip
    w: QWidget | None = widget
    while w is not None:
        if w.toolTip():
            return w.toolTip()
        if w.isWindow():
            break
        w = w.parentWidget()
    return ""


def _data_text(index: QModelIndex) -> str:
    value = index.data(Qt.ItemDataRole.ToolTipRole)
    return "" if value is None else str(value)


class PlainTooltips(QObject):
    """Shows every tooltip of the application as plain text (see the module docstring).

    Widgets that draw their own tooltips set the dynamic property
    ``sverka_own_tooltips`` and call ``show_plain_tooltip``.
    """

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() != QEvent.Type.ToolTip or not isinstance(obj, QWidget):
            return False
        if obj.property("sverka_own_tooltips"):
            return False
        assert isinstance(event, QHelpEvent)
        show_plain_tooltip(event.globalPos(), tooltip_for(obj, event.pos()), obj)
        return True


def show_plain_tooltip(global_pos: QPoint, text: str, widget: QWidget | None = None) -> None:
    if text:
        QToolTip.showText(global_pos, escaped_rich_text(text), widget)
    else:
        QToolTip.hideText()


_guard: PlainTooltips | None = None


def install_plain_tooltips() -> PlainTooltips:
    """Install the tooltip guard on the application once; returns it."""
    global _guard
    app = QApplication.instance()
    assert app is not None, "a QApplication must exist first"
    if _guard is None:
        _guard = PlainTooltips(app)
        app.installEventFilter(_guard)
    return _guard
