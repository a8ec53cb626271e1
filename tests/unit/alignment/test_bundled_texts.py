"""The bundled library: every text in the manifest cleans, with the shapes the
rest of the product relies on (seed 004's 144 blocks, Rogovin's Russian
documents, note calls)."""

from __future__ import annotations

import json
import re
from functools import cache
from pathlib import Path

import pytest

from alignment.text.cleanup import load_document
from alignment.text.document import CleanDocument

LIBRARY = Path(__file__).resolve().parents[3] / "resources" / "library"
MANIFEST = json.loads((LIBRARY / "manifest.json").read_text(encoding="utf-8"))
TEXTS = {t["key"]: t for t in MANIFEST["texts"]}
KINDS = {"original", "published_translation", "working_translation", "back_translation"}


@cache
def cleaned(key: str) -> CleanDocument:
    entry = TEXTS[key]
    return load_document(LIBRARY / entry["file"], lang=entry["lang"], fmt=entry["format"])


def test_manifest_is_consistent() -> None:
    assert MANIFEST["version"] == 1
    works = {w["key"] for w in MANIFEST["works"]}
    assert len(works) == 5
    for text in MANIFEST["texts"]:
        assert text["work"] in works
        assert text["kind"] in KINDS
        assert text["lang"] in ("ru", "en")
        assert text["format"] in ("text", "markdown", "html", "pdf-text")
        assert text["key"] == Path(text["file"]).name.rsplit(".", 1)[0]
        for field in ("title", "author", "translator", "date", "source", "rights"):
            assert field in text
    for pair in MANIFEST["pairs"]:
        assert TEXTS[pair["ru"]]["lang"] == "ru" and TEXTS[pair["en"]]["lang"] == "en"
        assert TEXTS[pair["ru"]]["work"] == TEXTS[pair["en"]]["work"]
    assert TEXTS["rogovin-bolsheviks-against-stalinism.en"]["translator"] == "Frederick S. Choate"


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_every_present_text_cleans(key: str) -> None:
    if not (LIBRARY / TEXTS[key]["file"]).exists():
        pytest.skip(f"{TEXTS[key]['file']} is not in the library yet")
    document = cleaned(key)
    assert document.blocks
    assert document.warnings == ()
    for block in document.blocks:
        assert block.text == block.text.strip() and "  " not in block.text
        assert "\ue000" not in block.text and "<sup>" not in block.text


@pytest.mark.parametrize("key", sorted(TEXTS))
def test_format_is_detected_as_declared(key: str) -> None:
    path = LIBRARY / TEXTS[key]["file"]
    if not path.exists():
        pytest.skip("not in the library yet")
    assert load_document(path, lang=TEXTS[key]["lang"]).source_format == TEXTS[key]["format"]


def test_seed_004_keeps_its_144_blocks_and_33_headings() -> None:
    # The English working translation follows these blocks one by one.
    blocks = cleaned("trotsky-1931-problems-of-development.ru").blocks
    assert len(blocks) == 144
    assert sum(b.kind == "heading" for b in blocks) == 33
    text = " ".join(b.text for b in blocks)
    for word in ("контр-революции", "контр-революционного", "ново-образующиеся", "социал-демократией"):
        assert word in text
    assert blocks[-1].text.startswith("Опубликовано в: Бюллетень оппозиции")


def test_seed_000_has_no_site_header_or_footer() -> None:
    document = cleaned("trotsky-1925-leningrad-opposition.en")
    texts = [b.text for b in document.blocks]
    assert texts[0] == "by Lev Davidovich Trotsky"
    assert texts[-1].startswith("One cannot fail to take into account")
    assert not any("Return to" in t or "©" in t or "correspondence" in t for t in texts)
    assert len(document.removed) == 4


def test_only_the_expected_boilerplate_is_removed_elsewhere() -> None:
    for key in ("rogovin-bolsheviks-against-stalinism.en", "reiman-building-socialism.en",
                "trotsky-1931-problems-of-development.ru", "if-trotsky-had-defeated-stalin.en"):
        assert cleaned(key).removed == (), key


