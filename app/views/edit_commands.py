"""Undoable alignment corrections for the window's undo stack: one command per stored edit.

``AlignmentEditCommand`` stores an edit (a bead edit from ``alignment.aligner.edits``,
a sentence edit from ``db.services.segmentation``, or a re-alignment's
``ReplaceBeads``) through ``db.services.editing.apply_edit``, each redo and
undo in a transaction of its own.  The first redo applies the user's intent;
later redos replay the exact edit it became, and undo applies its exact
inverse, so any number of undos and redos give back the same library.  After
each step ``on_applied`` gets the ``EditResult`` so the reader reloads only the
beads that changed.

An edit that does not fit (merging the last bead…) makes the command obsolete:
the stack drops it, and ``on_error`` gets the typed error to show.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QUndoCommand

from alignment.aligner.edit_errors import EditError
from db.engine import Library
from db.errors import LibraryError
from db.services.editing import AnyEdit, EditResult, apply_edit

log = logging.getLogger(__name__)

OnApplied = Callable[[EditResult, bool], None]  # result, is_undo
OnError = Callable[[BaseException], None]


def _tr(text: str) -> str:
    return QCoreApplication.translate("EditCommands", text)


# Command labels (shown in Edit → Undo …), marked for pyside6-lupdate.
LABELS = {
    "MergeNext": QT_TRANSLATE_NOOP("EditCommands", "Merge with the next bead"),
    "MergePrevious": QT_TRANSLATE_NOOP("EditCommands", "Merge with the previous bead"),
    "SplitBead": QT_TRANSLATE_NOOP("EditCommands", "Split the bead"),
    "ExtendBead": QT_TRANSLATE_NOOP("EditCommands", "Set the bead's extent"),
    "ShiftSentence": QT_TRANSLATE_NOOP("EditCommands", "Move a sentence to the neighbouring bead"),
    "Detach": QT_TRANSLATE_NOOP("EditCommands", "Mark a sentence as having no counterpart"),
    "Confirm": QT_TRANSLATE_NOOP("EditCommands", "Confirm the bead"),
    "ConfirmRange": QT_TRANSLATE_NOOP("EditCommands", "Confirm the beads up to here"),
    "Unconfirm": QT_TRANSLATE_NOOP("EditCommands", "Unconfirm the bead"),
    "SplitSentence": QT_TRANSLATE_NOOP("EditCommands", "Split the sentence"),
    "JoinSentences": QT_TRANSLATE_NOOP("EditCommands", "Join the sentence with the next one"),
    "ReplaceBeads": QT_TRANSLATE_NOOP("EditCommands", "Re-align the rest"),
}


def edit_label(edit: AnyEdit) -> str:
    return _tr(LABELS.get(type(edit).__name__, type(edit).__name__))


class AlignmentEditCommand(QUndoCommand):
    """One correction of alignment ``alignment_id``; push it, the stack applies it."""

    def __init__(
        self,
        library: Library,
        alignment_id: int,
        edit: AnyEdit,
        on_applied: OnApplied,
        on_error: OnError,
        *,
        label: str | None = None,
    ) -> None:
        super().__init__(label or edit_label(edit))
        self._library = library
        self._alignment_id = alignment_id
        self._edit = edit
        self._done: AnyEdit | None = None
        self._undo: AnyEdit | None = None
        self._on_applied = on_applied
        self._on_error = on_error

    def redo(self) -> None:
        first = self._done is None
        result = self._store(self._edit if first else self._done)
        if result is None:
            if first:
                self.setObsolete(True)  # the stack drops it: nothing was changed
            return
        self._done, self._undo = result.done, result.undo
        self._on_applied(result, False)

    def undo(self) -> None:
        if self._undo is None:
            return
        result = self._store(self._undo)
        if result is not None:
            self._on_applied(result, True)

    def _store(self, edit: AnyEdit | None) -> EditResult | None:
        if edit is None:
            return None
        try:
            with self._library.sessions.begin() as session:
                return apply_edit(session, self._alignment_id, edit)
        except (EditError, LibraryError, LookupError) as exc:
            log.info("alignment %d: %s refused: %s", self._alignment_id, type(edit).__name__, exc)
            self._on_error(exc)
            return None
