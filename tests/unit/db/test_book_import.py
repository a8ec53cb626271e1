"""Importing real books: pages, notes and the file's record stored; refusals store nothing;
``sverka show ID --json`` keeps its contract."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
import bookfiles as bf  # noqa: E402

from alignment.text.errors import ArchiveTooLargeError, ScannedPdfError  # noqa: E402
from db.models import LibraryText, Paragraph, Sentence  # noqa: E402
from db.services.importing import TextMetadata, import_text  # noqa: E402
from db.services.notes import paragraph_notes, text_notes  # noqa: E402
from db.services.pages import page_at  # noqa: E402
from db.services.text_json import text_as_json  # noqa: E402

REPO = Path(__file__).resolve().parents[3]


def test_pdf_import_stores_pages_notes_and_record(library, tmp_path: Path) -> None:
    book = bf.sample_book()
    path = tmp_path / "book.pdf"
    layout = bf.typeset_pdf(path, book, first_folio=11)
    result = import_text(library, path, TextMetadata(lang="ru", date="1994"))
    with library.sessions() as session:
        text = session.get(LibraryText, result.text_id)
        assert text.title == book.title and text.author == "Вадим Роговин" and text.date == "1994"
        assert text.page_labels == "printed" and text.file_format == "pdf"
        assert text.record["type"] == "book" and text.record["author"] == [{"family": "Роговин", "given": "Вадим"}]
        assert text.record["issued"] == {"date-parts": [[1994]]}  # the user's date wins over the file's
        body = session.scalars(select(Paragraph).where(Paragraph.text_id == text.id, Paragraph.kind == "body",
                                                       Paragraph.page.not_in(["[1]", "[2]"])).order_by(Paragraph.position)).all()
        assert [p.page for p in body] == layout.paragraph_pages
        # every sentence knows its page: one after a break is on the next page
        broken = next(p for p in body if p.page_breaks)
        sentences = session.scalars(select(Sentence).where(Sentence.paragraph_id == broken.id).order_by(Sentence.position)).all()
        pages = [page_at(broken.page, broken.page_breaks, s.start) for s in sentences]
        assert pages[0] == broken.page and pages[-1] == broken.page_breaks[-1][1]
        first_call = next(p for p in body if p.notes)
        notes = paragraph_notes(session, first_call.id)
        assert [(n.label, n.text) for n in notes] == [("1", book.notes_of(book.chapters[0])[0])]
        assert notes[0].page == first_call.page
        # notes are searchable like any text: their sentences are indexed
        assert sum(len(v) for v in text_notes(session, text.id).values()) == 6


def test_show_json_contract(library, tmp_path: Path) -> None:
    book = bf.sample_book(chapters=2)
    path = tmp_path / "book.epub"
    bf.epub3(path, book)
    result = import_text(library, path, TextMetadata(lang="ru"))
    with library.sessions() as session:
        data = text_as_json(session, result.text_id)
    assert set(data) == {"id", "title", "language", "paragraphs"}
    assert data["id"] == result.text_id and data["language"] == "ru" and data["title"] == book.title
    paras = data["paragraphs"]
    assert [p["n"] for p in paras] == list(range(1, len(paras) + 1))
    assert all(set(p) == {"n", "kind", "level", "text", "page", "notes"} for p in paras)
    heading = paras[0]
    assert heading["kind"] == "heading" and heading["level"] == 1 and heading["page"] == "1"
    texts = [p for p in paras if p["kind"] == "text"]
    assert texts[0]["level"] is None and texts[0]["notes"] == [{"label": "1", "text": book.notes_of(book.chapters[0])[0]}]
    assert [p["kind"] for p in paras].count("note") == 4


@pytest.mark.slow
def test_cli_show_json_and_import_of_an_fb2_zip(tmp_path: Path) -> None:
    book = bf.sample_book(chapters=1)
    path = tmp_path / "book.fb2.zip"
    bf.fb2_zip(path, book)
    db = tmp_path / "lib.sqlite3"
    run = lambda *a: subprocess.run([sys.executable, "-m", "app.cli", "--db", str(db), *a], cwd=REPO,  # noqa: E731
                                    capture_output=True, text=True, timeout=240)
    imported = run("import", str(path), "--lang", "ru")
    assert imported.returncode == 0, imported.stderr
    text_id = int(imported.stdout.split("Imported text ")[1].split(":")[0])
    shown = run("show", str(text_id), "--json")
    data = json.loads(shown.stdout)
    assert data["paragraphs"][1]["text"] == book.chapters[0].title
    scan = tmp_path / "scan.pdf"
    bf.scanned_pdf(scan)
    refused = run("import", str(scan), "--lang", "ru")
    assert refused.returncode == 3 and "OCR" in refused.stderr


@pytest.mark.parametrize("maker", ["scan", "bomb"])
def test_refused_books_store_nothing(library, tmp_path: Path, maker: str) -> None:
    path = tmp_path / ("scan.pdf" if maker == "scan" else "bomb.epub")
    (bf.scanned_pdf if maker == "scan" else bf.zip_bomb)(path)
    with library.sessions() as session:
        before = session.scalar(select(func.count()).select_from(Paragraph))
    with pytest.raises(ScannedPdfError if maker == "scan" else ArchiveTooLargeError):
        import_text(library, path, TextMetadata(lang="ru"))
    with library.sessions() as session:
        assert session.scalar(select(func.count()).select_from(Paragraph)) == before
        assert session.scalar(select(func.count()).select_from(LibraryText)) == 0


def test_markdown_note_calls_are_linked_to_their_notes(library, tmp_path: Path) -> None:
    path = tmp_path / "book.md"
    path.write_text(
        "# Chapter 1\n\nThe plenum met.<sup>1</sup> It voted.<sup>2</sup>\n\n## Notes\n\n1. Pravda, 1 May.\n\n2. RGASPI.\n\n"
        "# Chapter 2\n\nThe congress opened.<sup>1</sup>\n\n## Notes\n\n1. Bulletin, No. 9.\n", encoding="utf-8")
    result = import_text(library, path, TextMetadata(lang="en", title="T"))
    with library.sessions() as session:
        notes = text_notes(session, result.text_id)
    assert [[(n.label, n.text) for n in v] for v in notes.values()] == [
        [("1", "Pravda, 1 May."), ("2", "RGASPI.")], [("1", "Bulletin, No. 9.")]]
    # the notes (and their "Notes" headings) come after the body, as a book file's do:
    # the chapters follow each other, and a pair aligns notes with notes
    with library.sessions() as session:
        kinds = session.execute(select(Paragraph.kind, Paragraph.text).where(Paragraph.text_id == result.text_id)
                                .order_by(Paragraph.position)).all()
    assert kinds == [("heading", "Chapter 1"), ("body", "The plenum met. It voted."), ("heading", "Chapter 2"),
                     ("body", "The congress opened."), ("heading", "Notes"), ("note", "1. Pravda, 1 May."),
                     ("note", "2. RGASPI."), ("heading", "Notes"), ("note", "1. Bulletin, No. 9.")]


def test_import_progress_only_moves_forward(library, tmp_path: Path) -> None:
    """A book's pages fill most of the bar, then splitting and storing: it never jumps back."""
    from alignment.progress import ProgressSnapshot

    class Recorder:
        def __init__(self) -> None:
            self.seen: list[ProgressSnapshot] = []

        def update(self, done: int, total: int, stage: str = "") -> None:
            self.seen.append(ProgressSnapshot(done, total, stage))

    path = tmp_path / "book.pdf"
    layout = bf.typeset_pdf(path, bf.sample_book(chapters=2, paragraphs=6))
    progress = Recorder()
    import_text(library, path, TextMetadata(lang="ru"), progress=progress)
    fractions = [s.fraction for s in progress.seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    pages = [s for s in progress.seen if s.stage == "reading pages"]
    assert len(pages) == layout.physical_pages  # one step per page
    assert pages[-1].fraction == pytest.approx(0.9 * 0.85, abs=0.002)  # reading is most of the work
    assert {"reading pages", "splitting sentences", "storing"} <= {s.stage for s in progress.seen}
