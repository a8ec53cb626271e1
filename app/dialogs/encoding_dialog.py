"""Asking the user which encoding a file is in, when Sverka cannot tell with confidence.

Each reading Sverka found is shown as a choice with a line of the file as it
reads in that encoding (plain text), around the first place where the
readings differ; the user picks the one that reads right.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QButtonGroup, QDialog, QDialogButtonBox, QRadioButton, QVBoxLayout, QWidget

from app.plaintext import PlainLabel


# What each table is for, so that the choice does not rest on a code page number alone.
_SCRIPTS = {
    "cp1251": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic, Windows"),
    "koi8-r": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic, KOI8-R"),
    "cp866": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic, DOS"),
    "mac-cyrillic": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic, Mac"),
    "iso-8859-5": QT_TRANSLATE_NOOP("EncodingDialog", "Cyrillic, ISO"),
    "cp1252": QT_TRANSLATE_NOOP("EncodingDialog", "Western European, Windows"),
    "latin-1": QT_TRANSLATE_NOOP("EncodingDialog", "Western European, ISO"),
    "cp1250": QT_TRANSLATE_NOOP("EncodingDialog", "Central European, Windows"),
    "iso8859-2": QT_TRANSLATE_NOOP("EncodingDialog", "Central European, ISO"),
    "cp1253": QT_TRANSLATE_NOOP("EncodingDialog", "Greek, Windows"),
    "iso8859-7": QT_TRANSLATE_NOOP("EncodingDialog", "Greek, ISO"),
    "cp1254": QT_TRANSLATE_NOOP("EncodingDialog", "Turkish, Windows"),
    "cp1255": QT_TRANSLATE_NOOP("EncodingDialog", "Hebrew, Windows"),
    "iso8859-8": QT_TRANSLATE_NOOP("EncodingDialog", "Hebrew, ISO"),
    "cp1256": QT_TRANSLATE_NOOP("EncodingDialog", "Arabic, Windows"),
    "iso8859-6": QT_TRANSLATE_NOOP("EncodingDialog", "Arabic, ISO"),
    "cp1257": QT_TRANSLATE_NOOP("EncodingDialog", "Baltic, Windows"),
    "cp874": QT_TRANSLATE_NOOP("EncodingDialog", "Thai, Windows"),
}


def describe(encoding: str) -> str:
    script = _SCRIPTS.get(encoding.replace("_", "-").lower())
    return f"{encoding} ({QCoreApplication.translate('EncodingDialog', script)})" if script else encoding


class EncodingDialog(QDialog):
    def __init__(self, file_name: str, candidates: Sequence[tuple[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Which encoding?"))
        self._encodings = [enc for enc, _ in candidates]
        layout = QVBoxLayout(self)
        intro = PlainLabel(self.tr("Sverka cannot tell with confidence how “{0}” is encoded. Choose the reading "
                                   "in which the text makes sense:").format(file_name))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.group = QButtonGroup(self)
        for n, (encoding, preview) in enumerate(candidates):
            button = QRadioButton(describe(encoding))
            self.group.addButton(button, n)
            layout.addWidget(button)
            sample = PlainLabel(preview)
            sample.setWordWrap(True)
            sample.setIndent(24)
            layout.addWidget(sample)
        self.group.button(0).setChecked(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Import"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)

    def chosen(self) -> str:
        return self._encodings[self.group.checkedId()]

    @classmethod
    def ask(cls, file_name: str, candidates: Sequence[tuple[str, str]], parent: QWidget | None = None) -> str | None:
        dialog = cls(file_name, candidates, parent)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None



