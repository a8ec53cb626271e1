"""The translation report as one self-contained HTML page, with a small bar chart per chapter.

Every piece of text is escaped (``html.escape``); the page forbids scripts and
outside resources through its Content-Security-Policy.  Each chapter's chart is
inline SVG: Russian and English sentences, Russian sentences omitted and
English sentences added, all on one scale for the whole report (the longest
chapter fills the bar), so chapters compare at a glance; the numbers are
written beside the bars.

The window shows the same page in a ``QTextBrowser``, which draws no inline
SVG: ``viewer=True`` puts ``<img src="chart:N">`` in place of each chart (the
dialog supplies the images, drawn from ``chapter_chart_svg``) and makes every
listed bead a link ``bead:N`` (N: bead position from 0; a run of omissions ``bead:N-M``) that jumps
the reader.
"""

from __future__ import annotations

from html import escape

from alignment.report.sections import ChapterReport, ReportItem
from alignment.report.terms import TermRenderings
from db.services.export.report_text import (
    SECTION_TITLES,
    chapter_counts,
    chapter_title,
    counted,
    far_explained,
    item_locator,
    item_note,
    rendering_label,
    shown_beads,
    terms_explained,
    unsure_explained,
)
from db.services.translation_report import ReportSide, TranslationReport

_CSS = """
body { font-family: "Noto Serif", "DejaVu Serif", Georgia, serif; font-size: 11pt; line-height: 1.4;
       margin: 2em auto; max-width: 60em; color: #222; }
h1 { font-size: 16pt; margin-bottom: .3em; }
h2 { font-size: 13pt; margin-top: 1.8em; border-bottom: 1px solid #ccc; }
h3 { font-size: 11pt; margin: 1em 0 .3em 0; }
.label { border: 2px solid #b3261e; background: #fdecea; color: #7a1712; padding: .5em 1em; margin: .6em 0;
         font-weight: bold; }
table.texts { border-collapse: collapse; margin: .6em 0; }
table.texts th { text-align: left; padding: .2em 1em .2em 0; vertical-align: top; font-weight: normal; color: #555; }
table.texts td { padding: .2em 1em .2em 0; vertical-align: top; }
table.totals { border-collapse: collapse; margin: .6em 0; }
table.totals td { padding: .15em 1em .15em 0; }
table.totals td.n { text-align: right; font-weight: bold; }
.explain { font-size: 9.5pt; color: #444; }
.counts { color: #333; }
.item { margin: .4em 0 .8em 0; }
.where { font-size: 9.5pt; color: #555; }
.note { font-size: 9.5pt; color: #8a4b00; }
.quote { margin: .15em 0 .15em 1.2em; padding-left: .6em; border-left: 3px solid #ddd; white-space: pre-wrap; }
.none { color: #777; font-style: italic; }
.term { font-weight: bold; }
.rendering { margin-left: 1.2em; }
@media print { body { margin: 0; max-width: none; font-size: 10pt; } h2, h3 { break-after: avoid; } }
"""
_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"
CHART_WIDTH, BAR_HEIGHT, BAR_GAP, LABEL_WIDTH = 560, 14, 6, 190
_BARS = (  # (label, colour, value of a chapter)
    ("Russian sentences", "#4a6fa5", lambda c: c.ru_sentences),
    ("English sentences", "#6b9b5e", lambda c: c.en_sentences),
    ("Russian sentences omitted", "#c0392b", lambda c: c.omitted_sentences),
    ("English sentences added", "#d68910", lambda c: c.added_sentences),
)


def chart_scale(report: TranslationReport) -> int:
    """The value that fills a bar: the most sentences any chapter has on either side."""
    return max((max(c.ru_sentences, c.en_sentences) for c in report.body.chapters), default=1) or 1


def chart_size() -> tuple[int, int]:
    return CHART_WIDTH, len(_BARS) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP


