"""Issue 15, finding 1: text from files and users is shown as text, never as HTML, in every widget.

The library is filled with markup in every field a file or a user can set
(titles, authors, sources, sentences, bookmark titles and notes, tags, glossary
entries); the window and its dialogs are opened on it, and every label,
tooltip and item view is walked.  A label that would render the markup, or a
tooltip that would (Qt shows tooltips as rich text when they look like HTML,
and an <img> in one made the window read local files on hover), fails.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, QModelIndex, QPoint, Qt
from PySide6.QtGui import QHelpEvent
from PySide6.QtWidgets import QAbstractItemView, QApplication, QLabel, QToolTip, QWidget

from alignment.glossary.entries import Entry
from app.views.main_window import MainWindow
from db.services import bookmarks as bookmark_service
from db.services.aligned_import import import_aligned
from db.services.glossary import new_user_entry, save_user_entry
from db.services.importing import TextMetadata

IMG = '<img src="file:///sverka-hostile-probe.png">'
BOLD = "<b>HOSTILE</b>"
MARKS = (IMG, BOLD)


def hostile(label: str) -> str:
    return f"{label} {BOLD} {IMG} <a href='x'>link</a>"


@pytest.fixture
def hostile_window(qtbot, library, runner, settings, tmp_path: Path) -> Iterator[MainWindow]:
    tsv = tmp_path / "pair.tsv"
    tsv.write_text(
        "ru\ten\n"
        f"Колхозы {BOLD} растут. {IMG} Кулаки против.\tKolkhozes {BOLD} grow. {IMG} Kulaks object.\n"
        f"<i>Второй</i> абзац.\t<i>Second</i> paragraph.\n",
        encoding="utf-8",
    )
    ru = TextMetadata(lang="ru", title=hostile("Title"), author=hostile("Author"), source=hostile("Source"),
                      rights=hostile("Rights"), date="1931")
    en = TextMetadata(lang="en", kind="working_translation", title=hostile("Title en"), author=hostile("Author"),
                      translator=hostile("Translator"), source=hostile("Source"))
    result = import_aligned(library, tsv, ru_meta=ru, en_meta=en)
    with library.sessions.begin() as s:
        bookmark_service.add_bookmark(s, result.alignment_id, 0, 2, title=hostile("Bookmark"), note=hostile("Note"),
                                      tags=[hostile("tag")])
        entry: Entry = new_user_entry(hostile("Headword"), forms_ru=["колхоз"], definition=hostile("Definition"))
        save_user_entry(s, entry)
    window = MainWindow(library, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.select_text(result.ru_text_id)
    window.open_text(result.ru_text_id)
    window.show_bookmarks()
    window.search_panel.run_search("колхоз")
    window.show_glossary()
    yield window
    window.close()
    QApplication.processEvents()


def _labels(root: QWidget) -> Iterator[QLabel]:
    if isinstance(root, QLabel):
        yield root
    yield from root.findChildren(QLabel)


def label_leaks(root: QWidget) -> list[str]:
    """Labels that would render a hostile string as markup."""
    leaks = []
    for label in _labels(root):
        text = label.text()
        if any(m in text for m in MARKS) and label.textFormat() != Qt.TextFormat.PlainText:
            leaks.append(f"{type(label).__name__} {label.objectName()!r}: {text[:60]!r}")
    return leaks


def _tooltip_shown_for(widget: QWidget, pos: QPoint) -> str:
    QToolTip.hideText()
    event = QHelpEvent(QEvent.Type.ToolTip, pos, widget.mapToGlobal(pos))
    QApplication.sendEvent(widget, event)
    return QToolTip.text() if QToolTip.isVisible() else ""


def _indexes(view: QAbstractItemView) -> Iterator[QModelIndex]:
    model = view.model()
    if model is None:
        return
    pending = [QModelIndex()]
    while pending:
        parent = pending.pop()
        try:
            columns = model.columnCount(parent)
        except TypeError:  # list models keep columnCount private
            columns = 1
        for row in range(model.rowCount(parent)):
            for column in range(columns):
                index = model.index(row, column, parent)
                yield index
                if column == 0 and model.rowCount(index) > 0:
                    pending.append(index)


def tooltip_leaks(root: QWidget) -> tuple[list[str], int]:
    """Tooltips (of widgets and of item-view cells) that Qt would render as markup; and how many were tried."""
    leaks, tried = [], 0
    for widget in [root, *root.findChildren(QWidget)]:
        if not widget.isVisible():
            continue
        if isinstance(widget, QAbstractItemView):
            for index in _indexes(widget):
                tip = index.data(Qt.ItemDataRole.ToolTipRole)
                if not tip or not any(m in str(tip) for m in MARKS):
                    continue
                widget.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
                rect = widget.visualRect(index)
                if not rect.isValid() or not widget.viewport().rect().contains(rect.center()):
                    continue
                shown = _tooltip_shown_for(widget.viewport(), rect.center())
                tried += 1
                if any(m in shown for m in MARKS) or "&lt;img" not in shown and IMG in str(tip):
                    leaks.append(f"{type(widget).__name__} cell {index.row()},{index.column()}: {shown[:60]!r}")
        elif widget.toolTip() and any(m in widget.toolTip() for m in MARKS):
            shown = _tooltip_shown_for(widget, widget.rect().center())
            tried += 1
            if any(m in shown for m in MARKS):
                leaks.append(f"{type(widget).__name__} {widget.objectName()!r}: {shown[:60]!r}")
    return leaks, tried


def test_the_window_shows_hostile_text_as_text(hostile_window: MainWindow, qtbot) -> None:
    window = hostile_window
    assert label_leaks(window) == []
    tried_total = 0
    for tab in range(window.side_tabs.count()):
        window.side_tabs.setCurrentIndex(tab)
        QApplication.processEvents()
        leaks, tried = tooltip_leaks(window)
        assert leaks == [], window.side_tabs.tabText(tab)
        assert label_leaks(window) == [], window.side_tabs.tabText(tab)
        tried_total += tried
    # the walk really met hostile tooltips (library rows, bookmarks, search hits…), escaped each time
    assert tried_total >= 3


def test_a_hostile_tooltip_is_shown_escaped(hostile_window: MainWindow) -> None:
    view = hostile_window.library_view
    hostile_window.side_tabs.setCurrentWidget(view)
    QApplication.processEvents()
    index = next(i for i in _indexes(view) if IMG in str(i.data(Qt.ItemDataRole.ToolTipRole) or ""))
    view.scrollTo(index, QAbstractItemView.ScrollHint.EnsureVisible)
    shown = _tooltip_shown_for(view.viewport(), view.visualRect(index).center())
    assert "&lt;img src=" in shown and IMG not in shown


def test_the_dialogs_show_hostile_text_as_text(hostile_window: MainWindow, qtbot) -> None:
    from app.dialogs.bookmark_dialog import BookmarkDialog, BookmarkRequest
    from app.dialogs.encoding_dialog import EncodingDialog
    from app.dialogs.export_dialog import ExportDialog, SelectionChoice
    from app.views.details_dialog import DetailsDialog
    from app.views.replace_action import ReplaceDialog
    from db.services.metadata import text_details

    window = hostile_window
    works = window.works()
    texts = [t for w in works for t in w.texts]
    info = next(t for t in texts if t.lang == "en")
    with window._library.sessions() as s:  # noqa: SLF001
        details = text_details(s, info.id)
        marks = bookmark_service.list_bookmarks(s)
    dialogs = [
        DetailsDialog(details, window),
        ReplaceDialog(info, works, None, window),
        ExportDialog(selection=SelectionChoice(info.alignment_id or 1, 0, 1, hostile("Work")), bookmarks=marks,
                     tags=[hostile("tag")], texts=texts, parent=window),
        BookmarkDialog(BookmarkRequest(title=hostile("Bookmark"), note=hostile("Note"), tags=(hostile("tag"),),
                                       colour="#ffd54f"), passage=hostile("Passage"), parent=window),
        EncodingDialog(hostile("file") + ".txt", [("cp1251", hostile("Preview")), ("cp1252", hostile("Other"))], window),
    ]
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        QApplication.processEvents()
        assert label_leaks(dialog) == [], type(dialog).__name__
        leaks, _ = tooltip_leaks(dialog)
        assert leaks == [], type(dialog).__name__
        dialog.close()
