"""Issue 15, finding 7, in the window: a read-only library is read, and every change is refused with a message."""

from __future__ import annotations

from pathlib import Path

from app.dialogs.bookmark_dialog import BookmarkDialog, BookmarkRequest
from app.views.main_window import MainWindow
from db.engine import open_library


def test_a_read_only_library_opens_says_so_and_refuses_changes(qtbot, bundled_library_path: Path, runner, settings,
                                                               monkeypatch) -> None:
    monkeypatch.setattr("db.engine.writable", lambda path: False)
    library = open_library(bundled_library_path)
    assert library.read_only
    before = bundled_library_path.read_bytes()
    window = MainWindow(library, runner, settings=settings)
    qtbot.addWidget(window)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda exc: shown.append(str(exc)))
    window.show()
    assert "read-only" in window.windowTitle() and window.read_only_label.isVisible()
    assert window.ensure_bundled() is None  # nothing to prepare in a library that cannot be written
    window.open_text(2)
    assert "Пра" in window.reader.plain_text() or window.reader.plain_text()
    monkeypatch.setattr(BookmarkDialog, "ask", classmethod(lambda cls, initial, **kw: BookmarkRequest(
        "mine", "", (), initial.colour)))
    assert window.bookmarks.bookmark_selection() is None
    assert shown and "read-only" in shown[-1]
    assert not window.undo_stack.canUndo()  # nothing that did not happen can be undone
    window.review.set_review_mode(True)
    window.review.confirm_action.trigger()
    assert "read-only" in window.statusBar().currentMessage()
    window.close()
    library.close()
    assert bundled_library_path.read_bytes() == before
