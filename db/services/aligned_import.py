"""Importing an aligned pair made elsewhere: TMX (1.1–1.4) or TSV/CSV with a Russian and an English column.

Each translation unit (or row) becomes one bead; its text is split into
sentences on each side.  Paragraph numbers written by Sverka's own exports are
honoured; otherwise each unit is a paragraph of its own.  Both texts and the
alignment are stored in one transaction.  Malformed files raise
``AlignedFileError`` with the line and what is wrong.
"""

from __future__ import annotations

import csv
import hashlib
import io
import logging
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from sqlalchemy import insert

from alignment.text.document import Paragraph as SegParagraph
from alignment.text.document import Sentence as SegSentence
from alignment.text.decode import normalize_text
from alignment.text.errors import TextImportError
from alignment.text.source_file import read_source_bytes
from alignment.progress import NEVER_CANCELLED, CancelToken, NullProgress, Progress
from alignment.text.segment import split_sentences
from db.dto import AlignedImportResult
from db.engine import Library
from db.models import TEXT_KINDS, Alignment, Bead
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


def _seg_text(seg: ET.Element) -> str:
    parts = [seg.text or ""]
    for child in seg:
        tag = child.tag.rsplit("}", 1)[-1]
        if tag not in _CODE_ELEMENTS:
            parts.append(_seg_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _props(element: ET.Element) -> dict[str, str]:
    return {p.get("type", ""): (p.text or "") for p in element.findall("prop")}


def _int(value: str | None) -> int | None:
    try:
        return int(value) - 1 if value else None
    except ValueError:
        return None


def read_tmx(path: Path) -> AlignedFile:
    data = _read_bytes(path)
    try:
        root = ET.fromstring(data)
    except ET.ParseError as exc:
        raise AlignedFileError(path, f"the XML is not well-formed ({exc})", exc.position[0]) from exc
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
        for tuv in tu.findall("tuv"):
            lang = _lang(tuv.get(_XML_LANG) or tuv.get("lang"))
            if not lang:
                raise AlignedFileError(path, f"translation unit {n} has a <tuv> without xml:lang")
            seg = tuv.find("seg")
            if seg is None:
                raise AlignedFileError(path, f"translation unit {n} has a <tuv> without <seg>")
            languages.add(lang)
            sides.setdefault(lang, _seg_text(seg))
        props = _props(tu)
        units.append(
            AlignedUnit(
                ru=sides.get("ru", ""),
                en=sides.get("en", ""),
                ru_paragraph=_int(props.get("x-ru-paragraph")),
                en_paragraph=_int(props.get("x-en-paragraph")),
            )
        )
    missing = [name for code, name in (("ru", "Russian (ru)"), ("en", "English (en)")) if code not in languages]
    if not units:
        raise AlignedFileError(path, "the TMX has no translation units")
    if missing:
        found = ", ".join(sorted(languages)) or "none"
        raise AlignedFileError(path, f"it has no {' and no '.join(missing)} segments (languages found: {found})")
    return AlignedFile(tuple(units), properties, "tmx")


def _read_bytes(path: Path) -> bytes:
    return read_source_bytes(path, MAX_ALIGNED_BYTES)


def _cyrillic_share(values: Iterable[str]) -> float:
    letters = [c for v in values for c in v if c.isalpha()]
    return sum("\u0400" <= c <= "\u04ff" for c in letters) / len(letters) if letters else 0.0


def read_delimited(path: Path, delimiter: str) -> AlignedFile:
    raw = _read_bytes(path)
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise AlignedFileError(path, "the file is not UTF-8 text", line) from exc
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter, strict=True)
    rows: list[tuple[int, list[str]]] = []
    properties: dict[str, str] = {}
    columns: dict[str, int] | None = None
    try:
        for row in reader:
            cells = [unguard_cell(c) for c in row]
            if not any(c.strip() for c in cells):
                continue
            if cells[0] == "#":
                if len(cells) >= 3:
                    properties[cells[1]] = cells[2]
                continue
            lowered = [c.strip().lower() for c in cells]
            if columns is None and not rows and "ru" in lowered and "en" in lowered:
                columns = {name: lowered.index(name) for name in lowered if name}
                continue
            rows.append((reader.line_num, cells))
    except csv.Error as exc:
        raise AlignedFileError(path, f"the {'TSV' if delimiter == chr(9) else 'CSV'} is malformed ({exc})", reader.line_num) from exc
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

        units.append(
            AlignedUnit(
                ru=cells[columns["ru"]],
                en=cells[columns["en"]],
                ru_paragraph=_int(cell("ru_paragraph")),
                en_paragraph=_int(cell("en_paragraph")),
            )
        )
    return AlignedFile(tuple(units), properties, "tsv" if delimiter == "\t" else "csv")


