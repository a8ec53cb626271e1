"""Text → Translation report…: make the report of the open (or selected) pair in the background,
show it, jump the reader to a listed bead, export it.

Making the report reads every sentence of both texts (a book: thousands), so it
runs as a background task with progress and Cancel.  Export writes through the
exports' own safe writing (``write_atomically``): never over a file without the
user's yes, never half-written, and a folder that cannot be written is said so.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QFileDialog

from alignment.progress import Cancelled, CancelToken, ProgressState
from app.plaintext import message
from db.engine import Library
from db.services.export.errors import ExportError

# The report, its dialog and its writers are imported when first used: the first
# screen needs none of them (they load the glossary's renderings, the aligner's reasons…).
if TYPE_CHECKING:
    from app.dialogs.report_dialog import ReportDialog
    from app.tasks import Task
    from app.views.main_window import MainWindow
    from db.services.translation_report import TranslationReport


class ReportActions(QObject):
    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._folder = Path.home()
        self.dialog: ReportDialog | None = None
        self.action = QAction(self.tr("Translation &report…"), window)
        self.action.setToolTip(self.tr("Omissions, additions, length outliers and unsure beads of the pair, "
                                       "chapter by chapter"))
        self.action.triggered.connect(lambda _checked=False: self.show_report())

    def pair_to_report(self) -> int | None:
        """The alignment open in the reader, else that of the text selected in the library."""
        if self._window.reader.alignment_id is not None:
            return self._window.reader.alignment_id
        info = self._window.current_text_info()
        return info.alignment_id if info is not None else None

    def update_enabled(self) -> None:
        self.action.setEnabled(self.pair_to_report() is not None)

    def show_report(self) -> Task | None:
        alignment_id = self.pair_to_report()
        if alignment_id is None:
            self.show_message(self.tr("Translation report"),
                              self.tr("Open an aligned pair (or select one of its texts in the library) first."))
            return None
        library = self._library

        def job(progress: ProgressState, cancel: CancelToken) -> TranslationReport:
            from db.services.translation_report import translation_report

            with library.sessions() as session:
                return translation_report(session, alignment_id, progress=progress, cancel=cancel)

        return self._window.run_task(job, label=self.tr("Making the translation report…"), on_done=self._show,
                                     on_error=self._not_made)

    def _not_made(self, exc: BaseException) -> None:
        if isinstance(exc, Cancelled):  # the user's choice; nothing was written, nothing to say but that
            self._window.statusBar().showMessage(self.tr("The translation report was cancelled."), 10000)
        else:
            self._window.show_error(exc)

    def _show(self, report: TranslationReport) -> None:
        from app.dialogs.report_dialog import ReportDialog

        if self.dialog is not None:
            self.dialog.close()
        dialog = ReportDialog(report, self._window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.jump_requested.connect(self.jump)
        dialog.export_requested.connect(lambda: self.export(report))
        dialog.destroyed.connect(lambda _o=None: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.show()

    def jump(self, alignment_id: int, bead: int, last: int | None = None) -> None:
        """Show beads ``bead``..``last`` of the pair in the reader, selected, opening the pair if another
        text is open."""
        reader = self._window.reader
        if reader.alignment_id != alignment_id and self.dialog is not None:
            for text_id in (self.dialog.report.en.text_id, self.dialog.report.ru.text_id):
                self._window.open_text(text_id, row=bead)
                if reader.alignment_id == alignment_id:
                    break
        if reader.alignment_id == alignment_id:
            reader.show_beads(bead, (bead if last is None else last) + 1)

    def export(self, report: TranslationReport) -> Task | None:
        chosen = self.ask_report_path(report)
        if chosen is None:
            return None
        path, fmt = chosen
        overwrite = False
        if path.exists():
            if not self._window.ask_yes_no(self.tr("Replace the file?"),
                                           self.tr("{0} already exists. Replace it with this report?").format(path)):
                self._window.statusBar().showMessage(
                    self.tr("Not exported: {0} was left as it was.").format(path), 10000)
                return None
            overwrite = True

        def job(_progress: ProgressState, _cancel: CancelToken) -> Path:
            from db.services.export.report_formats import export_report

            return export_report(report, fmt, path, overwrite=overwrite)

        return self._window.run_task(
            job, label=self.tr("Exporting {0}…").format(path.name),
            on_done=lambda result: self._window.statusBar().showMessage(
                self.tr("Exported the report to {0}").format(result), 15000),
            on_error=self._failed,
        )

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ExportError):
            self.show_message(self.tr("Not exported"), str(exc), kind="warning")
        else:
            self._window.show_error(exc)

    # --- hooks (tests patch these) -----------------------------------------------------------
    def ask_report_path(self, report: TranslationReport) -> tuple[Path, str] | None:
        from app.views.export_action import safe_file_name

        filters = {
            self.tr("HTML page (*.html *.htm)"): "html",
            self.tr("Markdown (*.md)"): "md",
            self.tr("JSON (*.json)"): "json",
        }
        stem = safe_file_name(self.tr("Translation report — {0}").format(report.work_title), "html")[: -len(".html")]
        name, chosen = QFileDialog.getSaveFileName(
            self.dialog or self._window, self.tr("Export the report to"), str(self._folder / f"{stem}.html"),
            ";;".join(filters), options=QFileDialog.Option.DontConfirmOverwrite,  # the window asks itself
        )
        if not name:
            return None
        path = Path(name)
        suffix = path.suffix.lower().lstrip(".")
        fmt = {"html": "html", "htm": "html", "md": "md", "json": "json"}.get(suffix) or filters.get(chosen, "html")
        if suffix not in ("html", "htm", "md", "json"):
            path = path.with_name(f"{path.name}.{fmt}")
        self._folder = path.parent
        return path, fmt

    def show_message(self, title: str, text: str, *, kind: str = "information") -> None:
        message(self.dialog or self._window, title, text, kind=kind)
