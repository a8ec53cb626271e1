"""Bookmarks: add, find, edit, delete with undo, and surviving re-alignment and bead edits."""

from __future__ import annotations

import pytest
from sqlalchemy import delete, insert, select

from db.models import Alignment, Bead, LibraryText
from db.services import bookmarks as bm
from db.services.aligning import align_texts, alignment_beads
from db.services.library import delete_text


def _pair(session, key: str) -> Alignment:
    ru = session.scalars(select(LibraryText.id).where(LibraryText.key == f"{key}.ru")).one()
    return session.scalars(select(Alignment).where(Alignment.ru_text_id == ru)).one()


def rewrite_beads(session, alignment_id: int, merge: tuple[int, int]) -> None:
    """Simulate an alignment edit: merge beads [a, b) into one and renumber the rest."""
    beads = alignment_beads(session, alignment_id)
    a, b = merge
    merged = beads[a:b]
    rows = [
        dict(ru_start=x.ru_start, ru_end=x.ru_end, en_start=x.en_start, en_end=x.en_end)
        for x in beads[:a]
    ]
    rows.append(
        dict(
            ru_start=min(x.ru_start for x in merged),
            ru_end=max(x.ru_end for x in merged),
            en_start=min(x.en_start for x in merged),
            en_end=max(x.en_end for x in merged),
        )
    )
    rows += [dict(ru_start=x.ru_start, ru_end=x.ru_end, en_start=x.en_start, en_end=x.en_end) for x in beads[b:]]
    session.execute(delete(Bead).where(Bead.alignment_id == alignment_id))
    session.execute(
        insert(Bead),
        [dict(r, alignment_id=alignment_id, position=i, score=0.0, confidence=1.0, status="edited") for i, r in enumerate(rows)],
    )


