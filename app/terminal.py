"""What the command line prints is text, never terminal control.

A title or sentence holding ESC sequences (from a file imported before Sverka
cleaned them, or from any other library) would otherwise move the cursor,
retitle the terminal or worse when ``sverka list`` prints it.  ``safe_output``
wraps standard output and error for a command: control characters are shown
as their visible Unicode pictures (ESC as ␛), C1 controls as U+FFFD; tab and
newline pass.  JSON stays valid: ``json.dump`` escapes C0 characters itself.
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator
from typing import Any, TextIO

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def _picture(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)
    if code == 0x7F:
        return "\u2421"
    return "\ufffd"


def visible(text: str) -> str:
    """``text`` with every control character (but tab and newline) made visible."""
    return _CONTROL.sub(_picture, text)


class SafeStream:
    """A text stream that shows control characters instead of sending them."""

    def __init__(self, stream: TextIO) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(visible(text))
        return len(text)

    def writelines(self, lines: Any) -> None:
        for line in lines:
            self.write(line)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


@contextlib.contextmanager
def safe_output() -> Iterator[None]:
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = SafeStream(sys.stdout), SafeStream(sys.stderr)  # type: ignore[assignment]
    try:
        yield
    finally:
        sys.stdout, sys.stderr = saved
