"""Markdown: the citation as a quote block, then each bead as a Russian and an English paragraph.

Text is escaped for CommonMark: inline markup characters are backslash-escaped
everywhere, and so is what would open a block at the start of a line (``#``,
``>``, ``-``, ``1.``), so ``<script>``, ``*``, ``|`` or a leading ``#`` stay
literal; a newline inside a sentence becomes a hard line break, and leading
blanks are dropped (four would make a code block).
"""

from __future__ import annotations

import re

from db.dto import ExportDocument
from db.services.export.citation import citation_fields, project_labels

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
# What starts a block at the beginning of a line: heading, quote, list, setext line, fence.
_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


def _escape_line(line: str) -> str:
    line = _SPECIAL.sub(r"\\\1", line)
    match = _LINE_START.match(line)
    if match and match.group(2).isdigit():
        end = match.end()
        return line[:end] + "\\" + line[end:]
    return _LINE_START.sub(r"\1\\\2", line) if match else line


def escape_md(text: str) -> str:
    """Escape a sentence for CommonMark; a line break becomes a hard break (backslash-newline)."""
    lines = [_escape_line(line.replace("\t", "    ").strip("\r").lstrip()) for line in text.split("\n")]
    # A line of only spaces would end the paragraph; keep it inside with a non-breaking space.
    lines = [line if line.strip() else "\u00a0" for line in lines]
    return "\\\n".join(lines)


def render_markdown(document: ExportDocument) -> bytes:
    out = [f"# {escape_md(document.title)}", ""]
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            out += [f"## {escape_md(excerpt.heading or excerpt.work_title)}", ""]
        for label in project_labels(excerpt):
            out += [f"> **NOTE:** {escape_md(label.en)}", ">", f"> **ВНИМАНИЕ:** {escape_md(label.ru)}", ""]
        for name, value in citation_fields(excerpt, document):
            out.append(f"> **{escape_md(name)}:** {value.markdown(escape_md)}  ")
        out.append("")
        for b in excerpt.beads:
            out.append(f"**{b.position + 1}.** {escape_md(b.ru) if b.ru else '—'}")
            out += [f"<sup>{escape_md(n.label)}</sup> *{escape_md(n.text)}*  " for n in b.ru_notes]
            out.append("")
            out.append(escape_md(b.en) if b.en else "—")
            out += [f"<sup>{escape_md(n.label)}</sup> *{escape_md(n.text)}*  " for n in b.en_notes]
            out += ["", "---", ""]
    return "\n".join(out).encode("utf-8")
