"""Screenshots of the translation report (offscreen), to look at.

    python tests/bench/shot_report.py [OUTDIR]     # default /work/shots

Makes a copy of the bundled library, imports the 1931 English translation with
runs of sentences deleted and others inserted (as the planted-omission test
does, plus a title with markup in it), aligns it, and saves:
- ``report-dialog.png``: Text → Translation report… in the window (``-items``: listed beads,
  ``-terms``: terms rendered in more than one way);
- ``report-reader-jump.png``: the window after clicking the first listed omission;
- ``report-export-html.png``: the exported HTML page, drawn by Qt's HTML view, with the
  page's own inline SVG charts drawn by Qt's SVG renderer (this machine has no web browser);
- ``report-export.html``, ``.md``, ``.json``: the exported files.
"""

from __future__ import annotations

import os
import random
import re
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from PySide6.QtCore import QUrl  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402


def planted_library(folder: Path):  # noqa: ANN201 - (library, alignment id)
    from sqlalchemy import select

    from db.engine import open_library
    from db.models import Bead, LibraryText, Sentence
    from db.services.aligning import align_texts
    from db.services.bundled import ensure_bundled_library, load_manifest
    from db.services.export.excerpt import alignment_for_text
    from db.services.importing import ImportOptions, TextMetadata, import_text
    from tests.unit.db.test_translation_report_planted import EN_KEY, FOREIGN_KEY, RU_KEY, _sentences, plant

    library = open_library(folder / "library.sqlite3")
    ensure_bundled_library(library)
    with library.sessions() as s:
        ru_id = s.scalars(select(LibraryText.id).where(LibraryText.key == RU_KEY)).one()
        en_id = s.scalars(select(LibraryText.id).where(LibraryText.key == EN_KEY)).one()
        work_id = s.get(LibraryText, en_id).work_id
        beads = s.execute(select(Bead.ru_start, Bead.ru_end, Bead.en_start, Bead.en_end)
                          .where(Bead.alignment_id == alignment_for_text(s, en_id))).all()
        en_text = dict(s.execute(select(Sentence.position, Sentence.text).where(Sentence.text_id == en_id)).all())
    en_to_ru = {en_text[es]: rs for rs, re_, es, ee in beads if re_ - rs == 1 and ee - es == 1}
    item = {t.key: t for t in load_manifest().texts}[EN_KEY]
    foreign = [s for p in _sentences(FOREIGN_KEY) for s in p if 60 <= len(s) <= 220 and not set(s) & set("*_[]#<>`")]
    planted = plant(Path(item.path).read_text(encoding="utf-8"), _sentences(EN_KEY), en_to_ru, foreign,
                    random.Random(1931))
    path = folder / "abridged.en.md"
    path.write_text(planted.source, encoding="utf-8")
    meta = TextMetadata(lang="en", title="An <b>abridged</b> translation & its <i>additions</i>",
                        kind="published_translation", translator="A. Planter", work_id=work_id)
    result = import_text(library, path, meta, ImportOptions(fmt="markdown", force_language=True, allow_duplicate=True))
    changes = align_texts(library, ru_id, result.text_id)
    return library, min(changes.alignments), result.text_id


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path("/work/shots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    from app.dialogs.report_dialog import ReportBrowser, chart_image
    from app.settings import Settings
    from app.tasks import TaskRunner
    from app.views.main_window import MainWindow
    from db.services.export.report_formats import export_report
    from db.services.export.report_html import chart_size

    with tempfile.TemporaryDirectory() as scratch:
        library, alignment_id, en_id = planted_library(Path(scratch))
        window = MainWindow(library, TaskRunner(inline=True), settings=Settings.from_file(f"{scratch}/s.ini"))
        window.resize(1280, 800)
        window.show()
        window.open_text(en_id)
        window.reports.show_report()
        dialog = window.reports.dialog
        assert dialog is not None
        dialog.resize(900, 780)
        app.processEvents()
        dialog.browser.verticalScrollBar().setValue(0)
        dialog.grab().save(str(out / "report-dialog.png"))
        dialog.browser.verticalScrollBar().setValue(dialog.browser.verticalScrollBar().maximum() // 4)
        app.processEvents()
        dialog.grab().save(str(out / "report-dialog-items.png"))
        dialog.browser.moveCursor(dialog.browser.textCursor().MoveOperation.Start)
        if dialog.browser.find("Terms rendered in more than one way, in the whole pair"):
            bar = dialog.browser.verticalScrollBar()
            bar.setValue(dialog.browser.cursorRect().top() + bar.value() - 20)
            cursor = dialog.browser.textCursor()
            cursor.clearSelection()
            dialog.browser.setTextCursor(cursor)
            app.processEvents()
            dialog.grab().save(str(out / "report-dialog-terms.png"))
        first = next(i for c in dialog.report.body.chapters for i in c.omissions)
        window.open_text(window.library_model.text_info(en_id).aligned_with or en_id)  # another pair's text
        dialog.browser.anchorClicked.emit(QUrl(f"bead:{first.beads[0]}-{first.beads[1]}"))  # as its link does
        app.processEvents()
        window.grab().save(str(out / "report-reader-jump.png"))
        for fmt in ("html", "md", "json"):
            export_report(dialog.report, fmt, out / f"report-export.{fmt}", overwrite=True)
        page = (out / "report-export.html").read_text(encoding="utf-8")
        svgs = re.findall(r"<svg.*?</svg>", page, flags=re.S)
        browser = ReportBrowser()
        browser.charts = {k: chart_image(svg, chart_size()) for k, svg in enumerate(svgs)}
        counter = iter(range(len(svgs)))
        width, height = chart_size()
        browser.setHtml(re.sub(r"<svg.*?</svg>", lambda _m: f'<img src="chart:{next(counter)}" width="{width}" '
                               f'height="{height}">', page, flags=re.S))
        browser.resize(900, 1400)
        browser.show()
        app.processEvents()
        browser.grab().save(str(out / "report-export-html.png"))
        print(f"{len(svgs)} charts in the exported page; shots in {out}")
        dialog.close()
        window.close()
        library.close()


if __name__ == "__main__":
    main()
