"""The `sverka glossary show|mark` commands (called by the `sverka` CLI in app/).

``show`` prints the entry a term resolves to; ``mark`` prints every term
occurrence in a text file as ``line:start:end:entry-id:matched text``
(lines 1-based, columns 0-based character offsets within the line).
Everything printed is plain text.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TextIO

from alignment.glossary.entries import Entry, Glossary, GlossaryError
from resources import glossary_dir

DEFAULT_GLOSSARY = glossary_dir() / "glossary.json"


def _load(glossary_path: Path | None, err: TextIO) -> Glossary | None:
    try:
        return Glossary.load(glossary_path or DEFAULT_GLOSSARY)
    except GlossaryError as error:
        print(f"error: {error}", file=err)
        return None


def format_entry(entry: Entry, glossary: Glossary) -> str:
    """An entry as plain text, for the terminal."""
    lines = [f"{entry.headword_en}  [{entry.id}]", f"category: {entry.category}"]
    if entry.variants_en:
        lines.append("English: " + ", ".join(entry.variants_en))
    if entry.forms_ru:
        lines.append("Russian: " + ", ".join(entry.forms_ru))
    if entry.translit:
        lines.append(f"transliteration: {entry.translit}")
    if entry.dates:
        lines.append(f"dates: {entry.dates}")
    lines.append("")
    lines.append(entry.biography or entry.definition)
    if entry.related:
        names = [glossary[r].headword_en if glossary.get(r) else r for r in entry.related]
        lines.append("")
        lines.append("see also: " + ", ".join(names))
    lines.append(f"source: {entry.source}")
    return "\n".join(lines)


def show(term: str, glossary_path: Path | None = None, *,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print the entry ``term`` resolves to; 0 if found, 1 if not, 2 on a bad glossary."""
    out, err = out or sys.stdout, err or sys.stderr
    glossary = _load(glossary_path, err)
    if glossary is None:
        return 2
    entry = glossary.resolve(term)
    if entry is None:
        print(f"no glossary entry for {term!r}", file=err)
        return 1
    print(format_entry(entry, glossary), file=out)
    return 0


def mark(path: Path, lang: str, glossary_path: Path | None = None, *,
         out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Print every term occurrence in the text file ``path``; 0 on success, 2 on error."""
    out, err = out or sys.stdout, err or sys.stderr
    if lang not in ("ru", "en"):
        print(f"error: unsupported language {lang!r}: use ru or en", file=err)
        return 2
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        print(f"error: cannot read {path} as UTF-8 text ({error}); convert it to UTF-8 first", file=err)
        return 2
    glossary = _load(glossary_path, err)
    if glossary is None:
        return 2
    matcher = glossary.matcher
    for number, line in enumerate(text.splitlines(), start=1):
        for hit in matcher.find(line, lang):
            print(f"{number}:{hit.start}:{hit.end}:{hit.entry_id}:{hit.matched}", file=out)
    return 0
