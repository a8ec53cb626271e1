"""The command-line tools of ``sverka`` (everything but the window).

Each command opens the library, calls one ``db`` service and prints the
result; errors become one plain sentence on standard error and an exit code.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable

from alignment.errors import TextImportError
from alignment.progress import Cancelled
from app.cli import (
    EXIT_DUPLICATE,
    EXIT_ERROR,
    EXIT_INPUT,
    EXIT_INTERRUPTED,
    EXIT_LANGUAGE,
    EXIT_LIBRARY,
    EXIT_OK,
    print_json,
)
from db.engine import Library, open_library
from db.errors import DuplicateTextError, LanguageMismatchError, LibraryError
from db.services import library as library_service
from db.services.aligning import align_texts
from db.services.bundled import restore_bundled
from db.services.importing import ImportOptions, TextMetadata, import_text
from db.services.startup import library_needs_preparing, prepare_library


class StderrProgress:
    """Prints each new stage (and every 10 %) to standard error."""

    def __init__(self) -> None:
        self._last: tuple[str, int] = ("", -1)

    def update(self, done: int, total: int, stage: str = "") -> None:
        percent = int(100 * done / total) if total else 0
        key = (stage.split(":")[0], percent // 10)
        if key != self._last:
            self._last = key
            print(f"{stage} {percent}%", file=sys.stderr, flush=True)


def _open(args: argparse.Namespace) -> Library:
    library = open_library(args.db)
    if library_needs_preparing(library):
        print("Preparing the library (bundled texts, glossary index)…", file=sys.stderr, flush=True)
        prepare_library(library, progress=StderrProgress())
    return library


def cmd_import(args: argparse.Namespace) -> int:
    library = _open(args)
    meta = TextMetadata(
        lang=args.lang,
        title=args.title,
        author=args.author,
        translator=args.translator,
        date=args.date,
        source=args.source,
        rights=args.rights,
        kind=args.kind or "original",
        work_id=args.work,
    )
    options = ImportOptions(fmt=args.fmt, allow_duplicate=args.allow_duplicate, force_language=args.force_language)
    result = import_text(library, args.path, meta, options, progress=StderrProgress())
    for warning in result.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    print(
        f"Imported text {result.text_id}: {result.paragraph_count} paragraphs, {result.sentence_count} sentences."
    )
    return EXIT_OK


def cmd_list(args: argparse.Namespace) -> int:
    library = _open(args)
    with library.sessions() as session:
        works = library_service.list_works(session)
    if args.json:
        print_json(
            [
                {
                    "id": t.id,
                    "title": t.title,
                    "author": t.author,
                    "language": t.lang,
                    "kind": t.kind,
                    "translator": t.translator,
                    "work_id": t.work_id,
                    "work": t.work_title,
                    "date": t.date,
                    "paragraphs": t.paragraph_count,
                    "sentences": t.sentence_count,
                    "aligned_with": t.aligned_with,
                    "bundled": t.bundled,
                }
                for w in works
                for t in w.texts
            ]
        )
        return EXIT_OK
    for w in works:
        print(f"{w.title}" + (f" — {w.author}" if w.author else "") + f"  [work {w.id}]")
        for t in w.texts:
            aligned = f", aligned with {t.aligned_with}" if t.aligned_with else ""
            print(
                f"  {t.id:>4}  {t.lang}  {t.kind_label:<22} {t.title}"
                f"  ({t.paragraph_count} paragraphs, {t.sentence_count} sentences{aligned})"
            )
    return EXIT_OK


def cmd_show(args: argparse.Namespace) -> int:
    library = _open(args)
    with library.sessions() as session:
        info = library_service.get_text(session, args.text_id)
        paragraphs = library_service.text_paragraphs(session, args.text_id)
    print(f"{info.title}" + (f" — {info.author}" if info.author else ""))
    provenance = [info.kind_label]
    if info.translator:
        provenance.append(f"translated by {info.translator}")
    if info.date:
        provenance.append(info.date)
    if info.source:
        provenance.append(f"source: {info.source}")
    print("(" + "; ".join(provenance) + ")")
    if info.written_by_project:
        print(
            "NOTE: this text was written by Sverka's editors, not by the author or a published translator."
        )
    print()
    for p in paragraphs:
        if args.sentences:
            for s in p.sentences:
                print(f"{s.position + 1:>6}  {s.text}")
            print()
            continue
        prefix = "#" * max(p.level, 1) + " " if p.kind == "heading" else ""
        print(f"{prefix}{p.text}\n")
    return EXIT_OK


def cmd_align(args: argparse.Namespace) -> int:
    library = _open(args)
    changes = align_texts(library, args.ru_id, args.en_id, progress=StderrProgress())
    print(f"Aligned text {args.ru_id} with text {args.en_id} (alignment {min(changes.alignments)}).")
    return EXIT_OK


def cmd_delete(args: argparse.Namespace) -> int:
    library = _open(args)
    with library.sessions() as session:
        info = library_service.get_text(session, args.text_id)
    if not args.yes:
        if not sys.stdin.isatty():
            print("Refusing to delete without confirmation; add --yes.", file=sys.stderr)
            return EXIT_ERROR
        answer = input(f"Delete text {info.id} “{info.title}” and its alignments? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing deleted.")
            return EXIT_OK
    with library.sessions.begin() as session:
        library_service.delete_text(session, args.text_id)
    note = " (bundled: `sverka restore-bundled` brings it back)" if info.bundled else ""
    print(f"Deleted text {info.id} “{info.title}”{note}.")
    return EXIT_OK


def cmd_restore_bundled(args: argparse.Namespace) -> int:
    library = _open(args)
    changes = restore_bundled(library, progress=StderrProgress())
    print(f"Restored {len(changes.texts)} bundled text(s).")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "align": cmd_align,
    "delete": cmd_delete,
    "restore-bundled": cmd_restore_bundled,
}


def run(command: str, args: argparse.Namespace) -> int:
    try:
        return COMMANDS[command](args)
    except DuplicateTextError as exc:
        print(exc, file=sys.stderr)
        return EXIT_DUPLICATE
    except LanguageMismatchError as exc:
        print(exc, file=sys.stderr)
        return EXIT_LANGUAGE
    except TextImportError as exc:
        print(exc, file=sys.stderr)
        return EXIT_INPUT
    except LibraryError as exc:
        print(exc, file=sys.stderr)
        return EXIT_LIBRARY
    except Cancelled:
        print("Cancelled; the library was left as it was.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except ValueError as exc:
        print(exc, file=sys.stderr)
        return EXIT_ERROR
