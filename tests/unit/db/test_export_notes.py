"""Notes travel with the passage that calls them: every export format carries the notes of its sentences."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from lxml import etree

from db.services.aligning import align_texts
from db.services.export import export_document
from db.services.export.excerpt import alignment_for_text, excerpt_for_range, make_document
from db.services.importing import ImportOptions, TextMetadata, import_text

RU = ("# Глава первая\n\nКолхозы растут по всей стране.[^1] Кулаки сопротивляются.\n\n"
      "Партия решает вопрос о темпах.[^2]\n\n"
      "[^1]: РГАСПИ, ф. 17, оп. 3, д. 123, л. 45.\n\n"
      "[^2]: Резолюция пленума ЦК.\n")
EN = ("# Chapter One\n\nCollective farms are growing across the country.[^1] The kulaks resist.\n\n"
      "The party decides the question of tempo.[^2]\n\n"
      "[^1]: RGASPI, f. 17, op. 3, d. 123, l. 45.\n\n"
      "[^2]: Resolution of the CC plenum.\n")


@pytest.fixture
def pair(library, tmp_path: Path):
    ids = []
    for lang, text in (("ru", RU), ("en", EN)):
        path = tmp_path / f"{lang}.md"
        path.write_text(text, encoding="utf-8")
        ids.append(import_text(library, path, TextMetadata(lang=lang, title=f"Text {lang}",
                                                           kind="original" if lang == "ru" else "published_translation"),
                               ImportOptions()).text_id)
    align_texts(library, *ids)
    with library.sessions() as s:
        alignment_id = alignment_for_text(s, ids[0])
        excerpt = excerpt_for_range(s, alignment_id, 0, 3)
    return make_document("Notes", [excerpt])


def test_the_excerpt_carries_the_notes_its_sentences_call(pair) -> None:
    beads = pair.excerpts[0].beads
    ru_notes = [n for b in beads for n in b.ru_notes]
    en_notes = [n for b in beads for n in b.en_notes]
    assert [(n.label, n.text) for n in ru_notes] == [("1", "РГАСПИ, ф. 17, оп. 3, д. 123, л. 45."),
                                                     ("2", "Резолюция пленума ЦК.")]
    assert [n.label for n in en_notes] == ["1", "2"]
    first = next(b for b in beads if b.ru_notes)
    assert "Колхозы" in first.ru and "Кулаки" not in first.ru  # the note sits with the sentence that calls it


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "tmx", "csv", "docx", "pdf"])
def test_every_format_prints_the_notes(pair, fmt: str, tmp_path: Path) -> None:
    out = export_document(pair, fmt, tmp_path / f"out.{fmt}")
    if fmt == "docx":
        from docx import Document

        text = "\n".join(c.text for t in Document(str(out)).tables for row in t.rows for c in row.cells)
    elif fmt == "pdf":
        from pypdf import PdfReader

        text = "\n".join(p.extract_text() for p in PdfReader(str(out)).pages)
    else:
        text = out.read_bytes().decode("utf-8-sig")
    assert "РГАСПИ, ф. 17, оп. 3, д. 123, л. 45." in text and "Resolution of the CC plenum." in text, fmt
    if fmt == "tmx":
        root = etree.fromstring(out.read_bytes())
        assert any("RGASPI" in (n.text or "") for n in root.iter("note"))
    if fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(text)))
        assert any(r["ru_notes"].startswith("[1] РГАСПИ") for r in rows)
