"""HTML: a standalone, styled two-column page (Russian | English) that prints well.

Every piece of text is escaped with ``html.escape``; the page also forbids
scripts through a Content-Security-Policy, as a second line of defence.  The
same markup, with ``for_qt=True`` (no CSP, simpler CSS), feeds the PDF writer.
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
.citation dt { font-weight: bold; float: left; clear: left; margin-right: .5em; }
.citation dd { margin: 0 0 .2em 0; }
.label { border: 2px solid #b3261e; background: #fdecea; color: #7a1712; padding: .5em 1em; margin: .6em 0;
         font-weight: bold; }
table.pair { width: 100%; border-collapse: collapse; table-layout: fixed; margin-top: .8em; }
table.pair th { text-align: left; border-bottom: 2px solid #444; padding: .3em .5em; }
table.pair td { vertical-align: top; padding: .35em .5em; border-bottom: 1px solid #ddd;
                white-space: pre-wrap; overflow-wrap: break-word; }
table.pair td.n { width: 3em; color: #888; font-size: 8.5pt; white-space: nowrap; }
thead { display: table-header-group; }
tr { page-break-inside: avoid; break-inside: avoid; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } .citation { background: none; } }
"""

# Qt's rich text has no max-width and draws dl/dd backgrounds per line: keep the page plain.
_QT_CSS = """
body { margin: 0; max-width: none; font-size: 10pt; }
.citation { background: none; }
"""

_CSP = "default-src 'none'; style-src 'unsafe-inline'"


def _citation(excerpt: Excerpt, document: ExportDocument) -> list[str]:
    out = []
    for label in project_labels(excerpt):
        out.append(f'<p class="label" lang="en">{escape(label.en)}</p>')
        out.append(f'<p class="label" lang="ru">{escape(label.ru)}</p>')
    out.append('<dl class="citation">')
    for name, value in citation_fields(excerpt, document):
        out.append(f"<dt>{escape(name)}:</dt><dd>{escape(value)}</dd>")
    out.append("</dl>")
    return out


def _table(excerpt: Excerpt, for_qt: bool) -> list[str]:
    attrs = ' width="100%" cellspacing="0" cellpadding="4" border="0"' if for_qt else ""
    out = [
        f'<table class="pair"{attrs}>',
        '<thead><tr><th class="n">#</th><th lang="ru">Русский</th><th lang="en">English</th></tr></thead>',
        "<tbody>",
    ]
    for b in excerpt.beads:
        # Qt's rich text knows no pre-wrap: newlines inside a sentence become <br>.
        ru, en = escape(b.ru), escape(b.en)
        if for_qt:
            ru, en = ru.replace("\n", "<br>"), en.replace("\n", "<br>")
        width = ' width="47%"' if for_qt else ""
        out.append(
            f'<tr><td class="n">{b.position + 1}</td><td lang="ru"{width}>{ru}</td><td lang="en"{width}>{en}</td></tr>'
        )
    out += ["</tbody>", "</table>"]
    return out


def render_html(document: ExportDocument, *, for_qt: bool = False) -> bytes:
    head = ['<!DOCTYPE html>', '<html lang="en">', "<head>", '<meta charset="utf-8">']
    if not for_qt:
        head.append(f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">')
        head.append('<meta name="viewport" content="width=device-width, initial-scale=1">')
    head += [f"<title>{escape(document.title)}</title>", f"<style>{_CSS}{_QT_CSS if for_qt else ''}</style>", "</head>", "<body>"]
    body = [f"<h1>{escape(document.title)}</h1>"]
    several = len(document.excerpts) > 1
    for excerpt in document.excerpts:
        if several or excerpt.heading:
            body.append(f"<h2>{escape(excerpt.heading or excerpt.work_title)}</h2>")
        body += _citation(excerpt, document)
        body += _table(excerpt, for_qt)
    return "\n".join(head + body + ["</body>", "</html>", ""]).encode("utf-8")
