"""Rebuild ``resources/glossary/glossary.json`` from the bundled texts.

Owns the parsing of the glossary and the "Selected Biographical Notes" at
the end of Rogovin's *Bolsheviks Against Stalinism* and the merging of those
entries with the hand-kept editors' entries and Russian name spellings
(``editors_entries.json``, ``ru_names.json`` beside the output).

Run ``python -m alignment.glossary.build`` from the repository root; the
output is deterministic (same input, same bytes).
"""

from __future__ import annotations

import json
import logging
import re
import sys
from pathlib import Path

from alignment.glossary.entries import Entry, slugify, transliterate

logger = logging.getLogger(__name__)

ROGOVIN_FILE = "rogovin-bolsheviks-against-stalinism.en.md"
SOURCE_GLOSSARY = "Rogovin 2019, Glossary"
SOURCE_BIOGRAPHIES = "Rogovin 2019, Biographical Notes"
SOURCE_CONGRESSES = "Rogovin 2019, Dates of Party Congresses"
SOURCE_EDITORS = "Sverka editors"

_GLOSSARY_HEADING = "# Glossary of Abbreviations and Terms"
_CONGRESS_HEADING = "# Dates of Party Congresses"
_BIO_HEADING = "# Selected Biographical Notes"

_CYRILLIC = re.compile(r"[А-Яа-яЁё]")
# "**kolkhoz [(колхоз) коллективное хозяйство]:** collective farm."
_GLOSSARY_LINE = re.compile(r"^\*\*(?P<head>.+?)\s*\*\*\s*:?\s*(?P<body>.*)$")
# "RIUTIN, Martemian Nikitich (1 [13] February 1890–10 January 1937). Born..."
_BIO_START = re.compile(
    r"^(?:-\s+)?(?P<surname>[A-Z][A-Z'\-]+(?:\s[A-Z][A-Z'\-]+)*)"
    r"(?:\s*\[(?P<alias>[^\]]+)\])?,\s*(?P<given>[^(]+?)\s*"
    r"\((?P<dates>[^)]*)\)\.?\s*(?P<body>.*)$"
)


class GlossaryBuildError(Exception):
    """The bundled text or a hand-kept file does not have the expected shape."""

    def __init__(self, path: Path, problem: str) -> None:
        super().__init__(f"{path}: {problem}. Check the file against the build script's expectations.")
        self.path = path
        self.problem = problem


def _section(text: str, heading: str, next_heading: str | None, path: Path) -> list[str]:
    start = text.find(heading)
    if start < 0:
        raise GlossaryBuildError(path, f"section {heading!r} not found")
    end = text.find(next_heading, start) if next_heading else len(text)
    return text[start + len(heading):end if end > 0 else len(text)].splitlines()[1:]


def _clean_markup(text: str) -> str:
    text = re.sub(r"<sup>.*?</sup>", "", text)
    text = text.replace("**", "").replace("*", "")
    return re.sub(r"\s+", " ", text).strip()


def _split_head(head: str) -> tuple[list[str], list[str]]:
    """Split a glossary headword into English forms and Russian forms.

    ``kolkhoz [(колхоз) коллективное хозяйство]`` -> (["kolkhoz"],
    ["колхоз", "коллективное хозяйство"]).
    """
    head = head.strip().strip(":").strip()
    english: list[str] = []
    russian: list[str] = []
    for piece in re.split(r"[\[\]();.]|\s(?=\()", head):
        piece = piece.strip().strip(":,").strip()
        if not piece:
            continue
        if _CYRILLIC.search(piece):
            russian.append(piece)
        else:
            english.append(piece.strip("“”\""))
    return english, russian


def parse_glossary(lines: list[str]) -> list[dict]:
    """Entries of the "Glossary of Abbreviations and Terms" as raw dicts."""
    raw: list[dict] = []
    for line in lines:
        line = line.strip()
        if not line:
            continue
        match = _GLOSSARY_LINE.match(line)
        if match:
            english, russian = _split_head(match["head"])
            raw.append({"english": english, "russian": russian,
                        "definition": _clean_markup(match["body"].lstrip(": "))})
        elif raw:  # a page break split the definition
            raw[-1]["definition"] = f'{raw[-1]["definition"]} {_clean_markup(line)}'.strip()
    return raw


def _join_continuation(previous: str, line: str) -> str:
    # A page break inside a word or sentence: "...Supreme Council of National" + "Economy [VSNKh]"
    return f"{previous.rstrip()} {line.strip()}"


def parse_biographies(lines: list[str]) -> list[dict]:
    """People of the "Selected Biographical Notes" as raw dicts."""
    people: list[dict] = []
    for line in lines:
        line = line.strip()
        if not line or line.startswith("---") or line.startswith("<sup>"):
            if line.startswith("---"):
                break
            continue
        match = _BIO_START.match(line)
        if match:
            given = match["given"].strip().rstrip(",")
            aliases = re.findall(r"\[([^\]]+)\]", given)
            if match["alias"]:
                aliases.insert(0, match["alias"])
            given = re.sub(r"\s*\[[^\]]*\]\s*", " ", given).strip()
            people.append({
                "surname": match["surname"].title(),
                "given": given,
                "aliases": aliases,
                "dates": match["dates"].strip(),
                "biography": match["body"].strip(),
                "heading": f'{match["surname"]}, {given}',
            })
        elif people:
            people[-1]["biography"] = _join_continuation(people[-1]["biography"], line.lstrip("- "))
    return people


