"""A library written before schema 0006 (no note keys, no pages), migrated: Rogovin's note
calls still open the right note, and the table of contents works.

The old library holds the first chapters of Rogovin's book as the importer of that time
stored them: notes where the Markdown prints them (after each chapter, numbered from 1
again in every chapter) and calls as ``[offset, label]`` without a key.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QPointF, Qt
from PySide6.QtWidgets import QApplication
from sqlalchemy import select, text

from alignment.text.boilerplate import remove_boilerplate
from alignment.text.markdown_clean import markdown_to_blocks
from alignment.text.segment import segment_blocks
from app.views.main_window import MainWindow
from db.engine import open_library
from db.models import Paragraph
from db.services.notes import paragraph_notes, text_notes
from resources import library_dir

ROGOVIN = library_dir() / "texts" / "rogovin-bolsheviks-against-stalinism.en.md"
CHAPTER = re.compile(r"^(\d+\. |Introduction$)")


def _old_blocks() -> list:
    """The front matter, the introduction and chapters 1-5 of the book, each with its notes."""
    blocks, _ = remove_boilerplate(markdown_to_blocks(ROGOVIN.read_text(encoding="utf-8")))
    end = next(i for i, b in enumerate(blocks) if b.kind == "heading" and b.text.startswith("6. "))
    return blocks[:end]


def _make_0005_library(path: Path) -> None:
    from alembic import command

    from db.engine import _alembic_config, make_engine

    paragraphs = segment_blocks(_old_blocks(), "en")
    engine = make_engine(path)
    with engine.begin() as conn:
        cfg = _alembic_config()
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0005")
        conn.execute(text("INSERT INTO works (id, title, author, date, description) "
                          "VALUES (1, 'Bolsheviks Against Stalinism', 'V. Z. Rogovin', '', '')"))
        conn.execute(text(
            "INSERT INTO texts (id, work_id, lang, role, kind, title, author, translator, date, source, rights, note, "
            "file_format, encoding, original_filename, content_hash, bundled, paragraph_count, sentence_count, "
            "char_count) VALUES (1, 1, 'en', 'translation', 'published_translation', 'Bolsheviks Against Stalinism', "
            "'V. Z. Rogovin', 'F. S. Choate', '2019', '', '', '', 'markdown', 'utf-8', 'rogovin.md', 'old', 0, "
            ":paragraphs, :sentences, :chars)"),
            {"paragraphs": len(paragraphs), "sentences": sum(len(p.sentences) for p in paragraphs),
             "chars": sum(len(p.text) for p in paragraphs)})
        position = 0
        for i, p in enumerate(paragraphs):
            calls = [[n.offset, n.label] for n in p.notes] or None  # the old two-field calls
            conn.execute(text("INSERT INTO paragraphs (id, text_id, position, kind, level, lang, text, notes) "
                              "VALUES (:id, 1, :pos, :kind, :level, NULL, :text, :notes)"),
                         {"id": i + 1, "pos": i, "kind": p.kind, "level": p.level, "text": p.text,
                          "notes": json.dumps(calls) if calls else None})
            for s in p.sentences:
                conn.execute(text("INSERT INTO sentences (text_id, paragraph_id, position, start, \"end\", text) "
                                  "VALUES (1, :pid, :pos, :start, :end, :text)"),
                             {"pid": i + 1, "pos": position, "start": s.start, "end": s.end, "text": s.text})
                position += 1
    engine.dispose()


@pytest.fixture
def old_library(tmp_path: Path) -> Iterator[object]:
    path = tmp_path / "old.sqlite3"
    _make_0005_library(path)
    library = open_library(path)  # backs the file up and migrates it
    assert library.backup_path is not None
    yield library
    library.close()


def _chapter_of(session, position: int) -> int:
    """How many chapter headings ("Introduction", "1. The Economic Crisis…") come up to paragraph ``position``."""
    headings = session.scalars(select(Paragraph.text).where(
        Paragraph.text_id == 1, Paragraph.kind == "heading", Paragraph.position <= position)).all()
    return sum(bool(CHAPTER.match(h)) for h in headings)


def test_old_note_calls_open_the_note_of_their_own_chapter(old_library) -> None:
    with old_library.sessions() as session:
        calls = text_notes(session, 1)
        called = session.scalars(select(Paragraph).where(Paragraph.text_id == 1, Paragraph.notes.is_not(None))).all()
        assert sum(len(p.notes) for p in called) > 80
        # every call finds a note, with the label it shows, printed after it in the same chapter
        assert sum(len(v) for v in calls.values()) == sum(len(p.notes) for p in called)
        for position, notes in calls.items():
            for note in notes:
                assert note.paragraph > position
                assert _chapter_of(session, note.paragraph) == _chapter_of(session, position)
        chapter_2 = session.scalars(select(Paragraph).where(
            Paragraph.text_id == 1, Paragraph.text.like("“Here, Stalin's art of maneuvers%"))).one()
        first = paragraph_notes(session, chapter_2.id)
        assert [(n.label, n.text) for n in first] == [("1", "L. D. Trotskii, Stalin, vol. II, M., 1990, p. 246.")]


@pytest.fixture
def old_window(qtbot, old_library, runner, settings) -> Iterator[MainWindow]:
    w = MainWindow(old_library, runner, settings=settings)
    qtbot.addWidget(w)
    w.resize(1300, 820)
    w.show()
    qtbot.waitExposed(w)
    w.open_text(1)
    yield w
    w.close()
    QApplication.processEvents()


def _call_on_screen(w: MainWindow):
    view, ctl = w.reader.view, w.reader.note_popups
    for row in view.visible_rows():
        top = view.row_top(row)
        height = int(view.renderer.known_height(view.reader_model().key(row)) or 0)
        for y in range(0, height, 3):
            for x in range(0, view.viewport().width(), 3):
                target = ctl.call_at(QPointF(x, top + y))
                if target is not None:
                    return target
    return None


def test_contents_and_note_popups_of_a_migrated_text(qtbot, old_window) -> None:
    w = old_window
    w.toc_action.trigger()
    titles = [e.titles.get("en", "") for e in w.toc_panel.entries]
    assert "Introduction" in titles and "2. The First Round of Emergency Measures" in titles
    # the contents take the reader to chapter 2 …
    item = w.toc_panel.tree.findItems("2. The First Round of Emergency Measures",
                                      Qt.MatchFlag.MatchRecursive | Qt.MatchFlag.MatchExactly, 0)[0]
    qtbot.mouseClick(w.toc_panel.tree.viewport(), Qt.MouseButton.LeftButton, pos=w.toc_panel.tree.visualItemRect(item).center())
    entry = next(e for e in w.toc_panel.entries if e.titles.get("en") == "2. The First Round of Emergency Measures")
    assert w.reader.view.current_row == entry.row
    # … where the first call is a link to chapter 2's note 1, not the introduction's or chapter 1's
    w.reader.view.scroll_to_row(entry.row, fraction=0.0)
    target = _call_on_screen(w)
    assert target is not None and target.label == "1" and target.key is None
    qtbot.mouseClick(w.reader.view.viewport(), Qt.MouseButton.LeftButton, pos=target.rect.center())
    popup = w.reader.note_popup
    qtbot.waitUntil(popup.isVisible)
    assert popup.body.text() == "L. D. Trotskii, Stalin, vol. II, M., 1990, p. 246."
    assert popup.heading.text().startswith("Note 1")
