"""Acceptance of the translation report: omissions and additions planted in a real pair are listed.

The bundled 1931 platform (Russian original, and the English working
translation whose alignment was checked bead by bead) is made into an
abridged and padded translation: runs of 1–3 English sentences are deleted
from its Markdown file, and runs of 1–3 sentences from another English book
(Reiman, on the same period: hard to tell apart by vocabulary) are inserted.
The result is imported and aligned by the library's own aligner, and the
report must list the Russian sentences whose English was deleted and the
English sentences that were added; what it lists as omitted or added but was
not planted is counted and must stay small.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from db.models import Bead, LibraryText, Sentence
from db.services.aligning import align_texts
from db.services.bundled import load_manifest
from db.services.export.excerpt import alignment_for_text
from db.services.importing import ImportOptions, TextMetadata, import_text, prepare_text
from db.services.translation_report import translation_report

RU_KEY, EN_KEY, FOREIGN_KEY = (
    "trotsky-1931-problems-of-development.ru",
    "trotsky-1931-problems-of-development.en",
    "reiman-building-socialism.en",
)


@dataclass
class Planted:
    source: str
    omitted_ru: list[list[int]]  # Russian sentence positions whose English was deleted, per run
    added_texts: list[list[str]]  # the inserted English sentences, per run


def _sentences(key: str) -> list[list[str]]:
    item = {t.key: t for t in load_manifest().texts}[key]
    prepared = prepare_text(item.path, item.meta, ImportOptions(fmt=item.fmt, force_language=True))
    return [[s.text for s in p.sentences] for p in prepared.paragraphs if p.kind == "body"]


def plant(source: str, paragraphs: list[list[str]], en_to_ru: dict[str, int], foreign: list[str],
          rng: random.Random, runs: int = 6) -> Planted:
    """Delete ``runs`` runs of 1–3 sentences inside long paragraphs; insert as many runs of foreign sentences."""
    candidates = [p for p in paragraphs if len(p) >= 6]
    rng.shuffle(candidates)
    omitted, added = [], []
    used = set()
    for paragraph in candidates:
        if len(omitted) == runs and len(added) == runs:
            break
        size = rng.randint(1, 3)
        start = rng.randrange(1, len(paragraph) - size - 1)
        run = paragraph[start:start + size]
        if any(source.count(s) != 1 or s not in en_to_ru for s in run) or id(paragraph) in used:
            continue
        used.add(id(paragraph))
        if len(omitted) < runs:
            text = " ".join(run)
            if text not in source:  # the run is not written as one string (markup between sentences)
                continue
            source = source.replace(text + " ", "", 1) if text + " " in source else source.replace(" " + text, "", 1)
            omitted.append([en_to_ru[s] for s in run])
        else:
            picked = rng.sample(foreign, size)
            anchor = run[0]
            source = source.replace(anchor, anchor + " " + " ".join(picked), 1)
            added.append(picked)
    assert len(omitted) == runs and len(added) == runs
    return Planted(source, omitted, added)


@pytest.fixture
def planted_pair(bundled_library, tmp_path: Path):
    """(library, alignment id, what was planted) for the abridged and padded 1931 translation."""
    library = bundled_library
    with library.sessions() as s:
        ru_id = s.scalars(select(LibraryText.id).where(LibraryText.key == RU_KEY)).one()
        en_id = s.scalars(select(LibraryText.id).where(LibraryText.key == EN_KEY)).one()
        original = s.get(LibraryText, en_id)
        work_id = original.work_id
        alignment = alignment_for_text(s, en_id)
        beads = s.execute(select(Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
                          .where(Bead.alignment_id == alignment)).all()
        en_text = dict(s.execute(select(Sentence.position, Sentence.text).where(Sentence.text_id == en_id)).all())
    # English sentence -> its Russian sentence, where the checked alignment pairs them one to one
    en_to_ru = {en_text[es]: rs for rs, re, es, ee in beads if re - rs == 1 and ee - es == 1}
    item = {t.key: t for t in load_manifest().texts}[EN_KEY]
    foreign = [s for p in _sentences(FOREIGN_KEY) for s in p if 60 <= len(s) <= 220 and not set(s) & set("*_[]#<>`")]
    planted = plant(Path(item.path).read_text(encoding="utf-8"), _sentences(EN_KEY), en_to_ru, foreign,
                    random.Random(1931))
    path = tmp_path / "abridged.en.md"
    path.write_text(planted.source, encoding="utf-8")
    meta = TextMetadata(lang="en", title="Abridged and padded translation", kind="published_translation",
                        translator="A. Planter", work_id=work_id)
    result = import_text(library, path, meta, ImportOptions(fmt="markdown", force_language=True,
                                                             allow_duplicate=True))
    changes = align_texts(library, ru_id, result.text_id)
    return library, min(changes.alignments), result.text_id, planted


def _listed(items, side: str) -> set[int]:
    spans = [getattr(i, f"{side}_sentences") for i in items]
    return {p for span in spans if span for p in range(span[0], span[1] + 1)}


def test_planted_omissions_and_additions_are_listed_and_little_else(planted_pair) -> None:
    library, alignment_id, en_id, planted = planted_pair
    with library.sessions() as s:
        report = translation_report(s, alignment_id)
        position_of = {t: p for p, t in s.execute(select(Sentence.position, Sentence.text)
                                                   .where(Sentence.text_id == en_id)).all()}
    added_positions = [[position_of[t] for t in run] for run in planted.added_texts]  # each was imported whole
    chapters = report.body.chapters
    omissions = [i for c in chapters for i in c.omissions]
    additions = [i for c in chapters for i in c.additions]
    anywhere = [i for c in chapters for i in c.items]
    omitted, added = _listed(omissions, "ru"), _listed(additions, "en")
    seen_ru, seen_en = _listed(anywhere, "ru"), _listed(anywhere, "en")

    # Every planted run is in the report: as an omission/addition, or inside a listed bead (a length outlier
    # or an unsure bead) when the aligner joined it to a neighbour.
    assert all(set(run) <= seen_ru for run in planted.omitted_ru), (planted.omitted_ru, sorted(seen_ru))
    assert all(set(run) <= seen_en for run in added_positions), (added_positions, sorted(seen_en))
    # Nearly all are listed as what they are: wholly, or in part when the aligner moved a run's edge by a
    # sentence (the rest of the run then sits in a neighbouring unsure bead).
    exact_omissions = [run for run in planted.omitted_ru if set(run) <= omitted]
    exact_additions = [run for run in added_positions if set(run) <= added]
    partly_omissions = [run for run in planted.omitted_ru if set(run) & omitted]
    partly_additions = [run for run in added_positions if set(run) & added]
    assert len(exact_omissions) >= 4 and len(partly_omissions) >= 5, (planted.omitted_ru, sorted(omitted))
    assert len(exact_additions) >= 4 and len(partly_additions) >= 5, (added_positions, sorted(added))
    # What is listed as omitted or added but was not planted: few.
    planted_ru = {p for run in planted.omitted_ru for p in run}
    planted_en = {p for run in added_positions for p in run}
    false = [i for i in omissions if not _listed([i], "ru") & planted_ru]
    false += [i for i in additions if not _listed([i], "en") & planted_en]
    assert len(false) <= 2, [(i.kind, i.bead, i.ru_text[:60], i.en_text[:60]) for i in false]
    # The counts add up: the English lost the deleted sentences and gained the inserted ones.
    totals = report.body.totals
    assert totals["ru_sentences"] == report.ru.sentence_count
    assert totals["en_sentences"] == report.en.sentence_count
    assert report.en.sentence_count == 418 - len(planted_ru) + len(planted_en)


def test_the_report_of_the_checked_pair_lists_nothing_wrong(bundled_library) -> None:
    """The unmodified 1931 pair is aligned one to one and checked: no omission, addition or outlier."""
    with bundled_library.sessions() as s:
        en_id = s.scalars(select(LibraryText.id).where(LibraryText.key == EN_KEY)).one()
        report = translation_report(s, alignment_for_text(s, en_id))
    totals = report.body.totals
    assert (totals["omissions"], totals["additions"], totals["outliers"]) == (0, 0, 0)
    assert [c.en_title for c in report.body.chapters] == [
        "Problems of the Development of the USSR",
        "I. Economic Contradictions of the Transition Period.",
        "II. The Party in the System of the Dictatorship",
        "III. The Dangers and Possibilities of a Counterrevolutionary Overturn.",
        "IV. The Left Opposition and the USSR.",
        "V. Conclusions.",
    ]
    assert report.body.chapters[0].front and sum(c.ru_sentences for c in report.body.chapters) == 418
    assert report.en.written_by_project and "Working translation by Sverka's editors" in report.en.label_en
