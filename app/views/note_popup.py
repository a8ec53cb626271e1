"""Footnotes in the reader: a note call is a link; hovering it for a moment or
clicking it shows the note in a popup like the glossary's (plain text only).

``NotePopup`` is one frameless window reused for every note; it opens without
taking the keyboard and closes on Esc, a scroll, or when the pointer leaves
(unless a click opened it).  ``NotePopupController`` watches the reader view
with an event filter, as the glossary's controller does, and reads the note
through ``db.services.notes``.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer
from PySide6.QtGui import QCursor, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QApplication, QFrame, QLabel, QVBoxLayout, QWidget

from app.plaintext import PlainLabel
from app.views.reader_render import page_mark_text
from app.views.popup_geometry import fit_height
from app.views.reader_view import ReaderView
from db.engine import Library
from db.services.notes import NoteText, note_for_call

HOVER_DELAY_MS = 350
LEAVE_DELAY_MS = 350
POPUP_WIDTH = 420


@dataclass(frozen=True)
class CallTarget:
    row: int
    lang: str
    position: int
    label: str
    key: str | None
    rect: QRect  # viewport coordinates


class NotePopup(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("notePopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFont(QApplication.font())
        border = self.palette().color(self.palette().ColorRole.Mid).name()
        self.setStyleSheet(f"#notePopup {{ border: 1px solid {border}; border-radius: 6px; }}")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().Base)
        self.heading = PlainLabel()
        self.heading.setObjectName("noteHeading")
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.body = PlainLabel()
        self.body.setObjectName("noteBody")
        self.body.setWordWrap(True)
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 10, 14, 12)
        layout.setSpacing(4)
        layout.addWidget(self.heading)
        layout.addWidget(self.body)
        self.sticky = False
        self.note: NoteText | None = None
        self._leave_timer = QTimer(self, singleShot=True, interval=LEAVE_DELAY_MS)
        self._leave_timer.timeout.connect(self.hide)

    def show_note(self, note: NoteText, anchor: QRect, *, sticky: bool) -> None:
        """Show ``note`` below ``anchor`` (global coordinates), or above it near the screen's bottom."""
        self._leave_timer.stop()
        self.note = note
        self.sticky = sticky
        heading = self.tr("Note {0}").format(note.label)
        if note.page:
            heading += " · " + page_mark_text(note.page)
        self.heading.setText(heading)
        self.body.setText(note.text)
        fit_height(self, POPUP_WIDTH)
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 4000, 4000)
        x = max(area.left() + 4, min(anchor.left() - 20, area.right() - self.width() - 4))
        y = anchor.bottom() + 6
        if y + self.height() > area.bottom() and anchor.top() - self.height() - 6 >= area.top():
            y = anchor.top() - self.height() - 6
        self.move(QPoint(x, max(area.top(), y)))
        self.show()
        self.raise_()

    def leave_soon(self) -> None:
        if self.isVisible() and not self.sticky:
            self._leave_timer.start()

    def enterEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self._leave_timer.stop()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        self.leave_soon()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)


class NotePopupController(QObject):
    """Opens ``NotePopup`` for note calls of a ``ReaderView``: hover (after a delay) or click."""

    def __init__(self, view: ReaderView, library: Library, popup: NotePopup, parent: QObject | None = None) -> None:
        super().__init__(parent or view)
        self._view = view
        self._library = library
        self._popup = popup
        self._pending: CallTarget | None = None
        self._hover_timer = QTimer(self, singleShot=True, interval=HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hovered)
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.close_popup())
        view.reader_model().modelReset.connect(self.close_popup)

    @property
    def popup(self) -> NotePopup:
        return self._popup

    def call_at(self, point: QPointF) -> CallTarget | None:
        hit = self._view.row_at(point.y())
        if hit is None:
            return None
        row, y = hit
        model = self._view.reader_model()
        found = self._view.renderer.call_at(model.row(row), model.langs, QPointF(point.x(), y))
        if found is None:
            return None
        lang, position, label, key, rect = found
        top = point.y() - y
        return CallTarget(row, lang, position, label, key,
                          QRect(int(rect.x()), int(top + rect.y()), int(rect.width()), int(rect.height())))

    def note_of(self, target: CallTarget) -> NoteText | None:
        model = self._view.reader_model()
        side = model.outline.sides.get(target.lang)
        segment = next((s for s in model.row(target.row).side(target.lang) if s.position == target.position), None)
        if side is None or segment is None:
            return None
        with self._library.sessions() as session:
            return note_for_call(session, side.text_id, segment.paragraph, target.label, target.key)

    def open_for(self, target: CallTarget, *, sticky: bool) -> bool:
        note = self.note_of(target)
        if note is None:
            return False
        vp = self._view.viewport()
        anchor = QRect(vp.mapToGlobal(target.rect.topLeft()), target.rect.size())
        self._popup.show_note(note, anchor, sticky=sticky)
        return True

    def close_popup(self) -> None:
        self._hover_timer.stop()
        self._pending = None
        if self._popup.isVisible():
            self._popup.hide()

    def _hovered(self) -> None:
        if self._pending is not None and self._view.isVisible():
            self.open_for(self._pending, sticky=False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self._view:
            if kind == QEvent.Type.KeyPress and event.key() == Qt.Key.Key_Escape and self._popup.isVisible():  # type: ignore[attr-defined]
                self.close_popup()
                return True
            if kind == QEvent.Type.Hide:
                self.close_popup()
            return False
        if kind == QEvent.Type.MouseMove:
            mouse: QMouseEvent = event  # type: ignore[assignment]
            if mouse.buttons() == Qt.MouseButton.NoButton:
                target = self.call_at(mouse.position())
                self._view.viewport().setCursor(QCursor(Qt.CursorShape.PointingHandCursor) if target else QCursor())
                if target is None:
                    self._hover_timer.stop()
                    self._pending = None
                    self._popup.leave_soon()
                elif self._pending is None or (target.row, target.position, target.label) != (self._pending.row, self._pending.position, self._pending.label):
                    self._pending = target
                    self._hover_timer.start()
        elif kind == QEvent.Type.MouseButtonRelease:
            mouse = event  # type: ignore[assignment]
            if mouse.button() == Qt.MouseButton.LeftButton:
                target = self.call_at(mouse.position())
                if target is not None:
                    self._hover_timer.stop()
                    self.open_for(target, sticky=True)
        elif kind == QEvent.Type.MouseButtonPress:
            if self._popup.isVisible():
                self._popup.hide()
        elif kind == QEvent.Type.Wheel:
            self.close_popup()
        elif kind == QEvent.Type.Leave:
            self._hover_timer.stop()
            self._popup.leave_soon()
        return False


__all__ = ["CallTarget", "NotePopup", "NotePopupController", "QLabel"]
