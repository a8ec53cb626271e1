"""Finding glossary terms in running text, in Russian and English.

Owns tokenising, lemmatising (pymorphy3 for Russian, the Snowball stemmer
for English) and the longest-match search.  Matching is token-based, so a
term never matches inside another word (Stalingrad is not Stalin, вокруг is
not округ, окружком is not округ, CCC is not CC).

Case rules, per form as written in the glossary: an all-capitals form (CC,
ОГПУ, VKP(b)) matches only in capitals (Russian ones may take a lower-case
ending: ЦИКа); a capitalised form (Politburo, Бухарин) needs a capital first
letter; a lower-case form (kolkhoz, колхоз) matches in any case.

Each distinct token is analysed once and cached, so indexing a whole book
costs seconds and a screenful milliseconds (see tests/bench/bench_terms.py).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal
from collections.abc import Iterable

if TYPE_CHECKING:
    from alignment.glossary.entries import Entry

logger = logging.getLogger(__name__)

Lang = Literal["ru", "en"]
CaseMode = Literal["any", "initial", "exact"]

# An abbreviation with a bracketed letter (ВКП(б), RKP(b)) is one token;
# otherwise a token is a run of letters, with an inner apostrophe (Bukharin's).
_TOKEN = re.compile(r"[A-ZА-ЯЁ]{2,}\([a-zа-яё]{1,2}\)|[^\W\d_]+(?:['’][^\W\d_]+)*|\d+")
_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_HYPHENS = str.maketrans({"‐": "-", "‑": "-", "‒": "-", "–": "-", "’": "'", "\u00ad": ""})
_MAX_GAP = 4
# An English word may add an inflectional ending to the form (kolkhoz-es,
# Tukhachevsky-s) but not a derivational one, which Snowball would also strip
# (Stalin-ism -> "stalin", capitulat-ion -> "capitul").
_EN_ENDINGS = frozenset({"", "s", "es", "ies", "ied", "ed", "d", "ing"})
_SURNAME_TEMPLATES = (  # ending -> a surname pymorphy3 declines, used as a model
    ("ский", "Троцкий"), ("цкий", "Троцкий"), ("ская", "Крупская"), ("цкая", "Крупская"),
    ("ов", "Иванов"), ("ев", "Зиновьев"), ("ёв", "Зиновьев"), ("ин", "Бухарин"),
    ("ын", "Бухарин"), ("ова", "Иванова"), ("ева", "Иванова"), ("ина", "Иванова"),
)


@dataclass(frozen=True, slots=True)
class TermHit:
    """A term found in text: ``text[start:end] == matched``."""

    start: int
    end: int
    entry_id: str
    matched: str


@dataclass(frozen=True, slots=True)
class _FormToken:
    key: str
    surface: str
    case: CaseMode
    norm: str


@dataclass(frozen=True, slots=True)
class _Pattern:
    entry_id: str
    tokens: tuple[_FormToken, ...]
    gaps: tuple[str, ...]
    marked: bool
    order: int


@dataclass(frozen=True, slots=True)
class _TextToken:
    start: int
    end: int
    surface: str
    keys: frozenset[str]
    norm: str


def _case_mode(surface: str) -> CaseMode:
    letters = [c for c in surface if c.isalpha()]
    if len(letters) == 1 and letters[0].isupper():
        return "exact"  # an initial: "N." in "N. I. Bukharin"
    if len(letters) >= 2 and all(c.isupper() for c in letters if c not in "bбm"):
        if sum(c.isupper() for c in letters) >= 2:
            return "exact"
    if surface[:1].isupper():
        return "initial"
    return "any"


def _gap_class(gap: str) -> str | None:
    """What separates two tokens, ignoring spaces: "", "-", ".", "'"; None if too much."""
    if len(gap) > _MAX_GAP or "\n\n" in gap:
        return None
    # Commas are ignored: «ликвидация кулачества, как класса».
    stripped = "".join(gap.translate(_HYPHENS).split()).replace(",", "")
    if stripped in ("", "-", ".", "'", "'-"):
        return "" if stripped == "-" else stripped  # Five-Year == Five Year
    return None


class _Analyzer:
    """Per-language token analysis with a cache of every distinct token."""

    def __init__(self, lang: Lang) -> None:
        self.lang = lang
        self._cache: dict[str, tuple[frozenset[str], str]] = {}
        self.surname_keys: dict[str, str] = {}
        if lang == "ru":
            import pymorphy3

            self._morph = pymorphy3.MorphAnalyzer(lang="ru")
        else:
            from nltk.stem.snowball import SnowballStemmer

            self._stemmer = SnowballStemmer("english")

    def _norm_en(self, token: str) -> str:
        norm = token.lower().replace("’", "'")
        if norm.endswith("'s"):
            norm = norm[:-2]
        return norm.rstrip("'")

    def analyse(self, token: str) -> tuple[frozenset[str], str]:
        """Match keys (lemmas or stems) of a text token, and its normalised form."""
        cached = self._cache.get(token)
        if cached is not None:
            return cached
        if self.lang == "en":
            norm = self._norm_en(token)
            keys = frozenset({self._stemmer.stem(norm)})
            result = (keys, norm)
        else:
            lower = token.lower().replace("ё", "е")
            keys = {lower}
            if "(" not in token:
                keys.update(p.normal_form.replace("ё", "е") for p in self._morph.parse(lower))
            surname = self.surname_keys.get(lower)
            if surname:
                keys.add(surname)
            caps = re.match(r"[А-ЯЁ]{2,}(?=['’]?[а-яё]{1,3}$)", token)
            if caps:  # ЦИКа, НЭПа: an abbreviation with a case ending
                keys.add(caps.group().lower())
            result = (frozenset(keys), lower)
        self._cache[token] = result
        return result

    def form_key(self, token: str, prefer_name: bool) -> str:
        """The one key a glossary form's token must match."""
        if self.lang == "en":
            return self._stemmer.stem(self._norm_en(token))
        lower = token.lower().replace("ё", "е")
        if _case_mode(token) == "exact" or "(" in token:
            return lower
        if lower in self.surname_keys:
            return self.surname_keys[lower]
        parses = self._morph.parse(lower)
        if prefer_name:
            for parse in parses:
                if {"Surn", "Name", "Geox", "Orgn"} & parse.tag.grammemes:
                    return parse.normal_form.replace("ё", "е")
        return parses[0].normal_form.replace("ё", "е")

    def add_surname(self, surname: str) -> None:
        """Teach the analyser every case form of a Russian surname (Сырцова -> сырцов)."""
        lower = surname.lower().replace("ё", "е")
        key = lower
        forms = self._surname_forms(surname)
        for form in forms:
            self.surname_keys.setdefault(form, key)
        self.surname_keys[lower] = key

    def _surname_forms(self, surname: str) -> set[str]:
        lower = surname.lower().replace("ё", "е")
        feminine = lower.endswith(("ая", "ова", "ева", "ина"))
        for parse in self._morph.parse(lower):
            if "Surn" in parse.tag.grammemes and parse.normal_form.replace("ё", "е") in (
                lower, lower[:-1] + "ий" if lower.endswith("ая") else lower,
                lower[:-1] if feminine else lower,
            ):
                return self._lexeme(parse, feminine)
        for ending, model in _SURNAME_TEMPLATES:
            if lower.endswith(ending):
                model_lower = model.lower()
                model_parse = next(p for p in self._morph.parse(model_lower) if "Surn" in p.tag.grammemes)
                model_stem = model_lower[: len(model_lower) - len(ending)]
                stem = lower[: len(lower) - len(ending)]
                return {stem + form[len(model_stem):]
                        for form in self._lexeme(model_parse, feminine) if form.startswith(model_stem)}
        return {lower}  # indeclinable: Ломинадзе, Демченко

    @staticmethod
    def _lexeme(parse: object, feminine: bool) -> set[str]:
        wanted = "femn" if feminine else "masc"
        forms = set()
        for form in parse.lexeme:  # type: ignore[attr-defined]
            gender = form.tag.gender
            if gender in (wanted, None) or form.tag.number == "plur":
                forms.add(form.word.replace("ё", "е"))
        return forms


