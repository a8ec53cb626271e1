"""Importing an aligned pair made elsewhere: TMX (1.1–1.4), TSV/CSV with a Russian and an
English column, or an InterText/hunalign alignment (XCES ``linkGrp`` with its two documents).

Each translation unit (or row, or link) becomes one bead; its text is split into
sentences on each side.  What Sverka's own exports write comes back: each text's
kind, title, author, translator, date, source and rights, the beads' review
status, the paragraphs (and their numbers: a re-imported excerpt of beads 10–40
is cited with the paragraph and bead numbers of the text it came from) and the
printed pages.  Files from other tools are read as people have them: UTF-8,
UTF-16 (Excel's "Unicode text"), cp1251 or KOI8-R; CSV separated by commas or
semicolons; TSV with quotation marks inside the text; LF Aligner's tab-separated
output (its ``~~~`` marks of merged segments removed).  Both texts and the
alignment are stored in one transaction.  Malformed files raise
``AlignedFileError`` with the line and what is wrong.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
import logging
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from alignment.text.document import Paragraph as SegParagraph
from alignment.text.document import Sentence as SegSentence
from alignment.text.decode import decode_bytes, normalize_text
from alignment.text.errors import DamagedFileError, TextImportError
from alignment.text.readers.safexml import parse_xml
from alignment.text.source_file import read_source_bytes
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.text.segment import split_sentences
from db.dto import AlignedImportResult
from db.engine import Library
from db.models import BEAD_STATUSES, TEXT_KINDS, Alignment, Bead, Paragraph
from db.services.export.csv_writer import unguard_cell
from db.services.importing import ImportOptions, PreparedText, TextMetadata, _store

log = logging.getLogger(__name__)

MAX_ALIGNED_BYTES = 100 * 1024 * 1024
_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
# Inline TMX elements whose content is native markup, not text.
_CODE_ELEMENTS = {"bpt", "ept", "it", "ph", "ut"}


class AlignedFileError(TextImportError):
    """An aligned file that cannot be read; ``line`` is 0 when unknown."""

    def __init__(self, path: Path, problem: str, line: int = 0) -> None:
        self.problem = problem
        self.line = line
        where = f"{path.name}, line {line}" if line else path.name
        super().__init__(
            f"{where}: {problem}; nothing was imported. Check that it is a TMX file, or a TSV/CSV file "
            "with a Russian and an English column.",
            path,
        )


@dataclass(frozen=True, slots=True)
class AlignedUnit:
    ru: str
    en: str
    ru_paragraph: int | None = None
    en_paragraph: int | None = None
    ru_page: str | None = None
    en_page: str | None = None
    status: str | None = None  # auto, confirmed, edited (Sverka's exports); None: confirmed
    bead: int | None = None  # the bead's number in the pair it was exported from (from 0)

    def __post_init__(self) -> None:
        # The same cleaning as a text import (control characters, NFC, spaces),
        # before sentences are split, so that offsets are those of the stored text.
        object.__setattr__(self, "ru", normalize_text(self.ru))
        object.__setattr__(self, "en", normalize_text(self.en))


@dataclass(frozen=True)
class AlignedFile:
    """What a file says: the units, and metadata found in it (``x-ru-title``…)."""

    units: tuple[AlignedUnit, ...]
    properties: dict[str, str] = field(default_factory=dict)
    file_format: str = "tmx"


# --- reading --------------------------------------------------------------------------


def _lang(code: str | None) -> str:
    return (code or "").strip().lower().replace("_", "-").split("-")[0]


def _seg_text(seg: Any) -> str:
    parts = [seg.text or ""]
    for child in seg:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag not in _CODE_ELEMENTS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _props(element: Any) -> dict[str, str]:
    return {p.get("type", ""): (p.text or "") for p in element.findall("prop")}


def _int(value: str | None) -> int | None:
    try:
        return int(value) - 1 if value else None
    except ValueError:
        return None


def read_tmx(path: Path) -> AlignedFile:
    data = _read_bytes(path)
    root = _parse_xml(path, data)
    if root.tag != "tmx":
        raise AlignedFileError(path, f"the document is <{root.tag}>, not a TMX <tmx> document")
    header = root.find("header")
    body = root.find("body")
    if body is None:
        raise AlignedFileError(path, "the TMX has no <body>")
    properties = _props(header) if header is not None else {}
    units = []
    languages: set[str] = set()
    for n, tu in enumerate(body.findall("tu"), 1):
        sides: dict[str, str] = {}
        side_props: dict[str, dict[str, str]] = {}
        for tuv in tu.findall("tuv"):
            lang = _lang(tuv.get(_XML_LANG) or tuv.get("lang"))
            if not lang:
                raise AlignedFileError(path, f"translation unit {n} has a <tuv> without xml:lang")
            seg = tuv.find("seg")
            if seg is None:
                raise AlignedFileError(path, f"translation unit {n} has a <tuv> without <seg>")
            languages.add(lang)
            sides.setdefault(lang, _seg_text(seg))
            side_props.setdefault(lang, _props(tuv))
        props = _props(tu)
        for lang, found in side_props.items():  # what each variant says of its text (Sverka's exports)
            for name in ("kind", "translator"):
                if found.get(f"x-{name}"):
                    properties.setdefault(f"x-{lang}-{name}", found[f"x-{name}"])
        ru_props, en_props = side_props.get("ru", {}), side_props.get("en", {})
        units.append(
            AlignedUnit(
                ru=sides.get("ru", ""),
                en=sides.get("en", ""),
                ru_paragraph=_int(ru_props.get("x-paragraph") or props.get("x-ru-paragraph")),
                en_paragraph=_int(en_props.get("x-paragraph") or props.get("x-en-paragraph")),
                ru_page=ru_props.get("x-page") or None,
                en_page=en_props.get("x-page") or None,
                status=props.get("x-status") or None,
                bead=_int(props.get("x-bead")),
            )
        )
    missing = [name for code, name in (("ru", "Russian (ru)"), ("en", "English (en)")) if code not in languages]
    if not units:
        raise AlignedFileError(path, "the TMX has no translation units")
    if missing:
        found = ", ".join(sorted(languages)) or "none"
        raise AlignedFileError(path, f"it has no {' and no '.join(missing)} segments (languages found: {found})")
    return AlignedFile(tuple(units), properties, "tmx")


def _parse_xml(path: Path, data: bytes) -> Any:
    """The root of an aligned XML file (TMX, InterText), parsed as every XML file Sverka reads:
    no entities expanded, no DTD or network fetched (``alignment.text.readers.safexml``)."""
    try:
        return parse_xml(data, format_name="XML", path=path)
    except DamagedFileError as exc:
        raise AlignedFileError(path, f"the XML is not well-formed ({exc.reason})", getattr(exc, "line", 0)) from None


def _read_bytes(path: Path) -> bytes:
    return read_source_bytes(path, MAX_ALIGNED_BYTES)


def _cyrillic_share(values: Iterable[str]) -> float:
    letters = [c for v in values for c in v if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) if letters else 0.0


_SIDE_COLUMNS = ("kind", "title", "author", "translator", "date", "rights", "source")
# Header names other tools and people give the two columns.
_HEADER_NAMES = {name: "ru" for name in ("russian", "русский", "rus", "ru-ru", "ru_ru", "russian text", "оригинал")}
_HEADER_NAMES.update({name: "en" for name in ("english", "английский", "eng", "en-us", "en-gb", "en_us", "en_gb",
                                               "english text", "перевод")})
_LF_ALIGNER_MERGE = re.compile(r"\s*~~~\s*")


def _decode_table(path: Path, raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 ("Unicode text" from Excel), cp1251, KOI8-R…"""
    for bom, codec in ((b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16")):
        if raw.startswith(bom) and not raw.startswith(b"\xff\xfe\x00\x00"):
            try:
                return raw.decode(codec)
            except UnicodeDecodeError:
                break
    try:  # UTF-8 first, as it is: stray control characters are cleaned per cell, not refused
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return decode_bytes(raw, path=path).text
    except TextImportError as exc:
        raise AlignedFileError(path, f"the file is not text Sverka can decode ({exc})") from exc


def _table_rows(path: Path, content: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Rows with their line numbers.  CSV quoting first; a TSV whose quotation marks are part
    of the text (LF Aligner, hand-made files) is read again without quoting."""
    def parse(quoting: int) -> list[tuple[int, list[str]]]:
        reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True, quoting=quoting)
        rows = []
        try:
            for row in reader:
                rows.append((reader.line_num, row))
        except csv.Error as exc:
            raise _Malformed(str(exc), reader.line_num) from exc
        return rows

    try:
        return parse(csv.QUOTE_MINIMAL)
    except _Malformed as exc:
        if delimiter != "\t":
            raise AlignedFileError(path, f"the CSV is malformed ({exc.detail})", exc.line) from None
        return parse(csv.QUOTE_NONE)


class _Malformed(Exception):
    def __init__(self, detail: str, line: int) -> None:
        super().__init__(detail)
        self.detail = detail
        self.line = line


def _csv_delimiter(content: str) -> str:
    """``,`` or ``;`` (Excel in a Russian locale writes semicolons), judged on the first lines."""
    sample = "\n".join(content.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;").delimiter
    except csv.Error:
        return ";" if sample.count(";") > sample.count(",") else ","


def read_delimited(path: Path, delimiter: str | None) -> AlignedFile:
    """A TSV (``delimiter="\\t"``) or CSV (``,``, ``;``, or None: sniffed) file with a Russian and an English column."""
    raw = _read_bytes(path)
    content = _decode_table(path, raw)
    delimiter = delimiter or _csv_delimiter(content)
    rows: list[tuple[int, list[str]]] = []
    properties: dict[str, str] = {}
    columns: dict[str, int] | None = None
    for line_num, row in _table_rows(path, content, delimiter):
        cells = [unguard_cell(c) for c in row]
        if not any(c.strip() for c in cells):
            continue
        if cells[0] == "#":  # citation rows of older Sverka exports
            if len(cells) >= 3:
                properties[cells[1]] = cells[2]
            continue
        lowered = [_HEADER_NAMES.get(c.strip().lower(), c.strip().lower()) for c in cells]
        if columns is None and not rows and "ru" in lowered and "en" in lowered:
            columns = {name: lowered.index(name) for name in lowered if name}
            continue
        rows.append((line_num, cells))
    if not rows:
        raise AlignedFileError(path, "there are no rows with text")
    if columns is None:
        width = min(len(r) for _, r in rows)
        if width < 2:
            line = next(n for n, r in rows if len(r) < 2)
            raise AlignedFileError(path, "a row has one column; a Russian and an English column are needed", line)
        first = [r[0] for _, r in rows[:200]]
        second = [r[1] for _, r in rows[:200]]
        ru_first = _cyrillic_share(first) >= _cyrillic_share(second)
        columns = {"ru": 0 if ru_first else 1, "en": 1 if ru_first else 0}
    need = max(columns["ru"], columns["en"]) + 1
    units = []
    for line, cells in rows:
        if len(cells) < need:
            raise AlignedFileError(path, f"the row has {len(cells)} column(s), {need} are needed", line)

        def cell(name: str) -> str | None:
            i = columns.get(name)  # type: ignore[union-attr]
            return cells[i] if i is not None and i < len(cells) else None

        for lang in ("ru", "en"):  # the texts' provenance, repeated on every row of Sverka's exports
            for name in (*_SIDE_COLUMNS, "record"):
                value = cell(f"{lang}_{name}")
                if value:
                    properties.setdefault(f"x-{lang}-{name}", value)
        units.append(
            AlignedUnit(
                ru=_LF_ALIGNER_MERGE.sub(" ", cells[columns["ru"]]),
                en=_LF_ALIGNER_MERGE.sub(" ", cells[columns["en"]]),
                ru_paragraph=_int(cell("ru_paragraph")),
                en_paragraph=_int(cell("en_paragraph")),
                ru_page=cell("ru_page") or None,
                en_page=cell("en_page") or None,
                status=cell("status") or None,
                bead=_int(cell("bead")) if "ru_kind" in columns or "status" in columns else None,
            )
        )
    return AlignedFile(tuple(units), properties, "tsv" if delimiter == "\t" else "csv")


# --- InterText / hunalign: an XCES alignment (linkGrp) of two sentence-split XML documents ----------


def _xml_root(path: Path) -> Any:
    return _parse_xml(path, _read_bytes(path))


def _sentences_by_id(path: Path) -> dict[str, tuple[str, str]]:
    """id → (text, paragraph id) of every ``<s id=…>`` of an InterText document."""
    found: dict[str, tuple[str, str]] = {}

    def walk(element: Any, paragraph: str) -> None:
        for child in element:
            tag = child.tag.rsplit("}", 1)[-1]
            if tag == "s" and child.get("id"):
                found[child.get("id", "")] = (" ".join("".join(child.itertext()).split()), paragraph)
            else:
                walk(child, child.get("id") or paragraph if tag in ("p", "head", "div") else paragraph)

    walk(_xml_root(path), "")
    return found


def read_xces(path: Path) -> AlignedFile:
    """An InterText (or hunalign) alignment: ``<linkGrp fromDoc toDoc>`` with ``<link xtargets="1:1 1:2;1:1"/>``,
    the two documents next to it."""
    root = _xml_root(path)
    group = root if root.tag.rsplit("}", 1)[-1] == "linkGrp" else root.find(".//linkGrp")
    if group is None:
        raise AlignedFileError(path, "the XML is neither TMX nor an alignment with <linkGrp>")
    docs = []
    for attr in ("fromDoc", "toDoc"):
        name = group.get(attr)
        if not name:
            raise AlignedFileError(path, f"the <linkGrp> has no {attr}")
        doc = (path.parent / name).resolve()
        if not doc.is_file():
            raise AlignedFileError(path, f"the aligned document {name} is not next to the alignment file")
        docs.append(_sentences_by_id(doc))
    pairs = []
    for n, link in enumerate(group.iter(), 1):
        if link.tag.rsplit("}", 1)[-1] != "link":
            continue
        left, sep, right = (link.get("xtargets") or "").partition(";")
        if not sep:
            raise AlignedFileError(path, f"link {n} has no xtargets like '1:1;1:1'")
        sides = []
        for ids, doc in ((left, docs[0]), (right, docs[1])):
            found = [doc[i] for i in ids.split() if i in doc]
            sides.append((" ".join(t for t, _ in found), found[0][1] if found else None))
        pairs.append((sides, "confirmed" if link.get("status") in ("man", "manual", "finished") else "auto"))
    if not pairs:
        raise AlignedFileError(path, "the alignment has no <link> elements")
    from_ru = _cyrillic_share(s[0][0] for s, _ in pairs[:200]) >= _cyrillic_share(s[1][0] for s, _ in pairs[:200])
    paragraphs: dict[tuple[int, str | None], int] = {}

    def number(side: int, key: str | None) -> int | None:
        return None if key is None else paragraphs.setdefault((side, key), len([k for k in paragraphs if k[0] == side]))

    units = []
    for sides, status in pairs:
        (ru, ru_p), (en, en_p) = (sides[0], sides[1]) if from_ru else (sides[1], sides[0])
        units.append(AlignedUnit(ru=ru, en=en, ru_paragraph=number(0, ru_p), en_paragraph=number(1, en_p), status=status))
    return AlignedFile(tuple(units), {}, "xces")


ALIGNED_SUFFIXES = ("tmx", "tsv", "tab", "txt", "csv", "xml")


def read_aligned_file(path: Path, fmt: str | None = None) -> AlignedFile:
    """Read a TMX, TSV, CSV or XCES alignment file (format from ``fmt`` or the file name)."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt in {"tmx", "xml", "xces"} or (fmt not in {"tsv", "tab", "csv", "txt"}
                                         and _read_bytes(path).lstrip()[:5] in (b"<?xml", b"<tmx ")):
        head = _read_bytes(path)[:4000].lower()
        if fmt in {"xml", "xces"} and b"<tmx" not in head:
            return read_xces(path)
        if b"<tmx" not in head and (b"<linkgrp" in head or b"<cesalign" in head):
            return read_xces(path)
        return read_tmx(path)
    if fmt in {"tsv", "tab", "txt"}:
        return read_delimited(path, "\t")
    if fmt == "csv":
        return read_delimited(path, None)
    raise AlignedFileError(path, f"Sverka reads aligned pairs from .tmx, .tsv, .csv and .xml files, not .{fmt}")


# --- storing --------------------------------------------------------------------------


def _side_paragraphs(
    units: Sequence[AlignedUnit], lang: str
) -> tuple[list[SegParagraph], list[tuple[int, int]], list[list[tuple[int, str]]]]:
    """Paragraphs of one side, per unit its sentence range [start, end), and per paragraph
    the printed pages its units start on (``[(offset, label), …]``)."""
    paragraphs: list[SegParagraph] = []
    pages: list[list[tuple[int, str]]] = []
    ranges: list[tuple[int, int]] = []
    pieces: list[str] = []
    sentences: list[SegSentence] = []
    labels: list[tuple[int, str]] = []
    current: object = object()
    count = 0

    def flush() -> None:
        if pieces:
            paragraphs.append(SegParagraph(kind="body", text=" ".join(pieces), sentences=tuple(sentences)))
            pages.append(list(labels))
            pieces.clear()
            sentences.clear()
            labels.clear()

    for i, unit in enumerate(units):
        text = (unit.ru if lang == "ru" else unit.en).strip()
        paragraph = unit.ru_paragraph if lang == "ru" else unit.en_paragraph
        page = unit.ru_page if lang == "ru" else unit.en_page
        start = count
        if text:
            key = paragraph if paragraph is not None else ("unit", i)
            if key != current:
                flush()
                current = key
            offset = len(" ".join(pieces)) + (1 if pieces else 0)
            pieces.append(text)
            if page:
                labels.append((offset, page))
            split = split_sentences(text, lang) or [SegSentence(text, 0, len(text))]
            for s in split:
                sentences.append(SegSentence(s.text, s.start + offset, s.end + offset))
            count += len(split)
        ranges.append((start, count))
    flush()
    return paragraphs, ranges, pages


def _store_pages(session: Session, text_id: int, pages: list[list[tuple[int, str]]]) -> None:
    """Printed page labels of an imported side: where each paragraph starts, and the breaks inside it."""
    if not any(pages):
        return
    rows = session.scalars(select(Paragraph).where(Paragraph.text_id == text_id).order_by(Paragraph.position)).all()
    for row, labels in zip(rows, pages):
        if not labels:
            continue
        row.page = labels[0][1]
        breaks = [[offset, label] for (offset, label), (_, before) in zip(labels[1:], labels) if label != before]
        row.page_breaks = breaks or None


def _numbering(units: Sequence[AlignedUnit], lang: str) -> dict[str, int]:
    """Where an excerpt exported from Sverka starts in its source text, so that it is cited with the
    source's paragraph and bead numbers (record keys ``x-sverka-paragraph-offset``/``-bead-offset``)."""
    out = {}
    numbers = [u.ru_paragraph if lang == "ru" else u.en_paragraph for u in units if (u.ru if lang == "ru" else u.en)]
    if numbers and all(n is not None for n in numbers) and min(numbers) > 0:  # type: ignore[type-var]
        out["x-sverka-paragraph-offset"] = min(numbers)  # type: ignore[type-var]
    beads = [u.bead for u in units]
    if beads and all(b is not None for b in beads) and min(beads) > 0:  # type: ignore[type-var]
        out["x-sverka-bead-offset"] = min(beads)  # type: ignore[type-var]
    return out


def _prepared(meta: TextMetadata, paragraphs: list[SegParagraph], path: Path, fmt: str) -> PreparedText:
    digest = hashlib.sha256(meta.lang.encode())
    for p in paragraphs:
        digest.update(b"\x1e" + p.text.encode("utf-8"))
    return PreparedText(
        meta=meta,
        paragraphs=tuple(paragraphs),
        content_hash=digest.hexdigest(),
        file_format=fmt,
        encoding="utf-8",
        original_filename=path.name,
        warnings=(),
    )


def _meta_from_file(meta: TextMetadata | None, lang: str, properties: dict[str, str], path: Path,
                    numbering: dict[str, int] | None = None) -> TextMetadata:
    """The caller's metadata, completed from the file's properties (Sverka's own exports)."""
    p = f"x-{lang}-"
    if meta is None:
        default_kind = "original" if lang == "ru" else "published_translation"
        kind = properties.get(p + "kind", default_kind)
        meta = TextMetadata(lang=lang, kind=kind if kind in TEXT_KINDS else default_kind)
    record = meta.record
    if record is None and properties.get(p + "record"):
        try:
            loaded = json.loads(properties[p + "record"])
            record = loaded if isinstance(loaded, dict) else None
        except ValueError:
            record = None
    if numbering:
        record = {**(record or {}), **numbering}
    return replace(
        meta,
        title=meta.title or properties.get(p + "title") or f"{path.stem} ({meta.lang})",
        author=meta.author or properties.get(p + "author", ""),
        translator=meta.translator or properties.get(p + "translator", ""),
        date=meta.date or properties.get(p + "date", ""),
        source=meta.source or properties.get(p + "source", "") or f"aligned file {path.name}",
        rights=meta.rights or properties.get(p + "rights", ""),
        note=meta.note or _excerpt_note(numbering),
        record=record,
    )


def _excerpt_note(numbering: dict[str, int] | None) -> str:
    if not numbering or "x-sverka-bead-offset" not in numbering:
        return ""
    return (f"An excerpt exported from Sverka, starting at bead {numbering['x-sverka-bead-offset'] + 1} of its "
            "source; it is cited with the source's paragraph and bead numbers.")


def import_aligned(
    library: Library,
    path: Path,
    *,
    ru_meta: TextMetadata | None = None,
    en_meta: TextMetadata | None = None,
    fmt: str | None = None,
    options: ImportOptions = ImportOptions(),
    progress: Progress | None = None,
    cancel: CancelToken = NEVER_CANCELLED,
) -> AlignedImportResult:
    """Import an aligned pair as two texts of one new work and their alignment."""
    progress = progress or NullProgress()
    progress.update(0, 3, "reading")
    aligned = read_aligned_file(path, fmt)
    cancel.raise_if_cancelled()
    ru_meta = _meta_from_file(ru_meta, "ru", aligned.properties, path, _numbering(aligned.units, "ru"))
    en_meta = _meta_from_file(en_meta, "en", aligned.properties, path, _numbering(aligned.units, "en"))
    work_title = aligned.properties.get("x-work") or ru_meta.title
    progress.update(1, 3, "splitting sentences")
    ru_paragraphs, ru_ranges, ru_pages = _side_paragraphs(aligned.units, "ru")
    en_paragraphs, en_ranges, en_pages = _side_paragraphs(aligned.units, "en")
    if not ru_paragraphs or not en_paragraphs:
        raise AlignedFileError(path, f"the {'Russian' if not ru_paragraphs else 'English'} side is empty")
    cancel.raise_if_cancelled()
    progress.update(2, 3, "storing")
    with library.sessions.begin() as session:
        ru = _store(session, _prepared(replace(ru_meta, work_title=work_title), ru_paragraphs, path, aligned.file_format), options, NullProgress(), cancel)
        en = _store(
            session,
            _prepared(replace(en_meta, work_id=ru.work_id), en_paragraphs, path, aligned.file_format),
            options,
            NullProgress(),
            cancel,
        )
        _store_pages(session, ru.text_id, ru_pages)
        _store_pages(session, en.text_id, en_pages)
        alignment = Alignment(ru_text_id=ru.text_id, en_text_id=en.text_id, method=f"import:{aligned.file_format}")
        session.add(alignment)
        session.flush()
        rows = [
            {
                "alignment_id": alignment.id,
                "position": i,
                "ru_start": r[0],
                "ru_end": r[1],
                "en_start": e[0],
                "en_end": e[1],
                "score": 1.0,
                "confidence": 1.0,
                "status": unit.status if unit.status in BEAD_STATUSES else "confirmed",
            }
            for i, (r, e, unit) in enumerate(zip(ru_ranges, en_ranges, aligned.units))
            if r[1] > r[0] or e[1] > e[0]
        ]
        for i, row in enumerate(rows):
            row["position"] = i
        session.execute(insert(Bead), rows)
        alignment_id = alignment.id
    progress.update(3, 3, "done")
    log.info("imported aligned pair %s: texts %d and %d, %d beads", path, ru.text_id, en.text_id, len(rows))
    return AlignedImportResult(ru.text_id, en.text_id, alignment_id, len(rows))
