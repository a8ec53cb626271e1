"""Start-up loads only what the first screen needs (a fresh `sverka` process, offscreen)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from app.bench_startup import launch_until_ready, write_last_text


@pytest.mark.slow
def test_reopening_the_last_text_loads_nothing_the_first_screen_does_not_need(
    bundled_library_path: Path, tmp_path: Path
) -> None:
    with sqlite3.connect(bundled_library_path) as conn:
        (rogovin,) = conn.execute("SELECT id FROM texts WHERE key = 'rogovin-bolsheviks-against-stalinism.en'").fetchone()
    write_last_text(tmp_path, rogovin)
    _seconds, record = launch_until_ready(bundled_library_path, tmp_path)
    assert record["reached"] == "text"
    assert record["loaded"] == [], f"start-up loaded {record['loaded']}"
