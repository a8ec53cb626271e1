"""The translation report in the window: Sverka's own escaped HTML in a browser, charts, links to beads.

The page is ``db.services.export.report_html.report_html(viewer=True)``: every
text in it (titles, sentences) is escaped by that writer, so a title holding
markup shows as text.  ``QTextBrowser`` draws no inline SVG, so each chapter's
chart is drawn here from the same SVG (``chapter_chart_svg``) and handed over
as the image ``chart:N``.  A listed bead is a link ``bead:N`` (a run of them ``bead:N-M``):
clicking it asks the window to show and select it in the reader (``jump_requested``).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt, QUrl, Signal
from PySide6.QtGui import QImage, QPainter, QTextDocument
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from db.services.export.report_html import chapter_chart_svg, chart_scale, chart_size, report_html
from db.services.translation_report import TranslationReport

CHART_SCHEME, BEAD_SCHEME = "chart", "bead"


def chart_image(svg: str, size: tuple[int, int], pixel_ratio: float = 2.0) -> QImage:
    """An SVG chart drawn into an image (sharp on high-density screens)."""
    width, height = size
    image = QImage(QSize(round(width * pixel_ratio), round(height * pixel_ratio)), QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    QSvgRenderer(QByteArray(svg.encode("utf-8"))).render(painter, QRectF(0, 0, image.width(), image.height()))
    painter.end()
    image.setDevicePixelRatio(pixel_ratio)
    return image


class ReportBrowser(QTextBrowser):
    """A browser that finds the report's chart images itself and opens no link on its own."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.charts: dict[int, QImage] = {}

    def loadResource(self, kind: int, url: QUrl) -> Any:  # noqa: N802 - Qt override
        if url.scheme() == CHART_SCHEME and kind == QTextDocument.ResourceType.ImageResource.value:
            image = self.charts.get(int(url.path() or -1))
            if image is not None:
                return image
        return None  # the report names no file and no web page: nothing else is ever loaded


class ReportDialog(QDialog):
    jump_requested = Signal(int, int, int)  # alignment id, first and last bead (positions from 0)
    export_requested = Signal()

    def __init__(self, report: TranslationReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle(self.tr("Translation report — {0}").format(report.work_title))
        self.browser = ReportBrowser(self)
        self.browser.anchorClicked.connect(self._link)
        scale = chart_scale(report)
        self.browser.charts = {c.index: chart_image(chapter_chart_svg(c, scale), chart_size())
                               for c in report.body.chapters}
        self.browser.setHtml(report_html(report, viewer=True))
        self.export_button = QPushButton(self.tr("&Export…"))
        self.export_button.setToolTip(self.tr("Save the report as an HTML page, Markdown or JSON"))
        self.export_button.clicked.connect(self.export_requested)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(860, 760)

    def _link(self, url: QUrl) -> None:
        first, _, last = url.path().partition("-")
        if url.scheme() == BEAD_SCHEME and first.isdigit() and (last or first).isdigit():
            self.jump_requested.emit(self.report.alignment_id, int(first), int(last or first))
