"""Issue 15, finding 9, in the window: a file whose encoding is uncertain is asked about, with previews."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from app.dialogs.encoding_dialog import EncodingDialog
from app.dialogs.import_dialog import ImportRequest
from app.views.main_window import MainWindow
from db.services.importing import ImportOptions

# A Greek text in ISO-8859-7: it also reads as KOI8-R (Cyrillic letters), and no Russian reading
# is convincing, so Sverka asks rather than import Cyrillic gibberish.
GREEK = ("Η Ελλάδα είναι μια χώρα στη νοτιοανατολική Ευρώπη. Η πρωτεύουσα της Ελλάδας είναι η Αθήνα.\n\n"
         "Ο πληθυσμός της χώρας είναι περίπου δέκα εκατομμύρια.\n")


def test_the_window_asks_for_the_encoding_and_imports_with_the_choice(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "ellada.txt"
    path.write_bytes(GREEK.encode("iso8859_7"))
    seen: dict[str, object] = {}

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, EncodingDialog):
            QTimer.singleShot(20, answer)
            return
        seen["choices"] = [b.text() for b in dialog.group.buttons()]
        seen["previews"] = [label.text() for label in dialog.findChildren(QLabel)]
        dialog.grab().save(str(tmp_path / "encoding-dialog.png"))
        dialog.group.buttons()[1].click()
        assert dialog.chosen() == "cp1253"
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(20, answer)
    request = ImportRequest(path=path, lang="en", title="Ellada", author="", translator="", date="", source="",
                            rights="", kind="original", work_id=None)
    # Greek is neither of Sverka's languages: the test says so up front, as the user would after a question.
    window.start_import(request, ImportOptions(force_language=True))
    qtbot.waitUntil(lambda: "Ελλάδα" in window.reader.plain_text(), timeout=20000)
    assert seen["choices"] == ["koi8-r (Cyrillic, KOI8-R)", "cp1253 (Greek, Windows)"]
    assert any("еККэДА" in p for p in seen["previews"]) and any("Ελλάδα" in p for p in seen["previews"])
