"""One display form per person, whichever way a file, a manifest or a record names them.

The same man is "Lev Davidovich Trotsky" in one text's metadata, "Leon Trotsky"
in another's, "L. D. Trotsky" on a work and "Л. Троцкий" in a Russian file.
The glossary's person entries already list those forms of one person, so a
name is looked up there first and shown in the form made from its entry:
initials and surname, "L. D. Trotsky" (or "Л. Д. Троцкий" in a Russian
interface).  Initials and surname because it is short enough for the library's
columns and the reader's header, it is how the field cites people and how the
bundled manifest names its works' authors, and it does not choose between
transliterations of a given name (Lev or Leon).  A name the glossary does not
know is shown the same way from its own words ("Vadim Z. Rogovin" →
"V. Z. Rogovin"), so a person written consistently always looks the same; a
user who wants another form adds a person entry of their own.  What is not a
personal name ("Sverka editors (working translation, 2026)") is left as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from alignment.glossary.entries import Entry
from alignment.text.document import Person
from alignment.text.readers.names import person, split_people

_INITIALS_FORM = re.compile(r"^(?:\w\.\s?)+[\w-]+$")
_NAME_WORD = re.compile(r"^(?:[^\W\d_]\.|[^\W\d_][^\W\d_'’-]*(?:[-'’][^\W\d_]+)*)$")
_PARTICLES = {"von", "van", "de", "der", "da", "di", "du", "la", "le"}


def _key(name: str) -> str:
    """"L. D. Trotsky", "L.D. Trotsky" and "l d trotsky" are one key."""
    return re.sub(r"[\s.]+", "", name.casefold().replace("ё", "е"))


def _initials(given: str) -> str:
    parts = []
    for word in given.split():
        if word.lower() in _PARTICLES:
            parts.append(word)
        else:
            # "Jean-Paul" → "J.-P.", "Z." stays "Z."
            parts.append("-".join(piece[0] + "." for piece in word.split("-") if piece))
    return " ".join(parts)


def _looks_like_a_name(p: Person) -> bool:
    words = f"{p.given} {p.family}".split()
    return (not p.literal and 0 < len(words) <= 5 and all(_NAME_WORD.match(w) for w in words)
            and p.family[:1].isupper())


def short_form(p: Person) -> str:
    """"V. Z. Rogovin" from ("Rogovin", "Vadim Z."); a literal or odd name as it is."""
    if not _looks_like_a_name(p):
        return p.literal or " ".join(x for x in (p.given, p.family) if x)
    return f"{_initials(p.given)} {p.family}".strip()


class PeopleIndex:
    """The glossary's people by every form of their names, and the one form each is shown in."""

    def __init__(self, entries: Iterable[Entry]) -> None:
        found: dict[str, Entry | None] = {}
        for entry in entries:
            if entry.category != "person":
                continue
            for form in (entry.headword_en, *entry.variants_en, *entry.forms_ru):
                key = _key(form)
                if key:
                    # a form two people share ("Smirnov") identifies neither
                    found[key] = entry if found.get(key, entry) is entry else None
        self._by_form = {k: e for k, e in found.items() if e is not None}

    def entry_for(self, p: Person) -> Entry | None:
        for form in (f"{p.given} {p.family}", f"{p.family} {p.given}", p.literal):
            entry = self._by_form.get(_key(form))
            if entry is not None:
                return entry
        return None

    def display(self, p: Person, script: str = "en") -> str:
        """The person's one display form (``script``: "ru" prefers the Cyrillic form)."""
        entry = self.entry_for(p)
        if entry is None:
            return short_form(p)
        if script == "ru":
            ru = self._russian_form(entry)
            if ru:
                return ru
        return short_form(person(entry.headword_en))

    @staticmethod
    def _russian_form(entry: Entry) -> str:
        initials = [f for f in entry.forms_ru if _INITIALS_FORM.match(f) and "." in f]
        if initials:
            return max(initials, key=len)  # "Л. Д. Троцкий" over "Л. Троцкий"
        full = [f for f in entry.forms_ru if len(f.split()) == 3]
        if full:
            given_patronymic_family = full[0].split()
            return short_form(Person(family=given_patronymic_family[-1], given=" ".join(given_patronymic_family[:-1])))
        return ""

    def display_field(self, value: str, script: str = "en") -> str:
        """A free-text name field ("A and B", "Фамилия, Имя") shown person by person."""
        if not value.strip():
            return ""
        if "(" in value or any(ch.isdigit() for ch in value):
            return value.strip()  # a description, not a list of names
        return ", ".join(dict.fromkeys(self.display(p, script) for p in split_people(value)))

    def display_people(self, people: Iterable[Person], script: str = "en") -> str:
        return ", ".join(dict.fromkeys(self.display(p, script) for p in people))


__all__ = ["PeopleIndex", "short_form"]
