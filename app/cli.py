"""The ``sverka`` command: the window by default, and command-line tools.

Only the ``gui`` branch imports PySide6, so the command-line tools work on
machines without a display.  Exit codes: 0 success, 1 unexpected error, 2 bad
usage, 3 a problem with the input file, 4 a problem with the library, 5 the
text is already in the library, 6 the text looks like another language,
7 no window can be opened here (no display, or missing system libraries),
8 the output file exists (add --force to overwrite it),
130 interrupted.

``sverka FILE`` (a file, not a command) opens the window and imports the file,
or shows it when it is already in the library: the file manager's "Open with".
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

EXIT_OK = 0
EXIT_ERROR = 1
EXIT_USAGE = 2
EXIT_INPUT = 3
EXIT_LIBRARY = 4
EXIT_DUPLICATE = 5
EXIT_LANGUAGE = 6
EXIT_NO_DISPLAY = 7
EXIT_EXISTS = 8
EXIT_INTERRUPTED = 130

KIND_CHOICES = ("original", "published_translation", "working_translation", "back_translation")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sverka",
        description=(
            "Sverka: read Russian originals and their English translations side by side, "
            "sentence by sentence. Without a command, opens the window on your library."
        ),
    )
    parser.add_argument(
        "--db",
        type=Path,
        metavar="PATH",
        help="library file to use (default: $SVERKA_DB, else library.sqlite3 in your user data folder)",
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log what happens to standard error")
    from app.version import version

    parser.add_argument("--version", action="version", version=f"sverka {version()}",
                        help="print Sverka's version and exit (Help → About in the window says more)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    sub.add_parser("gui", help="open the window (the default when no command is given)")

    imp = sub.add_parser(
        "import",
        help="add a text or book to the library (PDF, EPUB, DOCX, ODT, FB2, FB2.ZIP, HTML, Markdown, plain text)",
        description="Add a text to the library. The file is cleaned, split into paragraphs and sentences, "
        "and stored in one step: if anything fails, the library is left as it was.",
    )
    imp.add_argument("path", type=Path, help="the file to import")
    imp.add_argument("--lang", required=True, choices=("ru", "en"), help="language of the text")
    imp.add_argument("--title", default="", help="title (default: from the file)")
    imp.add_argument("--author", default="")
    imp.add_argument("--translator", default="")
    imp.add_argument("--date", default="", help="date of the text, as you want it cited")
    imp.add_argument("--source", default="", help="where the text comes from (edition, archive, URL)")
    imp.add_argument("--rights", default="", help="copyright or licence note")
    imp.add_argument("--kind", default=None, choices=KIND_CHOICES, help="default: original")
    imp.add_argument("--work", type=int, metavar="WORK-ID", help="add to an existing work (see `sverka list`)")
    imp.add_argument("--format", dest="fmt", choices=("text", "markdown", "html", "pdf-text"), help="default: detected")
    imp.add_argument("--encoding", help="the file's encoding, e.g. cp1251 or koi8-r (default: detected)")
    imp.add_argument("--allow-duplicate", action="store_true", help="import even if the same text is already there")
    imp.add_argument(
        "--force-language", action="store_true", help="import even if the text seems to be in another language"
    )

    lst = sub.add_parser("list", help="list the texts in the library, grouped by work")
    lst.add_argument("--json", action="store_true", help="print JSON (one object per text)")

    show = sub.add_parser("show", help="print a text paragraph by paragraph")
    show.add_argument("text_id", type=int, metavar="ID")
    show.add_argument("--sentences", action="store_true", help="one sentence per line, numbered")
    show.add_argument("--json", action="store_true",
                      help="print the text as one JSON object: id, title, language, paragraphs "
                           "(n, kind, level, text, page, notes)")

    align = sub.add_parser(
        "align",
        help="align a Russian text with an English text of the library",
        description="Align two texts. If the pair is aligned already, the beads you confirmed or edited are kept "
        "as fixed points and only the rest is aligned again; --discard-review throws that work away.",
    )
    align.add_argument("ru_id", type=int, metavar="RU-ID")
    align.add_argument("en_id", type=int, metavar="EN-ID")
    align.add_argument("--discard-review", action="store_true",
                       help="align from scratch, discarding the beads you confirmed or edited (asks first)")
    align.add_argument("--yes", action="store_true", help="with --discard-review: do not ask for confirmation")

    loc = sub.add_parser(
        "locate",
        help="find where an English quotation stands in a Russian text (“where is this quote in the original?”)",
        description="Find the sentences of a Russian text that an English passage translates, with a score "
        "from 0 to 1. Exits with 1 when the passage is not found (the closest passage is still shown). "
        'Example: `sverka locate 6 "To examine, verify, summarize and generalize all of this..."`.',
    )
    loc.add_argument("ru_id", type=int, metavar="RU-TEXT-ID", help="the Russian text to search (see `sverka list`)")
    loc.add_argument("quotation", help="the English passage, in quotes")
    loc.add_argument("--threshold", type=float, help="score a passage needs to count as found (default: measured)")
    loc.add_argument("--json", action="store_true", help="print JSON")
    loc.add_argument("--words-only", action="store_true",
                     help="compare shared words, names and numbers only, not meaning (faster on a text's first search)")

    rm = sub.add_parser("delete", help="delete a text (and its alignments) from the library")
    rm.add_argument("text_id", type=int, metavar="ID")
    rm.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    sub.add_parser("restore-bundled", help="bring back bundled texts you deleted")

    rb = sub.add_parser(
        "restore-backup",
        help="put the library back as it was in one of its backups (the newest by default)",
        description="Sverka keeps a backup of the library each day the window is closed (the last 7) and one before "
        "every schema upgrade, in the backups folder beside the library. Restoring backs up the library as it is "
        "first, so a restore can itself be undone.",
    )
    rb.add_argument("name", nargs="?", help="the backup's file name (see --list); default: the newest")
    rb.add_argument("--list", action="store_true", help="list the backups, newest first")
    rb.add_argument("--yes", action="store_true", help="do not ask for confirmation")

    sub.add_parser(
        "doctor", help="check this machine: versions, FTS5, the library file, whether a window can be opened"
    )
    desktop = sub.add_parser(
        "install-desktop", help="add Sverka to your applications menu and to the file manager's “Open with”"
    )
    desktop.add_argument("--uninstall", action="store_true", help="remove the menu entry and icons again")

    _add_sharing_parsers(sub)
    from app import glossary_commands

    glossary_commands.add_parser(sub)
    return parser


def _add_citation_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--style", choices=("chicago", "gost"), default="chicago",
                        help="citation style: Chicago notes-bibliography (17th ed.) or GOST R 7.0.5-2008 (default: chicago)")
    parser.add_argument("--romanisation", choices=("strict", "plain"), default="strict",
                        help="Russian in Chicago citations: ALA-LC with diacritics (strict) or without (plain)")


def _add_sharing_parsers(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    """``export``, ``bookmark``, ``replace`` and ``import-aligned``."""
    formats = ("tmx", "tsv", "csv", "html", "md", "txt", "pdf", "docx")
    exp = sub.add_parser(
        "export",
        help="export an aligned text, a range of it, a bookmark or all bookmarks with a tag",
        description="Export aligned text with its citation (Chicago or GOST: both texts at their printed pages, "
        "or Sverka's paragraph numbers where a text has none; rights; Sverka's bead numbers). Examples: `sverka export 6 --range 12-40 --format tmx -o out.tmx`, "
        "`sverka export --bookmarks --tag collectivization --format html -o out.html`.",
    )
    exp.add_argument("text_id", type=int, nargs="?", metavar="TEXT-ID", help="either text of an aligned pair")
    exp.add_argument("--range", metavar="FIRST-LAST", help="beads to export, numbered from 1 (default: all)")
    exp.add_argument("--bookmark", type=int, metavar="BOOKMARK-ID", help="export one bookmark")
    exp.add_argument("--bookmarks", action="store_true", help="export bookmarks (with --tag)")
    exp.add_argument("--tag", help="with --bookmarks: every bookmark with this tag")
    exp.add_argument("--format", dest="fmt", choices=formats, help="default: from the output file name")
    exp.add_argument("-o", "--output", type=Path, required=True, metavar="PATH", help="file to write")
    exp.add_argument("--title", default="", help="title printed at the top (default: the work or the tag)")
    exp.add_argument("--force", action="store_true", help="overwrite the output file if it exists")
    _add_citation_options(exp)
    exp.add_argument("--paper", choices=("a4", "letter"), help="page of DOCX and PDF (default: your locale's)")

    bmk = sub.add_parser("bookmark", help="add, list, edit or delete bookmarks")
    bsub = bmk.add_subparsers(dest="bookmark_command", metavar="ACTION", required=True)
    badd = bsub.add_parser("add", help="bookmark a range of beads of an aligned text")
    badd.add_argument("text_id", type=int, metavar="TEXT-ID", help="either text of an aligned pair")
    badd.add_argument("--range", required=True, metavar="FIRST-LAST", help="beads, numbered from 1 (e.g. 12-14 or 12)")
    for b in (badd,):
        b.add_argument("--title", default=None, help="default: the first words of the passage")
        b.add_argument("--note", default="")
        b.add_argument("--tag", action="append", default=[], help="a tag (repeat for several)")
        b.add_argument("--colour", default="#ffd54f", help="highlight colour, like #ffd54f")
    bedit = bsub.add_parser("edit", help="change a bookmark's title, note, tags or colour")
    bedit.add_argument("bookmark_id", type=int, metavar="ID")
    bedit.add_argument("--title")
    bedit.add_argument("--note")
    bedit.add_argument("--tag", action="append", help="replaces the tags (repeat for several)")
    bedit.add_argument("--colour")
    bedit.add_argument("--reviewed", action="store_true", help="clear the “needs review” flag")
    blist = bsub.add_parser("list", help="list bookmarks across the library")
    blist.add_argument("--tag", default="")
    blist.add_argument("--text", default="", help="words in the title, note or passage")
    blist.add_argument("--note", default="", help="words in the note")
    blist.add_argument("--json", action="store_true")
    bdel = bsub.add_parser("delete", help="delete a bookmark")
    bdel.add_argument("bookmark_id", type=int, metavar="ID")

    rep = sub.add_parser(
        "replace",
        help="replace a working translation or back-translation with a real text, keeping bookmarks",
        description="Import PATH as the replacement of a text written by Sverka's editors (e.g. the Russian "
        "original for a back-translation), align it with the other side and move the bookmarks to it. "
        "The stand-in stays in the library under its label.",
    )
    rep.add_argument("text_id", type=int, metavar="TEXT-ID", help="the working translation or back-translation")
    rep.add_argument("path", type=Path, help="the file with the real text")
    rep.add_argument("--lang", choices=("ru", "en"), help="checked against the stand-in's language")
    rep.add_argument("--title", default="")
    rep.add_argument("--author", default="")
    rep.add_argument("--translator", default="")
    rep.add_argument("--date", default="")
    rep.add_argument("--source", default="", help="edition, archive, URL")
    rep.add_argument("--rights", default="")
    rep.add_argument("--kind", default="", choices=("", *KIND_CHOICES), help="default: original or published_translation")
    rep.add_argument("--format", dest="fmt", choices=("text", "markdown", "html", "pdf-text"))
    rep.add_argument("--encoding", help="the file's encoding (default: detected)")
    rep.add_argument("--force-language", action="store_true")

    cit = sub.add_parser(
        "cite",
        help="the citation of a text, of beads of an aligned pair or of a bookmark; or its record for Zotero",
        description="Print (or write with -o) the citation of a whole text, of beads of the pair it is aligned "
        "in (both texts at their printed pages, or Sverka's paragraph numbers, said so) or of a bookmark, in "
        "Chicago or GOST style; or the texts' records as CSL-JSON, RIS or BibTeX for Zotero and other reference "
        "managers. Examples: `sverka cite 6 --range 12-14`, `sverka cite 3 --format ris -o rogovin.ris`.",
    )
    cit.add_argument("text_id", type=int, nargs="?", metavar="ID", help="a text (see `sverka list`)")
    cit.add_argument("--range", metavar="FIRST-LAST", help="beads of the pair, numbered from 1 (e.g. 12-14 or 12)")
    cit.add_argument("--bookmark", type=int, metavar="BOOKMARK-ID", help="cite a bookmark's passage")
    cit.add_argument("--format", dest="fmt", default="chicago", choices=("chicago", "gost", "csl-json", "ris", "bibtex"),
                     help="a citation style, or a format reference managers import (default: chicago)")
    cit.add_argument("--romanisation", choices=("strict", "plain"), default="strict",
                     help="Russian in Chicago citations: ALA-LC with diacritics (strict) or without (plain)")
    cit.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to a file instead of printing")
    cit.add_argument("--force", action="store_true", help="overwrite the output file if it exists")

    rpt = sub.add_parser(
        "report",
        help="the translation report of an aligned pair: omissions, additions, length outliers, unsure beads",
        description="Report, chapter by chapter, how a translation renders its original: the sentences on each "
        "side, the Russian left untranslated (omissions) and the English with no Russian (additions) with their "
        "text, beads whose English is far longer or shorter than the pair's own ratio, and the beads the aligner "
        "is unsure of, each with its bead number and page. Examples: `sverka report 6`, "
        "`sverka report 6 -o report.html`, `sverka report 7 --format json`.",
    )
    rpt.add_argument("text_id", type=int, metavar="TEXT-ID", help="either text of an aligned pair (see `sverka list`)")
    rpt.add_argument("--format", dest="fmt", choices=("html", "md", "json"),
                     help="default: from the output file name, else Markdown")
    rpt.add_argument("-o", "--output", type=Path, metavar="PATH", help="write to a file instead of printing")
    rpt.add_argument("--force", action="store_true", help="overwrite the output file if it exists")

    ial = sub.add_parser(
        "import-aligned",
        help="import an aligned pair: a Sverka export, or TMX, TSV, CSV, LF Aligner or InterText files made elsewhere",
        description="Import an aligned pair. Sverka's own TMX/TSV/CSV exports come back with each text's kind, "
        "translator, rights and record, the beads' review status, the paragraph and bead numbers and the pages. "
        "Other files: TMX; TSV or CSV (UTF-8, UTF-16 from Excel, cp1251; commas or semicolons) with a Russian and "
        "an English column; LF Aligner's .txt output; an InterText/hunalign alignment (.xml, with its two documents "
        "next to it).",
    )
    ial.add_argument("path", type=Path)
    ial.add_argument("--format", dest="fmt", choices=("tmx", "tsv", "csv", "txt", "xml"), help="default: from the file name")
    ial.add_argument("--title", default="", help="title of the work (default: from the file)")
    ial.add_argument("--author", default="")
    ial.add_argument("--date", default="")
    ial.add_argument("--source", default="")
    ial.add_argument("--translator", default="", help="translator of the English text")
    ial.add_argument("--allow-duplicate", action="store_true")


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    argv, open_path = split_open_path(parser, list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    command = args.command or "gui"
    if command == "gui":
        from app.startup_check import check_current_environment

        diagnosis = check_current_environment()
        if not diagnosis.can_open_window:
            print(diagnosis.message, file=sys.stderr)
            return EXIT_NO_DISPLAY
        from app.main import run_gui

        return run_gui(db_path=args.db, open_path=open_path)
    if command == "doctor":
        from app.doctor import run_doctor

        return run_doctor(args.db)
    if command == "install-desktop":
        from app.desktop import run_install_desktop

        return run_install_desktop(uninstall=args.uninstall)
    from app import commands
    from app.terminal import safe_output
    from db.errors import LibraryError

    try:
        with safe_output():
            try:
                if command == "glossary":
                    return _glossary(args)
                return commands.run(command, args)
            except LibraryError as exc:
                # Whatever the command: a problem with the library file is exit 4 and one sentence.
                print(exc, file=sys.stderr)
                return EXIT_LIBRARY
    except KeyboardInterrupt:
        print("Interrupted; the library was left as it was before this command.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        # The reader of our output went away (`sverka show 3 | head`): not an error.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_OK


def split_open_path(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str], Path | None]:
    """Take ``FILE`` out of ``sverka [OPTIONS] FILE``: the first positional argument when it
    is an existing file and not a command name.  A missing file that looks like a path is an error."""
    commands: set[str] = set()
    valued_options: set[str] = set()
    for action in parser._actions:  # argparse has no public view of its own definitions
        if isinstance(action, argparse._SubParsersAction):
            commands.update(action.choices)
        elif action.option_strings and action.nargs != 0:
            valued_options.update(action.option_strings)
    i = 0
    while i < len(argv):
        token = argv[i]
        if token == "--":
            return argv, None
        if token.startswith("-"):
            i += 2 if token in valued_options else 1
            continue
        if token in commands:
            return argv, None
        path = Path(token).expanduser()
        if path.is_file():
            return argv[:i] + argv[i + 1 :], path
        if "/" in token or "." in token:
            parser.error(f"{token}: no such file (and not a command; see `sverka --help`)")
        return argv, None
    return argv, None


def _glossary(args: argparse.Namespace) -> int:
    from app import glossary_commands

    return glossary_commands.run(args)


def print_json(data: object) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


if __name__ == "__main__":
    sys.exit(main())
