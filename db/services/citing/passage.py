"""The citation of a passage of a pair: each side's work at its pages, in one style.

``Russian original: L. Trot͡skiĭ, “Problemy …,” …, no. 20 (1931): 45. English:
Leon Trotsky, “Problems …,” working translation by the Sverka editors, not
published (Sverka, 2026), para. 12.``  A side without printed pages is cited by
paragraph numbers and the citation says whose numbers they are.  Bead numbers
are Sverka's own locator and come last, after the citation proper.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from db.services.citing import chicago, gost
from db.services.citing.locators import Locator
from db.services.citing.styled import Styled
from db.services.records import Record

PROJECT_KINDS = frozenset({"working_translation", "back_translation"})
_SIDE_LABELS = {
    # (lang, kind) → (Chicago, GOST)
    ("ru", "original"): ("Russian original", "Русский оригинал"),
    ("ru", "published_translation"): ("Russian translation", "Русский перевод"),
    ("en", "original"): ("English original", "Английский оригинал"),
    ("en", "published_translation"): ("English translation", "Английский перевод"),
}
_LANG_LABELS = {"ru": ("Russian", "Русский текст"), "en": ("English", "Английский текст")}
_PARAGRAPH_REMARK = (
    "Paragraph numbers are those of the text in Sverka; the printed pages are not recorded.",
    "Номера абзацев — по тексту в Sverka; страницы издания не указаны.",
)
_PARAGRAPH_REMARK_BOTH = (
    "Paragraph numbers are those of the texts in Sverka; the printed pages are not recorded.",
    "Номера абзацев — по текстам в Sverka; страницы изданий не указаны.",
)


@dataclass(frozen=True, slots=True)
class CitedSide:
    """One text of a passage: its record, what kind of text it is, and where the passage is in it."""

    lang: str
    kind: str
    record: Record
    locator: Locator = Locator()

    @property
    def project_kind(self) -> str:
        return self.kind if self.kind in PROJECT_KINDS else ""


@dataclass(frozen=True, slots=True)
class PassageCitation:
    """A passage of one text or of a pair; ``beads``: Sverka's bead numbers (from 1), if a pair."""

    sides: tuple[CitedSide, ...]
    beads: tuple[int, int] | None = None
    extra: dict[str, str] = field(default_factory=dict)

    def side(self, lang: str) -> CitedSide | None:
        return next((s for s in self.sides if s.lang == lang), None)


def _i(style: str) -> int:
    if style not in ("chicago", "gost"):
        raise ValueError(f"Unknown citation style {style!r}; expected chicago or gost.")
    return 0 if style == "chicago" else 1


def side_label(side: CitedSide, style: str) -> str:
    return _SIDE_LABELS.get((side.lang, side.kind), _LANG_LABELS.get(side.lang, (side.lang, side.lang)))[_i(style)]


def side_note(side: CitedSide, style: str, *, romanisation: str = "strict", locator: bool = True) -> Styled:
    """The note for one side at the passage's pages (``locator=False``: the work alone)."""
    where = side.locator if locator else None
    if _i(style) == 0:
        return chicago.note(side.record, where, project_kind=side.project_kind, options=chicago.Options(romanisation))
    return gost.note(side.record, where, project_kind=side.project_kind)


def side_bibliography(side: CitedSide, style: str, *, romanisation: str = "strict") -> Styled:
    if _i(style) == 0:
        return chicago.bibliography(side.record, project_kind=side.project_kind, options=chicago.Options(romanisation))
    return gost.bibliography(side.record, project_kind=side.project_kind)


def paragraph_remark(passage: PassageCitation, style: str) -> str:
    """What paragraph numbers stand for, when a side is cited by them (empty otherwise)."""
    by_paragraph = [s for s in passage.sides if not s.locator.has_pages and s.locator.has_paragraphs]
    if not by_paragraph:
        return ""
    return (_PARAGRAPH_REMARK_BOTH if len(by_paragraph) > 1 else _PARAGRAPH_REMARK)[_i(style)]


def bead_remark(passage: PassageCitation, style: str) -> str:
    if passage.beads is None:
        return ""
    first, last = passage.beads
    span = str(first) if first == last else f"{first}–{last}"
    return (f"Sverka: bead {span}." if first == last else f"Sverka: beads {span}.") if _i(style) == 0 else (
        f"Sverka: пара {span}." if first == last else f"Sverka: пары {span}.")


def cite_passage(passage: PassageCitation, style: str, *, romanisation: str = "strict", beads: bool = True) -> Styled:
    """The whole citation: each side with its label, what paragraph numbers mean, and the bead numbers."""
    pieces: list[Styled | str] = []
    several = len(passage.sides) > 1
    for side in passage.sides:
        if pieces:
            pieces.append(" ")
        note = side_note(side, style, romanisation=romanisation)
        pieces.append(Styled.of(f"{side_label(side, style)}: ", note) if several else note)
    remark = paragraph_remark(passage, style)
    if remark:
        pieces.append(" " + remark)
    if beads and passage.beads is not None:
        pieces.append(" " + bead_remark(passage, style))
    return Styled.of(*pieces)