class TermMatcher:
    """Finds occurrences of glossary entries' forms in Russian or English text."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        entries = tuple(entries)
        self._analyzers: dict[str, _Analyzer] = {"ru": _Analyzer("ru"), "en": _Analyzer("en")}
        for entry in entries:
            if entry.category == "person":
                for form in entry.forms_ru:
                    words = _TOKEN.findall(form)
                    if len(words) == 1 and words[0][:1].isupper():
                        self._analyzers["ru"].add_surname(words[0])
        self._patterns: dict[str, dict[str, list[_Pattern]]] = {"ru": {}, "en": {}}
        self._by_entry: dict[str, dict[str, list[_Pattern]]] = {"ru": {}, "en": {}}
        order = 0
        for entry in entries:
            unmarked = set(entry.unmarked_forms)
            forms = [(f, f not in unmarked)
                     for f in dict.fromkeys((entry.headword_en, *entry.variants_en, *entry.forms_ru))]
            forms += [(f, False) for f in unmarked]
            for form, marked in forms:
                lang: Lang = "ru" if _CYRILLIC.search(form) else "en"
                pattern = self._compile(entry, form, lang, marked, order)
                if pattern is not None:
                    order += 1
                    self._patterns[lang].setdefault(pattern.tokens[0].key, []).append(pattern)
                    self._by_entry[lang].setdefault(entry.id, []).append(pattern)
        for index in (self._patterns, self._by_entry):
            for by_key in index.values():
                for patterns in by_key.values():
                    patterns.sort(key=lambda p: (-len(p.tokens), p.order))

    def _compile(self, entry: Entry, form: str, lang: Lang, marked: bool, order: int) -> _Pattern | None:
        analyzer = self._analyzers[lang]
        matches = list(_TOKEN.finditer(form))
        if not matches:
            return None
        gaps = []
        for left, right in zip(matches, matches[1:]):
            gap = _gap_class(form[left.end():right.start()])
            if gap is None:
                logger.debug("glossary form %r of %s not marked: unusual separator", form, entry.id)
                return None
            gaps.append(gap)
        tokens = tuple(
            _FormToken(
                key=analyzer.form_key(m.group(), prefer_name=entry.category == "person"),
                surface=m.group(),
                case=_case_mode(m.group()),
                norm=analyzer.analyse(m.group())[1],
            )
            for m in matches
        )
        return _Pattern(entry.id, tokens, tuple(gaps), marked, order)

    def tokens(self, text: str, lang: Lang) -> list[_TextToken]:
        analyzer = self._analyzers[lang]
        result = []
        for match in _TOKEN.finditer(text):
            keys, norm = analyzer.analyse(match.group())
            result.append(_TextToken(match.start(), match.end(), match.group(), keys, norm))
        return result

    def find(self, text: str, lang: str, *, ignore_case: bool = False,
             include_unmarked: bool = False) -> list[TermHit]:
        """Every term occurrence in ``text``: non-overlapping, longest match first, in order."""
        if lang not in ("ru", "en"):
            raise ValueError(f"unsupported language {lang!r}: use 'ru' or 'en'")
        by_key = self._patterns[lang]
        tokens = self.tokens(text, lang)  # type: ignore[arg-type]
        hits: list[TermHit] = []
        index = 0
        while index < len(tokens):
            best = self._longest_at(text, tokens, index, by_key, lang, ignore_case, include_unmarked)
            if best is None:
                index += 1
                continue
            pattern, last = best
            start, end = tokens[index].start, tokens[last].end
            hits.append(TermHit(start, end, pattern.entry_id, text[start:end]))
            index = last + 1
        return hits

    def has_forms(self, entry_id: str, lang: str) -> bool:
        """Whether the entry has any form (marked or not) in ``lang``."""
        return bool(self._by_entry.get(lang, {}).get(entry_id))

    def entry_forms(self, entry_id: str, lang: str) -> tuple[tuple[str, ...], ...]:
        """The words of each of an entry's forms in ``lang`` (marked and unmarked), longest first."""
        return tuple(tuple(t.surface for t in p.tokens) for p in self._by_entry.get(lang, {}).get(entry_id, ()))

    def find_entry(self, text: str, lang: str, entry_id: str, *,
                   tokens: list[_TextToken] | None = None) -> list[TermHit]:
        """Every occurrence of one entry's forms in ``text``, unmarked forms included.

        Looser than ``find`` about case (a capitalised form matches in lower
        case: "politburo"), but an abbreviation still needs its capitals; and
        not hidden by a longer term of another entry ("Central Committee" in
        "plenum of the Central Committee").  Used to find how a term was
        rendered in a translation, where the marked spans may have missed it.
        ``tokens`` are ``self.tokens(text, lang)`` when the caller has them.
        """
        patterns = self._by_entry.get(lang, {}).get(entry_id, ())
        if not patterns:
            return []
        if tokens is None:
            tokens = self.tokens(text, lang)  # type: ignore[arg-type]
        first_keys = {p.tokens[0].key for p in patterns}
        hits: list[TermHit] = []
        index = 0
        while index < len(tokens):
            if first_keys.isdisjoint(tokens[index].keys):
                index += 1
                continue
            for pattern in patterns:  # longest first
                last = index + len(pattern.tokens) - 1
                if last < len(tokens) and all(
                        self._token_matches(form, tokens[index + i], lang, form.case != "exact")
                        for i, form in enumerate(pattern.tokens)) and all(
                        _gap_class(text[tokens[index + i].end:tokens[index + i + 1].start]) == pattern.gaps[i]
                        for i in range(len(pattern.gaps))):
                    start, end = tokens[index].start, tokens[last].end
                    hits.append(TermHit(start, end, entry_id, text[start:end]))
                    index = last
                    break
            index += 1
        return hits

    def fold(self, text: str, lang: str) -> str:
        """A form of ``text`` in which renderings that differ only by case, an English plural
        or a Russian case ending are equal: "Collective farms" and "collective farm" ->
        "collective farm"; "колхозов" -> "колхоз"; "ЦИКа" -> "цик"."""
        words = []
        for match in _TOKEN.finditer(text):
            token = match.group()
            if lang == "en":
                words.append(_singular(self._analyzers["en"]._norm_en(token)))
                continue
            caps = re.match(r"[А-ЯЁ]{2,}(?=['’]?[а-яё]{1,3}$)", token)
            if caps:
                words.append(caps.group().lower().replace("ё", "е"))
            else:
                words.append(self._analyzers["ru"].form_key(token, prefer_name=token[:1].isupper()))
        return " ".join(words)

    def _longest_at(self, text: str, tokens: list[_TextToken], index: int,
                    by_key: dict[str, list[_Pattern]], lang: str, ignore_case: bool,
                    include_unmarked: bool) -> tuple[_Pattern, int] | None:
        candidates: list[_Pattern] = []
        for key in tokens[index].keys:
            candidates.extend(by_key.get(key, ()))
        best: tuple[_Pattern, int] | None = None
        for pattern in candidates:
            if not (pattern.marked or include_unmarked):
                continue
            if best is not None and (len(pattern.tokens), -pattern.order) <= (len(best[0].tokens), -best[0].order):
                continue
            last = index + len(pattern.tokens) - 1
            if last >= len(tokens):
                continue
            if all(self._token_matches(pattern.tokens[i], tokens[index + i], lang, ignore_case)
                   for i in range(len(pattern.tokens))) and all(
                    _gap_class(text[tokens[index + i].end:tokens[index + i + 1].start]) == pattern.gaps[i]
                    for i in range(len(pattern.gaps))):
                best = (pattern, last)
        return best

    @staticmethod
    def _token_matches(form: _FormToken, token: _TextToken, lang: str, ignore_case: bool) -> bool:
        if form.key not in token.keys:
            return False
        if lang == "en" and not _inflects(form.norm, token.norm):
            return False
        if ignore_case or form.case == "any":
            return True
        if form.case == "initial":
            return token.surface[:1].isupper()
        surface = token.surface
        if surface == form.surface:
            return True
        rest = surface[len(form.surface):] if surface.startswith(form.surface) else None
        if rest is None:
            return False
        if lang == "en":
            return rest in ("s", "'s", "’s", "s'", "s’")
        rest = rest.lstrip("'’")  # НЭП'а
        return len(rest) <= 3 and rest.islower()


def _singular(word: str) -> str:
    """An English plural made singular, by spelling only (kolkhozes -> kolkhoz, parties -> party)."""
    if len(word) <= 3 or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith(("ses", "xes", "zes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def _inflects(form: str, word: str) -> bool:
    """Whether ``word`` is ``form`` plus at most an inflectional ending (y -> ies too)."""
    if word.startswith(form) and word[len(form):] in _EN_ENDINGS:
        return True
    return form[-1:] in ("y", "e") and word.startswith(form[:-1]) and word[len(form) - 1:] in _EN_ENDINGS
