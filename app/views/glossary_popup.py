"""The glossary popup over the reader, and the card that shows one entry.

``EntryCard`` shows an entry as plain text (nothing in the glossary is ever
read as markup) with its related entries and "all occurrences" as buttons.
``GlossaryPopup`` is the one frameless window reused for every term: it shows
without taking keyboard focus and closes on Esc or when the pointer leaves.
``TermPopupController`` watches the reader (an event filter, so the reader
keeps its own mouse and key handling): hovering a term for a moment, clicking
it, or pressing G on the focused sentence opens the popup.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QEnterEvent, QFont, QGuiApplication, QKeyEvent, QMouseEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignment.glossary.entries import EDITORS_SOURCE, Entry
from app.models.glossary_model import GlossaryModel
from app.views.popup_geometry import fit_height
from app.views.reader_view import ReaderView

log = logging.getLogger(__name__)

HOVER_DELAY_MS = 450
LEAVE_DELAY_MS = 350
POPUP_WIDTH = 380


def _plain_label(object_name: str, *, wrap: bool = True) -> QLabel:
    label = QLabel()
    label.setObjectName(object_name)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
    return label


def _button_text(text: str) -> str:
    return text.replace("&", "&&")  # a single & would become a keyboard mnemonic


class FlowLayout(QLayout):
    """Lays out widgets left to right, wrapping to new lines (for related-entry links)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 4) -> None:
        super().__init__(parent)
        self._items: list = []
        self._gap = spacing
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item) -> None:
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int):
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int):
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:
        return Qt.Orientation(0)

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._arrange(QRect(0, 0, width, 0), apply=False)

    def setGeometry(self, rect: QRect) -> None:
        super().setGeometry(rect)
        self._arrange(rect, apply=True)

    def sizeHint(self):
        return self.minimumSize()

    def minimumSize(self):
        from PySide6.QtCore import QSize

        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _arrange(self, rect: QRect, *, apply: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self._gap, 0
            if apply:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self._gap
            line = max(line, hint.height())
        return y + line - rect.y()


class EntryCard(QWidget):
    """One glossary entry shown in full, as plain text."""

    related_clicked = Signal(str)  # entry id
    occurrences_clicked = Signal(str)  # entry id

    def __init__(self, model: GlossaryModel, parent: QWidget | None = None, *, take_focus: bool = True) -> None:
        super().__init__(parent)
        self._model = model
        self._entry: Entry | None = None
        self._take_focus = take_focus
        self.headword = _plain_label("glossaryHeadword")
        font = QFont(self.headword.font())
        font.setPointSizeF(font.pointSizeF() * 1.25)
        font.setWeight(QFont.Weight.DemiBold)
        self.headword.setFont(font)
        self.russian = _plain_label("glossaryRussian")
        ru_font = QFont(self.russian.font())
        ru_font.setPointSizeF(ru_font.pointSizeF() * 1.1)
        self.russian.setFont(ru_font)
        self.meta = _plain_label("glossaryMeta")
        self.definition = _plain_label("glossaryDefinition")
        self.biography = _plain_label("glossaryBiography")
        self.source = _plain_label("glossarySource")
        self.related_label = _plain_label("glossaryRelatedLabel", wrap=False)
        self.related_label.setText(self.tr("See also:"))
        self.related_box = QWidget()
        self.related_layout = FlowLayout(self.related_box)
        self.occurrences_button = self._link_button(self.tr("All occurrences…"))
        self.occurrences_button.setToolTip(self.tr("Every sentence of the library with this term, beside its translation"))
        self.occurrences_button.clicked.connect(self._occurrences)
        muted = self.palette().color(self.foregroundRole())
        muted.setAlpha(170)
        for label in (self.meta, self.source, self.related_label):
            pal = label.palette()
            pal.setColor(label.foregroundRole(), muted)
            label.setPalette(pal)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(5)
        for widget in (self.headword, self.russian, self.meta, self.definition, self.biography, self.source):
            layout.addWidget(widget)
        related_row = QHBoxLayout()
        related_row.setSpacing(6)
        related_row.addWidget(self.related_label, 0, Qt.AlignmentFlag.AlignTop)
        related_row.addWidget(self.related_box, 1)
        layout.addLayout(related_row)
        layout.addWidget(self.occurrences_button, 0, Qt.AlignmentFlag.AlignLeft)

    @property
    def entry(self) -> Entry | None:
        return self._entry

    def _link_button(self, text: str) -> QPushButton:
        button = QPushButton(_button_text(text))
        button.setObjectName("glossaryLink")
        button.setFlat(True)
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        if not self._take_focus:
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        link = self.palette().color(self.palette().ColorRole.Link)
        button.setStyleSheet(f"QPushButton {{ color: {link.name()}; border: none; padding: 1px 2px; text-align: left; }}"
                             "QPushButton:hover { text-decoration: underline; }")
        return button

    def set_entry(self, entry: Entry) -> None:
        self._entry = entry
        self.headword.setText(entry.headword_en)
        russian = ", ".join(entry.forms_ru)
        self.russian.setText(russian)
        self.russian.setVisible(bool(russian))
        meta = [entry.translit, self._category(entry.category), entry.dates]
        self.meta.setText(" · ".join(m for m in meta if m))
        self.definition.setText(entry.definition)
        self.definition.setVisible(bool(entry.definition))
        self.biography.setText(entry.biography)
        self.biography.setVisible(bool(entry.biography))
        self.source.setText(self.source_line(entry))
        while (item := self.related_layout.takeAt(0)) is not None:
            if item.widget() is not None:
                item.widget().hide()  # deleteLater alone leaves it drawn until the event loop runs
                item.widget().deleteLater()
        related = [e for e in (self._model.entry(r) for r in entry.related) if e is not None]
        for other in related:
            button = self._link_button(other.headword_en)
            button.setToolTip(other.forms_ru[0] if other.forms_ru else other.headword_en)
            button.clicked.connect(lambda _c=False, i=other.id: self.related_clicked.emit(i))
            self.related_layout.addWidget(button)
        self.related_label.setVisible(bool(related))
        self.related_box.setVisible(bool(related))
        self.related_layout.invalidate()

    def related_names(self) -> list[str]:
        """Headwords of the related entries offered as links (for tests and accessibility)."""
        return [self.related_layout.itemAt(i).widget().text().replace("&&", "&") for i in range(self.related_layout.count())
                if self.related_layout.itemAt(i).widget() is not None]

    def source_line(self, entry: Entry) -> str:
        if self._model.is_user_entry(entry.id):
            return self.tr("Source: your own entry")
        if entry.written_by_project or entry.source == EDITORS_SOURCE:
            return self.tr("Source: Sverka editors (written by the project, not taken from a book)")
        return self.tr("Source: {0}").format(entry.source)

    def _category(self, category: str) -> str:
        return {
            "institution": self.tr("institution"), "territorial unit": self.tr("territorial unit"),
            "economic term": self.tr("economic term"), "political term": self.tr("political term"),
            "political group": self.tr("political group"), "slogan": self.tr("slogan"),
            "publication": self.tr("publication"), "event": self.tr("event"), "person": self.tr("person"),
            "other": self.tr("other"),
        }.get(category, category)

    def _occurrences(self) -> None:
        if self._entry is not None:
            self.occurrences_clicked.emit(self._entry.id)


class GlossaryPopup(QFrame):
    """The popup window over the reader; shown without activation, so the reader keeps the keyboard."""

    all_occurrences = Signal(str)  # entry id

    def __init__(self, model: GlossaryModel, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint)
        self.setObjectName("glossaryPopup")
        self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setFont(QApplication.font())  # not the smaller tooltip font
        border = self.palette().color(self.palette().ColorRole.Mid).name()
        self.setStyleSheet(f"#glossaryPopup {{ border: 1px solid {border}; border-radius: 6px; }}")
        self.setAutoFillBackground(True)
        self.setBackgroundRole(self.backgroundRole().Base)
        self.card = EntryCard(model, self, take_focus=False)
        self.card.related_clicked.connect(self.show_related)
        self.card.occurrences_clicked.connect(self._all_occurrences)
        # How the other language of the bead renders the term (app.views.term_links), as plain text.
        self.rendering_note = _plain_label("glossaryRenderingNote")
        self.rendering_note.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(14, 12, 14, 10)
        layout.addWidget(self.rendering_note)
        layout.addWidget(self.card)
        self._model = model
        self._anchor = QRect()
        self.sticky = False  # opened by a click or a key: the pointer moving away does not close it
        self._leave_timer = QTimer(self, singleShot=True, interval=LEAVE_DELAY_MS)
        self._leave_timer.timeout.connect(self.hide)

    @property
    def model(self) -> GlossaryModel:
        return self._model

    @property
    def entry_id(self) -> str | None:
        return self.card.entry.id if self.card.entry is not None and self.isVisible() else None

    def show_entry(self, entry: Entry, anchor: QRect, *, sticky: bool, note: str = "", warning: bool = False) -> None:
        """Show ``entry`` just below ``anchor`` (global coordinates), or above it near the screen's bottom;
        ``note`` says how the term is rendered in the counterpart (shown above the entry), in the
        colour of a warning when the counterpart has no rendering."""
        self._leave_timer.stop()
        self.sticky = sticky
        self._anchor = QRect(anchor)
        self.rendering_note.setText(note)
        self.rendering_note.setVisible(bool(note))
        pal = self.rendering_note.palette()
        pal.setColor(self.rendering_note.foregroundRole(),
                     QColor(190, 100, 10) if warning else self.palette().color(self.foregroundRole()))
        self.rendering_note.setPalette(pal)
        self.card.set_entry(entry)
        fit_height(self, POPUP_WIDTH)
        self.move(self._position(anchor))
        self.show()
        self.raise_()

    def _position(self, anchor: QRect) -> QPoint:
        screen = QGuiApplication.screenAt(anchor.center()) or QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else QRect(0, 0, 4000, 4000)
        x = max(area.left() + 4, min(anchor.left(), area.right() - self.width() - 4))
        y = anchor.bottom() + 6
        if y + self.height() > area.bottom() and anchor.top() - self.height() - 6 >= area.top():
            y = anchor.top() - self.height() - 6
        return QPoint(x, max(area.top(), y))

    def show_related(self, entry_id: str) -> None:
        entry = self._model.entry(entry_id)
        if entry is not None:
            self.show_entry(entry, self._anchor, sticky=True)  # another entry: the note was about the term

    def leave_soon(self) -> None:
        """The pointer moved away: close after a moment, unless it comes back (or the popup is sticky)."""
        if self.isVisible() and not self.sticky:
            self._leave_timer.start()

    def stay(self) -> None:
        self._leave_timer.stop()

    def _all_occurrences(self, entry_id: str) -> None:
        self.hide()
        self.all_occurrences.emit(entry_id)

    def enterEvent(self, event: QEnterEvent) -> None:
        self.stay()
        super().enterEvent(event)

    def leaveEvent(self, event: QEvent) -> None:
        self.leave_soon()
        super().leaveEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            event.accept()
            return
        super().keyPressEvent(event)


@dataclass(frozen=True)
class TermTarget:
    """A glossary term on screen: row, language, sentence position and span, and its entry."""

    row: int
    lang: str
    position: int
    start: int
    end: int
    entry_id: str


class TermPopupController(QObject):
    """Opens the popup for terms in a ``ReaderView``: hover (after a delay), click, or the G key."""

    KEY = Qt.Key.Key_G

    def __init__(self, view: ReaderView, popup: GlossaryPopup, parent: QObject | None = None) -> None:
        super().__init__(parent or view)
        self._view = view
        self._popup = popup
        self._pending: TermTarget | None = None
        self._shown: TermTarget | None = None
        self._press: QPointF | None = None
        self._key_index = -1
        # The rendering note and whether it warns (app.views.term_links).
        self.note_for: Callable[[TermTarget], tuple[str, bool]] | None = None
        self._hover_timer = QTimer(self, singleShot=True, interval=HOVER_DELAY_MS)
        self._hover_timer.timeout.connect(self._hovered)
        view.viewport().setMouseTracking(True)
        view.viewport().installEventFilter(self)
        view.installEventFilter(self)
        view.verticalScrollBar().valueChanged.connect(lambda _v: self.close_popup())
        view.current_changed.connect(lambda _r: setattr(self, "_key_index", -1))
        view.reader_model().modelReset.connect(self.close_popup)

    @property
    def shown(self) -> TermTarget | None:
        return self._shown if self._popup.isVisible() else None

    # --- finding terms -------------------------------------------------------------------
    def target_at(self, point: QPointF) -> TermTarget | None:
        """The term under viewport point ``point``."""
        hit = self._view.row_at(point.y())
        if hit is None:
            return None
        row, y = hit
        model = self._view.reader_model()
        found = self._view.renderer.term_at(model.row(row), model.langs, QPointF(point.x(), y))
        if found is None:
            return None
        lang, position, (start, end, entry_id) = found
        return TermTarget(row, lang, position, start, end, entry_id)

    def terms_of_focus(self) -> list[TermTarget]:
        """Terms of the focused sentence (else of the cursor's row), in reading order."""
        view = self._view
        model = view.reader_model()
        if model.rowCount() == 0:
            return []
        row_index = view.current_row
        row = model.row(row_index)
        langs = view.renderer.visible_langs(model.langs)
        sentence = view.current_sentence
        segments = [(lang, seg) for lang in langs for seg in row.side(lang)]
        if sentence is not None:
            focused = [(lang, seg) for lang, seg in segments if (lang, seg.position) == sentence]
            if any(seg.terms for _lang, seg in focused):
                segments = focused
        return [TermTarget(row_index, lang, seg.position, a, b, entry_id)
                for lang, seg in segments for a, b, entry_id in seg.terms]

    def global_rect(self, target: TermTarget) -> QRect | None:
        model = self._view.reader_model()
        top = self._view.row_top(target.row)
        if top is None:
            return None
        rect = self._view.renderer.term_rect(model.row(target.row), model.langs, target.lang, target.position,
                                             target.start, target.end)
        if rect is None:
            return None
        local = QRect(int(rect.x()), int(top + rect.y()), int(rect.width()), int(rect.height()))
        return QRect(self._view.viewport().mapToGlobal(local.topLeft()), local.size())

    # --- opening and closing -------------------------------------------------------------
    def open_for(self, target: TermTarget, *, sticky: bool) -> bool:
        entry = self._popup.model.entry(target.entry_id)
        rect = self.global_rect(target)
        if entry is None or rect is None:
            return False
        self._shown = target
        note, warning = self.note_for(target) if self.note_for is not None else ("", False)
        self._popup.show_entry(entry, rect, sticky=sticky, note=note, warning=warning)
        return True

    def open_focused(self) -> bool:
        """Open the popup for the focused sentence's next term (its first, then the next on each press)."""
        terms = self.terms_of_focus()
        if not terms:
            return False
        self._key_index = (self._key_index + 1) % len(terms)
        self._view.ensure_visible(terms[self._key_index].row)
        return self.open_for(terms[self._key_index], sticky=True)

    def close_popup(self) -> None:
        self._hover_timer.stop()
        self._pending = None
        if self._popup.isVisible():
            self._popup.hide()

    def _hovered(self) -> None:
        if self._pending is not None and self._view.isVisible():
            self.open_for(self._pending, sticky=False)

    # --- events --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if watched is self._view:
            if kind == QEvent.Type.KeyPress:
                return self._key(event)  # type: ignore[arg-type]
            if kind == QEvent.Type.Hide:
                self.close_popup()
            return False
        if kind == QEvent.Type.MouseMove:
            self._moved(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.Leave:
            self._hover_timer.stop()
            self._popup.leave_soon()
        elif kind == QEvent.Type.MouseButtonPress:
            mouse: QMouseEvent = event  # type: ignore[assignment]
            self._press = mouse.position() if mouse.button() == Qt.MouseButton.LeftButton else None
            if self._popup.isVisible():
                self.close_popup()
        elif kind == QEvent.Type.MouseButtonRelease:
            self._released(event)  # type: ignore[arg-type]
        elif kind == QEvent.Type.Wheel:
            self.close_popup()
        return False

    def _key(self, event: QKeyEvent) -> bool:
        plain = not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if event.key() == Qt.Key.Key_Escape and self._popup.isVisible():
            self.close_popup()
            return True
        if event.key() == self.KEY and plain:
            self.open_focused()
            return True
        return False

    def _moved(self, event: QMouseEvent) -> None:
        if event.buttons() != Qt.MouseButton.NoButton:
            return
        target = self.target_at(event.position())
        if target is not None and self._popup.isVisible() and target == self._shown:
            self._popup.stay()
            return
        if target is None:
            self._hover_timer.stop()
            self._pending = None
            self._popup.leave_soon()
            return
        if target != self._pending:
            self._pending = target
            self._hover_timer.start()

    def _released(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        if event.button() != Qt.MouseButton.LeftButton or press is None or event.modifiers():
            return
        if (event.position() - press).manhattanLength() > 4:
            return  # a drag selects beads; it does not open the popup
        target = self.target_at(event.position())
        if target is not None:
            self._hover_timer.stop()
            self.open_for(target, sticky=True)
