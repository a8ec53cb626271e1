"""Russian-English term pairs used as alignment evidence.

A ``Lexicon`` maps words of either language to concept ids: two units that
share a concept share a term pair.  Entries are stems (a word matches an entry
when it starts with it), so Russian case endings and English plurals match.
Data comes from a shipped TSV (``resources/lexicon/ru_en_core.tsv``) and, when
present, from the reader's glossary (``resources/glossary/glossary.json``);
a glossary in an unexpected shape is skipped with a warning, never fatal.
"""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

log = logging.getLogger(__name__)

from resources import glossary_dir, lexicon_dir

CORE_TSV = lexicon_dir() / "ru_en_core.tsv"
GLOSSARY_JSON = glossary_dir() / "glossary.json"

_RU_ENDINGS = re.compile(r"(ами|ями|ого|его|ому|ему|ыми|ими|ая|яя|ое|ее|ой|ей|ий|ый|ов|ев|ам|ям|ах|ях|ом|ем|ую|юю|а|я|о|е|ы|и|у|ю|ь)$")
_EN_ENDINGS = re.compile(r"(ies|es|s|'s)$")
MIN_STEM = 3


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Stem tables for both languages; values are concept ids."""

    ru_stems: dict[str, tuple[int, ...]] = field(default_factory=dict)
    en_stems: dict[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return len(set(c for ids in self.ru_stems.values() for c in ids))

    def concepts(self, word: str, lang: str) -> tuple[int, ...]:
        """Concept ids of the longest entry that ``word`` starts with."""
        table = self.ru_stems if lang == "ru" else self.en_stems
        lower = word.lower()
        for end in range(len(lower), MIN_STEM - 1, -1):
            hit = table.get(lower[:end])
            if hit is not None:
                return hit
        return ()


def ru_stem(word: str) -> str:
    """A crude Russian stem: the word without its inflectional ending."""
    lower = word.lower()
    stem = _RU_ENDINGS.sub("", lower)
    return stem if len(stem) >= MIN_STEM else lower


def en_stem(word: str) -> str:
    lower = word.lower()
    stem = _EN_ENDINGS.sub("", lower)
    return stem if len(stem) >= MIN_STEM else lower


def build_lexicon(pairs: Iterable[tuple[Iterable[str], Iterable[str]]]) -> Lexicon:
    """Lexicon from (Russian stems, English stems) pairs; one concept per pair."""
    ru: dict[str, list[int]] = {}
    en: dict[str, list[int]] = {}
    for concept, (ru_forms, en_forms) in enumerate(pairs):
        for form in ru_forms:
            ru.setdefault(form.lower(), []).append(concept)
        for form in en_forms:
            en.setdefault(form.lower(), []).append(concept)
    return Lexicon({k: tuple(v) for k, v in ru.items()}, {k: tuple(v) for k, v in en.items()})


def read_core_tsv(path: Path) -> list[tuple[list[str], list[str]]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ru, _, en = line.partition("\t")
        en_forms = [f.strip() for f in en.split("|") if f.strip()]
        if ru.strip() and en_forms:
            pairs.append(([ru.strip()], en_forms))
    return pairs


def _forms(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def read_glossary_json(path: Path) -> list[tuple[list[str], list[str]]]:
    """Single-word term pairs from the reader's glossary, whatever its exact layout.

    Accepts a list of entries or an object with an ``entries``/``terms`` list;
    each entry may name its forms ``ru``/``russian``/``ru_forms`` and
    ``en``/``english``/``en_forms`` (strings or lists).
    """
    data = json.loads(path.read_text(encoding="utf-8"))
    if isinstance(data, dict):
        data = data.get("entries") or data.get("terms") or []
    pairs = []
    for entry in data if isinstance(data, list) else []:
        if not isinstance(entry, dict):
            continue
        ru_forms: list[str] = []
        en_forms: list[str] = []
        for key, value in entry.items():
            k = key.lower()
            if k.startswith("ru") or k.startswith("russian"):
                ru_forms += _forms(value)
            elif k.startswith("en") or k.startswith("english"):
                en_forms += _forms(value)
        ru_words = [ru_stem(f) for f in ru_forms if f.strip() and " " not in f.strip()]
        en_words = [en_stem(f) for f in en_forms if f.strip() and " " not in f.strip()]
        if ru_words and en_words:
            pairs.append((ru_words, en_words))
    return pairs


@lru_cache(maxsize=4)
def load_lexicon(core: Path = CORE_TSV, glossary: Path = GLOSSARY_JSON) -> Lexicon:
    """The shipped term pairs plus the glossary's single-word terms, if any."""
    pairs: list[tuple[list[str], list[str]]] = []
    if core.exists():
        pairs += read_core_tsv(core)
    if glossary.exists():
        try:
            pairs += read_glossary_json(glossary)
        except (OSError, ValueError) as error:
            log.warning("glossary %s not used for alignment: %s", glossary, error)
    return build_lexicon(pairs)
