"""The `sverka` command-line tools, run as a user would (no display needed)."""

from __future__ import annotations

import json
import os
import queue
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from importlib.metadata import entry_points
from pathlib import Path

import pytest

from app.cli import EXIT_DUPLICATE, EXIT_INPUT, EXIT_LIBRARY, main

REPO = Path(__file__).resolve().parents[3]


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_console_script_is_declared() -> None:
    scripts = {ep.name: ep.value for ep in entry_points(group="console_scripts")}
    assert scripts.get("sverka") == "app.cli:main"


def test_help_explains_every_command(capsys) -> None:
    with pytest.raises(SystemExit) as info:
        main(["--help"])
    assert info.value.code == 0
    out = capsys.readouterr().out
    for command in ("gui", "import", "list", "show", "align", "delete", "restore-bundled", "glossary"):
        assert command in out
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    out = capsys.readouterr().out
    assert "--lang" in out and "--allow-duplicate" in out and "--force-language" in out


def test_list_json_describes_every_text(capsys, bundled_library_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(bundled_library_path), "list", "--json")
    assert code == 0
    texts = json.loads(out)
    assert len(texts) == 7
    for t in texts:
        assert {"id", "title", "author", "language", "kind", "translator", "paragraphs", "sentences", "aligned_with"} <= t.keys()
    ru = next(t for t in texts if t["language"] == "ru" and t["kind"] == "original")
    en = next(t for t in texts if t["id"] == ru["aligned_with"])
    assert en["kind"] == "working_translation" and en["aligned_with"] == ru["id"]
    assert en["translator"].startswith("Sverka editors")


def test_list_groups_texts_by_work(capsys, bundled_library_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(bundled_library_path), "list")
    assert code == 0
    lines = out.splitlines()
    work_line = next(i for i, line in enumerate(lines) if line.startswith("Проблемы развития СССР"))
    assert "original" in lines[work_line + 1] and "working translation" in lines[work_line + 2]


def test_import_then_show_paragraph_by_paragraph(capsys, library_path: Path, tmp_path: Path) -> None:
    src = tmp_path / "note.md"
    src.write_text("# Заголовок\n\nПервый абзац. Второе предложение.\n\nТретий абзац.\n", encoding="utf-8")
    code, out, _ = run(capsys, "--db", str(library_path), "import", str(src), "--lang", "ru", "--title", "Записка", "--author", "Н. Н.")
    assert code == 0 and "3 paragraphs, 4 sentences" in out
    text_id = int(out.split("text ")[1].split(":")[0])
    code, out, _ = run(capsys, "--db", str(library_path), "show", str(text_id))
    assert code == 0
    assert out.splitlines()[0] == "Записка — Н. Н."
    assert "# Заголовок\n\nПервый абзац. Второе предложение.\n\nТретий абзац." in out
    code, out, _ = run(capsys, "--db", str(library_path), "show", str(text_id), "--sentences")
    assert "     2  Первый абзац." in out and "     3  Второе предложение." in out
    # the same file again is refused, and the library is unchanged
    code, _, err = run(capsys, "--db", str(library_path), "import", str(src), "--lang", "ru")
    assert code == EXIT_DUPLICATE and "already in the library" in err


def test_errors_are_one_clear_sentence(capsys, library_path: Path, tmp_path: Path) -> None:
    code, _, err = run(capsys, "--db", str(library_path), "import", str(tmp_path / "missing.txt"), "--lang", "en")
    assert code == EXIT_INPUT and "does not exist" in err
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + os.urandom(4000))
    code, _, err = run(capsys, "--db", str(library_path), "import", str(binary), "--lang", "en")
    assert code == EXIT_INPUT and "Traceback" not in err
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 1000)
    code, _, err = run(capsys, "--db", str(broken), "list")
    assert code == EXIT_LIBRARY and "damaged" in err
    assert broken.read_bytes() == b"garbage" * 1000


def _counts(path: Path) -> tuple[int, int, int]:
    con = sqlite3.connect(path)
    try:
        return tuple(con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in ("texts", "paragraphs", "sentences"))  # type: ignore[return-value]
    finally:
        con.close()


