"""Which stored beads are *unsure*: the library's form of ``alignment.aligner.scoring.confidence.is_unsure``.

A stored bead is unsure when the aligner made it (status "auto": the user has
neither confirmed nor edited it) and its confidence is below the threshold.
The reader's orange mark, review mode's count and N, the command line and
the JSON output all use this one definition; ``is_stored_unsure`` and
``UNSURE`` (the same test as an SQL condition) are kept side by side here.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, and_

from alignment.aligner.scoring.confidence import SURE_THRESHOLD, is_unsure
from db.models import Bead

AUTO = "auto"

UNSURE: ColumnElement[bool] = and_(Bead.status == AUTO, Bead.confidence < SURE_THRESHOLD)


def is_stored_unsure(status: str, confidence: float) -> bool:
    """The same test as ``UNSURE``, on values already read."""
    return is_unsure(confidence, fixed=status != AUTO)
