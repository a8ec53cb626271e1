"""Character-level safety shared by the XML-based formats (TMX, DOCX).

XML 1.0 cannot carry most C0 control characters; they are replaced by U+FFFD
so the file stays valid.  Tabs and newlines are legal and kept as they are.
"""

from __future__ import annotations

import re

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(text: str) -> str:
    return _XML_INVALID.sub("\ufffd", text)


def xml_text(text: str) -> str:
    """Escape for XML element content; ``\\r`` is written as a reference so parsers keep it."""
    return (
        xml_safe(text)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\r", "&#13;")
    )


def xml_attr(text: str) -> str:
    return (
        xml_text(text)
        .replace('"', "&quot;")
        .replace("\n", "&#10;")
        .replace("\t", "&#9;")
    )
