"""The window's Export…: choose what and the format (``ExportDialog``), choose the file,
ask before overwriting anything, then build and write the export in the background.

An export never overwrites a file without the user's yes: the file dialog's own
question is turned off, the window asks through ``ask_yes_no`` (tests patch
it), and only a yes writes with ``overwrite=True``.
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from alignment.progress import CancelToken, ProgressState
from app.plaintext import message
from app.dialogs.export_dialog import (
    FILE_FILTERS,
    ExportDialog,
    ExportRequest,
    SelectionChoice,
)
from db.dto import ExportDocument
from db.engine import Library
from db.services import bookmarks as bookmark_service
from db.services.export import EXTENSIONS, export_document
from db.services.export import excerpt as excerpts
from db.services.export.errors import ExportError

if TYPE_CHECKING:
    from app.tasks import Task
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)


def build_document(library: Library, request: ExportRequest) -> ExportDocument:
    """The document an export request asks for (reads the library in its own session)."""
    with library.sessions() as session:
        if request.what == "selection":
            assert request.alignment_id is not None
            found = [excerpts.excerpt_for_range(session, request.alignment_id, request.first, request.last)]
        elif request.what == "bookmark":
            assert request.bookmark_id is not None
            found = [excerpts.excerpt_for_bookmark(session, request.bookmark_id)]
        elif request.what == "tag":
            found = excerpts.excerpts_for_tag(session, request.tag)
        else:
            assert request.text_id is not None
            found = [excerpts.excerpt_for_text(session, request.text_id)]
    return excerpts.make_document(request.title or "Sverka export", found, style=request.style,
                                  romanisation=request.romanisation)


def write_export(library: Library, request: ExportRequest, path: Path, overwrite: bool) -> Path:
    """Build and write an export in one go (in the background: no format needs the GUI thread)."""
    return write_document(build_document(library, request), request.fmt, path, overwrite)


def write_document(document: ExportDocument, fmt: str, path: Path, overwrite: bool) -> Path:
    return export_document(document, fmt, path, overwrite=overwrite)


FILE_NAME_LIMIT = 80
_NUMBERED_TAIL = re.compile(r"^(.*\S)(, [^,]{0,24}\d[^,]*)$")  # ", beads 12–40": kept whole
_CLAUSE_END = re.compile(r"[.:;] | — ")


def shorten_words(text: str, limit: int) -> str:
    """``text`` cut to at most ``limit`` characters between words, at the end of a clause
    ("Проблемы развития СССР.") when one ends past the first quarter, never inside a word."""
    if len(text) <= limit:
        return text
    ends = [m.start() + 1 for m in _CLAUSE_END.finditer(text) if limit // 4 <= m.start() + 1 <= limit]
    if ends:
        return text[: ends[-1]].rstrip(" .:;—")
    space = text.rfind(" ", 0, limit + 1)
    return text[:space] if space > 0 else text[:limit]


def safe_file_name(title: str, fmt: str, limit: int = FILE_NAME_LIMIT) -> str:
    """A file name from a title: characters a file system takes, at most ``limit`` long,
    shortened between words (a bead or page range at the end is kept)."""
    keep = "".join(c if c.isalnum() or c in " -–_.,()" else " " for c in title)
    text = " ".join(keep.split())
    head, tail = text, ""
    numbered = _NUMBERED_TAIL.match(text)
    if numbered and len(text) > limit:
        head, tail = numbered.group(1), numbered.group(2)
    stem = (shorten_words(head, max(10, limit - len(tail))) + tail).strip(" .,") or "sverka-export"
    return f"{stem}.{EXTENSIONS[fmt]}"


class ExportActions(QObject):
    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        self._folder = Path.home()
        window.bookmarks_panel.export_requested.connect(
            lambda b: self.export(bookmark_id=b.id if b is not None else None, tag=window.bookmarks_panel.tag_filter.currentData() or "")
        )

    def _selection(self) -> SelectionChoice | None:
        reader = self._window.reader
        beads = reader.selected_beads()
        if beads is None or reader.alignment_id is None:
            return None
        return SelectionChoice(reader.alignment_id, beads[0], beads[1] - 1, reader.work_title)

    def export(self, *, bookmark_id: int | None = None, tag: str = "") -> Task | None:
        """File → Export…: ask what and how, then where; write in the background."""
        with self._library.sessions() as session:
            bookmarks = [b for b in bookmark_service.list_bookmarks(session) if not b.lost]
            tags = bookmark_service.all_tags(session)
        texts = [t for w in self._window.works() for t in w.texts if t.alignment_id is not None and t.lang == "ru"]
        request = ExportDialog.ask(
            selection=self._selection(),
            bookmarks=bookmarks,
            tags=tags,
            texts=texts,
            current_text_id=self._window.reader.model.texts.get("ru").id if "ru" in self._window.reader.model.texts else None,
            bookmark_id=bookmark_id,
            tag=tag,
            parent=self._window,
        )
        if request is None:
            return None
        settings = self._window.settings
        request = replace(request, style=settings.citation_style, romanisation=settings.romanisation)
        path = self.ask_save_path(request)
        if path is None:
            return None
        return self.start_export(request, path)

    def start_export(self, request: ExportRequest, path: Path) -> Task | None:
        """Write ``request`` to ``path``, asking first if the file exists."""
        overwrite = False
        if path.exists():
            if not self._window.ask_yes_no(
                self.tr("Replace the file?"),
                self.tr("{0} already exists. Replace it with this export?").format(path),
            ):
                self._window.statusBar().showMessage(self.tr("Not exported: {0} was left as it was.").format(path), 10000)
                return None
            overwrite = True
        library = self._library

        def job(_progress: ProgressState, _cancel: CancelToken) -> Path:
            return write_export(library, request, path, overwrite)

        return self._window.run_task(
            job,
            label=self.tr("Exporting {0}…").format(path.name),
            on_done=lambda result: self._written(result, path, overwrite),
            on_error=self._failed,
        )

    def _written(self, result: Path, path: Path, overwrite: bool) -> None:
        self._window.statusBar().showMessage(self.tr("Exported to {0}").format(result), 15000)

    def _failed(self, exc: BaseException) -> None:
        if isinstance(exc, ExportError):
            self.show_warning(self.tr("Not exported"), str(exc))
        else:
            self._window.show_error(exc)

    # --- hooks (tests patch these) -----------------------------------------------------------
    def ask_save_path(self, request: ExportRequest) -> Path | None:
        suggested = self._folder / safe_file_name(request.title, request.fmt)
        name, _ = QFileDialog.getSaveFileName(
            self._window,
            self.tr("Export to"),
            str(suggested),
            FILE_FILTERS[request.fmt],
            options=QFileDialog.Option.DontConfirmOverwrite,  # the window asks itself
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.lower().lstrip(".") not in (request.fmt, "htm" if request.fmt == "html" else request.fmt):
            path = path.with_name(path.name + "." + EXTENSIONS[request.fmt])
        self._folder = path.parent
        return path

    def show_warning(self, title: str, text: str) -> None:
        message(self._window, title, text, kind="warning")
