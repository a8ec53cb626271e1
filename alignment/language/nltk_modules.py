"""Importing NLTK's modules without what NLTK's package import drags in.

``import nltk.anything`` first runs ``nltk/__init__``, which imports all of
NLTK and, where SciPy is installed, ``scipy.stats`` for a collocation test
Sverka never uses: about 1.2 s of a 1.7 s import.  NLTK falls back cleanly
when SciPy cannot be imported, so SciPy is hidden while NLTK loads (unless
something already imported it), then shown again.
"""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


def nltk_module(name: str) -> ModuleType:
    """``importlib.import_module(name)`` for an ``nltk.…`` module, without SciPy."""
    loaded = sys.modules.get(name)
    if loaded is not None:
        return loaded
    hide = "scipy" not in sys.modules
    if hide:
        sys.modules["scipy"] = None  # type: ignore[assignment]  # makes `import scipy…` fail fast
    try:
        return importlib.import_module(name)
    finally:
        if hide and sys.modules.get("scipy", 0) is None:
            del sys.modules["scipy"]
