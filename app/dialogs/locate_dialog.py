"""The "Find a quotation in the original" dialog: paste an English passage, choose a Russian text, see where it stands.

The search itself is ``db.services.locating.locate_quote``; the dialog shows
the Russian sentences found (or the closest ones, marked as not found), their
score and the aligned English passage, and emits ``open_requested`` when the
user asks to read there.  Searches run as background work (``run_task``):
the progress dialog shows only when one takes longer than a moment (a whole
book, or the first search after the library's word table changed), with
Cancel.  The first search of a text by meaning also needs its sentences'
meaning vectors, prepared the same way; cancelled, the search compares shared
words only.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import shiboken6
from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from alignment.progress import Cancelled
from db.dto import TextInfo
from db.engine import Library
from db.services.locating import (
    QuoteLocation,
    locate_quote,
    prepare_quote_search,
    quote_search_ready,
)

# run_task(job, label=..., on_done=..., on_error=...): the window's way of running background work.
RunTask = Callable[..., Any]


def _label(text: str, name: str) -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setObjectName(name)
    return label


class LocateDialog(QDialog):
    """Non-modal: the user may paste several quotations one after another."""

    open_requested = Signal(object)  # the QuoteLocation to open the reader at

    def __init__(
        self,
        library: Library,
        russian_texts: Sequence[TextInfo],
        *,
        current_text_id: int | None = None,
        run_task: RunTask | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._library = library
        self._run_task = run_task
        self.location: QuoteLocation | None = None
        self.last_result: QuoteLocation | None = None
        self.setWindowTitle(self.tr("Find a quotation in the original"))
        self.setMinimumWidth(640)
        self.resize(720, 420)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.text_combo = QComboBox()
        # Long Russian titles must not squeeze the form's labels.
        self.text_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.text_combo.setMinimumContentsLength(40)
        self._titles = {info.id: info.title for info in russian_texts}
        for info in russian_texts:
            aligned = self.tr(" (aligned)") if info.aligned_with is not None else ""
            self.text_combo.addItem(f"{info.title}{aligned}", info.id)
        if current_text_id is not None and (i := self.text_combo.findData(current_text_id)) >= 0:
            self.text_combo.setCurrentIndex(i)
        form.addRow(self.tr("Russian text:"), self.text_combo)
        self.quote_edit = QPlainTextEdit()
        self.quote_edit.setPlaceholderText(self.tr("Paste the English quotation here, e.g. from a book about the text"))
        self.quote_edit.setTabChangesFocus(True)
        self.quote_edit.setFixedHeight(110)
        form.addRow(self.tr("Quotation:"), self.quote_edit)
        layout.addLayout(form)

        self.status_label = _label("", "locateStatus")
        self.russian_label = _label("", "locateRussian")
        self.part_label = _label("", "locatePart")  # the clause of a long sentence the quotation renders
        self.english_label = _label("", "locateEnglish")
        self.english_label.setStyleSheet("color: palette(placeholder-text);")
        self.status_label.setStyleSheet("font-weight: bold;")
        self.part_label.setStyleSheet("font-style: italic;")
        for label in (self.status_label, self.russian_label, self.part_label, self.english_label):
            layout.addWidget(label)
        layout.addStretch(1)

        buttons = QDialogButtonBox()
        self.find_button = QPushButton(self.tr("&Find"))
        self.find_button.setDefault(True)
        self.open_button = QPushButton(self.tr("&Open there"))
        self.open_button.setEnabled(False)
        buttons.addButton(self.find_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.open_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.find_button.clicked.connect(self.find)
        self.open_button.clicked.connect(self._open)
        self._busy = False  # a search or preparation runs in the background
        self.quote_edit.textChanged.connect(self._update_find_button)
        self.find_button.setEnabled(False)
        if not russian_texts:
            self.status_label.setText(self.tr("There is no Russian text in the library to search."))
            self.quote_edit.setEnabled(False)

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._update_find_button()

    def _update_find_button(self) -> None:
        self.find_button.setEnabled(not self._busy and bool(self.quote_edit.toPlainText().strip()))

    def find(self) -> QuoteLocation | None:
        """Locate the quotation in the chosen text and show the answer.

        Returns the answer, or None while the search (or the preparation of
        the text's meaning vectors) still runs in the background: the answer
        is shown when it comes.
        """
        text_id = self.text_combo.currentData()
        query = self.quote_edit.toPlainText().strip()
        if text_id is None or not query:
            return None
        self.last_result = None
        with self._library.sessions() as session:
            ready = quote_search_ready(session, int(text_id))
        if ready or self._run_task is None:
            self._search(int(text_id), query, semantic=True)
        else:
            self._prepare(int(text_id), query)
        return self.last_result

    def _prepare(self, text_id: int, query: str) -> None:
        """Compute the text's meaning vectors off the UI thread, then search."""
        library = self._library

        def job(progress: Any, cancel: Any) -> None:
            with library.sessions() as session:
                prepare_quote_search(session, text_id, progress=progress, cancel=cancel)

        def done(_result: object) -> None:
            if not shiboken6.isValid(self):  # closed while the text was being prepared
                return
            self._set_busy(False)
            self._search(text_id, query, semantic=True)

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            why = (self.tr("Preparing the search by meaning was cancelled.") if isinstance(exc, Cancelled)
                   else self.tr("The search by meaning failed: {0}").format(exc))
            self._search(text_id, query, semantic=False, why=why)

        self._set_busy(True)
        self.status_label.setText(self.tr("Reading the meaning of the text's sentences (once per text)…"))
        self._run_task(
            job,
            label=self.tr("Preparing “{0}” for finding quotations by meaning (once per text)").format(
                self._titles.get(text_id, "")),
            on_done=done,
            on_error=failed,
        )

    def _search(self, text_id: int, query: str, *, semantic: bool, why: str = "") -> None:
        """Search off the UI thread when the window can run background work; ``why`` prefixes the answer."""
        library = self._library

        def job(_progress: Any, cancel: Any) -> QuoteLocation:
            with library.sessions() as session:
                return locate_quote(session, text_id, query, semantic=semantic, cancel=cancel)

        def done(where: QuoteLocation) -> None:
            if not shiboken6.isValid(self):  # closed while searching
                return
            self._set_busy(False)
            self.last_result = where
            self.show_location(where)
            if why:
                self.status_label.setText(f"{why} {self.status_label.text()}")

        def failed(exc: BaseException) -> None:
            if not shiboken6.isValid(self):
                return
            self._set_busy(False)
            self.status_label.setText(self.tr("The search was cancelled.") if isinstance(exc, Cancelled)
                                      else self.tr("The search failed: {0}").format(exc))

        if self._run_task is None:
            done(job(None, None))
            return
        self._set_busy(True)
        self.status_label.setText(self.tr("Searching…"))
        self.russian_label.clear()
        self.part_label.clear()
        self.english_label.clear()
        self.location = None
        self.open_button.setEnabled(False)
        self._run_task(
            job,
            label=self.tr("Finding the quotation in “{0}”").format(self._titles.get(text_id, "")),
            on_done=done,
            on_error=failed,
        )

    def show_location(self, where: QuoteLocation) -> None:
        self.location = where if where.ru_text else None
        self.open_button.setEnabled(self.location is not None)
        if not where.ru_text:
            self.status_label.setText(self.tr("Nothing to compare: the quotation has no words, or the text is empty."))
            self.russian_label.clear()
            self.part_label.clear()
            self.english_label.clear()
            return
        first, last = where.first_sentence + 1, where.last_sentence + 1
        sentences = (self.tr("sentence {0}").format(first) if first == last
                     else self.tr("sentences {0}–{1}").format(first, last))
        if where.found:
            status = self.tr("Found: {0} (score {1:.2f}).").format(sentences, where.score)
        else:
            status = self.tr(
                "Not found: no passage scores {0:.2f} or more. The closest, {1} (score {2:.2f}), "
                "may or may not be the one quoted; check it before citing it."
            ).format(where.threshold, sentences, where.score)
        if not where.semantic:
            status += " " + self.tr("(Compared by shared words only.)")
        self.status_label.setText(status)
        self.russian_label.setText(where.ru_text)
        self.part_label.setText(self.tr("The quotation most likely renders this part of it: {0}").format(
            where.ru_part_shown) if where.ru_part else "")
        self.english_label.setText(self.tr("Aligned English: {0}").format(where.en_text) if where.en_text else "")
        self.open_button.setText(self.tr("&Open there") if where.found else self.tr("&Open the closest passage"))

    def _open(self) -> None:
        if self.location is not None:
            self.open_requested.emit(self.location)
