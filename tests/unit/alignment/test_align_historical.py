"""The aligner on hand-checked historical pairs bundled with Sverka (held out from tuning).

tests/data/align_gold holds Trotsky's 1925 notes (English and its Russian
reconstruction, whole) and 100 sentences of the 1931 platform (Russian and the
working translation), segmented as the import does; every bead was checked by
reading both sides.  Both translate sentence by sentence, so these guard
against regressions rather than measure hard cases.
"""

import json
from pathlib import Path

import pytest

from alignment.aligner.align import align
from alignment.aligner.beads import read_vecalign_file
from alignment.aligner.evaluate import score_alignments

GOLD = Path(__file__).resolve().parents[2] / "data" / "align_gold"
PARAGRAPHS = json.loads((GOLD / "paragraphs.json").read_text(encoding="utf-8"))


def _pair(name: str) -> tuple[list[str], list[str]]:
    return ((GOLD / f"{name}.ru.txt").read_text(encoding="utf-8").splitlines(),
            (GOLD / f"{name}.en.txt").read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize("name", sorted(PARAGRAPHS))
@pytest.mark.parametrize("use_paragraphs", [True, False])
def test_bundled_historical_pairs_align_as_checked_by_hand(name: str, use_paragraphs: bool) -> None:
    ru, en = _pair(name)
    paragraphs = PARAGRAPHS[name]
    assert len(paragraphs["ru"]) == len(ru) and len(paragraphs["en"]) == len(en)
    beads = align(ru, en, src_paragraphs=paragraphs["ru"] if use_paragraphs else None,
                  tgt_paragraphs=paragraphs["en"] if use_paragraphs else None)
    scores = score_alignments([read_vecalign_file(GOLD / f"{name}.gold.txt")], [beads])
    assert scores.f1_strict >= 0.98
    assert scores.f1_lax >= 0.99
