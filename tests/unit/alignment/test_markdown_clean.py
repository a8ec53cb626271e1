"""Markdown to blocks: headings, emphasis, note calls, note lists, page breaks."""

from __future__ import annotations

from alignment.text.document import Block, NoteRef
from alignment.text.markdown_clean import clean_inline, markdown_to_blocks, strip_emphasis


def test_headings_keep_their_level_and_lose_emphasis() -> None:
    blocks = markdown_to_blocks("# **Bolsheviks Against Stalinism**\n\n## 2. The First Round\n\nText.")
    assert blocks[0] == Block("heading", "Bolsheviks Against Stalinism", level=1)
    assert blocks[1] == Block("heading", "2. The First Round", level=2)
    assert blocks[2] == Block("body", "Text.")


def test_setext_heading() -> None:
    assert markdown_to_blocks("Foreword\n========\n\nText.")[0] == Block("heading", "Foreword", level=1)


def test_emphasis_removed_text_kept() -> None:
    assert strip_emphasis("**bold** and *italic* and _under_ and ***both***") == (
        "bold and italic and under and both"
    )
    # Underscores inside words and lone asterisks are not emphasis.
    assert strip_emphasis("snake_case_name 5 * 3") == "snake_case_name 5 * 3"


def test_backslash_escapes() -> None:
    text, _ = clean_inline(r"(«ГРУППА РЮТИНА»)\* and 1\. not a list")
    assert text == "(«ГРУППА РЮТИНА»)* and 1. not a list"


def test_sup_note_calls_become_noterefs() -> None:
    text, notes = clean_inline("over 15 years.”<sup>1</sup> It was<sup>[2](#)</sup> so<sup>3, 4</sup>.")
    assert text == "over 15 years.” It was so."
    assert notes == (NoteRef(15, "1"), NoteRef(22, "2"), NoteRef(25, "3"), NoteRef(25, "4"))
    assert text[: notes[0].offset].endswith("years.”")


def test_unicode_superscripts_glued_to_words_become_noterefs() -> None:
    text, notes = clean_inline("governor of Leningrad.⁵⁵ but the purification", markdown=False)
    assert text == "governor of Leningrad. but the purification"
    assert notes == (NoteRef(22, "55"),)
    text, notes = clean_inline("Kamenev⁴³. Legend")
    assert text == "Kamenev. Legend" and notes == (NoteRef(7, "43"),)


def test_superscripts_that_are_mathematics_stay() -> None:
    assert clean_inline("an area of 5 km² and 10³ units")[0] == "an area of 5 km² and 10³ units"


def test_links_images_and_tags() -> None:
    text, _ = clean_inline(
        "See [the record](https://lcn.loc.gov/1) at <https://lcn.loc.gov/2> ![img](a.png)<u>now</u>&amp;then"
    )
    assert text == "See the record at https://lcn.loc.gov/2 now&then"


def test_hard_line_breaks_are_joined() -> None:
    blocks = markdown_to_blocks("**Leon Trotsky and  \nthe Left Opposition  \nVadim Z. Rogovin**\n")
    assert blocks == [Block("body", "Leon Trotsky and the Left Opposition Vadim Z. Rogovin")]


def test_note_list_after_rule() -> None:
    md = (
        "Text with a call.<sup>1</sup>\n\n---\n\n"
        "1. N. I. Bukharin, *Osnovnye zadachi partii*, M., 1927, pp. 37, 45.\n\n"
        "2. *Pravda*, 17 November 1927.\n\n"
        "ПРОЛЕТАРИИ ВСЕХ СТРАН, СОЕДИНЯЙТЕСЬ!\n\n"
        "1. Not a note any more\n"
    )
    kinds = [(b.kind, b.text) for b in markdown_to_blocks(md)]
    assert kinds == [
        ("body", "Text with a call."),
        ("note", "1. N. I. Bukharin, Osnovnye zadachi partii, M., 1927, pp. 37, 45."),
        ("note", "2. Pravda, 17 November 1927."),
        ("body", "ПРОЛЕТАРИИ ВСЕХ СТРАН, СОЕДИНЯЙТЕСЬ!"),
        ("body", "1. Not a note any more"),
    ]


def test_converter_note_forms() -> None:
    md = (
        "<sup>1</sup>. See: L. D. Trotskii, *Moia zhizn'*, p. 530.\n\n"
        "- [2.](#) Ibid., pp. 532–534.\n"
        "- [3.](#) *Biulleten' oppozitsii*, 1929, № 1–2, p. 3.\n\n"
        "[18](#). Ibid., p. 6.\n"
    )
    blocks = markdown_to_blocks(md)
    assert [b.kind for b in blocks] == ["note"] * 4
    assert [b.text.split(".")[0] for b in blocks] == ["1", "2", "3", "18"]


def test_first_item_of_an_unmarked_note_list() -> None:
    md = "Body.\n\n- \n1. *Pravda*, 3 October 1988.\n  2. *Voprosy istorii*, 1991, № 2–3, p. 196.\n"
    assert [b.kind for b in markdown_to_blocks(md)] == ["body", "note", "note"]


def test_notes_heading_section() -> None:
    md = "# Chapter\n\nText.\n\n## Notes\n\n1. Something said.\n\n2. Other.\n\n# Next\n\n1. First step\n"
    blocks = markdown_to_blocks(md)
    assert [b.kind for b in blocks] == ["heading", "body", "heading", "note", "note", "heading", "body"]


def test_ordinary_numbered_list_stays_body() -> None:
    md = "Contenders:\n\n1. I. Stalin (Dzhugashvili)\n\n2. Leon Trotsky (Leiba Bronstein)\n"
    assert [(b.kind, b.text) for b in markdown_to_blocks(md)] == [
        ("body", "Contenders:"),
        ("body", "1. I. Stalin (Dzhugashvili)"),
        ("body", "2. Leon Trotsky (Leiba Bronstein)"),
    ]


def test_page_break_across_caption_is_rejoined() -> None:
    md = (
        "The idea of collectivization in Stalin’s\n\n"
        "*Viacheslav Mikhailovich Molotov*  \n(1890–1986)\n\n"
        "summary report was vague.<sup>7</sup>\n"
    )
    blocks = markdown_to_blocks(md)
    assert blocks[0].text == "The idea of collectivization in Stalin’s summary report was vague."
    assert blocks[0].notes == (NoteRef(len(blocks[0].text), "7"),)
    assert blocks[1].text == "Viacheslav Mikhailovich Molotov (1890–1986)"


def test_italic_caption_is_kept_as_body() -> None:
    blocks = markdown_to_blocks("*Stalin's pamphlet, 1930.*\n\nNext paragraph.")
    assert blocks[0] == Block("body", "Stalin's pamphlet, 1930.")


def test_glossary_entries_are_not_joined() -> None:
    md = "kolkhoz [колхоз]: collective farm\n\nokrug [округ]: a large administrative unit\n"
    assert len(markdown_to_blocks(md)) == 2