_ORDINALS = ("First", "Second", "Third", "Fourth", "Fifth", "Sixth", "Seventh", "Eighth",
             "Ninth", "Tenth", "Eleventh", "Twelfth", "Thirteenth", "Fourteenth", "Fifteenth",
             "Sixteenth", "Seventeenth", "Eighteenth", "Nineteenth", "Twentieth",
             "Twenty-First", "Twenty-Second")
_ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
          "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI", "XXII")


def parse_congresses(lines: list[str]) -> list[dict]:
    """Party congresses, conferences and Comintern congresses, with their dates."""
    raw: list[dict] = []
    kind = ""
    for line in lines:
        line = line.strip()
        if line.startswith("## "):
            kind = {"Party Congresses": "congress", "Party Conferences": "conference"}.get(
                line[3:].strip(), "comintern")
            continue
        match = re.match(r"^(?P<ordinal>[A-Z][a-z]+(?:-[A-Z][a-z]+)?) (?P<what>Congress|Conference)"
                         r"(?P<rest>[^:]*):\s*(?P<dates>.+)$", line)
        if not match or match["ordinal"] not in _ORDINALS:
            continue
        number = _ORDINALS.index(match["ordinal"])
        raw.append({"kind": kind, "ordinal": match["ordinal"], "roman": _ROMAN[number],
                    "rest": _clean_markup(match["rest"]), "dates": match["dates"].strip(),
                    "title": _clean_markup(f'{match["ordinal"]} {match["what"]}{match["rest"]}')})
    return raw


def _congress_entry(item: dict) -> Entry:
    ordinal, roman, kind = item["ordinal"], item["roman"], item["kind"]
    if kind == "congress":
        head = f"{ordinal} Party Congress"
        variants = [f"{ordinal} Congress", f"{roman} Party Congress", f"{roman} Congress"]
        russian = [f"{roman} съезд", f"{roman} съезд партии"]
        definition = f"The {item['title']}, held {item['dates']}."
    elif kind == "conference":
        head = f"{ordinal} Party Conference"
        variants = [f"{ordinal} Conference", f"{roman} Party Conference"]
        russian = [f"{roman} конференция", f"{roman} партконференция", f"{roman} партийная конференция"]
        definition = f"The {item['title']}, held {item['dates']}."
    else:
        head = f"{ordinal} Congress of the Comintern"
        variants = [f"{ordinal} Comintern Congress", f"{ordinal} World Congress",
                    f"{ordinal} Congress of the Communist International"]
        russian = [f"{roman} конгресс Коминтерна"]
        definition = f"The {ordinal} Congress of the Communist International (Comintern), held {item['dates']}."
    related = ["comintern"] if kind == "comintern" else ["vkp-b"]
    return Entry(
        id=slugify(head), headword_en=head, variants_en=tuple(variants), forms_ru=tuple(russian),
        translit=transliterate(russian[0]), category="event", definition=definition, dates=item["dates"], biography="",
        related=tuple(related), source=SOURCE_CONGRESSES, written_by_project=False,
    )


def _glossary_entries(raw: list[dict], overrides: dict[str, dict]) -> list[Entry]:
    entries: dict[str, dict] = {}
    merges: list[tuple[str, dict]] = []
    for item in raw:
        english, russian = item["english"], item["russian"]
        base_id = slugify(english[0] if english else russian[0])
        override = overrides.get(base_id, {})
        if "merge_into" in override:
            merges.append((override["merge_into"], override))
            continue
        head = override.get("headword_en", english[0] if english else russian[0])
        variants = [v for v in english[1:] if len(v) > 1] + override.get("variants_en", [])
        forms = override.get("forms_ru", [])
        if not override.get("replace_forms"):
            forms = forms + [r for r in russian if len(r) > 1]
        entries[base_id] = {
            "id": override.get("id", base_id), "headword_en": head,
            "variants_en": variants, "forms_ru": forms,
            "category": override.get("category", "other"), "definition": item["definition"],
            "related": override.get("related", []), "unmarked_forms": override.get("unmarked_forms", []),
        }
    for target, override in merges:
        entry = next(e for e in entries.values() if e["id"] == target)
        entry["variants_en"] += override.get("variants_en", [])
        entry["forms_ru"] += override.get("forms_ru", [])
    return [_entry_from_dict(data, SOURCE_GLOSSARY) for data in entries.values()]


def _unique(items: list[str], exclude: str = "") -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for item in items:
        if item and item != exclude:
            seen.setdefault(item, None)
    return tuple(seen)


