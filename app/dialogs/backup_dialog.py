"""File → Restore from backup…: the library's backups, newest first, to choose one to go back to."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from app.plaintext import PlainLabel
from db.backups import DAILY, BackupInfo


_REASONS = {
    DAILY: QT_TRANSLATE_NOOP("BackupDialog", "daily backup"),
    "before-migrating": QT_TRANSLATE_NOOP("BackupDialog", "before an upgrade of the library"),
    "before-restore": QT_TRANSLATE_NOOP("BackupDialog", "before a restore"),
}


def reason_text(reason: str) -> str:
    key = "before-migrating" if reason.startswith("before-migrating") else reason
    return QCoreApplication.translate("BackupDialog", _REASONS[key]) if key in _REASONS else reason


class BackupDialog(QDialog):
    def __init__(self, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self._backups = list(backups)
        layout = QVBoxLayout(self)
        intro = PlainLabel(self.tr("Sverka backs up the library each day you close the window (the last 7 are kept) "
                                   "and before every upgrade. Choose the state to go back to; the library as it is "
                                   "now is backed up first, so this can be undone."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.list = QListWidget()
        for b in self._backups:
            item = QListWidgetItem(self.tr("{0} — {1} ({2:.1f} MB)").format(
                b.made.strftime("%Y-%m-%d %H:%M"), reason_text(b.reason), b.size / 2**20))
            item.setToolTip(str(b.path))
            self.list.addItem(item)
        if self._backups:
            self.list.setCurrentRow(0)
        else:
            self.list.addItem(self.tr("There are no backups yet: the first is made when you close the window."))
            self.list.setEnabled(False)
        self.list.itemDoubleClicked.connect(lambda _item: self.accept())
        layout.addWidget(self.list)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Restore"))
        ok.setEnabled(bool(self._backups))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.resize(560, 360)

    def chosen(self) -> BackupInfo | None:
        row = self.list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None

    @classmethod
    def ask(cls, backups: Sequence[BackupInfo], parent: QWidget | None = None) -> BackupInfo | None:
        dialog = cls(backups, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
