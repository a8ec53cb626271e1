"""The translation report from the library: header, pages, the three formats, and ``sverka report``."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from lxml import etree
from sqlalchemy import select, update

from alignment.aligner.edits import Detach, MergeNext
from alignment.progress import Cancelled, CancelToken
from app.cli import EXIT_ERROR, EXIT_EXISTS, EXIT_LIBRARY, EXIT_OK, EXIT_USAGE, main
from db.models import LibraryText, Paragraph, Sentence
from db.services import library as library_service
from db.services.editing import apply_edit
from db.services.export.excerpt import alignment_for_text
from db.services.export.report_formats import export_report, render_report
from db.services.translation_report import translation_report

HOSTILE = '<script>alert(1)</script><img src="/dev/zero"> & *bold* # not a heading'
OMITTED_TEXT = 'Он сказал: <a href="http://example.org">здесь</a> & </div></body> — конец.'


def _id(session, key: str) -> int:
    return session.scalars(select(LibraryText.id).where(LibraryText.key == key)).one()


@pytest.fixture
def edited_1925(bundled_library):
    """The 1925 pair with one Russian sentence detached into an omission (bead 11, sentence 12), the
    English title hostile, and printed pages on the Russian side."""
    with bundled_library.sessions.begin() as s:
        en = _id(s, "trotsky-1925-leningrad-opposition.en")
        ru = _id(s, "trotsky-1925-leningrad-opposition.ru")
        alignment = alignment_for_text(s, en)
        apply_edit(s, alignment, MergeNext(10))
        apply_edit(s, alignment, Detach(10, "ru", "last"))
        library_service.rename_text(s, en, HOSTILE)
        s.execute(update(Paragraph).where(Paragraph.text_id == ru).values(page="45"))
        # the omitted sentence itself holds markup (as a sentence of an imported file may)
        s.execute(update(Sentence).where(Sentence.text_id == ru, Sentence.position == 11)
                  .values(text=OMITTED_TEXT))
    return bundled_library, alignment, ru, en


def test_the_report_lists_the_omission_with_its_place_page_and_text(edited_1925) -> None:
    library, alignment, ru, en = edited_1925
    with library.sessions() as s:
        report = translation_report(s, alignment)
    [chapter] = report.body.chapters
    [omission] = chapter.omissions
    assert (omission.bead, omission.ru_sentences, omission.en_sentences, omission.ru_page) == (11, (11, 11), None, "45")
    assert omission.ru_text and chapter.omitted_sentences == 1
    assert report.ru.written_by_project and "Back-translation" in report.ru.label_en
    assert report.ru.has_pages and not report.en.has_pages
    assert report.en.title == HOSTILE and (report.ru.sentence_count, report.en.sentence_count) == (43, 43)
    md = render_report(report, "md").decode()
    assert "Bead 12 · Russian sentence 12, p. 45 · English: none" in md
    assert "**NOTE:** Russian text — Back-translation" in md


def test_html_escapes_every_text_and_draws_a_valid_chart_per_chapter(edited_1925) -> None:
    library, alignment, _ru, _en = edited_1925
    with library.sessions() as s:
        report = translation_report(s, alignment)
    page = render_report(report, "html").decode()
    assert "<script>" not in page and '<img src="/dev/zero">' not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=&quot;/dev/zero&quot;&gt; &amp; *bold*" in page
    assert OMITTED_TEXT not in page and "<a href" not in page
    assert ("Он сказал: &lt;a href=&quot;http://example.org&quot;&gt;здесь&lt;/a&gt; &amp; &lt;/div&gt;"
            in page)
    assert "default-src 'none'" in page  # nothing outside the page is loaded, no script runs
    svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
    assert len(svgs) == len(report.body.chapters) == 1
    chart = etree.fromstring(svgs[0].encode())
    texts = [t.text for t in chart.iter("{http://www.w3.org/2000/svg}text")]
    assert texts == ["Russian sentences", "43", "English sentences", "43", "Russian sentences omitted", "1",
                     "English sentences added", "0"]
    assert 'href="bead:' not in page  # links to beads only in the window's view
    assert "Back-translation: a reconstruction from the English by Sverka" in page
    assert "Nothing to report" not in page and "Omissions: Russian with no English (1)" in page


def test_markdown_keeps_markup_in_texts_literal(edited_1925) -> None:
    library, alignment, _ru, _en = edited_1925
    with library.sessions() as s:
        md = render_report(translation_report(s, alignment), "md").decode()
    assert r"\<script\>alert(1)\</script\>" in md and r"\*bold\*" in md
    assert "\n# not a heading" not in md


def test_json_has_the_documented_shape_with_numbers_from_one(edited_1925) -> None:
    library, alignment, ru, en = edited_1925
    with library.sessions() as s:
        data = json.loads(render_report(translation_report(s, alignment), "json"))
    assert data["format"] == "sverka-translation-report" and data["version"] == 1
    assert data["texts"]["ru"]["id"] == ru and data["texts"]["en"]["title"] == HOSTILE
    assert data["texts"]["ru"]["label"]["en"].startswith("Russian text — Back-translation")
    assert data["texts"]["en"]["label"] is None
    assert set(data["length_model"]) == {"ratio", "log_centre", "log_scale", "far_z", "far_factor", "min_chars",
                                         "beads_used"}
    [chapter] = data["chapters"]
    assert chapter["beads"] == [1, 43] and chapter["sentences"] == {"ru": 43, "en": 43}
    [omission] = chapter["omissions"]
    assert omission["bead"] == 12 and omission["ru_sentences"] == [12, 12] and omission["en_sentences"] is None
    assert omission["ru_page"] == "45" and omission["en_text"] == "" and omission["ru_text"] == OMITTED_TEXT
    assert omission["beads"] == [12, 12]
    assert data["totals"]["omissions"] == 1 and data["totals"]["omitted_sentences"] == 1


def test_every_format_says_how_long_a_chapter_is_against_the_pairs_ratio() -> None:
    from alignment.report.sections import BeadFacts, HeadingFact, build_report_body
    from db.services.export.report_text import chapter_counts

    beads = [BeadFacts(k, k, k + 1, k, k + 1, "р" * 100, "e" * (110 if k < 30 else 73)) for k in range(40)]
    headings = [HeadingFact("ru", 1, 0, "Глава 1"), HeadingFact("ru", 1, 30, "Глава 2")]
    first, second = build_report_body(beads, headings).chapters
    assert "The English is 34% shorter than the pair's ratio expects." in chapter_counts(second)
    assert "as long as the pair's ratio expects" in chapter_counts(first)


def test_building_the_report_can_be_cancelled(bundled_library) -> None:
    token = CancelToken()
    token.cancel()
    with bundled_library.sessions() as s, pytest.raises(Cancelled):
        translation_report(s, 1, cancel=token)


def test_export_never_overwrites_unasked(edited_1925, tmp_path: Path) -> None:
    from db.services.export.errors import ExportTargetExistsError, ExportWriteError

    library, alignment, _ru, _en = edited_1925
    with library.sessions() as s:
        report = translation_report(s, alignment)
    target = tmp_path / "r.json"
    target.write_text("mine", encoding="utf-8")
    with pytest.raises(ExportTargetExistsError):
        export_report(report, "json", target)
    assert target.read_text(encoding="utf-8") == "mine"
    export_report(report, "json", target, overwrite=True)
    assert json.loads(target.read_text(encoding="utf-8"))["alignment_id"] == alignment
    with pytest.raises(ExportWriteError):
        export_report(report, "html", tmp_path / "no-such-folder" / "r.html")


def _cli(db: Path, *args: str) -> int:
    return main(["--db", str(db), "report", *args])


def test_cli_prints_or_writes_each_format_and_names_a_pair_by_either_text(
        edited_1925, bundled_library_path: Path, tmp_path: Path, capsys) -> None:
    _library, _alignment, ru, en = edited_1925
    assert _cli(bundled_library_path, str(ru)) == EXIT_OK
    out = capsys.readouterr().out
    assert out.startswith("# Translation report: ") and "Omissions: Russian with no English (1)" in out
    assert _cli(bundled_library_path, str(en), "--format", "json") == EXIT_OK
    assert json.loads(capsys.readouterr().out)["totals"]["omissions"] == 1
    target = tmp_path / "report.html"
    assert _cli(bundled_library_path, str(en), "-o", str(target)) == EXIT_OK
    assert "1 omission (1 Russian sentence), 0 additions" in capsys.readouterr().out
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")
    assert _cli(bundled_library_path, str(en), "-o", str(target)) == EXIT_EXISTS
    assert "already exists" in capsys.readouterr().err
    assert _cli(bundled_library_path, str(en), "-o", str(target), "--format", "md", "--force") == EXIT_OK
    assert target.read_text(encoding="utf-8").startswith("# Translation report")


def test_cli_errors_are_one_sentence_with_the_projects_exit_codes(bundled_library_path: Path, tmp_path: Path,
                                                                   capsys) -> None:
    assert _cli(bundled_library_path, "999") == EXIT_LIBRARY
    assert "no text with id 999" in capsys.readouterr().err
    from db.engine import open_library

    library = open_library(bundled_library_path)
    with library.sessions() as s:
        rogovin = _id(s, "rogovin-bolsheviks-against-stalinism.en")
    library.close()
    assert _cli(bundled_library_path, str(rogovin)) == EXIT_LIBRARY
    assert "not aligned" in capsys.readouterr().err
    assert _cli(bundled_library_path, "1", "-o", str(tmp_path / "r.pdf")) == EXIT_ERROR
    assert "use one of: html, md, json" in capsys.readouterr().err
    with pytest.raises(SystemExit) as usage:
        _cli(bundled_library_path, "1", "--format", "pdf")
    assert usage.value.code == EXIT_USAGE


def test_terms_rendered_in_more_than_one_way_are_listed_per_chapter_and_for_the_pair(bundled_library) -> None:
    import dataclasses

    from alignment.report.terms import Rendering, TermRenderings

    with bundled_library.sessions() as s:
        report = translation_report(s, alignment_for_text(s, _id(s, "trotsky-1931-problems-of-development.ru")))
    ussr = next(t for t in report.body.terms if t.entry_id == "ussr")
    forms = {r.text: r for r in ussr.renderings}
    assert {"USSR", "Soviet Union"} <= set(forms) and forms["USSR"].count > forms["Soviet Union"].count
    in_chapters = [c for c in report.body.chapters if any(t.entry_id == "ussr" for t in c.terms)]
    assert in_chapters and all(len(c.terms) <= len(report.body.terms) for c in report.body.chapters)
    data = json.loads(render_report(report, "json"))
    [entry] = [t for t in data["terms"] if t["entry"] == "ussr"]
    soviet_union = next(r for r in entry["renderings"] if r["text"] == "Soviet Union")
    assert soviet_union["beads"] == [b + 1 for b in forms["Soviet Union"].beads]
    assert data["totals"]["varied_terms"] == len(report.body.terms) > 0
    md = render_report(report, "md").decode()
    assert "## Terms rendered in more than one way, in the whole pair" in md and "“Soviet Union”" in md
    # a user's glossary entry or a sentence may hold markup: written as text
    hostile = TermRenderings("x", "<b>kulak</b>",
                             (Rendering("<i>kulak</i>", 2, (0, 1)), Rendering("kulaks & co", 1, (2,))))
    page = render_report(dataclasses.replace(report, body=dataclasses.replace(report.body, terms=(hostile,))),
                         "html").decode()
    assert "&lt;b&gt;kulak&lt;/b&gt;" in page and "“&lt;i&gt;kulak&lt;/i&gt;” 2 times" in page
    assert "<i>kulak" not in page
