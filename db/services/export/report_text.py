"""Words every format of the translation report shares: locators, section names, what "far" means.

The report speaks English, like an export cited in Chicago style (the window
translates its own dialog, not the files it writes).  Numbers shown to a
reader count from 1, as the reader and ``sverka export --range`` do.
"""

from __future__ import annotations

from alignment.aligner.scoring.confidence import REASONS
import math

from alignment.report.length import MIN_OUTLIER_CHARS, MIN_SCALE, LengthModel
from alignment.report.sections import ChapterReport, ReportBody, ReportItem
from alignment.report.terms import Rendering, TermRenderings

SECTION_TITLES = {
    "omission": "Omissions: Russian with no English",
    "addition": "Additions: English with no Russian",
    "outlier": "Length outliers: English far longer or shorter than expected",
    "unsure": "Unsure beads",
    "terms": "Terms rendered in more than one way",
}
SHOWN_BEADS = 8  # a rendering's beads listed by number; the rest are counted
FRONT_TITLE = "Before the first chapter"
WHOLE_TITLE = "The whole text (no chapter headings)"


def sentence_span(span: tuple[int, int] | None) -> str:
    if span is None:
        return "—"
    first, last = span[0] + 1, span[1] + 1
    return f"sentence {first}" if first == last else f"sentences {first}–{last}"


def side_locator(lang: str, span: tuple[int, int] | None, page: str | None) -> str:
    name = "Russian" if lang == "ru" else "English"
    if span is None:
        return f"{name}: none"
    return f"{name} {sentence_span(span)}" + (f", p. {page}" if page else "")


def item_locator(item: ReportItem) -> str:
    """"Bead 13 · Russian sentences 34–35, p. 45 · English: none"."""
    first, last = item.beads
    beads = f"Bead {first + 1}" if first == last else f"Beads {first + 1}–{last + 1}"
    return " · ".join(
        (beads, side_locator("ru", item.ru_sentences, item.ru_page),
         side_locator("en", item.en_sentences, item.en_page))
    )


def rendering_label(rendering: Rendering, *, in_beads: bool) -> str:
    """"“kolkhoz” 12 times" (the pair) or "“kolkhoz” in 3 beads" (a chapter); "not rendered …"."""
    what = f"“{rendering.text}”" if rendering.text is not None else "not rendered"
    if in_beads:
        return f"{what} in {counted(rendering.count, 'bead')}"
    return f"{what} {rendering.count} {'time' if rendering.count == 1 else 'times'}"


def shown_beads(rendering: Rendering) -> tuple[list[int], int]:
    """The first bead positions of a rendering to list, and how many more there are."""
    return list(rendering.beads[:SHOWN_BEADS]), max(0, len(rendering.beads) - SHOWN_BEADS)


def term_line(term: TermRenderings, *, in_beads: bool) -> str:
    """One line of plain text: "USSR: “USSR” 49 times (beads 2, 5, …); “Soviet Union” 5 times (beads 26)",
    in a chapter "USSR: “USSR” in 13 beads: 5, 6, …; “Soviet Union” in 1 bead: 26"."""
    parts = []
    for r in term.renderings:
        beads, more = shown_beads(r)
        where = ", ".join(str(b + 1) for b in beads) + (f" and {more} more" if more else "")
        label = rendering_label(r, in_beads=in_beads)
        parts.append(f"{label}: {where}" if in_beads else f"{label} (bead{'s' if len(r.beads) > 1 else ''} {where})")
    return f"{term.headword}: " + "; ".join(parts)


def terms_explained() -> str:
    return ("Terms rendered in more than one way: glossary terms of the original that the translation renders "
            "in two or more ways (forms differing only by case, an English plural or a Russian ending count "
            "as one form; forms that are the same words in another part of speech, as \u201ccentrism\u201d and "
            "\u201ccentrist\u201d, or one inside the other, count as one way and are shown together). "
            "In the whole pair a rendering is counted in occurrences, in a chapter in beads.")


