"""HTML: a standalone, styled two-column page (Russian | English) that prints well.

Every piece of text is escaped with ``html.escape``; the page also forbids
scripts through a Content-Security-Policy, as a second line of defence.  The
bead-number column is narrow (a ``colgroup`` fixes its width), and every
element holding text says its language (``lang``), so browsers hyphenate, spell-check
and read it aloud in the right language.
"""

from __future__ import annotations

from html import escape

from db.dto import Excerpt, ExportDocument
from db.services.export.citation import citation_fields, project_labels

_CSS = """
body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.4;
       margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 16pt; margin-bottom: .3em; }
h2 { font-size: 13pt; margin-top: 1.6em; }
.citation { border: 1px solid #bbb; background: #f7f7f4; padding: .6em 1em; font-size: 9.5pt; }
.citation dt { font-weight: bold; }
.citation dd { margin: 0 0 .35em 1.2em; }
.label { border: 2px solid #b3261e; background: #fdecea; color: #7a1712; padding: .5em 1em; margin: .6em 0;
         font-weight: bold; }
table.pair { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: .8em; }
table.pair col.n { width: 2.6em; }
table.pair th { text-align: left; border-bottom: 2px solid #444; padding: .3em .5em; }
table.pair td { vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #ddd;
                white-space: pre-wrap; overflow-wrap: break-word; }
table.pair td.n, table.pair th.n { color: #888; font-size: 8.5pt; padding-left: 0; padding-right: .3em;
                                   text-align: right; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } .citation { background: none; }
               h1, h2, .label, dt { break-after: avoid; page-break-after: avoid; } }
.notes { margin-top: 0.4em; border-top: 1px solid #ddd; font-size: 9pt; color: #444; }
.notes p { margin: 0.2em 0; }
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _citation(excerpt: Excerpt, document: ExportDocument, lang: str) -> list[str]:
    out = []
    for label in project_labels(excerpt):
        out.append(f'<p class="label" lang="en">{escape(label.en)}</p>')
        out.append(f'<p class="label" lang="ru">{escape(label.ru)}</p>')
    out.append(f'<dl class="citation" lang="{lang}">')
    for name, value in citation_fields(excerpt, document):
        out.append(f"<dt>{escape(name)}:</dt><dd>{value.html()}</dd>")
    out.append("</dl>")
    return out


def _table(excerpt: Excerpt, lang: str) -> list[str]:
    out = [
        '<table class="pair">',
        '<colgroup><col class="n"><col class="ru"><col class="en"></colgroup>',
        f'<thead><tr><th class="n" lang="{lang}">#</th><th lang="ru">Русский</th><th lang="en">English</th></tr></thead>',
        "<tbody>",
    ]
    for b in excerpt.beads:
        out.append(
            f'<tr><td class="n" lang="{lang}">{b.position + 1}</td>'
            f'<td lang="ru">{escape(b.ru)}{_notes(b.ru_notes, "ru")}</td>'
            f'<td lang="en">{escape(b.en)}{_notes(b.en_notes, "en")}</td></tr>'
        )
    out += ["</tbody>", "</table>"]
    return out


def _notes(notes, lang: str) -> str:  # type: ignore[no-untyped-def]
    """The notes a cell's sentences call, under its text, each with its printed label."""
    if not notes:
        return ""
    items = "".join(f'<p class="note" lang="{lang}"><sup>{escape(n.label)}</sup> {escape(n.text)}</p>' for n in notes)
    return f'<div class="notes">{items}</div>'


def document_lang(document: ExportDocument) -> str:
    """The language of the words around the quotations: the citation style's (GOST: Russian)."""
    return "ru" if document.style == "gost" else "en"


def render_html(document: ExportDocument) -> bytes:
    lang = document_lang(document)
    head = ['<!DOCTYPE html>', f'<html lang="{lang}">', "<head>", '<meta charset="utf-8">',
            f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
            '<meta name="viewport" content="width=device-width, initial-scale=1">',
            f'<meta name="author" content="{escape(document.author)}">' if document.author else "",
            '<meta name="generator" content="Sverka">',
            f"<title>{escape(document.title)}</title>", f"<style>{_CSS}</style>", "</head>", "<body>"]
    body = [f"<h1>{escape(document.title)}</h1>"]
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            body.append(f"<h2>{escape(excerpt.heading or excerpt.work_title)}</h2>")
        body += _citation(excerpt, document, lang)
        body += _table(excerpt, lang)
    return "\n".join([h for h in head if h] + body + ["</body>", "</html>", ""]).encode("utf-8")
