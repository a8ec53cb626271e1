"""Structure-aware alignment vs plain alignment on book-shaped pairs built from the dev set.

    python tests/bench/bench_structure.py [DATA_DIR] [--split tune|held-out|both] [--books 12]

Books are made from the single-document cases (``wmt-doc-*``) of the dev set:
each chapter is two to four documents under a numbered heading on both sides
("Глава 3" / "Chapter 3"), each document a paragraph.  The documents are split
in two halves by the rank of a hash of their names: **tune** (looked at while
changing ``alignment/aligner/structure.py``) and **held-out** (only run once the
choices were made); both are reported.  A third of each half is kept aside as
text for front matter and notes; every book takes half of the rest in its own
order.  Every book is aligned in seven shapes:

* ``chapters``   — headings only;
* ``front-ru``   — a Russian title page, contents (a line per chapter, with its
                   page) and author's preface that the translation lacks;
* ``front-both`` — that, and the translation's own title page and translator's
                   introduction (no counterpart either);
* ``preface``    — a title page and contents on each side, and an introduction
                   translated in both;
* ``notes``      — numbered notes after the body on both sides (translations of
                   each other), plus one translator's note only in English;
* ``notes-ru``   — notes only in the Russian edition, an index only in English;
* ``all``        — front matter on both sides, a translated introduction, an
                   English index and notes on both sides.

Scores are Vecalign's strict and lax F1 (``alignment.aligner.evaluate``), pooled
per shape; "body F1" scores only the chapters' text.  Not a test: pytest never
collects this folder.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from alignment.aligner.align import align  # noqa: E402
from alignment.aligner.beads import Bead, read_vecalign_file  # noqa: E402
from alignment.aligner.evaluate import score_alignments  # noqa: E402
from alignment.aligner.structure import align_structured  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "ruen-dev"


@dataclass
class Doc:
    name: str
    src: list[str]
    tgt: list[str]
    gold: list[Bead]


@dataclass
class Side:
    units: list[str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    levels: list[int] = field(default_factory=list)
    paragraphs: list[int] = field(default_factory=list)

    def add(self, texts: list[str], kind: str = "body", level: int = 0) -> tuple[int, ...]:
        """Units ``texts`` as one new paragraph; returns their indices."""
        paragraph = (self.paragraphs[-1] + 1) if self.paragraphs else 0
        start = len(self.units)
        for t in texts:
            self.units.append(t)
            self.kinds.append(kind)
            self.levels.append(level)
            self.paragraphs.append(paragraph)
        return tuple(range(start, len(self.units)))


@dataclass
class BookPair:
    ru: Side
    en: Side
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]]
    body: set[tuple[tuple[int, ...], tuple[int, ...]]]  # gold beads of the chapters' text
    body_paragraphs: tuple[set[int], set[int]] = (set(), set())


def load_docs(data: Path) -> list[Doc]:
    docs = []
    for case in sorted(data.glob("wmt-doc-*")):
        read = lambda name: (case / name).read_text(encoding="utf-8").splitlines()  # noqa: E731
        docs.append(Doc(case.name, read("src.txt"), read("tgt.txt"), read_vecalign_file(case / "gold.txt")))
    for rank, doc in enumerate(sorted(docs, key=lambda d: zlib.crc32(d.name.encode()))):
        _RANK[doc.name] = rank
    return docs


_RANK: dict[str, int] = {}


def split_of(doc: Doc) -> str:
    """Half the documents by the rank of a hash of their names (the lower half is tuned on)."""
    return "tune" if _RANK[doc.name] % 2 == 0 else "held-out"


class Spare:
    """Documents kept out of the books: text for front matter and notes, from four
    disjoint parts (a Russian preface must not translate the English introduction)."""

    def __init__(self, docs: list[Doc]) -> None:
        q = len(docs) // 4
        self.ru = [u for d in docs[:q] for u in d.src]
        self.en = [u for d in docs[q:2 * q] for u in d.tgt]
        self.pairs = [([d.src[i] for i in b.src], [d.tgt[j] for j in b.tgt]) for d in docs[2 * q:3 * q]
                      for b in d.gold if b.src and b.tgt]
        self.translated = docs[3 * q:]


# What each shape adds around the chapters.
SHAPES: dict[str, frozenset[str]] = {
    "chapters": frozenset(),
    "front-ru": frozenset({"ru-front"}),
    "front-both": frozenset({"ru-front", "en-front"}),
    "preface": frozenset({"ru-title", "en-title", "preface"}),
    "notes": frozenset({"notes"}),
    "notes-ru": frozenset({"ru-notes", "index"}),
    "all": frozenset({"ru-front", "en-front", "preface", "index", "notes"}),
}


def build(chapters: list[list[Doc]], shape: str, spare: Spare, rng: random.Random) -> BookPair:
    parts = SHAPES[shape]
    ru, en = Side(), Side()
    gold: list[tuple[tuple[int, ...], tuple[int, ...]]] = []
    body: set[tuple[tuple[int, ...], tuple[int, ...]]] = set()
    body_paragraphs: tuple[set[int], set[int]] = (set(), set())
    ru_only = lambda idx: gold.extend(((i,), ()) for i in idx)  # noqa: E731
    en_only = lambda idx: gold.extend(((), (j,)) for j in idx)  # noqa: E731

    def translated(doc: Doc) -> None:
        r0, e0 = len(ru.units), len(en.units)
        ru.add(doc.src)
        en.add(doc.tgt)
        gold.extend((tuple(r0 + i for i in b.src), tuple(e0 + j for j in b.tgt)) for b in doc.gold)

    if parts & {"ru-front", "ru-title"}:  # a title page and the contents, a line per chapter with its page
        ru_only(ru.add(["В. З. Роговин"]))
        ru_only(ru.add(["Власть и оппозиции"], "heading", 1))
        ru_only(ru.add(["Москва: Товарищество «Журнал „Театр“», 1993"]))
        ru_only(ru.add(["Оглавление"], "heading", 2))
        page = 5
        for n, chapter in enumerate(chapters, 1):
            ru_only(ru.add([f"Глава {n} {'.' * 20} {page}"]))
            page += 3 * len(chapter)
    if "ru-front" in parts:  # the author's preface to the Russian edition, not translated
        ru_only(ru.add(["От автора"], "heading", 1))
        start = rng.randrange(0, max(1, len(spare.ru) - 24))
        for k in range(start, start + rng.randint(12, 24), 4):
            ru_only(ru.add(spare.ru[k:k + 4]))
    if parts & {"en-front", "en-title"}:
        en_only(en.add(["Translated by Frederick S. Choate"]))
        en_only(en.add(["Mehring Books, Oak Park, Michigan, 2019"]))
    if "en-front" in parts:  # the translator's own introduction
        en_only(en.add(["Translator's Introduction"], "heading", 1))
        start = rng.randrange(0, max(1, len(spare.en) - 20))
        for k in range(start, start + rng.randint(10, 20), 5):
            en_only(en.add(spare.en[k:k + 5]))
    if "preface" in parts:  # an introduction in both: translated
        gold.append((ru.add(["Введение"], "heading", 1), en.add(["Introduction"], "heading", 1)))
        for doc in rng.sample(spare.translated, 2):
            translated(doc)
    for n, chapter in enumerate(chapters, 1):
        gold.append((ru.add([f"Глава {n}"], "heading", 1), en.add([f"Chapter {n}"], "heading", 1)))
        for doc in chapter:
            r0, e0 = len(ru.units), len(en.units)
            ru.add(doc.src)
            en.add(doc.tgt)
            body_paragraphs[0].add(ru.paragraphs[-1])
            body_paragraphs[1].add(en.paragraphs[-1])
            for b in doc.gold:
                bead = (tuple(r0 + i for i in b.src), tuple(e0 + j for j in b.tgt))
                gold.append(bead)
                body.add(bead)
    if "index" in parts:  # back matter: before the notes, as every book reader stores them
        en_only(en.add(["Index"], "heading", 1))
        names = ("Bukharin, N. I.", "Kamenev, L. B.", "Rykov, A. I.", "Stalin, I. V.", "Trotsky, L. D.",
                 "Zinoviev, G. E.", "Preobrazhensky, E. A.", "Radek, K. B.", "Smilga, I. T.", "Tomsky, M. P.")
        for name in names:
            en_only(en.add([f"{name}, {rng.randint(3, 90)}, {rng.randint(91, 200)}"]))
    if "notes" in parts:  # numbered notes after the body, and one translator's note
        notes = rng.sample(spare.pairs, min(len(spare.pairs), rng.randint(8, 14)))
        extra = rng.randrange(len(notes))
        for n, (ru_note, en_note) in enumerate(notes, 1):
            ru_idx = ru.add([f"{n}. {ru_note[0]}", *ru_note[1:]], "note")
            en_idx = en.add([f"{n}. {en_note[0]}", *en_note[1:]], "note")
            gold.append((ru_idx, en_idx))
            if n == extra:
                en_only(en.add(["Translator's note: the Russian edition gives no source for this quotation."], "note"))
    if "ru-notes" in parts:  # the Russian edition's notes, left out of the translation
        for n, (ru_note, _en) in enumerate(rng.sample(spare.pairs, min(len(spare.pairs), rng.randint(8, 14))), 1):
            ru_only(ru.add([f"{n}. {ru_note[0]}", *ru_note[1:]], "note"))
    return BookPair(ru, en, gold, body, body_paragraphs)


def books(docs: list[Doc], count: int, seed: int) -> tuple[list[list[list[Doc]]], Spare]:
    """``count`` books, each of half the split's chapter documents in its own order and
    chapters of two to four documents; a third of the documents are kept aside (``Spare``)."""
    rng = random.Random(seed)
    docs = list(docs)
    rng.shuffle(docs)
    spare_count = len(docs) // 3
    spare, rest = docs[:spare_count], docs[spare_count:]
    out = []
    for _ in range(count):
        mine = rng.sample(rest, len(rest) // 2)
        chapters: list[list[Doc]] = []
        while mine:
            size = rng.randint(2, 4)
            chapters.append(mine[:size])
            mine = mine[size:]
        out.append(chapters)
    return out, Spare(spare)


def run_plain(book: BookPair) -> list[Bead]:
    return align(book.ru.units, book.en.units, src_paragraphs=book.ru.paragraphs, tgt_paragraphs=book.en.paragraphs)


def run_structured(book: BookPair) -> list[Bead]:
    return align_structured(book.ru.units, book.en.units, src_kinds=book.ru.kinds, tgt_kinds=book.en.kinds,
                            src_levels=book.ru.levels, tgt_levels=book.en.levels, src_paragraphs=book.ru.paragraphs,
                            tgt_paragraphs=book.en.paragraphs, align_fn=align)


METHODS: dict[str, Callable[[BookPair], list[Bead]]] = {"plain": run_plain, "structured": run_structured}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--split", choices=("tune", "held-out", "both"), default="both")
    parser.add_argument("--books", type=int, default=12, help="books per split")
    parser.add_argument("--verbose", action="store_true", help="per book figures")
    args = parser.parse_args()
    docs = load_docs(args.data)
    splits = ("tune", "held-out") if args.split == "both" else (args.split,)
    print(f"{len(docs)} documents: {sum(split_of(d) == 'tune' for d in docs)} tune, "
          f"{sum(split_of(d) == 'held-out' for d in docs)} held-out; {args.books} books per split")
    print(f"{'split':9} {'shape':11} {'method':10} {'strict F1':>9} {'lax F1':>7} {'body F1':>8} {'time':>6}")
    for split in splits:
        chapters_of_books, spare = books([d for d in docs if split_of(d) == split], args.books, seed=13)
        for shape in SHAPES:
            rng = random.Random(f"{split}-{shape}")
            pairs = [build(chapters, shape, spare, rng) for chapters in chapters_of_books]
            for method, run in METHODS.items():
                started = time.perf_counter()
                tests = [run(b) for b in pairs]
                elapsed = time.perf_counter() - started
                scores = score_alignments([b.gold for b in pairs], tests)
                body = score_alignments([sorted(b.body) for b in pairs],
                                        [[t for t in test if _touches(t, b)] for b, test in zip(pairs, tests)])
                print(f"{split:9} {shape:11} {method:10} {scores.f1_strict:9.3f} {scores.f1_lax:7.3f} "
                      f"{body.f1_strict:8.3f} {elapsed:5.1f}s")
                if args.verbose:
                    for b, test in zip(pairs, tests):
                        s = score_alignments([b.gold], [test])
                        print(f"{'':32} book of {len(b.ru.units)}/{len(b.en.units)} units: strict F1 {s.f1_strict:.3f}")


def _touches(bead: Bead, book: BookPair) -> bool:
    """A predicted bead that holds a unit of the chapters' text (so body errors count)."""
    return (any(book.ru.kinds[i] == "body" and book.ru.paragraphs[i] in book.body_paragraphs[0] for i in bead.src)
            or any(book.en.kinds[j] == "body" and book.en.paragraphs[j] in book.body_paragraphs[1] for j in bead.tgt))


if __name__ == "__main__":
    main()
