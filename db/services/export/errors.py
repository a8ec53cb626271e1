"""Typed errors of exporting: the target exists, it cannot be written, nothing to export."""

from __future__ import annotations

from pathlib import Path


class ExportError(Exception):
    """Base of every error an export raises on purpose."""


class ExportTargetExistsError(ExportError):
    def __init__(self, path: Path) -> None:
        self.path = path
        super().__init__(
            f"{path} already exists and was left untouched; choose another name, or overwrite it on purpose "
            "(--force on the command line)."
        )


class ExportWriteError(ExportError):
    def __init__(self, path: Path, detail: str) -> None:
        self.path = path
        self.detail = detail
        super().__init__(
            f"Sverka could not write {path} ({detail}); nothing was changed there. "
            "Check that the folder exists, is writable and has free space."
        )


class NothingToExportError(ExportError):
    def __init__(self, what: str) -> None:
        self.what = what
        super().__init__(f"There is nothing to export: {what}.")


class UnknownFormatError(ExportError):
    def __init__(self, fmt: str, known: tuple[str, ...]) -> None:
        self.fmt = fmt
        self.known = known
        super().__init__(f"Sverka cannot export to {fmt!r}; use one of: {', '.join(known)}.")
