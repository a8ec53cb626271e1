"""Text → Replace with another text… through the window: only for stand-ins, the import
dialog with the stand-in's language and work, bookmarks carried over, the new pair opened."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog
from sqlalchemy import select

from app.views.main_window import MainWindow
from app.views.replace_action import ReplaceDialog
from db.models import Bookmark, LibraryText
from db.services import bookmarks as bm
from db.services.export import excerpt as ex
from db.services.library import get_text
from resources import library_dir

RU_1925 = "trotsky-1925-leningrad-opposition.ru"
EN_1925 = "trotsky-1925-leningrad-opposition.en"


def synthetic_original(tmp_path: Path) -> Path:
    """An "archive edition" of the 1925 text: the stand-in with a few words changed."""
    text = (library_dir() / "texts" / f"{RU_1925}.txt").read_text(encoding="utf-8")
    text = text.replace("Надо прямо признать", "Следует прямо признать")
    text = text.replace("22 декабря 1925 г.", "22 декабря 1925 года. Архивная копия.")
    path = tmp_path / "trotsky-1925-archive.ru.txt"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def rwindow(window: MainWindow) -> MainWindow:
    return window


def _text_id(library, key: str) -> int:
    with library.sessions() as s:
        return s.scalar(select(LibraryText.id).where(LibraryText.key == key))


def test_the_action_is_enabled_only_for_a_working_translation_or_back_translation(rwindow, bundled_library) -> None:
    rwindow.select_text(_text_id(bundled_library, RU_1925))
    assert rwindow.replace_action.isEnabled()
    assert rwindow.replace_action in rwindow.library_view.actions()
    rwindow.select_text(_text_id(bundled_library, EN_1925))
    assert not rwindow.replace_action.isEnabled()
    rwindow.select_text(_text_id(bundled_library, "trotsky-1931-problems-of-development.ru"))
    assert not rwindow.replace_action.isEnabled()


def test_replacing_the_1925_back_translation_keeps_a_bookmark_anchored_on_the_english(
    rwindow, bundled_library, monkeypatch, tmp_path: Path
) -> None:
    stand_in = _text_id(bundled_library, RU_1925)
    en = _text_id(bundled_library, EN_1925)
    with bundled_library.sessions.begin() as s:
        old_alignment = ex.alignment_for_text(s, stand_in)
        kept = bm.add_bookmark(s, old_alignment, 3, 5, title="Элемент истины", tags=["opposition"])
        orphan = bm.add_bookmark(s, old_alignment, 10, 11, title="Только в реконструкции")
        row = s.get(Bookmark, orphan.id)
        row.en_first_id = row.en_last_id = None  # exists only on the stand-in side
    archive = synthetic_original(tmp_path)
    seen: dict[str, object] = {}

    def browse(dialog: ReplaceDialog) -> None:
        dialog.path_edit.setText(str(archive))

    def exec_(dialog: ReplaceDialog) -> int:
        seen.update(
            lang=dialog.lang_combo.currentData(), lang_locked=not dialog.lang_combo.isEnabled(),
            work=dialog.work_combo.currentData(), kind=dialog.kind_combo.currentData(), author=dialog.author_edit.text(),
        )
        dialog.title_edit.setText("Письмо 1925 г. (архив)")
        dialog.source_edit.setText("РГАСПИ, архивная копия")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(ReplaceDialog, "_browse", browse)
    monkeypatch.setattr(ReplaceDialog, "exec", exec_)
    reports: list[tuple[str, str]] = []
    monkeypatch.setattr(rwindow.replacing, "report", lambda title, text: reports.append((title, text)))

    rwindow.select_text(stand_in)
    rwindow.replace_action.trigger()

    with bundled_library.sessions() as s:
        old_info = get_text(s, stand_in)
        new_id = s.scalar(select(LibraryText.id).where(LibraryText.title == "Письмо 1925 г. (архив)"))
        new_info = get_text(s, new_id)
        moved = bm.get_bookmark(s, kept.id)
        flagged = bm.get_bookmark(s, orphan.id)
    # the dialog knew the stand-in: Russian, same work, "original" offered
    assert seen == {"lang": "ru", "lang_locked": True, "work": old_info.work_id, "kind": "original", "author": old_info.author}
    assert (new_info.kind, new_info.source, new_info.work_id) == ("original", "РГАСПИ, архивная копия", old_info.work_id)
    assert old_info.kind == "back_translation"  # the stand-in stays under its label
    # the new pair is open, with the carried-over bookmark marked
    assert rwindow.reader.text_id == new_id
    assert rwindow.reader.alignment_id == moved.alignment_id
    assert set(rwindow.reader.model.texts) == {"ru", "en"} and rwindow.reader.model.texts["en"].id == en
    assert (moved.ru_text_id, moved.en_text_id) == (new_id, en) and moved.en_quote == kept.en_quote
    assert "Следует прямо признать" in moved.ru_quote
    assert moved.bead_start in rwindow.reader.view.bookmark_marks()
    # the report says it in plain words, naming the bookmark to check
    [(_title, text)] = reports
    assert "1 bookmark moved" in text and "1 bookmark needs your review" in text and "Только в реконструкции" in text
    assert flagged.needs_review
    # the panel shows the flagged one as needing review
    panel = rwindow.bookmarks_panel
    row = panel.model.row_of(orphan.id)
    assert panel.model.index(row, 0).data().startswith("⚠")
    # the unchanged English now opens with the real text; the stand-in still opens with it too
    rwindow.open_text(en)
    assert rwindow.reader.model.texts["ru"].id == new_id
    rwindow.open_text(stand_in)
    assert rwindow.reader.model.texts["ru"].id == stand_in and rwindow.reader.alignment_id == old_alignment


def test_a_cancelled_dialog_changes_nothing(rwindow, bundled_library, monkeypatch) -> None:
    monkeypatch.setattr(ReplaceDialog, "_browse", lambda dialog: None)
    before = len([t for w in rwindow.works() for t in w.texts])
    rwindow.select_text(_text_id(bundled_library, RU_1925))
    assert rwindow.replace_action.isEnabled()
    rwindow.replace_action.trigger()
    assert len([t for w in rwindow.works() for t in w.texts]) == before
