"""Column types that keep control characters out of the library, whatever the way in.

Every way text enters (a file import, an aligned file, a glossary file, a
bookmark typed or pasted, an edited title) ends in a write of one of these
columns, so the one cleaning step lives here: control characters (ESC, BEL,
NUL, C1 codes…) are dropped on the way into SQLite.  Tabs and newlines are kept.
The entry points already clean the texts they segment (``normalize_text``),
so sentence offsets never shift here; this is the floor under all of them.
"""

from __future__ import annotations

import re
from typing import Any

from sqlalchemy import JSON, String, Text
from sqlalchemy.types import TypeDecorator

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def strip_controls(value: str) -> str:
    """``value`` without control characters (tab, newline and carriage return kept)."""
    return _CONTROL.sub("", value) if _CONTROL.search(value) else value


def _clean(value: Any) -> Any:
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_clean(v) for v in value]
    if isinstance(value, tuple):
        return [_clean(v) for v in value]
    if isinstance(value, dict):
        return {strip_controls(str(k)): _clean(v) for k, v in value.items()}
    return value


class CleanText(TypeDecorator[str]):
    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else strip_controls(value)


class CleanString(TypeDecorator[str]):
    impl = String
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Any) -> str | None:
        return None if value is None else strip_controls(value)


class CleanJSON(TypeDecorator[Any]):
    impl = JSON
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Any) -> Any:
        return _clean(value)
