"""A long book import in the window: real background worker, progress page by page, Cancel.

The job runs on the TaskRunner's worker thread (not inline), the progress dialog
polls it, and pressing the dialog's Cancel button stops the import between two
pages; the library is left exactly as it was.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
import bookfiles as bf  # noqa: E402

from app.dialogs.import_dialog import ImportRequest  # noqa: E402
from app.dialogs.progress_dialog import TaskProgressDialog  # noqa: E402
from app.tasks import TaskRunner  # noqa: E402
from app.views.main_window import MainWindow  # noqa: E402
from db.services.importing import ImportOptions  # noqa: E402
from db.services.library import list_texts  # noqa: E402


def _library_rows(library) -> tuple[list[str], int, int]:
    from sqlalchemy import func, select

    from db.models import Paragraph, Sentence

    with library.sessions() as session:
        titles = [t.title for t in list_texts(session)]
        paragraphs = session.scalar(select(func.count()).select_from(Paragraph))
        sentences = session.scalar(select(func.count()).select_from(Sentence))
    return titles, paragraphs, sentences


def test_cancel_a_long_pdf_import_from_the_progress_dialog(qtbot, library, settings, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "long.pdf"
    layout = bf.typeset_pdf(path, bf.sample_book(chapters=4, paragraphs=20, words=90))
    assert layout.physical_pages >= 40
    runner = TaskRunner()  # a real worker thread, as the application uses
    window = MainWindow(library, runner, settings=settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    before = _library_rows(library)
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr("app.views.main_window.message", lambda _parent, title, text, **_kw: messages.append((title, text)))

    # Each page takes a little longer to read, so that on a loaded machine the worker cannot
    # finish the whole book before the user's click (the dialog would be gone).
    from alignment.text.readers import pdf as pdf_reader
    read_page = pdf_reader._page_lines

    def slow_page(*args, **kwargs):
        time.sleep(0.03)
        return read_page(*args, **kwargs)

    monkeypatch.setattr(pdf_reader, "_page_lines", slow_page)

    request = ImportRequest(path=path, lang="ru", title="", author="", translator="", date="", source="", rights="",
                            kind="original", work_id=None)
    task = window.start_import(request, ImportOptions())
    assert not task.finished
    dialog = window.findChild(TaskProgressDialog)
    assert dialog is not None

    # the dialog shows the pages being read, one after another
    seen: list[int] = []

    def pages_advanced() -> bool:
        assert not task.finished, "the import ended before it could be cancelled"
        if dialog.isVisible() and "reading pages" in dialog.labelText() and dialog.value() > 0 \
                and dialog.value() not in seen:
            seen.append(dialog.value())
        return len(seen) >= 3

    qtbot.waitUntil(pages_advanced, timeout=20000)
    assert seen == sorted(seen) and seen[-1] < dialog.maximum() * 0.9  # reading is 90% of the bar
    assert not task.finished
    pages_read = task.progress.snapshot().done

    cancel = dialog.findChild(QPushButton)
    assert cancel.text() == dialog.tr("Cancel") and cancel.isEnabled()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert task.cancel.cancelled
    if not task.finished:  # the job stops at its next page: till then the dialog says so
        assert dialog.isVisible() and dialog.labelText().endswith("Cancelling…") and not cancel.isEnabled()
    qtbot.waitUntil(lambda: task.finished, timeout=20000)
    QApplication.processEvents()
    # it stopped reading soon after (pages are read one by one), long before the end
    assert task.progress.snapshot().done < pages_read + 200 < 900
    assert messages and "left as it was" in messages[-1][1]
    assert window.findChild(TaskProgressDialog) is None
    assert _library_rows(library) == before
    runner.shutdown()
