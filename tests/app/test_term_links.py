"""Term links in the reader: hovering a term marks its rendering in the other column of the bead."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, QRectF, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from sqlalchemy import select

from alignment.glossary.entries import Glossary
from app.views.glossary_popup import TermTarget
from app.views.main_window import MainWindow
from db.models import LibraryText
from db.services.aligned_import import import_aligned
from db.services.glossary import bundled_glossary_path, occurrences
from db.services.importing import TextMetadata

PAIR_RU = "trotsky-1931-problems-of-development.ru"


def _open_at(window: MainWindow, text_id: int, entry_id: str, lang: str, nth: int = 0) -> TermTarget:
    """Open the pair at the ``nth`` occurrence of a term in ``lang``; return the term."""
    window.open_text(text_id)
    texts = {t.lang: t.id for t in window.reader.model.texts.values()}
    with window._library.sessions() as s:
        found = occurrences(s, entry_id, text_id=texts[lang])
    o = found[nth]
    window.open_text(text_id, sentence=(lang, o.sentence_position))
    QApplication.processEvents()
    row = window.reader.model.row_of_sentence(lang, o.sentence_position)
    return TermTarget(row, lang, o.sentence_position, o.start, o.end, entry_id)


def _platform(window: MainWindow) -> int:
    with window._library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == PAIR_RU))


def _point(window: MainWindow, target: TermTarget) -> QPoint:
    rect = window.term_popups.global_rect(target)
    assert rect is not None, "the term should be on screen"
    return window.reader.view.viewport().mapFromGlobal(rect.center())


def _words(window: MainWindow, spans: list[tuple[str, int, int, int]]) -> list[str]:
    out = []
    for lang, position, a, b in spans:
        row = window.reader.model.row_of_sentence(lang, position)
        segment = next(s for s in window.reader.model.row(row).side(lang) if s.position == position)
        out.append(segment.text[a:b])
    return out


def _grab(window: MainWindow) -> QImage:
    view = window.reader.view
    view.viewport().repaint()
    return view.viewport().grab().toImage()


def _tinted(linked: QImage, plain: QImage, rect: QRectF) -> float:
    """Share of pixels along the top of ``rect`` that the link's green tint changed, comparing the
    view painted with the link and without it (whatever the theme and the cursor's colour)."""
    y = int(rect.top()) + 1
    xs = range(int(rect.left()) + 1, int(rect.right()) - 1)
    green = 0
    for x in xs:
        a, b = linked.pixelColor(x, y), plain.pixelColor(x, y)
        if (a.green() - b.green()) - (a.red() - b.red()) > 15:  # towards green: red falls more than green
            green += 1
    return green / max(1, len(xs))


@pytest.fixture
def glossary() -> Glossary:
    return Glossary.load(bundled_glossary_path())


def test_hovering_a_russian_term_marks_its_english_rendering(window: MainWindow, qtbot, glossary: Glossary) -> None:
    target = _open_at(window, _platform(window), "kolkhoz", "ru")
    view = window.reader.view
    assert not window.term_links.ready  # nothing loaded until the pointer comes over the pair
    qtbot.mouseMove(view.viewport(), QPoint(3, view.viewport().height() - 3))
    assert window.term_links.ready  # (jobs run inline in tests; in the window, in the background)
    qtbot.mouseMove(view.viewport(), _point(window, target))
    # The popup is not this test's subject, and an open popup keeps its link: on a loaded
    # machine the grabs below can outlast the hover delay, so the popup is not let open.
    window.term_popups.close_popup()
    links = view.term_links()
    assert links is not None and links.row == target.row and links.unrendered is None
    assert links.spans("term") == [("ru", target.position, target.start, target.end)]
    words = _words(window, links.spans("rendering"))
    folded = {glossary.matcher.fold(w, "en") for w in words}
    assert folded and folded <= {"kolkhoz", "collective farm"}, words
    # Painted: the renderer drew the rendering's rectangles, in the English column, in the link's tint.
    linked = _grab(window)
    painted = [(kind, lang, rect) for kind, lang, rect in view.renderer.link_rects]
    renderings = [rect for kind, lang, rect in painted if kind == "rendering" and lang == "en"]
    assert renderings and any(kind == "term" and lang == "ru" for kind, lang, _r in painted)
    # Moving away clears it, on screen too.
    qtbot.mouseMove(view.viewport(), QPoint(3, view.viewport().height() - 3))
    assert view.term_links() is None
    plain = _grab(window)
    assert view.renderer.link_rects == []
    assert all(_tinted(linked, plain, rect) > 0.5 for rect in renderings)
    assert all(_tinted(plain, plain, rect) == 0 for rect in renderings)


def test_hovering_an_english_term_marks_its_russian_rendering(window: MainWindow, qtbot, glossary: Glossary) -> None:
    target = _open_at(window, _platform(window), "ussr", "en", nth=3)
    view = window.reader.view
    qtbot.mouseMove(view.viewport(), _point(window, target))
    links = view.term_links()
    assert links is not None
    assert [glossary.matcher.fold(w, "ru") for w in _words(window, links.spans("rendering"))][:1] == ["ссср"]


def test_the_popup_says_how_the_term_is_rendered(window: MainWindow, qtbot) -> None:
    target = _open_at(window, _platform(window), "kolkhoz", "ru")
    assert window.term_popups.open_for(target, sticky=True)
    note = window.glossary_popup.rendering_note
    assert note.isVisible() and note.textFormat() == Qt.TextFormat.PlainText
    assert note.text().startswith("In the English here: “") and "kolkhoz" in note.text().lower()
    # The popup opened by click or key keeps the link shown while the pointer is elsewhere.
    assert window.reader.view.term_links() is not None
    window.term_popups.close_popup()
    assert window.reader.view.term_links() is None


@pytest.fixture
def planted_window(qtbot, library, runner, settings, tmp_path: Path):
    """A pair where the translation leaves out a term: Оргбюро has no English rendering."""
    tsv = tmp_path / "pair.tsv"
    tsv.write_text(
        "ru\ten\n"
        "Колхоз и Оргбюро обсуждали план.\tThe kolkhoz discussed the plan.\n"
        "Потом выступил Бухарин.\tThen Bukharin spoke.\n",
        encoding="utf-8",
    )
    result = import_aligned(library, tsv, ru_meta=TextMetadata(lang="ru", title="План"),
                            en_meta=TextMetadata(lang="en", title="The plan", kind="published_translation"))
    window = MainWindow(library, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    with library.sessions() as s:
        window.planted_ru = s.scalar(select(LibraryText.id).where(LibraryText.title == "План"))
    assert result.alignment_id
    yield window
    window.close()


def test_a_term_without_rendering_is_shown_as_possibly_omitted(planted_window: MainWindow, qtbot) -> None:
    window = planted_window
    target = _open_at(window, window.planted_ru, "orgburo", "ru")
    view = window.reader.view
    qtbot.mouseMove(view.viewport(), _point(window, target))
    links = view.term_links()
    assert links is not None and links.unrendered == "en" and links.spans("rendering") == []
    _grab(window)
    assert [lang for kind, lang, _r in view.renderer.link_rects if kind == "missing"] == ["en"]
    qtbot.waitUntil(lambda: window.glossary_popup.entry_id == "orgburo", timeout=3000)
    assert window.glossary_popup.rendering_note.text() == "No rendering in the English here — possibly omitted."
    # The kolkhoz of the same sentence is rendered.
    kolkhoz = _open_at(window, window.planted_ru, "kolkhoz", "ru")
    qtbot.mouseMove(view.viewport(), _point(window, kolkhoz))
    assert _words(window, view.term_links().spans("rendering")) == ["kolkhoz"]
