"""The reader's toolbar: a row of flat icon buttons whose tooltips name their shortcuts.

A plain widget rather than a ``QToolBar``, so that it never makes the window
wider than the screen: when the reader is narrow (a 1024-pixel screen with
the side panel open), the buttons of lowest priority are hidden first (each
has a menu entry and a key as well), and they come back as it widens.  A
button the window does not want at all (the views, for a text read alone) is
hidden with ``set_wanted``.  Icons come from ``app.views.icons`` and are
painted again when the palette changes (a theme switch).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QToolButton, QWidget

from app.views.icons import icon

ICON_SIZE = 20


def shortcut_text(action: QAction) -> str:
    keys = [k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts() if not k.isEmpty()]
    return ", ".join(keys)


def tooltip_with_shortcut(text: str, action: QAction) -> str:
    """"Find in the text (Ctrl+F)": what a toolbar button does and the key that does the same."""
    keys = shortcut_text(action)
    return f"{text} ({keys})" if keys else text


class ToolStrip(QWidget):
    """A horizontal strip of tool buttons, separators and a stretch."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("readerToolbar")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self._layout = QHBoxLayout(self)
        self._layout.setContentsMargins(10, 4, 10, 4)
        self._layout.setSpacing(2)
        self._icons: dict[QToolButton | QAction, str] = {}  # an action's button shows the action's icon
        self._priority: dict[QWidget, int] = {}  # lower: hidden sooner when the strip is narrow
        self._unwanted: set[QWidget] = set()
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)

    def tool_button(self, *, icon_name: str | None = None, text: str = "", tip: str = "",
                    action: QAction | None = None, checkable: bool = False) -> QToolButton:
        """A flat button; with ``action`` it triggers (and mirrors) the action."""
        button = QToolButton(self)
        button.setAutoRaise(True)
        button.setIconSize(QSize(ICON_SIZE, ICON_SIZE))
        button.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # reachable with Tab, not stolen by a click
        if action is not None:
            button.setDefaultAction(action)
            action.changed.connect(lambda b=button, a=action: b.setToolTip(tooltip_with_shortcut(a.toolTip() or a.text().replace("&", ""), a)))
            button.setToolTip(tooltip_with_shortcut(action.toolTip() or action.text().replace("&", ""), action))
        if text:
            button.setText(text)
        if tip:
            button.setToolTip(tip)
        if checkable:
            button.setCheckable(True)
        if icon_name:
            # the icon goes on the action when there is one: the button copies it from the action
            # whenever the action changes (checked, enabled), and would otherwise lose it
            holder = action if action is not None else button
            self._icons[holder] = icon_name
            holder.setIcon(icon(icon_name, self.palette()))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonIconOnly)
        else:
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        button.setAccessibleName((tip or (action.text() if action else text)).replace("&", ""))
        return button

    def set_priority(self, widget: QWidget, priority: int) -> None:
        self._priority[widget] = priority
        self.fit()

    def set_wanted(self, widget: QWidget, wanted: bool) -> None:
        """Show or hide a button for good (not for lack of room)."""
        if wanted:
            self._unwanted.discard(widget)
        else:
            self._unwanted.add(widget)
        self.fit()

    def is_shown(self, widget: QWidget) -> bool:
        return not widget.isHidden()

    def fit(self) -> None:
        """Hide what does not fit, lowest priority first; show the rest."""
        items = [self._layout.itemAt(i).widget() for i in range(self._layout.count())]
        widgets = [w for w in items if w is not None]
        margins = self._layout.contentsMargins()
        room = self.width() - margins.left() - margins.right()
        wanted = [w for w in widgets if w not in self._unwanted]
        spacing = self._layout.spacing()

        def width_of(ws: list[QWidget]) -> int:
            return sum(w.sizeHint().width() + spacing for w in ws)

        shown = list(wanted)
        for victim in sorted((w for w in wanted if w in self._priority), key=lambda w: self._priority[w]):
            if width_of(shown) <= room:
                break
            shown.remove(victim)
        for w in widgets:
            w.setVisible(w in shown)
        self._tidy_separators(items, set(shown))

    def _tidy_separators(self, items: list[QWidget | None], shown: set[QWidget]) -> None:
        """No separator at an edge or next to another."""
        last_was_button = False
        pending: QWidget | None = None
        for w in items:
            if w is None:
                continue
            if w.objectName() == "toolSeparator":
                w.setVisible(False)
                if last_was_button:
                    pending = w
                last_was_button = False
            elif w in shown:
                if pending is not None:
                    pending.setVisible(True)
                    pending = None
                last_was_button = True

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self.fit()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return QSize(0, super().minimumSizeHint().height())

    def add(self, *items: QWidget | str) -> None:
        """Append widgets; "|" adds a separator, "stretch" pushes the rest to the right."""
        for item in items:
            if item == "|":
                line = QFrame(self)
                line.setFrameShape(QFrame.Shape.VLine)
                line.setObjectName("toolSeparator")
                line.setFixedWidth(9)
                line.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Preferred)
                self._layout.addWidget(line)
            elif item == "stretch":
                self._layout.addStretch(1)
            elif isinstance(item, QWidget):
                self._layout.addWidget(item)

    def insert(self, before: QWidget, *items: QWidget | str) -> None:
        """Put ``items`` in front of ``before`` (another part of the window adds its tools)."""
        index = self._layout.indexOf(before)
        tail = [self._layout.takeAt(index) for _ in range(self._layout.count() - index)] if index >= 0 else []
        self.add(*items)
        for layout_item in tail:
            self._layout.addItem(layout_item)
        self.fit()

    def buttons(self) -> list[QToolButton]:
        return [w for w in self.findChildren(QToolButton) if w.parent() is self]

    def set_icon(self, button: QToolButton, icon_name: str) -> None:
        holder = button.defaultAction() or button
        self._icons[holder] = icon_name
        holder.setIcon(icon(icon_name, self.palette()))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:
            for holder, name in self._icons.items():
                holder.setIcon(icon(name, self.palette()))
        super().changeEvent(event)
