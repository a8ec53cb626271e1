"""Names of authors and translators as the window shows them: one form per person.

``name_display(session, script)`` reads the glossary in force (bundled and the
user's person entries: ``alignment.glossary.people``) and every text's
bibliographic record.  A text's people come from its record when the record
names them (family and given names, nothing to guess), else from the
free-text field.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from alignment.glossary.people import PeopleIndex
from alignment.text.document import Person
from db.dto import TextInfo, WorkInfo
from db.models import LibraryText
from db.services.glossary import library_glossary


def _record_people(record: object, role: str) -> tuple[Person, ...]:
    names = record.get(role) if isinstance(record, dict) else None
    if not isinstance(names, list):
        return ()
    out = []
    for n in names:
        if isinstance(n, dict) and any(isinstance(n.get(k), str) and n.get(k) for k in ("family", "given", "literal")):
            out.append(Person(family=str(n.get("family", "")), given=str(n.get("given", "")),
                              literal=str(n.get("literal", ""))))
    return tuple(out)


@dataclass(frozen=True)
class NameDisplay:
    """How the window writes the people of the library's texts and works."""

    people: PeopleIndex
    records: dict[int, dict[str, tuple[Person, ...]]]
    script: str = "en"

    def name(self, value: str) -> str:
        """A free-text name field, person by person."""
        return self.people.display_field(value, self.script)

    def _role(self, info: TextInfo, role: str) -> str:
        recorded = self.records.get(info.id, {}).get(role, ())
        if recorded:
            return self.people.display_people(recorded, self.script)
        return self.name(info.author if role == "author" else info.translator)

    def author(self, info: TextInfo) -> str:
        return self._role(info, "author")

    def translator(self, info: TextInfo) -> str:
        return self._role(info, "translator")

    def work_author(self, work: WorkInfo) -> str:
        """The work's author, else the authors of its texts (one form each)."""
        if work.author.strip():
            return self.name(work.author)
        return ", ".join(dict.fromkeys(a for a in (self.author(t) for t in work.texts) if a))


def name_display(session: Session, script: str = "en") -> NameDisplay:
    records = {}
    for text_id, record in session.execute(select(LibraryText.id, LibraryText.record).where(LibraryText.record.is_not(None))):
        people = {role: _record_people(record, role) for role in ("author", "translator")}
        if any(people.values()):
            records[text_id] = people
    return NameDisplay(PeopleIndex(library_glossary(session).entries), records, script)


def plain_names(script: str = "en") -> NameDisplay:
    """Names as written, for a window without a library yet."""
    return NameDisplay(PeopleIndex(()), {}, script)
