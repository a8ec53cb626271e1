"""The bundled library: every text with its provenance, the pairs aligned, installed once."""

from __future__ import annotations

from db.services import library as library_service
from db.services.aligning import alignment_beads
from db.services.bundled import bundled_installed, ensure_bundled_library, load_manifest


def test_manifest_texts_exist_and_carry_provenance() -> None:
    manifest = load_manifest()
    assert len(manifest.texts) == 7
    for item in manifest.texts:
        assert item.path.exists(), item.path
        assert item.meta.title and item.meta.source and item.meta.rights, item.key
        assert item.meta.kind in {"original", "published_translation", "working_translation", "back_translation"}
    kinds = {item.key: item.meta.kind for item in manifest.texts}
    assert kinds["trotsky-1931-problems-of-development.en"] == "working_translation"
    assert kinds["trotsky-1925-leningrad-opposition.ru"] == "back_translation"
    for item in manifest.texts:
        if item.meta.kind in {"working_translation", "back_translation"}:
            assert item.meta.translator.startswith("Sverka editors")
            assert item.meta.note


def test_bundled_library_is_installed_once_with_pairs_aligned(bundled_library) -> None:
    assert bundled_installed(bundled_library)
    with bundled_library.sessions() as session:
        texts = library_service.list_texts(session)
        by_key = {t.key: t for t in texts}
        ru = by_key["trotsky-1931-problems-of-development.ru"]
        en = by_key["trotsky-1931-problems-of-development.en"]
        assert ru.aligned_with == en.id and en.aligned_with == ru.id
        beads = alignment_beads(session, ru.alignment_id)
    assert beads[0].ru_start == 0 and beads[-1].ru_end == ru.sentence_count
    assert beads[-1].en_end == en.sentence_count
    # beads cover both texts exactly once, in order
    assert all(a.ru_end == b.ru_start and a.en_end == b.en_start for a, b in zip(beads, beads[1:]))
    changes = ensure_bundled_library(bundled_library)
    assert not changes.texts
    with bundled_library.sessions() as session:
        assert len(library_service.list_texts(session)) == len(texts)


def test_reflowed_platform_keeps_its_144_paragraphs_in_both_languages(bundled_library) -> None:
    with bundled_library.sessions() as session:
        by_key = {t.key: t for t in library_service.list_texts(session)}
        ru = library_service.text_paragraphs(session, by_key["trotsky-1931-problems-of-development.ru"].id)
        en = library_service.text_paragraphs(session, by_key["trotsky-1931-problems-of-development.en"].id)
    assert len(ru) == len(en) == 144
    assert [p.kind for p in ru] == [p.kind for p in en]
    assert sum(p.kind == "heading" for p in ru) == 33
    assert ru[5].text.startswith("Противоречивые процессы в хозяйстве и политике СССР")
    assert "ново-образующиеся" in ru[5].text and "контр-революционного" in ru[5].text


def test_russian_documents_in_rogovin_are_marked_russian(bundled_library) -> None:
    with bundled_library.sessions() as session:
        by_key = {t.key: t for t in library_service.list_texts(session)}
        paragraphs = library_service.text_paragraphs(session, by_key["rogovin-bolsheviks-against-stalinism.en"].id)
    russian = [p for p in paragraphs if p.lang == "ru"]
    assert any("ГОЛОВОКРУЖЕНИЕ ОТ УСПЕХОВ" in p.text for p in russian)
    assert all(p.lang is None for p in paragraphs if p.text.startswith("This book was published by Vadim Rogovin"))
