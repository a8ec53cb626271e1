"""The command-line tools of ``sverka`` (everything but the window).

Each command opens the library, calls one ``db`` service and prints the
result; errors become one plain sentence on standard error and an exit code.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable

from alignment.text.errors import TextImportError
from alignment.progress import Cancelled
from app.cli import (
    EXIT_DUPLICATE,
    EXIT_ERROR,
    EXIT_EXISTS,
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
from db.services.aligning import align_texts, reviewed_bead_count
from db.services.bundled import restore_bundled
from db.services.export.errors import ExportError, ExportTargetExistsError
from db.services.importing import ImportOptions, TextMetadata, import_text
from db.services.review import review_progress
from db.services.startup import library_needs_preparing, open_user_library, prepare_library


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
    library = open_user_library(args.db)
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
    options = ImportOptions(fmt=args.fmt, allow_duplicate=args.allow_duplicate, force_language=args.force_language,
                            encoding=args.encoding)
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
    if getattr(args, "json", False):
        from db.services.text_json import text_as_json

        with library.sessions() as session:
            data = text_as_json(session, args.text_id)
        print(json.dumps(data, ensure_ascii=False, indent=1))
        return EXIT_OK
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
    with library.sessions() as session:
        reviewed = reviewed_bead_count(session, args.ru_id, args.en_id)
    if reviewed and args.discard_review and not args.yes:
        if not sys.stdin.isatty():
            print(f"Refusing to discard the {reviewed} beads you confirmed or edited without confirmation; "
                  "add --yes.", file=sys.stderr)
            return EXIT_ERROR
        answer = input(f"Discard the {reviewed} beads you confirmed or edited and align from scratch? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing changed.")
            return EXIT_OK
    keep = not args.discard_review
    if reviewed and keep:
        print(f"Keeping the {reviewed} beads you confirmed or edited as fixed points; aligning the rest.",
              file=sys.stderr)
    changes = align_texts(library, args.ru_id, args.en_id, keep_review=keep, progress=StderrProgress())
    kept = f"; {reviewed} reviewed beads kept" if reviewed and keep else (
        f"; {reviewed} reviewed beads discarded" if reviewed else "")
    alignment_id = min(changes.alignments)
    with library.sessions() as session:
        progress = review_progress(session, alignment_id)
    print(f"Aligned text {args.ru_id} with text {args.en_id} (alignment {alignment_id}{kept}): "
          f"{progress.beads} beads, {progress.unsure} unsure.")
    return EXIT_OK


def cmd_locate(args: argparse.Namespace) -> int:
    from db.services.locating import (
        locate_quote,
        prepare_quote_search,
        quote_search_ready,
    )

    library = _open(args)
    semantic = not args.words_only
    with library.sessions() as session:
        if semantic and not quote_search_ready(session, args.ru_id):
            print("Reading the meaning of the text's sentences (once per text; about 35 a second)…",
                  file=sys.stderr, flush=True)
            prepare_quote_search(session, args.ru_id)
        where = locate_quote(session, args.ru_id, args.quotation, threshold=args.threshold, semantic=semantic)
    if args.json:
        print_json(
            {
                "found": where.found,
                "score": round(where.score, 4),
                "threshold": where.threshold,
                "ru_text_id": where.ru_text_id,
                "sentences": [where.first_sentence + 1, where.last_sentence + 1],
                "ru_text": where.ru_text,
                "ru_part": where.ru_part or None,
                "en_text_id": where.en_text_id,
                "beads": None if where.bead_start is None else [where.bead_start + 1, where.bead_end],
                "en_sentences": None
                if where.en_first_sentence is None
                else [where.en_first_sentence + 1, where.en_last_sentence + 1],  # type: ignore[operator]
                "en_text": where.en_text,
                "semantic": where.semantic,
            }
        )
        return EXIT_OK if where.found else EXIT_ERROR
    if not where.ru_text:
        print("Not found: the text has no sentences, or the quotation has no words.")
        return EXIT_ERROR
    first, last = where.first_sentence + 1, where.last_sentence + 1
    sentences = f"sentence {first}" if first == last else f"sentences {first}–{last}"
    if where.found:
        print(f"Found in text {where.ru_text_id}, {sentences} (score {where.score:.2f}):")
    else:
        print(
            f"Not found: no passage scores {where.threshold:.2f} or more. The closest, {sentences} "
            f"(score {where.score:.2f}), may or may not be the one quoted; check it before citing it:"
        )
    print(f"  {where.ru_text}")
    if where.ru_part:
        print(f"The quotation most likely renders this part of it:\n  {where.ru_part_shown}")
    if where.en_text:
        beads = f"bead {where.bead_start + 1}" if where.bead_end == where.bead_start + 1 else (  # type: ignore[operator]
            f"beads {where.bead_start + 1}–{where.bead_end}"  # type: ignore[operator]
        )
        print(f"Aligned English (text {where.en_text_id}, {beads}):")
        print(f"  {where.en_text}")
    return EXIT_OK if where.found else EXIT_ERROR


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


def cmd_restore_backup(args: argparse.Namespace) -> int:
    from app.instance_lock import window_running
    from db.backups import find_backup, list_backups
    from db.engine import default_library_path, restore_backup

    path = (args.db or default_library_path()).expanduser()
    if args.list:
        backups = list_backups(path)
        if not backups:
            print(f"There are no backups of {path} yet.")
        for b in backups:
            print(f"{b.made:%Y-%m-%d %H:%M}  {b.reason:<32} {b.size / 2**20:7.1f} MB  {b.name}")
        return EXIT_OK
    chosen = find_backup(path, args.name)
    if window_running(path):
        print("A Sverka window has this library open; close it first (or use File → Restore from backup there).",
              file=sys.stderr)
        return EXIT_LIBRARY
    if not args.yes:
        if not sys.stdin.isatty():
            print("Refusing to restore without confirmation; add --yes.", file=sys.stderr)
            return EXIT_ERROR
        answer = input(f"Put the library back as it was on {chosen.made:%Y-%m-%d %H:%M} ({chosen.name})? [y/N] ")
        if answer.strip().lower() not in {"y", "yes"}:
            print("Nothing changed.")
            return EXIT_OK
    library = open_library(args.db)
    try:
        before = restore_backup(library, chosen.path)
    finally:
        library.close()
    print(f"Restored the library from {chosen.name}. The library as it was is kept as {before.name}.")
    return EXIT_OK


def _bead_range(text: str) -> tuple[int, int]:
    """``12-40`` or ``12`` (numbered from 1, both included) → positions from 0."""
    first, _, last = text.replace("–", "-").partition("-")
    try:
        a, b = int(first), int(last or first)
    except ValueError:
        raise ValueError(f"{text!r} is not a bead range like 12-40.") from None
    if a < 1 or b < a:
        raise ValueError(f"{text!r} is not a bead range like 12-40 (numbers from 1, first ≤ last).")
    return a - 1, b - 1


def cmd_export(args: argparse.Namespace) -> int:
    from db.services.export import excerpt as excerpts
    from db.services.export import export_document, format_for_path, normalise_format

    fmt = normalise_format(args.fmt) if args.fmt else format_for_path(args.output)
    library = _open(args)
    with library.sessions() as session:
        if args.bookmarks or args.bookmark is not None:
            if args.bookmark is not None:
                chosen = [excerpts.excerpt_for_bookmark(session, args.bookmark)]
                title = args.title or chosen[0].heading or chosen[0].work_title
            else:
                if not args.tag:
                    raise ValueError("--bookmarks needs --tag TAG (or use --bookmark ID for one bookmark).")
                chosen = excerpts.excerpts_for_tag(session, args.tag)
                title = args.title or f"Bookmarks tagged “{args.tag}”"
        else:
            if args.text_id is None:
                raise ValueError("Say what to export: TEXT-ID [--range FIRST-LAST], --bookmark ID, or --bookmarks --tag TAG.")
            alignment_id = excerpts.alignment_for_text(session, args.text_id)
            if args.range:
                first, last = _bead_range(args.range)
            else:
                first, last = 0, excerpts.bead_count(session, alignment_id) - 1
            chosen = [excerpts.excerpt_for_range(session, alignment_id, first, last)]
            title = args.title or chosen[0].work_title
    document = excerpts.make_document(title, chosen, style=args.style, romanisation=args.romanisation,
                                      paper=args.paper)
    path = export_document(document, fmt, args.output, overwrite=args.force)
    beads = sum(len(e.beads) for e in document.excerpts)
    print(f"Exported {beads} bead(s) to {path} ({fmt}).")
    return EXIT_OK


def cmd_cite(args: argparse.Namespace) -> int:
    from db.services.citations import citation_for
    from db.services.citing.formats import items_for, render_items
    from db.services.citing.passage import cite_passage, side_bibliography
    from db.services.export.writing import write_atomically

    library = _open(args)
    with library.sessions() as session:
        passage = citation_for(session, args.text_id, _bead_range(args.range) if args.range else None, args.bookmark)
    if args.fmt in ("chicago", "gost"):
        lines = [cite_passage(passage, args.fmt, romanisation=args.romanisation).plain(), ""]
        title = "Bibliography:" if args.fmt == "chicago" else "Список литературы:"
        lines += [title] + [side_bibliography(s, args.fmt, romanisation=args.romanisation).plain() for s in passage.sides]
        text = "\n".join(lines) + "\n"
    else:
        text = render_items(items_for(passage), args.fmt)
    if args.output is None:
        sys.stdout.write(text)
    else:
        path = write_atomically(args.output, text.encode("utf-8"), overwrite=args.force)
        print(f"Wrote the {args.fmt} citation to {path}.")
    return EXIT_OK


def cmd_bookmark(args: argparse.Namespace) -> int:
    from db.services import bookmarks as bookmark_service
    from db.services.export.excerpt import alignment_for_text

    library = _open(args)
    action = args.bookmark_command
    if action == "list":
        with library.sessions() as session:
            found = bookmark_service.list_bookmarks(session, text=args.text, tag=args.tag, note=args.note)
        if args.json:
            print_json(
                [
                    {
                        "id": b.id,
                        "title": b.title,
                        "note": b.note,
                        "tags": list(b.tags),
                        "colour": b.colour,
                        "work": b.work_title,
                        "ru_text_id": b.ru_text_id,
                        "en_text_id": b.en_text_id,
                        "beads": None if b.bead_start is None else [b.bead_start + 1, b.bead_end],
                        "needs_review": b.needs_review,
                        "review_reason": b.review_reason,
                    }
                    for b in found
                ]
            )
            return EXIT_OK
        for b in found:
            where = "not found — needs review" if b.lost else f"beads {b.bead_start + 1}–{b.bead_end}"  # type: ignore[operator]
            tags = f"  [{', '.join(b.tags)}]" if b.tags else ""
            flag = "  (!) " + b.review_reason if b.needs_review and not b.lost else ""
            print(f"{b.id:>5}  {b.title}  — {b.work_title}, {where}{tags}{flag}")
        return EXIT_OK
    with library.sessions.begin() as session:
        if action == "add":
            first, last = _bead_range(args.range)
            info = bookmark_service.add_bookmark(
                session,
                alignment_for_text(session, args.text_id),
                first,
                last + 1,
                title=args.title,
                note=args.note,
                tags=args.tag,
                colour=args.colour,
            )
            print(f"Added bookmark {info.id} “{info.title}”.")
        elif action == "edit":
            changes = {
                name: value
                for name, value in (("title", args.title), ("note", args.note), ("tags", args.tag), ("colour", args.colour))
                if value is not None
            }
            info = bookmark_service.update_bookmark(session, args.bookmark_id, reviewed=args.reviewed, **changes)
            print(f"Changed bookmark {info.id} “{info.title}”.")
        else:
            saved = bookmark_service.delete_bookmark(session, args.bookmark_id)
            print(f"Deleted bookmark {saved.id} “{saved.title}”.")
    return EXIT_OK


def cmd_replace(args: argparse.Namespace) -> int:
    from db.services.replacing import replace_text

    library = _open(args)
    with library.sessions() as session:
        old = library_service.get_text(session, args.text_id)
    if args.lang and args.lang != old.lang:
        raise ValueError(
            f"Text {old.id} is {old.lang}, but --lang says {args.lang}: a replacement is in the stand-in's language."
        )
    meta = TextMetadata(
        lang=old.lang,
        title=args.title,
        author=args.author,
        translator=args.translator,
        date=args.date,
        source=args.source,
        rights=args.rights,
        kind=args.kind,
    )
    options = ImportOptions(fmt=args.fmt, force_language=args.force_language, encoding=args.encoding)
    result = replace_text(library, args.text_id, args.path, meta, options, progress=StderrProgress())
    for warning in result.warnings:
        print(f"Note: {warning}", file=sys.stderr)
    print(
        f"Text {result.old_text_id} was replaced by text {result.new_text_id} (alignment {result.alignment_id}); "
        f"the stand-in stays in the library under its label. Bookmarks remapped: {len(result.bookmarks_remapped)}"
        + (f"; needing review: {len(result.bookmarks_flagged)} ({', '.join(map(str, result.bookmarks_flagged))})"
           if result.bookmarks_flagged else "")
        + "."
    )
    return EXIT_OK


def cmd_import_aligned(args: argparse.Namespace) -> int:
    from db.services.aligned_import import import_aligned

    library = _open(args)
    ru_meta = en_meta = None
    if any((args.title, args.author, args.date, args.source, args.translator)):
        ru_meta = TextMetadata(lang="ru", title=args.title, author=args.author, date=args.date, source=args.source)
        en_meta = TextMetadata(
            lang="en", kind="published_translation", title=args.title, author=args.author, date=args.date,
            source=args.source, translator=args.translator,
        )
    result = import_aligned(
        library, args.path, ru_meta=ru_meta, en_meta=en_meta, fmt=args.fmt,
        options=ImportOptions(allow_duplicate=args.allow_duplicate), progress=StderrProgress(),
    )
    print(
        f"Imported the aligned pair as texts {result.ru_text_id} (ru) and {result.en_text_id} (en), "
        f"{result.bead_count} beads (alignment {result.alignment_id})."
    )
    return EXIT_OK


def cmd_report(args: argparse.Namespace) -> int:
    from db.services.export.report_formats import export_report, render_report, report_format
    from db.services.export.report_text import totals_line
    from db.services.translation_report import alignment_of_pair, translation_report

    if args.fmt:
        fmt = args.fmt
    elif args.output is not None:
        fmt = report_format(args.output.suffix or "?")
    else:
        fmt = "md"
    library = _open(args)
    with library.sessions() as session:
        report = translation_report(session, alignment_of_pair(session, args.text_id))
    if args.output is None:
        sys.stdout.write(render_report(report, fmt).decode("utf-8"))
        return EXIT_OK
    path = export_report(report, fmt, args.output, overwrite=args.force)
    print(f"Wrote the translation report ({fmt}) to {path}: {totals_line(report.body)}")
    return EXIT_OK


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "import": cmd_import,
    "list": cmd_list,
    "show": cmd_show,
    "align": cmd_align,
    "locate": cmd_locate,
    "delete": cmd_delete,
    "restore-bundled": cmd_restore_bundled,
    "restore-backup": cmd_restore_backup,
    "export": cmd_export,
    "bookmark": cmd_bookmark,
    "replace": cmd_replace,
    "cite": cmd_cite,
    "import-aligned": cmd_import_aligned,
    "report": cmd_report,
}


# Errors a user can cause, most specific first, and the exit code each gives; the
# message is the error's own one sentence.
_ERROR_EXIT_CODES: tuple[tuple[type[Exception], int], ...] = (
    (ExportTargetExistsError, EXIT_EXISTS),
    (ExportError, EXIT_ERROR),
    (DuplicateTextError, EXIT_DUPLICATE),
    (LanguageMismatchError, EXIT_LANGUAGE),
    (TextImportError, EXIT_INPUT),
    (LibraryError, EXIT_LIBRARY),
    (ValueError, EXIT_ERROR),
)


def run(command: str, args: argparse.Namespace) -> int:
    try:
        return COMMANDS[command](args)
    except Cancelled:
        print("Cancelled; the library was left as it was.", file=sys.stderr)
        return EXIT_INTERRUPTED
    except Exception as exc:
        for error_type, code in _ERROR_EXIT_CODES:
            if isinstance(exc, error_type):
                print(exc, file=sys.stderr)
                return code
        raise
