"""Copying what is read, with its citation: the reader's selection and bookmarks.

Ctrl+C (the platform's Copy key) in the reader puts the selected beads on the
clipboard — Russian, English and the citation, as plain text and as HTML — and
the reader's context menu offers the pair, Russian only or English only.  The
Bookmarks panel copies a bookmark the same way.  "Copy the citation" copies the
citation alone; "Export the record for Zotero…" writes the records of the
selected passage (or of the open text) as CSL-JSON, RIS or BibTeX.  The style
(Chicago or GOST) and the romanisation are the Settings'.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QFileDialog

from app.plaintext import message
from db.dto import BookmarkInfo
from db.engine import Library
from db.services.citations import text_citation
from db.services.citing.formats import items_for, render_items
from db.services.citing.passage import PassageCitation, cite_passage
from db.services.citing.quotation import clipboard_formats
from db.services.export.errors import ExportError
from db.services.export.writing import write_atomically
from db.services.quoting import Quotation, quote_beads, quote_bookmark, quote_sentences

if TYPE_CHECKING:
    from app.views.main_window import MainWindow

log = logging.getLogger(__name__)
RECORD_FILTERS = {"csl-json": "CSL-JSON (*.json)", "ris": "RIS (*.ris)", "bibtex": "BibTeX (*.bib)"}
RECORD_SUFFIXES = {"csl-json": "json", "ris": "ris", "bibtex": "bib"}


class CopyActions(QObject):
    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self._window = window
        self._library = library
        view = window.reader.view

        def act(text: str, slot, shortcut=None) -> QAction:  # type: ignore[no-untyped-def]
            action = QAction(text, window)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
                action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
                action.setShortcutVisibleInContextMenu(True)
                view.addAction(action)
            action.triggered.connect(lambda _checked=False: slot())
            return action

        self.copy_action = act(self.tr("&Copy with citation"), lambda: self.copy("pair"), QKeySequence.StandardKey.Copy)
        self.copy_action.setToolTip(self.tr("The selected beads in both languages, with their citation"))
        self.copy_ru_action = act(self.tr("Copy &Russian only, with citation"), lambda: self.copy("ru"))
        self.copy_en_action = act(self.tr("Copy &English only, with citation"), lambda: self.copy("en"))
        self.copy_citation_action = act(self.tr("Copy the citation"), self.copy_citation,
                                        QKeySequence(Qt.Modifier.CTRL | Qt.Modifier.SHIFT | Qt.Key.Key_C))
        self.export_record_action = act(self.tr("Export the record for &Zotero…"), self.export_record)
        self.export_record_action.setToolTip(
            self.tr("The bibliographic records of the selected passage or of the open text, as CSL-JSON, RIS or BibTeX"))
        self.reader_actions = [self.copy_action, self.copy_ru_action, self.copy_en_action, self.copy_citation_action]
        window.reader_menu_actions = self.reader_actions  # the reader's context menu starts with them

        menus = {a.text(): a.menu() for a in window.menuBar().actions() if a.menu() is not None}
        edit_menu = menus.get(window.tr("&Edit"))
        if edit_menu is not None:
            first = edit_menu.actions()[2] if len(edit_menu.actions()) > 2 else None
            for action in self.reader_actions:
                edit_menu.insertAction(first, action)
            edit_menu.insertSeparator(first)
        file_menu = menus.get(window.tr("&File"))
        if file_menu is not None:
            file_menu.insertAction(window.restore_action, self.export_record_action)

        panel = window.bookmarks_panel
        panel.copy_requested.connect(self.copy_bookmark)

    # --- what is selected ------------------------------------------------------------------------
    def selected_quotation(self) -> Quotation | None:
        """The selected beads of a pair, or the selected paragraphs of a text read alone."""
        reader = self._window.reader
        if not reader.model.rowCount():
            return None
        first, last = reader.view.selection_range()
        with self._library.sessions() as session:
            if reader.alignment_id is not None:
                return quote_beads(session, reader.alignment_id, first, last)
            lang, side = next(iter(reader.model.outline.sides.items()))
            if side.ends[last] <= side.starts[first]:
                return None
            return quote_sentences(session, side.text_id, side.starts[first], side.ends[last] - 1)

    def selected_citation(self) -> PassageCitation | None:
        """The citation of the selection, or of the open text when nothing is open in pairs."""
        reader = self._window.reader
        if reader.text_id is None:
            return None
        quotation = self.selected_quotation()
        if quotation is not None:
            return quotation.citation
        with self._library.sessions() as session:
            return text_citation(session, reader.text_id)

    # --- copying -----------------------------------------------------------------------------------
    def _put(self, quotation: Quotation, which: str) -> str:
        settings = self._window.settings
        plain, html = clipboard_formats(quotation.ru, quotation.en, quotation.citation, which,
                                        style=settings.citation_style, romanisation=settings.romanisation)
        mime = QMimeData()
        mime.setText(plain)
        mime.setHtml(html)  # built from escaped text (db.services.citing.quotation)
        QGuiApplication.clipboard().setMimeData(mime)
        return plain

    def copy(self, which: str = "pair") -> str | None:
        """Copy the selection (``pair``, ``ru`` or ``en``) with its citation; the plain text copied."""
        quotation = self.selected_quotation()
        if quotation is None:
            self._window.statusBar().showMessage(self.tr("Open a text and select what to copy."), 8000)
            return None
        if which != "pair" and not (quotation.ru if which == "ru" else quotation.en):
            which = "pair"
        plain = self._put(quotation, which)
        self._window.statusBar().showMessage(self.tr("Copied with its citation."), 6000)
        return plain

    def copy_citation(self) -> str | None:
        citation = self.selected_citation()
        if citation is None:
            return None
        settings = self._window.settings
        text = cite_passage(citation, settings.citation_style, romanisation=settings.romanisation)
        mime = QMimeData()
        mime.setText(text.plain())
        mime.setHtml(f"<p>{text.html()}</p>")
        QGuiApplication.clipboard().setMimeData(mime)
        self._window.statusBar().showMessage(self.tr("Citation copied."), 6000)
        return text.plain()

    def copy_bookmark(self, bookmark: BookmarkInfo, which: str = "pair") -> str | None:
        if bookmark.lost:
            self._window.statusBar().showMessage(
                self.tr("“{0}” can no longer be found in its texts: {1}").format(bookmark.title, bookmark.review_reason),
                10000)
            return None
        with self._library.sessions() as session:
            quotation = quote_bookmark(session, bookmark.id)
        plain = self._put(quotation, which)
        self._window.statusBar().showMessage(self.tr("Copied “{0}” with its citation.").format(bookmark.title), 6000)
        return plain

    # --- records for Zotero ---------------------------------------------------------------------------
    def export_record(self) -> Path | None:
        citation = self.selected_citation()
        if citation is None:
            self._window.statusBar().showMessage(self.tr("Open a text to export its record."), 8000)
            return None
        chosen = self.ask_record_path()
        if chosen is None:
            return None
        path, fmt = chosen
        try:
            written = write_atomically(path, render_items(items_for(citation), fmt).encode("utf-8"), overwrite=True)
        except ExportError as exc:
            message(self._window, self.tr("Not exported"), str(exc), kind="warning")
            return None
        self._window.statusBar().showMessage(self.tr("Record written to {0}").format(written), 10000)
        return written

    def ask_record_path(self) -> tuple[Path, str] | None:
        """The file and format to write (tests patch this); the file dialog asks before replacing."""
        name, chosen = QFileDialog.getSaveFileName(
            self._window, self.tr("Export the record for Zotero"), str(Path.home() / "sverka-record.ris"),
            ";;".join(RECORD_FILTERS.values()), RECORD_FILTERS["ris"])
        if not name:
            return None
        fmt = next((f for f, label in RECORD_FILTERS.items() if label == chosen), "ris")
        path = Path(name)
        by_suffix = {v: k for k, v in RECORD_SUFFIXES.items()}.get(path.suffix.lower().lstrip("."))
        if by_suffix is None:
            path = path.with_name(path.name + "." + RECORD_SUFFIXES[fmt])
        return path, by_suffix or fmt

