"""The settings dialog: reading (fonts, spacing, column width, margins, theme), citations, language.

Reading settings apply as they change (``on_change`` redraws the window), so
the reader shows what a choice looks like; Cancel puts back what was there.
The dialog writes only what the user changed: opening it and pressing OK
changes nothing.  A font left at "Default" stays the default (the best serif
font installed), whatever that resolves to on this machine.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFontDatabase, QFontInfo
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QWidget,
)

from app.settings import COLUMN_WIDTH_RANGE, MARGIN_RANGE, Settings
from app.views.theme import ThemeFollower, theme_follower

READING_KEYS = ("font_ru", "font_en", "line_spacing", "column_width", "margin", "theme")


def _section(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None,
                 on_change: Callable[[], None] | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        self._on_change = on_change
        self._original = self.stored()
        form = QFormLayout(self)
        form.addRow(_section(self.tr("Reading")))
        self.fonts: dict[str, tuple[QComboBox, QDoubleSpinBox]] = {}
        families = QFontDatabase.families()
        for lang, label in (("ru", self.tr("Russian text")), ("en", self.tr("English text"))):
            family, size = settings.font(lang)
            box = QComboBox()
            box.setMaxVisibleItems(20)
            box.addItem(self.tr("Default ({0})").format(self._default_family(size)), "")
            for name in families:
                box.addItem(name, name)
            if family and box.findData(family) < 0:
                box.addItem(family, family)  # a font that is not installed here stays chosen
            box.setCurrentIndex(max(0, box.findData(family)))
            spin = QDoubleSpinBox(minimum=7.0, maximum=40.0, singleStep=0.5, suffix=" pt")
            spin.setValue(size)
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(spin)
            form.addRow(label, row)
            self.fonts[lang] = (box, spin)
            box.currentIndexChanged.connect(lambda _i: self._changed())
            spin.valueChanged.connect(lambda _v: self._changed())
        self.spacing = QDoubleSpinBox(minimum=1.0, maximum=2.5, singleStep=0.05)
        self.spacing.setValue(settings.line_spacing)
        form.addRow(self.tr("Line spacing"), self.spacing)
        self.column_width = QSpinBox(minimum=COLUMN_WIDTH_RANGE[0], maximum=COLUMN_WIDTH_RANGE[1], singleStep=20,
                                     suffix=self.tr(" px"))
        self.column_width.setValue(settings.column_width)
        self.column_width.setToolTip(self.tr("The widest a column of text grows in a wide window"))
        form.addRow(self.tr("Column width at most"), self.column_width)
        self.margin = QSpinBox(minimum=MARGIN_RANGE[0], maximum=MARGIN_RANGE[1], singleStep=4, suffix=self.tr(" px"))
        self.margin.setValue(settings.margin)
        form.addRow(self.tr("Margins"), self.margin)
        self.theme = QComboBox()
        for value, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")),
                            ("sepia", self.tr("Sepia")), ("dark", self.tr("Dark"))):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        form.addRow(self.tr("Theme"), self.theme)
        for widget in (self.spacing, self.column_width, self.margin):
            widget.valueChanged.connect(lambda _v: self._changed())
        self.theme.currentIndexChanged.connect(lambda _i: self._changed())

        form.addRow(_section(self.tr("Citations")))
        self.citation_style = QComboBox()
        for value, text in (("chicago", self.tr("Chicago (notes and bibliography, 17th ed.)")),
                            ("gost", self.tr("GOST R 7.0.5–2008"))):
            self.citation_style.addItem(text, value)
        self.citation_style.setCurrentIndex(max(0, self.citation_style.findData(settings.citation_style)))
        form.addRow(self.tr("Citation style"), self.citation_style)
        self.romanisation = QComboBox()
        for value, text in (("strict", self.tr("ALA-LC with diacritics (Vlastʹ i oppozit͡sii)")),
                            ("plain", self.tr("ALA-LC without diacritics (Vlast' i oppozitsii)"))):
            self.romanisation.addItem(text, value)
        self.romanisation.setCurrentIndex(max(0, self.romanisation.findData(settings.romanisation)))
        self.romanisation.setToolTip(self.tr("How Russian titles and names are romanised in Chicago citations"))
        form.addRow(self.tr("Romanisation of Russian"), self.romanisation)

        form.addRow(_section(self.tr("Interface")))
        self.language = QComboBox()
        for value, text in (("system", self.tr("As the system")), ("en", "English"), ("ru", "Русский")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        form.addRow(self.tr("Interface language"), self.language)
        note = QLabel(self.tr("Reading settings show at once. A new interface language takes effect when "
                              "Sverka is started again."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @staticmethod
    def _default_family(size: float) -> str:
        from app.views.reader_pane import reader_font

        return QFontInfo(reader_font("", size)).family()

    # --- values --------------------------------------------------------------------------
    def stored(self) -> dict[str, object]:
        s = self._settings
        return {"font_ru": s.font("ru"), "font_en": s.font("en"), "line_spacing": s.line_spacing,
                "column_width": s.column_width, "margin": s.margin, "theme": s.theme,
                "citation_style": s.citation_style, "romanisation": s.romanisation, "ui_language": s.ui_language}

    def chosen(self) -> dict[str, object]:
        values: dict[str, object] = {}
        for lang, (box, spin) in self.fonts.items():
            values[f"font_{lang}"] = (str(box.currentData()), float(spin.value()))
        values.update(line_spacing=self.spacing.value(), column_width=self.column_width.value(),
                      margin=self.margin.value(), theme=str(self.theme.currentData()),
                      citation_style=str(self.citation_style.currentData()),
                      romanisation=str(self.romanisation.currentData()),
                      ui_language=str(self.language.currentData()))
        return values

    def _write(self, values: dict[str, object], keys: tuple[str, ...]) -> bool:
        """Store the values of ``keys`` that differ from what is stored; True if any did."""
        current = self.stored()
        changed = False
        for key in keys:
            value = values[key]
            if _same(current[key], value):
                continue
            changed = True
            if key.startswith("font_"):
                family, size = value  # type: ignore[misc]
                self._settings.set_font(key[-2:], family, size)
            elif key == "theme":
                self._settings.theme = str(value)
                app = QApplication.instance()
                if isinstance(app, QApplication):
                    (theme_follower(app) or ThemeFollower(app, str(value))).set_theme(str(value))
            else:
                setattr(self._settings, key, value)
        return changed

    def _changed(self) -> None:
        if self._write(self.chosen(), READING_KEYS) and self._on_change is not None:
            self._on_change()

    def save(self) -> None:
        self._write(self.chosen(), tuple(self._original))

    def reject(self) -> None:
        """Cancel: the reading settings go back to what they were when the dialog opened."""
        if self._write(self._original, READING_KEYS) and self._on_change is not None:
            self._on_change()
        super().reject()

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None,
            on_change: Callable[[], None] | None = None) -> bool:
        """Show the dialog; on OK store the choices and return True."""
        dialog = cls(settings, parent, on_change)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        dialog.save()
        return True


def _same(a: object, b: object) -> bool:
    if isinstance(a, float) or isinstance(b, float):
        return abs(float(a) - float(b)) < 1e-9  # type: ignore[arg-type]
    if isinstance(a, tuple) and isinstance(b, tuple):
        return len(a) == len(b) and all(_same(x, y) for x, y in zip(a, b))
    return a == b
