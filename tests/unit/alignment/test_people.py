"""One display form per person (alignment.glossary.people)."""

from __future__ import annotations

from alignment.glossary.entries import Entry
from alignment.glossary.people import PeopleIndex, short_form
from alignment.text.readers.names import person

TROTSKY = Entry(id="trotsky", headword_en="Lev Davidovich Trotsky",
                variants_en=("Trotsky", "Leon Trotsky", "L. D. Trotsky"), forms_ru=("Троцкий", "Л. Д. Троцкий", "Л. Троцкий"),
                translit="Trotskii Lev Davidovich", category="person", definition="", dates="", biography="",
                related=(), source="", written_by_project=False)
SMIRNOV_I = Entry(id="smirnov-ivan", headword_en="Ivan Nikitich Smirnov", variants_en=("Smirnov",),
                  forms_ru=("Смирнов",), translit="", category="person", definition="", dates="", biography="",
                  related=(), source="", written_by_project=False)
SMIRNOV_V = Entry(id="smirnov-vladimir", headword_en="Vladimir Mikhailovich Smirnov", variants_en=("Smirnov",),
                  forms_ru=("Смирнов",), translit="", category="person", definition="", dates="", biography="",
                  related=(), source="", written_by_project=False)


def test_every_way_of_writing_a_known_person_gives_one_form() -> None:
    people = PeopleIndex([TROTSKY])
    forms = {"Lev Davidovich Trotsky", "Leon Trotsky", "L. D. Trotsky", "L.D. Trotsky", "Л. Троцкий",
             "Л. Д. Троцкий", "Trotsky, Lev Davidovich"}
    assert {people.display_field(f) for f in forms} == {"L. D. Trotsky"}
    assert {people.display_field(f, "ru") for f in forms} == {"Л. Д. Троцкий"}


def test_unknown_people_are_initials_and_surname_and_descriptions_stay() -> None:
    people = PeopleIndex([TROTSKY])
    assert people.display_field("Vadim Z. Rogovin") == people.display_field("V. Z. Rogovin") == "V. Z. Rogovin"
    assert people.display_field("Frederick S. Choate and Michal Reiman") == "F. S. Choate, M. Reiman"
    kept = "Sverka editors (working translation, 2026)"
    assert people.display_field(kept) == kept
    assert short_form(person("Jean-Paul Sartre")) == "J.-P. Sartre"


def test_a_name_two_people_share_identifies_neither() -> None:
    people = PeopleIndex([SMIRNOV_I, SMIRNOV_V])
    assert people.display_field("Smirnov") == "Smirnov"
    assert people.display_field("Ivan Nikitich Smirnov") == "I. N. Smirnov"