def item_note(item: ReportItem) -> str:
    """What is special about an item beyond its kind (the ratio of an outlier, the reason of an unsure bead)."""
    if item.kind == "outlier" and item.ratio is not None:
        if item.ratio >= 1:
            return f"the English is {item.ratio:.1f} times as long as expected"
        return f"the English is {1 / item.ratio:.1f} times shorter than expected"
    if item.kind == "unsure":
        reason = REASONS.get(item.doubt or "", "the aligner's confidence in this bead is low")
        return f"unsure: {reason}"
    return ""


def chapter_title(chapter: ChapterReport, several: bool) -> str:
    titles = [t for t in (chapter.ru_title, chapter.en_title) if t]
    if titles:
        return " / ".join(dict.fromkeys(titles))
    return FRONT_TITLE if chapter.front or several else WHOLE_TITLE


def chapter_length(chapter: ChapterReport) -> str:
    """How long the chapter's English is against what the pair's ratio expects ("" when too short to say)."""
    if chapter.length_vs_usual is None:
        return ""
    change = chapter.length_vs_usual - 1
    if abs(change) < 0.05:
        return "The English is as long as the pair's ratio expects."
    more = "longer" if change > 0 else "shorter"
    return f"The English is {abs(change):.0%} {more} than the pair's ratio expects."


def counted(n: int, noun: str) -> str:
    """"1 omission", "3 omissions" (every noun of the report takes an -s)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def findings(omissions: int, omitted: int, additions: int, added: int, outliers: int, unsure: int) -> str:
    """"1 omission (3 Russian sentences), 0 additions (…), 2 length outliers, 1 other unsure bead"."""
    return (f"{counted(omissions, 'omission')} ({counted(omitted, 'Russian sentence')}), "
            f"{counted(additions, 'addition')} ({counted(added, 'English sentence')}), "
            f"{counted(outliers, 'length outlier')}, {counted(unsure, 'other unsure bead')}")


def totals_line(body: ReportBody) -> str:
    t = body.totals
    return (f"{counted(len(body.chapters), 'chapter')}, {counted(body.bead_count, 'bead')}: "
            + findings(t["omissions"], t["omitted_sentences"], t["additions"], t["added_sentences"],
                       t["outliers"], t["unsure"]) + f"; {counted(len(body.terms), 'term')} rendered in more "
            "than one way.")


def chapter_counts(chapter: ChapterReport) -> str:
    length = chapter_length(chapter)
    return (
        f"Beads {chapter.first_bead + 1}–{chapter.last_bead + 1}: {chapter.ru_sentences} Russian and "
        f"{counted(chapter.en_sentences, 'English sentence')}; "
        + findings(len(chapter.omissions), chapter.omitted_sentences, len(chapter.additions),
                   chapter.added_sentences, len(chapter.outliers), len(chapter.unsure))
        + "." + (f" {length}" if length else "")
    )


def far_explained(model: LengthModel) -> str:
    """What "far longer or shorter" means for this pair, in one paragraph."""
    return (
        f"In this pair the English has, as a rule, {model.ratio:.2f} characters per Russian character (the median "
        f"over {model.beads_used} beads long enough to count). A bead is listed as a length outlier when its "
        f"English is at least {model.far_factor:.1f} times longer or shorter than that: {model.far_z:g} robust "
        f"standard deviations of the pair's own ratios (from their median absolute deviation), never under "
        f"{math.exp(model.far_z * MIN_SCALE):.1f} times. Beads with under {MIN_OUTLIER_CHARS} characters on "
        f"both sides are not judged."
    )


def unsure_explained() -> str:
    return ("Unsure beads are those the aligner is not sure of (the reader's orange mark) and you have not "
            "confirmed; omissions and additions, uncertain by nature, are listed above and not repeated.")
