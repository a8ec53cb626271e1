"""Sverka's version, and the versions and licences of what it is built on (for About and --version).

The version is the one in ``pyproject.toml``: read from a checkout when Sverka
runs from one (``pip install -e .`` or ``python -m app.cli``), else from the
installed package's metadata.
"""

from __future__ import annotations

import importlib.metadata as metadata
import re
from functools import cache
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = REPO_ROOT / "pyproject.toml"
_VERSION_LINE = re.compile(r'^version\s*=\s*"([^"]+)"', re.M)
_DEPENDENCY = re.compile(r'^\s*"([A-Za-z0-9_.\-]+)')


@cache
def version() -> str:
    if PYPROJECT.exists():
        found = _VERSION_LINE.search(PYPROJECT.read_text(encoding="utf-8"))
        if found:
            return found.group(1)
    try:
        return metadata.version("sverka")
    except metadata.PackageNotFoundError:
        return "unknown"


def runtime_dependencies() -> list[str]:
    """The distributions Sverka depends on at run time (pyproject's ``dependencies``)."""
    if PYPROJECT.exists():
        text = PYPROJECT.read_text(encoding="utf-8")
        block = text.split("dependencies = [", 1)[1].split("]", 1)[0] if "dependencies = [" in text else ""
        return [m.group(1) for line in block.splitlines() if (m := _DEPENDENCY.match(line))]
    try:
        return [re.split(r"[<>=!~;\[ ]", r, 1)[0] for r in (metadata.requires("sverka") or []) if "extra ==" not in r]
    except metadata.PackageNotFoundError:
        return []


def licence_of(distribution: str) -> tuple[str, str]:
    """(installed version, licence) of a distribution, as its own metadata states them."""
    try:
        meta = metadata.metadata(distribution)
    except metadata.PackageNotFoundError:
        return "", ""
    licence = meta.get("License-Expression") or ""
    if not licence:
        classifiers = [c.rsplit("::", 1)[-1].strip() for c in meta.get_all("Classifier") or [] if c.startswith("License ::")]
        licence = ", ".join(classifiers) or (meta.get("License") or "").splitlines()[0] if meta.get("License") else ", ".join(classifiers)
    return meta.get("Version") or "", licence.strip()
