"""The translation report as JSON, for scripts.  The shape (version 1; numbers count from 1):

    {"format": "sverka-translation-report", "version": 1, "made_at": "2026-12-05 07:10 UTC",
     "alignment_id": 2, "work": {"title": str, "author": str},
     "texts": {"ru": TEXT, "en": TEXT},
     "length_model": {"ratio": float,          # English chars per Russian char, as a rule (median)
                      "log_centre": float, "log_scale": float,   # median and robust spread of ln(ratio)
                      "far_z": 3.5, "far_factor": float,         # listed when >= far_factor times off
                      "min_chars": int, "beads_used": int},
     "totals": {"ru_sentences", "en_sentences", "omissions", "omitted_sentences", "additions",
                "added_sentences", "outliers", "unsure", "varied_terms": int},
     "chapters": [{"number": int, "title": {"ru": str, "en": str}, "front_matter": bool,
                   "beads": [first, last], "sentences": {"ru": int, "en": int},
                   "omitted_sentences": int, "added_sentences": int, "chars": {"ru": int, "en": int},
                   "length_vs_usual": float | null,  # English chars / those the pair's ratio expects
                   "omissions": [ITEM], "additions": [ITEM], "outliers": [ITEM], "unsure": [ITEM],
                   "terms": [TERM]}],   # counts in beads within the chapter
     "terms": [TERM]}                 # the whole pair: counts in occurrences
    TEXT = {"id", "lang", "title", "author", "translator", "date", "source", "kind", "kind_label": str,
            "written_by_project": bool, "label": {"en": str, "ru": str} | null, "sentences": int,
            "has_pages": bool}
    ITEM = {"bead": int, "beads": [first, last],   # consecutive omissions (additions) are one item
            "ru_sentences": [first, last] | null, "en_sentences": [first, last] | null,
            "ru_page": str | null, "en_page": str | null, "ru_text": str, "en_text": str,
            "length_ratio": float (outliers: English length / expected), "reason": str, "reason_code": str,
            "confidence": float (unsure beads)}
    TERM = {"entry": str, "headword": str,   # a glossary term rendered in more than one way
            "renderings": [{"text": str | null (null: not rendered), "count": int, "beads": [int]}]}
"""

from __future__ import annotations

import json
from typing import Any

from alignment.report.length import MIN_OUTLIER_CHARS
from alignment.report.sections import ChapterReport, ReportItem
from alignment.report.terms import TermRenderings
from alignment.aligner.scoring.confidence import REASONS
from db.services.translation_report import ReportSide, TranslationReport

FORMAT_NAME, FORMAT_VERSION = "sverka-translation-report", 1


def _span(span: tuple[int, int] | None) -> list[int] | None:
    return None if span is None else [span[0] + 1, span[1] + 1]


def _text(side: ReportSide) -> dict[str, Any]:
    return {
        "id": side.text_id, "lang": side.lang, "title": side.title, "author": side.author,
        "translator": side.translator, "date": side.date, "source": side.source, "kind": side.kind,
        "kind_label": side.kind_label, "written_by_project": side.written_by_project,
        "label": {"en": side.label_en, "ru": side.label_ru} if side.written_by_project else None,
        "sentences": side.sentence_count, "has_pages": side.has_pages,
    }


def _item(item: ReportItem) -> dict[str, Any]:
    data: dict[str, Any] = {
        "bead": item.bead + 1, "beads": [item.beads[0] + 1, item.beads[1] + 1],
        "ru_sentences": _span(item.ru_sentences), "en_sentences": _span(item.en_sentences),
        "ru_page": item.ru_page, "en_page": item.en_page, "ru_text": item.ru_text, "en_text": item.en_text,
    }
    if item.kind == "outlier" and item.ratio is not None:
        data["length_ratio"] = round(item.ratio, 3)
    if item.kind == "unsure":
        data["reason_code"] = item.doubt or ""
        data["reason"] = REASONS.get(item.doubt or "", "the aligner's confidence in this bead is low")
        data["confidence"] = None if item.confidence is None else round(item.confidence, 4)
    return data


def _terms(terms: tuple[TermRenderings, ...]) -> list[dict[str, Any]]:
    return [{"entry": t.entry_id, "headword": t.headword,
             "renderings": [{"text": r.text, "count": r.count, "beads": [b + 1 for b in r.beads]}
                            for r in t.renderings]} for t in terms]


def _chapter(chapter: ChapterReport) -> dict[str, Any]:
    return {
        "number": chapter.index + 1, "title": {"ru": chapter.ru_title, "en": chapter.en_title},
        "front_matter": chapter.front, "beads": [chapter.first_bead + 1, chapter.last_bead + 1],
        "sentences": {"ru": chapter.ru_sentences, "en": chapter.en_sentences},
        "omitted_sentences": chapter.omitted_sentences, "added_sentences": chapter.added_sentences,
        "chars": {"ru": chapter.ru_chars, "en": chapter.en_chars},
        "length_vs_usual": None if chapter.length_vs_usual is None else round(chapter.length_vs_usual, 3),
        "omissions": [_item(i) for i in chapter.omissions], "additions": [_item(i) for i in chapter.additions],
        "outliers": [_item(i) for i in chapter.outliers], "unsure": [_item(i) for i in chapter.unsure],
        "terms": _terms(chapter.terms),
    }


def report_data(report: TranslationReport) -> dict[str, Any]:
    model = report.body.model
    return {
        "format": FORMAT_NAME, "version": FORMAT_VERSION, "made_at": report.made_at,
        "alignment_id": report.alignment_id, "work": {"title": report.work_title, "author": report.work_author},
        "texts": {"ru": _text(report.ru), "en": _text(report.en)},
        "length_model": {"ratio": round(model.ratio, 4), "log_centre": round(model.centre, 4),
                         "log_scale": round(model.scale, 4), "far_z": model.far_z,
                         "far_factor": round(model.far_factor, 3),
                         "min_chars": MIN_OUTLIER_CHARS, "beads_used": model.beads_used},
        "totals": dict(report.body.totals),
        "chapters": [_chapter(c) for c in report.body.chapters],
        "terms": _terms(report.body.terms),
    }


def render_report_json(report: TranslationReport) -> bytes:
    return (json.dumps(report_data(report), ensure_ascii=False, indent=1) + "\n").encode("utf-8")
