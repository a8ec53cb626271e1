"""Site boilerplate removal: seed 000's header and footer go, real text stays."""

from __future__ import annotations

from alignment.text.boilerplate import (
    is_footer_text,
    is_page_number,
    remove_boilerplate,
    remove_boilerplate_lines,
)
from alignment.text.document import Block


def _blocks(*texts: str) -> list[Block]:
    return [Block("body", t) for t in texts]


def test_seed_000_header_and_footer() -> None:
    blocks = _blocks(
        "Presents a historical document.",
        "by Lev Davidovich Trotsky",
        "Pravda and the speakers for the congress majority characterize the Leningrad Opposition.",
        "Return to:",
        "Address all correspondence to:",
        "© 2012 All rights reserved.",
    )
    kept, removed = remove_boilerplate(blocks)
    assert [b.text for b in kept] == [blocks[1].text, blocks[2].text]
    assert len(removed) == 4


def test_footer_patterns_only_at_the_end() -> None:
    blocks = _blocks("Return to: the question of the kulak.", "A real paragraph follows here.")
    kept, removed = remove_boilerplate(blocks)
    assert kept == blocks and removed == []


def test_paragraph_mentioning_copyright_stays() -> None:
    text = "© 2019 Mehring Books All rights reserved. Printed in the United States of America. " * 3
    kept, _ = remove_boilerplate(_blocks("Body text.", text))
    assert len(kept) == 2


def test_generic_navigation_footers() -> None:
    for text in ("Home | Archive | Contents", "Back to top", "Copyright © 2005 marxists.org", "Наверх"):
        assert is_footer_text(text), text
    for text in ("Contenders:", "Prepared", "Victor Shapovalov", "Москва"):
        assert not is_footer_text(text), text


def test_page_numbers() -> None:
    assert is_page_number("- 142 -")
    assert is_page_number("— 7 —")
    assert not is_page_number("1 9 3 0")
    kept, removed = remove_boilerplate(_blocks("Text.", "- 142 -", "more text."))
    assert [b.text for b in kept] == ["Text.", "more text."]


def test_lines_variant() -> None:
    lines = ["Presents a historical document.", "", "Text.", "", "Return to:", "© 2012 All rights reserved."]
    assert remove_boilerplate_lines(lines) == ["", "Text.", ""]
