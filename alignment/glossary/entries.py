"""The glossary: entries explaining terms and people, and looking them up.

Owns the ``Entry`` data type, loading ``glossary.json`` and resolving a
term typed by a user (either language, any inflected form) to its entry.
Finding terms in running text is ``alignment.glossary.terms``; building the JSON
from the bundled texts is ``alignment.glossary.build``.

Glossary text is plain text: nothing in it is markup, and callers must show
it as text (for example ``QLabel.setTextFormat(Qt.PlainText)``).
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, fields
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from alignment.glossary.terms import TermMatcher

CATEGORIES = (
    "institution", "territorial unit", "economic term", "political term",
    "political group", "slogan", "publication", "event", "person", "other",
)
EDITORS_SOURCE = "Sverka editors"

_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh",
    "з": "z", "и": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu",
    "я": "ia",
}


class GlossaryError(Exception):
    """The bundled glossary file is missing or malformed."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(self.message(path, problem))
        self.path = path
        self.problem = problem

    @staticmethod
    def message(path: Path, problem: str) -> str:
        return f"Cannot load the glossary {path}: {problem}. Rebuild it with `python -m alignment.glossary.build`."


class GlossaryFileError(GlossaryError):
    """A glossary file the user chose to import is unreadable or malformed."""

    @staticmethod
    def message(path: Path, problem: str) -> str:
        return (
            f"The glossary file “{path.name}” cannot be imported: {problem}. Nothing was imported. "
            "Sverka reads glossary files as `sverka glossary export` writes them: JSON with a list of "
            "entries, or CSV with a headword_en column (lists separated by “;”)."
        )


@dataclass(frozen=True, slots=True)
class Entry:
    """One glossary entry.

    ``variants_en`` and ``forms_ru`` are the forms marked in text (plus the
    headword); ``unmarked_forms`` are shown and resolvable but never marked
    in running text, because they are usually ordinary words (область is
    more often "field" than "oblast").
    """

    id: str
    headword_en: str
    variants_en: tuple[str, ...]
    forms_ru: tuple[str, ...]
    translit: str
    category: str
    definition: str
    dates: str
    biography: str
    related: tuple[str, ...]
    source: str
    written_by_project: bool
    unmarked_forms: tuple[str, ...] = ()

    def to_json(self) -> dict[str, Any]:
        return {f.name: list(v) if isinstance(v := getattr(self, f.name), tuple) else v
                for f in fields(self)}

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Entry:
        values = {}
        for f in fields(cls):
            if f.name not in data:
                if f.name == "unmarked_forms":
                    continue
                raise KeyError(f.name)
            value = data[f.name]
            values[f.name] = tuple(value) if isinstance(value, list) else value
        return cls(**values)


def slugify(text: str) -> str:
    """A stable ASCII id from a headword: "Left Opposition" -> "left-opposition"."""
    text = transliterate(text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def transliterate(text: str) -> str:
    """Library-of-Congress-style transliteration without diacritics (колхоз -> kolkhoz)."""
    out = []
    for char in text:
        latin = _TRANSLIT.get(char.lower())
        if latin is None:
            out.append(char)
        elif char.isupper():
            out.append(latin.upper() if len(text) > 1 and text.isupper() else latin.capitalize())
        else:
            out.append(latin)
    return "".join(out)


class Glossary:
    """All entries, by id, with lookup of typed terms."""

    def __init__(self, entries: tuple[Entry, ...]) -> None:
        self.entries = entries
        self._by_id = {entry.id: entry for entry in entries}
        if len(self._by_id) != len(entries):
            raise ValueError("duplicate entry ids in glossary")

    @classmethod
    def load(cls, path: Path) -> Glossary:
        try:
            data = json.loads(Path(path).read_text(encoding="utf-8"))
            entries = tuple(Entry.from_json(item) for item in data["entries"])
        except FileNotFoundError:
            raise GlossaryError(path, "the file does not exist") from None
        except (json.JSONDecodeError, KeyError, TypeError) as error:
            raise GlossaryError(path, f"unexpected content ({error!r})") from None
        return cls(entries)

    def __len__(self) -> int:
        return len(self.entries)

    def get(self, entry_id: str) -> Entry | None:
        return self._by_id.get(entry_id)

    def __getitem__(self, entry_id: str) -> Entry:
        return self._by_id[entry_id]

    @cached_property
    def matcher(self) -> TermMatcher:
        from alignment.glossary.terms import TermMatcher

        return TermMatcher(self.entries)

    def resolve(self, term: str) -> Entry | None:
        """The entry a typed term names, in either language and any inflected form.

        "колхозами", "kolkhozy", "Bukharin's", "Бухариным", "CC" and an entry id
        all resolve; a term that is only part of a longer text does not.
        """
        term = " ".join(term.split()).strip(" \"'«»“”.,;:!?")
        if not term:
            return None
        if term in self._by_id:
            return self._by_id[term]
        lang = "ru" if re.search(r"[А-Яа-яЁё]", term) else "en"
        for ignore_case in (False, True):
            hits = self.matcher.find(term, lang, ignore_case=ignore_case, include_unmarked=True)
            if len(hits) == 1 and hits[0].start == 0 and hits[0].end == len(term):
                return self._by_id[hits[0].entry_id]
        folded = term.casefold()
        for entry in self.entries:
            if folded == entry.headword_en.casefold():
                return entry
        return None
