"""Plain data handed from the library layer to its callers (CLI, GUI).

Callers never hold ORM objects: these frozen dataclasses are safe to keep,
pass between threads and show in item models.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

KIND_LABELS = {
    "original": "original",
    "published_translation": "published translation",
    "working_translation": "working translation",
    "back_translation": "back-translation",
}
PROJECT_WRITTEN_KINDS = frozenset({"working_translation", "back_translation"})


@dataclass(frozen=True, slots=True)
class TextInfo:
    id: int
    work_id: int
    work_title: str
    title: str
    author: str
    lang: str
    role: str
    kind: str
    translator: str
    date: str
    source: str
    rights: str
    note: str
    paragraph_count: int
    sentence_count: int
    char_count: int
    bundled: bool
    key: str | None
    aligned_with: int | None = None
    alignment_id: int | None = None

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def written_by_project(self) -> bool:
        """A working translation or reconstruction written by Sverka's editors."""
        return self.kind in PROJECT_WRITTEN_KINDS

    def as_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["kind_label"] = self.kind_label
        return data


@dataclass(frozen=True, slots=True)
class WorkInfo:
    id: int
    title: str
    author: str
    date: str
    texts: tuple[TextInfo, ...]


@dataclass(frozen=True, slots=True)
class SentenceView:
    position: int
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class ParagraphView:
    position: int
    kind: str
    level: int
    text: str
    lang: str | None
    sentences: tuple[SentenceView, ...]
    notes: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class ImportResult:
    text_id: int
    work_id: int
    paragraph_count: int
    sentence_count: int
    warnings: tuple[str, ...] = field(default=())


@dataclass(frozen=True, slots=True)
class Changes:
    """Ids touched by an operation, so that views refresh only what changed."""

    texts: frozenset[int] = frozenset()
    works: frozenset[int] = frozenset()
    alignments: frozenset[int] = frozenset()
    library_reset: bool = False
