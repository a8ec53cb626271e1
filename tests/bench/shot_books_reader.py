import sys, os
from pathlib import Path
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1])); sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from pathlib import Path
import bookfiles as bf
from PySide6.QtWidgets import QApplication
from PySide6.QtCore import QPointF, QPoint
app = QApplication([])
from db.engine import open_library
from db.services.importing import import_text, TextMetadata
from app.settings import Settings
from app.tasks import TaskRunner
from app.views.main_window import MainWindow
tmp = Path("/tmp/shotlib"); tmp.mkdir(exist_ok=True)
for f in tmp.glob("*"): f.unlink()
book = bf.sample_book(chapters=4, paragraphs=4)
bf.typeset_pdf(tmp / "book.pdf", book, first_folio=41)
lib = open_library(tmp / "library.sqlite3")
res = import_text(lib, tmp / "book.pdf", TextMetadata(lang="ru"))
settings = Settings.from_file(str(tmp / "s.ini"))
runner = TaskRunner()
w = MainWindow(lib, runner, settings=settings)
w.resize(1400, 860)
w.show()
w.open_text(res.text_id) if hasattr(w, "open_text") else w.reader.open_text(res.text_id)
w.show_contents()
app.processEvents()
view = w.reader.view
view.set_current(4)
app.processEvents()
# find a call and open its popup
ctl = w.reader.note_popups
target = None
for row in view.visible_rows():
    r = view.reader_model().row(row)
    top = view.row_top(row)
    for y in range(0, int(view.renderer.known_height(r.key) or 200), 4):
        for x in range(0, view.viewport().width(), 4):
            found = ctl.call_at(QPointF(x, top + y))
            if found: target = found; break
        if target: break
    if target: break
print("target", target)
if target: ctl.open_for(target, sticky=True)
app.processEvents()
img = w.grab()
# composite the popup (a separate top-level window) onto the grab
from PySide6.QtGui import QPainter
if w.reader.note_popup.isVisible():
    p = QPainter(img)
    pos = w.mapFromGlobal(w.reader.note_popup.pos())
    p.drawPixmap(pos, w.reader.note_popup.grab())
    p.end()
img.save(sys.argv[1] if len(sys.argv) > 1 else "/work/shots/books-reader.png")
print(w.page_label.text(), [e.titles for e in w.reader.toc_entries][:3])
