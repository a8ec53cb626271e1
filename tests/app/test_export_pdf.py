"""PDF export through Qt: a real PDF with Cyrillic text, the labels and the citation."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from app.export_pdf import render_pdf, write_pdf
from db.dto import Excerpt, ExcerptBead, TextCitation
from db.services.export.errors import ExportTargetExistsError
from db.services.export.excerpt import make_document

REPO = Path(__file__).resolve().parents[2]


def _side(lang: str, kind: str) -> TextCitation:
    return TextCitation(
        text_id=1, lang=lang, title="Проблемы развития СССР" if lang == "ru" else "Problems of Development",
        author="Л. Троцкий" if lang == "ru" else "Leon Trotsky", date="1931", source="Бюллетень оппозиции, № 20",
        translator="" if kind == "original" else "Sverka editors", rights="", kind=kind,
        kind_label=kind.replace("_", " "), note="", written_by_project=kind != "original",
        paragraph_first=0, paragraph_last=3, sentence_first=0, sentence_last=40,
    )


def document(beads: int = 40):
    rows = tuple(
        ExcerptBead(
            position=i,
            ru=f"Предложение номер {i + 1}: коллективизация & <script>alert({i})</script> продолжалась.",
            en=f"Sentence number {i + 1}: collectivization & <script>alert({i})</script> went on.",
            ru_paragraph=i // 10, en_paragraph=i // 10, status="auto",
        )
        for i in range(beads)
    )
    excerpt = Excerpt(
        alignment_id=1, work_title="Проблемы развития СССР", work_author="Л. Троцкий", work_date="1931",
        ru=_side("ru", "original"), en=_side("en", "working_translation"), bead_first=0, bead_last=beads - 1,
        beads=rows,
    )
    return make_document("Проблемы развития СССР — excerpt", [excerpt])


def test_pdf_has_pages_cyrillic_text_labels_and_inert_markup(qapp, tmp_path: Path) -> None:
    path = write_pdf(document(), tmp_path / "out.pdf")
    data = path.read_bytes()
    assert data.startswith(b"%PDF") and len(data) > 5000
    with pytest.raises(ExportTargetExistsError):
        write_pdf(document(3), path)
    assert path.read_bytes() == data
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    assert "коллективизация" in text and "collectivization" in text
    assert "Рабочий перевод" in text and "Working translation" in text
    assert "<script>alert(0)</script>" in text  # printed as text, not interpreted
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert int(next(line.split()[-1] for line in pages.splitlines() if line.startswith("Pages:"))) >= 2


@pytest.mark.slow
def test_pdf_export_works_without_a_window_system(tmp_path: Path) -> None:
    """The command line creates its own offscreen Qt application."""
    script = (
        "import sys; sys.path.insert(0, %r)\n"
        "from tests.app.test_export_pdf import document\n"
        "from app.export_pdf import render_pdf\n"
        "sys.stdout.write(str(render_pdf(document(2))[:4]))\n"
    ) % str(REPO)
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "%PDF" in done.stdout


def test_render_pdf_returns_bytes(qapp) -> None:
    assert render_pdf(document(1)).startswith(b"%PDF")
