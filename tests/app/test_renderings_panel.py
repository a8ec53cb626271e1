"""A glossary entry's "All occurrences": how each translation rendered the term, each a filter."""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from app.views.main_window import MainWindow
from db.services.aligned_import import import_aligned
from db.services.importing import TextMetadata


def _count(label: str) -> int:
    return int(re.search(r"(\d+)$", label).group(1))


def test_renderings_list_with_counts_and_a_filter(window: MainWindow, qtbot) -> None:
    panel = window.search_panel
    window.show_term_occurrences("ussr")
    box = panel.renderings
    assert box.isVisible()
    labels = box.labels()
    # The platform renders СССР two ways, the usual one first.
    assert labels[0].startswith("“USSR” ") and any(label.startswith("“Soviet Union” ") for label in labels)
    counts = [_count(label) for label in labels]
    assert counts == sorted(counts, reverse=True)
    everything = panel.model.result.total
    [pair] = box._pairs
    soviet_union = next(r for r in pair.renderings if r.key == "soviet union")
    button = box.button_for(soviet_union)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    hits = panel.model.result.hits
    assert len(hits) == len(soviet_union.sentence_ids) and 0 < len(hits) < everything
    assert all(h.lang == "ru" and "Soviet Union" in h.partner_text for h in hits)
    # The rendering is marked in each counterpart.
    assert all([h.partner_text[a:b] for a, b in h.partner_spans][:1] == ["Soviet Union"] for h in hits)
    assert button.isChecked()
    assert "rendered as “Soviet Union”" in panel.summary.text()
    assert box.all_button.isVisible()
    qtbot.mouseClick(box.all_button, Qt.MouseButton.LeftButton)
    assert panel.model.result.total == everything
    assert not button.isChecked() and not box.all_button.isVisible()
    # A new search leaves the renderings behind.
    panel.run_search("колхоз")
    assert not box.isVisible()


def test_not_rendered_is_listed_and_opens_its_occurrences(qtbot, library, runner, settings, tmp_path: Path) -> None:
    tsv = tmp_path / "pair.tsv"
    tsv.write_text(
        "ru\ten\n"
        "Оргбюро решило.\tThe Orgburo decided.\n"
        "Колхоз и Оргбюро обсуждали план.\tThe kolkhoz discussed the plan.\n"
        "Оргбюро снова собралось.\tThe Organizational Bureau met again.\n",
        encoding="utf-8",
    )
    import_aligned(library, tsv, ru_meta=TextMetadata(lang="ru", title="План"),
                   en_meta=TextMetadata(lang="en", title="The plan", kind="published_translation"))
    window = MainWindow(library, runner, settings=settings)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_term_occurrences("orgburo")
    box = window.search_panel.renderings
    assert box.labels() == ["“Organizational Bureau” 1", "“Orgburo” 1", "not rendered 1"]
    not_rendered = box._pairs[0].renderings[-1]
    qtbot.mouseClick(box.button_for(not_rendered), Qt.MouseButton.LeftButton)
    hits = window.search_panel.model.result.hits
    assert [(h.text, h.partner_text) for h in hits] == [("Колхоз и Оргбюро обсуждали план.",
                                                         "The kolkhoz discussed the plan.")]
    assert "not rendered" in window.search_panel.summary.text()
    assert hits[0].partner_spans == ()
    qtbot.mouseClick(box.button_for(box._pairs[0].renderings[0]), Qt.MouseButton.LeftButton)
    [hit] = window.search_panel.model.result.hits
    assert [hit.partner_text[a:b] for a, b in hit.partner_spans] == ["Organizational Bureau"]
    window.close()
    QApplication.processEvents()
