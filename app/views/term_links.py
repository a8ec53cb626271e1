"""Term links inside a bead: a glossary term and how the other language renders it.

Pointing at a glossary term in one column (or opening its popup by a click or
the G key) highlights the term and its rendering in the counterpart sentences
of the same bead — колхоз and "collective farm", "Orgburo" and «Оргбюро».  When
the counterpart has no rendering of it, a dashed frame marks the counterpart
and the popup says so: the translator may have left it out.

The renderings come from ``alignment.glossary.renderings`` through a finder
the db layer prepares once per library in the background
(``db.services.renderings.rendering_finder``), started when the pointer first
moves over a pair (not at start-up: it loads the morphology and the word
table, a second or two of work); a bead's renderings are worked
out on its first hover from the row the reader already holds (no query) and
kept per bead, so pointing costs a dictionary lookup.
"""

from __future__ import annotations

import logging
from collections import OrderedDict

from PySide6.QtCore import QCoreApplication, QEvent, QObject

from alignment.glossary.renderings import BeadSide, Rendering, RenderingFinder, TermSpot
from app.tasks import TaskRunner
from app.views.glossary_popup import GlossaryPopup, TermPopupController, TermTarget
from app.views.reader_render import TermLinks
from app.views.reader_view import ReaderView
from db.engine import Library
from db.services.reading import ReaderRow

log = logging.getLogger(__name__)

CACHE_BEADS = 256


def _side(row: ReaderRow, lang: str) -> BeadSide:
    segments = row.side(lang)
    return BeadSide(lang, tuple((s.position, s.text) for s in segments),
                    tuple(TermSpot(s.position, a, b, entry_id) for s in segments for a, b, entry_id in s.terms))


def _prepare(library: Library) -> RenderingFinder:
    from db.services.renderings import rendering_finder

    with library.sessions() as session:
        return rendering_finder(session)


class TermLinkController(QObject):
    """Highlights the rendering of the term under the pointer (or in the open popup) in the reader."""

    def __init__(self, view: ReaderView, popups: TermPopupController, popup: GlossaryPopup,
                 library: Library, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent or view)
        self._view = view
        self._popups = popups
        self._popup = popup
        self._library = library
        self._runner = runner
        self._finder: RenderingFinder | None = None
        self._preparing = False
        self._beads: OrderedDict[tuple[int, str], tuple[ReaderRow, dict[TermSpot, Rendering]]] = OrderedDict()
        self._hovered: TermTarget | None = None
        popups.note_for = self.note_for
        view.viewport().installEventFilter(self)
        popup.installEventFilter(self)
        view.reader_model().modelReset.connect(self._reset)

    # --- the finder ------------------------------------------------------------------------
    @property
    def ready(self) -> bool:
        return self._finder is not None

    def prepare(self) -> None:
        """Get the finder ready in the background (a pair was opened, or the glossary changed)."""
        if self._preparing:
            return
        self._preparing = True

        def done(finder: RenderingFinder) -> None:
            self._preparing = False
            if finder is not self._finder:
                self._finder = finder
                self._beads.clear()
            self._show()  # the term under the pointer, if any, gets its link now

        def failed(error: BaseException) -> None:
            self._preparing = False
            log.warning("term links are off: %s", error)

        library = self._library
        self._runner.run(lambda _p, _c: _prepare(library), label="term links", on_done=done, on_error=failed)

    def forget(self) -> None:
        """The glossary changed: prepare the finder again when next needed."""
        self._finder = None
        self._beads.clear()

    def _reset(self) -> None:
        self._beads.clear()
        self._hovered = None
        self._view.set_term_links(None)

    # --- renderings ------------------------------------------------------------------------
    def rendering(self, target: TermTarget) -> Rendering | None:
        """How the other language of the target's bead renders it (None: not a pair, or not ready)."""
        model = self._view.reader_model()
        if not model.is_pair or target.row >= model.rowCount():
            return None
        if self._finder is None:
            self.prepare()  # ready at once when jobs run inline; otherwise for the next hover
            if self._finder is None:
                return None
        row = model.row(target.row)
        other = "en" if target.lang == "ru" else "ru"
        key = (row.key, target.lang)
        cached = self._beads.get(key)
        if cached is None or cached[0] != row:
            found = self._finder.renderings(_side(row, target.lang), _side(row, other))
            cached = (row, {r.term: r for r in found})
            self._beads[key] = cached
            while len(self._beads) > CACHE_BEADS:
                self._beads.popitem(last=False)
        else:
            self._beads.move_to_end(key)
        return cached[1].get(TermSpot(target.position, target.start, target.end, target.entry_id))

    def links_for(self, target: TermTarget) -> TermLinks | None:
        rendering = self.rendering(target)
        if rendering is None:
            return None
        other = "en" if target.lang == "ru" else "ru"
        links = [("term", target.lang, target.position, target.start, target.end)]
        links += [("rendering", other, s.sentence, s.start, s.end) for s in rendering.spans]
        return TermLinks(target.row, tuple(links), None if rendering.rendered else other)

    def note_for(self, target: TermTarget) -> tuple[str, bool]:
        """The popup's line about the rendering ("In the English here: “collective farms”"), and
        whether it warns (no rendering)."""
        rendering = self.rendering(target)
        if rendering is None:
            return "", False
        if not rendering.rendered:
            if target.lang == "ru":
                return QCoreApplication.translate("TermLinks", "No rendering in the English here — possibly omitted."), True
            return QCoreApplication.translate("TermLinks", "No rendering in the Russian here — possibly omitted."), True
        return self._rendered_note(rendering, english=target.lang == "ru"), False

    @staticmethod
    def _rendered_note(rendering: Rendering, *, english: bool) -> str:
        words = " … ".join(dict.fromkeys(" ".join(s.text.split()) for s in rendering.spans))
        if rendering.method == "word table":  # learned from the library's pairs, not the glossary: a guess
            if english:
                return QCoreApplication.translate("TermLinks", "In the English here, probably: “{0}”").format(words)
            return QCoreApplication.translate("TermLinks", "In the Russian here, probably: «{0}»").format(words)
        if english:
            return QCoreApplication.translate("TermLinks", "In the English here: “{0}”").format(words)
        return QCoreApplication.translate("TermLinks", "In the Russian here: «{0}»").format(words)

    # --- following the pointer and the popup ------------------------------------------------
    def _show(self) -> None:
        target = self._hovered or self._popups.shown
        self._view.set_term_links(self.links_for(target) if target is not None else None)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if watched is self._popup:
            if kind in (QEvent.Type.Show, QEvent.Type.Hide):
                self._show()
            return False
        if kind == QEvent.Type.MouseMove:
            if self._finder is None and self._view.reader_model().is_pair:
                self.prepare()  # the pointer is over a pair: a term may be next
            target = self._popups.target_at(event.position())  # type: ignore[attr-defined]
            if target != self._hovered:
                self._hovered = target
                self._show()
        elif kind in (QEvent.Type.Leave, QEvent.Type.Wheel):
            if self._hovered is not None:
                self._hovered = None
                self._show()
        return False
