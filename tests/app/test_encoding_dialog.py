"""Issue 15, finding 9, in the window: a file whose encoding is uncertain is asked about, with previews."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QLabel

from app.dialogs.encoding_dialog import EncodingDialog
from app.dialogs.import_dialog import ImportRequest
from app.views.main_window import MainWindow
from db.services.importing import ImportOptions

# A Polish text in cp1250: read as cp1252 (the Western default) it turns into «pañstwo … po³o¿one».
POLISH = ("Polska, oficjalnie Rzeczpospolita Polska – państwo unitarne w Europie Środkowej, położone między "
          "Morzem Bałtyckim na północy a Sudetami i Karpatami na południu.\n\nStolicą jest Warszawa.\n")


def test_the_window_asks_for_the_encoding_and_imports_with_the_choice(window: MainWindow, qtbot, tmp_path: Path) -> None:
    path = tmp_path / "polska.txt"
    path.write_bytes(POLISH.encode("cp1250"))
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
        assert dialog.chosen() == "cp1250"
        dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(20, answer)
    request = ImportRequest(path=path, lang="en", title="Polska", author="", translator="", date="", source="",
                            rights="", kind="original", work_id=None)
    window.start_import(request, ImportOptions())
    qtbot.waitUntil(lambda: "państwo" in window.reader.plain_text(), timeout=20000)
    assert seen["choices"] == ["cp1252 (Western European, Windows)", "cp1250 (Central European, Windows)"]
    assert any("pañstwo" in p for p in seen["previews"]) and any("państwo" in p for p in seen["previews"])
