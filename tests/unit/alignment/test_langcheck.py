"""Script shares, the declared-language check, and embedded-language marking."""

from __future__ import annotations

from alignment.text.document import Block
from alignment.text.langcheck import check_language, mark_embedded_language, script_counts

EN = "Stalin published an unsigned lead article in Pravda entitled “They Have Sunk to the Bottom.”"
RU = "Октябрьская революция проходит через глубокий кризис. Высшим выражением его является борьба."


def test_script_counts() -> None:
    counts = script_counts("Ab Вгд, 12!")
    assert (counts.latin, counts.cyrillic) == (2, 3)
    assert counts.cyrillic_share == 0.6


def test_russian_file_that_is_english_warns() -> None:
    warning = check_language([Block("body", EN)] * 3, "ru")
    assert warning is not None
    assert warning.latin_share > 0.9
    assert "Latin" in warning.message and "ru" in warning.message
    assert check_language([Block("body", RU)] * 3, "ru") is None


def test_english_file_that_is_russian_warns() -> None:
    assert check_language([Block("body", RU)], "en") is not None
    assert check_language([Block("body", EN)], "en") is None


def test_embedded_russian_documents_do_not_trigger_the_warning() -> None:
    blocks = [Block("body", EN)] * 10 + [Block("body", RU, lang="ru")] * 3
    assert check_language(blocks, "en") is None


def test_notes_do_not_count() -> None:
    blocks = [Block("body", RU)] + [Block("note", "1. Ibid., p. 5. " + EN)] * 5
    assert check_language(blocks, "ru") is None


def test_short_texts_do_not_warn() -> None:
    assert check_language([Block("body", "OGPU")], "ru") is None


def test_russian_passage_in_english_book_is_marked() -> None:
    blocks = [
        Block("body", EN),
        Block("body", "И. СТАЛИН"),
        Block("body", "36"),
        Block("heading", "ГОЛОВОКРУЖЕНИЕ ОТ УСПЕХОВ.", level=1),
        Block("body", "1 9 3 0"),
        Block("body", "ГОСУДАРСТВЕННОЕ ИЗДАТЕЛЬСТВО"),
        Block("body", "Stalin's \"Dizziness from Success,\" in pamphlet form, 1930."),
        Block("body", "12"),
    ]
    marked = mark_embedded_language(blocks, "en")
    assert [b.lang for b in marked] == [None, "ru", "ru", "ru", "ru", "ru", None, None]


def test_english_sentence_quoting_a_russian_word_stays_english() -> None:
    block = Block("body", "In the passages cited, the thesis of “depeasantization” [раскрестьянивание] deserves special attention.")
    assert mark_embedded_language([block], "en")[0].lang is None


def test_english_passage_in_russian_document_is_marked() -> None:
    blocks = [Block("body", RU), Block("body", EN), Block("body", "Бюллетень № 20 (Paris)")]
    assert [b.lang for b in mark_embedded_language(blocks, "ru")] == [None, "en", None]
