"""Parsing the XML inside books without letting the file reach out or blow up.

lxml with entity resolution, DTD loading and network access switched off and
``huge_tree`` off: a "billion laughs" or an external entity (``file:///etc/passwd``)
is never expanded.  ``recover`` is on for XHTML only, where broken markup is
common and harmless.
"""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from alignment.text.errors import DamagedFileError


def _parser(recover: bool) -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=True,
        remove_pis=True,
        recover=recover,
    )


def parse_xml(data: bytes, *, format_name: str, part: str = "", path: Path | None = None, recover: bool = False) -> etree._Element:
    """The root element of ``data``; the encoding comes from the XML declaration (or BOM)."""
    try:
        root = etree.fromstring(data, _parser(recover))
    except (etree.XMLSyntaxError, ValueError, LookupError) as exc:
        where = f"the part “{part}” is not well-formed XML" if part else "it is not well-formed XML"
        damaged = DamagedFileError(path, format_name, f"{where}: {exc}")
        damaged.line = getattr(exc, "lineno", 0) or 0
        raise damaged from None
    if root is None:
        raise DamagedFileError(path, format_name, f"the part “{part}” is empty" if part else "it is empty")
    return root


def local(tag: object) -> str:
    """An element's tag without its namespace ("{ns}p" -> "p"); "" for comments and the like."""
    if not isinstance(tag, str):
        return ""
    return tag.rsplit("}", 1)[-1]


def attr(element: etree._Element, name: str) -> str:
    """An attribute by local name, whatever its namespace (``epub:type``, ``l:href``, ``xlink:href``)."""
    value = element.get(name)
    if value is not None:
        return value
    for key, value in element.attrib.items():
        if key.rsplit("}", 1)[-1] == name:
            return value
    return ""
