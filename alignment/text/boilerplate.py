"""Removal of web-site and print boilerplate around a text.

Conservative by design: only the first block(s) and the trailing run of
blocks are examined for site furniture ("Presents a historical document.",
"Return to:", "© 2012 All rights reserved."), and in the middle only blocks
that are nothing but a page number ("- 142 -").  A block is removed only
when all of it matches; a paragraph that merely mentions copyright stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from alignment.text.document import Block

_HEAD_PATTERNS = (
    re.compile(r"^presents an? (?:historical )?document\.?$", re.I),
    re.compile(r"^(?:skip to (?:main )?content|main menu|menu|home)$", re.I),
)

_FOOTER_PATTERNS = (
    re.compile(r"^(?:return|back|go) to\b.{0,80}$", re.I),
    re.compile(r"^address all (?:correspondence|comments|enquiries|inquiries) to\b.{0,120}$", re.I),
    re.compile(r"^(?:©|\(c\)|copyright\b).{0,120}$", re.I),
    re.compile(r"^all rights reserved\.?$", re.I),
    re.compile(r"^(?:top of (?:the )?page|to the top|back to top|наверх|в начало)\.?$", re.I),
    re.compile(r"^(?:вернуться|назад|на главную|к оглавлению)\b.{0,80}$", re.I),
    re.compile(r"^(?:\w+(?: \w+)?\s*[|›»·•]\s*){2,}\w+(?: \w+)?$"),  # "Home | Index | Next"
    re.compile(r"^(?:previous|next|contents|index|home)(?:\s*[|/]\s*(?:previous|next|contents|index|home))*$", re.I),
    re.compile(r"^(?:last (?:updated|modified)|page (?:updated|created))\b.{0,60}$", re.I),
)

_PAGE_NUMBER = re.compile(r"^[-–—]\s*\d{1,4}\s*[-–—]$")
MAX_FOOTER_BLOCKS = 8


def is_footer_text(text: str) -> bool:
    """Whether a whole block is a site-footer line."""
    t = text.strip()
    return bool(t) and len(t) <= 160 and any(p.match(t) for p in _FOOTER_PATTERNS)


def is_page_number(text: str) -> bool:
    """A block that is only a printed page number: "- 142 -"."""
    return bool(_PAGE_NUMBER.match(text.strip()))


def remove_boilerplate(blocks: Sequence[Block]) -> tuple[list[Block], list[Block]]:
    """Return (kept blocks, removed blocks)."""
    keep = [True] * len(blocks)
    for i, block in enumerate(blocks[:3]):
        if block.kind != "note" and any(p.match(block.text.strip()) for p in _HEAD_PATTERNS):
            keep[i] = False
        else:
            break
    end = len(blocks)
    removed_tail = 0
    while end > 0 and removed_tail < MAX_FOOTER_BLOCKS and is_footer_text(blocks[end - 1].text):
        end -= 1
        removed_tail += 1
        keep[end] = False
    for i, block in enumerate(blocks):
        if keep[i] and is_page_number(block.text):
            keep[i] = False
    kept = [b for b, k in zip(blocks, keep) if k]
    removed = [b for b, k in zip(blocks, keep) if not k]
    return kept, removed


def remove_boilerplate_lines(lines: Sequence[str]) -> list[str]:
    """The same rules on lines of text (empty lines are kept and skipped over)."""
    indexed = [(i, ln) for i, ln in enumerate(lines) if ln.strip()]
    blocks = [Block("body", ln.strip()) for _, ln in indexed]
    kept, _ = remove_boilerplate(blocks)
    kept_ids = {id(b) for b in kept}
    dropped = {indexed[n][0] for n, b in enumerate(blocks) if id(b) not in kept_ids}
    return [ln for i, ln in enumerate(lines) if i not in dropped]
