"""Script-based language checks: Cyrillic versus Latin letters.

Two jobs: warn when a file declared Russian is mostly Latin script (or the
reverse), and mark blocks written in the other language of the pair (the
Russian documents that an English book transcribes, and vice versa) so that
they are not aligned or split as sentences of the document language.

Script shares are enough for this pair of languages and need no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from collections.abc import Sequence

from alignment.text.document import Block

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
CYRILLIC_LANGS = frozenset({"ru", "uk", "be", "bg", "sr", "mk"})

MIN_LETTERS_TO_WARN = 40
MISMATCH_SHARE = 0.5
"""A document whose letters are more than half in the other script is suspect."""
BLOCK_SHARE = 0.6
BLOCK_MIN_LETTERS = 12
HEADING_MIN_LETTERS = 4


@dataclass(frozen=True, slots=True)
class ScriptCounts:
    cyrillic: int
    latin: int

    @property
    def letters(self) -> int:
        return self.cyrillic + self.latin

    @property
    def cyrillic_share(self) -> float:
        return self.cyrillic / self.letters if self.letters else 0.0

    @property
    def latin_share(self) -> float:
        return self.latin / self.letters if self.letters else 0.0


@dataclass(frozen=True, slots=True)
class LanguageWarning:
    """The declared language does not match the script of the text."""

    declared: str
    cyrillic_share: float
    latin_share: float

    @property
    def message(self) -> str:
        if self.declared in CYRILLIC_LANGS:
            found, share = "Latin", self.latin_share
        else:
            found, share = "Cyrillic", self.cyrillic_share
        return (
            f"The text is declared as “{self.declared}” but {share:.0%} of its letters are "
            f"{found}; check that you chose the right file and language, or import it anyway."
        )

    def __str__(self) -> str:
        return self.message


def script_counts(text: str) -> ScriptCounts:
    """Numbers of Cyrillic and Latin letters in ``text``."""
    return ScriptCounts(len(_CYRILLIC.findall(text)), len(_LATIN.findall(text)))


def is_cyrillic_lang(lang: str) -> bool:
    return lang.split("-")[0].lower() in CYRILLIC_LANGS


def check_language(blocks: Sequence[Block], lang: str) -> LanguageWarning | None:
    """A warning when a document declared ``lang`` is mostly in the other script.

    Notes do not count (bibliographies are often transliterated).  Embedded
    passages in the other language count: when they are most of the text, the
    declared language is doubtful anyway.
    """
    cyr = lat = 0
    for block in blocks:
        if block.kind == "note":
            continue
        counts = script_counts(block.text)
        cyr += counts.cyrillic
        lat += counts.latin
    total = cyr + lat
    if total < MIN_LETTERS_TO_WARN:
        return None
    other = lat if is_cyrillic_lang(lang) else cyr
    if other / total <= MISMATCH_SHARE:
        return None
    return LanguageWarning(lang, cyr / total, lat / total)


def mark_embedded_language(blocks: Sequence[Block], doc_lang: str) -> list[Block]:
    """Set ``lang`` on blocks written in the other script than the document's.

    A block counts as foreign when at least BLOCK_SHARE of its letters are in
    the other script and it has enough letters to judge (headings need fewer).
    Blocks with almost no letters ("№ 1-2", "1 9 3 0") between two foreign
    blocks belong to the same foreign passage.  An English sentence quoting a
    Russian word stays in the document language.
    """
    doc_cyrillic = is_cyrillic_lang(doc_lang)
    other_lang = "en" if doc_cyrillic else "ru"
    verdicts: list[bool | None] = []  # True foreign, False native, None undecided
    for block in blocks:
        counts = script_counts(block.text)
        needed = HEADING_MIN_LETTERS if block.kind == "heading" else BLOCK_MIN_LETTERS
        if counts.letters < min(needed, 4):
            verdicts.append(None)
            continue
        other_share = counts.latin_share if doc_cyrillic else counts.cyrillic_share
        foreign = other_share >= BLOCK_SHARE and (
            counts.letters >= needed or other_share >= 0.95
        )
        verdicts.append(foreign)
    out: list[Block] = []
    for i, block in enumerate(blocks):
        foreign = verdicts[i]
        if foreign is None:
            foreign = _neighbour(verdicts, i, -1) and _neighbour(verdicts, i, 1)
        if foreign and block.lang != other_lang:
            block = replace(block, lang=other_lang)
        out.append(block)
    return out


def _neighbour(verdicts: list[bool | None], i: int, step: int) -> bool:
    j = i + step
    while 0 <= j < len(verdicts):
        if verdicts[j] is not None:
            return bool(verdicts[j])
        j += step
    return False
