"""The shipped, prepared bundled library: what the first start copies instead of importing."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from db.engine import open_library
from db.services.library_template import (
    INPUT_FOLDERS,
    input_fingerprint,
    seed_library,
    template_dir,
    usable_template,
)
from db.services.startup import library_needs_preparing, open_user_library
from resources import RESOURCES_DIR

# Derived from other columns (the FTS index's own b-trees), or the moment a row was made.
SKIPPED_TABLES = {"sentence_search", "sentence_search_data", "sentence_search_idx", "sentence_search_docsize",
                  "sentence_search_config", "sqlite_sequence"}


def _dump(path: Path, *, vectors: bool) -> dict[str, list[tuple]]:
    """Every row of every table, datetimes left out and floats rounded (machines differ in the last bits)."""
    out: dict[str, list[tuple]] = {}
    with sqlite3.connect(path) as conn:
        tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in sorted(set(tables) - SKIPPED_TABLES):
            if table == "text_vectors" and not vectors:
                continue
            columns = [r[1] for r in conn.execute(f'PRAGMA table_info("{table}")')
                       if "DATE" not in (r[2] or "").upper()]
            rows = conn.execute(f'SELECT {", ".join(chr(34) + c + chr(34) for c in columns)} FROM "{table}"').fetchall()
            out[table] = sorted((tuple(round(v, 6) if isinstance(v, float) else v for v in row) for row in rows),
                                key=repr)
    return out


def test_the_shipped_template_is_what_the_code_makes_today(bundled_library_template: Path, tmp_path: Path) -> None:
    """Rebuilt with today's importer, segmenter, glossary and aligner, the bundled library is
    row for row the shipped template (else: `python -m db.services.library_template`)."""
    from alignment.quotes.semantic import default_embedder

    seeded = tmp_path / "library.sqlite3"
    assert seed_library(seeded), "the shipped template does not fit the bundled files: " \
        "run `python -m db.services.library_template`"
    open_library(seeded).close()  # migrated, if the template's schema is older
    fresh = _dump(bundled_library_template, vectors=default_embedder() is not None)
    shipped = _dump(seeded, vectors=default_embedder() is not None)
    stale = [t for t in sorted(fresh.keys() | shipped.keys()) if fresh.get(t) != shipped.get(t)]
    assert not stale, (f"the shipped library template differs from a fresh install in {stale}: "
                       "run `python -m db.services.library_template` and commit the result")


def test_a_new_library_starts_as_the_template_and_needs_no_preparing(tmp_path: Path) -> None:
    path = tmp_path / "data" / "library.sqlite3"
    (tmp_path / "data").mkdir()
    path.with_name("library.sqlite3-wal").write_bytes(b"garbage from an earlier file")
    library = open_user_library(path)
    try:
        assert not library_needs_preparing(library)
        with library.engine.connect() as conn:
            assert conn.exec_driver_sql("SELECT count(*) FROM texts").scalar() == 7
    finally:
        library.close()


def test_an_existing_library_is_never_replaced(library_path: Path) -> None:
    before = library_path.read_bytes()
    assert not seed_library(library_path)
    assert library_path.read_bytes() == before


def test_a_template_made_from_other_bundled_files_is_not_used(tmp_path: Path) -> None:
    resources = tmp_path / "resources"
    shutil.copytree(RESOURCES_DIR, resources, ignore=shutil.ignore_patterns("*.xz", "i18n", "icons"))
    assert input_fingerprint(resources) == input_fingerprint()
    text = next((resources / INPUT_FOLDERS[0]).glob("*.txt"))
    text.write_text(text.read_text(encoding="utf-8") + "\nOne more sentence.\n", encoding="utf-8")
    assert input_fingerprint(resources) != input_fingerprint()
    assert usable_template(template_dir(), resources) is None


@pytest.mark.parametrize("damage", ["truncated", "missing meta"])
def test_a_damaged_template_leaves_no_file_behind(tmp_path: Path, damage: str) -> None:
    folder = tmp_path / "template"
    shutil.copytree(template_dir(), folder)
    if damage == "truncated":
        archive = folder / "library.sqlite3.xz"
        archive.write_bytes(archive.read_bytes()[:5000])
    else:
        (folder / "template.json").unlink()
    target = tmp_path / "lib" / "library.sqlite3"
    assert not seed_library(target, folder)
    assert not target.exists() and not target.with_name("library.sqlite3.part").exists()


def test_start_up_reads_the_same_records_digest_as_the_installer() -> None:
    """Every start asks whether the bundled records are new without loading the importer."""
    from db.services.bundled import _records_digest, _shipped_records_digest, load_manifest

    assert _shipped_records_digest() == _records_digest(load_manifest())
