"""How each translation rendered the glossary's terms, counted over aligned pairs."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from sqlalchemy import func, select

from db.models import Alignment, LibraryText, TermOccurrence
from db.services.aligned_import import import_aligned
from db.services.importing import TextMetadata
from db.services.reading import term_concordance
from db.services.renderings import entry_renderings, pair_direction, pair_renderings


def _alignment(session, ru_kind: str) -> Alignment:
    return session.scalars(select(Alignment).join(LibraryText, LibraryText.id == Alignment.ru_text_id)
                           .where(LibraryText.kind == ru_kind)).one()


def _occurrences(session, text_id: int) -> Counter[str]:
    return Counter(dict(session.execute(select(TermOccurrence.entry_id, func.count())
                                        .where(TermOccurrence.text_id == text_id)
                                        .group_by(TermOccurrence.entry_id)).all()))


@pytest.mark.parametrize("ru_kind", ["original", "back_translation"])
def test_counts_add_up_to_the_occurrences_on_the_originals_side(bundled_library, ru_kind: str) -> None:
    with bundled_library.sessions() as s:
        alignment = _alignment(s, ru_kind)
        source, target = pair_direction(s, alignment)
        # The platform's original is Russian; the 1925 notes' Russian is made from the English.
        assert (source, target) == (("ru", "en") if ru_kind == "original" else ("en", "ru"))
        occurrences = _occurrences(s, alignment.ru_text_id if source == "ru" else alignment.en_text_id)
        counts = pair_renderings(s, alignment.id)
    assert {e: sum(r.count for r in rs) for e, rs in counts.items()} == dict(occurrences)
    for renderings in counts.values():
        keys = [r.key for r in renderings]
        assert len(keys) == len(set(keys)), "a rendering is listed twice"
        rendered = [r.count for r in renderings if r.rendering is not None]
        assert rendered == sorted(rendered, reverse=True)
        assert all(r.rendering is not None for r in renderings[:-1])  # "not rendered" comes last
        for r in renderings:
            assert len(r.beads) <= r.count and len(r.sentence_ids) <= r.count


def test_the_platform_renders_its_terms_as_the_glossary_says(bundled_library) -> None:
    with bundled_library.sessions() as s:
        counts = pair_renderings(s, _alignment(s, "original").id)
    assert [(r.key, r.rendering) for r in counts["kolkhoz"]][0] == ("kolkhoz", "kolkhozes")
    ussr = {r.key: r.count for r in counts["ussr"]}
    assert ussr["ussr"] > ussr["soviet union"] > 0  # two renderings of СССР, the usual one first
    dictatorship = {r.key for r in counts["dictatorship-of-the-proletariat"]}
    assert {"dictatorship of the proletariat", "proletarian dictatorship"} <= dictatorship


def test_the_notes_are_counted_from_the_english_into_the_russian(bundled_library) -> None:
    with bundled_library.sessions() as s:
        counts = pair_renderings(s, _alignment(s, "back_translation").id)
    middle = counts["middle-peasant"]
    assert [(r.rendering, r.count) for r in middle] == [("середняка", 3)]


@pytest.fixture
def planted(library, tmp_path: Path) -> int:
    """A small pair: колхоз rendered two ways, in two grammatical forms each, and an Оргбюро left out."""
    tsv = tmp_path / "pair.tsv"
    tsv.write_text(
        "ru\ten\n"
        "Колхозы растут.\tThe kolkhozes grow.\n"
        "Колхоз стал главным.\tThe kolkhoz became the main thing.\n"
        "Колхозами руководят.\tCollective farms are led.\n"
        "Об этом колхозе и Оргбюро.\tAbout this collective farm, and nothing else.\n",
        encoding="utf-8",
    )
    result = import_aligned(library, tsv, ru_meta=TextMetadata(lang="ru"),
                            en_meta=TextMetadata(lang="en", kind="published_translation"))
    return result.alignment_id


def test_renderings_are_grouped_by_their_folded_form(library, planted: int) -> None:
    with library.sessions() as s:
        counts = pair_renderings(s, planted)
    kolkhoz = [(r.key, r.count, r.beads) for r in counts["kolkhoz"]]
    assert kolkhoz == [("collective farm", 2, (2, 3)), ("kolkhoz", 2, (0, 1))]
    assert counts["kolkhoz"][0].rendering in ("Collective farms", "collective farm")
    assert [(r.rendering, r.count, r.beads) for r in counts["orgburo"]] == [(None, 1, (3,))]


def test_entry_renderings_and_the_occurrences_behind_one(library, planted: int) -> None:
    with library.sessions() as s:
        [pair] = entry_renderings(s, "kolkhoz")
        assert (pair.alignment_id, pair.source_lang, pair.target_lang, pair.total) == (planted, "ru", "en", 4)
        farm = pair.renderings[0]
        behind = term_concordance(s, "kolkhoz", sentence_ids=frozenset(farm.sentence_ids))
        everything = term_concordance(s, "kolkhoz")
    assert [h.text for h in behind.hits] == ["Колхозами руководят.", "Об этом колхозе и Оргбюро."]
    assert behind.total == 2
    assert [h.partner_text for h in behind.hits] == ["Collective farms are led.",
                                                     "About this collective farm, and nothing else."]
    assert everything.total > behind.total


def test_entry_renderings_skip_pairs_without_the_entry(library, planted: int) -> None:
    with library.sessions() as s:
        assert entry_renderings(s, "bukharin") == []


def test_the_concordance_of_one_rendering_marks_it_in_the_counterpart(library, tmp_path: Path) -> None:
    tsv = tmp_path / "pair.tsv"
    tsv.write_text("ru\ten\nКолхоз вырос и окреп.\tThe village grew. Its kolkhoz prospered.\n", encoding="utf-8")
    result = import_aligned(library, tsv, ru_meta=TextMetadata(lang="ru"),
                            en_meta=TextMetadata(lang="en", kind="published_translation"))
    from db.services.renderings import rendering_concordance

    with library.sessions() as s:
        [pair] = entry_renderings(s, "kolkhoz")
        [kolkhoz] = pair.renderings
        [hit] = rendering_concordance(s, "kolkhoz", pair, kolkhoz).hits
    assert pair.alignment_id == result.alignment_id
    assert hit.partner_text == "The village grew. Its kolkhoz prospered."
    assert [hit.partner_text[a:b] for a, b in hit.partner_spans] == ["kolkhoz"]
