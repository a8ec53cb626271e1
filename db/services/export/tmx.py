"""TMX 1.4b: one translation unit per bead, Russian source, citation as properties.

Header properties describe the texts (``x-ru-title``, ``x-en-kind``…) and hold
the whole citation block (``x-citation``); each unit carries its bead number,
paragraph numbers and status.  Written by hand so that escaping is explicit.
"""

from __future__ import annotations

import datetime as dt
from importlib.metadata import PackageNotFoundError, version

from db.dto import Excerpt, ExportDocument, TextCitation
from db.services.export.citation import citation_text, project_labels
from db.services.export.textsafety import xml_attr, xml_text

TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'


def _tool_version() -> str:
    try:
        return version("sverka")
    except PackageNotFoundError:
        return "0"


def _prop(kind: str, value: str, indent: str) -> str:
    return f'{indent}<prop type="{xml_attr(kind)}">{xml_text(value)}</prop>'


def _side_props(side: TextCitation, indent: str) -> list[str]:
    p = f"x-{side.lang}-"
    return [
        _prop(p + "title", side.title, indent),
        _prop(p + "author", side.author, indent),
        _prop(p + "kind", side.kind, indent),
        _prop(p + "translator", side.translator, indent),
        _prop(p + "date", side.date, indent),
        _prop(p + "source", side.source, indent),
    ]


def _excerpt_props(excerpt: Excerpt, document: ExportDocument, indent: str) -> list[str]:
    lines = [_prop("x-work", excerpt.work_title, indent), _prop("x-work-author", excerpt.work_author, indent)]
    lines += _side_props(excerpt.ru, indent) + _side_props(excerpt.en, indent)
    for label in project_labels(excerpt):
        lines.append(_prop(f"x-{label.lang}-label", f"{label.en} / {label.ru}", indent))
    lines.append(_prop("x-beads", f"{excerpt.bead_first + 1}-{excerpt.bead_last + 1}", indent))
    lines.append(_prop("x-citation", citation_text(excerpt, document), indent))
    return lines


def render_tmx(document: ExportDocument) -> bytes:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        TMX_DOCTYPE,
        '<tmx version="1.4">',
        f'  <header creationtool="Sverka" creationtoolversion="{xml_attr(_tool_version())}" segtype="sentence" '
        f'o-tmf="Sverka" adminlang="en" srclang="ru" datatype="plaintext" o-encoding="UTF-8" creationdate="{now}">',
        _prop("x-title", document.title, "    "),
    ]
    several = len(document.excerpts) > 1
    for n, excerpt in enumerate(document.excerpts, 1):
        if several:
            out.append(_prop("x-excerpt", str(n), "    "))
        out += _excerpt_props(excerpt, document, "    ")
    out += ["  </header>", "  <body>"]
    for n, excerpt in enumerate(document.excerpts, 1):
        for b in excerpt.beads:
            tuid = f"{n}-{b.position + 1}" if several else str(b.position + 1)
            out.append(f'    <tu tuid="{tuid}">')
            if several:
                out.append(_prop("x-excerpt", str(n), "      "))
            out.append(_prop("x-bead", str(b.position + 1), "      "))
            if b.ru_paragraph is not None:
                out.append(_prop("x-ru-paragraph", str(b.ru_paragraph + 1), "      "))
            if b.en_paragraph is not None:
                out.append(_prop("x-en-paragraph", str(b.en_paragraph + 1), "      "))
            out.append(_prop("x-status", b.status, "      "))
            out.append(f'      <tuv xml:lang="ru"><seg>{xml_text(b.ru)}</seg></tuv>')
            out.append(f'      <tuv xml:lang="en"><seg>{xml_text(b.en)}</seg></tuv>')
            out.append("    </tu>")
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out).encode("utf-8")
