"""Writing a translation report: the format's writer, then the exports' safe file writing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from db.services.export.errors import UnknownFormatError
from db.services.export.report_html import render_report_html
from db.services.export.report_json import render_report_json
from db.services.export.report_markdown import render_report_markdown
from db.services.export.writing import write_atomically
from db.services.translation_report import TranslationReport

REPORT_RENDERERS: dict[str, Callable[[TranslationReport], bytes]] = {
    "html": render_report_html,
    "md": render_report_markdown,
    "json": render_report_json,
}
REPORT_FORMATS: tuple[str, ...] = tuple(REPORT_RENDERERS)
_ALIASES = {"htm": "html", "markdown": "md"}


def report_format(fmt: str) -> str:
    """``fmt`` (or a file suffix) as one of ``REPORT_FORMATS``; ``UnknownFormatError`` otherwise."""
    name = fmt.lower().lstrip(".")
    name = _ALIASES.get(name, name)
    if name not in REPORT_RENDERERS:
        raise UnknownFormatError(fmt, REPORT_FORMATS)
    return name


def render_report(report: TranslationReport, fmt: str) -> bytes:
    return REPORT_RENDERERS[report_format(fmt)](report)


def export_report(report: TranslationReport, fmt: str, path: Path, *, overwrite: bool = False) -> Path:
    """Write the report to ``path`` atomically, never over an existing file unless ``overwrite``."""
    return write_atomically(path, render_report(report, fmt), overwrite=overwrite)
