"""Where in a text a passage stands: printed pages when the text has them, else
Sverka's paragraph numbers — and how each style writes that.

A passage is cited to the pages it occupies (the page its first sentence starts
on to the page its last sentence ends on).  A text without page labels is cited
by paragraph numbers, and the citation says that they are Sverka's numbers, not
the edition's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from db.services.pages import page_span

_NUMBER = re.compile(r"^\d+$")


@dataclass(frozen=True, slots=True)
class Locator:
    """Pages (labels as printed) or paragraphs (numbers from 1) of a passage; both None: the whole text."""

    first_page: str | None = None
    last_page: str | None = None
    first_paragraph: int | None = None
    last_paragraph: int | None = None

    @property
    def has_pages(self) -> bool:
        return bool(self.first_page or self.last_page)

    @property
    def has_paragraphs(self) -> bool:
        return self.first_paragraph is not None

    @property
    def empty(self) -> bool:
        return not self.has_pages and not self.has_paragraphs

    @property
    def is_range(self) -> bool:
        if self.has_pages:
            return bool(self.first_page and self.last_page and self.first_page != self.last_page)
        return self.has_paragraphs and self.last_paragraph not in (None, self.first_paragraph)

    def pages(self, *, abbreviate: bool) -> str:
        """``45`` or ``45–46`` (``abbreviate``: Chicago's inclusive numbers, 101–8, 321–28)."""
        first, last = self.first_page, self.last_page
        if abbreviate and first and last and _NUMBER.match(first) and _NUMBER.match(last) and first != last:
            return f"{first}–{chicago_range_end(int(first), int(last))}"
        return page_span(first, last) or ""

    def paragraphs(self) -> str:
        if self.first_paragraph is None:
            return ""
        if self.last_paragraph is None or self.last_paragraph == self.first_paragraph:
            return str(self.first_paragraph)
        return f"{self.first_paragraph}–{self.last_paragraph}"


def chicago_range_end(first: int, last: int) -> str:
    """The second number of an inclusive range as Chicago writes it (CMOS 17th ed., 9.61)."""
    if last <= first or first < 100 or first % 100 == 0:
        return str(last)
    a, b = str(first), str(last)
    if len(a) != len(b):
        return b
    if first % 100 < 10:  # 101–108 → 101–8, 1103–1104 → 1103–4: the changed part only
        changed = next(i for i in range(len(a)) if a[i] != b[i])
        return b[changed:].lstrip("0") or "0"
    # 110–199 of each hundred: at least two digits, more if more changed (321–28, 498–532, 11564–615);
    # a four-digit number of which three digits change is written whole (1496–1500).
    changed = next((i for i in range(len(a)) if a[i] != b[i]), len(a) - 1)
    if len(b) == 4 and changed <= 1:
        return b
    return b[min(changed, len(b) - 2):]
