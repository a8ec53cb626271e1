"""Backups from the window: one a day when it closes, and File → Restore from backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from app.dialogs.backup_dialog import BackupDialog
from app.views.main_window import MainWindow
from db.backups import daily_backup, list_backups
from db.services import bookmarks as bookmark_service


def test_closing_the_window_makes_the_daily_backup(qtbot, bundled_library, runner, settings) -> None:
    window = MainWindow(bundled_library, runner, settings=settings)
    qtbot.addWidget(window)
    window.show()
    assert list_backups(bundled_library.path) == []
    window.close()
    assert [b.reason for b in list_backups(bundled_library.path)] == ["daily"]


def test_restore_from_backup_brings_the_library_back(window: MainWindow, qtbot, tmp_path: Path) -> None:
    library = window._library  # noqa: SLF001 - test set-up
    made = daily_backup(library.path)
    assert made is not None
    with library.sessions.begin() as s:
        bookmark_service.add_bookmark(s, 1, 3, 5, title="made after the backup")
    window.bookmarks_changed()

    def choose() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, BackupDialog):
            QTimer.singleShot(20, choose)
            return
        dialog.grab().save(str(tmp_path / "backup-dialog.png"))
        assert dialog.list.count() == 1 and "daily backup" in dialog.list.item(0).text()
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(20, choose)
    window.ask_yes_no = lambda title, text: True  # type: ignore[method-assign]
    assert window.restore_from_backup()
    with library.sessions() as s:
        assert [b.title for b in bookmark_service.list_bookmarks(s)] == []
    assert "Restored" in window.statusBar().currentMessage()
    assert {b.reason for b in list_backups(library.path)} == {"daily", "before-restore"}
