"""Plain-words messages for the errors the core raises, for dialogs in the window.

Core errors already carry a one-sentence message; this module only picks a
dialog title for each kind of error.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from alignment.text.errors import TextImportError
from alignment.progress import Cancelled
from db.errors import LibraryError
from db.services.export.errors import ExportError


def _tr(text: str) -> str:
    return QCoreApplication.translate("Messages", text)


def error_title(exc: BaseException) -> str:
    if isinstance(exc, TextImportError):
        return _tr("The file cannot be imported")
    if isinstance(exc, LibraryError):
        return _tr("Library problem")
    if isinstance(exc, ExportError):
        return _tr("The export failed")
    if isinstance(exc, Cancelled):
        return _tr("Cancelled")
    return _tr("Something went wrong")


def error_text(exc: BaseException) -> str:
    if isinstance(exc, Cancelled):
        return _tr("Cancelled; the library was left as it was.")
    if isinstance(exc, (TextImportError, LibraryError, ExportError, ValueError)):
        return str(exc)
    return _tr("Unexpected error: {0}. Nothing was changed in the library.").format(exc)
