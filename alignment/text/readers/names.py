"""Personal names as files write them ("Вадим Роговин", "Rogovin, Vadim Z.", "A and B")
split into bibliographic parts (family, given)."""

from __future__ import annotations

import re

from alignment.text.document import Person

_SEPARATORS = re.compile(r"\s*(?:;|\s&\s|\sand\s|\sи\s)\s*")
_PARTICLES = {"von", "van", "de", "der", "da", "di", "du", "la", "le"}


def person(name: str, *, file_as: str = "") -> Person:
    """One name; ``file_as`` ("Роговин, Вадим") says where the family name is when known."""
    name = re.sub(r"\s+", " ", name).strip()
    sort = re.sub(r"\s+", " ", file_as).strip()
    if "," in sort:
        family, given = (p.strip() for p in sort.split(",", 1))
        return Person(family=family, given=given)
    if "," in name:
        family, given = (p.strip() for p in name.split(",", 1))
        return Person(family=family, given=given)
    parts = name.split(" ")
    if len(parts) == 1:
        return Person(family=parts[0]) if parts[0] else Person()
    # "Л. Д. Троцкий", "Vadim Z. Rogovin": the last word is the family name
    i = len(parts) - 1
    while i > 1 and parts[i - 1].lower() in _PARTICLES:
        i -= 1
    return Person(family=" ".join(parts[i:]), given=" ".join(parts[:i]))


def split_people(value: str) -> tuple[Person, ...]:
    """Several names in one field ("A; B", "A and B", "Фамилия, Имя")."""
    value = value.strip()
    if not value:
        return ()
    pieces = [p for p in _SEPARATORS.split(value) if p.strip()]
    if len(pieces) == 1 and value.count(",") >= 2:
        # "Smith, John, Brown, Anne" cannot be told from "Smith, John Jr., …": keep the first pair
        pieces = [", ".join(value.split(",")[:2])]
    return tuple(person(p) for p in pieces)


def display(p: Person) -> str:
    """"Вадим Роговин": the name as a free-text author field shows it."""
    return p.literal or " ".join(x for x in (p.given, p.family) if x)