@pytest.mark.slow
def test_killed_import_leaves_the_library_as_it_was(library_path: Path, tmp_path: Path) -> None:
    """Kill -9 a real `sverka import` while it is storing; nothing of it may remain."""
    # mark the library as set up so the command goes straight to the import
    con = sqlite3.connect(library_path)
    con.execute("INSERT INTO library_settings (key, value) VALUES ('bundled_library_installed', '1')")
    con.commit()
    con.close()
    big = tmp_path / "big.txt"
    big.write_text(
        "\n\n".join(f"Абзац {i}. Колхозы и совхозы в {1900 + i % 100} г. росли. Кулаки сопротивлялись." for i in range(15000)),
        encoding="utf-8",
    )
    before = _counts(library_path)
    proc = subprocess.Popen(
        [sys.executable, "-m", "app.cli", "--db", str(library_path), "import", str(big), "--lang", "ru"],
        cwd=REPO,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    lines: queue.Queue[str] = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in proc.stderr], daemon=True).start()  # type: ignore[union-attr]
    deadline = time.monotonic() + 120
    seen = ""
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            line = lines.get(timeout=0.5)
        except queue.Empty:
            continue
        seen += line
        if line.startswith("storing") and not line.startswith("storing 0%"):
            break
    assert proc.poll() is None, f"the import ended before it could be killed: {seen}"
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    assert _counts(library_path) == before
    con = sqlite3.connect(library_path)
    assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    con.close()
    # and the library still works: an import now succeeds
    small = tmp_path / "small.txt"
    small.write_text("Колхозы росли. Кулаки сопротивлялись.\n", encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "app.cli", "--db", str(library_path), "import", str(small), "--lang", "ru"],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    assert _counts(library_path)[0] == before[0] + 1


def test_glossary_commands_resolve_add_export_and_import(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    db = ["--db", str(bundled_library_path)]
    code, out, _ = run(capsys, *db, "glossary", "show", "колхозами")
    assert code == 0 and out.startswith("kolkhoz") and "Rogovin" in out
    code, out, _ = run(capsys, *db, "glossary", "show", "Orgburo")
    assert code == 0 and "source: Sverka editors" in out
    code, _, err = run(capsys, *db, "glossary", "show", "nonexistentterm")
    assert code == 1 and "glossary add" in err
    src = tmp_path / "t.txt"
    src.write_text("Окружком собрался.\nСталин и Бухариным спорили в Оргбюро.\n", encoding="utf-8")
    code, out, _ = run(capsys, *db, "glossary", "mark", str(src), "--lang", "ru")
    assert out.splitlines() == ["2:0:6:stalin:Сталин", "2:9:18:bukharin:Бухариным", "2:29:36:orgburo:Оргбюро"]
    code, out, _ = run(capsys, *db, "glossary", "add", "District committee", "--ru", "окружком", "--definition", "Okrug party committee.")
    assert code == 0
    code, out, _ = run(capsys, *db, "glossary", "mark", str(src), "--lang", "ru")
    assert out.splitlines()[0].startswith("1:0:8:user-district-committee:")
    exported = tmp_path / "g.csv"
    assert run(capsys, *db, "glossary", "export", "-o", str(exported))[0] == 0
    assert "District committee" in exported.read_text(encoding="utf-8")
    code, _, err = run(capsys, *db, "glossary", "export", "-o", str(exported))
    assert code == 2 and "--force" in err
    mine = tmp_path / "mine.json"
    mine.write_text('{"entries": [{"headword_en": "Gubkom", "forms_ru": ["губком"], "definition": "Provincial committee."}]}', encoding="utf-8")
    code, out, _ = run(capsys, *db, "glossary", "import", str(mine))
    assert code == 0 and "Imported 1" in out
    code, out, _ = run(capsys, *db, "glossary", "show", "губкома")
    assert code == 0 and out.startswith("Gubkom") and "source: Your entry" in out
