"""Markdown (and the Markdown-ish output of book converters) to clean blocks.

Owns: headings by ``#`` level, paragraphs (hard breaks joined), list items,
note lists (after a ``---`` rule, under a "Notes" heading, or in the converter
forms ``[12.](#)`` / ``<sup>12</sup>.``) as blocks of kind ``note``, and the
inline cleanup shared with plain text: note calls (``<sup>5</sup>``,
``Leningrad.⁵⁵``) become NoteRefs, emphasis markers, links, HTML tags and
backslash escapes are removed, the text is kept.

A hand-written line parser rather than a CommonMark library: the files met
here are converter output where list syntax carries note numbers and page
breaks split paragraphs, which a CommonMark tree would normalise away.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from dataclasses import dataclass

from alignment.text.document import Block, NoteRef
from alignment.text.reflow import has_split_words, rejoin_page_breaks, repair_split_words, word_counts

_CALL_OPEN = "\ue000"
_CALL_CLOSE = "\ue001"
_ESCAPABLE = "\\`*_{}[]()#+-.!<>|~\"'"
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!<>|~\"'])")
_PROTECT = {c: chr(0xF000 + ord(c)) for c in _ESCAPABLE}
_RESTORE = str.maketrans({v: k for k, v in _PROTECT.items()})
_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_SUP_TO_DIGIT = str.maketrans(_SUPERSCRIPT_DIGITS, "0123456789")

_SUP_NUMBERS = re.compile(
    r"<sup>\s*\[?\s*(\d{1,4}(?:\s*,\s*\d{1,4})*)\s*\.?\s*\]?(?:\(#[^)]*\))?\s*</sup>", re.I
)
_SUP_OTHER = re.compile(r"<sup>(.*?)</sup>", re.I | re.S)
_FOOTNOTE_CALL = re.compile(r"\[\^(\w{1,6})\]")
_LINK_CALL = re.compile(r"(?<=[^\s\[(])\[(\d{1,4})\.?\]\(#[^)]*\)")
# Superscript digits after a word or closing punctuation; after a unit like
# "km²" or a digit ("10³") they are mathematics, not a note call.
_UNICODE_CALL = re.compile(
    rf"(?<=[^\W\d_]|[.,;:!?»”\"’')\]])(?<!\b[kcdm]m)(?<!\bm)([{_SUPERSCRIPT_DIGITS}]+)"
)
_HAS_SUPERSCRIPT = re.compile(f"[{_SUPERSCRIPT_DIGITS}]")
_IMAGE = re.compile(r"!\[[^\]]*\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<((?:https?|ftp|mailto):[^>\s]+)>")
_BR = re.compile(r"<br\s*/?>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_STRONG = re.compile(r"(\*\*\*|\*\*|___|__)(?=\S)(.+?)(?<=\S)\1", re.S)
_EM_STAR = re.compile(r"(?<!\*)\*(?=[^\s*])(.+?)(?<=[^\s*])\*(?!\*)", re.S)
_EM_UNDER = re.compile(r"(?<![\w_])_(?=[^\s_])(.+?)(?<=[^\s_])_(?![\w_])", re.S)
_LEFTOVER_STARS = re.compile(r"\*{2,}")
_WS = re.compile(r"[ \t]+")


def clean_inline(raw: str, *, markdown: bool = True) -> tuple[str, tuple[NoteRef, ...]]:
    """Clean one paragraph's text; return it with the note calls taken out of it.

    With ``markdown=False`` only note calls (Unicode superscripts) and spacing
    are handled: plain text keeps its asterisks and underscores.
    """
    text = raw
    if markdown:
        # Each pass only when its trigger character occurs: most paragraphs
        # of a book have no markup at all.
        escaped = "\\" in text
        if escaped:
            text = _ESCAPE.sub(lambda m: _PROTECT[m.group(1)], text)
        if "<" in text:
            text = _SUP_NUMBERS.sub(_calls_from_sup, text)
            text = _SUP_OTHER.sub(r"\1", text)
            text = _AUTOLINK.sub(r"\1", text)
            text = _BR.sub(" ", text)
            text = _TAG.sub("", text)
        if "[" in text:
            text = _FOOTNOTE_CALL.sub(lambda m: _call(m.group(1)), text)
            text = _LINK_CALL.sub(lambda m: _call(m.group(1)), text)
            text = _IMAGE.sub("", text)
            text = _LINK.sub(r"\1", text)
        if "&" in text:
            text = html.unescape(text)
        if "*" in text or "_" in text:
            text = strip_emphasis(text)
        if escaped:
            text = text.translate(_RESTORE)
    if _HAS_SUPERSCRIPT.search(text):
        text = _UNICODE_CALL.sub(lambda m: _call(m.group(1).translate(_SUP_TO_DIGIT)), text)
    text = _WS.sub(" ", text.replace("\n", " ")).strip()
    return take_note_calls(text)


def strip_emphasis(text: str) -> str:
    """Remove ``**strong**``, ``*em*`` and ``_em_`` markers, keeping their text."""
    for _ in range(3):  # nested emphasis: ***a** b*
        new = _STRONG.sub(r"\2", text)
        new = _EM_STAR.sub(r"\1", new)
        new = _EM_UNDER.sub(r"\1", new)
        if new == text:
            break
        text = new
    return _LEFTOVER_STARS.sub("", text)


def note_call_marker(label: str) -> str:
    """A placeholder for a note call that ``clean_inline`` turns into a NoteRef."""
    return f"{_CALL_OPEN}{label}{_CALL_CLOSE}"


_call = note_call_marker


def _calls_from_sup(m: re.Match[str]) -> str:
    return "".join(_call(n.strip()) for n in m.group(1).split(","))


def take_note_calls(text: str) -> tuple[str, tuple[NoteRef, ...]]:
    """Remove call sentinels from ``text``; return the text and NoteRefs at their offsets."""
    if _CALL_OPEN not in text:
        return text, ()
    out: list[str] = []
    notes: list[NoteRef] = []
    length = 0
    for i, part in enumerate(text.split(_CALL_OPEN)):
        if i == 0:
            label, rest = None, part
        else:
            label, _, rest = part.partition(_CALL_CLOSE)
        if label is not None:
            notes.append(NoteRef(length, label))
        if rest.startswith(" ") and (length == 0 or out[-1].endswith(" ")):
            rest = rest[1:]  # "word <sup>1</sup> next" -> one space
        out.append(rest)
        length += len(rest)
    joined = "".join(out)
    stripped = joined.rstrip()
    if len(stripped) != len(joined):
        notes = [NoteRef(min(n.offset, len(stripped)), n.label) for n in notes]
    return stripped, tuple(notes)


# ---------------------------------------------------------------- blocks

_HEADING = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_THEMATIC = re.compile(r"^ {0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$")
_SETEXT_1 = re.compile(r"^ {0,3}=+[ \t]*$")
_FENCE = re.compile(r"^ {0,3}(```|~~~)")
_QUOTE = re.compile(r"^ {0,3}>[ \t]?")
_STRONG_NOTE = re.compile(
    r"^\s*(?:[-*+][ \t]+)?(?:\[(\d{1,4})\.?\]\(#[^)]*\)|<sup>\s*\[?(\d{1,4})\.?\]?(?:\(#[^)]*\))?\s*</sup>)"
    r"\s*\.?[ \t]+(.*)$",
    re.I,
)
_FOOTNOTE_DEF = re.compile(r"^\s*\[\^(\w{1,6})\]:[ \t]*(.*)$")
_ORDERED = re.compile(r"^\s*(\d{1,4})([.)])[ \t]+(.*)$")
_BULLET = re.compile(r"^\s*[-*+•][ \t]+(.*)$")
_EMPTY_BULLET = re.compile(r"^\s*[-*+•]\s*$")
_NOTES_TITLES = frozenset(
    {"notes", "endnotes", "footnotes", "references", "примечания", "сноски", "комментарии"}
)
_CITATION = re.compile(
    r"\bIbid\b|\bibid\b|\bop\. ?cit\b|\bpp?\. ?\d|\bvol\. ?[\dIVX]|\bM\., ?\d{4}|Там же|\b[сС]\. ?\d"
    r"|\b[тТ]\. ?\d|Sochineniia|\bSee\b"
)
_CAPTION = re.compile(r"^(\*|_)(?!\1)\S(?:.*\S)?\1$")


def is_notes_title(heading: str) -> bool:
    """A heading that introduces notes ("Notes", "IV. Примечания")."""
    return re.sub(r"^[\dIVX]+\.\s*", "", heading).strip(" :.").lower() in _NOTES_TITLES


@dataclass(slots=True)
class _Para:
    kind: str  # "text" | "heading" | "item" | "note"
    lines: list[str]
    level: int = 0
    label: str = ""
    marker: str = "."


def markdown_to_blocks(text: str) -> list[Block]:
    """Parse Markdown text into heading, body and note blocks."""
    paras = _parse(text.split("\n"))
    blocks: list[Block] = []
    movable: list[bool] = []
    in_notes = False
    notes_level: int | None = None
    for para in paras:
        raw = " ".join(ln.strip() for ln in para.lines)
        if para.kind == "heading":
            body, notes = clean_inline(raw)
            if not body:
                continue
            if is_notes_title(body):
                in_notes, notes_level = True, para.level
            elif in_notes and (notes_level is None or para.level <= notes_level):
                in_notes = False
            blocks.append(Block("heading", body, level=para.level, notes=notes))
            movable.append(False)
            continue
        if para.kind == "rule":
            in_notes, notes_level = True, None
            continue
        kind = "body"
        if para.kind == "note":
            kind = "note"
        elif para.kind == "item" and para.label:
            previous_note = bool(blocks) and blocks[-1].kind == "note"
            if in_notes or previous_note or _CITATION.search(raw):
                kind = "note"
        elif in_notes and para.kind == "text" and not _is_caption(para):
            in_notes = notes_level is not None  # a plain paragraph ends a "---" note list
        body, notes = clean_inline(raw)
        if not body:
            continue
        if para.label and kind == "note":
            body = f"{para.label}. {body}"
        elif para.label:
            body = f"{para.label}{para.marker} {body}"
        blocks.append(Block(kind, body, notes=notes))
        movable.append(kind == "note" or _is_caption(para))
    _first_items_of_note_lists(blocks, movable)
    return rejoin_page_breaks(repair_split_blocks(blocks), movable)


def repair_split_blocks(blocks: list[Block]) -> list[Block]:
    """Repair words split by a converted line-end hyphen, deciding each hyphen by
    the spelling of the whole document (counted only when needed)."""
    if not any(has_split_words(b.text) for b in blocks):
        return blocks
    counts = word_counts(" ".join(b.text for b in blocks))
    return [repair_split_words(b, counts) if has_split_words(b.text) else b for b in blocks]


_ITEM_NUMBER = re.compile(r"^(\d{1,4})\. ")


def _first_items_of_note_lists(blocks: list[Block], movable: list[bool]) -> None:
    """A numbered item followed by note number n+1 is note n (the first item of a
    note list that nothing else marked, e.g. an empty ``- `` line before it)."""
    for i in range(len(blocks) - 2, -1, -1):
        block, nxt = blocks[i], blocks[i + 1]
        if block.kind != "body" or nxt.kind != "note":
            continue
        m, n = _ITEM_NUMBER.match(block.text), _ITEM_NUMBER.match(nxt.text)
        if m and n and int(n.group(1)) == int(m.group(1)) + 1:
            blocks[i] = Block("note", block.text, notes=block.notes)
            movable[i] = True


def _is_caption(para: _Para) -> bool:
    """An image caption: a paragraph whose first line is all in italics
    ("*Viacheslav Mikhailovich Molotov*  " / "(1890–1986)")."""
    return para.kind == "text" and bool(_CAPTION.match(para.lines[0].strip()))


def _parse(lines: Iterable[str]) -> list[_Para]:
    paras: list[_Para] = []
    current: _Para | None = None
    in_fence = False

    def flush() -> None:
        nonlocal current
        if current is not None and any(ln.strip() for ln in current.lines):
            paras.append(current)
        current = None

    for line in lines:
        if _FENCE.match(line):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            flush()
            if line.strip():
                paras.append(_Para("text", [line]))
            continue
        line = _QUOTE.sub("", line)
        line = _QUOTE.sub("", line)
        if not line.strip() or _EMPTY_BULLET.match(line):
            flush()
            continue
        if (m := _HEADING.match(line)) is not None:
            flush()
            paras.append(_Para("heading", [m.group(2) or ""], level=len(m.group(1))))
            continue
        if _SETEXT_1.match(line) and current is not None and len(current.lines) == 1:
            current.kind, current.level = "heading", 1
            flush()
            continue
        if _THEMATIC.match(line):
            flush()
            paras.append(_Para("rule", []))
            continue
        if (m := _STRONG_NOTE.match(line)) is not None:
            flush()
            current = _Para("note", [m.group(3)], label=m.group(1) or m.group(2))
            continue
        if (m := _FOOTNOTE_DEF.match(line)) is not None:
            flush()
            current = _Para("note", [m.group(2)], label=m.group(1))
            continue
        if (m := _ORDERED.match(line)) is not None:
            flush()
            current = _Para("item", [m.group(3)], label=m.group(1), marker=m.group(2))
            continue
        if (m := _BULLET.match(line)) is not None:
            flush()
            current = _Para("item", [m.group(1)])
            continue
        if current is None:
            current = _Para("text", [line])
        else:
            current.lines.append(line)
    flush()
    return paras
