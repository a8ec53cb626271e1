"""Linking note calls to note texts in files that print notes as numbered
paragraphs (Markdown and plain-text books such as Rogovin's: each chapter's
calls numbered from 1, its notes after it), then putting the notes after the body.

Each note block gets a key and its printed label; each call gets the key of
the first note with its label after the calling block (or, failing that, the
last one before it).  Once linked, the notes go after the body, in the order the
file prints them, as every book reader (``alignment/text/readers``) stores them:
the reader shows a note in a popup at its call, and the aligner aligns notes
with notes only when both texts keep them after the body (a note left where
Markdown prints it would be an unaligned bead in the middle of a chapter).
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace

from alignment.text.document import Block, NoteRef
from alignment.text.markdown_clean import is_notes_title

_LEADING_LABEL = re.compile(r"^\s*[\[(]?(\d{1,4})[\])]?[.)]?\s+")


def link_notes(blocks: list[Block]) -> list[Block]:
    out = list(blocks)
    positions: dict[str, list[int]] = defaultdict(list)
    for i, b in enumerate(out):
        if b.kind == "note" and b.key is None:
            m = _LEADING_LABEL.match(b.text)
            if m:
                out[i] = replace(b, key=f"n{i + 1}", label=m.group(1))
                positions[m.group(1)].append(i)
    if not positions:
        return out
    for i, b in enumerate(out):
        if not b.notes or all(n.key for n in b.notes):
            continue
        refs = []
        for n in b.notes:
            found = positions.get(n.label, [])
            if n.key or not found:
                refs.append(n)
                continue
            j = bisect.bisect_right(found, i)
            target = found[j] if j < len(found) else found[-1]
            refs.append(NoteRef(n.offset, n.label, out[target].key))
        out[i] = replace(b, notes=tuple(refs))
    return out


def notes_after_body(blocks: list[Block]) -> list[Block]:
    """The body blocks, then every note block in file order.

    A heading such as "Notes" or "Примечания" that introduces nothing but notes
    goes with them, so that the contents do not list empty sections.
    """
    moving = [b.kind == "note" for b in blocks]
    for i, b in enumerate(blocks):
        if b.kind == "heading" and is_notes_title(b.text):
            j = i + 1
            while j < len(blocks) and blocks[j].kind == "note":
                j += 1
            if j > i + 1 and (j == len(blocks) or blocks[j].kind == "heading"):
                moving[i] = True
    if not any(moving):
        return blocks
    return [b for b, move in zip(blocks, moving) if not move] + [b for b, move in zip(blocks, moving) if move]
