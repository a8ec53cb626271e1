"""HTML pages: charset from <meta>, main text only, note calls."""

from __future__ import annotations

from pathlib import Path

from alignment.text.document import Block, NoteRef
from alignment.text.html_extract import decode_html_bytes, declared_charset, html_to_blocks

DATA = Path(__file__).resolve().parents[2] / "data" / "import"


def test_cp1251_page_decoded_by_meta_charset() -> None:
    data = (DATA / "page-cp1251.html").read_bytes()
    assert declared_charset(data) == "cp1251"
    decoded = decode_html_bytes(data)
    assert decoded.encoding == "cp1251"
    assert "Проблемы развития СССР" in decoded.text


def test_main_text_without_navigation_and_footer() -> None:
    decoded = decode_html_bytes((DATA / "page-cp1251.html").read_bytes())
    title, blocks = html_to_blocks(decoded.text)
    assert title == "Л. Троцкий. Проблемы развития СССР"
    assert blocks[0] == Block("heading", "Проблемы развития СССР", level=1)
    assert blocks[1].kind == "heading" and blocks[1].level == 2
    texts = [b.text for b in blocks]
    joined = " ".join(texts)
    for furniture in ("Главная", "Архив", "Поиск", "Вернуться", "права защищены", "не текст", "margin"):
        assert furniture not in joined
    assert texts[-1] == "Съешь же ещё этих мягких французских булок, да выпей чаю."
    assert len(blocks) == 6
    assert blocks[2].notes == (NoteRef(len(blocks[2].text), "1"),)


def test_koi8r_meta_and_lying_meta() -> None:
    text = "<html><head><meta charset=\"koi8-r\"></head><body><p>Мы должны признать.</p></body></html>"
    assert decode_html_bytes(text.encode("koi8_r")).text.endswith("<p>Мы должны признать.</p></body></html>")
    # Declared windows-1251 but saved as KOI8-R: the text decides.
    lying = text.replace("koi8-r", "windows-1251").encode("koi8_r")
    assert "Мы должны признать." in decode_html_bytes(lying).text
    # Declared windows-1251 but actually UTF-8.
    assert "Мы должны признать." in decode_html_bytes(text.replace("koi8-r", "windows-1251").encode()).text


def test_structure_lists_quotes_breaks() -> None:
    html = (
        "<body><article><h2>Глава</h2><p>Первая строка<br>вторая строка</p>"
        "<ul><li>пункт один</li><li>пункт два</li></ul>"
        "<blockquote><p>Цитата.</p></blockquote>"
        "<p>Слово<a href='#n1'><sup>[1]</sup></a> и ещё.</p></article>"
        "<div class='sidebar'>Реклама</div></body>"
    )
    _, blocks = html_to_blocks(html)
    assert [b.text for b in blocks] == [
        "Глава", "Первая строка", "вторая строка", "пункт один", "пункт два", "Цитата.", "Слово и ещё.",
    ]
    assert blocks[-1].notes == (NoteRef(5, "1"),)


def test_link_lists_are_navigation() -> None:
    html = (
        "<body><p><a href='/'>Return to: Home</a></p>"
        "<p>« <a href='p1'>Previous</a> | <a href='p3'>Next</a> »</p>"
        "<p>The text with <a href='x'>a link</a> inside stays.</p></body>"
    )
    assert [b.text for b in html_to_blocks(html)[1]] == ["The text with a link inside stays."]


def test_pre_block_paragraphs() -> None:
    _, blocks = html_to_blocks("<body><pre>Первый абзац.\n\nВторой абзац.</pre></body>")
    assert [b.text for b in blocks] == ["Первый абзац.", "Второй абзац."]
