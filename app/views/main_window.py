"""The main window: library and search on the left, the reader on the right.

Slots read widget state, hand the work to a ``db`` service (in the background
when it can take long) and show the result; nothing here builds SQL or
touches text logic.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QShowEvent, QDragEnterEvent, QDropEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QMainWindow,
    QSplitter,
    QTabWidget,
    QWidget,
)

from typing import TYPE_CHECKING

from db.dto import Changes, ImportResult, TextInfo, WorkInfo
from db.backups import daily_backup, list_backups
from db.engine import Library, restore_backup
from db.errors import LibraryError
from db.services import library as library_service
from db.services.search import SearchHit
from app.dialogs.backup_dialog import BackupDialog
from app.plaintext import PlainLabel, ask, choose, install_plain_tooltips, message
from app.views.import_retry import options_to_retry, settles
from app.views.library_command import LibraryCommand
from app.dialogs.progress_dialog import TaskProgressDialog
from app.messages import error_text, error_title
from app.models.library_model import TEXT_ID_ROLE, LibraryModel
from app.settings import Settings
from app.tasks import Task, TaskRunner
from app.views.bookmarks_panel import BookmarksPanel
from app.views.library_commands import DeleteTextCommand
from app.views.library_view import LibraryView
from app.views.reader_pane import ReaderPane
from app.views.search_panel import SearchPanel

if TYPE_CHECKING:
    from app.dialogs.import_dialog import ImportRequest
    from db.services.importing import ImportOptions

# Importing, aligning and the bundled library's installation are imported when first
# used: the first screen needs none of them (and they load the aligner, NLTK…).

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    def __init__(
        self, library: Library, runner: TaskRunner, parent: QWidget | None = None, *, settings: Settings | None = None
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._runner = runner
        self._settings = settings or Settings.from_app()
        self._works: list[WorkInfo] = []
        self.reader_menu_actions: list[QAction] = []  # the reader's context menu starts with these (copying)
        install_plain_tooltips()  # every tooltip shows file and user text as text, never as HTML
        LibraryCommand.report_error = lambda exc: self.show_error(exc)  # type: ignore[assignment, method-assign]
        self.undo_stack = QUndoStack(self)
        self.setWindowTitle(self.tr("Sverka"))
        self.setAcceptDrops(True)
        self.resize(1280, 800)

        self.library_model = LibraryModel()
        self.library_view = LibraryView()
        self.library_view.setModel(self.library_model)
        self.library_view.activated.connect(self._open_index)
        self.library_view.clicked.connect(self._open_index)

        self.reader = ReaderPane(library, self._settings)
        self.search_panel = SearchPanel(library)
        self.search_panel.open_hit.connect(self.open_hit)
        self.search_panel.results_shown.connect(lambda result: self.reader.set_search_hits(result.hits))
        self.side_tabs = QTabWidget()
        self.side_tabs.setDocumentMode(True)
        # every tab stays in view on a narrow panel (a long name is shortened; its tooltip has it whole)
        self.side_tabs.tabBar().setUsesScrollButtons(False)
        self.side_tabs.tabBar().setElideMode(Qt.TextElideMode.ElideRight)
        self.side_tabs.addTab(self.library_view, self.tr("Library"))
        self.side_tabs.addTab(self.search_panel, self.tr("Search"))
        self.bookmarks_panel = BookmarksPanel(library)
        self.side_tabs.addTab(self.bookmarks_panel, self.tr("Bookmarks"))
        from app.views.toc_panel import TocPanel

        self.toc_panel = TocPanel()
        self.side_tabs.addTab(self.toc_panel, self.tr("Contents"))
        self.toc_panel.go_to_row.connect(self.reader.go_to_row)
        self.reader.toc_changed.connect(self._toc_changed)
        self.reader.view.position_changed.connect(self._follow_chapter)
        self.reader.view.current_changed.connect(self._follow_chapter)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.side_tabs)
        self.splitter.addWidget(self.reader)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 5)
        self.splitter.setSizes([380, 900])  # the reader gets the room; F9 hides the panel for reading
        self.setCentralWidget(self.splitter)
        if (geometry := self._settings.geometry()) is not None:
            self.restoreGeometry(geometry)
        self._panel_sized = False  # the panel's first width is set when the window first shows
        if (sizes := self._settings.splitter()) is not None:
            self._panel_sized = self.splitter.restoreState(sizes)
        self._status = QLabel()
        self.statusBar().addWidget(self._status, 1)
        if library.read_only:
            self.setWindowTitle(self.tr("Sverka — read-only library"))
            self.read_only_label = PlainLabel(self.tr("Read-only: changes cannot be saved"))
            self.read_only_label.setToolTip(self.tr("The library file or its folder cannot be written. You can read "
                                                    "and search it; bookmarks, edits and imports are refused."))
            self.statusBar().addPermanentWidget(self.read_only_label)
        self.page_label = QLabel()
        self.page_label.setObjectName("statusPage")
        self.page_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.page_label)
        self.reader.page_changed.connect(self._show_page)
        self._build_menus()
        self._build_bookmark_actions()
        self._build_glossary()
        self._build_review()
        self._build_copying()
        self._build_reading()
        for tab in range(self.side_tabs.count()):
            self.side_tabs.setTabToolTip(tab, self.side_tabs.tabText(tab).replace("&", ""))
        self.refresh_library()

    # --- contents and pages ------------------------------------------------------------
    def show_contents(self) -> None:
        """Show the side panel on its Contents tab."""
        self.library_panel_action.setChecked(True)
        self.side_tabs.setCurrentWidget(self.toc_panel)
        self.toc_panel.tree.setFocus()

    def _toc_changed(self) -> None:
        entries = self.reader.toc_entries
        langs = self.reader.view.renderer.visible_langs(self.reader.model.langs) if self.reader.model.langs else ()
        self.toc_panel.set_entries(entries, tuple(self.reader.model.langs) if len(self.reader.model.langs) > 1 else tuple(langs))
        self.chapters_menu.clear()
        # chapters: the highest heading level used more than once (a book's title stands alone)
        levels = [e.level for e in entries]
        top = min((lv for lv in set(levels) if levels.count(lv) > 1), default=min(levels, default=1))
        for entry in [e for e in entries if e.level == top][:80]:
            title = " / ".join(t for t in (entry.titles.get(lang, "") for lang in self.reader.model.langs) if t)
            action = self.chapters_menu.addAction(title.replace("&", "&&")[:90])
            action.triggered.connect(lambda _c=False, r=entry.row: self.reader.go_to_row(r))
        self.chapters_menu.setEnabled(bool(entries))
        self._follow_chapter()

    def _follow_chapter(self, _row: int = 0) -> None:
        view = self.reader.view
        if self.reader.model.rowCount():
            # the chapter of the cursor when it is on screen, else of the top of the screen
            row = view.current_row if view.current_row in view.visible_rows() else view.top_row
            self.toc_panel.follow(row)

    def _show_page(self, label: str) -> None:
        from app.views.reader_render import page_mark_text

        self.page_label.setText(page_mark_text(label) if label else "")

    # --- menus -------------------------------------------------------------------------
    def _action(self, text: str, slot: Any, shortcut: QKeySequence | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.import_action = self._action(self.tr("&Import…"), self.import_file, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_I))
        self.import_aligned_action = self._action(self.tr("Import an &aligned pair…"), self.import_aligned_file)
        self.import_aligned_action.setToolTip(self.tr(
            "A pair aligned elsewhere or exported by Sverka: TMX, TSV, CSV, LF Aligner .txt, InterText .xml"))
        self.restore_action = self._action(self.tr("&Restore bundled texts"), self.restore_bundled)
        self.restore_backup_action = self._action(self.tr("Restore from &backup…"), self.restore_from_backup)
        self.settings_action = self._action(self.tr("&Settings…"), self.edit_settings, QKeySequence.StandardKey.Preferences)
        quit_action = self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        file_menu.addActions([self.import_action, self.import_aligned_action, self.restore_action,
                              self.restore_backup_action])
        file_menu.addSeparator()
        file_menu.addAction(self.settings_action)
        file_menu.addSeparator()
        file_menu.addAction(quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.find_action = self._action(self.tr("&Find in text…"), self.reader.open_find)
        self.find_action.setShortcutVisibleInContextMenu(True)
        self.search_action = self._action(
            self.tr("&Search the library…"), self.focus_search, QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_F)
        )
        self.goto_action = self._action(self.tr("&Go to…"), self.reader.ask_goto)
        self.locate_action = self._action(self.tr("Find a &quotation in the original…"), self.find_quotation)
        edit_menu.addActions([self.undo_action, self.redo_action])
        edit_menu.addSeparator()
        edit_menu.addActions([self.find_action, self.search_action, self.goto_action, self.locate_action])

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        self.layout_actions = QActionGroup(self)
        for mode, label in (
            ("side_by_side", self.tr("&Side by side")),
            ("interlinear", self.tr("&Interlinear")),
            ("ru", self.tr("&Russian only")),
            ("en", self.tr("&English only")),
        ):
            action = QAction(label, self, checkable=True)
            action.setData(mode)
            action.setChecked(self._settings.layout == mode)
            action.triggered.connect(lambda _c=False, m=mode: self.set_layout(m))
            self.layout_actions.addAction(action)
            view_menu.addAction(action)
        view_menu.addSeparator()
        self.swap_action = QAction(self.tr("S&wap columns"), self, checkable=True)
        self.swap_action.setChecked(self._settings.swapped)
        self.swap_action.toggled.connect(self.reader.swap_button.setChecked)
        self.reader.swap_button.toggled.connect(self.swap_action.setChecked)
        view_menu.addAction(self.swap_action)
        self.pages_action = QAction(self.tr("&Page numbers in the margin"), self, checkable=True)
        self.pages_action.setChecked(self._settings.show_pages)
        self.pages_action.toggled.connect(self.reader.set_show_pages)
        view_menu.addAction(self.pages_action)
        self.map_action = QAction(self.tr("Translation &map beside the scroll bar"), self, checkable=True)
        self.map_action.setChecked(self._settings.show_map)
        self.map_action.setToolTip(self.tr("Omissions, additions, merges, unsure beads, bookmarks and search hits "
                                           "of the whole text, in a strip beside the scroll bar"))
        self.map_action.toggled.connect(self.reader.set_show_map)
        self.map_legend_action = self._action(self.tr("Translation map &legend…"), self.show_map_legend)
        view_menu.addActions([self.map_action, self.map_legend_action])
        self.reader.map_strip.context_actions = [self.map_legend_action, self.map_action]
        self.map_legend: Any = None  # MapLegendDialog, made when first asked for
        self.toc_action = self._action(self.tr("&Table of contents"), self.show_contents,
                                       QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_T))
        view_menu.addAction(self.toc_action)
        self.chapters_menu = view_menu.addMenu(self.tr("C&hapters"))
        self.chapters_menu.setEnabled(False)
        self.library_panel_action = QAction(self.tr("&Library panel"), self, checkable=True, checked=True)
        self.library_panel_action.setShortcut(QKeySequence(Qt.Key.Key_F9))
        self.library_panel_action.toggled.connect(self.side_tabs.setVisible)
        view_menu.addAction(self.library_panel_action)

        text_menu = self.menuBar().addMenu(self.tr("&Text"))
        self.rename_action = self._action(self.tr("&Rename…"), self.rename_current, QKeySequence(Qt.Key.Key_F2))
        self.details_action = self._action(self.tr("Edit &details…"), self.edit_details)
        self.align_action = self._action(self.tr("&Align with…"), self.align_current)
        self.delete_action = self._action(self.tr("&Delete…"), self.delete_current, QKeySequence.StandardKey.Delete)
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        text_actions = [self.import_action, self.rename_action, self.details_action, self.align_action, self.delete_action]
        text_menu.addActions(text_actions[1:])
        self.library_view.addActions(text_actions)
        self.library_view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.reader.layout_buttons.buttonClicked.connect(lambda _b: self._sync_layout_actions())
        # Ctrl+F and Ctrl+G are the reader's own shortcuts; show them in the menu too.
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.find_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.goto_action.setShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_G))
        self.goto_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)

    def set_layout(self, mode: str) -> None:
        self.reader.set_layout(mode)
        self._sync_layout_actions()

    def _sync_layout_actions(self) -> None:
        for action in self.layout_actions.actions():
            action.setChecked(action.data() == self._settings.layout)

    def focus_search(self) -> None:
        self.library_panel_action.setChecked(True)
        self.side_tabs.setCurrentWidget(self.search_panel)
        self.search_panel.focus_field()

    def find_quotation(self) -> QDialog:
        """Open the "where is this quote in the original?" dialog (non-modal)."""
        from app.dialogs.locate_dialog import LocateDialog

        russian = [t for w in self._works for t in w.texts if t.lang == "ru"]
        shown = self.reader.model.texts.get("ru") if self.reader.text_id is not None else None
        dialog = LocateDialog(self._library, russian, current_text_id=shown.id if shown else None,
                              run_task=self._run, parent=self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open_requested.connect(self.open_quote_location)
        dialog.show()
        return dialog

    def open_quote_location(self, where: Any) -> None:
        """Open the reader at a located quotation (a ``QuoteLocation``) with its beads selected."""
        self.open_text(where.ru_text_id, sentence=("ru", where.first_sentence))
        if where.bead_start is not None and self.reader.alignment_id is not None:
            self.reader.show_beads(where.bead_start, where.bead_end)
        if where.ru_part_span is not None:
            self.reader.mark_passage("ru", where.first_sentence, *where.ru_part_span)

    def edit_settings(self) -> None:
        from app.views.settings_dialog import SettingsDialog

        SettingsDialog.ask(self._settings, self, on_change=self._reading_settings_changed)
        self._reading_settings_changed()

    def _reading_settings_changed(self) -> None:
        """Settings changed (while the dialog is open, or by its Cancel): show them at once."""
        self.reader.apply_style()
        self._sync_layout_actions()
        if hasattr(self, "reading"):
            for theme, action in self.reading.theme_actions.items():
                action.setChecked(theme == self._settings.theme)

    # --- library -----------------------------------------------------------------------
    def refresh_library(self) -> None:
        from app.views.startup import ui_language
        from db.services.people import name_display

        with self._library.sessions() as session:
            self._works = library_service.list_works(session)
            names = name_display(session, ui_language(self._settings))
        if hasattr(self, "bookmarks"):
            self.bookmarks_panel.refresh()
        self.library_model.set_works(self._works, names)
        for row in range(self.library_model.rowCount()):
            self.library_view.setFirstColumnSpanned(row, QModelIndex(), True)
        self.library_view.expandAll()
        self.library_view.fit_columns()
        self._refresh_progress()
        count = sum(len(w.texts) for w in self._works)
        self._status.setText(self.tr("{0} texts in {1} works — {2}").format(count, len(self._works), self._library.path))

    def ensure_bundled(self) -> Task | None:
        """In the background: install the bundled library on first run, and
        re-index glossary terms when the glossary changed."""
        from db.services.startup import library_needs_preparing, prepare_library

        if not library_needs_preparing(self._library):
            return None
        library = self._library
        return self._run(
            lambda progress, cancel: prepare_library(library, progress=progress, cancel=cancel),
            label=self.tr("Setting up the library…"),
            on_done=lambda _changes: self.refresh_library(),
        )

    def restore_bundled(self) -> Task:
        from db.services.bundled import restore_bundled

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

    def open_text(self, text_id: int, *, row: int | None = None, sentence: tuple[str, int] | None = None) -> None:
        self.reader.open_text(text_id, row=row, sentence=sentence)
        info = self.library_model.text_info(text_id)
        title = info.work_title or info.title if info else ""
        self.setWindowTitle(self.tr("{0} — Sverka").format(title) if title else self.tr("Sverka"))
        self._refresh_progress()

    def open_hit(self, hit: SearchHit) -> None:
        """Open the reader at a search hit, with the hit sentence under the cursor."""
        self.open_text(hit.text_id, sentence=(hit.lang, hit.position))
        self.reader.view.setFocus()

    def reopen_last(self) -> bool:
        """Open the text read last, where the user left off (at start-up)."""
        text_id = self._settings.last_text
        if text_id is None or self.library_model.text_info(text_id) is None:
            return False
        self.select_text(text_id)
        return True

    def _refresh_progress(self) -> None:
        progress = {}
        for text_id, position in self._settings.all_positions().items():
            info = self.library_model.text_info(text_id)
            if info is not None and position.row_count > 1:
                progress[text_id] = min(1.0, position.current_row / (position.row_count - 1))
        self.library_model.set_progress(progress)

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
        if not self.ask_yes_no(
            self.tr("Delete text"),
            self.tr("Delete “{0}” and its alignments from the library?\n\nEdit → Undo brings it back.").format(info.title),
        ):
            return
        self.undo_stack.push(DeleteTextCommand(self._library, info.id, info.title, self._library_changed))
        self.statusBar().showMessage(self.tr("Deleted “{0}”. Press Ctrl+Z to undo.").format(info.title), 15000)

    def _library_changed(self, changes: Changes) -> None:
        if self.reader.text_id is not None:
            shown = {t.id for t in self.reader.model.texts.values()} | {self.reader.text_id}
            if shown & changes.texts:
                self.reader.clear_text()
        self.refresh_library()

    def edit_details(self) -> None:
        from app.views.details_dialog import DetailsDialog
        from db.services.metadata import text_details, update_text_details

        text_id = self.current_text_id()
        if text_id is None:
            return
        with self._library.sessions() as session:
            current = text_details(session, text_id)
        details = DetailsDialog.ask(current, self)
        if details is None or details == current:
            return
        with self._library.sessions.begin() as session:
            update_text_details(session, text_id, details)
        self.refresh_library()
        if self.reader.text_id is not None and text_id in {t.id for t in self.reader.model.texts.values()}:
            self.reader.open_text(self.reader.text_id)

    def align_current(self) -> Task | None:
        """Align the selected text with a text in the other language, chosen from a list."""
        text_id = self.current_text_id()
        info = self.library_model.text_info(text_id) if text_id is not None else None
        if info is None:
            return None
        candidates = [t for w in self._works for t in w.texts if t.lang != info.lang]
        if not candidates:
            message(self, self.tr("Align with…"), self.tr("There is no text in the other language to align with."))
            return None
        same_work = sorted(candidates, key=lambda t: (t.work_id != info.work_id, t.id))
        labels = [f"{t.title} ({t.lang.upper()}, {t.kind_label})" for t in same_work]
        choice, ok = QInputDialog.getItem(self, self.tr("Align with…"), self.tr("Align “{0}” with:").format(info.title), labels, 0, False)
        if not ok:
            return None
        partner = same_work[labels.index(choice)]
        return self.start_alignment(info, partner)

    def start_alignment(self, first: TextInfo, second: TextInfo) -> Task | None:
        from db.services.aligning import align_texts, reviewed_bead_count

        ru, en = (first, second) if first.lang == "ru" else (second, first)
        library = self._library
        with library.sessions() as session:
            reviewed = reviewed_bead_count(session, ru.id, en.id)
        keep = True
        if reviewed:
            keep_choice = self.ask_keep_review(reviewed)
            if keep_choice is None:
                return None
            keep = keep_choice
        done_message = (self.tr("Aligned again; the {0} beads you confirmed or edited were kept.").format(reviewed)
                        if reviewed and keep else "")
        return self._run(
            lambda progress, cancel: align_texts(library, ru.id, en.id, keep_review=keep, progress=progress,
                                                 cancel=cancel),
            label=self.tr("Aligning {0}…").format(ru.title),
            on_done=lambda _changes: (self.refresh_library(), self.select_text(first.id),
                                      done_message and self.statusBar().showMessage(done_message, 8000)),
        )

    def ask_keep_review(self, reviewed: int) -> bool | None:
        """True: keep the reviewed beads; False: discard them (confirmed twice); None: cancel."""
        title = self.tr("Align again")
        choice = choose(
            self, title,
            self.tr("This pair is aligned already, and you confirmed or edited {0} of its beads. Keep them as "
                    "fixed points and align only the rest, or discard your review and align from scratch?")
            .format(reviewed),
            [self.tr("Keep my {0} beads").format(reviewed), self.tr("Discard them…")],
        )
        if choice is None:
            return None
        if choice == 0:
            return True
        if self.ask_yes_no(title, self.tr("Discard the {0} beads you confirmed or edited? This cannot be undone.")
                           .format(reviewed)):
            return False
        return None

    # --- import ------------------------------------------------------------------------
    def import_file(self, path: Path | None = None) -> Task | None:
        from app.dialogs.import_dialog import ImportDialog
        from db.services.importing import ImportOptions

        request = ImportDialog.ask(self._works, path, self)
        if request is None:
            return None
        return self.start_import(request, ImportOptions())

    def start_import(self, request: ImportRequest, options: ImportOptions) -> Task:
        from db.services.importing import import_text

        meta = request.metadata()
        library = self._library
        return self._run(
            lambda progress, cancel: import_text(library, request.path, meta, options, progress=progress, cancel=cancel),
            label=self.tr("Importing {0}…").format(request.path.name),
            on_done=self._imported,
            on_error=lambda exc: self._import_failed(exc, request, options),
        )

    def import_aligned_file(self, path: Path | None = None) -> Task | None:
        """File → Import an aligned pair…: read and store it in the background, then open it."""
        from db.services.aligned_import import import_aligned

        path = path or self.ask_aligned_path()
        if path is None:
            return None
        library = self._library
        return self._run(
            lambda progress, cancel: import_aligned(library, path, progress=progress, cancel=cancel),
            label=self.tr("Importing {0}…").format(path.name),
            on_done=self._aligned_imported,
            on_error=lambda exc: self._aligned_import_failed(exc, path),
        )

    def ask_aligned_path(self) -> Path | None:
        """The aligned file to import (tests patch this)."""
        from PySide6.QtWidgets import QFileDialog

        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import an aligned pair"), str(Path.home()),
            self.tr("Aligned pairs (*.tmx *.tsv *.tab *.txt *.csv *.xml);;All files (*)"))
        return Path(name) if name else None

    def _aligned_imported(self, result: Any) -> None:
        self.refresh_library()
        self.select_text(result.ru_text_id)
        self.statusBar().showMessage(self.tr("Imported the aligned pair: %n bead(s).", "", result.bead_count), 10000)

    def _aligned_import_failed(self, exc: BaseException, path: Path) -> None:
        from db.errors import DuplicateTextError
        from db.services.aligned_import import import_aligned
        from db.services.importing import ImportOptions

        if isinstance(exc, DuplicateTextError):
            if self.ask_yes_no(
                self.tr("Already in the library"),
                self.tr("This text is already in the library as “{0}”. Import a second copy?").format(exc.title),
            ):
                library = self._library
                self._run(
                    lambda progress, cancel: import_aligned(library, path, options=ImportOptions(allow_duplicate=True),
                                                            progress=progress, cancel=cancel),
                    label=self.tr("Importing {0}…").format(path.name),
                    on_done=self._aligned_imported,
                )
            return
        self.show_error(exc)

    def _imported(self, result: ImportResult) -> None:
        self.refresh_library()
        self.select_text(result.text_id)
        message = self.tr("Imported: {0} paragraphs, {1} sentences.").format(result.paragraph_count, result.sentence_count)
        if result.warnings:
            message += " " + " ".join(result.warnings)
        self.statusBar().showMessage(message, 10000)

    def _import_failed(self, exc: BaseException, request: ImportRequest, options: ImportOptions) -> None:
        if settles(exc):
            retry = options_to_retry(self, self, exc, request.path, options)
            if retry is not None:
                self.start_import(request, retry)
            return
        self.show_error(exc)

    # --- bookmarks, export, replacing a stand-in ------------------------------------------------
    def _build_bookmark_actions(self) -> None:
        from app.views.bookmark_actions import BookmarkActions
        from app.views.export_action import ExportActions
        from app.views.replace_action import ReplaceActions, can_replace

        self.bookmarks = BookmarkActions(self, self._library)
        self.exports = ExportActions(self, self._library)
        self.replacing = ReplaceActions(self, self._library)
        menus = {a.text(): a.menu() for a in self.menuBar().actions() if a.menu() is not None}
        self.bookmark_action = self._action(
            self.tr("&Bookmark the selection…"), self.bookmarks.bookmark_selection, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_D)
        )
        self.bookmarks_tab_action = self._action(self.tr("Show &bookmarks"), self.show_bookmarks)
        edit_menu = menus[self.tr("&Edit")]
        edit_menu.addSeparator()
        edit_menu.addActions([self.bookmark_action, self.bookmarks_tab_action])
        self.export_action = self._action(self.tr("&Export…"), self.exports.export, QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_E))
        file_menu = menus[self.tr("&File")]
        file_menu.insertAction(self.restore_action, self.export_action)
        self.replace_action = self._action(self.tr("Re&place with another text…"), self.replacing.replace_current)
        self.replace_action.setToolTip(self.tr("Put the real text in place of a working translation or back-translation"))
        text_menu = menus[self.tr("&Text")]
        text_menu.insertAction(self.delete_action, self.replace_action)
        self.library_view.insertAction(self.delete_action, self.replace_action)

        def update_replace() -> None:
            self.replace_action.setEnabled(can_replace(self.current_text_info()))

        self.library_view.selectionModel().currentChanged.connect(lambda _c, _p: update_replace())
        self.library_model.rowsInserted.connect(lambda *_a: update_replace())
        text_menu.aboutToShow.connect(update_replace)
        update_replace()
        from app.views.report_action import ReportActions

        self.reports = ReportActions(self, self._library)
        self.report_action = self.reports.action
        text_menu.insertAction(self.delete_action, self.report_action)
        text_menu.aboutToShow.connect(self.reports.update_enabled)

    def show_map_legend(self) -> None:
        """The translation map's key: a small window beside the reader (one per window, reused)."""
        from app.dialogs.map_legend_dialog import MapLegendDialog

        if self.map_legend is None:
            self.map_legend = MapLegendDialog(self.reader.map_strip, self)
        self.map_legend.refresh()
        self.map_legend.show()
        self.map_legend.raise_()

    def show_bookmarks(self) -> None:
        self.library_panel_action.setChecked(True)
        self.side_tabs.setCurrentWidget(self.bookmarks_panel)
        self.bookmarks_panel.text_filter.setFocus()

    def bookmarks_changed(self) -> None:
        self.bookmarks.changed()

    def works(self) -> list[WorkInfo]:
        return list(self._works)

    def current_text_info(self) -> TextInfo | None:
        text_id = self.current_text_id()
        return self.library_model.text_info(text_id) if text_id is not None else None

    def run_task(self, job: Any, *, label: str, on_done: Any, on_error: Any = None) -> Task:
        """Run ``job(progress, cancel)`` in the background with a progress dialog."""
        return self._run(job, label=label, on_done=on_done, on_error=on_error)

    # --- glossary ------------------------------------------------------------------------
    def _build_glossary(self) -> None:
        from app.models.glossary_model import GlossaryModel
        from app.views.glossary_panel import GlossaryPanel
        from app.views.glossary_popup import GlossaryPopup, TermPopupController
        from app.views.term_links import TermLinkController

        self.glossary_model = GlossaryModel(self._library, self)
        self.glossary_model.reload()
        self.glossary_panel = GlossaryPanel(self._library, self.glossary_model)
        self.side_tabs.insertTab(2, self.glossary_panel, self.tr("Glossary"))
        self.glossary_popup = GlossaryPopup(self.glossary_model, self)
        self.term_popups = TermPopupController(self.reader.view, self.glossary_popup, self)
        self.term_links = TermLinkController(self.reader.view, self.term_popups, self.glossary_popup,
                                             self._library, self._runner, self)
        self.glossary_popup.all_occurrences.connect(self.show_term_occurrences)
        self.glossary_panel.all_occurrences_requested.connect(self.show_term_occurrences)
        self.glossary_panel.jump_requested.connect(self.jump_to_sentence)
        self.glossary_panel.glossary_changed.connect(self.reindex_glossary)
        self.reader.text_opened.connect(lambda _id: self._glossary_texts_changed())
        self.glossary_action = self._action(self.tr("&Glossary"), self.show_glossary)
        view_menu = {a.text(): a.menu() for a in self.menuBar().actions() if a.menu() is not None}.get(self.tr("&View"))
        if view_menu is not None:
            view_menu.addAction(self.glossary_action)

    def _build_copying(self) -> None:
        from app.views.copy_actions import CopyActions

        self.copying = CopyActions(self, self._library)

    def _build_reading(self) -> None:
        """Text size, theme, full screen, the Help menu, F6, and the reader's toolbar."""
        from app.views.help import HelpMenu
        from app.views.reading_controls import ReadingControls
        from app.views.startup import ui_language

        self.reading = ReadingControls(self)
        view_menu = self._menu(self.tr("&View"))
        if view_menu is not None:
            view_menu.addSeparator()
            view_menu.addMenu(self.reading.menu)
            view_menu.addAction(self.reading.full_screen_action)
        self.help = HelpMenu(self, ui_language(self._settings))
        for action, key in zip(self.layout_actions.actions(), (Qt.Key.Key_1, Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_4)):
            action.setShortcut(QKeySequence(Qt.Modifier.CTRL | key))
        # Qt gives Preferences no key on Linux and Windows: Ctrl+, as most applications have it
        self.settings_action.setShortcuts([*self.settings_action.shortcuts(), QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_Comma)])
        self.focus_action = self._action(self.tr("Switch between the panel and the reader"), self.cycle_focus,
                                         QKeySequence(Qt.Key.Key_F6))
        self.addAction(self.focus_action)
        self._build_toolbar()

    def _menu(self, title: str) -> Any:
        return {a.text(): a.menu() for a in self.menuBar().actions() if a.menu() is not None}.get(title)

    def _build_toolbar(self) -> None:
        """The reader's toolbar: panel and contents, views, text size, find, bookmark, copy, review,
        theme, full screen, help; every tooltip names the key that does the same."""
        from PySide6.QtWidgets import QToolButton

        bar = self.reader.toolbar
        panel = bar.tool_button(icon_name="panel-left", action=self.library_panel_action)
        panel.setToolTip(self.tr("Show or hide the side panel (F9)"))
        contents = bar.tool_button(icon_name="table-of-contents", action=self.toc_action)
        smaller = bar.tool_button(icon_name="a-arrow-down", action=self.reading.zoom_out_action)
        self.zoom_button = bar.tool_button(text="100 %")
        self.zoom_button.setObjectName("zoomButton")
        self.zoom_button.clicked.connect(self.reading.zoom_reset_action.trigger)
        larger = bar.tool_button(icon_name="a-arrow-up", action=self.reading.zoom_in_action)
        find = bar.tool_button(icon_name="search", action=self.find_action)
        bookmark = bar.tool_button(icon_name="bookmark-plus", action=self.bookmark_action)
        copy = bar.tool_button(icon_name="copy", action=self.copying.copy_action)
        first_view = self.reader.layout_buttons.buttons()[0]
        bar.insert(first_view, panel, contents, "|")
        bar.insert(self.reader.review_button, smaller, self.zoom_button, larger, "|", find, bookmark, copy, "|")
        theme = bar.tool_button(icon_name="sun-moon", tip=self.tr("Theme: light, sepia, dark, or as the system"))
        theme.setMenu(self.reading.theme_menu)
        theme.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        full = bar.tool_button(icon_name="maximize", action=self.reading.full_screen_action)
        help_button = bar.tool_button(icon_name="circle-help", tip=self.tr("Help: shortcuts (F1), guide, about"))
        help_button.setMenu(self.help.menu)
        help_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        bar.add(theme, full, help_button)
        for widget, priority in ((help_button, 1), (theme, 1), (full, 2), (contents, 2), (self.zoom_button, 3),
                                 (copy, 4), (bookmark, 4), (panel, 5), (smaller, 6), (larger, 6), (find, 7)):
            bar.set_priority(widget, priority)
        self.reading.full_screen_action.toggled.connect(
            lambda on: bar.set_icon(full, "minimize" if on else "maximize"))
        for action in (self.reading.zoom_in_action, self.reading.zoom_out_action, self.reading.zoom_reset_action):
            action.triggered.connect(lambda _c=False: self._zoom_changed())
        self._zoom_changed()

    def _zoom_changed(self) -> None:
        from app.views.tool_strip import tooltip_with_shortcut

        self.zoom_button.setText(self.reading.zoom_label())
        self.zoom_button.setToolTip(tooltip_with_shortcut(
            self.tr("Text size {0}: click for the original size").format(self.reading.zoom_label()),
            self.reading.zoom_reset_action))

    def cycle_focus(self) -> None:
        """F6: from the reader to the side panel's current tab and back (the panel is shown if hidden)."""
        if self.reader.isAncestorOf(self.focusWidget()) if self.focusWidget() else False:
            self.library_panel_action.setChecked(True)
            page = self.side_tabs.currentWidget()
            (page.focusProxy() or page).setFocus(Qt.FocusReason.ShortcutFocusReason)
            if not page.hasFocus() and not page.isAncestorOf(self.focusWidget()):
                page.nextInFocusChain().setFocus(Qt.FocusReason.ShortcutFocusReason)
        else:
            self.reader.view.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _build_review(self) -> None:
        from app.views.review_actions import ReviewActions

        self.review = ReviewActions(self, self._library)

    def show_glossary(self, entry_id: str | None = None) -> None:
        self.library_panel_action.setChecked(True)
        self.side_tabs.setCurrentWidget(self.glossary_panel)
        if entry_id is not None:
            self.glossary_panel.show_entry(entry_id)
        else:
            self.glossary_panel.focus_field()

    def show_term_occurrences(self, entry_id: str) -> int:
        """The parallel concordance of a glossary term, in the search panel."""
        entry = self.glossary_model.entry(entry_id)
        count = self.search_panel.show_occurrences(entry_id, entry.headword_en if entry else entry_id)
        self.library_panel_action.setChecked(True)
        self.side_tabs.setCurrentWidget(self.search_panel)
        return count

    def jump_to_sentence(self, text_id: int, lang: str, position: int) -> None:
        shown = {t.id for t in self.reader.model.texts.values()}
        row = self.reader.model.row_of_sentence(lang, position) if text_id in shown else None
        if row is None:
            self.open_text(text_id, sentence=(lang, position))
        else:
            self.reader.view.set_current(row, (lang, position), ensure_visible=False)
            self.reader.view.reveal(row, (lang, position))
        self.reader.view.setFocus()

    def reindex_glossary(self) -> Task:
        """Find the terms of every text again with the changed glossary, then mark them anew."""
        from db.services.glossary import reindex_terms

        library = self._library
        return self._run(
            lambda progress, cancel: reindex_terms(library, progress=progress, cancel=cancel),
            label=self.tr("Indexing glossary terms…"),
            on_done=lambda _changes: self._glossary_reindexed(),
        )

    def _glossary_reindexed(self) -> None:
        self.reader.view.refresh_rows()
        self._glossary_texts_changed()
        self.term_links.forget()  # renderings with the glossary now in force

    def _glossary_texts_changed(self) -> None:
        self.glossary_panel.set_texts(tuple(t.id for t in self.reader.model.texts.values()))

    @property
    def settings(self) -> Settings:
        return self._settings

    # --- helpers (tests patch these) -------------------------------------------------------
    def ask_yes_no(self, title: str, text: str) -> bool:
        return ask(self, title, text)

    def show_error(self, exc: BaseException) -> None:
        message(self, error_title(exc), error_text(exc), kind="warning")

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

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        if not self._panel_sized:
            # about a third of the window for the panel (titles), room for its tabs' names,
            # at least 280 and at most 440 pixels
            self._panel_sized = True
            total = max(1, self.width() - self.splitter.handleWidth())
            tabs = self.side_tabs.tabBar().sizeHint().width() + 4
            panel = max(280, min(440, max(round(total * 0.32), tabs)))
            self.splitter.setSizes([panel, max(1, total - panel)])

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        self.reader.save_position()
        self._settings.set_geometry(self.saveGeometry())
        self._settings.set_splitter(self.splitter.saveState())
        self._settings.sync()
        self._runner.cancel_all()
        self.back_up_daily()
        super().closeEvent(event)

    def back_up_daily(self) -> None:
        """A consistent copy of the library at most once a day, when the window closes (the last 7 kept)."""
        if self._library.read_only:
            return
        try:
            made = daily_backup(self._library.path)
        except LibraryError as exc:
            log.warning("daily backup failed: %s", exc)
            return
        if made is not None:
            log.info("daily backup: %s", made)

    def restore_from_backup(self) -> bool:
        """File → Restore from backup…: go back to a backup (the present state is backed up first)."""
        chosen = BackupDialog.ask(list_backups(self._library.path), self)
        if chosen is None:
            return False
        if not self.ask_yes_no(self.tr("Restore from backup"),
                               self.tr("Put the library back as it was on {0}? Everything done since then is set "
                                       "aside in a backup of its own.").format(chosen.made.strftime("%Y-%m-%d %H:%M"))):
            return False
        self._runner.cancel_all()
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            before = restore_backup(self._library, chosen.path)
        except LibraryError as exc:
            self.show_error(exc)
            return False
        finally:
            QApplication.restoreOverrideCursor()
        self.undo_stack.clear()
        self.reader.clear_text()
        self.refresh_library()
        self.bookmarks_changed()
        self.statusBar().showMessage(
            self.tr("Restored. The library as it was before is kept as the backup {0}.").format(before.name), 15000)
        return True
