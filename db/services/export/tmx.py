"""TMX 1.4b: one translation unit per bead, Russian source, provenance in every unit.

CAT tools (Trados, memoQ, OmegaT, Wordfast) expect full locale codes, so the
languages are ``ru-RU`` and ``en-US``.  The header carries the tool, the dates
and the whole citation block; each unit carries its bead number, status and
citation (``<prop>``), and each variant its text's kind, translator, printed
page or Sverka paragraph (``<prop>`` inside ``<tuv>``), so a unit pulled out of
a memory still says what it is.  A unit from a working translation or a
back-translation also has a ``<note>`` saying so.  Written by hand so that
escaping is explicit; valid against the TMX 1.4b DTD.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from importlib.metadata import PackageNotFoundError, version

from db.dto import Excerpt, ExcerptBead, ExcerptNote, ExportDocument, TextCitation
from db.services.export.citation import bead_citation, citation_text, project_labels, short_label
from db.services.export.textsafety import xml_attr, xml_text

TMX_DOCTYPE = '<!DOCTYPE tmx SYSTEM "tmx14.dtd">'
LOCALES = {"ru": "ru-RU", "en": "en-US"}


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
        _prop(p + "rights", side.rights, indent),
    ]


def _excerpt_props(excerpt: Excerpt, document: ExportDocument, indent: str) -> list[str]:
    lines = [_prop("x-work", excerpt.work_title, indent), _prop("x-work-author", excerpt.work_author, indent)]
    lines += _side_props(excerpt.ru, indent) + _side_props(excerpt.en, indent)
    for side in excerpt.citation.sides if excerpt.citation is not None else ():
        # the whole bibliographic record, so that Sverka's import brings it back
        record = replace(side.record, bundled=False).to_csl()
        lines.append(_prop(f"x-{side.lang}-record", json.dumps(record, ensure_ascii=False), indent))
    for label in project_labels(excerpt):
        lines.append(_prop(f"x-{label.lang}-label", f"{label.en} / {label.ru}", indent))
    lines.append(_prop("x-beads", f"{excerpt.bead_first + 1}-{excerpt.bead_last + 1}", indent))
    lines.append(_prop("x-citation", citation_text(excerpt, document), indent))
    return lines


def _tuv(side: TextCitation, text: str, page: str | None, paragraph: int | None, indent: str,
         notes: tuple[ExcerptNote, ...] = ()) -> list[str]:
    lines = [f'{indent}<tuv xml:lang="{LOCALES[side.lang]}">']
    inner = indent + "  "
    # The DTD puts notes before props: the foot- and endnotes the segment's sentences call.
    lines += [f"{inner}<note>{xml_text(f'[{n.label}] {n.text}')}</note>" for n in notes]
    lines.append(_prop("x-kind", side.kind, inner))
    if side.translator:
        lines.append(_prop("x-translator", side.translator, inner))
    if page:
        lines.append(_prop("x-page", page, inner))
    if paragraph is not None:
        lines.append(_prop("x-paragraph", str(paragraph + 1), inner))
    lines.append(f"{inner}<seg>{xml_text(text)}</seg>")
    lines.append(f"{indent}</tuv>")
    return lines


def _unit(excerpt: Excerpt, b: ExcerptBead, document: ExportDocument, tuid: str, stamp: str, n: int | None) -> list[str]:
    out = [f'    <tu tuid="{tuid}" creationdate="{stamp}" changedate="{stamp}">']
    for kind in (excerpt.ru.kind, excerpt.en.kind):
        if short_label(kind):
            out.append(f"      <note>{xml_text(short_label(kind))}</note>")
    if n is not None:
        out.append(_prop("x-excerpt", str(n), "      "))
    out.append(_prop("x-bead", str(b.position + 1), "      "))
    out.append(_prop("x-status", b.status, "      "))
    citation = bead_citation(excerpt, b, document)
    if citation:
        out.append(_prop("x-citation", citation, "      "))
    out += _tuv(excerpt.ru, b.ru, b.ru_page, b.ru_paragraph, "      ", b.ru_notes)
    out += _tuv(excerpt.en, b.en, b.en_page, b.en_paragraph, "      ", b.en_notes)
    out.append("    </tu>")
    return out


def render_tmx(document: ExportDocument) -> bytes:
    now = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    creator = f' creationid="{xml_attr(document.author)}"' if document.author else ""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        TMX_DOCTYPE,
        '<tmx version="1.4">',
        f'  <header creationtool="Sverka" creationtoolversion="{xml_attr(_tool_version())}" segtype="sentence" '
        f'o-tmf="Sverka" adminlang="en-US" srclang="{LOCALES["ru"]}" datatype="plaintext" o-encoding="UTF-8" '
        f'creationdate="{now}" changedate="{now}"{creator}>',
        _prop("x-title", document.title, "    "),
        _prop("x-citation-style", document.style, "    "),
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
            out += _unit(excerpt, b, document, tuid, now, n if several else None)
    out += ["  </body>", "</tmx>", ""]
    return "\n".join(out).encode("utf-8")