def read_aligned_file(path: Path, fmt: str | None = None) -> AlignedFile:
    """Read a TMX, TSV or CSV file (format from ``fmt`` or the file name)."""
    fmt = (fmt or path.suffix.lstrip(".")).lower()
    if fmt == "tmx" or (fmt not in {"tsv", "tab", "csv", "txt"} and _read_bytes(path).lstrip()[:5] in (b"<?xml", b"<tmx ")):
        return read_tmx(path)
    if fmt in {"tsv", "tab", "txt"}:
        return read_delimited(path, "\t")
    if fmt == "csv":
        return read_delimited(path, ",")
    raise AlignedFileError(path, f"Sverka reads aligned pairs from .tmx, .tsv and .csv files, not .{fmt}")


# --- storing --------------------------------------------------------------------------


def _side_paragraphs(units: Sequence[AlignedUnit], lang: str) -> tuple[list[SegParagraph], list[tuple[int, int]]]:
    """Paragraphs of one side and, per unit, its sentence range [start, end)."""
    paragraphs: list[SegParagraph] = []
    ranges: list[tuple[int, int]] = []
    pieces: list[str] = []
    sentences: list[SegSentence] = []
    current: object = object()
    count = 0

    def flush() -> None:
        if pieces:
            paragraphs.append(SegParagraph(kind="body", text=" ".join(pieces), sentences=tuple(sentences)))
            pieces.clear()
            sentences.clear()

    for i, unit in enumerate(units):
        text = (unit.ru if lang == "ru" else unit.en).strip()
        paragraph = unit.ru_paragraph if lang == "ru" else unit.en_paragraph
        start = count
        if text:
            key = paragraph if paragraph is not None else ("unit", i)
            if key != current:
                flush()
                current = key
            offset = len(" ".join(pieces)) + (1 if pieces else 0)
            pieces.append(text)
            split = split_sentences(text, lang) or [SegSentence(text, 0, len(text))]
            for s in split:
                sentences.append(SegSentence(s.text, s.start + offset, s.end + offset))
            count += len(split)
        ranges.append((start, count))
    flush()
    return paragraphs, ranges


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


def _meta_from_file(meta: TextMetadata | None, lang: str, properties: dict[str, str], path: Path) -> TextMetadata:
    """The caller's metadata, completed from the file's properties (Sverka's own exports)."""
    p = f"x-{lang}-"
    if meta is None:
        default_kind = "original" if lang == "ru" else "published_translation"
        kind = properties.get(p + "kind", default_kind)
        meta = TextMetadata(lang=lang, kind=kind if kind in TEXT_KINDS else default_kind)
    return replace(
        meta,
        title=meta.title or properties.get(p + "title") or f"{path.stem} ({meta.lang})",
        author=meta.author or properties.get(p + "author", ""),
        translator=meta.translator or properties.get(p + "translator", ""),
        date=meta.date or properties.get(p + "date", ""),
        source=meta.source or properties.get(p + "source", "") or f"aligned file {path.name}",
    )


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
    ru_meta = _meta_from_file(ru_meta, "ru", aligned.properties, path)
    en_meta = _meta_from_file(en_meta, "en", aligned.properties, path)
    work_title = aligned.properties.get("x-work") or ru_meta.title
    progress.update(1, 3, "splitting sentences")
    ru_paragraphs, ru_ranges = _side_paragraphs(aligned.units, "ru")
    en_paragraphs, en_ranges = _side_paragraphs(aligned.units, "en")
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
                "status": "confirmed",
            }
            for i, (r, e) in enumerate(zip(ru_ranges, en_ranges))
            if r[1] > r[0] or e[1] > e[0]
        ]
        for i, row in enumerate(rows):
            row["position"] = i
        session.execute(insert(Bead), rows)
        alignment_id = alignment.id
    progress.update(3, 3, "done")
    log.info("imported aligned pair %s: texts %d and %d, %d beads", path, ru.text_id, en.text_id, len(rows))
    return AlignedImportResult(ru.text_id, en.text_id, alignment_id, len(rows))
