"""What a screen reader hears from the painted reader.

The reader draws its text itself, so Qt's accessibility interface would see an
empty scroll area.  ``ReaderAccessibility`` keeps the view's accessible name
and description in step with the cursor: the name says where the reader is
("Проблемы развития СССР — bead 12 of 418"), the description holds the current
sentence and its counterpart ("Russian: …  English: …").  Qt announces both
changes (``NameChanged`` / ``DescriptionChanged`` events), so Orca, NVDA or
VoiceOver read the sentence as the cursor moves onto it.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from app.views.reader_view import ReaderView


class ReaderAccessibility(QObject):
    def __init__(self, view: ReaderView, title: callable, parent: QObject | None = None) -> None:  # type: ignore[valid-type]
        super().__init__(parent or view)
        self._view = view
        self._title = title
        view.current_changed.connect(lambda _row: self.update())
        view.reader_model().modelReset.connect(self.update)
        self.update()

    def sentences(self) -> list[tuple[str, str]]:
        """(language, text) of the highlighted sentence and its counterpart, focused language first."""
        view = self._view
        model = view.reader_model()
        if not 0 <= view.current_row < model.rowCount():
            return []
        row = model.row(view.current_row)
        chosen = view.highlighted_sentences()
        langs = list(view.renderer.visible_langs(model.langs))
        if view.current_sentence is not None and view.current_sentence[0] in langs:
            langs.remove(view.current_sentence[0])
            langs.insert(0, view.current_sentence[0])
        out = []
        for lang in langs:
            text = " ".join(s.text for s in row.side(lang) if (lang, s.position) in chosen)
            if text:
                out.append((lang, text))
        return out

    def update(self) -> None:
        view = self._view
        model = view.reader_model()
        title = self._title() or self.tr("Reader")
        if not model.rowCount():
            view.setAccessibleName(self.tr("Reader: no text open"))
            view.setAccessibleDescription("")
            return
        view.setAccessibleName(self.tr("{0} — bead {1} of {2}").format(title, view.current_row + 1, model.rowCount())
                               if model.is_pair else
                               self.tr("{0} — paragraph {1} of {2}").format(title, view.current_row + 1, model.rowCount()))
        names = {"ru": self.tr("Russian"), "en": self.tr("English")}
        view.setAccessibleDescription("\n".join(f"{names.get(lang, lang)}: {text}" for lang, text in self.sentences()))
