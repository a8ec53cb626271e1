"""Citation text with italics: the same citation as plain text, HTML or Markdown.

A citation is a short run of pieces, some in italics (titles of books and
journals).  Plain text drops the italics (Chicago's plain-text fallback), HTML
writes ``<i>``, Markdown ``*…*``; every piece is escaped for its format.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from html import escape


@dataclass(frozen=True, slots=True)
class Styled:
    parts: tuple[tuple[str, bool], ...] = ()  # (text, italic)

    @classmethod
    def of(cls, *parts: str | tuple[str, bool] | Styled) -> Styled:
        out: list[tuple[str, bool]] = []
        for p in parts:
            if isinstance(p, Styled):
                out.extend(p.parts)
            elif isinstance(p, tuple):
                out.append(p)
            elif p:
                out.append((p, False))
        return cls(_merge(out))

    def __add__(self, other: str | Styled) -> Styled:
        return Styled.of(self, other)

    def __bool__(self) -> bool:
        return any(text for text, _ in self.parts)

    def plain(self) -> str:
        return "".join(text for text, _ in self.parts)

    def html(self) -> str:
        return "".join(f"<i>{escape(t)}</i>" if i else escape(t) for t, i in self.parts)

    def markdown(self, escape_text: Callable[[str], str]) -> str:
        return "".join(f"*{escape_text(t)}*" if i and t.strip() else escape_text(t) for t, i in self.parts)

    def ends_with(self, chars: str) -> bool:
        text = self.plain().rstrip()
        return bool(text) and text[-1] in chars


def italic(text: str) -> Styled:
    return Styled(((text, True),)) if text else Styled()


def join(pieces: Iterable[Styled | str], sep: str) -> Styled:
    out: list[Styled | str] = []
    for p in pieces:
        if not p:
            continue
        if out:
            out.append(sep)
        out.append(p)
    return Styled.of(*out)


def _merge(parts: list[tuple[str, bool]]) -> tuple[tuple[str, bool], ...]:
    merged: list[tuple[str, bool]] = []
    for text, it in parts:
        if not text:
            continue
        if merged and merged[-1][1] == it:
            merged[-1] = (merged[-1][0] + text, it)
        else:
            merged.append((text, it))
    return tuple(merged)
