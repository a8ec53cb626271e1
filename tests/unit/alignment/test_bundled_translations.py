"""The texts the project wrote for the bundled pairs follow their originals.

The English working translation of the 1931 platform and the Russian
reconstruction of the 1925 notes must keep every paragraph and heading, every
number, and every person named in the original.
"""

from __future__ import annotations

import re
from functools import lru_cache, cache

import pytest

from alignment.text.cleanup import load_document
from alignment.text.document import Block
from alignment.glossary.entries import Glossary
from resources import glossary_dir, library_dir

TEXTS = library_dir() / "texts"

# People the glossary does not (yet) know, as Russian stem → English stem.
EXTRA_NAMES = {
    "Агабеков": "Agabekov",
    "Беседовск": "Besedovsk",
    "Блюмкин": "Blumkin",
    "Блюхер": "Blyukher",
    "Буденн": "Budyonn",
    "Громан": "Groman",
    "Каутск": "Kautsk",
    "Керенск": "Kerensk",
    "Ляфолет": "La Follette",
    "Менжинск": "Menzhinsk",
    "Осадч": "Osadch",
    "Персел": "Purcell",
    "Пятаков": "Pyatakov",
    "Радич": "Radich",
    "Рамзин": "Ramzin",
    "Рязанов": "Riazanov",
    "Суханов": "Sukhanov",
    "Сырцов": "Syrtsov",
    "Тухачевск": "Tukhachevsk",
    "Урбанс": "Urbahns",
    "Чан-Кай-Ши": "Chiang Kai-shek",
    "Ягод": "Yagoda",
    "Сокольников": "Sokolnikov",
}

PAIRS = [
    ("trotsky-1931-problems-of-development.ru.txt", "trotsky-1931-problems-of-development.en.md", "markdown"),
    ("trotsky-1925-leningrad-opposition.ru.txt", "trotsky-1925-leningrad-opposition.en.txt", None),
]


@cache
def _blocks(name: str, lang: str, fmt: str | None) -> tuple[Block, ...]:
    return tuple(load_document(TEXTS / name, lang=lang, fmt=fmt).blocks)


@lru_cache(maxsize=1)
def _glossary() -> Glossary:
    return Glossary.load(glossary_dir() / "glossary.json")


def _pair(ru_name: str, en_name: str, en_fmt: str | None) -> list[tuple[Block, Block]]:
    ru = _blocks(ru_name, "ru", None)
    en = _blocks(en_name, "en", en_fmt)
    assert len(ru) == len(en)
    return list(zip(ru, en))


@pytest.mark.parametrize(("ru_name", "en_name", "en_fmt"), PAIRS)
def test_same_paragraphs_and_headings(ru_name: str, en_name: str, en_fmt: str | None) -> None:
    pairs = _pair(ru_name, en_name, en_fmt)
    assert [r.kind for r, _ in pairs] == [e.kind for _, e in pairs]
    if "1931" in ru_name:
        assert len(pairs) == 144
        assert sum(r.kind == "heading" for r, _ in pairs) == 33


@pytest.mark.parametrize(("ru_name", "en_name", "en_fmt"), PAIRS)
def test_every_number_of_a_paragraph_is_in_its_counterpart(ru_name: str, en_name: str, en_fmt: str | None) -> None:
    missing = []
    for i, (ru, en) in enumerate(_pair(ru_name, en_name, en_fmt)):
        en_numbers = re.findall(r"\d+", en.text)
        for number in re.findall(r"\d+", ru.text):
            if number not in en_numbers:
                missing.append((i, number))
        en_percents = en.text.count("%") + len(re.findall(r"\bper ?cent\b", en.text))
        assert ru.text.count("%") == en_percents, i
    assert missing == []


@pytest.mark.parametrize(("ru_name", "en_name", "en_fmt"), PAIRS)
def test_every_person_named_is_named_in_the_counterpart(ru_name: str, en_name: str, en_fmt: str | None) -> None:
    glossary = _glossary()
    matcher = glossary.matcher
    missing = []
    checked = 0
    for i, (ru, en) in enumerate(_pair(ru_name, en_name, en_fmt)):
        people = {h.entry_id for h in matcher.find(ru.text, "ru") if glossary.get(h.entry_id).category == "person"}
        found = {h.entry_id for h in matcher.find(en.text, "en")}
        checked += len(people)
        missing.extend((i, p) for p in people - found)
        for ru_stem, en_stem in EXTRA_NAMES.items():
            if re.search(rf"\b{re.escape(ru_stem)}", ru.text):
                checked += 1
                if en_stem not in en.text:
                    missing.append((i, en_stem))
    assert checked > 0
    assert missing == []
