"""Stored alignment edits: apply, undo, redo, sentence splits and joins, re-alignment, a killed process."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from sqlalchemy import func, select, text, update

from alignment.aligner.edit_errors import EditError, NoNeighbourError, StaleEditError
from alignment.aligner.edits import (
    BeadSpan,
    Confirm,
    ConfirmRange,
    Detach,
    ExtendBead,
    MergeNext,
    ReplaceBeads,
    ShiftSentence,
    SplitBead,
)
from alignment.progress import Cancelled, CancelToken
from alignment.aligner.scoring.confidence import SURE_THRESHOLD
from alignment.language.stemming import index_text
from db.engine import open_library
from db.models import Alignment, Bead, Bookmark, LibraryText, Sentence, TermOccurrence
from db.services import bookmarks as bm
from db.services.bead_store import check_stored_alignment, load_spans
from db.services.editing import apply_edit, apply_realign, realign_rest
from db.services.review import next_unsure, review_progress
from db.services.segmentation import (
    JoinError,
    JoinSentences,
    SplitOffsetError,
    SplitSentence,
)

SHORT, LONG = 1, 2  # the bundled pairs: 43 and 418 sentences a side

REPO_ROOT = Path(__file__).resolve().parents[3]


def spans(library, alignment_id: int = SHORT) -> list[BeadSpan]:
    with library.sessions() as s:
        return load_spans(s, alignment_id)


def run(library, edit, alignment_id: int = SHORT):
    with library.sessions.begin() as s:
        return apply_edit(s, alignment_id, edit)


def sentence_id(library, text_id: int, position: int) -> int:
    with library.sessions() as s:
        return s.scalars(select(Sentence.id).where(Sentence.text_id == text_id, Sentence.position == position)).one()


def texts_of(library, alignment_id: int = SHORT) -> tuple[int, int]:
    with library.sessions() as s:
        a = s.get(Alignment, alignment_id)
        return a.ru_text_id, a.en_text_id


def check_library(library) -> None:
    """Every alignment covers both texts once, in order; sentences, search rows and counts agree."""
    with library.sessions() as s:
        assert s.execute(text("PRAGMA integrity_check")).scalar() == "ok"
        assert s.execute(text("PRAGMA foreign_key_check")).all() == []
        for alignment_id in s.scalars(select(Alignment.id)):
            check_stored_alignment(s, alignment_id)
        for t in s.scalars(select(LibraryText)):
            positions = s.scalars(select(Sentence.position).where(Sentence.text_id == t.id).order_by(Sentence.position))
            assert list(positions) == list(range(t.sentence_count))
        sentences = s.scalar(select(func.count()).select_from(Sentence))
        assert s.execute(text("SELECT count(*) FROM sentence_search")).scalar() == sentences


def test_each_bead_edit_is_stored_and_undone_exactly_keeping_bead_ids(bundled_library) -> None:
    before = spans(bundled_library)
    with bundled_library.sessions() as s:
        ids_before = s.scalars(select(Bead.id).where(Bead.alignment_id == SHORT).order_by(Bead.position)).all()
    for edit in (MergeNext(3), SplitBead(0, 1, 0), ShiftSentence(5, "ru", "last"), Detach(7, "en", "first"),
                 Confirm(9), ConfirmRange(0, 12)):
        result = run(bundled_library, edit)
        assert result.alignments == {SHORT} and result.removed and result.inserted
        after = spans(bundled_library)
        assert after == edit.apply(before)
        assert after[result.start].status in {"edited", "confirmed"}
        run(bundled_library, result.undo)
        assert spans(bundled_library) == before
    with bundled_library.sessions() as s:
        ids_after = s.scalars(select(Bead.id).where(Bead.alignment_id == SHORT).order_by(Bead.position)).all()
    assert ids_after[:3] == ids_before[:3] and ids_after[-20:] == ids_before[-20:]
    check_library(bundled_library)


def test_a_refused_edit_changes_nothing(bundled_library) -> None:
    before = spans(bundled_library)
    with pytest.raises(NoNeighbourError):
        run(bundled_library, MergeNext(len(before) - 1))
    stale = ReplaceBeads(2, (BeadSpan(0, 1, 0, 1),), (BeadSpan(0, 1, 0, 1, status="edited"),))
    with pytest.raises(StaleEditError):
        run(bundled_library, stale)
    assert spans(bundled_library) == before


def test_a_broken_alignment_is_repaired_with_two_edits(bundled_library) -> None:
    before = spans(bundled_library)
    k = 10
    assert all(b.ranges() == (k + i, k + i + 1, k + i, k + i + 1) for i, b in enumerate(before[k : k + 3]))
    broken = (BeadSpan(k, k + 2, k, k + 1), BeadSpan(k + 2, k + 3, k + 1, k + 2), BeadSpan(k + 3, k + 3, k + 2, k + 3))
    run(bundled_library, ReplaceBeads(k, tuple(before[k : k + 3]), broken))
    run(bundled_library, ShiftSentence(k, "ru", "last"))
    run(bundled_library, ShiftSentence(k + 1, "ru", "last"))
    assert [b.ranges() for b in spans(bundled_library)] == [b.ranges() for b in before]


def test_a_drifted_stretch_is_repaired_by_setting_one_bead_extent_then_realigning(bundled_library) -> None:
    before = spans(bundled_library)
    k = 10
    broken = (BeadSpan(k, k + 2, k, k + 1), BeadSpan(k + 2, k + 3, k + 1, k + 2), BeadSpan(k + 3, k + 3, k + 2, k + 3))
    run(bundled_library, ReplaceBeads(k, tuple(before[k : k + 3]), broken))
    drifted = spans(bundled_library)
    result = run(bundled_library, ExtendBead(k, k + 1, k + 1))
    fixed = spans(bundled_library)
    assert fixed == ExtendBead(k, k + 1, k + 1).apply(drifted)
    assert fixed[k].ranges() == before[k].ranges() and fixed[k].status == "edited"
    assert fixed[k + 1].status == "auto"  # what the bead gave up goes back to the aligner
    plan = realign_rest(bundled_library, SHORT)
    with bundled_library.sessions.begin() as s:
        apply_realign(s, plan)
    assert [b.ranges() for b in spans(bundled_library)] == [b.ranges() for b in before]
    run(bundled_library, plan.edit.inverse())
    run(bundled_library, result.undo)
    assert spans(bundled_library) == drifted
    check_library(bundled_library)


def test_many_edits_undo_and_redo_in_order(bundled_library) -> None:
    ru_id, en_id = texts_of(bundled_library)
    states = [spans(bundled_library)]
    done, undo = [], []
    edits = [MergeNext(1), Detach(4, "ru", "first"), SplitBead(1, 2, 2), ShiftSentence(8, "en", "first"),
             SplitSentence(sentence_id(bundled_library, en_id, 14), 40), Confirm(20), MergeNext(30),
             JoinSentences(sentence_id(bundled_library, ru_id, 21)), ConfirmRange(0, 6), MergeNext(2)]
    for edit in edits * 3:
        try:
            result = run(bundled_library, edit)
        except (EditError, SplitOffsetError, JoinError):
            continue
        done.append(result.done)
        undo.append(result.undo)
        states.append(spans(bundled_library))
    assert len(done) >= 20
    for k in range(len(undo) - 1, -1, -1):
        run(bundled_library, undo[k])
        assert spans(bundled_library) == states[k]
    for k, edit in enumerate(done):
        run(bundled_library, edit)
        assert spans(bundled_library) == states[k + 1]
    check_library(bundled_library)


def _bookmark_place(library, bookmark_id: int) -> tuple[tuple[int, int], tuple[int, int]]:
    """The sentence ranges a bookmark covers now (from the beads it is located in)."""
    with library.sessions() as s:
        info = bm.get_bookmark(s, bookmark_id)
        assert not info.needs_review and info.bead_start is not None
        return bm.bead_sentence_ranges(s, SHORT, info.bead_start, info.bead_end)


def test_a_bookmark_follows_merge_split_shift_and_sentence_join(bundled_library) -> None:
    ru_id, _ = texts_of(bundled_library)
    with bundled_library.sessions.begin() as s:
        mark = bm.add_bookmark(s, SHORT, 12, 14, title="passage")
        anchors = s.get(Bookmark, mark.id)
        ids = (anchors.ru_first_id, anchors.ru_last_id, anchors.en_first_id, anchors.en_last_id)
    assert _bookmark_place(bundled_library, mark.id) == ((12, 14), (12, 14))
    run(bundled_library, MergeNext(13))  # the passage's last bead takes in the next one
    assert _bookmark_place(bundled_library, mark.id) == ((12, 15), (12, 15))
    run(bundled_library, SplitBead(13, 14, 14))
    assert _bookmark_place(bundled_library, mark.id) == ((12, 14), (12, 14))
    run(bundled_library, ShiftSentence(12, "ru", "first"))  # its first RU sentence goes to the bead before
    assert _bookmark_place(bundled_library, mark.id)[0][0] == 11
    # Joining the passage's last RU sentence with the next moves its anchor to the joined sentence.
    last = sentence_id(bundled_library, ru_id, 13)
    result = run(bundled_library, JoinSentences(last))
    with bundled_library.sessions() as s:
        b = s.get(Bookmark, mark.id)
        assert (b.ru_first_id, b.en_first_id, b.en_last_id) == (ids[0], ids[2], ids[3])
    assert _bookmark_place(bundled_library, mark.id)[0][1] >= 14
    run(bundled_library, result.undo)
    with bundled_library.sessions() as s:
        b = s.get(Bookmark, mark.id)
        assert (b.ru_first_id, b.ru_last_id, b.en_first_id, b.en_last_id) == ids


def test_joining_sentences_of_two_beads_merges_them_and_undo_restores_ids_and_anchors(bundled_library) -> None:
    ru_id, _ = texts_of(bundled_library)
    before = spans(bundled_library)
    first, second = sentence_id(bundled_library, ru_id, 21), sentence_id(bundled_library, ru_id, 22)
    with bundled_library.sessions.begin() as s:
        mark = bm.add_bookmark(s, SHORT, 22, 23)
    result = run(bundled_library, JoinSentences(first))
    after = spans(bundled_library)
    assert after[21] == BeadSpan(21, 22, 21, 23, 1.0, 1.0, "edited")
    assert (result.start, result.removed, result.inserted, result.texts) == (21, 2, 1, {ru_id})
    with bundled_library.sessions() as s:
        assert s.get(Sentence, second) is None
        assert s.get(Bookmark, mark.id).ru_first_id == first
    run(bundled_library, result.undo)
    assert spans(bundled_library) == before
    with bundled_library.sessions() as s:
        assert s.get(Sentence, second).position == 22
        assert s.get(Bookmark, mark.id).ru_first_id == second
    check_library(bundled_library)


def test_splitting_a_sentence_moves_its_glossary_marks_and_search_row(bundled_library) -> None:
    _, en_id = texts_of(bundled_library)
    with bundled_library.sessions() as s:
        sid = sentence_id(bundled_library, en_id, 5)
        words = s.get(Sentence, sid).text
        marks = s.execute(select(TermOccurrence.start, TermOccurrence.entry_id)
                          .where(TermOccurrence.sentence_id == sid).order_by(TermOccurrence.start)).all()
    cut = next(start for start, _ in marks if start > 100)
    later = [(start - cut, entry) for start, entry in marks if start >= cut]
    result = run(bundled_library, SplitSentence(sid, cut))
    new_id = result.done.new_sentence_id
    with bundled_library.sessions() as s:
        head, tail = s.get(Sentence, sid), s.get(Sentence, new_id)
        assert (head.position, tail.position) == (5, 6)
        assert head.text + " " + tail.text == words
        moved = s.execute(select(TermOccurrence.start, TermOccurrence.entry_id)
                          .where(TermOccurrence.sentence_id == new_id).order_by(TermOccurrence.start)).all()
        assert [tuple(m) for m in moved] == later
        stems = s.execute(text("SELECT stems FROM sentence_search WHERE rowid = :i"), {"i": new_id}).scalar()
        assert stems == index_text(tail.text)
    assert spans(bundled_library)[5].ranges() == (5, 6, 5, 7)  # both parts stay in their bead
    check_library(bundled_library)
    run(bundled_library, result.undo)
    with bundled_library.sessions() as s:
        assert s.get(Sentence, sid).text == words
        again = s.execute(select(TermOccurrence.start, TermOccurrence.entry_id)
                          .where(TermOccurrence.sentence_id == sid).order_by(TermOccurrence.start)).all()
        assert again == marks


def test_split_and_join_refuse_what_makes_no_sense(bundled_library) -> None:
    ru_id, _ = texts_of(bundled_library)
    sid = sentence_id(bundled_library, ru_id, 3)
    with pytest.raises(SplitOffsetError):
        run(bundled_library, SplitSentence(sid, 0))
    with bundled_library.sessions() as s:
        count = s.get(LibraryText, ru_id).sentence_count
    with pytest.raises(JoinError, match="last sentence"):
        run(bundled_library, JoinSentences(sentence_id(bundled_library, ru_id, count - 1)))


def test_realign_repairs_auto_beads_and_keeps_confirmed_and_edited_ones(bundled_library) -> None:
    truth = spans(bundled_library, LONG)
    # A wrong automatic stretch: beads 100..104 shifted by one RU sentence.
    k = next(i for i in range(100, 300)
             if all(b.ru_end - b.ru_start == b.en_end - b.en_start == 1 for b in truth[i - 1 : i + 6]))
    window = truth[k : k + 5]
    ru0, ru1, en0, en1 = window[0].ru_start, window[-1].ru_end, window[0].en_start, window[-1].en_end
    broken = (BeadSpan(ru0, ru0 + 2, en0, window[0].en_end, 0.5, 0.5),
              *(BeadSpan(b.ru_start + 1, b.ru_end + 1, b.en_start, b.en_end, 0.5, 0.5) for b in window[1:-1]),
              BeadSpan(window[-1].ru_start + 1, ru1, window[-1].en_start, en1, 0.5, 0.5))
    run(bundled_library, ReplaceBeads(k, tuple(window), tuple(b for b in broken if not b.is_empty)), LONG)
    run(bundled_library, ConfirmRange(0, 50), LONG)
    run(bundled_library, MergeNext(60), LONG)  # a (deliberately) edited bead: re-alignment must keep it
    kept = [b for b in spans(bundled_library, LONG) if b.is_anchor]
    plan = realign_rest(bundled_library, LONG)
    assert plan.changed > 0
    result = run_plan(bundled_library, plan)
    after = spans(bundled_library, LONG)
    assert [b for b in after if b.is_anchor] == kept
    def around(beads: list[BeadSpan]) -> list[tuple[int, int, int, int]]:
        return [b.ranges() for b in beads if ru0 - 1 <= b.ru_start <= ru1]

    assert around(after) == around(truth)
    check_library(bundled_library)
    run(bundled_library, result.undo, LONG)
    assert [b for b in spans(bundled_library, LONG) if b.is_anchor] == kept


def run_plan(library, plan):
    with library.sessions.begin() as s:
        return apply_realign(s, plan)


def test_a_stale_or_cancelled_realignment_writes_nothing(bundled_library) -> None:
    truth = spans(bundled_library, LONG)
    k = next(i for i in range(50, 300) if truth[i].ru_end - truth[i].ru_start == 1 == truth[i + 1].ru_end - truth[i + 1].ru_start)
    a, b = truth[k], truth[k + 1]
    wrong = (BeadSpan(a.ru_start, b.ru_end, a.en_start, a.en_end), BeadSpan(b.ru_end, b.ru_end, b.en_start, b.en_end))
    run(bundled_library, ReplaceBeads(k, (a, b), wrong), LONG)
    cancel = CancelToken()
    cancel.cancel()
    with pytest.raises(Cancelled):
        realign_rest(bundled_library, LONG, cancel=cancel)
    plan = realign_rest(bundled_library, LONG)
    assert plan.edit is not None and plan.edit.start <= k < plan.edit.start + len(plan.edit.old)
    run(bundled_library, Confirm(k), LONG)  # the user goes on editing while it ran
    before = spans(bundled_library, LONG)
    with pytest.raises(StaleEditError):
        run_plan(bundled_library, plan)
    assert spans(bundled_library, LONG) == before


def test_review_progress_and_next_unsure_follow_the_edits(bundled_library) -> None:
    # The aligner is sure of nearly every bead of this pair (it is right): make a few unsure to follow.
    with bundled_library.sessions.begin() as s:
        s.execute(update(Bead).where(Bead.alignment_id == LONG, Bead.position.in_((3, 12, 40)))
                  .values(confidence=0.1, doubt="close_alternative"))
    beads = spans(bundled_library, LONG)
    unsure = [k for k, b in enumerate(beads) if b.status == "auto" and b.confidence < SURE_THRESHOLD]
    assert unsure, "the bundled long pair has beads the aligner is unsure of"
    with bundled_library.sessions() as s:
        start = review_progress(s, LONG)
        assert next_unsure(s, LONG, -1) == unsure[0]
        assert next_unsure(s, LONG, unsure[0], backwards=True) is None
    assert (start.beads, start.confirmed, start.edited, start.unsure) == (len(beads), 0, 0, len(unsure))
    assert start.checked_fraction == 0.0
    run(bundled_library, Confirm(unsure[0]), LONG)
    run(bundled_library, ConfirmRange(0, 10), LONG)
    remaining = [k for k in unsure if k >= 10 and k != unsure[0]]
    with bundled_library.sessions() as s:
        now = review_progress(s, LONG)
        assert next_unsure(s, LONG, -1) == remaining[0]
    checked = sum(b.ru_end - b.ru_start + b.en_end - b.en_start for k, b in enumerate(beads)
                  if k < 10 or k == unsure[0])
    assert (now.sentences_checked, now.unsure) == (checked, len(remaining))


WORKER = textwrap.dedent("""
    import hashlib, random, sys
    from pathlib import Path
    from sqlalchemy import select
    from alignment.aligner.edit_errors import EditError
    from alignment.aligner.edits import Confirm, Detach, MergeNext, ShiftSentence, SplitBead
    from db.engine import open_library
    from db.models import Alignment, Sentence
    from db.services.bead_store import load_spans
    from db.services.editing import apply_edit
    from db.services.segmentation import JoinSentences, SentenceEditError, SplitSentence

    library = open_library(Path(sys.argv[1]))
    rng = random.Random(7)
    undo = []

    def state(s):
        spans = load_spans(s, 1)
        words = s.execute(select(Sentence.id, Sentence.text).order_by(Sentence.id)).all()
        return hashlib.sha1(repr((spans, words)).encode()).hexdigest()

    while True:
        with library.sessions.begin() as s:
            n = len(load_spans(s, 1))
            a = s.get(Alignment, 1)
            i = rng.randrange(n)
            text_id = rng.choice([a.ru_text_id, a.en_text_id])
            sid = s.scalars(select(Sentence.id).where(Sentence.text_id == text_id)
                            .order_by(Sentence.position).offset(rng.randrange(30)).limit(1)).one()
            words = s.get(Sentence, sid).text
            edit = rng.choice([MergeNext(i), SplitBead(i, 0, 0), ShiftSentence(i, "ru", "last"),
                               Detach(i, "en", "first"), Confirm(i), JoinSentences(sid),
                               SplitSentence(sid, words.find(" ", len(words) // 2))])
            undoing = bool(undo) and rng.random() < 0.3
            if undoing:
                edit = undo.pop()
            try:
                result = apply_edit(s, 1, edit)
            except (EditError, SentenceEditError):
                continue
            if not undoing:
                undo.append(result.undo)
            print("pending", state(s), flush=True)
        print("committed", flush=True)
""")


@pytest.mark.slow
def test_a_process_killed_while_editing_leaves_a_consistent_library(bundled_library_path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
    worker = subprocess.Popen([sys.executable, "-c", WORKER, str(bundled_library_path)], cwd=REPO_ROOT, env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    committed: list[str] = []
    pending = ""
    try:
        assert worker.stdout is not None
        for line in worker.stdout:
            kind, *rest = line.split()
            if kind == "pending":
                pending = rest[0]
            else:
                committed.append(pending)
            if len(committed) >= 60:
                break
    finally:
        worker.send_signal(signal.SIGKILL)
        _, err = worker.communicate(timeout=30)
    assert len(committed) >= 60, err[-2000:]
    library = open_library(bundled_library_path)
    try:
        check_library(library)
        with library.sessions() as s:
            spans_now = load_spans(s, 1)
            words = s.execute(select(Sentence.id, Sentence.text).order_by(Sentence.id)).all()
        now = hashlib.sha1(repr((spans_now, words)).encode()).hexdigest()
        # At most the edit in flight is lost: the library is at the last committed edit or the one after it.
        assert now in {committed[-1], pending}
    finally:
        library.close()
