"""What to do when an import or a replacement is refused for a reason the user can settle.

A duplicate (import a second copy?), a language mismatch (import anyway?) and
an encoding Sverka cannot tell (which one?) are questions, not failures: the
answer gives the options to try again with.  The import and the replacement
share this one place.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from alignment.text.errors import UncertainEncodingError
from app.dialogs.encoding_dialog import EncodingDialog
from db.errors import DuplicateTextError, LanguageMismatchError

if TYPE_CHECKING:
    from db.services.importing import ImportOptions


class Asker(Protocol):
    def ask_yes_no(self, title: str, text: str) -> bool: ...


def ask_encoding(parent: QWidget, path: Path, exc: UncertainEncodingError) -> str | None:
    return EncodingDialog.ask(path.name, exc.candidates, parent)


def options_to_retry(window: Asker, parent: QWidget, exc: BaseException, path: Path, options: ImportOptions,
                     *, replacing: bool = False) -> ImportOptions | None:
    """New options when the user settles ``exc`` (None: nothing to retry, or the user declined)."""
    if isinstance(exc, DuplicateTextError):
        question = (QCoreApplication.translate("ImportRetry", "This text is already in the library as “{0}”. Use it as the replacement anyway?") if replacing
                    else QCoreApplication.translate("ImportRetry", "This text is already in the library as “{0}”. Import a second copy?"))
        if window.ask_yes_no(QCoreApplication.translate("ImportRetry", "Already in the library"), question.format(exc.title)):
            return replace(options, allow_duplicate=True)
        return None
    if isinstance(exc, LanguageMismatchError):
        anyway = QCoreApplication.translate("ImportRetry", "Use it anyway?") if replacing else QCoreApplication.translate("ImportRetry", "Import it anyway?")
        if window.ask_yes_no(QCoreApplication.translate("ImportRetry", "Check the language"), str(exc).replace("--force-language", "“Yes”") + "\n\n" + anyway):
            return replace(options, force_language=True)
        return None
    if isinstance(exc, UncertainEncodingError):
        encoding = ask_encoding(parent, path, exc)
        return replace(options, encoding=encoding) if encoding else None
    return None


def settles(exc: BaseException) -> bool:
    """True when the user can answer ``exc`` with a question (see ``options_to_retry``)."""
    return isinstance(exc, (DuplicateTextError, LanguageMismatchError, UncertainEncodingError))
