"""Quotations in another translator's wording, made hard the way real quotations are.

Data: ``../shared/bench/ruen-dev-mt/documents.jsonl`` (WMT22 ru->en development
documents with the English of four machine-translation systems beside the
reference).  A quotation is a system's English, never the reference: of the
four, the one whose words differ most from the reference (the wording furthest
from a close translation).

Split by document, as the older locate benchmark: the documents of
``wmt-long-000..002`` tune, those of ``wmt-long-003..004`` are held out.

Haystack: one long Russian document per split, every split document's
segments in order followed by the bundled Trotsky texts (about 1,000
sentences), so a quotation must be found among all of them.

Conditions (each with negatives of the same shape: other-split documents'
English, which has no original in this haystack):

- ``whole``: one segment as a system wrote it;
- ``two sentences``: two consecutive segments, as written;
- ``merged``: two consecutive segments made into one English sentence;
- ``fragment``: a contiguous 40-70% of the words of one segment;
- ``capitals``: a quarter of the haystack's sentences are in CAPITALS (titles,
  slogans) and the quotation of one of them is in Title Case;
- ``noise``: the whole haystack is an imperfect transcription: misread
  letters (OCR confusions, Latin look-alikes), missing letters, words run
  together or broken;
- ``paraphrase``: the system's English with words replaced by synonyms,
  adverbs dropped and clauses reordered (synthetic, rule-made);
- ``mixed``: noisy haystack with capitals, and a random shape and paraphrase
  per quotation.
"""

from __future__ import annotations

import hashlib
import json
import random
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

MT_DATA = Path(__file__).resolve().parents[3] / "shared" / "bench" / "ruen-dev-mt" / "documents.jsonl"
DEV_DATA = Path(__file__).resolve().parents[3] / "shared" / "bench" / "ruen-dev"
CONDITIONS = ("whole", "two sentences", "merged", "fragment", "capitals", "noise", "paraphrase", "mixed")
MIN_WORDS = 5
PER_CONDITION = 150  # positives (and as many negatives) per condition and split
CAPITALS_SHARE = 0.25


@dataclass(frozen=True)
class Segment:
    doc: str
    ru: str
    ref: str
    other: str  # the system English furthest from the reference


@dataclass(frozen=True)
class Quotation:
    condition: str
    text: str
    span: tuple[int, int] | None  # Russian units [start, end) of the haystack; None: not in it
    expected: tuple[str, ...] = ()  # the Russian of the span (duplicated sentences count wherever they are)


@dataclass
class Split:
    name: str
    docs: list[str]
    segments: list[Segment]
    haystacks: dict[str, list[str]]  # "clean", "capitals", "noise", "mixed"
    capitalised: frozenset[int]
    queries: list[Quotation]


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def _furthest(ref: str, systems: dict[str, str]) -> str:
    ref_words = _words(ref)

    def overlap(text: str) -> float:
        words = _words(text)
        return len(words & ref_words) / max(1, len(words | ref_words))

    return min(sorted(systems.items()), key=lambda kv: overlap(kv[1]))[1]


def load_segments(path: Path = MT_DATA) -> dict[str, list[Segment]]:
    docs: dict[str, list[Segment]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        docs[item["doc"]] = [Segment(item["doc"], s["ru"].strip(), s["ref_en"].strip(),
                                     _furthest(s["ref_en"], s["mt_en"]).strip()) for s in item["segments"]]
    return docs


def split_documents(dev: Path = DEV_DATA) -> dict[str, list[str]]:
    """Document names of each split, as the older benchmark splits wmt-long-000..004."""
    out: dict[str, list[str]] = {"tune": [], "held-out": []}
    for case in sorted(dev.glob("wmt-long-*")):
        meta = json.loads((case / "meta.json").read_text(encoding="utf-8"))
        out["tune" if case.name < "wmt-long-003" else "held-out"] += meta["docs"]
    return out


# --- Transformations -----------------------------------------------------------------

_SMALL = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "by", "with", "from", "as"}


def title_case(text: str) -> str:
    words = text.split(" ")
    out = []
    for i, w in enumerate(words):
        if i > 0 and w.lower() in _SMALL:
            out.append(w.lower())
        else:
            out.append(w[:1].upper() + w[1:])
    return " ".join(out)


