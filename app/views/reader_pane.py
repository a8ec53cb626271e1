"""The reader pane: header, provenance banner, find bar and the painted reader view.

``open_text(text_id)`` opens a text in the pair it is aligned in (side by
side), or alone in one column.  The pane remembers where the user was in
every text (``Settings.position``) and offers the layouts, the swap of
columns, Ctrl+F find and Ctrl+G go-to.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QSizePolicy,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app.models.reader_model import ReaderModel
from app.settings import ReadingPosition, Settings
from app.views.find_bar import FindBar
from app.plaintext import PlainLabel
from app.views.reader_render import REVIEW_COLOURS, ReaderStyle
from app.views.reader_view import ReaderView
from app.views.startup import ui_language
from app.views.tool_strip import ToolStrip
from db.dto import TextInfo
from db.services.people import NameDisplay, name_display
from db.engine import Library
from db.services import library as library_service
from db.services.reading import FindMatch, TocEntry, find_in_text, outline_for_text, row_of_page, table_of_contents
from db.services.search import SearchHit
from db.services.translation_map import load_translation_map

log = logging.getLogger(__name__)

SERIF_FAMILIES = ["Noto Serif", "Source Serif 4", "PT Serif", "Georgia", "DejaVu Serif", "Liberation Serif", "serif"]
_GOTO = re.compile(r"^\s*(?P<para>[¶pPпП§]\s*)?(?P<n>\d+)\s*$")
_GOTO_PAGE = re.compile(r"^\s*(?:pp?\.|pages?|стр\.?|с\.|страница)\s*(?P<label>\[?[0-9ivxlcdm]+\]?)\s*$", re.I)


def reader_font(family: str, size: float) -> QFont:
    font = QFont()
    font.setFamilies([family] + SERIF_FAMILIES if family else SERIF_FAMILIES)
    font.setPointSizeF(size)
    font.setHintingPreference(QFont.HintingPreference.PreferVerticalHinting)
    return font


def style_from_settings(settings: Settings) -> ReaderStyle:
    zoom = settings.zoom
    fonts = {lang: settings.font(lang) for lang in ("ru", "en")}
    return ReaderStyle(
        ru_font=reader_font(fonts["ru"][0], fonts["ru"][1] * zoom),
        en_font=reader_font(fonts["en"][0], fonts["en"][1] * zoom),
        line_spacing=settings.line_spacing,
        mode=settings.layout,
        swapped=settings.swapped,
        max_column=float(settings.column_width) * zoom,  # a bigger font keeps its words per line
        margin=float(settings.margin),
    )


def parse_goto(text: str) -> tuple[str, int | str] | None:
    """"12" → ("row", 12); "¶12" or "p12" → ("paragraph", 12); "p. 123", "page 123", "с. 123",
    "стр. 123" → ("page", "123"); else None (1-based numbers)."""
    page = _GOTO_PAGE.match(text)
    if page is not None:
        return ("page", page.group("label"))
    m = _GOTO.match(text)
    if m is None or int(m.group("n")) < 1:
        return None
    return ("paragraph" if m.group("para") else "row", int(m.group("n")))


class ElidedLabel(QLabel):
    """A one-line label that elides its text to its width (the full text is the tooltip)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def setText(self, text: str) -> None:  # noqa: N802 - Qt override
        self._full = text
        self.setToolTip(text)
        self._elide()

    def text(self) -> str:
        return self._full

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(10, self.width()))
        super().setText(shown)