def test_add_prefills_title_and_quotes_both_sides(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        info = bm.add_bookmark(s, a.id, 3, 5, note="о кулаках", tags=["Collectivization", " kulaks ", "collectivization"])
    assert (info.alignment_id, info.bead_start, info.bead_end) == (a.id, 3, 5)
    assert info.title and info.ru_quote.startswith(info.title.rstrip("…").split()[0])
    assert info.en_quote and info.ru_quote
    assert info.tags == ("Collectivization", "kulaks")
    assert not info.needs_review


def test_list_filters_by_text_tag_and_note_ignoring_case(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        first = bm.add_bookmark(s, a.id, 0, 1, title="Заголовок", note="Проверить ДАТУ", tags=["dates"])
        second = bm.add_bookmark(s, a.id, 5, 6, title="Other", note="", tags=["people"])
    with bundled_library.sessions() as s:
        assert [b.id for b in bm.list_bookmarks(s, tag="DATES")] == [first.id]
        assert [b.id for b in bm.list_bookmarks(s, note="дату")] == [first.id]
        assert [b.id for b in bm.list_bookmarks(s, text="заголовок")] == [first.id]
        assert {b.id for b in bm.list_bookmarks(s)} == {first.id, second.id}
        assert bm.all_tags(s) == ["dates", "people"]
        assert [x.bookmark_id for x in bm.bookmark_spans(s, a.id)] == [first.id, second.id]


def test_edit_then_delete_and_undo_restores_everything(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        info = bm.add_bookmark(s, a.id, 2, 4, tags=["a"])
        edited = bm.update_bookmark(s, info.id, title="New", note="n", tags=["b", "c"], colour="#AABBCC")
    assert (edited.title, edited.note, edited.tags, edited.colour) == ("New", "n", ("b", "c"), "#aabbcc")
    with bundled_library.sessions.begin() as s:
        saved = bm.delete_bookmark(s, info.id)
    with bundled_library.sessions() as s:
        assert bm.list_bookmarks(s) == []
        with pytest.raises(bm.BookmarkNotFoundError):
            bm.get_bookmark(s, info.id)
    with bundled_library.sessions.begin() as s:
        back = bm.restore_bookmark(s, saved)
    assert back == edited


def test_bad_range_and_colour_are_refused(bundled_library) -> None:
    with bundled_library.sessions() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        with pytest.raises(bm.BookmarkRangeError):
            bm.add_bookmark(s, a.id, 5, 5)
        with pytest.raises(bm.BookmarkRangeError):
            bm.add_bookmark(s, a.id, 0, 10_000)
        with pytest.raises(ValueError):
            bm.add_bookmark(s, a.id, 0, 1, colour="red; drop table")


def test_bookmark_survives_an_alignment_edit_and_a_realignment(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        ru_id, en_id, alignment_id = a.ru_text_id, a.en_text_id, a.id
        before = alignment_beads(s, alignment_id)
        info = bm.add_bookmark(s, alignment_id, 10, 12)
        expected = before[10:12]
    # An edit merges beads 2..6 into one: the bookmark moves four beads up.
    with bundled_library.sessions.begin() as s:
        rewrite_beads(s, alignment_id, (2, 7))
    with bundled_library.sessions() as s:
        moved = bm.get_bookmark(s, info.id)
        beads = alignment_beads(s, alignment_id)
    assert (moved.bead_start, moved.bead_end) == (6, 8)
    assert [(b.ru_start, b.en_start) for b in beads[6:8]] == [(b.ru_start, b.en_start) for b in expected]
    # An edit that merges the bookmarked beads with their neighbour widens it, never loses it.
    with bundled_library.sessions.begin() as s:
        rewrite_beads(s, alignment_id, (7, 9))
    with bundled_library.sessions() as s:
        assert (bm.get_bookmark(s, info.id).bead_start, bm.get_bookmark(s, info.id).bead_end) == (6, 8)
    # Re-aligning from scratch brings back the original beads, and the bookmark with them.
    align_texts(bundled_library, ru_id, en_id, keep_review=False)
    with bundled_library.sessions() as s:
        again = bm.get_bookmark(s, info.id)
    assert (again.alignment_id, again.bead_start, again.bead_end) == (alignment_id, 10, 12)
    assert again.ru_quote == info.ru_quote and not again.needs_review


def test_a_merged_away_sentence_does_not_lose_the_bookmark(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        info = bm.add_bookmark(s, a.id, 4, 6)
        b = s.get(bm.Bookmark, info.id)
        # issue 8 would merge the last English sentence into its predecessor
        assert bm.move_sentence_anchors(s, b.en_last_id, b.en_first_id) == 1
        b.ru_first_id = b.ru_last_id = None  # and the Russian anchors may be gone altogether
    with bundled_library.sessions() as s:
        found = bm.get_bookmark(s, info.id)
    assert found.bead_start == 4 and not found.lost


def test_deleting_a_text_flags_its_bookmarks_and_keeps_their_words(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1925-leningrad-opposition")
        info = bm.add_bookmark(s, a.id, 1, 2, tags=["t"])
        delete_text(s, a.ru_text_id)
    with bundled_library.sessions() as s:
        flagged = bm.get_bookmark(s, info.id)
    assert flagged.lost and flagged.needs_review and flagged.review_reason
    assert flagged.ru_quote == info.ru_quote and flagged.tags == ("t",)


def test_many_bookmarks_are_located_as_each_one_alone(bundled_library) -> None:
    """The list and the reader's marks locate many bookmarks at once (one read of the pair's beads):
    the same beads as one by one, after edits that merge beads and across omissions."""
    import random

    from db.models import Bookmark

    rng = random.Random(7)
    with bundled_library.sessions.begin() as s:
        a = _pair(s, "trotsky-1931-problems-of-development")
        count = len(alignment_beads(s, a.id))
        for _ in range(30):
            start = rng.randrange(count - 5)
            bm.add_bookmark(s, a.id, start, start + rng.randint(1, 5))
        rewrite_beads(s, a.id, (40, 44))  # an edit: the bookmarks after it move, those on it widen
        # and an omission: a Russian sentence left without English, inside a bookmarked stretch
        beads = alignment_beads(s, a.id)
        k = next(i for i, b in enumerate(beads) if b.ru_end - b.ru_start == 1 and i > 100)
        one = s.scalars(select(Bead).where(Bead.alignment_id == a.id, Bead.position == k)).one()
        nxt = s.scalars(select(Bead).where(Bead.alignment_id == a.id, Bead.position == k + 1)).one()
        nxt.en_start = one.en_start
        one.en_end = one.en_start
        alignment_id = a.id
    with bundled_library.sessions() as s:
        marks = list(s.scalars(select(Bookmark)))
        assert len(marks) >= 30
        together = bm._locations(s, marks)
        alone = {b.id: bm.locate(s, b) for b in marks}
        spans = bm.bookmark_spans(s, alignment_id)
    assert together == alone
    assert {(x.bookmark_id, x.bead_start, x.bead_end) for x in spans} == {
        (i, w[1], w[2]) for i, w in alone.items() if w is not None and w[0] == alignment_id}