_OCR_CONFUSIONS = {
    "е": "сё", "с": "ео", "и": "нй", "н": "ип", "п": "нл", "ш": "щи", "щ": "ш", "о": "ос", "а": "д",
    "т": "г", "г": "т", "л": "п", "в": "з", "з": "э", "ы": "ь", "ь": "ъб", "й": "и", "ц": "щ", "у": "ч",
    "к": "х", "х": "к", "р": "р", "ж": "х", "б": "6", "д": "л", "я": "а", "ю": "о", "м": "л",
}
_LATIN_LOOKALIKE = {"а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "х": "x", "у": "y", "к": "k"}


def ocr_noise(text: str, rng: random.Random, rate: float = 0.04) -> str:
    """``text`` as a poor transcription of a printed page: about ``rate`` of its letters damaged."""
    out: list[str] = []
    for ch in text:
        lower = ch.lower()
        if ch == " " and rng.random() < 0.03:
            continue  # words run together
        if lower.isalpha() and rng.random() < rate:
            roll = rng.random()
            if roll < 0.35:
                continue  # a missing letter
            if roll < 0.55 and lower in _LATIN_LOOKALIKE:
                new = _LATIN_LOOKALIKE[lower]
            elif roll < 0.9 and lower in _OCR_CONFUSIONS:
                new = rng.choice(_OCR_CONFUSIONS[lower])
            else:
                out.append(ch)
                out.append(" ")  # a word broken in two
                continue
            out.append(new.upper() if ch.isupper() else new)
            continue
        out.append(ch)
    return "".join(out)


_SYNONYMS = {
    "said": "stated", "says": "states", "told": "informed", "big": "large", "large": "big", "buy": "purchase",
    "bought": "purchased", "help": "assist", "helped": "assisted", "show": "demonstrate", "shows": "demonstrates",
    "showed": "demonstrated", "get": "obtain", "got": "received", "use": "employ", "used": "employed",
    "start": "begin", "started": "began", "begin": "start", "end": "finish", "ended": "finished",
    "people": "persons", "person": "individual", "many": "numerous", "very": "extremely", "also": "moreover",
    "about": "regarding", "because": "since", "but": "however", "important": "significant", "need": "require",
    "needs": "requires", "needed": "required", "want": "wish", "wants": "wishes", "try": "attempt",
    "tried": "attempted", "country": "nation", "countries": "nations", "government": "authorities",
    "problem": "issue", "problems": "issues", "quickly": "rapidly", "fast": "rapid", "small": "little",
    "main": "principal", "now": "currently", "soon": "shortly", "often": "frequently", "enough": "sufficient",
    "answer": "reply", "asked": "inquired", "ask": "inquire", "think": "believe", "thought": "believed",
    "children": "kids", "child": "kid", "money": "funds", "work": "labour", "job": "post", "city": "town",
    "woman": "lady", "women": "ladies", "man": "gentleman", "house": "home", "whole": "entire", "all": "every",
    "began": "commenced", "made": "produced", "make": "produce", "give": "provide", "gave": "provided",
    "received": "got", "found": "discovered", "find": "discover", "keep": "retain", "left": "departed",
    "leave": "depart", "near": "close to", "enter": "go into", "entered": "went into", "chose": "selected",
    "choose": "select", "result": "outcome", "results": "outcomes", "decided": "resolved", "decide": "resolve",
    "almost": "nearly", "however": "nevertheless", "therefore": "thus", "example": "instance", "happy": "glad",
    "difficult": "hard", "hard": "difficult", "easy": "simple", "simple": "easy", "answered": "replied",
    "meeting": "session", "war": "conflict", "reported": "announced", "announced": "declared",
    "according": "as reported", "increase": "rise", "increased": "rose", "decrease": "fall", "fell": "dropped",
    "company": "firm", "companies": "firms", "president": "head of state", "police": "law enforcement",
    "allow": "permit", "allowed": "permitted", "comfortable": "cosy", "quality": "grade", "price": "cost",
}
_DROPPABLE = {"very", "really", "just", "quite", "actually", "already", "still", "even", "simply", "also"}


def paraphrase(text: str, rng: random.Random) -> str:
    """A rule-made rewording: synonyms, dropped adverbs, a fronted clause moved to the end."""
    words = text.split(" ")
    out = []
    for w in words:
        core = re.sub(r"\W+$", "", w)
        tail = w[len(core):]
        lower = core.lower()
        if lower in _DROPPABLE and rng.random() < 0.7 and not tail:
            continue
        if lower in _SYNONYMS and rng.random() < 0.8:
            new = _SYNONYMS[lower]
            if core[:1].isupper():
                new = new[:1].upper() + new[1:]
            out.append(new + tail)
            continue
        out.append(w)
    result = " ".join(out)
    # "If X, Y." -> "Y if x." : move one leading clause behind the main one.
    match = re.match(r"^((?:If|When|Although|While|After|Before|Since|Because|As)\b[^,]{3,}),\s+(.+?)([.!?]?)$",
                     result)
    if match and rng.random() < 0.8:
        lead, main, stop = match.groups()
        result = f"{main[:1].upper()}{main[1:]} {lead[:1].lower()}{lead[1:]}{stop or '.'}"
    return result


def merge(first: str, second: str, rng: random.Random) -> str:
    """Two sentences made into one, as a translator joins two short Russian sentences."""
    first = first.rstrip().rstrip(".!;")
    joint = rng.choice((", and ", "; ", ", while ", " - "))
    return f"{first}{joint}{second[:1].lower()}{second[1:]}"


def fragment(text: str, rng: random.Random, share: tuple[float, float] = (0.4, 0.7)) -> str | None:
    words = text.split()
    size = round(len(words) * rng.uniform(*share))
    if size < 4 or size >= len(words):
        return None
    k = rng.randrange(0, len(words) - size + 1)
    return " ".join(words[k:k + size])


# --- Building the sets ---------------------------------------------------------------

def _stable(text: str) -> float:
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:8], 16) / 0xFFFFFFFF