class ReaderPane(QWidget):
    """Everything the user reads in, around one ``ReaderView``."""

    text_opened = Signal(int)
    toc_changed = Signal()
    page_changed = Signal(str)  # printed page of the current sentence ("" when the text has none)

    def __init__(self, library: Library, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._settings = settings
        self._text_id: int | None = None
        self._matches: list[FindMatch] = []
        self._match_index = -1
        self._find_text = ""
        self.model = ReaderModel(library, self)
        self.view = ReaderView(self.model, style_from_settings(settings))
        self.view.renderer.set_show_pages(settings.show_pages)
        from app.views.translation_map import TranslationMapStrip

        self.map_strip = TranslationMapStrip(self.view)
        self.map_strip.setVisible(settings.show_map)
        self.view.attach_strip(self.map_strip)
        self._search_hits: tuple[SearchHit, ...] = ()  # the library search's hits, marked on the map
        self.toc_entries: list[TocEntry] = []
        self._has_pages = False
        from app.views.note_popup import NotePopup, NotePopupController

        self.note_popup = NotePopup(self)
        self.note_popups = NotePopupController(self.view, library, self.note_popup, self)

        self._names: NameDisplay | None = None
        self._header_texts: tuple[TextInfo, dict[str, TextInfo]] | None = None
        self.title_label = ElidedLabel()
        self.title_label.setObjectName("readerTitle")
        self.meta_label = ElidedLabel()
        self.meta_label.setObjectName("readerMeta")
        from app.views.reader_accessibility import ReaderAccessibility

        self.accessibility = ReaderAccessibility(self.view, self.title_label.text, self)
        self.banner = QLabel()
        self.banner.setObjectName("provenanceBanner")
        self.banner.setWordWrap(True)
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.hide()
        self.find_bar = FindBar()
        self.find_bar.hide()
        self.find_bar.find_requested.connect(self.find)
        self.find_bar.step.connect(self.step_match)
        self.find_bar.closed.connect(self._find_closed)

        self.layout_buttons = QButtonGroup(self)
        self.toolbar = ToolStrip()
        view_buttons = []
        for mode, icon_name, label, tip in (
            ("side_by_side", "columns-2", "", self.tr("Side by side: Russian and English in two columns")),
            ("interlinear", "rows-2", "", self.tr("Interlinear: each sentence with its translation below")),
            ("ru", None, self.tr("RU"), self.tr("Russian only")),
            ("en", None, self.tr("EN"), self.tr("English only")),
        ):
            button = self.toolbar.tool_button(icon_name=icon_name, text=label, tip=tip, checkable=True)
            button.setObjectName("layoutButton")
            button.setProperty("mode", mode)
            self.layout_buttons.addButton(button)
            view_buttons.append(button)
            if mode == settings.layout:
                button.setChecked(True)
        self.layout_buttons.buttonClicked.connect(lambda b: self.set_layout(str(b.property("mode"))))
        self.swap_button = self.toolbar.tool_button(icon_name="arrow-left-right", tip=self.tr("Swap the columns"),
                                                    checkable=True)
        self.swap_button.setObjectName("layoutButton")
        self.swap_button.setChecked(settings.swapped)
        self.swap_button.toggled.connect(self.set_swapped)
        self.review_button = self.toolbar.tool_button(
            icon_name="list-checks", checkable=True,
            tip=self.tr("Review mode: show beads by the aligner's confidence (Ctrl+R)"))
        self.review_button.setObjectName("layoutButton")
        self.toolbar.add(*view_buttons, self.swap_button, "|", self.review_button, "stretch")
        for button in (*view_buttons, self.review_button):
            self.toolbar.set_priority(button, 9)
        self.toolbar.set_priority(self.swap_button, 5)

        header = QVBoxLayout()
        header.setContentsMargins(28, 10, 20, 6)
        header.setSpacing(2)
        self.subtitle_label = ElidedLabel()  # the other language's title, under the first
        self.subtitle_label.setObjectName("readerSubtitle")
        self.subtitle_label.hide()
        header.addWidget(self.title_label)
        header.addWidget(self.subtitle_label)
        header.addWidget(self.meta_label)
        self.review_label = ElidedLabel()  # "N of M beads checked" in review mode
        self.review_label.setObjectName("readerMeta")
        self.review_label.hide()
        header.addWidget(self.review_label)
        self.review_legend = self._review_legend()
        self.review_legend.hide()
        header.addWidget(self.review_legend)
        self.header = QWidget()
        self.header.setObjectName("readerHeader")
        self.header.setLayout(header)

        self.placeholder = QLabel(self.tr("Choose a text in the library to read it."))
        self.placeholder.setObjectName("readerPlaceholder")
        self.placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setWordWrap(True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.placeholder)
        self.stack.addWidget(self.view)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.find_bar)
        layout.addWidget(self.stack, 1)
        self.header.hide()

        self._save_timer = QTimer(self, singleShot=True, interval=600)
        self._save_timer.timeout.connect(self.save_position)
        self.view.position_changed.connect(lambda _r: self._save_timer.start())
        self.view.current_changed.connect(lambda _r: self._save_timer.start())
        self.view.current_changed.connect(lambda _r: self.page_changed.emit(self.current_page() or ""))
        QShortcut(QKeySequence.StandardKey.Find, self, activated=self.find_bar.open_bar)
        QShortcut(QKeySequence(Qt.Modifier.CTRL | Qt.Key.Key_G), self, activated=self.ask_goto)

    # --- opening -------------------------------------------------------------------------
    def _review_legend(self) -> QWidget:
        """Review mode's key: what the amber tint and the green and blue bars mean."""
        legend = QWidget()
        legend.setObjectName("reviewLegend")
        row = QHBoxLayout(legend)
        row.setContentsMargins(0, 2, 0, 0)
        row.setSpacing(4)
        for status, text, tip in (
            ("unsure", self.tr("unsure"), self.tr("The aligner is not sure of this bead: hover the orange bar "
                                                  "to see why; N goes to the next one")),
            ("confirmed", self.tr("confirmed"), self.tr("You confirmed this bead")),
            ("edited", self.tr("edited"), self.tr("You made or changed this bead")),
        ):
            swatch = QLabel()
            swatch.setFixedSize(10, 10)
            swatch.setStyleSheet(f"background-color: {REVIEW_COLOURS[status]}; border-radius: 2px;")
            swatch.setToolTip(tip)
            label = PlainLabel(text)
            label.setObjectName("readerMeta")
            label.setToolTip(tip)
            row.addWidget(swatch)
            row.addWidget(label)
            row.addSpacing(8)
        row.addStretch(1)
        return legend

    @property
    def text_id(self) -> int | None:
        return self._text_id

    @property
    def work_title(self) -> str:
        """The open work's title (the header shows the texts' own titles)."""
        if self._header_texts is None or self._text_id is None:
            return ""
        info = self._header_texts[0]
        return info.work_title or info.title

    def open_text(self, text_id: int, *, row: int | None = None, sentence: tuple[str, int] | None = None) -> None:
        """Open a text (in its aligned pair if it has one), at ``row`` or where the user left off."""
        started = time.perf_counter()
        self.save_position()
        with self._library.sessions() as session:
            info = library_service.get_text(session, text_id)
            outline = outline_for_text(session, text_id)
            texts = {lang: library_service.get_text(session, side.text_id) for lang, side in outline.sides.items()}
            self.toc_entries = table_of_contents(session, outline)
            from db.services.pages import has_pages

            self._has_pages = has_pages(session, [side.text_id for side in outline.sides.values()])
            self._names = name_display(session, ui_language(self._settings))
            tmap = (load_translation_map(session, outline.alignment_id, bookmarks=False)
                    if outline.alignment_id is not None else None)
        self.view.renderer.set_show_pages(self._settings.show_pages and self._has_pages)
        texts.setdefault(info.lang, info)
        self._text_id = text_id
        self._clear_find()
        self.model.set_outline(outline, texts)
        self.map_strip.set_map(tmap)
        self._mark_search_hits()
        self._show_header(info, texts)
        self.stack.setCurrentWidget(self.view)
        self._update_layout_buttons()
        if row is None and sentence is not None:
            row = self.model.row_of_sentence(*sentence)
        if row is not None:
            self.view.set_current(row, sentence, ensure_visible=False)
            self.view.reveal(row, sentence)
        else:
            saved = self._settings.position(text_id)
            if saved is not None and outline.row_count:
                self.view.set_top(saved.top_row)
                # the saved top row's offset is not kept: the current row must still be on screen
                self.view.set_current(saved.current_row, ensure_visible=True)
        self._settings.last_text = text_id
        self.accessibility.update()
        self.refresh_bookmarks()
        self.toc_changed.emit()
        self.page_changed.emit(self.current_page() or "")
        log.debug("opened text %d (%d rows) in %.3f s", text_id, outline.row_count, time.perf_counter() - started)
        self.text_opened.emit(text_id)

    def clear_text(self) -> None:
        self.save_position()
        self._text_id = None
        self.toc_entries = []
        self.toc_changed.emit()
        self.page_changed.emit("")
        self._clear_find()
        self.model.clear()
        self.map_strip.set_map(None)
        self._mark_search_hits()
        self.header.hide()
        self.banner.hide()
        self.stack.setCurrentWidget(self.placeholder)

    def save_position(self) -> None:
        if self._text_id is None or self.model.rowCount() == 0:
            return
        position = ReadingPosition(self.view.top_row, self.view.current_row, self.model.rowCount())
        for info in self.model.texts.values():
            self._settings.set_position(info.id, position)
        self._settings.set_position(self._text_id, position)

    def _show_header(self, info: TextInfo, texts: dict[str, TextInfo]) -> None:
        """Both titles (in the columns' order, each elided with the full title as its tooltip),
        then the author, what each text is and who translated it."""
        self._header_texts = (info, texts)
        self.header.show()
        order = ("en", "ru") if self._settings.swapped else ("ru", "en")
        ordered = [texts[lang] for lang in order if lang in texts]
        names = self._names
        self.title_label.setText(ordered[0].title or info.work_title)
        second = ordered[1].title if len(ordered) > 1 and ordered[1].title != ordered[0].title else ""
        self.subtitle_label.setText(second)
        self.subtitle_label.setVisible(bool(second))
        authors = list(dict.fromkeys(a for a in (names.author(t) if names else t.author for t in ordered) if a))
        parts = [", ".join(authors)] if authors else []
        for t in ordered:
            bits = [self._kind(t.kind)]
            translator = names.translator(t) if names else t.translator
            if translator:
                bits.append(self.tr("tr. {0}").format(translator))
            label = ", ".join(b for b in bits if b)
            parts.append(f"{t.lang.upper()}: {label}" if len(ordered) > 1 else label)
        if len(ordered) == 1:
            parts.append(self.tr("not aligned"))
        self.meta_label.setText(" · ".join(p for p in parts if p))
        banner = [self.provenance_warning(t) for t in ordered if t.written_by_project]
        self.banner.setText("\n".join(banner))
        self.banner.setVisible(bool(banner))

    def _kind(self, kind: str) -> str:
        return {
            "original": self.tr("original"),
            "published_translation": self.tr("published translation"),
            "working_translation": self.tr("working translation"),
            "back_translation": self.tr("back-translation"),
        }.get(kind, kind)

    def provenance_warning(self, info: TextInfo) -> str:
        if info.kind == "back_translation":
            return self.tr(
                "⚠ Reconstruction: the {0} text was written by Sverka's editors from the translation. "
                "It is not the author's words and must not be quoted as such. / "
                "Реконструкция: обратный перевод, выполненный редакцией Sverka; цитировать его как текст автора нельзя."
            ).format(self.tr("Russian") if info.lang == "ru" else self.tr("English"))
        return self.tr(
            "⚠ Working translation: the {0} text is a working translation by Sverka's editors, not a published "
            "translation. / Рабочий перевод редакции Sverka, а не опубликованный перевод."
        ).format(self.tr("Russian") if info.lang == "ru" else self.tr("English"))

    # --- layouts -------------------------------------------------------------------------
    def set_layout(self, mode: str) -> None:
        self._settings.layout = mode
        self.apply_style()

    def set_swapped(self, swapped: bool) -> None:
        self._settings.swapped = swapped
        self.apply_style()
        if self._header_texts is not None and self._text_id is not None:
            self._show_header(*self._header_texts)  # the titles follow the columns

    def apply_style(self) -> None:
        """Re-read fonts, spacing and layout from the settings, keeping the position."""
        top, current = self.view.top_row, self.view.current_row
        self.view.set_style(style_from_settings(self._settings))
        self._update_layout_buttons()
        if self.model.rowCount():
            selected = self.view.selection_range() if self.view.has_range_selection() else None
            self.view.set_top(top)
            self.view.set_current(current, self.view.current_sentence, ensure_visible=False)
            if selected is not None:  # a bead range stays selected across layouts
                anchor = selected[0] if current == selected[1] else selected[1]
                self.view.set_current(anchor, ensure_visible=False)
                self.view.set_current(current, extend=True, ensure_visible=False)

    def _update_layout_buttons(self) -> None:
        pair = self.model.is_pair
        for button in self.layout_buttons.buttons():
            button.setChecked(button.property("mode") == self._settings.layout)
            self.toolbar.set_wanted(button, pair)
        self.toolbar.set_wanted(self.swap_button, pair)

    # --- go to ---------------------------------------------------------------------------
    def ask_goto(self) -> None:
        if not self.model.rowCount():
            return
        text, ok = QInputDialog.getText(
            self,
            self.tr("Go to"),
            self.tr("Bead number (1–{0}), ¶ and a paragraph number (e.g. ¶12), or a printed page (e.g. p. 123):").format(self.model.rowCount()),
        )
        if ok:
            self.go_to(text)

    def go_to(self, text: str) -> bool:
        target = parse_goto(text)
        if target is None:
            return False
        kind, n = target
        if kind == "page":
            lang = self.view.renderer.visible_langs(self.model.langs)[0] if self.model.langs else None
            with self._library.sessions() as session:
                row: int | None = row_of_page(session, self.model.outline, str(n), lang)
        elif kind == "row":
            row = min(int(n), self.model.rowCount()) - 1
        else:
            lang = self.view.renderer.visible_langs(self.model.langs)[0] if self.model.langs else "ru"
            row = self.model.outline.row_of_paragraph(lang, int(n) - 1)
        if row is None:
            return False
        self.view.set_current(row, ensure_visible=False)
        self.view.reveal(row)
        self.view.setFocus()
        return True

    def go_to_row(self, row: int) -> None:
        """Show row ``row`` near the top with the cursor on it (the table of contents)."""
        if 0 <= row < self.model.rowCount():
            self.view.scroll_to_row(row, fraction=0.0)
            self.view.set_current(row, ensure_visible=False)
            self.view.setFocus()

    # --- pages ---------------------------------------------------------------------------
    def current_page(self) -> str | None:
        """The printed page of the current sentence (else of the cursor row's first sentence shown)."""
        if not self.model.rowCount():
            return None
        row = self.model.row(self.view.current_row)
        sentence = self.view.current_sentence
        langs = self.view.renderer.visible_langs(self.model.langs)
        segments = [s for lang in langs for s in row.side(lang)
                    if sentence is None or (lang, s.position) == sentence]
        return next((s.page for s in segments if s.page), None)

    def set_show_pages(self, show: bool) -> None:
        """Page numbers in the margin on or off (remembered)."""
        self._settings.show_pages = show
        top, current = self.view.top_row, self.view.current_row
        self.view.renderer.set_show_pages(show and self._has_pages)
        self.view.set_style(self.view.renderer.style)
        if self.model.rowCount():
            self.view.set_top(top)
            self.view.set_current(current, self.view.current_sentence, ensure_visible=False)

    # --- find ----------------------------------------------------------------------------
    def open_find(self) -> None:
        self.find_bar.open_bar()

    def find(self, text: str) -> int:
        """Highlight every match of ``text`` and go to the first one after the cursor; returns the count."""
        self._find_text = text
        if not text.strip() or not self.model.rowCount():
            self._matches, self._match_index = [], -1
            self.view.set_matches([])
            self.find_bar.show_count(0, 0, bool(text.strip()))
            return 0
        with self._library.sessions() as session:
            self._matches = find_in_text(session, self.model.outline, text)
        langs = set(self.view.renderer.visible_langs(self.model.langs))
        self._matches = [m for m in self._matches if m.lang in langs]
        self._match_index = next((i for i, m in enumerate(self._matches) if m.row >= self.view.current_row), 0) if self._matches else -1
        self.view.set_matches(self._matches, self._match_index)
        self.map_strip.set_hits((m.row for m in self._matches), source="find")
        if self._match_index >= 0:
            match = self._matches[self._match_index]
            self.view.set_current_match(self._match_index, match.row, (match.lang, match.position))
        self.find_bar.show_count(self._match_index, len(self._matches), True)
        return len(self._matches)

    def step_match(self, delta: int) -> None:
        if not self._matches:
            return
        self._match_index = (self._match_index + delta) % len(self._matches)
        match = self._matches[self._match_index]
        self.view.set_current_match(self._match_index, match.row, (match.lang, match.position))
        self.find_bar.show_count(self._match_index, len(self._matches), True)

    @property
    def match_count(self) -> int:
        return len(self._matches)

    @property
    def match_index(self) -> int:
        return self._match_index

    @property
    def current_match(self) -> FindMatch | None:
        return self._matches[self._match_index] if 0 <= self._match_index < len(self._matches) else None

    def _clear_find(self) -> None:
        self._matches, self._match_index = [], -1
        self.view.set_matches([])
        self.map_strip.set_hits((), source="find")
        self.find_bar.show_count(0, 0, False)

    def _find_closed(self) -> None:
        self._clear_find()
        self.view.setFocus()

    # --- bookmarks ----------------------------------------------------------------------
    @property
    def alignment_id(self) -> int | None:
        """The alignment of the open pair (None for a text read alone)."""
        return self.model.outline.alignment_id

    def selected_beads(self) -> tuple[int, int] | None:
        """Beads ``[start, end)`` selected in the open pair (the cursor bead at least), or None."""
        if self.alignment_id is None or not self.model.rowCount():
            return None
        first, last = self.view.selection_range()
        return first, last + 1

    def refresh_bookmarks(self) -> None:
        """Mark the bookmarked passages of the open pair."""
        from db.services.bookmarks import bookmark_spans

        if self.alignment_id is None:
            self.view.set_bookmark_marks([])
            return
        with self._library.sessions() as session:
            spans = bookmark_spans(session, self.alignment_id)
        self.view.set_bookmark_marks([(s.bead_start, s.bead_end, s.colour) for s in spans])
        tmap = self.map_strip.translation_map
        if tmap is not None and tmap.alignment_id == self.alignment_id:
            self.map_strip.set_map(tmap.with_bookmarks(spans))

    def reload_beads(self, start: int, removed: int, inserted: int, *, renumbered: bool = False) -> None:
        """Show the pair after an edit replaced beads ``[start, start + removed)`` by ``inserted`` beads
        (``renumbered``: sentence positions moved too); the scroll position stays."""
        from db.services.reading import pair_outline

        if self.alignment_id is None:
            return
        old_keys = self.model.outline.keys[start : start + removed]
        from db.services.translation_map import reload_beads

        tmap = self.map_strip.translation_map
        with self._library.sessions() as session:
            outline = pair_outline(session, self.alignment_id)
            if tmap is not None and tmap.alignment_id == self.alignment_id:
                tmap = reload_beads(session, tmap, start, removed, inserted)
            else:
                tmap = load_translation_map(session, self.alignment_id, bookmarks=False)
        if renumbered:
            self.view.renderer.invalidate()
        for key in old_keys:
            self.view.renderer.forget(key)
        self._clear_find()
        self.model.replace_rows(outline, start, removed, inserted)
        self.map_strip.set_map(tmap)
        self._mark_search_hits()
        self.refresh_bookmarks()

    # --- the translation map ------------------------------------------------------------------
    def set_show_map(self, show: bool) -> None:
        """The translation map beside the scroll bar on or off (remembered)."""
        self._settings.show_map = show
        self.map_strip.setVisible(show)
        self.view.update_strip()

    def set_search_hits(self, hits: Sequence[SearchHit]) -> None:
        """The library search's hits: those in the open text are marked on the map."""
        self._search_hits = tuple(hits)
        self._mark_search_hits()

    def _mark_search_hits(self) -> None:
        shown = {t.id for t in self.model.texts.values()} if self.model.rowCount() else set()
        rows = (self.model.row_of_sentence(h.lang, h.position) for h in self._search_hits if h.text_id in shown)
        self.map_strip.set_hits((r for r in rows if r is not None), source="search")

    def mark_passage(self, lang: str, position: int, start: int, end: int) -> None:
        """Mark characters ``[start, end)`` of a sentence as the reader's find marks a hit, and go there
        (the part of a sentence a located quotation renders); the next find replaces the mark."""
        row = self.model.row_of_sentence(lang, position)
        if row is None:
            return
        self._matches, self._match_index = [FindMatch(row, lang, position, start, end)], 0
        self.view.set_matches(self._matches, 0)
        self.view.set_current_match(0, row, (lang, position))

    def show_beads(self, start: int, end: int) -> None:
        """Scroll to beads ``[start, end)`` of the open pair and select them."""
        if not self.model.rowCount():
            return
        self.view.set_current(start, ensure_visible=False)
        self.view.reveal(start)
        if end - 1 > start:
            self.view.set_current(end - 1, extend=True, ensure_visible=False)
        self.view.setFocus()

    # --- text for tests and accessibility ------------------------------------------------------
    def plain_text(self) -> str:
        """Everything the pane shows as text: header, banner, and every row (loads them all)."""
        lines = [self.title_label.text(), self.subtitle_label.text(), self.meta_label.text()]
        if self.banner.isVisible() or self.banner.text():
            lines.append(self.banner.text())
        for i in range(self.model.rowCount()):
            row = self.model.row(i)
            for lang in self.model.langs:
                lines.append(" ".join(s.text for s in row.side(lang)))
        return "\n".join(lines)
