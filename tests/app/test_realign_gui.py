"""Issue 15, finding 2, in the window: "Align with…" on a reviewed pair asks, and keeps the review by default."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton

from alignment.aligner.edits import ConfirmRange
from app.views.main_window import MainWindow
from db.services.bead_store import load_spans
from db.services.editing import apply_edit

SHORT = 1


def _answer(button_text: str, seen: list[str]) -> None:
    """Click the button of the message box that will open next, and remember its text."""

    def click() -> None:
        box = QApplication.activeModalWidget()
        if not isinstance(box, QMessageBox):
            QTimer.singleShot(20, click)
            return
        seen.append(box.text())
        for button in box.findChildren(QPushButton):
            if button.text().replace("&", "") == button_text:
                button.click()
                return
        raise AssertionError(f"no button {button_text!r} in {[b.text() for b in box.findChildren(QPushButton)]}")

    QTimer.singleShot(20, click)


def _texts(window: MainWindow):
    infos = {t.id: t for w in window.works() for t in w.texts}
    with window._library.sessions() as s:  # noqa: SLF001 - test set-up
        from db.models import Alignment

        a = s.get(Alignment, SHORT)
        return infos[a.ru_text_id], infos[a.en_text_id]


def test_align_with_keeps_the_reviewed_beads(window: MainWindow, qtbot) -> None:
    library = window._library  # noqa: SLF001
    with library.sessions.begin() as s:
        apply_edit(s, SHORT, ConfirmRange(0, 6))
    ru, en = _texts(window)
    seen: list[str] = []
    _answer("Keep my 6 beads", seen)
    task = window.start_alignment(ru, en)
    assert task is not None
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=20000)  # noqa: SLF001
    assert "confirmed or edited 6 of its beads" in seen[0]
    with library.sessions() as s:
        assert sum(b.is_anchor for b in load_spans(s, SHORT)) == 6
    assert "were kept" in window.statusBar().currentMessage()


def test_discarding_needs_a_second_yes(window: MainWindow, qtbot) -> None:
    library = window._library  # noqa: SLF001
    with library.sessions.begin() as s:
        apply_edit(s, SHORT, ConfirmRange(0, 3))
    ru, en = _texts(window)
    seen: list[str] = []
    _answer("Discard them…", seen)
    # the second question comes from ask_yes_no: say no, and nothing is aligned
    window.ask_yes_no = lambda title, text: seen.append(text) or False  # type: ignore[method-assign]
    assert window.start_alignment(ru, en) is None
    assert "cannot be undone" in seen[-1]
    with library.sessions() as s:
        assert sum(b.is_anchor for b in load_spans(s, SHORT)) == 3
    _answer("Discard them…", seen)
    window.ask_yes_no = lambda title, text: True  # type: ignore[method-assign]
    assert window.start_alignment(ru, en) is not None
    qtbot.waitUntil(lambda: not window._runner.busy, timeout=20000)  # noqa: SLF001
    with library.sessions() as s:
        assert sum(b.is_anchor for b in load_spans(s, SHORT)) == 0
