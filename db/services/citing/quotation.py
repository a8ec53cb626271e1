"""A quotation for the clipboard: plain text and HTML, Russian, English or both, with the citation.

Plain text::

    «Russian words…»

    “English words…”

    Russian original: … English: …

The HTML flavour holds the same in ``<blockquote lang=…>`` with titles in
italics, so a word processor pastes it formatted and in the right language.
Copying one side cites that side alone.
"""

from __future__ import annotations

from dataclasses import replace
from html import escape

from db.services.citing.passage import PassageCitation, cite_passage

CHOICES = ("pair", "ru", "en")


def _narrow(citation: PassageCitation, which: str) -> PassageCitation:
    if which == "pair":
        return citation
    sides = tuple(s for s in citation.sides if s.lang == which) or citation.sides
    return replace(citation, sides=sides)


def _quoted(text: str, lang: str) -> str:
    return f"«{text}»" if lang == "ru" else f"“{text}”"


def clipboard_formats(ru: str, en: str, citation: PassageCitation, which: str = "pair", *, style: str = "chicago",
                      romanisation: str = "strict") -> tuple[str, str]:
    """(plain text, HTML) of a quotation: ``which`` is ``pair``, ``ru`` or ``en``."""
    if which not in CHOICES:
        raise ValueError(f"Unknown choice {which!r}; expected one of {', '.join(CHOICES)}.")
    sides = [(lang, text) for lang, text in (("ru", ru), ("en", en)) if text and which in ("pair", lang)]
    cite = cite_passage(_narrow(citation, which), style, romanisation=romanisation)
    plain = "\n\n".join([_quoted(text, lang) for lang, text in sides] + [cite.plain()])
    blocks = []
    for lang, text in sides:
        paragraphs = "".join(f"<p>{escape(p)}</p>" for p in text.split("\n\n"))
        blocks.append(f'<blockquote lang="{lang}">{paragraphs}</blockquote>')
    doc_lang = "ru" if style == "gost" else "en"
    html = (f'<html><head><meta charset="utf-8"></head><body>{"".join(blocks)}'
            f'<p lang="{doc_lang}">{cite.html()}</p></body></html>')
    return plain, html
