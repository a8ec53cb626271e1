"""Romanisation of Russian for citations: the Library of Congress (ALA-LC) table.

The table itself comes from ``iuliia`` (MIT), which ships the ALA-LC schema
with its own test samples.  Two forms are offered, as scholarly publishers use
both:

- ``strict``: the table as published, with its diacritics and tie bars
  (Trot͡skiĭ, Vlastʹ i oppozit͡sii) — what library catalogues and Zotero records
  hold;
- ``plain``: the same table without diacritics (Trotskii, Vlast' i oppozitsii),
  which most English-language journals print (Chicago 17th ed., 11.102).

One correction to iuliia's ALA-LC mapping: it leaves ``ё`` in Cyrillic; the
LC table romanises it as ``ë`` (and the plain form as ``e``).  Text that is
not Cyrillic passes through unchanged, so a mixed string is safe to romanise.
"""

from __future__ import annotations

import json
import re
from functools import lru_cache
from pathlib import Path

ROMANISATIONS = ("strict", "plain")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_WORD = re.compile(r"[\u0400-\u04ff]+")


@lru_cache(maxsize=2)
def _schema(form: str):  # type: ignore[no-untyped-def]
    import iuliia
    from iuliia.schema import TranslitSchema

    base = iuliia.ALA_LC if form == "strict" else iuliia.ALA_LC_ALT
    table = json.loads(Path(base.path).read_text(encoding="utf-8"))
    mapping = dict(table["mapping"])
    mapping["ё"] = "ë" if form == "strict" else "e"
    return TranslitSchema(
        name=f"{table['name']}-sverka",
        description=table.get("description"),
        mapping=mapping,
        prev_mapping=table.get("prev_mapping"),
        next_mapping=table.get("next_mapping"),
        ending_mapping=table.get("ending_mapping"),
    )


def has_cyrillic(text: str) -> bool:
    return bool(_CYRILLIC.search(text))


def romanise(text: str, form: str = "strict") -> str:
    """``text`` with its Russian letters romanised by the ALA-LC table (``strict`` or ``plain``)."""
    if form not in ROMANISATIONS:
        raise ValueError(f"Unknown romanisation {form!r}; expected one of {', '.join(ROMANISATIONS)}.")
    if not has_cyrillic(text):
        return text
    schema = _schema(form)
    # iuliia capitalises only the first letter of a capital word; an abbreviation
    # stays in capitals as the LC table has it (ЦК → T͡SK, not T͡sK).
    return _WORD.sub(lambda m: _word(schema, m.group(0)), text)


def _word(schema, word: str) -> str:  # type: ignore[no-untyped-def]
    out = str(schema.translate(word))
    return out.upper() if len(word) > 1 and word.isupper() else out
