"""Reader rows: beads with their sentences, paragraph starts, headings and note calls."""

from __future__ import annotations

import pytest
from sqlalchemy import insert

from db.errors import TextNotFoundError
from db.models import Alignment, Bead, LibraryText, Paragraph, Sentence, Work
from db.services.reading import find_in_text, outline_for_text, pair_outline, reading_rows, text_outline


def make_text(session, lang: str, paragraphs: list[list[str]], *, kinds: list[str] | None = None, notes=None) -> int:
    """A text whose paragraphs hold the given sentences (joined by spaces)."""
    work = Work(title=f"work {lang}")
    session.add(work)
    session.flush()
    text = LibraryText(work_id=work.id, lang=lang, title=f"text {lang}", content_hash=f"{lang}-{id(paragraphs)}-{len(paragraphs)}")
    session.add(text)
    session.flush()
    position = 0
    for p_index, sentences in enumerate(paragraphs):
        body = " ".join(sentences)
        par = Paragraph(
            text_id=text.id,
            position=p_index,
            kind=(kinds[p_index] if kinds else "body"),
            text=body,
            notes=(notes or {}).get(p_index),
        )
        session.add(par)
        session.flush()
        at = 0
        for s in sentences:
            session.add(Sentence(text_id=text.id, paragraph_id=par.id, position=position, start=at, end=at + len(s), text=s))
            position += 1
            at += len(s) + 1
    session.flush()
    return text.id


def make_alignment(session, ru_id: int, en_id: int, beads: list[tuple[int, int, int, int]], *, confidence: float = 0.99) -> int:
    a = Alignment(ru_text_id=ru_id, en_text_id=en_id, method="test")
    session.add(a)
    session.flush()
    session.execute(
        insert(Bead),
        [
            dict(alignment_id=a.id, position=i, ru_start=b[0], ru_end=b[1], en_start=b[2], en_end=b[3], confidence=confidence)
            for i, b in enumerate(beads)
        ],
    )
    return a.id


def test_pair_rows_hold_the_sentences_of_each_bead(library) -> None:
    with library.sessions.begin() as s:
        ru = make_text(s, "ru", [["Заголовок"], ["Один.", "Два.", "Три."]], kinds=["heading", "body"])
        en = make_text(s, "en", [["Heading"], ["One and two.", "Three."]], kinds=["heading", "body"])
        aid = make_alignment(s, ru, en, [(0, 1, 0, 1), (1, 3, 1, 2), (3, 4, 2, 3)])
    with library.sessions() as s:
        outline = pair_outline(s, aid)
        rows = reading_rows(s, outline, 0, 10)
    assert outline.row_count == 3
    assert [[seg.text for seg in r.ru] for r in rows] == [["Заголовок"], ["Один.", "Два."], ["Три."]]
    assert [[seg.text for seg in r.en] for r in rows] == [["Heading"], ["One and two."], ["Three."]]
    assert rows[0].ru[0].kind == "heading"
    assert rows[1].ru[0].starts_paragraph and not rows[1].ru[1].starts_paragraph
    assert not rows[2].ru[0].starts_paragraph
    assert outline.sides["ru"].row_of_sentence(2) == 1
    assert outline.row_of_paragraph("en", 1) == 1


def test_a_page_in_the_middle_knows_whether_its_first_sentence_starts_a_paragraph(library) -> None:
    with library.sessions.begin() as s:
        ru = make_text(s, "ru", [["А.", "Б."], ["В."]])
        en = make_text(s, "en", [["A.", "B."], ["C."]])
        aid = make_alignment(s, ru, en, [(0, 1, 0, 1), (1, 2, 1, 2), (2, 3, 2, 3)])
    with library.sessions() as s:
        outline = pair_outline(s, aid)
        assert not reading_rows(s, outline, 1, 2)[0].ru[0].starts_paragraph
        assert reading_rows(s, outline, 2, 3)[0].en[0].starts_paragraph


def test_note_calls_belong_to_the_sentence_they_follow(library) -> None:
    with library.sessions.begin() as s:
        tid = make_text(s, "en", [["First one.", "Second."]], notes={0: [[10, "5"], [18, "6"]]})
    with library.sessions() as s:
        rows = reading_rows(s, text_outline(s, tid), 0, 1)
    assert rows[0].en[0].notes == ((10, "5"),)
    assert rows[0].en[1].notes == ((7, "6"),)


def test_single_text_gives_one_row_per_paragraph_and_no_other_side(library) -> None:
    with library.sessions.begin() as s:
        tid = make_text(s, "en", [["One.", "Two."], ["Three."]])
    with library.sessions() as s:
        outline = outline_for_text(s, tid)
        rows = reading_rows(s, outline, 0, 5)
    assert outline.langs == ("en",) and outline.alignment_id is None
    assert [len(r.en) for r in rows] == [2, 1] and all(r.ru == () for r in rows)
    assert not any(r.unsure for r in rows)


def test_empty_text_has_no_rows(library) -> None:
    with library.sessions.begin() as s:
        tid = make_text(s, "ru", [])
    with library.sessions() as s:
        outline = outline_for_text(s, tid)
        assert outline.row_count == 0
        assert reading_rows(s, outline, 0, 10) == []
        assert find_in_text(s, outline, "что") == []


def test_omissions_and_unsure_beads(library) -> None:
    with library.sessions.begin() as s:
        ru = make_text(s, "ru", [["Один.", "Лишнее."]])
        en = make_text(s, "en", [["One."]])
        aid = make_alignment(s, ru, en, [(0, 1, 0, 1), (1, 2, 1, 1)], confidence=0.4)
    with library.sessions() as s:
        rows = reading_rows(s, pair_outline(s, aid), 0, 2)
    assert rows[1].en == () and [x.text for x in rows[1].ru] == ["Лишнее."]
    assert all(r.unsure for r in rows)


def test_find_in_text_is_case_insensitive_in_both_scripts(bundled_library) -> None:
    with bundled_library.sessions() as s:
        ru_id = s.query(LibraryText.id).filter(LibraryText.key == "trotsky-1931-problems-of-development.ru").scalar()
        outline = outline_for_text(s, ru_id)
        matches = find_in_text(s, outline, "ССР")
        lower = find_in_text(s, outline, "сср")
        english = find_in_text(s, outline, "ussr")
    assert matches and matches == lower
    assert {m.lang for m in matches} == {"ru"} and {m.lang for m in english} == {"en"}
    assert matches == sorted(matches, key=lambda m: (m.row, m.lang, m.position, m.start))


def test_unknown_text_is_a_typed_error(library) -> None:
    with library.sessions() as s, pytest.raises(TextNotFoundError):
        outline_for_text(s, 999)
