"""The main window: the library panel on the left, the open text on the right.

Slots read widget state, hand the work to a ``db`` service (in the background
when it can take long) and show the result; nothing here builds SQL or
touches text logic.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTreeView,
    QWidget,
)

from db.dto import ImportResult, WorkInfo
from db.engine import Library
from db.errors import DuplicateTextError, LanguageMismatchError
from db.services import library as library_service
from db.services.bundled import bundled_installed, ensure_bundled_library, restore_bundled
from db.services.importing import ImportOptions, TextMetadata, import_text
from app.dialogs.import_dialog import ImportDialog, ImportRequest
from app.dialogs.progress_dialog import TaskProgressDialog
from app.messages import error_text, error_title
from app.models.library_model import TEXT_ID_ROLE, LibraryModel
from app.tasks import Task, TaskRunner
from app.views.text_view import TextView

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(self, library: Library, runner: TaskRunner, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._runner = runner
        self._works: list[WorkInfo] = []
        self.setWindowTitle(self.tr("Sverka"))
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.library_model = LibraryModel()
        self.library_view = QTreeView()
        self.library_view.setModel(self.library_model)
        self.library_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.library_view.setUniformRowHeights(True)
        self.library_view.setAlternatingRowColors(True)
        self.library_view.activated.connect(self._open_index)
        self.library_view.clicked.connect(self._open_index)
        header = self.library_view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 130)
        for col in range(2, self.library_model.columnCount()):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)

        self.text_view = TextView()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.library_view)
        splitter.addWidget(self.text_view)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 4)
        splitter.setSizes([640, 640])
        self.setCentralWidget(splitter)
        self._status = QLabel()
        self.statusBar().addWidget(self._status, 1)
        self._build_menus()
        self.refresh_library()

    # --- menus -------------------------------------------------------------------------
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = QAction(self.tr("&Import…"), self)
        self.import_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_action.triggered.connect(lambda: self.import_file())
        file_menu.addAction(self.import_action)
        self.restore_action = QAction(self.tr("&Restore bundled texts"), self)
        self.restore_action.triggered.connect(self.restore_bundled)
        file_menu.addAction(self.restore_action)
        file_menu.addSeparator()
        quit_action = QAction(self.tr("&Quit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        text_menu = self.menuBar().addMenu(self.tr("&Text"))
        self.rename_action = QAction(self.tr("&Rename…"), self)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.rename_action.triggered.connect(self.rename_current)
        text_menu.addAction(self.rename_action)
        self.delete_action = QAction(self.tr("&Delete…"), self)
        self.delete_action.setShortcut(QKeySequence.StandardKey.Delete)
        self.delete_action.triggered.connect(self.delete_current)
        text_menu.addAction(self.delete_action)
        self.library_view.addActions([self.rename_action, self.delete_action])
        self.library_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)

    # --- library -----------------------------------------------------------------------
    def refresh_library(self) -> None:
        with self._library.sessions() as session:
            self._works = library_service.list_works(session)
        self.library_model.set_works(self._works)
        for row in range(self.library_model.rowCount()):
            self.library_view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.library_view.expandAll()
        count = sum(len(w.texts) for w in self._works)
        self._status.setText(self.tr("{0} texts in {1} works — {2}").format(count, len(self._works), self._library.path))

    def ensure_bundled(self) -> Task | None:
        """Install the bundled library in the background on first run."""
        if bundled_installed(self._library):
            return None
        library = self._library
        return self._run(
            lambda progress, cancel: ensure_bundled_library(library, progress=progress, cancel=cancel),
            label=self.tr("Setting up the bundled library…"),
            on_done=lambda _changes: self.refresh_library(),
        )

    def restore_bundled(self) -> Task:
        library = self._library
        return self._run(
            lambda progress, cancel: restore_bundled(library, progress=progress, cancel=cancel),
            label=self.tr("Restoring the bundled texts…"),
            on_done=lambda _changes: self.refresh_library(),
        )

    def current_text_id(self) -> int | None:
        index = self.library_view.currentIndex()
        value = index.data(TEXT_ID_ROLE) if index.isValid() else None
        return int(value) if value is not None else None

    def _open_index(self, index: QModelIndex) -> None:
        text_id = index.data(TEXT_ID_ROLE)
        if text_id is not None:
            self.open_text(int(text_id))

    def open_text(self, text_id: int) -> None:
        with self._library.sessions() as session:
            info = library_service.get_text(session, text_id)
            paragraphs = library_service.text_paragraphs(session, text_id)
        self.text_view.show_text(info, paragraphs)
        self.setWindowTitle(self.tr("{0} — Sverka").format(info.title))

    def select_text(self, text_id: int) -> None:
        for row in range(self.library_model.rowCount()):
            work = self.library_model.item(row, 0)
            for child in range(work.rowCount()):
                item = work.child(child, 0)
                if item.data(TEXT_ID_ROLE) == text_id:
                    self.library_view.setCurrentIndex(item.index())
                    self.open_text(text_id)
                    return

    def rename_current(self) -> None:
        text_id = self.current_text_id()
        info = self.library_model.text_info(text_id) if text_id is not None else None
        if info is None:
            return
        title, ok = QInputDialog.getText(self, self.tr("Rename text"), self.tr("Title:"), text=info.title)
        if ok and title.strip():
            with self._library.sessions.begin() as session:
                library_service.rename_text(session, info.id, title)
            self.refresh_library()

    def delete_current(self) -> None:
        text_id = self.current_text_id()
        info = self.library_model.text_info(text_id) if text_id is not None else None
        if info is None:
            return
        extra = self.tr("\n\nIt is a bundled text: File → Restore bundled texts brings it back.") if info.bundled else ""
        if not self.ask_yes_no(
            self.tr("Delete text"),
            self.tr("Delete “{0}” and its alignments from the library?").format(info.title) + extra,
        ):
            return
        with self._library.sessions.begin() as session:
            library_service.delete_text(session, info.id)
        if self.text_view.text_id == info.id:
            self.text_view.clear_text()
        self.refresh_library()

    # --- import ------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> Task | None:
        request = ImportDialog.ask(self._works, path, self)
        if request is None:
            return None
        return self.start_import(request, ImportOptions())

    def start_import(self, request: ImportRequest, options: ImportOptions) -> Task:
        meta = TextMetadata(
            lang=request.lang,
            title=request.title,
            author=request.author,
            translator=request.translator,
            date=request.date,
            source=request.source,
            rights=request.rights,
            kind=request.kind,
            work_id=request.work_id,
        )
        library = self._library
        return self._run(
            lambda progress, cancel: import_text(library, request.path, meta, options, progress=progress, cancel=cancel),
            label=self.tr("Importing {0}…").format(request.path.name),
            on_done=self._imported,
            on_error=lambda exc: self._import_failed(exc, request, options),
        )

    def _imported(self, result: ImportResult) -> None:
        self.refresh_library()
        self.select_text(result.text_id)
        message = self.tr("Imported: {0} paragraphs, {1} sentences.").format(result.paragraph_count, result.sentence_count)
        if result.warnings:
            message += " " + " ".join(result.warnings)
        self.statusBar().showMessage(message, 10000)

    def _import_failed(self, exc: BaseException, request: ImportRequest, options: ImportOptions) -> None:
        if isinstance(exc, DuplicateTextError):
            if self.ask_yes_no(
                self.tr("Already in the library"),
                self.tr("This text is already in the library as “{0}”. Import a second copy?").format(exc.title),
            ):
                self.start_import(request, ImportOptions(options.fmt, True, options.force_language))
            return
        if isinstance(exc, LanguageMismatchError):
            if self.ask_yes_no(self.tr("Check the language"), str(exc).replace("--force-language", "“Yes”") + "\n\n" + self.tr("Import it anyway?")):
                self.start_import(request, ImportOptions(options.fmt, options.allow_duplicate, True))
            return
        self.show_error(exc)

    # --- helpers (tests patch these) -------------------------------------------------------
    def ask_yes_no(self, title: str, text: str) -> bool:
        answer = QMessageBox.question(self, title, text, QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, exc: BaseException) -> None:
        QMessageBox.warning(self, error_title(exc), error_text(exc))

    def _run(self, job: Any, *, label: str, on_done: Any, on_error: Any = None) -> Task:
        task = self._runner.run(job, label=label, on_done=on_done, on_error=on_error or self.show_error)
        if not task.finished:
            TaskProgressDialog(task, self._runner, self)
        return task

    # --- drag and drop -----------------------------------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 - Qt override
        if event.mimeData().hasUrls() and any(u.isLocalFile() for u in event.mimeData().urls()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 - Qt override
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        event.acceptProposedAction()
        for path in paths:
            self.import_file(path)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self._runner.cancel_all()
        super().closeEvent(event)
