"""Replacing a stand-in (back-translation, working translation) by the real text, keeping bookmarks."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from app.cli import main
from db.errors import LanguageMismatchError
from db.models import Alignment, Bookmark, LibraryText
from db.services import bookmarks as bm
from db.services.export import excerpt as ex
from db.services.library import get_text
from db.services.replacing import NotReplaceableError, replace_text
from resources import library_dir

STAND_IN = library_dir() / "texts" / "trotsky-1925-leningrad-opposition.ru.txt"


def synthetic_original(tmp_path: Path) -> Path:
    """The "archive edition": the stand-in with other wording, a sentence fewer and one more."""
    text = STAND_IN.read_text(encoding="utf-8")
    text = text.replace("Надо прямо признать", "Следует прямо признать")
    text = text.replace(
        "Нужно только правильно определить, в чем этот элемент состоит.",
        "Нужно лишь точно определить, в чем именно этот элемент состоит. Об этом ниже.",
    )
    text = text.replace("22 декабря 1925 г.", "22 декабря 1925 года. Архивная копия.")
    path = tmp_path / "trotsky-1925-archive.ru.txt"
    path.write_text(text, encoding="utf-8")
    return path


def _ids(session) -> tuple[int, int]:
    ru = session.scalars(select(LibraryText.id).where(LibraryText.key == "trotsky-1925-leningrad-opposition.ru")).one()
    en = session.scalars(select(LibraryText.id).where(LibraryText.key == "trotsky-1925-leningrad-opposition.en")).one()
    return ru, en


def test_replacing_the_back_translation_remaps_bookmarks_and_keeps_the_stand_in(bundled_library, tmp_path: Path) -> None:
    with bundled_library.sessions.begin() as s:
        stand_in, en = _ids(s)
        old_alignment = ex.alignment_for_text(s, stand_in)
        kept = bm.add_bookmark(s, old_alignment, 3, 4, title="элемент истины", tags=["opposition"])
        later = bm.add_bookmark(s, old_alignment, 20, 22)
        orphan = bm.add_bookmark(s, old_alignment, 10, 11)
        # a passage that exists only on the stand-in side cannot be carried over
        row = s.get(Bookmark, orphan.id)
        row.en_first_id = row.en_last_id = None
    result = replace_text(bundled_library, stand_in, synthetic_original(tmp_path))
    assert set(result.bookmarks_remapped) == {kept.id, later.id}
    assert result.bookmarks_flagged == (orphan.id,)
    with bundled_library.sessions() as s:
        new = get_text(s, result.new_text_id)
        old = get_text(s, stand_in)
        moved = bm.get_bookmark(s, kept.id)
        moved_later = bm.get_bookmark(s, later.id)
        flagged = bm.get_bookmark(s, orphan.id)
        new_excerpt = ex.excerpt_for_range(s, result.alignment_id, moved.bead_start, moved.bead_end - 1)
        bookmark_count = s.scalar(select(func.count()).select_from(Bookmark))
    # the real text: an original of the same work, aligned with the unchanged English
    assert new.kind == "original" and new.work_id == old.work_id and new.lang == "ru"
    with bundled_library.sessions() as s:
        alignment = s.get(Alignment, result.alignment_id)
        assert (alignment.ru_text_id, alignment.en_text_id) == (result.new_text_id, en)
    assert result.alignment_id != old_alignment
    # the unchanged English now reads with the real text; the stand-in keeps its label
    with bundled_library.sessions() as s:
        assert get_text(s, en).aligned_with == result.new_text_id
        assert get_text(s, stand_in).aligned_with == en
    assert old.kind == "back_translation"
    with bundled_library.sessions() as s:
        assert ex.alignment_for_text(s, stand_in) == old_alignment
    # bookmarks now live on the new pair, found through the unchanged English side
    assert (moved.ru_text_id, moved.en_text_id, moved.alignment_id) == (result.new_text_id, en, result.alignment_id)
    assert moved.en_quote == kept.en_quote and "Следует прямо признать" in moved.ru_quote
    assert "Следует прямо признать" in " ".join(b.ru for b in new_excerpt.beads)
    assert moved_later.en_quote == later.en_quote and moved_later.ru_quote and not moved_later.needs_review
    # … and none was dropped: the one that could not be remapped is flagged and stays on the stand-in
    assert bookmark_count == 3
    assert flagged.needs_review and "stand-in" in flagged.review_reason and flagged.ru_text_id == stand_in
    assert moved.tags == ("opposition",) and moved.title == "элемент истины"


def test_only_project_written_texts_can_be_replaced(bundled_library, tmp_path: Path) -> None:
    with bundled_library.sessions() as s:
        _, en = _ids(s)
    with pytest.raises(NotReplaceableError) as info:
        replace_text(bundled_library, en, synthetic_original(tmp_path))
    assert "only those can be replaced" in str(info.value)


def test_a_file_in_the_wrong_language_changes_nothing(bundled_library, tmp_path: Path) -> None:
    wrong = tmp_path / "english.txt"
    wrong.write_text("This is English text, not the Russian original. " * 20, encoding="utf-8")
    with bundled_library.sessions() as s:
        stand_in, _ = _ids(s)
        before = s.scalar(select(func.count()).select_from(LibraryText))
    with pytest.raises(LanguageMismatchError):
        replace_text(bundled_library, stand_in, wrong)
    with bundled_library.sessions() as s:
        assert s.scalar(select(func.count()).select_from(LibraryText)) == before


def test_replace_from_the_command_line(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(bundled_library_path)]
    assert main([*db, "bookmark", "add", "2", "--range", "4-5", "--tag", "x"]) == 0
    capsys.readouterr()
    code = main([*db, "replace", "2", str(synthetic_original(tmp_path)), "--lang", "ru", "--source", "Архив, ф. 325"])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "Bookmarks remapped: 1" in out and "stays in the library" in out
    assert main([*db, "replace", "1", str(synthetic_original(tmp_path))]) != 0
    assert "only those can be replaced" in capsys.readouterr().err
