"""Text → Replace with another text…: put the real text in place of a stand-in.

For a working translation or a back-translation written by Sverka's editors,
the user picks a file (e.g. the Russian original of 1925 from an archive
edition) and says what it is in the import dialog (language and work are
fixed: those of the stand-in).  ``db.services.replacing.replace_text`` runs in
the background: it imports and aligns the file with the unchanged side, keeps
the stand-in under its label and moves the bookmarks.  The window then says
what happened to the bookmarks in plain words and opens the new pair.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject
from PySide6.QtWidgets import QComboBox, QDialogButtonBox, QWidget

from app.dialogs.import_dialog import ImportDialog, ImportRequest
from app.plaintext import PlainLabel, message
from app.views.import_retry import options_to_retry, settles
from db.dto import KIND_LABELS, PROJECT_WRITTEN_KINDS, ReplaceResult, TextInfo, WorkInfo
from db.engine import Library
from db.services import bookmarks as bookmark_service

if TYPE_CHECKING:
    from db.services.importing import ImportOptions

if TYPE_CHECKING:
    from app.tasks import Task
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)

# Kind labels translated through ``self.tr``, marked for pyside6-lupdate.
_MARKED = (
    QT_TRANSLATE_NOOP("ReplaceDialog", "back-translation"),
    QT_TRANSLATE_NOOP("ReplaceDialog", "working translation"),
    QT_TRANSLATE_NOOP("ReplaceActions", "back-translation"),
    QT_TRANSLATE_NOOP("ReplaceActions", "working translation"),
)


def can_replace(info: TextInfo | None) -> bool:
    """Only a stand-in written by the project, aligned with a partner, can be replaced."""
    return info is not None and info.kind in PROJECT_WRITTEN_KINDS and info.alignment_id is not None


class ReplaceDialog(ImportDialog):
    """The import dialog with the stand-in's language and work fixed, and the usual kind preset."""

    def __init__(self, stand_in: TextInfo, works: list[WorkInfo], path: Path | None = None, parent: QWidget | None = None) -> None:
        super().__init__(works, path, parent)
        self.setWindowTitle(self.tr("Replace “{0}”").format(stand_in.title))
        explanation = PlainLabel(
            self.tr(
                "“{0}” is a {1} written by Sverka's editors. The file you choose is imported into the same work "
                "and aligned with the other side; the stand-in stays in the library under its label, and your "
                "bookmarks move to the new text."
            ).format(stand_in.title, self.tr(KIND_LABELS.get(stand_in.kind, stand_in.kind)))
        )
        explanation.setWordWrap(True)
        self.layout().insertRow(0, explanation)  # type: ignore[union-attr]
        self._set_language(stand_in.lang)
        self.lang_combo.setEnabled(False)
        self.work_combo.setCurrentIndex(max(0, self.work_combo.findData(stand_in.work_id)))
        self.work_combo.setEnabled(False)
        # A long work title must not squeeze the labels: the combo elides it instead.
        self.work_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.work_combo.setMinimumContentsLength(24)
        from db.services.replacing import REPLACEMENT_KIND

        self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(REPLACEMENT_KIND[stand_in.kind])))
        self.author_edit.setText(stand_in.author)
        buttons = self.findChild(QDialogButtonBox)
        if buttons is not None:
            buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Replace"))
        self.setMinimumWidth(600)
        # A wrapped label in a form row gets its height for the final width only once laid out.
        explanation.setMinimumHeight(explanation.heightForWidth(560))

    def _browse(self) -> None:
        # The language is the stand-in's: guessing it from the file name must not change it.
        lang = self.lang_combo.currentData()
        super()._browse()
        self._set_language(lang)

    @classmethod
    def ask_replacement(
        cls, stand_in: TextInfo, works: list[WorkInfo], path: Path | None = None, parent: QWidget | None = None
    ) -> ImportRequest | None:
        dialog = cls(stand_in, works, path, parent)
        if path is None:
            dialog._browse()
            if not dialog.path_edit.text():
                return None
        return dialog.request() if dialog.exec() == ReplaceDialog.DialogCode.Accepted else None


class ReplaceActions(QObject):
    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library

    def replace_current(self, path: Path | None = None) -> Task | None:
        info = self._window.current_text_info()
        if not can_replace(info):
            return None
        assert info is not None
        request = ReplaceDialog.ask_replacement(info, self._window.works(), path, self._window)
        if request is None:
            return None
        from db.services.importing import ImportOptions

        return self.start_replace(info, request, ImportOptions())

    def start_replace(self, stand_in: TextInfo, request: ImportRequest, options: ImportOptions) -> Task:
        from db.services.replacing import replace_text

        # the replacement joins the stand-in's work, in the stand-in's language
        meta = request.metadata(lang=stand_in.lang, work_id=None)
        library = self._library
        return self._window.run_task(
            lambda progress, cancel: replace_text(
                library, stand_in.id, request.path, meta, options, progress=progress, cancel=cancel
            ),
            label=self.tr("Replacing {0}…").format(stand_in.title),
            on_done=lambda result: self._replaced(stand_in, result),
            on_error=lambda exc: self._failed(exc, stand_in, request, options),
        )

    def _failed(self, exc: BaseException, stand_in: TextInfo, request: ImportRequest, options: ImportOptions) -> None:
        if settles(exc):
            retry = options_to_retry(self._window, self._window, exc, request.path, options, replacing=True)
            if retry is not None:
                self.start_replace(stand_in, request, retry)
            return
        self._window.show_error(exc)

    def _replaced(self, stand_in: TextInfo, result: ReplaceResult) -> None:
        self._window.refresh_library()
        self._window.select_text(result.new_text_id)
        self._window.bookmarks_changed()
        self.report(self.tr("Text replaced"), self.summary(stand_in, result))

    def summary(self, stand_in: TextInfo, result: ReplaceResult) -> str:
        """What happened, in plain words (bookmarks moved and those to check, by title)."""
        with self._library.sessions() as session:
            flagged = [bookmark_service.get_bookmark(session, i) for i in result.bookmarks_flagged]
        moved = len(result.bookmarks_remapped)
        lines = [
            self.tr("The new text is aligned with the other side and open in the reader."),
            self.tr("“{0}” stays in the library as a {1}.").format(
                stand_in.title, self.tr(KIND_LABELS.get(stand_in.kind, stand_in.kind))
            ),
        ]
        if moved:
            lines.append(
                self.tr("%n bookmark moved to the new text.", "", moved)
                if moved == 1
                else self.tr("%n bookmarks moved to the new text.", "", moved)
            )
        elif not flagged:
            lines.append(self.tr("There were no bookmarks to move."))
        if flagged:
            lines.append(
                self.tr("%n bookmark needs your review (see the Bookmarks tab):", "", len(flagged))
                if len(flagged) == 1
                else self.tr("%n bookmarks need your review (see the Bookmarks tab):", "", len(flagged))
            )
            lines.extend(f"  • {b.title}: {b.review_reason}" for b in flagged)
        lines.extend(result.warnings)
        return "\n".join(lines)

    # --- hook (tests patch it) -------------------------------------------------------------
    def report(self, title: str, text: str) -> None:
        message(self._window, title, text)
