"""Issue 15, finding 2: aligning a pair again keeps the beads the user confirmed or edited.

`sverka align` and "Align with…" used to delete the review work without a word.
"""

from __future__ import annotations

from pathlib import Path

from alignment.aligner.edits import BeadSpan, Confirm, ConfirmRange, MergeNext
from app.cli import EXIT_ERROR, main
from db.engine import open_library
from db.services.aligning import align_texts, reviewed_bead_count
from db.services.bead_store import load_spans
from db.services.editing import apply_edit

SHORT = 1  # the bundled 1925 pair: alignment 1 (ru text 2, en text 1)


def _pair(library) -> tuple[int, int]:
    from db.models import Alignment

    with library.sessions() as s:
        a = s.get(Alignment, SHORT)
        return a.ru_text_id, a.en_text_id


def _review(library) -> list[BeadSpan]:
    """Confirm beads 0–4, merge beads 10 and 11 (an edit), confirm bead 20."""
    with library.sessions.begin() as s:
        apply_edit(s, SHORT, ConfirmRange(0, 5))
        apply_edit(s, SHORT, MergeNext(10))
        apply_edit(s, SHORT, Confirm(19))
    with library.sessions() as s:
        return [b for b in load_spans(s, SHORT) if b.is_anchor]


def test_aligning_again_keeps_confirmed_and_edited_beads(bundled_library) -> None:
    ru, en = _pair(bundled_library)
    reviewed = _review(bundled_library)
    assert len(reviewed) == 7 and any(b.status == "edited" for b in reviewed)
    with bundled_library.sessions() as s:
        assert reviewed_bead_count(s, ru, en) == 7
    align_texts(bundled_library, ru, en)
    with bundled_library.sessions() as s:
        after = load_spans(s, SHORT)
    assert [b for b in after if b.is_anchor] == reviewed
    # the merged bead the user made is still one bead
    merged = next(b for b in reviewed if b.status == "edited")
    assert merged in after


def test_discarding_the_review_is_explicit(bundled_library) -> None:
    ru, en = _pair(bundled_library)
    _review(bundled_library)
    align_texts(bundled_library, ru, en, keep_review=False)
    with bundled_library.sessions() as s:
        assert reviewed_bead_count(s, ru, en) == 0
        assert all(b.status == "auto" for b in load_spans(s, SHORT))


def test_the_command_keeps_the_review_and_says_so(capsys, bundled_library_path: Path) -> None:
    library = open_library(bundled_library_path)
    try:
        ru, en = _pair(library)
        reviewed = _review(library)
    finally:
        library.close()
    db = ("--db", str(bundled_library_path))
    code = main([*db, "align", str(ru), str(en)])
    out, err = capsys.readouterr()
    assert code == 0 and "Keeping the 7 beads you confirmed or edited" in err and "7 reviewed beads kept" in out
    # discarding without a terminal to ask on is refused …
    code = main([*db, "align", str(ru), str(en), "--discard-review"])
    _, err = capsys.readouterr()
    assert code == EXIT_ERROR and "without confirmation" in err
    library = open_library(bundled_library_path)
    try:
        with library.sessions() as s:
            assert [b for b in load_spans(s, SHORT) if b.is_anchor] == reviewed
    finally:
        library.close()
    # … and done with --yes.
    code = main([*db, "align", str(ru), str(en), "--discard-review", "--yes"])
    out, _ = capsys.readouterr()
    assert code == 0 and "7 reviewed beads discarded" in out
