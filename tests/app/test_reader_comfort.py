"""Reading comfort (issue 16): text size, theme, full screen, toolbar, help, accessibility, keyboard."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

from app.views.main_window import MainWindow
from tests.app.test_glossary_popup import PAIR_RU, _text_id


def _pair(window: MainWindow) -> None:
    window.open_text(_text_id(window._library, PAIR_RU))
    window.reader.view.setFocus()
    QApplication.processEvents()


def test_text_size_keys_change_the_reader_keep_the_place_and_are_remembered(window: MainWindow, qtbot) -> None:
    _pair(window)
    view = window.reader.view
    view.set_current(40)
    view.reveal(40)
    size = view.renderer.style.font("ru").pointSizeF()
    qtbot.keyClick(view, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    assert view.renderer.style.font("ru").pointSizeF() > size
    assert window.settings.zoom > 1.0 and window.zoom_button.text() == f"{round(window.settings.zoom * 100)} %"
    assert view.current_row == 40 and 40 in view.visible_rows()
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Minus, Qt.KeyboardModifier.ControlModifier)
    assert view.renderer.style.font("ru").pointSizeF() < size
    qtbot.keyClick(view, Qt.Key.Key_0, Qt.KeyboardModifier.ControlModifier)
    assert window.settings.zoom == 1.0 and view.renderer.style.font("ru").pointSizeF() == size


def test_themes_repaint_the_reader_and_follow_the_system(window: MainWindow, qtbot, monkeypatch) -> None:
    _pair(window)
    view = window.reader.view
    bases = {}
    for theme in ("light", "sepia", "dark"):
        window.reading.set_theme(theme)
        QApplication.processEvents()
        bases[theme] = view.viewport().palette().color(QPalette.ColorRole.Base).name()
        assert window.settings.theme == theme and window.reading.theme_actions[theme].isChecked()
    assert len(set(bases.values())) == 3
    assert QColor(bases["dark"]).lightness() < 80 < QColor(bases["sepia"]).lightness()
    # "system": a live change of the system's colour scheme re-applies the theme
    window.reading.set_theme("system")
    from app.views import theme as theme_module

    monkeypatch.setattr(theme_module, "is_dark", lambda _t: True)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Dark)
    QApplication.processEvents()
    assert QApplication.instance().property("sverka_theme") == "dark"
    monkeypatch.setattr(theme_module, "is_dark", lambda _t: False)
    QGuiApplication.styleHints().colorSchemeChanged.emit(Qt.ColorScheme.Light)
    assert QApplication.instance().property("sverka_theme") == "light"
    window.reading.set_theme("light")


def test_full_screen_shows_the_reader_alone_and_comes_back(window: MainWindow, qtbot) -> None:
    _pair(window)
    assert window.side_tabs.isVisible()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_F11)
    assert window.isFullScreen() and not window.side_tabs.isVisible() and not window.statusBar().isVisible()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_F11)
    assert not window.isFullScreen() and window.side_tabs.isVisible() and window.statusBar().isVisible()


def test_toolbar_buttons_have_icons_and_name_their_shortcuts(window: MainWindow, qtbot) -> None:
    _pair(window)
    bar = window.reader.toolbar
    tips = {b.toolTip() for b in bar.buttons()}
    for expected in ("(Ctrl+F)", "(Ctrl+D)", "(Ctrl+C)", "(Ctrl+R)", "(F9)", "(Ctrl+-)", "(Ctrl+=, Ctrl++)"):
        assert any(expected in tip for tip in tips), f"no toolbar tooltip names {expected}: {sorted(tips)}"
    with_icons = [b for b in bar.buttons() if not b.icon().isNull()]
    assert len(with_icons) >= 12
    find = next(b for b in bar.buttons() if "(Ctrl+F)" in b.toolTip())
    find.click()
    assert window.reader.find_bar.isVisible()


def test_a_narrow_reader_hides_the_least_used_buttons_first(window: MainWindow, qtbot) -> None:
    _pair(window)
    bar = window.reader.toolbar
    wide = [b for b in bar.buttons() if b.isVisible()]
    window.resize(1024, 680)
    window.library_panel_action.setChecked(True)
    window.splitter.setSizes([520, 504])
    QApplication.processEvents()
    narrow = [b for b in bar.buttons() if b.isVisible()]
    assert len(narrow) < len(wide)
    assert sum(b.sizeHint().width() for b in narrow) <= bar.width()
    assert all(b.isVisible() for b in window.reader.layout_buttons.buttons())  # the views stay
    assert window.width() <= 1024


def test_the_shortcut_list_is_searchable_and_lists_the_real_keys(window: MainWindow, qtbot) -> None:
    qtbot.keyClick(window.library_view, Qt.Key.Key_F1)
    from app.views.help import ShortcutsDialog

    dialog = next(w for w in QApplication.topLevelWidgets() if isinstance(w, ShortcutsDialog) and w.isVisible())
    qtbot.addWidget(dialog)
    keys = {row[0] for row in dialog.shown()}
    for key in ("Ctrl+F", "Ctrl+G", "F11", "Ctrl+0", "Ctrl+R", "F1, Ctrl+/", "N", "F6"):
        assert key in keys, f"{key} is missing from the shortcut list"
    qtbot.keyClicks(dialog.field, "full")
    assert [row[0] for row in dialog.shown()] == ["F11"]
    dialog.close()


def test_guide_in_both_languages_and_about_name_what_sverka_is_made_of(window: MainWindow, qtbot) -> None:
    from app.views.help import AboutDialog, GuideDialog, about_text

    for language, words in (("en", "Reading a pair"), ("ru", "Чтение пары")):
        guide = GuideDialog(language, window)
        qtbot.addWidget(guide)
        text = guide.browser.toPlainText()
        assert words in text and "Ctrl+F" in text
        assert guide.browser.document().resource(2, guide.browser.source().resolved(  # an illustration loads (else None)
            __import__("PySide6.QtCore", fromlist=["QUrl"]).QUrl(f"img/{language}/reader.png"))) is not None
    text = about_text()
    for expected in ("Sverka 0.1.0", "PySide6-Essentials", "LGPL", "SQLAlchemy", "MIT", "Lucide", "ISC",
                     "Бюллетень оппозиции", "Public domain", "Mehring Books"):
        assert expected in text, expected
    about = AboutDialog(window)
    qtbot.addWidget(about)
    assert about.text.toPlainText() == text and about.text.isReadOnly()


def test_a_screen_reader_gets_the_current_sentence_and_its_counterpart(window: MainWindow, qtbot) -> None:
    _pair(window)
    view = window.reader.view
    row = next(r for r in range(5, 60) if window.reader.model.row(r).side("ru") and window.reader.model.row(r).side("en"))
    ru = window.reader.model.row(row).side("ru")[0]
    view.set_current(row, ("ru", ru.position))
    access = QAccessible.queryAccessibleInterface(view)
    description = access.text(QAccessible.Text.Description)
    assert description.startswith("Russian: " + ru.text[:30])
    english = " ".join(s.text for s in window.reader.model.row(row).side("en"))
    assert "English: " + english[:30] in description
    assert f"bead {row + 1} of {window.reader.model.rowCount()}" in access.text(QAccessible.Text.Name)
    qtbot.keyClick(view, Qt.Key.Key_Down)
    assert f"bead {row + 2} of" in QAccessible.queryAccessibleInterface(view).text(QAccessible.Text.Name)


def test_f6_moves_the_keyboard_between_panel_and_reader(window: MainWindow, qtbot) -> None:
    _pair(window)
    assert window.reader.view.hasFocus()
    qtbot.keyClick(window.reader.view, Qt.Key.Key_F6)
    focused = QApplication.focusWidget()
    assert focused is not None and window.side_tabs.isAncestorOf(focused)
    qtbot.keyClick(focused, Qt.Key.Key_F6)
    assert window.reader.view.hasFocus()