def _entry_from_dict(data: dict, source: str) -> Entry:
    forms_ru = _unique(list(data.get("forms_ru", [])))
    return Entry(
        id=data["id"], headword_en=data["headword_en"],
        variants_en=_unique(list(data.get("variants_en", [])), exclude=data["headword_en"]),
        forms_ru=forms_ru,
        translit=data.get("translit") or (transliterate(forms_ru[0]) if forms_ru else ""),
        category=data["category"], definition=data.get("definition", ""),
        dates=data.get("dates", ""), biography=data.get("biography", ""),
        related=tuple(data.get("related", [])), source=source,
        written_by_project=source == SOURCE_EDITORS,
        unmarked_forms=tuple(data.get("unmarked_forms", [])),
    )


def _initials(names: str, sep: str = " ") -> str:
    return sep.join(f"{name[0]}." for name in names.split() if name)


def _person_entries(people: list[dict], ru_names: dict[str, dict], path: Path) -> list[Entry]:
    surname_count: dict[str, int] = {}
    for person in people:
        surname_count[person["surname"]] = surname_count.get(person["surname"], 0) + 1
    entries = []
    for person in people:
        surname, given = person["surname"], person["given"]
        names = ru_names.get(person["heading"])
        if names is None:
            raise GlossaryBuildError(path, f"no Russian spelling for {person['heading']!r}")
        ambiguous = surname_count[surname] > 1
        ru_parts = names["ru"].split()
        ru_surname, ru_given = ru_parts[0], " ".join(ru_parts[1:])
        first_name = given.split()[0]
        english = [f"{given} {surname}", f"{first_name} {surname}", f"{_initials(given)} {surname}"]
        russian = [f"{ru_given} {ru_surname}".strip(), f"{_initials(ru_given)} {ru_surname}".strip()]
        if len(ru_given.split()) > 1:
            russian.insert(1, f"{ru_given.split()[0]} {ru_surname}")
        if not ambiguous:  # a bare "Smirnov" could be any of three people
            english.insert(0, surname)
            russian.insert(0, ru_surname)
            russian += names.get("ru_extra", [])
        english += names.get("en_extra", [])
        person_id = slugify(f"{surname} {first_name}" if ambiguous else surname)
        dates = re.sub(r"(\d)\s*:\s*(\d)", r"\1–\2", person["dates"])  # the book's "1904: 1941"
        bio = _clean_markup(person["biography"])
        entries.append(_entry_from_dict({
            "id": person_id, "headword_en": f"{given} {surname}",
            "variants_en": english, "forms_ru": russian,
            "translit": transliterate(names["ru"]), "category": "person",
            "definition": bio.split(". ")[0].rstrip(".") + ".", "dates": dates,
            "biography": bio, "related": [],
        }, SOURCE_BIOGRAPHIES))
    return entries


def build(texts_dir: Path, glossary_dir: Path) -> list[Entry]:
    """All entries, in a stable order: the book's glossary, congresses, people, then the editors'."""
    book_path = texts_dir / ROGOVIN_FILE
    text = book_path.read_text(encoding="utf-8")
    editors_path = glossary_dir / "editors_entries.json"
    names_path = glossary_dir / "ru_names.json"
    editors = json.loads(editors_path.read_text(encoding="utf-8"))
    ru_names = json.loads(names_path.read_text(encoding="utf-8"))
    entries = _glossary_entries(
        parse_glossary(_section(text, _GLOSSARY_HEADING, _CONGRESS_HEADING, book_path)),
        editors.get("book_glossary", {}))
    entries += [_congress_entry(item) for item in
                parse_congresses(_section(text, _CONGRESS_HEADING, _BIO_HEADING, book_path))]
    entries += _person_entries(parse_biographies(_section(text, _BIO_HEADING, None, book_path)),
                               ru_names, names_path)
    entries += [_entry_from_dict(data, SOURCE_EDITORS) for data in editors["entries"]]
    ids = [entry.id for entry in entries]
    duplicates = sorted({i for i in ids if ids.count(i) > 1})
    if duplicates:
        raise GlossaryBuildError(editors_path, f"duplicate entry ids {duplicates}")
    known = set(ids)
    checked = []
    for entry in entries:
        unknown = [r for r in entry.related if r not in known]
        if unknown:
            logger.warning("entry %s: unknown related ids %s dropped", entry.id, unknown)
        checked.append(Entry(**{**entry.to_json(), "related": tuple(r for r in entry.related if r in known),
                                "variants_en": entry.variants_en, "forms_ru": entry.forms_ru,
                                "unmarked_forms": entry.unmarked_forms}))
    return checked


def write(entries: list[Entry], path: Path) -> None:
    data = {"version": 1,
            "generated_by": "python -m alignment.glossary.build",
            "entries": [entry.to_json() for entry in entries]}
    path.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    from resources import glossary_dir, library_dir

    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    entries = build(library_dir() / "texts", glossary_dir())
    out = glossary_dir() / "glossary.json"
    write(entries, out)
    counts: dict[str, int] = {}
    for entry in entries:
        counts[entry.source] = counts.get(entry.source, 0) + 1
    print(f"wrote {len(entries)} entries to {out}: " + ", ".join(f"{k}: {v}" for k, v in counts.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