def build_split(name: str, docs: Sequence[str], segments_of: dict[str, list[Segment]],
                other_docs: Sequence[str], padding: Sequence[str], seed: int = 20251123) -> Split:
    rng = random.Random(f"{seed}-{name}")
    segments = [s for d in docs for s in segments_of[d]]
    clean = [s.ru for s in segments] + list(padding)
    capitalised = frozenset(i for i, u in enumerate(clean) if _stable(u) < CAPITALS_SHARE)
    capitals = [u.upper() if i in capitalised else u for i, u in enumerate(clean)]
    noise_rng = random.Random(f"{seed}-{name}-noise")
    noisy = [ocr_noise(u, noise_rng) for u in clean]
    mixed = [u.upper() if i in capitalised else u for i, u in enumerate(noisy)]
    haystacks = {"clean": clean, "capitals": capitals, "noise": noisy, "mixed": mixed}
    haystack_ru = set(clean)

    def usable(i: int) -> bool:
        return len(segments[i].other.split()) >= MIN_WORDS and i < len(segments)

    def same_doc(i: int, j: int) -> bool:
        return j < len(segments) and segments[i].doc == segments[j].doc

    queries: list[Quotation] = []
    singles = [i for i in range(len(segments)) if usable(i)]
    pairs = [i for i in range(len(segments) - 1) if same_doc(i, i + 1) and usable(i) and usable(i + 1)]

    def pick(pool: list[int], k: int) -> list[int]:
        return sorted(rng.sample(pool, min(k, len(pool))))

    def add(condition: str, text: str | None, start: int, size: int) -> None:
        if text:
            queries.append(Quotation(condition, text, (start, start + size), tuple(clean[start:start + size])))

    for i in pick(singles, PER_CONDITION):
        add("whole", segments[i].other, i, 1)
    for i in pick(pairs, PER_CONDITION):
        add("two sentences", f"{segments[i].other} {segments[i + 1].other}", i, 2)
    for i in pick(pairs, PER_CONDITION):
        add("merged", merge(segments[i].other, segments[i + 1].other, rng), i, 2)
    long_singles = [i for i in singles if len(segments[i].other.split()) >= 10]
    for i in pick(long_singles, PER_CONDITION):
        add("fragment", fragment(segments[i].other, rng), i, 1)
    for i in pick([i for i in singles if i in capitalised], PER_CONDITION):
        add("capitals", title_case(segments[i].other), i, 1)
    for i in pick(singles, PER_CONDITION):
        add("noise", segments[i].other, i, 1)
    for i in pick(singles, PER_CONDITION):
        add("paraphrase", paraphrase(segments[i].other, rng), i, 1)
    for i in pick(pairs, PER_CONDITION):
        shape = rng.choice(("whole", "fragment", "merged"))
        if shape == "merged":
            text, size = merge(segments[i].other, segments[i + 1].other, rng), 2
        elif shape == "fragment":
            text, size = fragment(segments[i].other, rng) or segments[i].other, 1
        else:
            text, size = segments[i].other, 1
        if rng.random() < 0.5:
            text = paraphrase(text, rng)
        if i in capitalised and size == 1:
            text = title_case(text)
        add("mixed", text, i, size)

    # Negatives: the other split's English, whose Russian this haystack does not hold.
    foreign = [s for d in other_docs for s in segments_of[d]
               if s.ru not in haystack_ru and len(s.other.split()) >= MIN_WORDS]
    foreign_pairs = [(a, b) for a, b in zip(foreign, foreign[1:]) if a.doc == b.doc]
    positives = {c: sum(q.condition == c for q in queries) for c in CONDITIONS}
    for condition in CONDITIONS:
        made = 0
        while made < positives[condition]:
            if condition in ("two sentences", "merged") or (condition == "mixed" and rng.random() < 0.33):
                a, b = rng.choice(foreign_pairs)
                text = f"{a.other} {b.other}" if condition == "two sentences" else merge(a.other, b.other, rng)
            else:
                text = rng.choice(foreign).other
                if condition in ("fragment", "mixed") and rng.random() < (1.0 if condition == "fragment" else 0.33):
                    text = fragment(text, rng)
                    if text is None:
                        continue
            if condition in ("paraphrase",) or (condition == "mixed" and rng.random() < 0.5):
                text = paraphrase(text, rng)
            if condition == "capitals" or (condition == "mixed" and rng.random() < CAPITALS_SHARE):
                text = title_case(text)
            queries.append(Quotation(condition, text, None))
            made += 1
    return Split(name, list(docs), segments, haystacks, capitalised, queries)


def haystack_for(condition: str) -> str:
    return {"capitals": "capitals", "noise": "noise", "mixed": "mixed"}.get(condition, "clean")


def build_splits(padding: Sequence[str]) -> list[Split]:
    segments_of = load_segments()
    names = split_documents()
    return [build_split("tune", names["tune"], segments_of, names["held-out"], padding),
            build_split("held-out", names["held-out"], segments_of, names["tune"], padding)]
