"""How each translation rendered a glossary term: renderings with counts, each a filter.

Shown above a term's concordance in the search panel ("All occurrences"): per
aligned pair, the renderings most frequent first ("kolkhozes" 12, "collective
farm" 3, not rendered 1).  Clicking one asks for only the occurrences behind
it; "All occurrences" goes back.  Renderings and titles are shown as plain text.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from app.plaintext import PlainLabel
from app.views.glossary_popup import FlowLayout

if TYPE_CHECKING:  # the renderings service loads the word table's modules: not at start-up
    from db.services.renderings import PairRenderings, RenderingCount

TITLE_CHARS = 60


def _short(title: str) -> str:
    return title if len(title) <= TITLE_CHARS else title[: TITLE_CHARS - 1].rstrip() + "…"


class RenderingsBox(QWidget):
    """The renderings of one entry in every pair; ``chosen`` carries the rendering clicked (None: all)."""

    chosen = Signal(object)  # (PairRenderings, RenderingCount) or None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("renderingsBox")
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 2, 0, 4)
        self._layout.setSpacing(3)
        self._buttons: list[tuple[QPushButton, PairRenderings, RenderingCount]] = []
        self.all_button = self._button(self.tr("All occurrences"))
        self.all_button.setObjectName("renderingsAll")
        self.all_button.clicked.connect(lambda: self.select(None))
        self._pairs: list[PairRenderings] = []
        self._selected: tuple[int, RenderingCount] | None = None
        self.hide()

    # --- content -------------------------------------------------------------------------
    def set_renderings(self, pairs: list[PairRenderings]) -> None:
        """Show how each pair rendered the entry (hidden when no pair has it on its original's side)."""
        self._pairs = list(pairs)
        self._selected = None
        while (item := self._layout.takeAt(0)) is not None:
            widget = item.widget()
            if widget is not None and widget is not self.all_button:
                widget.hide()
                widget.deleteLater()
        self._buttons = []
        for pair in self._pairs:
            heading = PlainLabel(self._heading(pair))
            heading.setObjectName("renderingsHeading")
            heading.setWordWrap(True)
            self._layout.addWidget(heading)
            flow_box = QWidget()
            flow = FlowLayout(flow_box)
            for rendering in pair.renderings:
                button = self._button(self.label(rendering))
                button.setCheckable(True)
                button.setToolTip(self.tr("Show only these occurrences"))
                button.clicked.connect(lambda _c=False, p=pair, r=rendering: self.select((p, r)))
                flow.addWidget(button)
                self._buttons.append((button, pair, rendering))
            self._layout.addWidget(flow_box)
        self._layout.addWidget(self.all_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.all_button.hide()
        self.setVisible(bool(self._pairs))

    def _heading(self, pair: PairRenderings) -> str:
        if pair.target_lang == "en":
            return self.tr("Rendered in the English of “{0}”:").format(_short(pair.target_title))
        return self.tr("Rendered in the Russian of “{0}”:").format(_short(pair.target_title))

    def label(self, rendering: RenderingCount) -> str:
        """The button's words: "“collective farm” 12", "not rendered 3"."""
        if rendering.rendering is None:
            text = self.tr("not rendered {0}").format(rendering.count)
        else:
            text = self.tr("“{0}” {1}").format(rendering.rendering, rendering.count)
        return text.replace("&", "&&")  # a single & would become a keyboard mnemonic

    def labels(self) -> list[str]:
        """What the buttons say, in order (for tests and accessibility)."""
        return [button.text().replace("&&", "&") for button, _p, _r in self._buttons]

    def button_for(self, rendering: RenderingCount) -> QPushButton | None:
        for button, _pair, r in self._buttons:
            if r == rendering:
                return button
        return None

    @property
    def selected(self) -> tuple[PairRenderings, RenderingCount] | None:
        if self._selected is None:
            return None
        index, rendering = self._selected
        return self._pairs[index], rendering

    # --- choosing ------------------------------------------------------------------------
    def select(self, choice: tuple[PairRenderings, RenderingCount] | None) -> None:
        self._selected = None if choice is None else (self._pairs.index(choice[0]), choice[1])
        for button, pair, rendering in self._buttons:
            button.setChecked(choice is not None and (pair, rendering) == choice)
        self.all_button.setVisible(choice is not None)
        self.chosen.emit(choice)

    def _button(self, text: str) -> QPushButton:
        button = QPushButton(text.replace("&", "&&"))  # a rendering's "&" is text, not a shortcut mark
        button.setCursor(Qt.CursorShape.PointingHandCursor)
        link = self.palette().color(self.palette().ColorRole.Link)
        tint = QColor(link)
        tint.setAlpha(40)
        button.setStyleSheet(
            f"QPushButton {{ color: {link.name()}; border: 1px solid transparent; border-radius: 4px; padding: 1px 5px; }}"
            "QPushButton:hover { text-decoration: underline; }"
            f"QPushButton:checked {{ border-color: {link.name()}; background: {tint.name(QColor.NameFormat.HexArgb)}; }}")
        button.setFlat(True)
        return button
