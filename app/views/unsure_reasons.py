"""What the reader says about an unsure bead: its reason code as a translated sentence.

The aligner gives every unsure bead a reason code
(``alignment.aligner.scoring.confidence.REASONS``); the library stores it in
``beads.doubt``.  A bead aligned by an older version has no code and gets the
general sentence.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

GENERAL = ""
_TEXTS: dict[str, str] = {
    "en_much_shorter": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: the English is much shorter than usual"),
    "en_much_longer": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: the English is much longer than usual"),
    "no_shared_anchors": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: no shared names, numbers or terms"),
    "close_alternative": QT_TRANSLATE_NOOP(
        "UnsureReasons", "unsure: another pairing of these sentences is almost as likely"),
    "omission": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: a sentence with no counterpart"),
    "merge": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: several sentences paired as one"),
    "unsure_neighbours": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: the beads around it are uncertain"),
    "weak_match": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: the two sides match poorly"),
    "meaning_differs": QT_TRANSLATE_NOOP("UnsureReasons", "unsure: the two sides differ in meaning"),
    "belongs_elsewhere": QT_TRANSLATE_NOOP(
        "UnsureReasons", "unsure: a sentence reads like the translation of a neighbouring one"),
    "extra_sentence": QT_TRANSLATE_NOOP(
        "UnsureReasons", "unsure: a sentence of the bead has no counterpart in meaning"),
    "aligned_by_meaning": QT_TRANSLATE_NOOP(
        "UnsureReasons", "unsure: aligned by meaning where the words pointed elsewhere"),
    GENERAL: QT_TRANSLATE_NOOP("UnsureReasons", "unsure: the aligner's confidence in this bead is low"),
}
CODES = frozenset(code for code in _TEXTS if code != GENERAL)


def reason_text(code: str | None) -> str:
    """The sentence shown on hover over an unsure bead's mark."""
    return QCoreApplication.translate("UnsureReasons", _TEXTS.get(code or GENERAL, _TEXTS[GENERAL]))
