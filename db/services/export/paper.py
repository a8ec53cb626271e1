"""The page an export is laid out on, and who made it (document properties).

A4 everywhere but where the locale's country uses US Letter: the territories
CLDR lists for ``US-Letter`` (supplementalData.xml, ``paperSize``).  The
locale is read as the C library sees it (``LC_PAPER``, then ``LC_ALL``,
``LANG``), so ``LC_PAPER=en_US.UTF-8`` asks for Letter.
"""

from __future__ import annotations

import getpass
import locale
import os
import re

PAPERS = ("a4", "letter")
# CLDR supplemental data, <paperSize type="US-Letter" territories="…"/>
LETTER_TERRITORIES = frozenset({"BZ", "CA", "CL", "CO", "CR", "GT", "MX", "NI", "PA", "PH", "PR", "SV", "US", "VE"})
# (width, height) in millimetres
SIZES_MM = {"a4": (210.0, 297.0), "letter": (215.9, 279.4)}
_TERRITORY = re.compile(r"^[a-z]{2,3}[_-]([A-Z]{2})\b")


def territory(locale_name: str) -> str:
    """``en_US.UTF-8`` → ``US``; empty when the name has no country."""
    m = _TERRITORY.match(locale_name or "")
    return m.group(1) if m else ""


def paper_for_locale(locale_name: str) -> str:
    return "letter" if territory(locale_name) in LETTER_TERRITORIES else "a4"


def default_paper() -> str:
    """The user's paper: from ``LC_PAPER``/``LC_ALL``/``LANG``, else the process locale; A4 if unknown."""
    for var in ("LC_PAPER", "LC_ALL", "LANG"):
        value = os.environ.get(var, "")
        if territory(value):
            return paper_for_locale(value)
    try:
        current = locale.getlocale()[0] or ""
    except ValueError:
        current = ""
    return paper_for_locale(current)


def user_name() -> str:
    """The user's full name where the system records it, else the login name."""
    try:
        import pwd

        gecos = pwd.getpwuid(os.getuid()).pw_gecos.split(",")[0].strip()
        if gecos:
            return gecos
    except (ImportError, KeyError, AttributeError):
        pass
    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no user name is not an error for an export
        return ""
