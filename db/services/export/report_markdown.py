"""The translation report as Markdown: header, totals, then per chapter its counts and listed beads.

Text is escaped with the exports' CommonMark escaping (``markdown.escape_md``),
so markup in a title or a sentence stays literal.  A chapter's "chart" is its
counts line (Markdown has no pictures of its own).
"""

from __future__ import annotations

from alignment.report.sections import ChapterReport, ReportItem
from db.services.export.markdown import escape_md
from db.services.export.report_text import (
    SECTION_TITLES,
    chapter_counts,
    chapter_title,
    far_explained,
    term_line,
    terms_explained,
    totals_line,
    item_locator,
    item_note,
    unsure_explained,
)
from db.services.translation_report import ReportSide, TranslationReport


def _side(side: ReportSide) -> list[str]:
    name = "Russian text" if side.lang == "ru" else "English text"
    facts = [("author", side.author), ("translator", side.translator), ("date", side.date),
             ("kind", side.kind_label), ("source", side.source), ("sentences", str(side.sentence_count))]
    return [f"- **{name}:** {escape_md(side.title)}"] + [f"  - {k}: {escape_md(v)}" for k, v in facts if v]


def _item(item: ReportItem) -> list[str]:
    note = item_note(item)
    out = [f"- **{escape_md(item_locator(item))}**" + (f" — *{escape_md(note)}*" if note else "")]
    for lang, text in (("RU", item.ru_text), ("EN", item.en_text)):
        if text:
            out.append(f"  > {lang}: {escape_md(text).replace(chr(10), chr(10) + '  > ')}")
    return out


def _chapter(chapter: ChapterReport, several: bool) -> list[str]:
    out = [f"## {escape_md(chapter_title(chapter, several))}", "", escape_md(chapter_counts(chapter)), ""]
    for kind, items in (("omission", chapter.omissions), ("addition", chapter.additions),
                        ("outlier", chapter.outliers), ("unsure", chapter.unsure)):
        if items:
            out += [f"### {SECTION_TITLES[kind]} ({len(items)})", ""]
            for item in items:
                out += _item(item)
            out.append("")
    if chapter.terms:
        out += [f"### {SECTION_TITLES['terms']} ({len(chapter.terms)})", ""]
        out += [f"- {escape_md(term_line(t, in_beads=True))}" for t in chapter.terms] + [""]
    if not chapter.items and not chapter.terms:
        out += ["*Nothing to report in this chapter.*", ""]
    return out


def report_markdown(report: TranslationReport) -> str:
    body = report.body
    out = [f"# Translation report: {escape_md(report.work_title)}", ""]
    for side in report.sides:
        if side.written_by_project:
            out += [f"> **NOTE:** {escape_md(side.label_en)}", ">",
                    f"> **ВНИМАНИЕ:** {escape_md(side.label_ru)}", ""]
    for side in report.sides:
        out += _side(side)
    out += ["", totals_line(body), "",
            escape_md(far_explained(body.model)), "", escape_md(unsure_explained()), "",
            escape_md(terms_explained()), "",
            f"*Made by Sverka, {report.made_at} (alignment {report.alignment_id}).*", ""]
    if body.terms:
        out += [f"## {SECTION_TITLES['terms']}, in the whole pair ({len(body.terms)})", ""]
        out += [f"- {escape_md(term_line(t, in_beads=False))}" for t in body.terms] + [""]
    several = len(body.chapters) > 1
    for chapter in body.chapters:
        out += _chapter(chapter, several)
    return "\n".join(out)


def render_report_markdown(report: TranslationReport) -> bytes:
    return report_markdown(report).encode("utf-8")
