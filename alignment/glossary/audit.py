"""Does the glossary cover the bundled texts?  ``python -m alignment.glossary.audit``

Lists every Soviet-specific word or phrase that occurs ``--min-count`` times
(default 3) or more in the bundled texts (``resources/library/texts``), in
either language, and says which glossary entry explains it.  Candidates come
from four sources:

- **abbreviations**: words of two or more capitals (ЦК, ОГПУ, VKP(b), RKS/b);
- **people**: Russian surnames (pymorphy3 knows them, or they decline like
  one) and English words with the endings of Russian names (-ov, -sky, -idze…);
- **vocabulary**: words built on the stems of Soviet institutions and policies
  (колхоз, нарком, коллективизац…, kolkhoz, commissar, collectiviz…);
- **watched terms**: the phrases listed in ``resources/glossary/audit_terms.json``
  (collectivization, the Civil War, the Red Army…) with the entry that
  explains each.

A candidate is covered when the glossary resolves it to an entry (any
inflected form), or when the audit file's ``reviewed`` list says why it needs
none (a place, an ordinary word in capitals, a part of a longer entry).  The
command prints the uncovered ones and exits 1 if there are any;
``tests/unit/alignment/test_glossary_audit.py`` runs the same check.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from alignment.glossary.entries import Glossary
from alignment.text.source_file import read_source_bytes

MIN_COUNT = 3
AUDIT_FILE = "audit_terms.json"

_ROMAN = re.compile(r"^[IVXLC]+$")
_ABBREVIATION = re.compile(
    r"(?<![\w/])(?:[A-ZА-ЯЁ][A-ZА-ЯЁa-zа-яё]*[A-ZА-ЯЁ](?:\([a-zа-яё]\)|/[a-zа-яё]\b)?)(?![\w(])")
_RU_WORD = re.compile(r"[А-ЯЁа-яё]+(?:-[А-ЯЁа-яё]+)*")
_EN_WORD = re.compile(r"[A-Za-z]+(?:['’][a-z]+)?(?:-[A-Z][a-z]+)*")
# Endings of Russian (and Georgian, Ukrainian, Armenian) surnames in English spelling.
_EN_SURNAME = re.compile(r"^[A-Z][a-z]{2,}(?:ov|ova|ev|eva|yov|in|ina|yn|sky|skii|skiy|skaya|ich|enko|idze|dze|"
                         r"ian|yan|shvili|uk|ko|chy|nny|ii)$")
# A word followed by another capitalised one is a first name or patronymic (Emelian
# Yaroslavsky, Lev Davidovich Trotsky): the full name is counted by its surname.
_EN_NEXT_NAME = re.compile(r" (?:[A-Z]\. )*[A-Z][a-z]")
_PATRONYMIC = re.compile(r"(?:ovich|evich|ich|ovna|evna|ichna)$")
_EN_PREVIOUS_NAME = re.compile(r"[A-Z][a-z]+ $")
_RU_SURNAME_ENDING = re.compile(r"(?:ов|ев|ёв|ин|ын|ский|цкий|ская|ич|енко|идзе|дзе|ян|швили)$")
# Stems of Soviet institutions, policies and economic and party terms (lower case).
RU_STEMS = ("колхоз", "совхоз", "кулак", "кулач", "середня", "бедняк", "батрак", "нарком", "исполком",
            "губком", "обком", "райком", "окружком", "партком", "коллективизац", "индустриализац", "пятилет",
            "нэп", "раскулач", "хлебозаготов", "заготов", "совнарком", "политбюро", "оргбюро", "пленум",
            "уклонист", "капитулянт", "термидор", "бонапарт", "центрист", "троцкист", "зиновьевц",
            "бухаринц", "нэпман", "контрольн", "чекист", "гпу", "цик", "комсомол", "смычк", "двоевлаcт")
EN_STEMS = ("kolkhoz", "sovkhoz", "kulak", "seredn", "bedn", "batrak", "narkom", "ispolkom", "gubkom",
            "obkom", "raikom", "collectiviz", "industrializ", "five-year", "nepmen", "nepman", "dekulak",
            "procurement", "politburo", "orgburo", "plenum", "deviationist", "capitulat", "thermidor",
            "bonapart", "centrist", "trotskyist", "trotskyite", "zinovievist", "bukharinist", "bukharinite",
            "chekist", "komsomol", "smychka", "commissar", "sovnarkom", "gosplan", "wrecker")


@dataclass(frozen=True, slots=True)
class Candidate:
    """A word or phrase found ``count`` times; ``entry`` explains it, or ``reviewed`` says why none is needed."""

    kind: str
    term: str
    count: int
    entry: str = ""
    reviewed: str = ""

    @property
    def covered(self) -> bool:
        return bool(self.entry or self.reviewed)


@dataclass
class AuditFile:
    """The hand-kept part of the audit: watched phrases and reviewed candidates."""

    watched: list[dict]
    reviewed: dict[str, str]

    @classmethod
    def load(cls, path: Path) -> AuditFile:
        data = json.loads(read_source_bytes(path).decode("utf-8"))
        return cls(list(data["watched"]), dict(data["reviewed"]))


@dataclass
class Audit:
    """Counts every candidate in ``texts`` and checks it against ``glossary``."""

    texts: dict[str, str]
    glossary: Glossary
    audit_file: AuditFile
    min_count: int = MIN_COUNT
    _surface: dict[str, Counter] = field(default_factory=dict)
    _spellings: dict[str, set[str]] = field(default_factory=dict)

    @cached_property
    def _morph(self):  # noqa: ANN202 - pymorphy3's analyser
        import pymorphy3

        return pymorphy3.MorphAnalyzer(lang="ru")

    # --- counting ---------------------------------------------------------------

    def abbreviations(self) -> Counter:
        counts: Counter = Counter()
        for text in self.texts.values():
            for match in _ABBREVIATION.finditer(text):
                word = match.group()
                letters = re.sub(r"[^A-Za-zА-Яа-яЁё]", "", word.split("(")[0].split("/")[0])
                capitals = sum(c.isupper() for c in letters)
                if capitals < 2 or _ROMAN.match(letters) or capitals < len(letters) - 1:
                    continue
                if len(letters) > 6 and word.isupper():
                    continue  # a word set in capitals (ЛЕНИНЦЕВ, SMIRNOV), not an abbreviation
                if re.match(r"[А-ЯЁ]", word) and word.isupper() and self._is_word(word.lower()):
                    continue  # ОТ, ВСЕ
                counts[word] += 1
        return counts

    def _is_word(self, lower: str) -> bool:
        return any(p.is_known and "Abbr" not in p.tag for p in self._morph.parse(lower)[:1])

    def people(self) -> Counter:
        """Surnames, counted in both languages together (Осадчего and Osadchy are one name)."""
        from alignment.language.translit import translit_key

        counts: Counter = Counter()
        for text in self.texts.values():
            for match in _RU_WORD.finditer(text):
                word = match.group()
                if not word[:1].isupper() or word.isupper() or len(word) < 4:
                    continue
                lemma = self._ru_surname(word)
                if lemma:
                    counts[lemma] += 1
                    self._surface.setdefault(lemma, Counter())[word] += 1
            for match in _EN_WORD.finditer(text):
                word = re.sub(r"['’]s$", "", match.group())
                if not _EN_SURNAME.match(word) or _EN_NEXT_NAME.match(text, match.end()):
                    continue
                if _PATRONYMIC.search(word) and _EN_PREVIOUS_NAME.search(text, 0, match.start()):
                    continue  # BUKHARIN, Nikolai Ivanovich (...)
                counts[word] += 1
        by_key: dict[str, str] = {}
        # The most frequent spelling names the person; the others are counted with it.
        for name in sorted(counts, key=lambda n: (-counts[n], n)):
            key = translit_key(name)
            if key is not None and key in by_key:
                head = by_key[key]
                counts[head] += counts.pop(name)
                self._spellings.setdefault(head, {head}).add(name)
            elif key is not None:
                by_key[key] = name
        return counts

    def _ru_surname(self, word: str) -> str | None:
        for parse in self._morph.parse(word.lower())[:2]:
            if "Surn" in parse.tag:
                return parse.normal_form.replace("ё", "е").capitalize()
        parse = self._morph.parse(word.lower())[0]
        if not parse.is_known and _RU_SURNAME_ENDING.search(word.lower()):
            return word.replace("ё", "е")
        return None

    def vocabulary(self) -> Counter:
        counts: Counter = Counter()
        for text in self.texts.values():
            for match in _RU_WORD.finditer(text):
                lower = match.group().lower()
                if any(stem in lower for stem in RU_STEMS):
                    lemma = self._morph.parse(lower)[0].normal_form.replace("ё", "е")
                    counts[lemma] += 1
            for match in _EN_WORD.finditer(text):
                lower = re.sub(r"['’]s$", "", match.group().lower())
                if any(stem in lower for stem in EN_STEMS):
                    counts[lower] += 1
        return counts

    def watched(self) -> list[Candidate]:
        """Every watched phrase with its count in the texts (any of its forms, any case)."""
        from alignment.glossary.entries import Entry
        from alignment.glossary.terms import TermMatcher

        entries = [Entry(id=str(i), headword_en=(item.get("en") or item["ru"])[0],
                         variants_en=tuple(item.get("en", ())), forms_ru=tuple(item.get("ru", ())), translit="",
                         category="other", definition="", dates="", biography="", related=(), source="audit",
                         written_by_project=True)
                   for i, item in enumerate(self.audit_file.watched)]
        matcher = TermMatcher(entries)
        counts: Counter = Counter()
        for text in self.texts.values():
            for lang in ("ru", "en"):
                for hit in matcher.find(text, lang, ignore_case=True):
                    counts[int(hit.entry_id)] += 1
        out = []
        for i, item in enumerate(self.audit_file.watched):
            term = (item.get("en") or item["ru"])[0]
            entry_id = item.get("entry", "")
            entry = self.glossary.get(entry_id) if entry_id else None
            out.append(Candidate("watched", term, counts[i], entry.id if entry else "",
                                 item.get("reviewed", "")))
        return out

    # --- checking ---------------------------------------------------------------

    def _entry_for(self, term: str) -> str:
        for spelling in sorted(self._spellings.get(term, {term})):
            entry_id = self._entry_for_spelling(spelling)
            if entry_id:
                return entry_id
        return ""

    def _entry_for_spelling(self, term: str) -> str:
        entry = self.glossary.resolve(term)
        if entry is None and "/" in term:  # RKS/b -> RKS(b)
            entry = self.glossary.resolve(term.replace("/", "(") + ")")
        if entry is None:
            entry = self._person_entry(term)
        return entry.id if entry is not None else ""

    def _person_entry(self, surname: str):  # noqa: ANN202
        """A person entry of this surname (a bare surname shared by several people resolves to none)."""
        for entry in self.glossary.entries:
            if entry.category == "person" and (entry.headword_en.endswith(" " + surname) or any(
                    form.endswith(" " + surname) or form == surname for form in entry.forms_ru)):
                return entry
        return None

    def candidates(self) -> list[Candidate]:
        """Every candidate seen at least ``min_count`` times, sorted by kind and count."""
        out: list[Candidate] = []
        for kind, counts in (("abbreviation", self.abbreviations()), ("person", self.people()),
                             ("vocabulary", self.vocabulary())):
            for term, count in counts.items():
                if count >= self.min_count:
                    out.append(Candidate(kind, term, count, self._entry_for(term),
                                         self.audit_file.reviewed.get(term, "")))
        out += [c for c in self.watched() if c.count >= self.min_count]
        return sorted(out, key=lambda c: (c.kind, -c.count, c.term))

    def missing(self) -> list[Candidate]:
        return [c for c in self.candidates() if not c.covered]


def bundled_texts(texts_dir: Path) -> dict[str, str]:
    return {path.name: read_source_bytes(path).decode("utf-8") for path in sorted(texts_dir.iterdir())
            if path.is_file() and path.suffix in (".txt", ".md")}


def default_audit(min_count: int = MIN_COUNT) -> Audit:
    from resources import glossary_dir, library_dir

    return Audit(bundled_texts(library_dir() / "texts"), Glossary.load(glossary_dir() / "glossary.json"),
                 AuditFile.load(glossary_dir() / AUDIT_FILE), min_count)


def format_candidates(candidates: Iterable[Candidate]) -> str:
    lines = []
    for c in candidates:
        status = f"-> {c.entry}" if c.entry else (f"reviewed: {c.reviewed}" if c.reviewed else "MISSING")
        lines.append(f"{c.kind:12} {c.count:5d}  {c.term:40} {status}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--min-count", type=int, default=MIN_COUNT)
    parser.add_argument("--all", action="store_true", help="list covered candidates too")
    args = parser.parse_args(argv)
    audit = default_audit(args.min_count)
    candidates = audit.candidates()
    missing = [c for c in candidates if not c.covered]
    print(format_candidates(candidates if args.all else missing))
    print(f"{len(candidates)} candidates seen {args.min_count}+ times, {len(missing)} without an entry or review")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
