"""The source rule behind "text is data, never markup" (see app/plaintext.py).

Qt's static message boxes, ``setHtml`` and ``QToolTip.showText`` interpret a
string that looks like HTML.  In app/ they may appear only where the text is
made safe: message boxes and tooltips in ``app/plaintext.py``, HTML only in
the PDF export and the translation report, whose HTML is Sverka's own escaping writer.
"""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RISKY = {
    ("QMessageBox", "information"): {"app/plaintext.py"},
    ("QMessageBox", "warning"): {"app/plaintext.py"},
    ("QMessageBox", "critical"): {"app/plaintext.py"},
    ("QMessageBox", "question"): {"app/plaintext.py"},
    ("QMessageBox", "about"): {"app/plaintext.py"},
    ("QToolTip", "showText"): {"app/plaintext.py"},
    # the clipboard's HTML flavour is built from escaped text (db.services.citing.styled, html.escape);
    # the translation report's page is Sverka's own escaping writer (db.services.export.report_html)
    (None, "setHtml"): {"app/views/copy_actions.py", "app/dialogs/report_dialog.py"},
    (None, "setWhatsThis"): set(),
}


def _calls(path: Path) -> list[tuple[int, str | None, str]]:
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            owner = node.func.value.id if isinstance(node.func.value, ast.Name) else None
            found.append((node.lineno, owner, node.func.attr))
    return found


def test_markup_interpreting_calls_only_where_text_is_made_safe() -> None:
    wrong = []
    for path in sorted((ROOT / "app").rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        for line, owner, attr in _calls(path):
            for (risky_owner, risky_attr), allowed in RISKY.items():
                if attr == risky_attr and (risky_owner is None or owner == risky_owner) and rel not in allowed:
                    wrong.append(f"{rel}:{line} calls {owner or '…'}.{attr}")
    assert wrong == [], "use app.plaintext (message, ask, PlainLabel) instead:\n" + "\n".join(wrong)