def chapter_chart_svg(chapter: ChapterReport, scale: int) -> str:
    """A horizontal bar chart of one chapter: sentences each side, omitted and added sentences."""
    width, height = chart_size()
    room = width - LABEL_WIDTH - 50
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(chapter_counts(chapter))}" '
             'font-family="DejaVu Sans, Arial, sans-serif" font-size="11">']
    for k, (label, colour, value_of) in enumerate(_BARS):
        value = int(value_of(chapter))
        y = BAR_GAP + k * (BAR_HEIGHT + BAR_GAP)
        bar = 0 if value == 0 else max(2, round(room * value / scale))
        parts.append(f'<text x="{LABEL_WIDTH - 6}" y="{y + BAR_HEIGHT - 3}" text-anchor="end" fill="#333">'
                     f"{escape(label)}</text>")
        parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{room}" height="{BAR_HEIGHT}" fill="#f0f0ec"/>')
        if bar:
            parts.append(f'<rect x="{LABEL_WIDTH}" y="{y}" width="{bar}" height="{BAR_HEIGHT}" fill="{colour}"/>')
        parts.append(f'<text x="{LABEL_WIDTH + room + 6}" y="{y + BAR_HEIGHT - 3}" fill="#222">{value}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _side_rows(side: ReportSide) -> list[str]:
    name = "Russian text" if side.lang == "ru" else "English text"
    facts = [("title", side.title), ("author", side.author), ("translator", side.translator),
             ("date", side.date), ("kind", side.kind_label), ("source", side.source),
             ("sentences", str(side.sentence_count))]
    rows = [f'<tr><th colspan="2" style="font-weight:bold;color:#222">{escape(name)}</th></tr>']
    rows += [f'<tr><th>{escape(k)}</th><td lang="{side.lang if k == "title" else "en"}">{escape(v)}</td></tr>'
             for k, v in facts if v]
    return rows


def _item(item: ReportItem, viewer: bool) -> list[str]:
    where = escape(item_locator(item))
    if viewer:
        first, last = item.beads
        where = f'<a href="bead:{first}{"" if last == first else f"-{last}"}">{where}</a>'
    out = ['<div class="item">', f'<div class="where">{where}</div>']
    note = item_note(item)
    if note:
        out.append(f'<div class="note">{escape(note)}</div>')
    for lang, text in (("ru", item.ru_text), ("en", item.en_text)):
        if text:
            out.append(f'<div class="quote" lang="{lang}">{escape(text)}</div>')
    out.append("</div>")
    return out


def _terms(terms: tuple[TermRenderings, ...], *, in_beads: bool, viewer: bool) -> list[str]:
    out = []
    for term in terms:
        out += ['<div class="item">', f'<div class="term">{escape(term.headword)}</div>']
        for r in term.renderings:
            beads, more = shown_beads(r)
            numbers = ", ".join(f'<a href="bead:{b}">{b + 1}</a>' if viewer else str(b + 1) for b in beads)
            rest = f" and {more} more" if more else ""
            label = escape(rendering_label(r, in_beads=in_beads))
            where = f"{label}: {numbers}" if in_beads else f'{label} (bead{"s" if len(r.beads) > 1 else ""} {numbers}'
            out.append(f'<div class="rendering">{where}{rest}{"" if in_beads else ")"}</div>')
        out.append("</div>")
    return out


def _chapter(chapter: ChapterReport, several: bool, scale: int, viewer: bool) -> list[str]:
    out = [f'<h2 id="chapter-{chapter.index + 1}">{escape(chapter_title(chapter, several))}</h2>']
    if viewer:
        width, height = chart_size()
        out.append(f'<p><img src="chart:{chapter.index}" width="{width}" height="{height}" '
                   f'alt="{escape(chapter_counts(chapter))}"></p>')
    else:
        out.append(f'<div class="chart">{chapter_chart_svg(chapter, scale)}</div>')
    out.append(f'<p class="counts">{escape(chapter_counts(chapter))}</p>')
    for kind, items in (("omission", chapter.omissions), ("addition", chapter.additions),
                        ("outlier", chapter.outliers), ("unsure", chapter.unsure)):
        if not items:
            continue
        out.append(f"<h3>{escape(SECTION_TITLES[kind])} ({len(items)})</h3>")
        for item in items:
            out += _item(item, viewer)
    if chapter.terms:
        out.append(f"<h3>{escape(SECTION_TITLES['terms'])} ({len(chapter.terms)})</h3>")
        out += _terms(chapter.terms, in_beads=True, viewer=viewer)
    if not chapter.items and not chapter.terms:
        out.append('<p class="none">Nothing to report in this chapter.</p>')
    return out


def report_html(report: TranslationReport, *, viewer: bool = False) -> str:
    """The whole page as a string (``viewer``: links and chart images for the window's dialog)."""
    body = report.body
    title = f"Translation report: {report.work_title}"
    out = ["<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
           f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">',
           '<meta name="generator" content="Sverka">', f"<title>{escape(title)}</title>",
           f"<style>{_CSS}</style>", "</head>", "<body>", f"<h1>{escape(title)}</h1>"]
    for side in report.sides:
        if side.written_by_project:
            out.append(f'<p class="label" lang="en">{escape(side.label_en)}</p>')
            out.append(f'<p class="label" lang="ru">{escape(side.label_ru)}</p>')
    out.append('<table class="texts">')
    for side in report.sides:
        out += _side_rows(side)
    out.append("</table>")
    t = body.totals
    out.append('<table class="totals">')
    for label, value in (("chapters", len(body.chapters)), ("beads", body.bead_count),
                         ("omissions", f"{t['omissions']} ({counted(t['omitted_sentences'], 'Russian sentence')})"),
                         ("additions", f"{t['additions']} ({counted(t['added_sentences'], 'English sentence')})"),
                         ("length outliers", t["outliers"]), ("other unsure beads", t["unsure"]),
                         ("terms rendered in more than one way", len(body.terms))):
        out.append(f'<tr><td>{escape(label)}</td><td class="n">{escape(str(value))}</td></tr>')
    out.append("</table>")
    out.append(f'<p class="explain">{escape(far_explained(body.model))}</p>')
    out.append(f'<p class="explain">{escape(unsure_explained())}</p>')
    out.append(f'<p class="explain">{escape(terms_explained())}</p>')
    out.append(f'<p class="explain">Made by Sverka, {escape(report.made_at)} (alignment {report.alignment_id}).</p>')
    if body.terms:
        out.append(f"<h2>{escape(SECTION_TITLES['terms'])}, in the whole pair ({len(body.terms)})</h2>")
        out += _terms(body.terms, in_beads=False, viewer=viewer)
    several = len(body.chapters) > 1
    scale = chart_scale(report)
    for chapter in body.chapters:
        out += _chapter(chapter, several, scale, viewer)
    out += ["</body>", "</html>", ""]
    return "\n".join(out)


def render_report_html(report: TranslationReport) -> bytes:
    return report_html(report).encode("utf-8")
