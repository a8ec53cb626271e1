"""Typed wrapper over ``QSettings``: UI state only (fonts, layout, theme, positions).

Every key and default is spelled out here.  The wrapper takes a ``QSettings``
so that tests can pass an INI file in a temporary folder; ``from_app()``
gives the user's settings.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QByteArray, QSettings

THEMES = ("system", "light", "sepia", "dark")
UI_LANGUAGES = ("system", "en", "ru")
LAYOUTS = ("side_by_side", "interlinear", "ru", "en")
CITATION_STYLES = ("chicago", "gost")
ROMANISATIONS = ("strict", "plain")
DEFAULT_FONTS = {"ru": ("", 12.0), "en": ("", 12.0)}  # "": the best serif font installed
ZOOM_RANGE = (0.5, 3.0)
ZOOM_STEPS = (0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1, 1.2, 1.35, 1.5, 1.7, 2.0, 2.4, 3.0)  # Ctrl+= and Ctrl+- walk these
COLUMN_WIDTH_RANGE = (360, 1400)  # the widest a column of text grows, in pixels
DEFAULT_COLUMN_WIDTH = 720
MARGIN_RANGE = (8, 160)  # room left and right of the text, in pixels
DEFAULT_MARGIN = 28


@dataclass(frozen=True, slots=True)
class ReadingPosition:
    """Where the user was in a text: the top row shown and the cursor row."""

    top_row: int
    current_row: int
    row_count: int = 0


def _int(value: object, default: int) -> int:
    try:
        return int(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


def _float(value: object, default: float) -> float:
    try:
        return float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return default


class Settings:
    """Reads and writes Sverka's UI settings with explicit keys and defaults."""

    def __init__(self, store: QSettings) -> None:
        self._store = store

    @classmethod
    def from_app(cls) -> Settings:
        return cls(QSettings("Sverka", "Sverka"))

    @classmethod
    def from_file(cls, path: str) -> Settings:
        return cls(QSettings(path, QSettings.Format.IniFormat))

    def sync(self) -> None:
        self._store.sync()

    def snapshot(self) -> dict[str, object]:
        """Every stored key and its value (tests compare two of them)."""
        return {key: self._store.value(key) for key in sorted(self._store.allKeys())}

    # --- reading -------------------------------------------------------------------------
    def font(self, lang: str) -> tuple[str, float]:
        family, size = DEFAULT_FONTS.get(lang, DEFAULT_FONTS["en"])
        return (
            str(self._store.value(f"reader/font_{lang}", family)),
            _float(self._store.value(f"reader/size_{lang}", size), size),
        )

    def set_font(self, lang: str, family: str, size: float) -> None:
        self._store.setValue(f"reader/font_{lang}", family)
        self._store.setValue(f"reader/size_{lang}", float(size))

    @property
    def line_spacing(self) -> float:
        return min(2.5, max(1.0, _float(self._store.value("reader/line_spacing", 1.3), 1.3)))

    @line_spacing.setter
    def line_spacing(self, value: float) -> None:
        self._store.setValue("reader/line_spacing", float(value))

    @property
    def zoom(self) -> float:
        """Text size as a multiple of the fonts' sizes (Ctrl+= / Ctrl+- / Ctrl+0)."""
        low, high = ZOOM_RANGE
        return min(high, max(low, _float(self._store.value("reader/zoom", 1.0), 1.0)))

    @zoom.setter
    def zoom(self, value: float) -> None:
        low, high = ZOOM_RANGE
        self._store.setValue("reader/zoom", round(min(high, max(low, float(value))), 3))

    @property
    def column_width(self) -> int:
        low, high = COLUMN_WIDTH_RANGE
        return min(high, max(low, _int(self._store.value("reader/column_width", DEFAULT_COLUMN_WIDTH), DEFAULT_COLUMN_WIDTH)))

    @column_width.setter
    def column_width(self, value: int) -> None:
        low, high = COLUMN_WIDTH_RANGE
        self._store.setValue("reader/column_width", min(high, max(low, int(value))))

    @property
    def margin(self) -> int:
        low, high = MARGIN_RANGE
        return min(high, max(low, _int(self._store.value("reader/margin", DEFAULT_MARGIN), DEFAULT_MARGIN)))

    @margin.setter
    def margin(self, value: int) -> None:
        low, high = MARGIN_RANGE
        self._store.setValue("reader/margin", min(high, max(low, int(value))))

    @property
    def layout(self) -> str:
        value = str(self._store.value("reader/layout", "side_by_side"))
        return value if value in LAYOUTS else "side_by_side"

    @layout.setter
    def layout(self, value: str) -> None:
        if value not in LAYOUTS:
            raise ValueError(f"Unknown reader layout {value!r}; expected one of {', '.join(LAYOUTS)}.")
        self._store.setValue("reader/layout", value)

    @property
    def swapped(self) -> bool:
        return str(self._store.value("reader/swapped", "false")).lower() == "true"

    @swapped.setter
    def swapped(self, value: bool) -> None:
        self._store.setValue("reader/swapped", "true" if value else "false")

    # --- appearance ------------------------------------------------------------------------
    @property
    def show_pages(self) -> bool:
        """Printed page numbers in the reader's margin."""
        return str(self._store.value("reader/show_pages", "true")).lower() in ("true", "1")

    @show_pages.setter
    def show_pages(self, value: bool) -> None:
        self._store.setValue("reader/show_pages", "true" if value else "false")

    @property
    def show_map(self) -> bool:
        """The translation map beside the reader's scroll bar."""
        return str(self._store.value("reader/show_map", "true")).lower() in ("true", "1")

    @show_map.setter
    def show_map(self, value: bool) -> None:
        self._store.setValue("reader/show_map", "true" if value else "false")

    @property
    def theme(self) -> str:
        value = str(self._store.value("ui/theme", "system"))
        return value if value in THEMES else "system"

    @theme.setter
    def theme(self, value: str) -> None:
        if value not in THEMES:
            raise ValueError(f"Unknown theme {value!r}; expected one of {', '.join(THEMES)}.")
        self._store.setValue("ui/theme", value)

    @property
    def ui_language(self) -> str:
        value = str(self._store.value("ui/language", "system"))
        return value if value in UI_LANGUAGES else "system"

    @ui_language.setter
    def ui_language(self, value: str) -> None:
        if value not in UI_LANGUAGES:
            raise ValueError(f"Unknown UI language {value!r}; expected one of {', '.join(UI_LANGUAGES)}.")
        self._store.setValue("ui/language", value)

    # --- citations ---------------------------------------------------------------------------
    @property
    def citation_style(self) -> str:
        """Chicago notes-bibliography or GOST R 7.0.5-2008, for copying and exporting."""
        value = str(self._store.value("cite/style", "chicago"))
        return value if value in CITATION_STYLES else "chicago"

    @citation_style.setter
    def citation_style(self, value: str) -> None:
        if value not in CITATION_STYLES:
            raise ValueError(f"Unknown citation style {value!r}; expected one of {', '.join(CITATION_STYLES)}.")
        self._store.setValue("cite/style", value)

    @property
    def romanisation(self) -> str:
        """Russian in Chicago citations: ALA-LC with diacritics (strict) or without (plain)."""
        value = str(self._store.value("cite/romanisation", "strict"))
        return value if value in ROMANISATIONS else "strict"

    @romanisation.setter
    def romanisation(self, value: str) -> None:
        if value not in ROMANISATIONS:
            raise ValueError(f"Unknown romanisation {value!r}; expected one of {', '.join(ROMANISATIONS)}.")
        self._store.setValue("cite/romanisation", value)

    # --- window state ------------------------------------------------------------------------
    def geometry(self) -> QByteArray | None:
        value = self._store.value("window/geometry")
        return value if isinstance(value, QByteArray) else None

    def set_geometry(self, value: QByteArray) -> None:
        self._store.setValue("window/geometry", value)

    def splitter(self) -> QByteArray | None:
        value = self._store.value("window/splitter")
        return value if isinstance(value, QByteArray) else None

    def set_splitter(self, value: QByteArray) -> None:
        self._store.setValue("window/splitter", value)

    # --- positions ---------------------------------------------------------------------------
    @property
    def last_text(self) -> int | None:
        value = self._store.value("reader/last_text")
        return _int(value, -1) if value not in (None, "") and _int(value, -1) >= 0 else None

    @last_text.setter
    def last_text(self, text_id: int | None) -> None:
        if text_id is None:
            self._store.remove("reader/last_text")
        else:
            self._store.setValue("reader/last_text", int(text_id))

    def position(self, text_id: int) -> ReadingPosition | None:
        value = self._store.value(f"positions/{text_id}")
        if not value:
            return None
        parts = str(value).split(",")
        if len(parts) not in (2, 3):
            return None
        return ReadingPosition(*(_int(p, 0) for p in parts))

    def set_position(self, text_id: int, position: ReadingPosition) -> None:
        self._store.setValue(f"positions/{text_id}", f"{position.top_row},{position.current_row},{position.row_count}")

    def forget_position(self, text_id: int) -> None:
        self._store.remove(f"positions/{text_id}")

    def all_positions(self) -> dict[int, ReadingPosition]:
        self._store.beginGroup("positions")
        try:
            keys = list(self._store.childKeys())
        finally:
            self._store.endGroup()
        out = {}
        for k in keys:
            if k.isdigit():
                p = self.position(int(k))
                if p is not None:
                    out[int(k)] = p
        return out
