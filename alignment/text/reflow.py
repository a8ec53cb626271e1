"""Reflow of text extracted from PDFs: hard line breaks, interleaved empty lines,
paragraph ends marked by trailing double spaces, stand-alone heading lines, and
words split by a line-end hyphen.

The rules were written for seed 004 (the 1931 platform from the Bulletin of the
Opposition) and for the common pdftotext output shapes; each is a small pure
function so that it can be tested on its own.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from statistics import median

from alignment.text.document import Block, NoteRef

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_ROMAN_HEADING = re.compile(r"^[IVXLC]+\.\s")
_SEPARATOR = re.compile(r"^[*\s]+$|^[-–—\s]{3,}$")

# Prefixes that in the orthography of the period (and in English) keep their
# hyphen: "контр-революция", "социал-демократия", "Marxist-Leninist".
_HYPHEN_PREFIXES = frozenset(
    {
        "контр", "социал", "национал", "марксистско", "военно", "пролетарско",
        "государственно", "мелко", "полу", "ультра", "анти", "экс", "вице",
        "лево", "право", "марксист", "ленинист", "soviet", "marxist", "anti",
        "non", "semi", "counter", "self", "ex", "quasi",
    }
)


_LINE_END_HYPHEN = re.compile(r"[^\W\d_]-$")
_SENTENCE_END = re.compile(r"[.!?…:;»\"”)]\s*$")
_MIN_WRAPPED_SHARE = 0.4


def looks_like_pdf_text(text: str) -> bool:
    """True when ``text`` has the shape of pdftotext output: many short hard-wrapped
    lines whose paragraph ends carry trailing spaces or interleaved empty lines."""
    lines = [ln for ln in text.split("\n") if ln.strip()]
    if len(lines) < 8:
        return False
    lengths = [len(ln.rstrip()) for ln in lines]
    typical = median(lengths)
    long_lines = sum(1 for n in lengths if n > 200)
    if long_lines > len(lines) * 0.1 or typical > 140:
        return False
    # Hard-wrapped text breaks most lines inside a sentence; a file of one short
    # paragraph per line (each ending in a full stop) is not PDF output.
    wrapped = sum(1 for ln in lines if not _SENTENCE_END.search(ln))
    if wrapped < len(lines) * _MIN_WRAPPED_SHARE:
        return False
    trailing = sum(1 for ln in lines if ln.endswith(" "))
    interleaved = _interleaved_blank_ratio(text.split("\n"))
    return trailing > len(lines) * 0.5 or interleaved > 0.8


def _interleaved_blank_ratio(lines: list[str]) -> float:
    """Share of non-empty lines followed directly by exactly one empty line."""
    content = 0
    followed = 0
    for i, ln in enumerate(lines[:-1]):
        if ln.strip():
            content += 1
            if not lines[i + 1].strip() and (i + 2 >= len(lines) or lines[i + 2].strip()):
                followed += 1
    return followed / content if content else 0.0


def drop_interleaved_blanks(lines: list[str]) -> list[str]:
    """Remove the empty line that PDF extraction puts after every line.

    A run of k empty lines becomes k-1 (so a real blank line survives as one).
    """
    out: list[str] = []
    i = 0
    while i < len(lines):
        ln = lines[i]
        if ln.strip():
            out.append(ln)
            i += 1
            continue
        run = 0
        while i < len(lines) and not lines[i].strip():
            run += 1
            i += 1
        out.extend([""] * (run - 1))
    return out


def word_counts(text: str) -> Counter[str]:
    """Lower-cased word and hyphenated-compound counts of a text, used to decide
    line-end hyphens from the document itself."""
    counts: Counter[str] = Counter()
    for m in _WORD.finditer(text):
        w = m.group(0).lower()
        counts[w] += 1
        if "-" in w:
            counts[w.replace("-", "")] += 0  # make the joined key known, uncounted
    return counts


def join_hyphenated(left: str, right: str, counts: Counter[str]) -> str:
    """Join a line ending in ``…word-`` with the next line starting ``word…``.

    Keeps the hyphen when the document itself spells the compound with a hyphen
    elsewhere or the first part is a prefix that keeps its hyphen; otherwise the
    hyphen was the typesetter's and is removed.
    """
    head_m = re.search(r"([^\W\d_]+(?:-[^\W\d_]+)*)-$", left)
    tail_m = re.match(r"([^\W\d_]+(?:-[^\W\d_]+)*)", right)
    if not head_m or not tail_m:
        return left + right
    head, tail = head_m.group(1), tail_m.group(1)
    hyphenated = f"{head}-{tail}".lower()
    joined = f"{head}{tail}".lower()
    keep_votes = counts.get(hyphenated, 0)
    join_votes = counts.get(joined, 0)
    if keep_votes == join_votes == 0:
        # Look at the stem: "контр-революции" also vouches for "контр-революционного".
        stem = f"{head}-{tail[:4]}".lower()
        joined_stem = f"{head}{tail[:4]}".lower()
        keep_votes = sum(n for w, n in counts.items() if w.startswith(stem))
        join_votes = sum(n for w, n in counts.items() if w.startswith(joined_stem))
    keep = keep_votes > join_votes or (
        keep_votes == join_votes and head.split("-")[-1].lower() in _HYPHEN_PREFIXES
    )
    if head[:1].isupper() and tail[:1].isupper() and not (head.isupper() and tail.isupper()):
        keep = True  # "Marxist-\nLeninist", "Северо-\nЗападный"
    if keep_votes == join_votes == 0 and is_compound_pair(head.split("-")[-1], tail):
        keep = True
    return left + right if keep else left[:-1] + right


_ADJECTIVE_STEM_END = re.compile(r"(?:ск|цк)[оиi]$|(?:ическ|ейск)и$", re.I)
_ADJECTIVE_ENDING = re.compile(
    r"(?:ый|ий|ой|ая|яя|ое|ее|ые|ие|ого|его|ому|ему|ым|им|ых|их|ую|юю|ыми|ими|ом|ем)$", re.I
)
_NUMERALS = (
    "один", "одн", "два", "две", "три", "четыр", "пят", "шест", "сем", "восем", "девят",
    "десят", "двадцат", "тридцат", "сорок", "пятьдесят", "шестьдесят", "семьдесят",
    "восемьдесят", "девяност", "сто", "двест", "трист", "четырест", "пятьсот", "тысяч",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
)


def is_compound_pair(head: str, tail: str) -> bool:
    """Whether ``head-tail`` split at a line end is a real compound, not a syllable
    break: two adjectives ("царско-буржуазной", "авантюристски-преторианские") or
    two numerals ("десять-двадцать", "twenty-five")."""
    h, t = head.lower(), tail.lower()
    if len(h) >= 5 and len(t) >= 5 and _ADJECTIVE_STEM_END.search(h) and _ADJECTIVE_ENDING.search(t):
        return True
    return h.startswith(_NUMERALS) and t.startswith(_NUMERALS) and len(h) >= 3 and len(t) >= 3


_HEADING_END = re.compile(r"[.?!:»)]$")
_STARTS_PARAGRAPH = re.compile(r"[«\"(A-ZА-ЯЁ0-9*—–-]")
_HEADING_MAX_RATIO = 0.88
_VERY_SHORT_RATIO = 0.45


def reflow_pdf_text(text: str) -> list[Block]:
    """Turn hard-wrapped PDF text into blocks (headings and body paragraphs).

    Paragraph ends are lines ending in two spaces (or a real blank line).  Headings
    can only stand at the start of such a chunk: short lines that end like a title
    and are followed by a line that starts like a paragraph.
    """
    raw_lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if _interleaved_blank_ratio(raw_lines) > 0.5:
        raw_lines = drop_interleaved_blanks(raw_lines)
    content = [ln for ln in raw_lines if ln.strip()]
    if not content:
        return []
    typical = median(len(ln.rstrip()) for ln in content)
    counts = word_counts(" ".join(ln.strip() for ln in content))

    blocks: list[Block] = []
    chunks = _chunks(raw_lines)
    for n, chunk in enumerate(chunks):
        headings, body = _split_leading_headings(chunk, typical, last=n == len(chunks) - 1)
        for heading_lines in headings:
            blocks.append(_make_block(_join_lines(heading_lines, counts), "heading"))
        if body:
            blocks.append(_make_block(_join_lines(body, counts), "body"))
    return _merge_heading_lead_ins(blocks)


def _chunks(lines: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = []
    current: list[str] = []
    for ln in lines:
        if not ln.strip():
            if current:
                chunks.append(current)
                current = []
            continue
        current.append(ln)
        if ln.endswith("  "):
            chunks.append(current)
            current = []
    if current:
        chunks.append(current)
    return chunks


def _split_leading_headings(
    chunk: list[str], typical: float, *, last: bool = False
) -> tuple[list[list[str]], list[str]]:
    """Peel heading lines (one or two lines each) off the start of a chunk."""
    headings: list[list[str]] = []
    i = 0
    while i < len(chunk) - 1:
        line = chunk[i].rstrip()
        nxt = chunk[i + 1].strip()
        if _is_heading_line(line, nxt, typical):
            headings.append([line])
            i += 1
            continue
        # A heading wrapped onto a second, very short line.
        if i + 2 < len(chunk):
            second = chunk[i + 1].rstrip()
            after = chunk[i + 2].strip()
            if (
                len(second.strip()) < typical * _VERY_SHORT_RATIO
                and _HEADING_END.search(second)
                and _STARTS_PARAGRAPH.match(after)
                and not line.endswith("-")
            ):
                headings.append([line, second])
                i += 2
                continue
        break
    body = chunk[i:]
    # A lone line set off by blank lines is a heading, except at the very end,
    # where it is the source line ("Опубликовано в: …").
    if not last and len(chunk) == 1 and not chunk[0].endswith("  "):
        if len(body[0].rstrip()) < typical * _HEADING_MAX_RATIO and not body[0].rstrip().endswith(","):
            return [body], []
    return headings, body


def _is_heading_line(line: str, next_line: str, typical: float) -> bool:
    text = line.strip()
    if not text or len(text) >= typical * _HEADING_MAX_RATIO or text.endswith("-"):
        return False
    title_like = bool(_HEADING_END.search(text)) or len(text) < typical * _VERY_SHORT_RATIO
    return title_like and bool(_STARTS_PARAGRAPH.match(next_line))


_LIST_ITEM = re.compile(r"^\w{1,2}\)\s")
_TERMINAL = re.compile(r"[.!?…»\"”)]$")


def _merge_heading_lead_ins(blocks: list[Block]) -> list[Block]:
    """Repair two artefacts of the page layout.

    * A paragraph mark at a page end inside a sentence: the next body block starts
      in lower case (or this one stops without final punctuation), so the two
      are one paragraph.
    * "Противоречия переходного периода:" set as its own line before the heading
      "индустриализация." belongs to that heading.
    """
    out: list[Block] = []
    for block in blocks:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "body" and block.kind == "body":
            continues = block.text[:1].islower() and not _LIST_ITEM.match(block.text)
            if continues or not _TERMINAL.search(prev.text) and not prev.text.endswith(":"):
                out[-1] = _make_block(f"{prev.text} {block.text}", "body")
                continue
        if (
            prev is not None
            and block.kind == "heading"
            and prev.text.endswith(":")
            and len(prev.text) < 60
        ):
            out[-1] = _make_block(f"{prev.text} {block.text}", "heading")
            continue
        out.append(block)
    return out


_SPLIT_IN_LINE = re.compile(r"([а-яёА-ЯЁ]+)- ([а-яё]+\b|[А-ЯЁ]{2,}\b)")
_SUSPENDED_HYPHEN_NEXT = frozenset({"и", "или", "а", "либо", "ни", "да"})


def has_split_words(text: str) -> bool:
    """Whether ``text`` has Russian words split by a former line-end hyphen
    that a converter turned into "- " ("Черни- говской")."""
    return _SPLIT_IN_LINE.search(text) is not None


def repair_split_words(block: Block, counts: Counter[str]) -> Block:
    """Join "Черни- говской" into "Черниговской" (or "контр- революция" into
    "контр-революция"), moving note offsets with the text.

    Only Cyrillic words: in English "poor- and middle peasants" is a suspended
    hyphen, and so is "мелко- и средне-" in Russian (hence the conjunctions).
    """
    parts: list[str] = []
    removals: list[tuple[int, int]] = []  # (position in the old text, chars removed)
    last = 0
    for m in _SPLIT_IN_LINE.finditer(block.text):
        head, tail = m.group(1), m.group(2)
        if tail in _SUSPENDED_HYPHEN_NEXT or tail.isupper() and not head.isupper():
            continue
        joined = join_hyphenated(f"{head}-", tail, counts)
        parts.append(block.text[last : m.start()])
        parts.append(joined)
        removals.append((m.start(2), len(m.group(0)) - len(joined)))
        last = m.end()
    if not removals:
        return block
    parts.append(block.text[last:])
    notes = tuple(
        NoteRef(n.offset - sum(k for pos, k in removals if pos <= n.offset), n.label)
        for n in block.notes
    )
    return Block(block.kind, "".join(parts), block.level, notes, block.lang)


def rejoin_page_breaks(blocks: list[Block], movable: list[bool] | None = None) -> list[Block]:
    """Join body paragraphs that a page break split, across what the page put
    between the halves (footnotes, image captions: ``movable[i]`` is True).

    A body block starting with a lower-case letter continues the nearest
    earlier body block, if only movable blocks stand between them; the movable
    blocks then follow the joined paragraph.
    """
    if movable is None:
        movable = [b.kind == "note" for b in blocks]
    out: list[Block] = []
    out_movable: list[bool] = []
    for block, can_move in zip(blocks, movable):
        target = _continued_block(out, out_movable, block) if not can_move else None
        if target is None:
            out.append(block)
            out_movable.append(can_move)
            continue
        prev = out[target]
        if re.search(r"[^\W\d_]-$", prev.text):
            joined = join_hyphenated(prev.text, block.text, Counter())
        else:
            joined = f"{prev.text} {block.text}"
        shift = len(joined) - len(block.text)
        notes = prev.notes + tuple(
            NoteRef(n.offset + shift, n.label) for n in block.notes
        )
        out[target] = Block(prev.kind, joined, prev.level, notes, prev.lang)
    return out


_DEFINITION = re.compile(r"^[^\W\d][\w’'-]*(?:,? [\w’'-]+){0,3}(?: \[[^\]]+\])?: ")


def _continued_block(out: list[Block], out_movable: list[bool], block: Block) -> int | None:
    if block.kind != "body" or not block.text[:1].islower() or _LIST_ITEM.match(block.text):
        return None
    if _DEFINITION.match(block.text):
        return None  # a glossary entry: "okrug [округ]: a large administrative unit"
    for i in range(len(out) - 1, -1, -1):
        if out_movable[i]:
            continue
        if out[i].kind == "body" and not re.search(r"[.!?…]$", out[i].text):
            return i
        return None
    return None


def _join_lines(lines: Iterable[str], counts: Counter[str]) -> str:
    # Lines are joined into a list (not a growing string) so that a paragraph of
    # thousands of lines stays linear; only the previous line is ever re-examined.
    parts: list[str] = []
    for raw in lines:
        ln = raw.strip()
        if not ln:
            continue
        if parts and _LINE_END_HYPHEN.search(parts[-1]) and re.match(r"[^\W\d_]", ln):
            parts[-1] = join_hyphenated(parts[-1], ln, counts)
        else:
            parts.append(ln)
    return re.sub(r"[ \t]{2,}", " ", " ".join(parts))


def _make_block(text: str, kind: str) -> Block:
    if kind == "heading":
        level = 1 if _ROMAN_HEADING.match(text) else 2
        if _SEPARATOR.match(text):
            level = 3
        return Block(kind="heading", text=text, level=level)
    return Block(kind="body", text=text)
