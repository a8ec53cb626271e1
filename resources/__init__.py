"""Data shipped with Sverka, and small helpers that locate it.

Core code takes paths; these helpers give the default ones.
"""

from __future__ import annotations

from pathlib import Path

RESOURCES_DIR = Path(__file__).resolve().parent


def library_dir() -> Path:
    """The bundled library: ``manifest.json`` plus the text files it names."""
    return RESOURCES_DIR / "library"


def punkt_dir() -> Path:
    """Trained Punkt sentence-splitter parameters, one JSON file per language."""
    return RESOURCES_DIR / "punkt"


def glossary_dir() -> Path:
    return RESOURCES_DIR / "glossary"


def lexicon_dir() -> Path:
    return RESOURCES_DIR / "lexicon"


def fonts_dir() -> Path:
    """DejaVu Serif, embedded in PDF exports (and used by tests that typeset books)."""
    return RESOURCES_DIR / "fonts"


def encoding_dir() -> Path:
    """Letter-pair statistics of Russian, for judging 8-bit encodings (``alignment.text.letter_pairs``)."""
    return RESOURCES_DIR / "encoding"
