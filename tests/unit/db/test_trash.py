"""Deleting a text undoably and putting it back with its ids, alignment and search index."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from db.models import Alignment, Bead, LibraryText, Sentence, Work
from db.services.library import list_texts
from db.services.reading import outline_for_text
from db.services.search import search
from db.services.trash import TextAlreadyRestoredError, delete_text_undoably, restore_deleted


def _id(session, key: str) -> int:
    return session.scalar(select(LibraryText.id).where(LibraryText.key == key))


def test_delete_then_restore_brings_back_the_pair_and_its_beads(bundled_library) -> None:
    with bundled_library.sessions() as s:
        ru = _id(s, "trotsky-1931-problems-of-development.ru")
        before_outline = outline_for_text(s, ru)
        before_hits = search(s, "пролетариата").total
    with bundled_library.sessions.begin() as s:
        snapshot, changes = delete_text_undoably(s, ru)
    assert snapshot.count("beads") == before_outline.row_count and snapshot.count("sentences") > 400
    assert changes.texts == {ru}
    with bundled_library.sessions() as s:
        assert s.get(LibraryText, ru) is None
        assert s.scalar(select(func.count()).select_from(Alignment).where(Alignment.ru_text_id == ru)) == 0
        assert search(s, "пролетариата").total < before_hits
    with bundled_library.sessions.begin() as s:
        restored = restore_deleted(s, snapshot)
    assert ru in restored.texts and restored.alignments
    with bundled_library.sessions() as s:
        after = outline_for_text(s, ru)
        assert after.keys == before_outline.keys  # same bead ids: positions and bookmarks stay valid
        assert search(s, "пролетариата").total == before_hits
        with pytest.raises(TextAlreadyRestoredError):
            restore_deleted(s, snapshot)


def test_deleting_the_last_text_of_a_work_restores_the_work_too(bundled_library) -> None:
    with bundled_library.sessions() as s:
        reiman = _id(s, "reiman-building-socialism.en")
        work_id = s.get(LibraryText, reiman).work_id
        count = len(list_texts(s))
    with bundled_library.sessions.begin() as s:
        snapshot, changes = delete_text_undoably(s, reiman)
    assert work_id in changes.works and snapshot.count("works") == 1
    with bundled_library.sessions() as s:
        assert s.get(Work, work_id) is None
    with bundled_library.sessions.begin() as s:
        restore_deleted(s, snapshot)
    with bundled_library.sessions() as s:
        assert len(list_texts(s)) == count and s.get(Work, work_id) is not None
        assert s.scalar(select(func.count()).select_from(Sentence).where(Sentence.text_id == reiman)) > 400
        assert s.scalar(select(func.count()).select_from(Bead)) > 0


def test_bookmarks_on_a_deleted_text_get_their_anchors_back(bundled_library) -> None:
    from db.services.bookmarks import add_bookmark, get_bookmark

    with bundled_library.sessions.begin() as s:
        ru = _id(s, "trotsky-1931-problems-of-development.ru")
        alignment_id = s.scalar(select(Alignment.id).where(Alignment.ru_text_id == ru))
        mark = add_bookmark(s, alignment_id, 5, 7, title="Классовая природа")
    with bundled_library.sessions.begin() as s:
        snapshot, _changes = delete_text_undoably(s, ru)
    with bundled_library.sessions() as s:
        assert get_bookmark(s, mark.id).ru_text_id is None
    with bundled_library.sessions.begin() as s:
        restore_deleted(s, snapshot)
    with bundled_library.sessions() as s:
        back = get_bookmark(s, mark.id)
    assert back.ru_text_id == ru and (back.alignment_id, back.bead_start, back.bead_end) == (alignment_id, 5, 7)
