"""The house rule of dependencies: app → db → alignment, and nothing upward.

alignment/ knows nothing of Qt or SQL; db/ knows nothing of Qt or the window;
app/ builds no SQL.
Checked on the source (every import statement, including those inside
functions), so a lazy import cannot hide a wrong dependency.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

FORBIDDEN = {
    "alignment": ("PySide6", "sqlalchemy", "alembic", "db", "app"),
    "db": ("PySide6", "app"),
    "resources": ("PySide6", "sqlalchemy", "db", "app", "alignment"),
    # the window calls db services; all SQL lives in db/
    "app": ("sqlalchemy", "alembic"),
}


def _imports(path: Path) -> list[tuple[int, str]]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            found.append((node.lineno, node.module))
    return found


@pytest.mark.parametrize("package", sorted(FORBIDDEN))
def test_no_package_imports_a_layer_above_it(package: str) -> None:
    wrong = []
    for path in sorted((ROOT / package).rglob("*.py")):
        for line, module in _imports(path):
            top = module.split(".")[0]
            if top in FORBIDDEN[package]:
                wrong.append(f"{path.relative_to(ROOT)}:{line} imports {module}")
    assert wrong == []
