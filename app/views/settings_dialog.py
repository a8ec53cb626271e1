"""The settings dialog: fonts per language, line spacing, theme, citation style and romanisation, UI language."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFontComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QWidget,
)

from app.settings import Settings
from app.views.theme import apply_theme


class SettingsDialog(QDialog):
    def __init__(self, settings: Settings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Settings"))
        self._settings = settings
        form = QFormLayout(self)
        self.fonts: dict[str, tuple[QFontComboBox, QDoubleSpinBox]] = {}
        for lang, label in (("ru", self.tr("Russian text")), ("en", self.tr("English text"))):
            family, size = settings.font(lang)
            box = QFontComboBox()
            if family:
                box.setCurrentFont(QFont(family))
            spin = QDoubleSpinBox(minimum=7.0, maximum=40.0, singleStep=0.5, suffix=" pt")
            spin.setValue(size)
            row = QHBoxLayout()
            row.addWidget(box, 1)
            row.addWidget(spin)
            form.addRow(label, row)
            self.fonts[lang] = (box, spin)
        self.spacing = QDoubleSpinBox(minimum=1.0, maximum=2.5, singleStep=0.05)
        self.spacing.setValue(settings.line_spacing)
        form.addRow(self.tr("Line spacing"), self.spacing)
        self.theme = QComboBox()
        for value, text in (("system", self.tr("Follow the system")), ("light", self.tr("Light")), ("dark", self.tr("Dark"))):
            self.theme.addItem(text, value)
        self.theme.setCurrentIndex(max(0, self.theme.findData(settings.theme)))
        form.addRow(self.tr("Theme"), self.theme)
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
        self.language = QComboBox()
        for value, text in (("system", self.tr("As the system")), ("en", "English"), ("ru", "Русский")):
            self.language.addItem(text, value)
        self.language.setCurrentIndex(max(0, self.language.findData(settings.ui_language)))
        form.addRow(self.tr("Interface language"), self.language)
        note = QLabel(self.tr("A new interface language takes effect when Sverka is started again."))
        note.setWordWrap(True)
        form.addRow(note)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def save(self) -> None:
        for lang, (box, spin) in self.fonts.items():
            self._settings.set_font(lang, box.currentFont().family(), spin.value())
        self._settings.line_spacing = self.spacing.value()
        theme = str(self.theme.currentData())
        if theme != self._settings.theme:
            self._settings.theme = theme
            app = QApplication.instance()
            if isinstance(app, QApplication):
                apply_theme(app, theme)
        self._settings.ui_language = str(self.language.currentData())
        self._settings.citation_style = str(self.citation_style.currentData())
        self._settings.romanisation = str(self.romanisation.currentData())

    @classmethod
    def ask(cls, settings: Settings, parent: QWidget | None = None) -> bool:
        """Show the dialog; on OK store the choices and return True."""
        dialog = cls(settings, parent)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return False
        dialog.save()
        return True
