"""Reflow of PDF-extracted text and repair of line-end hyphens."""

from __future__ import annotations

from collections import Counter

import pytest

from alignment.text.document import Block, NoteRef
from alignment.text.reflow import (
    drop_interleaved_blanks,
    has_split_words,
    is_compound_pair,
    join_hyphenated,
    looks_like_pdf_text,
    reflow_pdf_text,
    rejoin_page_breaks,
    repair_split_words,
    word_counts,
)

PDF_TEXT = (
    "\nЛ. Троцкий  \n\n"
    "Проблемы развития СССР \n\n"
    "I. Экономические противоречия переходного периода. \n\n"
    "Классовая природа СССР. \n\n"
    "Противоречивые процессы в хозяйстве и политике СССР развертываются на основе \n\n"
    "диктатуры пролетариата. Защита СССР от иностранной интервенции и от контр- \n\n"
    "революции есть элементарный долг каждого рабочего, как и защита от контр- \n\n"
    "революционного переворота. Хозяйство растет но- \n\n"
    "выми темпами, которых никогда не знал капитализм в своем развитии.  \n\n"
    "Второй абзац идет здесь и продолжается на следующей строке текста, как это \n\n"
    "обычно бывает в тексте, извлеченном из PDF-файла: строки жестко разбиты по \n\n"
    "ширине страницы, после каждой строки стоит пустая строка, а конец абзаца \n\n"
    "отмечен двумя пробелами в конце последней строки; заголовки стоят особо.  \n\n"
    "Опубликовано в: Бюллетень оппозиции. 1931. № 20. \n\n"
)


def test_shape_is_recognised() -> None:
    assert looks_like_pdf_text(PDF_TEXT)
    assert not looks_like_pdf_text("One paragraph per line.\n\nAnother one.\n")


def test_interleaved_blank_lines_are_dropped() -> None:
    assert drop_interleaved_blanks(["a", "", "b", "", "", "c"]) == ["a", "b", "", "c"]


def test_reflow_joins_lines_and_marks_headings() -> None:
    blocks = reflow_pdf_text(PDF_TEXT)
    assert [b.kind for b in blocks] == ["body", "heading", "heading", "heading", "body", "body", "body"]
    assert blocks[2] == Block("heading", "I. Экономические противоречия переходного периода.", level=1)
    body = blocks[4].text
    assert "на основе диктатуры" in body
    assert "от контр-революции есть" in body  # real hyphen kept
    assert "контр-революционного" in body
    assert "новыми темпами" in body  # typesetter's hyphen removed


@pytest.mark.parametrize(
    ("left", "right", "expected"),
    [
        ("новообразую-", "щиеся", "новообразующиеся"),
        ("Marxist-", "Leninist", "Marxist-Leninist"),
        ("Северо-", "Западный", "Северо-Западный"),
        ("старой царско-", "буржуазной России", "старой царско-буржуазной России"),
        ("десять-", "двадцать миллионов", "десять-двадцать миллионов"),
        ("twenty-", "five", "twenty-five"),
        ("социал-", "демократией", "социал-демократией"),
        ("разви-", "тие", "развитие"),
        ("exam-", "ple", "example"),
    ],
)
def test_join_hyphenated(left: str, right: str, expected: str) -> None:
    assert join_hyphenated(left, right, Counter()) == expected


def test_document_spelling_decides() -> None:
    counts = word_counts("ново-образующиеся слои и ново-образующиеся группы")
    assert join_hyphenated("ново-", "образующиеся", counts) == "ново-образующиеся"
    counts = word_counts("контр-революции и снова контр-революции")
    assert join_hyphenated("контр-", "революционного", counts) == "контр-революционного"


def test_compound_pair() -> None:
    assert is_compound_pair("авантюристски", "преторианские")
    assert not is_compound_pair("русско", "го")
    assert not is_compound_pair("полити", "ческой")


def test_rejoin_page_breaks_moves_notes_after_the_paragraph() -> None:
    blocks = [
        Block("body", "Soon after suppressing the uprising and the mass", notes=(NoteRef(5, "1"),)),
        Block("note", "24 See Pavlyuchenkov."),
        Block("body", "revolt of peasants, he took a holiday.", notes=(NoteRef(10, "2"),)),
        Block("body", "new paragraph starts here."),
    ]
    out = rejoin_page_breaks(blocks)
    assert out[0].text == "Soon after suppressing the uprising and the mass revolt of peasants, he took a holiday."
    assert out[0].notes == (NoteRef(5, "1"), NoteRef(59, "2"))
    assert out[0].text[59:].startswith("peasants")
    assert [b.kind for b in out] == ["body", "note", "body"]
    assert out[2].text == "new paragraph starts here."


def test_rejoin_keeps_list_items_apart() -> None:
    blocks = [Block("body", "Items follow"), Block("body", "a) first item")]
    assert rejoin_page_breaks(blocks) == blocks


def test_repair_split_words_inside_a_line() -> None:
    text = "гр. БЛУМКИНА Якова Герше- вича, ур. Черни- говской губ., ГОСУДАР- СТВЕННОГО аппарата"
    block = Block("body", text + " и контр- революции, мелко- и средне-буржуазный.", notes=(NoteRef(30, "1"), NoteRef(200, "2")))
    counts = word_counts("контр-революции")
    fixed = repair_split_words(block, counts)
    assert fixed.text == (
        "гр. БЛУМКИНА Якова Гершевича, ур. Черниговской губ., ГОСУДАРСТВЕННОГО аппарата"
        " и контр-революции, мелко- и средне-буржуазный."
    )
    assert fixed.notes[0] == NoteRef(28, "1")  # after "Гершевича" lost its "- "
    assert fixed.text[:28].endswith("Гершевича")
    assert fixed.notes[1] == NoteRef(200 - 2 - 2 - 2 - 1, "2")
    assert has_split_words(text) and not has_split_words("poor- and middle peasants")
