"""The size of a popup that shows one entry at a time (glossary entries, notes).

A popup is one window, hidden and shown again for every entry.  While it is
hidden its layouts kept the sizes they had measured for the entry shown
before (a word-wrapped label in a hidden window does not always tell its
layout that its text changed), so a longer definition after a shorter one was
cut and overlapped the lines around it.  ``fit_height`` drops every cached size of the
popup's widgets and layouts, measures the entry now in it, and fixes the
window to exactly that size.
"""

from __future__ import annotations

from PySide6.QtWidgets import QLayout, QWidget


def _invalidate(layout: QLayout | None) -> None:
    if layout is None:
        return
    for i in range(layout.count()):
        item = layout.itemAt(i)
        if item.widget() is not None:
            item.widget().updateGeometry()
            _invalidate(item.widget().layout())
        elif item.layout() is not None:
            _invalidate(item.layout())
        item.invalidate()
    layout.invalidate()


def fit_height(popup: QWidget, width: int) -> int:
    """Make ``popup`` ``width`` wide and exactly as tall as its content needs there; returns the height."""
    layout = popup.layout()
    _invalidate(layout)
    layout.activate()
    height = layout.totalHeightForWidth(width)
    popup.setFixedSize(width, height)
    return height
