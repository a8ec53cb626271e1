"""Linking note calls to note texts in files that print notes as numbered
paragraphs (Markdown and plain-text books such as Rogovin's: each chapter's
calls numbered from 1, its notes after it).

Each note block gets a key and its printed label; each call gets the key of
the first note with its label after the calling block (or, failing that, the
last one before it).  The note texts stay where the file prints them.
"""

from __future__ import annotations

import bisect
import re
from collections import defaultdict
from dataclasses import replace

from alignment.text.document import Block, NoteRef

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
