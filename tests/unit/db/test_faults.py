"""Issue 15: faults that once lost work or broke the command line, one test each.

Findings 3 (CSV formula guard), 4 (control characters), 5 (library errors are
exit 4), 6 (writers wait for each other), 7 (read-only libraries), 10
(malformed glossary files).  Findings 1, 2, 8, 9 and 11 have tests beside the
code they concern (tests/app/test_hostile_text.py, test_realign_keeps_review.py,
tests/unit/alignment/test_source_file.py, test_decode.py, tests/app/test_single_instance.py).
"""

from __future__ import annotations

import csv
import io
import json
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from sqlalchemy import select, text

from app.cli import EXIT_INPUT, EXIT_LIBRARY, main
from db.engine import open_library
from db.errors import LibraryReadOnlyError
from db.models import LibraryText, Sentence

REPO = Path(__file__).resolve().parents[3]
CONTROL = ("\x1b", "\x07", "\x00", "\x9b")


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# --- 3: one CSV writer, one formula guard ------------------------------------------------


def test_glossary_csv_export_defuses_formulas(capsys, bundled_library_path: Path, tmp_path: Path) -> None:
    db = ("--db", str(bundled_library_path))
    for headword in ("=HYPERLINK(\"http://evil\",\"x\")", "+cmd|' /C calc'!A0", "@SUM(A1:A2)"):
        assert run(capsys, *db, "glossary", "add", headword, "--ru", "слово", "--definition=-1+1")[0] == 0
    out = tmp_path / "g.csv"
    assert run(capsys, *db, "glossary", "export", "-o", str(out))[0] == 0
    rows = list(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    header = rows[0]
    cells = [row[header.index(name)] for row in rows[1:] for name in ("headword_en", "definition")]
    assert all(not c.startswith(("=", "+", "-", "@")) for c in cells)
    assert "'=HYPERLINK(\"http://evil\",\"x\")" in cells and "'-1+1" in cells
    # Sverka reads its own file back exactly.
    fresh = tmp_path / "fresh.sqlite3"
    code, _, err = run(capsys, "--db", str(fresh), "glossary", "import", str(out))
    assert code == 0, err
    code, out_text, _ = run(capsys, "--db", str(fresh), "glossary", "show", "слово")
    assert code == 0 and "-1+1" in out_text


# --- 4: control characters never enter, never reach the terminal ---------------------------


def test_aligned_file_import_removes_control_characters(capsys, library_path: Path, tmp_path: Path) -> None:
    tsv = tmp_path / "pair.tsv"
    tsv.write_text(
        "ru\ten\n"
        "Колхозы\x1b[31m растут.\x07\tKolkhozes\x1b]0;pwned\x07 grow.\n"
        "Кулаки\x00 против.\tKulaks\x9b2J object.\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--db", str(library_path), "import-aligned", str(tsv))
    assert code == 0, err
    lib = open_library(library_path)
    try:
        with lib.sessions() as session:
            stored = list(session.scalars(select(Sentence.text))) + list(session.scalars(select(LibraryText.title)))
    finally:
        lib.close()
    assert stored and not any(c in s for s in stored for c in CONTROL)
    assert "Колхозы[31m растут." in stored


def test_command_line_never_prints_control_characters(capsys, bundled_library_path: Path) -> None:
    """A library written before the cleaning (or by another program) still cannot drive the terminal."""
    con = sqlite3.connect(bundled_library_path)
    con.execute("UPDATE texts SET title = 'Evil\x1b]0;owned\x07\x1b[2J title\x9b' WHERE id = 1")
    con.execute("UPDATE sentences SET text = 'Bad\x1b[31m red' WHERE text_id = 1 AND position = 0")
    con.commit()
    con.close()
    for args in (("list",), ("show", "1"), ("show", "1", "--sentences")):
        code, out, err = run(capsys, "--db", str(bundled_library_path), *args)
        assert code == 0, err
        assert not any(c in out + err for c in CONTROL), args
        assert "␛" in out
    code, out, _ = run(capsys, "--db", str(bundled_library_path), "list", "--json")
    titles = [t["title"] for t in json.loads(out)]
    assert any(t.startswith("Evil") for t in titles)


# --- 5: every library problem is exit 4 and a sentence -------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ("glossary", "show", "kolkhoz"),
        ("glossary", "add", "Okrug", "--ru", "округ"),
        ("bookmark", "list"),
        ("bookmark", "add", "1", "--range", "1-2"),
        ("delete", "1", "--yes"),
        ("align", "1", "2"),
        ("list",),
    ],
)
def test_a_damaged_library_is_exit_4_for_every_command(capsys, tmp_path: Path, args: tuple[str, ...]) -> None:
    broken = tmp_path / "broken.sqlite3"
    broken.write_bytes(b"garbage" * 1000)
    code, out, err = run(capsys, "--db", str(broken), *args)
    assert code == EXIT_LIBRARY, (code, out, err)
    assert "Traceback" not in err and "damaged" in err
    assert broken.read_bytes() == b"garbage" * 1000


