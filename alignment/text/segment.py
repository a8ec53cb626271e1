"""Sentence splitting for Russian and English: NLTK Punkt plus a few domain rules.

The Punkt parameters are trained at build time (``alignment.text.punkt_training``) and
shipped as ``resources/punkt/<lang>.json``; they are loaded lazily, once per
language.  Punkt decides every boundary first; the rules below only correct
what it gets wrong in Soviet-history prose, and each one is a small function:

* a sentence that is only a list marker ("1.", "IV.", "а)") joins the next one,
  so list items and numbered headings keep their number;
* a "sentence" that starts with a lower-case letter (after dashes, quotes and
  brackets) continues the previous one: «Что делать?» — спросил он;
* no break after abbreviations that never end a sentence ("см.", "cf.", "т. е.",
  "т. к.") or that introduce a number ("т. 5", "No. 7", "с. 45", "№ 20");
* a break after "т. д.", "т. п.", "и пр.", "и др.", "etc." when a capitalised
  word follows (Punkt keeps them together when that word is a name);
* "Ya. E. Sten": two initials in a row stay together;
* "…" and "word..." count as full stops (Punkt only breaks at a lone "...");
* after "<year> г." a capitalised word Punkt has never seen starts a new
  sentence when five words or more stand before it in the sentence;
* a "sentence" without a letter or digit (a lone "..." marking an elision)
  joins the next one.

Decided on purpose (and tested): after "1931 г." (and initials, "т.") Punkt's
rule for initials applies: a lower-case word or a proper name that never
appears in lower case continues the sentence ("в 1931 г. в Москве",
"В 1931 г. Троцкий писал", "т. Троцкий", "Л. Д. Троцкий"), a common word starts a
new one ("… в 1931 г. Затем …").  So "… в 1929 г. Троцкий поселился …" is kept as
one sentence even when it is two: a year phrase before a name starts a sentence
far more often in these books than it ends one.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from alignment.language.nltk_modules import nltk_module
from alignment.text.document import Block, Paragraph, Sentence
from resources import punkt_dir

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

logger = logging.getLogger(__name__)

SUPPORTED_LANGS: tuple[str, ...] = ("ru", "en")

Span = tuple[int, int]


class UnsupportedLanguageError(ValueError):
    """Sentence splitting was asked for a language that has no Punkt parameters."""

    def __init__(self, lang: object) -> None:
        self.lang = lang
        self.supported = SUPPORTED_LANGS
        super().__init__(
            f"No sentence splitter for language {lang!r}; "
            f"use one of {', '.join(SUPPORTED_LANGS)}."
        )


class PunktParametersError(RuntimeError):
    """The shipped Punkt parameter file is missing or unreadable."""

    def __init__(self, path: Path, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(
            f"Cannot load sentence-splitter parameters from {path}: {reason}. "
            "Reinstall Sverka or rebuild them with `python -m alignment.text.punkt_training`."
        )


def _check_lang(lang: str) -> str:
    if lang not in SUPPORTED_LANGS:
        raise UnsupportedLanguageError(lang)
    return lang


def load_parameters(path: Path) -> PunktParameters:
    """Read Punkt parameters written by ``alignment.text.punkt_training``."""
    # Importing nltk costs ~0.4 s, so it waits until the first split.
    PunktParameters = nltk_module("nltk.tokenize.punkt").PunktParameters  # noqa: N806 - a class

    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        params = PunktParameters()
        params.abbrev_types = set(data["abbrev_types"])
        params.collocations = {(a, b) for a, b in data["collocations"]}
        params.sent_starters = set(data["sent_starters"])
        params.ortho_context = defaultdict(int, data["ortho_context"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise PunktParametersError(path, str(exc)) from exc
    return params


def _make_tokenizer_class() -> type[PunktSentenceTokenizer]:
    PunktSentenceTokenizer = nltk_module("nltk.tokenize.punkt").PunktSentenceTokenizer  # noqa: N806 - a class

    class CandidateTokenizer(PunktSentenceTokenizer):
        """Punkt deciding each candidate period on its own.

        NLTK (3.8-3.10) asks whether the context "N. Riutin.”" of the period
        after "N" holds a break anywhere, so the break after "Riutin." splits
        "M. N. | Riutin." too.  Here only the token that ends at the candidate
        counts.
        """

        def _slices_from_text(self, text: str) -> Iterator[slice]:
            last_break = 0
            for match, context in self._match_potential_end_contexts(text):
                head = context[: len(context) - len(match.group("after_tok"))]
                if self._breaks_after_head(head, context):
                    yield slice(last_break, match.end())
                    if match.group("next_tok"):
                        last_break = match.start("next_tok")
                    else:
                        last_break = match.end()
            yield slice(last_break, len(text.rstrip()))

        def _breaks_after_head(self, head: str, context: str) -> bool:
            n_head = sum(1 for _ in self._tokenize_words(head))
            tokens = list(self._annotate_tokens(self._tokenize_words(context)))
            return 0 < n_head < len(tokens) and bool(tokens[n_head - 1].sentbreak)

    return CandidateTokenizer


@cache
def punkt_tokenizer(lang: str) -> PunktSentenceTokenizer:
    """The Punkt tokenizer for ``lang``, built once from resources/punkt/<lang>.json."""
    path = punkt_dir() / f"{_check_lang(lang)}.json"
    tokenizer = _make_tokenizer_class()(load_parameters(path))
    logger.debug("loaded Punkt parameters for %s from %s", lang, path)
    return tokenizer


# ----------------------------------------------------------------------------
# Domain rules on top of Punkt.  Each takes the text and the spans so far and
# returns new spans; spans are (start, end) with no surrounding whitespace.

_LIST_MARKER = re.compile(r"(?:[-*•]\s+)?\(?(?:\d{1,3}|[IVXLC]{1,7}|[a-zа-яё])[.)]", re.IGNORECASE)
_LEADING_NOISE = re.compile(r"[\s\"'«»„“”‘’()\[\]—–\-―…]*")
_LOWERCASE_LIST_ITEM = re.compile(r"\(?[a-zа-яё]\)")
_NEVER_FINAL = re.compile(
    r"(?:(?<![^\W\d_])(?:см|ср|стр|напр|тов|тт|гр|проф|акад|им|фот|зак|cf|viz|mr|mrs|dr|prof|tov)"
    r"|(?<![^\W\d_])т\.\s?[екнчо]|\b[ie]\.\s?[eg])\.$",
    re.IGNORECASE,
)
_BEFORE_NUMBER = re.compile(
    r"(?:(?<![^\W\d_])(?:т|с|ч|п|пп|ст|гл|вып|no|nos|p|pp|vol|vols|ch|chap|fig)\.|№)$",
    re.IGNORECASE,
)
_LIST_END = re.compile(
    r"(?:(?<![^\W\d_])т\.\s?[дп]|(?<![^\W\d_])(?:пр|др)|\betc)\.[\"'»“”’)\]]*",
    re.IGNORECASE,
)
_DOTS = re.compile(r"\.{2,}")
_YEAR_THEN_CAPITAL = re.compile(
    r"\d[\d–—-]*\s?(?P<abbr>гг?\.)\s+[«„\"(]?(?P<word>[А-ЯЁ][а-яё]+)"
)
_ORTHO_MID_UC = 1 << 2  # nltk.tokenize.punkt._ORTHO_MID_UC
_HAS_WORD = re.compile(r"\w")
# Transliterated Russian initials may have two letters: "Ya. E. Sten".
_FINAL_INITIAL = re.compile(r"(?<![^\W\d_])(?:[A-ZА-ЯЁ]|Ya|Yu|Yo|Ia|Iu|Zh|Ch|Sh|Kh|Ts)\.$")
_INITIAL = re.compile(r"[A-ZА-ЯЁ]\.(?:\s|[A-ZА-ЯЁ]\.)")
_CAPITAL_AFTER = re.compile(r"\s+[\"'«„“(\[]?[A-ZА-ЯЁ]")


def _first_letter(text: str, start: int, end: int) -> str:
    m = _LEADING_NOISE.match(text, start, end)
    return text[m.end()] if m.end() < end else ""


def _merge_where(text: str, spans: list[Span], joins: Callable[[str, Span, Span], bool]) -> list[Span]:
    merged: list[Span] = []
    for span in spans:
        if merged and joins(text, merged[-1], span):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _is_list_marker(text: str, prev: Span, _next: Span) -> bool:
    return _LIST_MARKER.fullmatch(text, *prev) is not None


def _initial_before_initial(text: str, prev: Span, nxt: Span) -> bool:
    """"Л." + "Д. Троцкий": Punkt breaks when the second initial was seen in lower
    case ("т. д."), but two initials in a row belong together."""
    return bool(_FINAL_INITIAL.search(text, *prev)) and bool(_INITIAL.match(text, *nxt))


def _merge_punctuation_only(text: str, spans: list[Span]) -> list[Span]:
    """A lone "..." (an elision between quoted sentences) or "." joins the next
    sentence, or the previous one at the end of the paragraph."""
    result: list[Span] = []
    pending: int | None = None
    for start, end in spans:
        if not _HAS_WORD.search(text, start, end):
            pending = start if pending is None else pending
            continue
        result.append((start if pending is None else pending, end))
        pending = None
    if pending is not None:
        if result:
            result[-1] = (result[-1][0], spans[-1][1])
        else:
            result.append((pending, spans[-1][1]))
    return result


def _starts_lowercase(text: str, _prev: Span, nxt: Span) -> bool:
    if _LOWERCASE_LIST_ITEM.match(text, *nxt):
        return False
    return _first_letter(text, *nxt).islower()


def _follows_never_final(text: str, prev: Span, nxt: Span) -> bool:
    if _NEVER_FINAL.search(text, prev[0], prev[1]):
        return True
    return bool(_BEFORE_NUMBER.search(text, prev[0], prev[1])) and text[nxt[0]].isdigit()


def _split_after_list_ends(text: str, spans: list[Span]) -> list[Span]:
    result: list[Span] = []
    for start, end in spans:
        cut = start
        for m in _LIST_END.finditer(text, start, end):
            if m.end() < end and _CAPITAL_AFTER.match(text, m.end(), end):
                result.append((cut, m.end()))
                cut = m.end() + (len(text[m.end():end]) - len(text[m.end():end].lstrip()))
        result.append((cut, end))
    return result


def _split_after_years(text: str, spans: list[Span], lang: str) -> list[Span]:
    """"… в 1937 г. Реабилитирован …": Punkt reads a capitalised word it never
    saw in lower case like a name and keeps going.  When the word was never
    seen capitalised mid-sentence either (so it is no name) and five words or
    more stand before it, it starts a sentence.  Names keep the sentence whole."""
    if lang != "ru":
        return spans
    ortho = punkt_tokenizer(lang)._params.ortho_context
    result: list[Span] = []
    for start, end in spans:
        cut = start
        for m in _YEAR_THEN_CAPITAL.finditer(text, start, end):
            word = m.group("word").lower()
            if not ortho.get(word, 0) & _ORTHO_MID_UC and len(text[cut:m.start("word")].split()) >= 6:
                result.append((cut, m.end("abbr")))
                cut = m.start("word")
        result.append((cut, end))
    return result


def _shadow(text: str) -> str:
    """A same-length copy for Punkt in which "…" and "..." read as full stops."""
    text = text.replace("…", ".")
    return _DOTS.sub(lambda m: "." + " " * (len(m.group()) - 1), text)


def _punkt_spans(text: str, lang: str) -> list[Span]:
    shadow = _shadow(text)
    return list(punkt_tokenizer(lang).span_tokenize(shadow))


def _strip_span(text: str, start: int, end: int) -> Span | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def sentence_spans(text: str, lang: str, *, rules: bool = True) -> list[Span]:
    """(start, end) of each sentence of ``text``; ``rules=False`` gives bare Punkt."""
    _check_lang(lang)
    if not text.strip():
        return []
    punkt = _punkt_spans(text, lang)
    # Rebuild from Punkt's start offsets so that every character is covered.
    starts = [0] + [s for s, _ in punkt[1:]]
    bounds = starts[1:] + [len(text)]
    spans = [sp for a, b in zip(starts, bounds) if (sp := _strip_span(text, a, b))]
    if not rules:
        return spans
    spans = _merge_punctuation_only(text, spans)
    spans = _merge_where(text, spans, _initial_before_initial)
    spans = _merge_where(text, spans, _is_list_marker)
    spans = _merge_where(text, spans, _follows_never_final)
    spans = _split_after_list_ends(text, spans)
    spans = _split_after_years(text, spans, lang)
    return _merge_where(text, spans, _starts_lowercase)


def split_sentences(text: str, lang: str) -> list[Sentence]:
    """Split one paragraph into sentences; offsets index into ``text``."""
    return [Sentence(text[a:b], a, b) for a, b in sentence_spans(text, lang)]


_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_TERMINAL = re.compile(r"[.?!…][\"'»“”’)\]]*$")


def segment(text: str, lang: str) -> list[Paragraph]:
    """Split ``text`` into body paragraphs at blank lines, then into sentences."""
    _check_lang(lang)
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(text):
        chunk = chunk.strip()
        if chunk:
            sentences = tuple(split_sentences(chunk, lang))
            paragraphs.append(Paragraph(kind="body", text=chunk, sentences=sentences))
    return paragraphs


def _heading_sentences(text: str, lang: str) -> tuple[Sentence, ...]:
    """A heading is one sentence unless every part Punkt finds is a full sentence
    of three words or more ("Глава 3. Хлебный кризис" stays whole)."""
    sentences = split_sentences(text, lang)
    if len(sentences) > 1 and all(
        _TERMINAL.search(s.text) and len(s.text.split()) >= 3 for s in sentences
    ):
        return tuple(sentences)
    span = _strip_span(text, 0, len(text))
    if span is None:
        return ()
    return (Sentence(text[span[0]:span[1]], span[0], span[1]),)


def segment_blocks(blocks: Sequence[Block], lang: str) -> list[Paragraph]:
    """Split cleaned blocks into sentences, keeping kind, level, notes and lang.

    A block with its own ``lang`` (a Russian document inside an English book) is
    split with that language's parameters; a block language without parameters
    (a German quotation) falls back to ``lang`` with a logged warning.
    """
    _check_lang(lang)
    paragraphs = []
    for block in blocks:
        block_lang = lang
        if block.lang in SUPPORTED_LANGS:
            block_lang = block.lang
        elif block.lang is not None:
            logger.warning("no splitter for block language %r; using %r", block.lang, lang)
        if block.kind == "heading":
            sentences = _heading_sentences(block.text, block_lang)
        else:
            sentences = tuple(split_sentences(block.text, block_lang))
        paragraphs.append(
            Paragraph(
                kind=block.kind,
                text=block.text,
                sentences=sentences,
                level=block.level,
                notes=block.notes,
                lang=block.lang,
                page=block.page,
                page_breaks=block.page_breaks,
                key=block.key,
                label=block.label,
            )
        )
    return paragraphs
