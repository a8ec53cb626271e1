"""The translation map's data: bead kinds, unsure beads and bookmarks of a pair, and their update after edits."""

from __future__ import annotations

import numpy as np
import pytest
from sqlalchemy import insert, select, update

from alignment.aligner.edits import Detach, MergeNext
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, Work
from db.services import bookmarks as bm
from db.services.bead_store import AlignmentNotFoundError
from db.services.editing import apply_edit
from db.services.translation_map import (
    ADDITION,
    MATCH,
    MERGE,
    OMISSION,
    bead_kinds,
    load_translation_map,
    reload_beads,
)


def _text(session, lang: str, count: int) -> int:
    work = Work(title=f"Map {lang}")
    session.add(work)
    session.flush()
    text = LibraryText(work_id=work.id, lang=lang, title=f"Map {lang}", content_hash=f"map-{lang}")
    session.add(text)
    session.flush()
    sentences = [f"Sentence {i} {lang}." for i in range(count)]
    par = Paragraph(text_id=text.id, position=0, kind="body", text=" ".join(sentences))
    session.add(par)
    session.flush()
    at = 0
    for i, s in enumerate(sentences):
        session.add(Sentence(text_id=text.id, paragraph_id=par.id, position=i, start=at, end=at + len(s), text=s))
        at += len(s) + 1
    session.flush()
    return text.id


# (ru_start, ru_end, en_start, en_end): 1–1, omission 1–0, addition 0–1, merge 2–1, split 1–2, 2–2, 1–1
BEADS = [(0, 1, 0, 1), (1, 2, 1, 1), (2, 2, 1, 2), (2, 4, 2, 3), (4, 5, 3, 5), (5, 7, 5, 7), (7, 8, 7, 8)]
KINDS = [MATCH, OMISSION, ADDITION, MERGE, MERGE, MATCH, MATCH]


@pytest.fixture
def pair(library) -> int:
    with library.sessions.begin() as s:
        ru, en = _text(s, "ru", 8), _text(s, "en", 8)
        a = Alignment(ru_text_id=ru, en_text_id=en)
        s.add(a)
        s.flush()
        s.execute(insert(Bead), [
            dict(alignment_id=a.id, position=i, ru_start=b[0], ru_end=b[1], en_start=b[2], en_end=b[3],
                 confidence=0.99, status="auto")
            for i, b in enumerate(BEADS)
        ])
        return a.id


def test_kinds_from_sentence_counts() -> None:
    ru = np.array([1, 1, 0, 2, 1, 2, 0])
    en = np.array([1, 0, 1, 1, 2, 2, 0])
    assert bead_kinds(ru, en).tolist() == [MATCH, OMISSION, ADDITION, MERGE, MERGE, MATCH, MATCH]


def test_a_pair_maps_its_omission_addition_merges_unsure_and_bookmarks(library, pair: int) -> None:
    with library.sessions.begin() as s:
        s.execute(update(Bead).where(Bead.alignment_id == pair, Bead.position == 5).values(confidence=0.1))
        s.execute(update(Bead).where(Bead.alignment_id == pair, Bead.position == 6)
                  .values(confidence=0.1, status="confirmed"))  # confirmed: never unsure
        bm.add_bookmark(s, pair, 2, 4, title="the merge")
    with library.sessions() as s:
        tmap = load_translation_map(s, pair)
    assert tmap.kinds.tolist() == KINDS
    assert tmap.ru_counts.tolist() == [1, 1, 0, 2, 1, 2, 1] and tmap.en_counts.tolist() == [1, 0, 1, 1, 2, 2, 1]
    assert np.flatnonzero(tmap.unsure).tolist() == [5]
    assert np.flatnonzero(tmap.bookmarked()).tolist() == [2, 3]
    assert [b.title for b in tmap.bookmarks_at(3)] == ["the merge"] and tmap.bookmarks_at(4) == []
    assert (tmap.count(OMISSION), tmap.count(ADDITION), tmap.count(MERGE), tmap.unsure_count) == (1, 1, 2, 1)


def test_reloading_the_edited_beads_gives_what_a_full_load_gives(library, pair: int) -> None:
    with library.sessions() as s:
        tmap = load_translation_map(s, pair)
    for edit in (Detach(0, "ru", "first"), MergeNext(3)):
        with library.sessions.begin() as s:
            result = apply_edit(s, pair, edit)
            tmap = reload_beads(s, tmap, result.start, result.removed, result.inserted)
        with library.sessions() as s:
            full = load_translation_map(s, pair)
        for field in ("ru_counts", "en_counts", "kinds", "unsure"):
            assert getattr(tmap, field).tolist() == getattr(full, field).tolist(), (edit, field)
    # Detaching the Russian of bead 0 made an omission and an addition where the match was.
    assert tmap.kinds[:2].tolist() == [OMISSION, ADDITION]


def test_an_unknown_alignment_is_refused(library) -> None:
    with library.sessions() as s, pytest.raises(AlignmentNotFoundError):
        load_translation_map(s, 999)
