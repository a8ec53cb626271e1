"""Plain text: the citation block, then for each bead the Russian paragraph and the English one."""

from __future__ import annotations

from db.dto import ExportDocument
from db.services.export.citation import citation_text


def render_text(document: ExportDocument) -> bytes:
    out = [document.title, "=" * min(len(document.title), 72), ""]
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            out += [excerpt.heading or excerpt.work_title, "-" * min(len(excerpt.heading or excerpt.work_title), 72)]
        out += [citation_text(excerpt, document), ""]
        for b in excerpt.beads:
            out.append(f"[{b.position + 1}]")
            out.append(b.ru or "—")
            out += [f"    [{n.label}] {n.text}" for n in b.ru_notes]
            out.append("")
            out.append(b.en or "—")
            out += [f"    [{n.label}] {n.text}" for n in b.en_notes]
            out.append("")
    return "\n".join(out).encode("utf-8")
