"""Build-time script that trains NLTK Punkt parameters and writes them as JSON.

Run from the repository root::

    python -m alignment.text.punkt_training --lang ru \\
        resources/library/texts/trotsky-1931-problems-of-development.ru.txt \\
        resources/library/texts/rogovin-bolsheviks-against-stalinism.en.md \\
        /work/shared/bench/ruen-dev/*/src.txt \\
        -o resources/punkt/ru.json

    python -m alignment.text.punkt_training --lang en \\
        resources/library/texts/if-trotsky-had-defeated-stalin.en.txt \\
        resources/library/texts/reiman-building-socialism.en.txt \\
        resources/library/texts/rogovin-bolsheviks-against-stalinism.en.md \\
        resources/library/texts/trotsky-1925-leningrad-opposition.en.txt \\
        /work/shared/bench/ruen-dev/*/tgt.txt \\
        -o resources/punkt/en.json

That is exactly what produced the shipped ``resources/punkt/{ru,en}.json``:

* Russian: the 1931 platform (PDF text, reflowed with ``alignment.text.reflow``), the
  Russian paragraphs transcribed inside Rogovin's book (paragraphs whose letters
  are mostly Cyrillic), and the 113 Russian ``src.txt`` files of the WMT
  document-level dev set in ``/work/shared/bench/ruen-dev`` (news, one sentence
  a line).
* English: the four bundled English seed texts named above (English paragraphs
  only; not the later translations added to the library) and the 113 English
  ``tgt.txt`` files of the same dev set.

The benchmark texts are read at build time only; nothing of them is shipped
except the learned statistics.  Markdown marks and ``<sup>`` note calls are
removed before training.  After training, the hand-kept lists in
``resources/punkt/abbreviations_<lang>.txt`` are added to ``abbrev_types`` and
one-letter types are dropped from it unless a list names them (see the list
files for why).  The output is sorted JSON, so the same input gives the same file.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from nltk.tokenize.punkt import PunktParameters, PunktTrainer

from alignment.text.reflow import looks_like_pdf_text, reflow_pdf_text
from resources import punkt_dir

logger = logging.getLogger(__name__)

SUPPORTED_LANGS = ("ru", "en")
FORMAT_VERSION = 1

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
_LATIN = re.compile(r"[A-Za-z]")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_SUP = re.compile(r"<sup>.*?</sup>", re.S)
_HTML_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_MD_HEADING = re.compile(r"^#+\s*", re.M)
_MD_EMPHASIS = re.compile(r"\*{1,3}|_{2,}")
_MD_LINK = re.compile(r"\[([^\]]*)\]\([^)]*\)")
_MD_HARD_BREAK = re.compile(r"[ \t]{2,}\n")
_LEARNED_ABBREVIATION = re.compile(r"^[^\W\d_][\w.-]*$")
_ROMAN_NUMERAL = re.compile(r"^[ivxlc]+$")


def abbreviation_list_path(lang: str) -> Path:
    return punkt_dir() / f"abbreviations_{lang}.txt"


def read_abbreviations(path: Path) -> list[str]:
    """Lines of an abbreviation list, lower-cased, without comments or blanks."""
    words = []
    for line in path.read_text(encoding="utf-8").splitlines():
        word = line.split("#", 1)[0].strip().lower().rstrip(".")
        if word:
            words.append(word)
    return words


def paragraph_lang(text: str) -> str:
    """'ru' when most letters are Cyrillic, else 'en'."""
    cyrillic = len(_CYRILLIC.findall(text))
    latin = len(_LATIN.findall(text))
    return "ru" if cyrillic > latin else "en"


def strip_markdown(text: str) -> str:
    text = _SUP.sub("", text)
    text = _MD_LINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _MD_HEADING.sub("", text)
    text = _MD_EMPHASIS.sub("", text)
    return _MD_HARD_BREAK.sub("\n", text)


def corpus_paragraphs(text: str, name: str) -> list[str]:
    """Plain-text paragraphs of one corpus file (PDF text reflowed, Markdown stripped)."""
    if looks_like_pdf_text(text):
        return [block.text for block in reflow_pdf_text(text)]
    if name.endswith(".md"):
        text = strip_markdown(text)
    return [p.strip() for p in _PARAGRAPH_BREAK.split(text) if p.strip()]


def training_text(paths: Iterable[Path], lang: str) -> str:
    """The paragraphs of ``lang`` in all files, separated by blank lines."""
    kept: list[str] = []
    for path in paths:
        paragraphs = corpus_paragraphs(path.read_text(encoding="utf-8"), path.name)
        chosen = [p for p in paragraphs if paragraph_lang(p) == lang]
        logger.info("%s: %d of %d paragraphs are %s", path, len(chosen), len(paragraphs), lang)
        kept.extend(chosen)
    return "\n\n".join(kept)


def train_parameters(text: str, abbreviations: Sequence[str]) -> PunktParameters:
    """Train Punkt on ``text`` and merge the hand-kept abbreviations."""
    trainer = PunktTrainer()
    trainer.train(text, finalize=True)
    params = trainer.get_params()
    listed = set(abbreviations)
    params.abbrev_types = {a for a in params.abbrev_types if _keep_learned_abbreviation(a)}
    params.abbrev_types |= listed
    # "<number>. Word" pairs come from numbered note lists and from biographies
    # ("Born 1890. Died 1938."); as collocations they would hide real breaks.
    params.collocations = {c for c in params.collocations if c[0] != "##number##"}
    return params


def _keep_learned_abbreviation(word: str) -> bool:
    """Whether an abbreviation Punkt learned looks like one.

    On a small corpus of an inflected language Punkt takes rare sentence-final
    word forms ("сети", "ice") for abbreviations, which hides real breaks.  Whole
    words come from the hand-kept lists; from training we keep only dotted forms
    ("v.i", "т.е"), forms with digits ("m2") and two-letter ones ("кв", "шт"),
    but no Roman numerals ("Part II." ends a heading).
    One-letter types are left to Punkt's rule for initials (see the lists).
    """
    if not _LEARNED_ABBREVIATION.match(word) or _ROMAN_NUMERAL.match(word):
        return False
    return "." in word or any(c.isdigit() for c in word) or len(word) == 2


def parameters_to_json(params: PunktParameters, lang: str) -> dict[str, object]:
    return {
        "format": FORMAT_VERSION,
        "lang": lang,
        "abbrev_types": sorted(params.abbrev_types),
        "collocations": sorted([a, b] for a, b in params.collocations),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": {k: v for k, v in sorted(params.ortho_context.items()) if v},
    }


def write_parameters(params: PunktParameters, lang: str, out_path: Path) -> None:
    data = parameters_to_json(params, lang)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    out_path.write_text(
        json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Train Punkt sentence-splitter parameters.")
    parser.add_argument("--lang", choices=SUPPORTED_LANGS, required=True)
    parser.add_argument("corpus", nargs="+", type=Path, help="plain-text or Markdown files")
    parser.add_argument("-o", "--output", type=Path, required=True, help="JSON file to write")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(message)s")

    missing = [str(p) for p in args.corpus if not p.is_file()]
    if missing:
        print(f"error: corpus files not found: {', '.join(missing)}", file=sys.stderr)
        return 2
    text = training_text(args.corpus, args.lang)
    abbreviations = read_abbreviations(abbreviation_list_path(args.lang))
    params = train_parameters(text, abbreviations)
    write_parameters(params, args.lang, args.output)
    print(
        f"{args.output}: {len(text):,} characters of training text; "
        f"{len(params.abbrev_types)} abbreviations, {len(params.collocations)} collocations, "
        f"{len(params.sent_starters)} sentence starters, {len(params.ortho_context)} word types"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
