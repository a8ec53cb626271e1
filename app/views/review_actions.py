"""Review mode and alignment corrections in the reader: actions, shortcuts, context menu.

``ReviewActions(window, library)`` adds to the window a checkable "Review
mode" (View menu, Ctrl+R, the reader header's Review button) that tints beads
by the aligner's confidence and shows how much is checked, an "Alignment" menu
and the reader's context menu with every correction of the focused bead, each
with a shortcut active while the reader has focus.  Every correction is pushed
on the window's undo stack as one ``AlignmentEditCommand`` (the stack applies
it, in its own transaction); the reader then reloads only the changed beads.
Left/Right move the focused sentence within the bead: sentence-level edits
(split, join, detach, shift) act on it.  "Set the bead's extent" (Ctrl+Shift+B)
acts on the selected beads (Shift+arrows), else on the focused bead and the
two after it: the first one is made to end where the user chooses.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QPoint, QPointF, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu

from alignment.aligner.edits import (
    Confirm,
    ConfirmRange,
    Detach,
    ExtendBead,
    MergeNext,
    MergePrevious,
    ShiftSentence,
    SplitBead,
    Unconfirm,
)
from app.dialogs.split_bead_dialog import SplitBeadDialog
from app.dialogs.split_sentence_dialog import SplitSentenceDialog
from app.messages import error_text
from db.engine import Library
from db.services.reading import Segment
from db.services.review import next_unsure, review_progress

if TYPE_CHECKING:
    from app.tasks import Task
    from app.views.main_window import MainWindow
    from db.services.editing import AnyEdit, EditResult, RealignPlan

# Applying edits (db.services.editing, and with it the aligner) loads with the first
# correction, not with the window.

log = logging.getLogger(__name__)

CTRL, SHIFT, ALT = Qt.Modifier.CTRL, Qt.Modifier.SHIFT, Qt.Modifier.ALT


class ReviewActions(QObject):
    """Review mode and the correction actions of one main window."""

    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._pane = window.reader
        self._view = window.reader.view
        self.last_error: BaseException | None = None

        def act(text: str, slot: Callable[[], object], *keys: QKeySequence | QKeySequence.StandardKey) -> QAction:
            action = QAction(text, window)
            if keys:
                action.setShortcuts([QKeySequence(k) for k in keys])
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.setShortcutVisibleInContextMenu(True)
            action.triggered.connect(lambda _checked=False: slot())
            self._view.addAction(action)
            return action

        self.next_unsure_action = act(self.tr("&Next unsure bead"), lambda: self.go_to_unsure(1), QKeySequence(Qt.Key.Key_N))
        self.previous_unsure_action = act(self.tr("&Previous unsure bead"), lambda: self.go_to_unsure(-1),
                                          QKeySequence(SHIFT | Qt.Key.Key_N))
        self.confirm_action = act(self.tr("&Confirm the bead"), self.confirm,
                                  QKeySequence(CTRL | Qt.Key.Key_Return), QKeySequence(CTRL | Qt.Key.Key_Enter))
        self.confirm_above_action = act(self.tr("Confirm all beads &up to here"), self.confirm_up_to_here,
                                        QKeySequence(CTRL | SHIFT | Qt.Key.Key_Return))
        self.unconfirm_action = act(self.tr("&Unconfirm the bead"), self.unconfirm)
        self.merge_next_action = act(self.tr("&Merge with the next bead"), self.merge_next, QKeySequence(CTRL | Qt.Key.Key_M))
        self.merge_previous_action = act(self.tr("Merge with the p&revious bead"), self.merge_previous,
                                         QKeySequence(CTRL | SHIFT | Qt.Key.Key_M))
        self.split_bead_action = act(self.tr("&Split the bead…"), self.split_bead, QKeySequence(CTRL | Qt.Key.Key_B))
        self.extend_bead_action = act(self.tr("Set the bead's &extent…"), self.extend_bead,
                                      QKeySequence(CTRL | SHIFT | Qt.Key.Key_B))
        self.extend_bead_action.setToolTip(self.tr("Choose where the bead ends on each side: it takes in the "
                                                   "sentences of the beads after it, or gives some up"))
        self.shift_first_action = act(self.tr("Move the &first sentence to the previous bead"),
                                      lambda: self.shift_sentence("first"), QKeySequence(CTRL | Qt.Key.Key_BracketLeft))
        self.shift_last_action = act(self.tr("Move the &last sentence to the next bead"),
                                     lambda: self.shift_sentence("last"), QKeySequence(CTRL | Qt.Key.Key_BracketRight))
        self.detach_action = act(self.tr("Sentence has no &counterpart"), self.detach,
                                 QKeySequence(CTRL | Qt.Key.Key_Backspace))  # Ctrl+0 is the text size
        self.split_sentence_action = act(self.tr("Split the sen&tence…"), self.split_sentence,
                                         QKeySequence(CTRL | Qt.Key.Key_K))
        self.join_sentences_action = act(self.tr("&Join the sentence with the next one"), self.join_sentences,
                                         QKeySequence(CTRL | Qt.Key.Key_J))
        self.realign_action = act(self.tr("Re-&align the rest"), self.realign_rest, QKeySequence(CTRL | SHIFT | Qt.Key.Key_R))
        self.realign_action.setToolTip(self.tr("Align the unconfirmed beads again, keeping confirmed and edited beads"))
        self.next_sentence_action = act(self.tr("Next sentence in the bead"), lambda: self.step_sentence(1),
                                        QKeySequence(Qt.Key.Key_Right))
        self.previous_sentence_action = act(self.tr("Previous sentence in the bead"), lambda: self.step_sentence(-1),
                                            QKeySequence(Qt.Key.Key_Left))
        self.edit_actions = [
            self.merge_next_action, self.merge_previous_action, self.split_bead_action, self.extend_bead_action,
            self.shift_first_action,
            self.shift_last_action, self.detach_action, self.split_sentence_action, self.join_sentences_action,
        ]
        self.confirm_actions = [self.confirm_action, self.confirm_above_action, self.unconfirm_action]

        self.review_action = QAction(self.tr("&Review mode"), window, checkable=True)
        self.review_action.setShortcut(QKeySequence(CTRL | Qt.Key.Key_R))
        self.review_action.toggled.connect(self.set_review_mode)
        self._pane.review_button.toggled.connect(self.review_action.setChecked)
        view_menu = self._menu(window.tr("&View"))
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addAction(self.review_action)
        menu = window.menuBar().addMenu(self.tr("&Alignment"))
        self._fill(menu)
        self.alignment_menu = menu

        self._view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self._view.customContextMenuRequested.connect(self._context_menu)
        self._pane.text_opened.connect(lambda _id: self._text_opened())
        self._text_opened()

    # --- menus ---------------------------------------------------------------------------
    def _menu(self, title: str) -> QMenu | None:
        return next((a.menu() for a in self._window.menuBar().actions() if a.text() == title and a.menu()), None)

    def _fill(self, menu: QMenu) -> None:
        menu.addActions([self.review_action, self.next_unsure_action, self.previous_unsure_action])
        menu.addSeparator()
        menu.addActions(self.confirm_actions)
        menu.addSeparator()
        menu.addActions(self.edit_actions)
        menu.addSeparator()
        menu.addAction(self.realign_action)

    def context_menu(self) -> QMenu:
        menu = QMenu(self._view)
        copying = getattr(self._window, "reader_menu_actions", [])  # Copy with citation… (copy_actions)
        if copying:
            menu.addActions(copying)
            menu.addSeparator()
        self._fill(menu)
        return menu

    def _context_menu(self, pos: QPoint) -> None:
        hit = self._view.row_at(pos.y())
        if hit is not None:  # the menu acts on what was clicked
            row, y = hit
            sentence = self._view.renderer.hit_test(self._pane.model.row(row), self._pane.model.langs, QPointF(pos.x(), y))
            if not (self._view.has_range_selection() and row in range(*self._view.selection_range())):
                self._view.set_current(row, sentence, ensure_visible=False)
        self.context_menu().exec(self._view.viewport().mapToGlobal(pos))

    def _text_opened(self) -> None:
        paired = self._pane.alignment_id is not None
        for action in [*self.edit_actions, *self.confirm_actions, self.realign_action, self.next_unsure_action,
                       self.previous_unsure_action, self.review_action]:
            action.setEnabled(paired)
        self._pane.toolbar.set_wanted(self._pane.review_button, paired)
        self.update_progress()

    # --- review mode ---------------------------------------------------------------------
    def set_review_mode(self, on: bool) -> None:
        self._pane.review_button.setChecked(on)
        self._view.set_review_mode(on)
        self.update_progress()

    def progress_text(self) -> str:
        aid = self._pane.alignment_id
        if aid is None:
            return ""
        with self._library.sessions() as session:
            p = review_progress(session, aid)
        checked = p.confirmed + p.edited
        return self.tr("{0} of {1} beads checked ({2}%) · {3} unsure").format(
            checked, p.beads, round(100 * p.checked_fraction), p.unsure)

    def update_progress(self) -> None:
        on = self._view.review_mode and self._pane.alignment_id is not None
        self._pane.review_label.setVisible(on)
        self._pane.review_legend.setVisible(on)
        if on:
            self._pane.review_label.setText(self.progress_text())
            self._pane.review_label.setToolTip(
                self.tr("The share of the sentences (both languages) in confirmed or edited beads"))

    def go_to_unsure(self, direction: int) -> int | None:
        aid = self._pane.alignment_id
        if aid is None:
            return None
        with self._library.sessions() as session:
            row = next_unsure(session, aid, self._view.current_row, backwards=direction < 0)
        if row is None:
            self._window.statusBar().showMessage(
                self.tr("No unsure bead after this one.") if direction > 0 else self.tr("No unsure bead before this one."), 6000)
            return None
        self._view.set_current(row, ensure_visible=False)
        self._view.reveal(row)  # in the upper third, like every jump
        return row

    # --- the focused bead and sentence ----------------------------------------------------
    def _bead(self) -> int | None:
        if self._pane.alignment_id is None or not self._pane.model.rowCount():
            return None
        return self._view.current_row

    def _sentences(self, row: int) -> list[tuple[str, Segment]]:
        data = self._pane.model.row(row)
        langs = self._view.renderer.visible_langs(self._pane.model.langs)
        return [(lang, seg) for lang in langs for seg in data.side(lang)]

    def focused_sentence(self) -> tuple[str, Segment] | None:
        row = self._bead()
        if row is None or self._view.current_sentence is None:
            return None
        lang, position = self._view.current_sentence
        return next(((la, s) for la, s in self._sentences(row) if la == lang and s.position == position), None)

    def step_sentence(self, delta: int) -> None:
        row = self._bead()
        if row is None:
            return
        sentences = self._sentences(row)
        if not sentences:
            return
        focused = self.focused_sentence()
        at = -1 if focused is None and delta > 0 else len(sentences) if focused is None else sentences.index(focused)
        at = max(0, min(at + delta, len(sentences) - 1))
        lang, seg = sentences[at]
        self._view.set_current(row, (lang, seg.position))

    # --- corrections ---------------------------------------------------------------------
    def push(self, edit: AnyEdit, label: str | None = None) -> bool:
        """Push one correction of the open pair; False (and a message) when it does not fit."""
        aid = self._pane.alignment_id
        if aid is None:
            return False
        self.last_error = None
        from app.views.edit_commands import AlignmentEditCommand

        self._window.undo_stack.push(AlignmentEditCommand(self._library, aid, edit, self._applied, self._failed, label=label))
        return self.last_error is None

    def _applied(self, result: EditResult, _undo: bool) -> None:
        if result.alignment_id == self._pane.alignment_id:
            self._pane.reload_beads(result.start, result.removed, result.inserted, renumbered=result.renumbered)
            if self._pane.model.rowCount():
                self._view.set_current(min(result.start, self._pane.model.rowCount() - 1))
        self.update_progress()

    def _failed(self, exc: BaseException) -> None:
        self.last_error = exc
        self._window.statusBar().showMessage(error_text(exc), 10000)

    def _push_at(self, make: Callable[[int], AnyEdit | None]) -> bool:
        row = self._bead()
        edit = make(row) if row is not None else None
        return self.push(edit) if edit is not None else False

    def confirm(self) -> bool:
        return self._push_at(Confirm)

    def confirm_up_to_here(self) -> bool:
        return self._push_at(lambda row: ConfirmRange(0, row + 1))

    def unconfirm(self) -> bool:
        return self._push_at(Unconfirm)

    def merge_next(self) -> bool:
        return self._push_at(MergeNext)

    def merge_previous(self) -> bool:
        return self._push_at(MergePrevious)

    def split_bead(self) -> bool:
        row = self._bead()
        if row is None:
            return False
        data = self._pane.model.row(row)
        side = self._pane.model.outline.sides
        points = SplitBeadDialog.ask(self._window, data.ru, data.en, side["ru"].ends[row], side["en"].ends[row])
        return points is not None and self.push(SplitBead(row, *points))

    def extent_choices(self) -> tuple[int, int] | None:
        """Beads ``[row, stop)`` whose sentences the first one may take: the selected beads, else the
        focused bead and the two after it."""
        selected = self._pane.selected_beads()
        if selected is None:
            return None
        row, stop = selected
        if stop - row < 2:
            stop = min(row + 3, self._pane.model.rowCount())
        return row, stop

    def extend_bead(self, ends: tuple[int, int] | None = None) -> bool:
        """Make the first selected (or the focused) bead end where the user chooses on each side."""
        choices = self.extent_choices()
        if choices is None:
            return False
        row, stop = choices
        if ends is None:
            ends = self._ask_extent(row, stop)
        return ends is not None and self.push(ExtendBead(row, *ends))

    def _ask_extent(self, row: int, stop: int) -> tuple[int, int] | None:
        rows = [self._pane.model.row(r) for r in range(row, stop)]
        sides = self._pane.model.outline.sides
        dialog = SplitBeadDialog([s for d in rows for s in d.ru], [s for d in rows for s in d.en],
                                 sides["ru"].ends[stop - 1], sides["en"].ends[stop - 1], self._window)
        dialog.setWindowTitle(self.tr("Set the bead's extent"))
        intro = dialog.findChild(QLabel)
        if intro is not None:
            intro.setText(self.tr("On each side, choose the first sentence after the bead; the bead takes in "
                                  "everything before it (Tab switches sides, Enter sets)."))
        buttons = dialog.findChild(QDialogButtonBox)
        if buttons is not None:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Set"))
        for widget in (dialog.ru_list, dialog.en_list):
            widget.item(widget.count() - 1).setText(self.tr("— none: the bead takes in every sentence above"))
        dialog.ru_list.setCurrentRow(len(rows[0].ru))  # start where the bead ends now
        dialog.en_list.setCurrentRow(len(rows[0].en))
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.split_points()

    def _focus_or(self, lang: str = "ru", *, last: bool = False) -> tuple[str, Segment] | None:
        """The focused sentence, else the first (``last``: the last) sentence of ``lang`` in the bead."""
        focused = self.focused_sentence()
        row = self._bead()
        if focused is not None or row is None:
            return focused
        side = [x for x in self._sentences(row) if x[0] == lang] or self._sentences(row)
        return (side[-1] if last else side[0]) if side else None

    def shift_sentence(self, edge: str) -> bool:
        target = self._focus_or()
        return self._push_at(lambda row: ShiftSentence(row, target[0] if target else "ru", edge))  # type: ignore[arg-type]

    def detach(self) -> bool:
        row = self._bead()
        target = self._focus_or(last=True)
        if row is None or target is None:
            return False
        lang, seg = target
        positions = [s.position for la, s in self._sentences(row) if la == lang]
        if seg.position not in (positions[0], positions[-1]):
            self._failed(ValueError(self.tr("Only the first or the last sentence of a side can stand alone; "
                                            "move the cursor to one of them (Left/Right).")))
            return False
        edge = "first" if seg.position == positions[0] and len(positions) > 1 else "last"
        return self.push(Detach(row, lang, edge))  # type: ignore[arg-type]

    def split_sentence(self, offset: int | None = None) -> bool:
        target = self._focus_or()
        if target is None:
            return False
        if offset is None:
            offset = SplitSentenceDialog.ask(self._window, target[1].text)
        from db.services.segmentation import SplitSentence

        return offset is not None and self.push(SplitSentence(target[1].sentence_id, offset))

    def join_sentences(self) -> bool:
        target = self._focus_or(last=True)
        from db.services.segmentation import JoinSentences

        return target is not None and self.push(JoinSentences(target[1].sentence_id))

    # --- re-align the rest ---------------------------------------------------------------
    def realign_rest(self) -> Task | None:
        aid = self._pane.alignment_id
        if aid is None:
            return None
        library = self._library
        return self._window.run_task(
            lambda progress, cancel: _realign_rest(library, aid, progress=progress, cancel=cancel),
            label=self.tr("Re-aligning the unconfirmed beads…"),
            on_done=self._realigned,
        )

    def _realigned(self, plan: RealignPlan) -> None:
        if plan.edit is None:
            self._window.statusBar().showMessage(self.tr("Re-aligning changed nothing."), 8000)
            return
        if plan.alignment_id != self._pane.alignment_id:
            return  # the user opened another pair meanwhile; its beads were not re-aligned
        if self.push(plan.edit, self.tr("Re-align the rest")):
            self._window.statusBar().showMessage(
                self.tr("Re-aligned: {0} beads replaced by {1}.").format(len(plan.edit.old), len(plan.edit.new)), 10000)


def _realign_rest(*args: object, **kwargs: object) -> RealignPlan:
    from db.services.editing import realign_rest

    return realign_rest(*args, **kwargs)  # type: ignore[arg-type]
