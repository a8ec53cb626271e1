"""The interface in Russian (compiled Qt translation) and the settings that drive it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication

from app.settings import Settings
from app.views.main_window import MainWindow
from app.views.startup import I18N_DIR, install_translators, ui_language


def test_russian_interface_translates_menus_and_reader(qtbot, bundled_library, runner, tmp_path: Path) -> None:
    assert (I18N_DIR / "sverka_ru.qm").exists(), "run pyside6-lrelease on resources/i18n/sverka_ru.ts"
    settings = Settings.from_file(str(tmp_path / "s.ini"))
    settings.ui_language = "ru"
    assert ui_language(settings) == "ru"
    app = QApplication.instance()
    translators = install_translators(app, "ru")
    try:
        window = MainWindow(bundled_library, runner, settings=settings)
        qtbot.addWidget(window)
        titles = [a.text() for a in window.menuBar().actions()]
        assert "&Файл" in titles and "&Вид" in titles
        assert window.side_tabs.tabText(0) == "Библиотека"
        assert window.reader.placeholder.text().startswith("Выберите текст")
        window.close()
    finally:
        for t in translators:
            app.removeTranslator(t)


def test_settings_round_trip(tmp_path: Path) -> None:
    path = str(tmp_path / "s.ini")
    settings = Settings.from_file(path)
    settings.set_font("ru", "PT Serif", 14.5)
    settings.line_spacing = 1.6
    settings.theme = "dark"
    settings.layout = "interlinear"
    settings.swapped = True
    settings.sync()
    again = Settings.from_file(path)
    assert again.font("ru") == ("PT Serif", 14.5)
    assert again.line_spacing == 1.6 and again.theme == "dark"
    assert again.layout == "interlinear" and again.swapped
    assert again.font("en")[1] == 12.0 and again.ui_language == "system"


def test_every_reason_for_an_unsure_bead_has_a_sentence_in_both_languages() -> None:
    from alignment.aligner.scoring.confidence import REASONS
    from app.views.unsure_reasons import CODES, reason_text

    assert CODES == set(REASONS)
    english = {code: reason_text(code) for code in REASONS}
    assert english["en_much_shorter"] == "unsure: the English is much shorter than usual"
    assert reason_text(None).startswith("unsure: ")
    app = QApplication.instance()
    translators = install_translators(app, "ru")
    try:
        russian = {code: reason_text(code) for code in REASONS}
        assert russian["en_much_shorter"] == "сомнительная пара: английский текст намного короче обычного"
        assert all(text.startswith("сомнительная пара: ") for text in russian.values())
        assert reason_text(None) != english["weak_match"] and reason_text(None).startswith("сомнительная пара")
    finally:
        for t in translators:
            app.removeTranslator(t)