def test_a_library_locked_by_another_program_is_exit_4(capsys, bundled_library_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("db.engine.BUSY_TIMEOUT_MS", 200)
    holder = sqlite3.connect(bundled_library_path, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        for args in (("bookmark", "add", "1", "--range", "1-2"), ("glossary", "add", "Okrug", "--ru", "округ"),
                     ("delete", "3", "--yes")):
            code, _, err = run(capsys, "--db", str(bundled_library_path), *args)
            assert code == EXIT_LIBRARY and "locked" in err and "Traceback" not in err, (args, err)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# --- 6: a second writer waits for the first instead of failing ------------------------------


def test_a_second_writer_waits_for_the_first(library) -> None:
    """The second writer reads, then writes while the first still holds the lock.  With a
    deferred BEGIN its snapshot is stale once the first commits, and SQLite fails it at once
    ("database is locked") although it waited; BEGIN IMMEDIATE makes it wait before reading."""
    first_holds = threading.Event()
    outcome: list[object] = []

    def second() -> None:
        first_holds.wait()
        try:
            with library.sessions.begin() as session:
                n = session.execute(text("SELECT count(*) FROM works")).scalar()
                session.execute(text("INSERT INTO works (title, author, date, description) VALUES (:t, '', '', '')"),
                                {"t": f"second, after {n}"})
            outcome.append("ok")
        except Exception as exc:  # noqa: BLE001 - the test reports whatever happened
            outcome.append(exc)

    worker = threading.Thread(target=second)
    worker.start()
    with library.sessions.begin() as session:
        session.execute(text("INSERT INTO works (title, author, date, description) VALUES ('first', '', '', '')"))
        first_holds.set()
        time.sleep(0.5)
    worker.join(10)
    assert outcome == ["ok"]
    with library.sessions() as session:
        titles = list(session.scalars(text("SELECT title FROM works ORDER BY id")))
    assert titles == ["first", "second, after 1"]


@pytest.mark.slow
def test_two_imports_started_together_both_succeed(bundled_library_path: Path, tmp_path: Path) -> None:
    files = []
    for n in range(2):
        f = tmp_path / f"text{n}.txt"
        f.write_text("\n\n".join(f"Абзац {i} текста {n}. Колхозы и совхозы росли." for i in range(3000)),
                     encoding="utf-8")
        files.append(f)
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    procs = [
        subprocess.Popen([sys.executable, "-m", "app.cli", "--db", str(bundled_library_path), "import", str(f),
                          "--lang", "ru"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for f in files
    ]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert [r[2] for r in results] == [0, 0], results
    con = sqlite3.connect(bundled_library_path)
    titles = {row[0] for row in con.execute("SELECT title FROM texts")}
    con.close()
    assert {"text0", "text1"} <= titles


# --- 7: a read-only library can be read, and says it cannot be changed ----------------------


def test_a_read_only_library_is_read_and_refuses_changes(capsys, bundled_library_path: Path, monkeypatch) -> None:
    monkeypatch.setattr("db.engine.writable", lambda path: False)
    db = ("--db", str(bundled_library_path))
    code, out, err = run(capsys, *db, "list")
    assert code == 0 and "Проблемы развития СССР" in out, err
    code, out, _ = run(capsys, *db, "glossary", "show", "kolkhoz")
    assert code == 0 and "kolkhoz" in out.lower()
    before = bundled_library_path.read_bytes()
    for args in (("bookmark", "add", "1", "--range", "1-2"), ("glossary", "add", "Okrug", "--ru", "округ"),
                 ("delete", "3", "--yes")):
        code, _, err = run(capsys, *db, *args)
        assert code == EXIT_LIBRARY and "read-only" in err and "Traceback" not in err, (args, err)
    assert bundled_library_path.read_bytes() == before
    lib = open_library(bundled_library_path)
    try:
        assert lib.read_only
        with pytest.raises(LibraryReadOnlyError):
            with lib.sessions.begin():
                pass
    finally:
        lib.close()


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root writes read-only files anyway")
def test_a_truly_read_only_folder_can_still_be_listed(capsys, bundled_library_path: Path) -> None:
    folder = bundled_library_path.parent
    for p in folder.iterdir():
        p.chmod(0o444)
    folder.chmod(0o555)
    try:
        code, out, err = run(capsys, "--db", str(bundled_library_path), "list")
        assert code == 0 and "Проблемы развития СССР" in out, err
        code, _, err = run(capsys, "--db", str(bundled_library_path), "bookmark", "add", "1", "--range", "1-2")
        assert code == EXIT_LIBRARY and "read-only" in err
    finally:
        folder.chmod(0o755)
        for p in folder.iterdir():
            p.chmod(0o644)


# --- 9: an encoding Sverka cannot tell is asked about, and --encoding settles it -----------


def test_an_uncertain_encoding_is_exit_3_and_encoding_settles_it(capsys, library_path: Path, tmp_path: Path) -> None:
    greek = tmp_path / "ellada.txt"
    greek.write_bytes("Η Ελλάδα είναι μια χώρα στη νοτιοανατολική Ευρώπη. Η πρωτεύουσα είναι η Αθήνα.\n"
                      .encode("iso8859_7"))
    db = ("--db", str(library_path))
    code, out, err = run(capsys, *db, "import", str(greek), "--lang", "en")
    assert code == EXIT_INPUT and "cannot tell with confidence" in err and "--encoding" in err
    assert "еККэДА" in err and "Ελλάδα" in err  # the Cyrillic gibberish it would have been, and the Greek
    code, out, err = run(capsys, *db, "import", str(greek), "--lang", "en", "--encoding", "iso-8859-7",
                         "--force-language")
    assert code == 0, err
    text_id = out.split("text ")[1].split(":")[0]
    code, out, _ = run(capsys, *db, "show", text_id)
    assert "Η Ελλάδα είναι μια χώρα" in out


# --- 10: a malformed glossary file is a clear message about that file -----------------------


@pytest.mark.parametrize(
    ("content", "suffix", "expected"),
    [
        ('{"entries": [{"headword_en": 5}]}', ".json", "“headword_en” should be text, not a number"),
        ('{"entries": [{"headword_en": "Okrug", "forms_ru": {"a": 1}}]}', ".json", "should be a list of texts"),
        ('{"entries": [{"headword_en": "Okrug", "definition": ["x"]}]}', ".json", "“definition” should be text"),
        ('{"entries": [{"headword_en": "Okrug", "category": "weapon"}]}', ".json", "category “weapon”"),
        ('{"entries": [17]}', ".json", "entry 1 is not an object"),
        ('{"entries": "all"}', ".json", "no list of entries"),
        ("headword,ru\nOkrug,округ\n", ".csv", "no headword_en column"),
        ('headword_en\n"unclosed\n', ".csv", "malformed"),
    ],
)
def test_a_malformed_glossary_file_gets_a_message_about_the_file(capsys, library_path: Path, tmp_path: Path,
                                                                 content: str, suffix: str, expected: str) -> None:
    path = tmp_path / f"mine{suffix}"
    path.write_text(content, encoding="utf-8")
    code, _, err = run(capsys, "--db", str(library_path), "glossary", "import", str(path))
    assert code != 0 and "Traceback" not in err
    assert expected in err, err
    assert "glossary.build" not in err and "Nothing was imported" in err


def test_a_glossary_file_that_is_a_device_is_refused(capsys, library_path: Path) -> None:
    if not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero")
    code, _, err = run(capsys, "--db", str(library_path), "glossary", "import", "/dev/zero")
    assert code != 0 and "device" in err


def test_an_aligned_file_that_is_a_pipe_is_refused(capsys, library_path: Path, tmp_path: Path) -> None:
    fifo = tmp_path / "pair.tsv"
    os.mkfifo(fifo)
    code, _, err = run(capsys, "--db", str(library_path), "import-aligned", str(fifo))
    assert code == EXIT_INPUT and "named pipe" in err


def test_the_aligner_command_line_survives_a_closed_pipe(tmp_path: Path) -> None:
    """`python -m alignment align … | head` ended in a BrokenPipeError traceback."""
    src, tgt = tmp_path / "ru.txt", tmp_path / "en.txt"
    src.write_text("\n".join(f"Предложение номер {i}." for i in range(4000)), encoding="utf-8")
    tgt.write_text("\n".join(f"Sentence number {i}." for i in range(4000)), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    proc = subprocess.Popen([sys.executable, "-m", "alignment", "align", str(src), str(tgt), "--presplit",
                             "--format", "json"], cwd=REPO, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None
    proc.stdout.read(100)
    proc.stdout.close()  # what `head -c 100` does
    _, err = proc.communicate(timeout=120)
    assert proc.returncode == 0 and b"Traceback" not in err, err.decode(errors="replace")
