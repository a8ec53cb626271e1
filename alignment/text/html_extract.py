"""HTML pages saved from the web to clean blocks: the main text only.

Owns decoding of HTML bytes (honouring ``<meta charset>``, which old Russian
archives set to windows-1251 or KOI8-R) and extraction: headings, paragraphs,
list items, block quotes and table cells become blocks; navigation, headers,
footers, menus, scripts and blocks that are mostly links ("Return to: Home")
are dropped.  ``<sup>n</sup>`` note calls become NoteRefs.

selectolax (lexbor) rather than html.parser: it repairs broken markup the way
browsers do (unclosed <p>, stray </td> are the norm on old archive pages),
gives CSS selectors for dropping page furniture, and is fast.
"""

from __future__ import annotations

import codecs
import re
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser, LexborNode

from alignment.text.decode import (
    CYRILLIC_ENCODINGS,
    DecodedText,
    best_cyrillic_decoding,
    decode_bytes,
    normalize_text,
    russian_score,
)
from alignment.text.document import Block
from alignment.text.markdown_clean import clean_inline, note_call_marker

_META_CHARSET = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_:.\-]+)|<\?xml[^>]+encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""",
    re.I,
)
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside", "form",
    "iframe", "svg", "button", "select", "input", "textarea", "menu", "object", "embed",
    "canvas", "head",
)
_DROP_ROLES = ("navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar")
_DROP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|navigation|menu|footer|header|breadcrumbs?|sidebar|banner|share|"
    r"social|comments?|advert|ads|cookies?|toolbar|pager|pagination|related)(?:$|[\s_-])",
    re.I,
)
_KEEP_ALWAYS = frozenset({"html", "body", "main", "article"})
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_BLOCK_TAGS = frozenset(
    {
        "p", "div", "li", "ul", "ol", "dl", "dd", "dt", "blockquote", "table", "tr", "td", "th",
        "tbody", "thead", "section", "article", "main", "body", "center", "address",
        "figure", "figcaption", "caption", "hr", "br", "pre",
    }
)
_WS = re.compile(r"\s+")
LINK_SHARE_NAV = 0.7
NAV_MAX_CHARS = 200


def decode_html_bytes(data: bytes, *, path: Path | None = None, encoding: str | None = None) -> DecodedText:
    """Decode an HTML page: the user's ``encoding`` if given, else BOM, then valid UTF-8,
    then the declared charset (unless it is a Cyrillic table that reads much worse
    than another one), then detection."""
    if encoding is not None:
        return decode_bytes(data, path=path, encoding=encoding)
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_bytes(data, path=path)
    try:
        return DecodedText(normalize_text(data.decode("utf-8")), "utf-8")
    except UnicodeDecodeError:
        pass
    declared = declared_charset(data)
    if declared is not None:
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            text = None
        if text is not None:
            if declared in CYRILLIC_ENCODINGS:
                best = best_cyrillic_decoding(data)
                if best is not None and russian_score(best[0]) > russian_score(text) + 1.0:
                    return DecodedText(normalize_text(best[0]), best[1])
            return DecodedText(normalize_text(text), declared.replace("_", "-"))
    return decode_bytes(data, path=path)


def declared_charset(data: bytes) -> str | None:
    """The Python codec name of the charset an HTML page declares, if known."""
    m = _META_CHARSET.search(data[:8192])
    if m is None:
        return None
    name = (m.group(1) or m.group(2)).decode("ascii").lower()
    try:
        return codecs.lookup(name).name.replace("-", "_")
    except LookupError:
        return None


def html_to_blocks(text: str) -> tuple[str | None, list[Block]]:
    """Return the page title and the blocks of its main text."""
    tree = LexborHTMLParser(text)
    title_node = tree.css_first("title")
    title = _WS.sub(" ", title_node.text()).strip() if title_node is not None else None
    _drop_furniture(tree)
    root = _main_root(tree)
    if root is None:
        return title or None, []
    walker = _Walker()
    walker.walk(root)
    walker.flush()
    return title or None, walker.blocks


def _drop_furniture(tree: LexborHTMLParser) -> None:
    for tag in _DROP_TAGS:
        for node in tree.css(tag):
            node.decompose()
    for role in _DROP_ROLES:
        for node in tree.css(f'[role="{role}"]'):
            node.decompose()
    for node in tree.css("[class], [id]"):
        if node.tag in _KEEP_ALWAYS:
            continue
        attrs = node.attributes
        names = f"{attrs.get('class') or ''} {attrs.get('id') or ''}"
        if _DROP_CLASS.search(names):
            node.decompose()


def _main_root(tree: LexborHTMLParser) -> LexborNode | None:
    body = tree.body
    if body is None:
        return None
    body_len = len(body.text(strip=True))
    for selector in ("main", "article", '[role="main"]', "#content", "#main"):
        node = tree.css_first(selector)
        if node is not None and len(node.text(strip=True)) >= 0.3 * body_len:
            return node
    return body


class _Walker:
    """Depth-first walk that cuts the inline text into blocks at block elements."""

    def __init__(self) -> None:
        self.blocks: list[Block] = []
        self.buffer: list[str] = []
        self.link_chars = 0

    def walk(self, node: LexborNode, in_link: bool = False, depth: int = 0) -> None:
        child = node.child
        while child is not None:
            self._visit(child, in_link, depth)
            child = child.next

    def _visit(self, node: LexborNode, in_link: bool, depth: int) -> None:
        tag = node.tag
        if tag == "-text":
            value = node.text_content or ""
            self.buffer.append(value)
            if in_link:
                self.link_chars += len(value.strip())
            return
        if tag in ("-comment", "!doctype") or tag is None:
            return
        if tag == "sup":
            label = node.text(strip=True)
            if re.fullmatch(r"\[?\d{1,4}\]?", label):
                self.buffer.append(note_call_marker(label.strip("[]")))
                return
        if tag in _HEADINGS:
            self.flush()
            self.walk(node, in_link, depth + 1)
            self.flush(heading_level=_HEADINGS[tag])
            return
        if tag == "pre":
            self.flush()
            for para in re.split(r"\n\s*\n", node.text()):
                self.buffer.append(para)
                self.flush()
            return
        is_block = tag in _BLOCK_TAGS
        if is_block:
            self.flush()
        if depth < 400:
            self.walk(node, in_link or (tag == "a" and "href" in node.attributes), depth + 1)
        if is_block:
            self.flush()

    def flush(self, heading_level: int = 0) -> None:
        raw = _WS.sub(" ", "".join(self.buffer)).strip()
        links = self.link_chars
        self.buffer = []
        self.link_chars = 0
        if not raw:
            return
        letters = len(raw.replace(" ", ""))
        if links >= LINK_SHARE_NAV * letters and len(raw) <= NAV_MAX_CHARS and not heading_level:
            return  # a navigation link line: "Return to: Home", "« Previous | Next »"
        body, notes = clean_inline(raw, markdown=False)
        if not body:
            return
        if heading_level:
            self.blocks.append(Block("heading", body, level=heading_level, notes=notes))
        else:
            self.blocks.append(Block("body", body, notes=notes))
