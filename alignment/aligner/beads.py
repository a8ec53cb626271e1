"""Beads (one step of a sentence alignment) and Vecalign's text format for them.

A bead pairs a run of source units with a run of target units; either run may
be empty (an omission or an addition).  The format is one bead per line,
``[0, 1]:[0]:0.93`` (the score is optional when reading), as Vecalign and
Bertalign print and read it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path


class BeadFormatError(ValueError):
    """A line of an alignment file is not in Vecalign's ``[i, j]:[k]`` format."""

    def __init__(self, line_number: int, line: str, path: str | None = None) -> None:
        self.line_number = line_number
        self.line = line
        self.path = path
        where = f"{path}, line {line_number}" if path else f"line {line_number}"
        super().__init__(
            f"{where} is not an alignment bead like '[0, 1]:[2]': {line[:80]!r}; "
            "check that the file is a Vecalign-format alignment."
        )


@dataclass(frozen=True, slots=True)
class Bead:
    """Source unit ids and target unit ids aligned together.

    ``score`` is the aligner's own figure (higher is better, about 0..1);
    ``confidence`` the calibrated probability that the bead is exactly right;
    ``fixed`` marks a bead the user confirmed (an anchor); ``doubt`` is why the
    aligner is unsure of it (a code of ``scoring.confidence.REASONS``), None
    when it is sure; ``evidence`` the numbers the confidence was computed from
    (``scoring.evidence.FEATURES``; empty for beads the aligner did not weigh).
    """

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    score: float = 0.0
    confidence: float = 0.0
    fixed: bool = False
    doubt: str | None = None
    evidence: tuple[float, ...] = field(default=(), compare=False, repr=False)

    @property
    def unsure(self) -> bool:
        """The aligner made this bead and is not sure of it (the reader's orange mark)."""
        from alignment.aligner.scoring.confidence import is_unsure

        return is_unsure(self.confidence, fixed=self.fixed)

    @property
    def kind(self) -> tuple[int, int]:
        return len(self.src), len(self.tgt)

    def key(self) -> tuple[tuple[int, ...], tuple[int, ...]]:
        return self.src, self.tgt


_BEAD_RE = re.compile(r"^\s*\[([\d,\s]*)\]\s*:\s*\[([\d,\s]*)\]\s*(?::\s*(\S+))?\s*$")


def _ids(text: str) -> tuple[int, ...]:
    return tuple(int(part) for part in text.split(",") if part.strip())


def parse_bead(line: str, line_number: int = 1, path: str | None = None) -> Bead:
    match = _BEAD_RE.match(line)
    if match is None:
        raise BeadFormatError(line_number, line, path)
    score = 0.0
    if match.group(3) is not None:
        try:
            score = float(match.group(3))
        except ValueError:
            raise BeadFormatError(line_number, line, path) from None
    return Bead(_ids(match.group(1)), _ids(match.group(2)), score, score)


def read_vecalign(lines: Iterable[str], path: str | None = None) -> list[Bead]:
    """Parse Vecalign-format lines; blank lines are skipped."""
    beads = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            beads.append(parse_bead(line, number, path))
    return beads


def read_vecalign_file(path: str | Path) -> list[Bead]:
    with open(path, encoding="utf-8") as handle:
        return read_vecalign(handle, str(path))


def format_bead(bead: Bead, *, with_score: bool = True) -> str:
    src = ", ".join(str(i) for i in bead.src)
    tgt = ", ".join(str(i) for i in bead.tgt)
    text = f"[{src}]:[{tgt}]"
    return f"{text}:{bead.score:.6f}" if with_score else text


def write_vecalign(beads: Sequence[Bead], *, with_score: bool = True) -> str:
    return "".join(format_bead(b, with_score=with_score) + "\n" for b in beads)
