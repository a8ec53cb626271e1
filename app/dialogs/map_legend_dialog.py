"""View → Translation map legend: what each colour of the map means, and how many of each the open pair has."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QGridLayout, QLabel, QVBoxLayout, QWidget

from app.plaintext import PlainLabel
from app.views.translation_map import KINDS, TranslationMapStrip, kind_label, map_colour


class MapLegendDialog(QDialog):
    """A small window (not modal): a swatch per colour, its meaning, and the count in the open text."""

    def __init__(self, strip: TranslationMapStrip, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mapLegend")
        self.setWindowTitle(self.tr("Translation map"))
        self._strip = strip
        layout = QVBoxLayout(self)
        intro = PlainLabel(self.tr("The strip beside the scroll bar draws the whole text; a mark sits where the "
                                   "scroll bar's handle is when its bead is on screen. Click or drag on it to go "
                                   "there. Lanes, left to right: what the translation did, unsure beads, "
                                   "bookmarks, search hits."))
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        grid.setHorizontalSpacing(10)
        self.swatches: dict[str, QLabel] = {}
        self.labels: dict[str, PlainLabel] = {}
        for i, kind in enumerate(KINDS):
            swatch = QLabel()
            swatch.setObjectName(f"mapSwatch_{kind}")
            swatch.setFixedSize(14, 14)
            grid.addWidget(swatch, i, 0)
            label = PlainLabel()
            grid.addWidget(label, i, 1)
            self.swatches[kind] = swatch
            self.labels[kind] = label
        grid.setColumnStretch(1, 1)
        layout.addLayout(grid)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout.addWidget(buttons)
        strip.data_changed.connect(self._data_changed)
        self.refresh()

    def _data_changed(self) -> None:
        if self.isVisible():
            self.refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.PaletteChange:  # a theme change: the swatches take its colours
            self.refresh()
        super().changeEvent(event)

    def refresh(self) -> None:
        """Colours of the current theme and the counts of the text shown now."""
        tmap = self._strip.translation_map
        pair = tmap is not None
        for kind in KINDS:
            colour = map_colour(kind).name()
            self.swatches[kind].setStyleSheet(f"background-color: {colour}; border-radius: 2px;")
            count = len(tmap.bookmarks) if kind == "bookmark" and tmap is not None else len(self._strip.rows_of(kind))
            text = kind_label(kind)
            if pair or kind == "hit":
                text = self.tr("{0} — {1} in this text").format(text, count)
            self.labels[kind].setText(text)
            self.labels[kind].setEnabled(pair or kind == "hit")
            self.swatches[kind].setEnabled(pair or kind == "hit")

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        self.refresh()
        super().showEvent(event)