def test_seed_002_page_numbers_and_headings() -> None:
    blocks = cleaned("if-trotsky-had-defeated-stalin.en").blocks
    assert not any(re.fullmatch(r"- \d+ -", b.text) for b in blocks)
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert "Power struggle" in headings and "War cannot be avoided" in headings
    assert "Victor Shapovalov" not in headings
    assert "1. I. Stalin (Dzhugashvili)" in [b.text for b in blocks]
    # A sentence split by a page number is one paragraph again.
    joined = next(b for b in blocks if "ki them to the second" in b.text)
    assert joined.text.startswith("It followed from Trotsky’s position")


def test_rogovin_russian_documents_are_russian_passages() -> None:
    blocks = cleaned("rogovin-bolsheviks-against-stalinism.en").blocks
    by_text = {b.text: b for b in blocks}
    for heading in ("ГОЛОВОКРУЖЕНИЕ ОТ УСПЕХОВ.", "СТАЛИН И КРИЗИС ПРОЛЕТАРСКОЙ ДИКТАТУРЫ",
                    "БЮЛЛЕТЕНЬ ОППОЗИЦИИ", "СОДЕРЖАНИЕ:"):
        assert by_text[heading].kind == "heading" and by_text[heading].lang == "ru", heading
    riutin = [b for b in blocks if b.text.startswith("Маркс в своем письме к Кугельману")]
    assert riutin and riutin[0].lang == "ru"
    russian = [b for b in blocks if b.lang == "ru"]
    assert len(russian) > 100
    english = [b for b in blocks if b.lang is None and b.kind == "body"]
    assert len(english) > 1500
    assert all(re.search(r"[а-яА-Я]", b.text) is None or b.lang is None for b in english)
    for b in english:
        if b.text.startswith(("okrug [округ]", "kolkhoz [")):
            assert b.lang is None


def test_rogovin_headings_and_notes() -> None:
    blocks = cleaned("rogovin-bolsheviks-against-stalinism.en").blocks
    headings = [b.text for b in blocks if b.kind == "heading"]
    assert headings[0] == "Bolsheviks Against Stalinism 1928–1933"
    chapters = [h for h in headings if re.match(r"\d{1,2}\. [A-Z“]", h)]
    assert len(chapters) == 50
    assert "Glossary of Abbreviations and Terms" in headings
    notes = [b for b in blocks if b.kind == "note"]
    assert len(notes) > 800
    assert all(re.match(r"\d+\. ", n.text) for n in notes)
    calls = [n for b in blocks for n in b.notes]
    assert len(calls) > 900
    first = next(b for b in blocks if b.text.startswith("The first to pay attention"))
    assert first.notes[0].label == "1"
    assert first.text[: first.notes[0].offset].endswith("over the next 15 years.”")


def test_reiman_superscript_calls_and_footnotes() -> None:
    blocks = cleaned("reiman-building-socialism.en").blocks
    kirov = next(b for b in blocks if "appointed governor of Leningrad." in b.text)
    call = next(n for n in kirov.notes if n.label == "55")
    assert kirov.text[: call.offset].endswith("Leningrad.")
    assert "⁵" not in " ".join(b.text for b in blocks)
    notes = [b for b in blocks if b.kind == "note"]
    assert [n.text.split()[0] for n in notes] == [str(i) for i in range(18, 57)]
    assert "*" not in " ".join(b.text for b in blocks)
    assert blocks[0].kind == "heading" and blocks[0].text == "2. The “Building Socialism” in the early 1920s"


def test_pairs_have_matching_block_shapes_when_both_exist() -> None:
    # The working translation and the reconstruction follow their originals block by block.
    for pair in MANIFEST["pairs"]:
        if not all((LIBRARY / TEXTS[pair[lang]]["file"]).exists() for lang in ("ru", "en")):
            continue
        ru, en = cleaned(pair["ru"]).blocks, cleaned(pair["en"]).blocks
        assert [b.kind for b in ru] == [b.kind for b in en], pair
