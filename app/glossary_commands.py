"""`sverka glossary …`: look up, mark, add, export and import glossary entries.

The glossary in force is the library's: the bundled entries plus the user's
own (stored in the library).  Output is plain text.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from db.engine import Library

# The parser is built for every `sverka` command, the window's included: what the
# commands need is imported when one of them runs.

EXIT_OK = 0
EXIT_NOT_FOUND = 1
EXIT_BAD_INPUT = 2


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    glossary = sub.add_parser("glossary", help="look up Soviet terms and people; manage your own entries")
    gsub = glossary.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)
    gshow = gsub.add_parser("show", help="print the entry a term (Russian or English, any form) resolves to")
    gshow.add_argument("term")
    gmark = gsub.add_parser("mark", help="print every term in a text file as line:start:end:entry-id:text")
    gmark.add_argument("path", type=Path)
    gmark.add_argument("--lang", required=True, choices=("ru", "en"))
    gadd = gsub.add_parser("add", help="add (or replace) an entry of your own")
    gadd.add_argument("headword", help="English headword")
    gadd.add_argument("--ru", action="append", default=[], metavar="FORM", help="Russian form (repeatable)")
    gadd.add_argument("--variant", action="append", default=[], metavar="FORM", help="other English form")
    gadd.add_argument("--definition", default="")
    gadd.add_argument("--category", default="other")
    gexp = gsub.add_parser("export", help="write the whole glossary as JSON or CSV")
    gexp.add_argument("-o", "--output", type=Path, required=True, help="file to write (.json or .csv)")
    gexp.add_argument("--force", action="store_true", help="overwrite an existing file")
    gimp = gsub.add_parser("import", help="add your entries from a JSON or CSV file")
    gimp.add_argument("path", type=Path)


def run(args: argparse.Namespace, library: Library | None = None) -> int:
    from alignment.glossary.entries import GlossaryError
    from db.engine import open_library

    library = library or open_library(args.db)
    action = args.glossary_command
    try:
        if action == "show":
            return _show(library, args.term)
        if action == "mark":
            return _mark(library, args.path, args.lang)
        if action == "add":
            return _add(library, args)
        if action == "export":
            return _export(library, args.output, force=args.force)
        return _import(library, args.path)
    except GlossaryError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT


def _show(library: Library, term: str) -> int:
    from alignment.glossary.cli import format_entry
    from db.services import glossary as glossary_service

    with library.sessions() as session:
        glossary = glossary_service.library_glossary(session)
    entry = glossary.resolve(term)
    if entry is None:
        print(f"No glossary entry for “{term}”; `sverka glossary add` adds your own.", file=sys.stderr)
        return EXIT_NOT_FOUND
    print(format_entry(entry, glossary))
    return EXIT_OK


def _mark(library: Library, path: Path, lang: str) -> int:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        print(f"Cannot read {path} as UTF-8 text ({exc}); convert it to UTF-8 first.", file=sys.stderr)
        return EXIT_BAD_INPUT
    from db.services import glossary as glossary_service

    with library.sessions() as session:
        matcher = glossary_service.library_glossary(session).matcher
    for number, line in enumerate(text.splitlines(), start=1):
        for hit in matcher.find(line, lang):
            print(f"{number}:{hit.start}:{hit.end}:{hit.entry_id}:{hit.matched}")
    return EXIT_OK


def _add(library: Library, args: argparse.Namespace) -> int:
    from db.services import glossary as glossary_service

    entry = glossary_service.new_user_entry(
        args.headword, forms_ru=args.ru, definition=args.definition, category=args.category, variants_en=args.variant
    )
    with library.sessions.begin() as session:
        glossary_service.save_user_entry(session, entry)
    glossary_service.reindex_terms(library)
    print(f"Saved your entry “{entry.headword_en}” [{entry.id}]; the library's texts were re-indexed.")
    return EXIT_OK


def _export(library: Library, output: Path, *, force: bool) -> int:
    from db.services import glossary as glossary_service
    from db.services.export.errors import ExportTargetExistsError, ExportWriteError
    from db.services.export.writing import write_atomically

    fmt = output.suffix.lower().lstrip(".")
    if fmt not in ("json", "csv"):
        print("Name the output file .json or .csv.", file=sys.stderr)
        return EXIT_BAD_INPUT
    with library.sessions() as session:
        data = glossary_service.export_glossary(glossary_service.library_glossary(session), fmt)
    try:
        write_atomically(output, data.encode("utf-8"), overwrite=force)
    except ExportTargetExistsError:
        print(f"{output} already exists; add --force to overwrite it.", file=sys.stderr)
        return EXIT_BAD_INPUT
    except ExportWriteError as exc:
        print(exc, file=sys.stderr)
        return EXIT_BAD_INPUT
    print(f"Wrote the glossary to {output}.")
    return EXIT_OK


def _import(library: Library, path: Path) -> int:
    from db.services import glossary as glossary_service

    with library.sessions.begin() as session:
        count = glossary_service.import_glossary(session, path)
    glossary_service.reindex_terms(library)
    print(f"Imported {count} entries as your own; the library's texts were re-indexed.")
    return EXIT_OK
