"""EPUB 2 and 3 to a book: spine order, headings, printed pages and notes.

The package is opened through ``safezip`` (zip bombs refused) and every part
parsed through ``safexml``.  The OPF gives the metadata and the spine; the
navigation document (EPUB 3) or the NCX (EPUB 2) marks as headings the
elements it points to when the XHTML does not use ``h1``–``h6`` for them.
Notes: a first pass over the spine collects the targets of every note call,
so the second pass can take those elements out of the body wherever they
are (the same file, or a notes file at the end).  DRM-encrypted books
(``META-INF/encryption.xml`` naming content files) are refused.
"""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urldefrag

from lxml import etree

from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.text.decode import normalize_text
from alignment.text.document import CleanDocument, DocumentMetadata
from alignment.text.errors import DamagedFileError, EmptyFileError, EncryptedFileError
from alignment.text.readers.book import BookBuilder, make_document
from alignment.text.readers.names import person
from alignment.text.readers.safexml import attr, local, parse_xml
from alignment.text.readers.safezip import SafeZip
from alignment.text.readers.xhtml import _LABEL, XhtmlWalker, types_of

_XHTML_TYPES = {"application/xhtml+xml", "text/html", "application/x-dtbook+xml"}


def read_epub(
    data: bytes,
    *,
    path: Path | None = None,
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> CleanDocument:
    progress = progress or NullProgress()
    archive = SafeZip(data, format_name="EPUB", path=path)
    _refuse_drm(archive, path)
    opf_name = _rootfile(archive, path)
    opf = parse_xml(archive.read(opf_name), format_name="EPUB", part=opf_name, path=path)
    base = posixpath.dirname(opf_name)
    manifest: dict[str, tuple[str, str, str]] = {}  # id -> (member name, media type, properties)
    for item in opf.iter():
        if local(item.tag) == "item" and item.get("href"):
            name = posixpath.normpath(posixpath.join(base, unquote(item.get("href", ""))))
            manifest[item.get("id", "")] = (name, item.get("media-type", ""), item.get("properties", ""))
    spine = [manifest[r.get("idref", "")][0] for r in opf.iter() if local(r.tag) == "itemref"
             and r.get("idref", "") in manifest and manifest[r.get("idref", "")][1] in _XHTML_TYPES
             and r.get("linear", "yes") != "no" or (local(r.tag) == "itemref" and r.get("linear") == "no" and False)]
    # non-linear items (popup notes files) are still read: their notes are linked from the text
    extra = [manifest[r.get("idref", "")][0] for r in opf.iter() if local(r.tag) == "itemref"
             and r.get("linear") == "no" and r.get("idref", "") in manifest]
    if not spine:
        raise EmptyFileError(path)
    headings = _toc_targets(archive, opf, manifest, path)
    trees: dict[str, etree._Element] = {}
    for name in spine + extra:
        real = archive.find(name)
        if real is None:
            continue
        trees[name] = parse_xml(archive.read(real), format_name="EPUB", part=name, path=path, recover=True)
    targets = _note_targets(trees)
    builder = BookBuilder()
    order = spine + [n for n in extra if n not in spine]
    for i, name in enumerate(order, 1):
        cancel.raise_if_cancelled()
        tree = trees.get(name)
        if tree is None:
            continue
        body = next((el for el in tree.iter() if local(el.tag) == "body"), None)
        if body is None:
            continue
        walker = XhtmlWalker(builder, doc_key=name, note_targets=targets, heading_targets=headings)
        walker.resolve = _resolver(name)
        if name in extra:
            walker._notes_only(body)
        else:
            walker.walk_body(body)
        progress.update(i, len(order), "reading chapters")
    blocks = builder.finish()
    if not any(b.kind != "note" for b in blocks):
        raise EmptyFileError(path, after_cleaning=True)
    blocks = [b if b.kind != "heading" or b.level else b for b in blocks]
    return make_document(blocks, source_format="epub", metadata=_metadata(opf))


def _refuse_drm(archive: SafeZip, path: Path | None) -> None:
    name = archive.find("META-INF/encryption.xml")
    if name is None:
        return
    root = parse_xml(archive.read(name), format_name="EPUB", part=name, path=path)
    for ref in root.iter():
        if local(ref.tag) == "CipherReference":
            uri = ref.get("URI", "")
            if not uri.lower().endswith((".otf", ".ttf", ".woff", ".woff2")):  # obfuscated fonts are harmless
                raise EncryptedFileError(path, "EPUB")


def _rootfile(archive: SafeZip, path: Path | None) -> str:
    container = archive.find("META-INF/container.xml")
    if container is None:
        raise DamagedFileError(path, "EPUB", "META-INF/container.xml is missing")
    root = parse_xml(archive.read(container), format_name="EPUB", part=container, path=path)
    for el in root.iter():
        if local(el.tag) == "rootfile" and el.get("full-path"):
            name = archive.find(unquote(el.get("full-path", "")))
            if name is None:
                raise DamagedFileError(path, "EPUB", f"its package file “{el.get('full-path')}” is missing")
            return name
    raise DamagedFileError(path, "EPUB", "META-INF/container.xml names no package file")


def _resolver(doc: str):  # noqa: ANN202 - a small closure
    def resolve(href: str) -> str | None:
        target, fragment = urldefrag(href)
        if re.match(r"^[a-z]+:", target):
            return None
        name = posixpath.normpath(posixpath.join(posixpath.dirname(doc), unquote(target))) if target else doc
        return f"{name}#{unquote(fragment)}" if fragment else None
    return resolve


def _note_targets(trees: dict[str, etree._Element]) -> set[str]:
    """Keys (document#id) of every element a note call points to."""
    targets: set[str] = set()
    ids_in_notes: set[str] = set()
    for name, tree in trees.items():
        resolve = _resolver(name)
        for el in tree.iter():
            if local(el.tag) != "a":
                continue
            href = el.get("href") or attr(el, "href")
            if not href or "#" not in href:
                continue
            kinds = types_of(el)
            parent = el.getparent()
            text = "".join(el.itertext()).strip()
            superscript = parent is not None and local(parent.tag) == "sup" or any(local(c.tag) == "sup" for c in el)
            if "noteref" in kinds or "doc-noteref" in kinds or (superscript and _LABEL.match(text or "x")):
                key = resolve(href)
                if key:
                    targets.add(key)
    # an inline anchor (<a id="n1"/> inside a <p>) stands for its paragraph
    for name, tree in trees.items():
        for el in tree.iter():
            ident = el.get("id")
            if ident and f"{name}#{ident}" in targets and local(el.tag) in ("a", "span", "sup"):
                block = next((a for a in el.iterancestors() if local(a.tag) in ("p", "li", "div", "aside", "dd")), None)
                if block is not None:
                    if not block.get("id"):
                        block.set("id", f"sverka-note-{ident}")
                    ids_in_notes.add(f"{name}#{ident}")
                    targets.add(f"{name}#{block.get('id')}")
    return targets | _aliases(trees, ids_in_notes)


def _aliases(trees: dict[str, etree._Element], inline: set[str]) -> set[str]:
    return set()


def _toc_targets(archive: SafeZip, opf: etree._Element, manifest: dict[str, tuple[str, str, str]], path: Path | None) -> dict[str, int]:
    """doc#id -> heading level, from the EPUB 3 navigation document or the EPUB 2 NCX."""
    out: dict[str, int] = {}
    nav = next((m for m in manifest.values() if "nav" in m[2].split()), None)
    if nav is not None and archive.find(nav[0]):
        tree = parse_xml(archive.read(archive.find(nav[0]) or nav[0]), format_name="EPUB", part=nav[0], path=path, recover=True)
        toc = next((el for el in tree.iter() if local(el.tag) == "nav" and "toc" in types_of(el)), None)
        if toc is not None:
            resolve = _resolver(nav[0])
            for a in toc.iter():
                if local(a.tag) == "a" and a.get("href"):
                    level = sum(1 for anc in a.iterancestors() if local(anc.tag) in ("ol", "ul")) 
                    key = resolve(a.get("href", ""))
                    if key:
                        out.setdefault(key, max(1, level))
            return out
    spine_el = next((el for el in opf.iter() if local(el.tag) == "spine"), None)
    ncx_id = spine_el.get("toc") if spine_el is not None else None
    ncx = manifest.get(ncx_id or "") or next((m for m in manifest.values() if m[1] == "application/x-dtbncx+xml"), None)
    if ncx is not None and archive.find(ncx[0]):
        tree = parse_xml(archive.read(archive.find(ncx[0]) or ncx[0]), format_name="EPUB", part=ncx[0], path=path, recover=True)
        resolve = _resolver(ncx[0])
        for point in tree.iter():
            if local(point.tag) != "navPoint":
                continue
            content = next((c for c in point if local(c.tag) == "content"), None)
            if content is None or not content.get("src"):
                continue
            level = sum(1 for anc in point.iterancestors() if local(anc.tag) == "navPoint") + 1
            key = resolve(content.get("src", ""))
            if key:
                out.setdefault(key, level)
    return out


def _metadata(opf: etree._Element) -> DocumentMetadata:
    meta = next((el for el in opf.iter() if local(el.tag) == "metadata"), None)
    if meta is None:
        return DocumentMetadata()
    refines: dict[str, dict[str, str]] = {}
    for el in meta:
        if local(el.tag) == "meta" and el.get("refines") and el.get("property"):
            refines.setdefault(el.get("refines", "").lstrip("#"), {})[el.get("property", "")] = (el.text or "").strip()

    def values(name: str) -> list[etree._Element]:
        return [el for el in meta if local(el.tag) == name and (el.text or "").strip()]

    authors, translators, editors = [], [], []
    for el in values("creator") + values("contributor"):
        extra = refines.get(el.get("id", ""), {})
        role = attr(el, "role") or extra.get("role", "") or ("aut" if local(el.tag) == "creator" else "")
        p = person(normalize_text(el.text or ""), file_as=attr(el, "file-as") or extra.get("file-as", ""))
        {"aut": authors, "trl": translators, "edt": editors}.get(role, []).append(p)
    isbn = ""
    for el in values("identifier"):
        text = (el.text or "").strip()
        digits = re.sub(r"[^\dXx]", "", text.replace("urn:isbn:", ""))
        if "isbn" in text.lower() or "isbn" in (attr(el, "scheme") or "").lower() or len(digits) in (10, 13) and text.replace("-", "").replace("urn:isbn:", "").isdigit():
            isbn = text.replace("urn:isbn:", "")
            break

    def first(name: str) -> str:
        found = values(name)
        return normalize_text(found[0].text or "").strip() if found else ""

    date = first("date")
    return DocumentMetadata(
        title=first("title"),
        authors=tuple(authors),
        translators=tuple(translators),
        editors=tuple(editors),
        language=first("language").split("-")[0].lower(),
        date=date[:10] if re.match(r"\d{4}", date) else date,
        publisher=first("publisher"),
        isbn=isbn,
        description=re.sub(r"<[^>]+>", " ", first("description")).strip(),
    )
