"""How Russian a Cyrillic text looks, judged by its letter pairs.

Every 8-bit Cyrillic table decodes every byte string, so Greek, Hebrew or
Arabic bytes read as cp1251 or KOI8-R give Cyrillic letters too; single
letter frequencies do not tell them from Russian.  Pairs of letters do:
«ЕъМАИ» or «НЦИПД» are pairs Russian almost never writes.  The table is the
log-probability of each pair (word edges included) in the bundled Russian
texts; ``pair_score`` is the mean over a text's Cyrillic words.

Rebuild the table (after changing the bundled Russian texts) with
``python -m alignment.text.letter_pairs FILE…`` (it writes
``resources/encoding/ru_letter_pairs.json``).
"""

from __future__ import annotations

import argparse
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

LETTERS = "абвгдеёжзийклмнопрстуфхцчшщъыьэюяіїєґў"
_EDGE = " "
_WORD = re.compile(r"[а-яёіїєґў]+")
TABLE_NAME = "ru_letter_pairs.json"
_SMOOTHING = 0.5


def _pairs(text: str) -> Iterable[str]:
    for word in _WORD.findall(text.lower()):
        padded = f"{_EDGE}{word}{_EDGE}"
        for a, b in zip(padded, padded[1:]):
            yield a + b


def build_table(texts: Iterable[str]) -> dict[str, float]:
    counts = Counter(p for t in texts for p in _pairs(t))
    alphabet = LETTERS + _EDGE
    total = sum(counts.values()) + _SMOOTHING * len(alphabet) ** 2
    table = {a + b: math.log((counts[a + b] + _SMOOTHING) / total) for a in alphabet for b in alphabet}
    return {k: round(v, 3) for k, v in table.items()}


@lru_cache(maxsize=1)
def _default_table() -> dict[str, float]:
    from resources import encoding_dir

    return json.loads((encoding_dir() / TABLE_NAME).read_text(encoding="utf-8"))["log_p"]


def pair_score(text: str, table: dict[str, float] | None = None, *, limit: int = 200_000) -> float:
    """Mean log-probability of the Cyrillic letter pairs of ``text`` (-inf when it has none)."""
    table = table or _default_table()
    floor = min(table.values())
    total = 0.0
    n = 0
    for pair in _pairs(text[:limit]):
        total += table.get(pair, floor)
        n += 1
    return total / n if n else float("-inf")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("files", nargs="+", type=Path, help="Russian texts (UTF-8)")
    parser.add_argument("-o", "--output", type=Path, default=None)
    args = parser.parse_args(argv)
    table = build_table(p.read_text(encoding="utf-8") for p in args.files)
    from resources import encoding_dir

    out = args.output or encoding_dir() / TABLE_NAME
    out.write_text(json.dumps({"built_from": [p.name for p in args.files], "generated_by":
                               "python -m alignment.text.letter_pairs", "log_p": table},
                              ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {out} ({len(table)} pairs)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
