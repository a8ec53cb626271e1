"""The main window on the bundled library: listing, opening, importing, deleting."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QMimeData, QPoint, Qt, QUrl
from PySide6.QtGui import QDropEvent

from app.dialogs.import_dialog import ImportDialog, ImportRequest
from app.models.library_model import TEXT_ID_ROLE
from app.tasks import TaskRunner
from app.views.main_window import MainWindow
from db.services.importing import ImportOptions


def _rows(window: MainWindow) -> list[tuple[str, list[list[str]]]]:
    """(work heading, [[title, author, language, kind, size], …]) as the user sees them."""
    model = window.library_model
    out = []
    for r in range(model.rowCount()):
        work = model.item(r, 0)
        texts = []
        for c in range(work.rowCount()):
            texts.append([work.child(c, col).text() for col in range(model.columnCount())])
        out.append((work.text(), texts))
    return out


def _request(path: Path, **kw) -> ImportRequest:
    base = dict(path=path, lang="ru", title="", author="", translator="", date="", source="", rights="", kind="original", work_id=None)
    base.update(kw)
    return ImportRequest(**base)


def test_lists_the_bundled_library_grouped_by_work(window: MainWindow) -> None:
    rows = _rows(window)
    headings = [h for h, _ in rows]
    assert any("Проблемы развития СССР" in h for h in headings)
    assert any("Bolsheviks Against Stalinism" in h for h in headings)
    platform = next(texts for h, texts in rows if "Проблемы развития СССР" in h)
    kinds = {t[2]: t[3] for t in platform}
    assert kinds == {"RU": "original", "EN": "working translation"}  # codes; the tooltip names the language
    assert all(t[4].replace("\u2009", "").isdigit() for _, texts in rows for t in texts)
    assert sum(len(t) for _, t in rows) == 7


def test_opening_a_text_shows_its_paragraphs_and_the_project_label(window: MainWindow, qtbot) -> None:
    model = window.library_model
    target = None
    for r in range(model.rowCount()):
        work = model.item(r, 0)
        for c in range(work.rowCount()):
            if work.child(c, 3).text() == "back-translation":
                target = work.child(c, 0).index()
    assert target is not None
    window.library_view.setCurrentIndex(target)
    qtbot.mouseClick(window.library_view.viewport(), Qt.MouseButton.LeftButton, pos=window.library_view.visualRect(target).center())
    shown = window.reader.plain_text()
    assert "Reconstruction" in shown and "Реконструкция" in shown
    assert "22 декабря 1925 г." in shown
    assert window.reader.banner.isVisible()
    assert window.reader.text_id == target.data(TEXT_ID_ROLE)


def test_keyboard_opens_a_text(window: MainWindow, qtbot) -> None:
    window.library_view.setFocus()
    first_text = window.library_model.item(0, 0).child(0, 0).index()
    window.library_view.setCurrentIndex(first_text)
    qtbot.keyClick(window.library_view, Qt.Key.Key_Return)
    assert "Leningrad" in window.reader.plain_text()


def test_import_through_the_dialog_adds_and_opens_the_text(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "statya.txt"
    path.write_text("Колхозы растут. Кулаки сопротивляются.\n\nВторой абзац статьи.\n", encoding="utf-8")
    monkeypatch.setattr(ImportDialog, "ask", classmethod(lambda cls, works, p=None, parent=None: _request(path, title="Статья")))
    window.import_action.trigger()
    titles = [t[0] for _, texts in _rows(window) for t in texts]
    assert "Статья" in titles
    assert "Второй абзац статьи." in window.reader.plain_text()


def test_importing_the_same_file_twice_asks(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "statya.txt"
    path.write_text("Колхозы растут. Кулаки сопротивляются.\n", encoding="utf-8")
    window.start_import(_request(path, title="A"), ImportOptions())
    questions: list[str] = []
    monkeypatch.setattr(window, "ask_yes_no", lambda title, text: questions.append(text) or False)
    window.start_import(_request(path, title="B"), ImportOptions())
    assert questions and "already in the library" in questions[0]
    titles = [t[0] for _, texts in _rows(window) for t in texts]
    assert titles.count("A") == 1 and "B" not in titles


def test_import_errors_are_shown_in_plain_words(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    shown: list[BaseException] = []
    monkeypatch.setattr(window, "show_error", shown.append)
    window.start_import(_request(empty), ImportOptions())
    assert len(shown) == 1 and "empty" in str(shown[0]).lower()
    assert sum(len(t) for _, t in _rows(window)) == 7


def test_dropping_a_file_opens_the_import_dialog_with_it(window: MainWindow, tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "dropped.txt"
    path.write_text("Some English text about the kolkhoz. It has two sentences.\n", encoding="utf-8")
    asked: list[Path | None] = []

    def fake_ask(cls, works, p=None, parent=None):
        asked.append(p)
        return _request(p, lang="en", title="Dropped")

    monkeypatch.setattr(ImportDialog, "ask", classmethod(fake_ask))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path))])
    event = QDropEvent(QPoint(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    window.dropEvent(event)
    assert asked == [path]
    assert "Dropped" in [t[0] for _, texts in _rows(window) for t in texts]


def test_delete_asks_and_restore_brings_bundled_text_back(window: MainWindow, monkeypatch) -> None:
    item = window.library_model.item(0, 0).child(0, 0)
    window.library_view.setCurrentIndex(item.index())
    monkeypatch.setattr(window, "ask_yes_no", lambda title, text: True)
    window.delete_action.trigger()
    assert sum(len(t) for _, t in _rows(window)) == 6
    window.restore_action.trigger()
    assert sum(len(t) for _, t in _rows(window)) == 7


def test_real_background_import_reports_back_on_the_ui_thread(qtbot, library, tmp_path: Path) -> None:
    runner = TaskRunner()
    window = MainWindow(library, runner)
    qtbot.addWidget(window)
    path = tmp_path / "bg.txt"
    path.write_text("Фоновый импорт. Второе предложение.\n", encoding="utf-8")
    with qtbot.waitSignal(runner.finished, timeout=20000):
        window.start_import(_request(path, title="Фон"), ImportOptions())
    qtbot.waitUntil(lambda: "Фон" in [t[0] for _, texts in _rows(window) for t in texts], timeout=5000)
    runner.shutdown()


def test_first_run_installs_the_bundled_library(qtbot, library, runner) -> None:
    window = MainWindow(library, runner)
    qtbot.addWidget(window)
    assert _rows(window) == []
    task = window.ensure_bundled()
    assert task is not None and task.finished
    assert sum(len(t) for _, t in _rows(window)) == 7
    assert window.ensure_bundled() is None
