"""Deleting a text so that it can be brought back (undo of delete).

``delete_text_undoably`` copies every row that deleting a text removes — the
text, its paragraphs, sentences, alignments, beads, and any other row that
refers to them by foreign key (bookmarks, whatever later migrations add) —
into a ``DeletedText`` snapshot, then deletes the text.  ``restore_deleted``
inserts those rows again with their own ids (so bead ids, saved reading
positions and bookmarks stay valid) and re-indexes the sentences for search.
The schema is not changed: tables and foreign keys are read from the database
itself, so the snapshot follows whatever the migrations created.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from sqlalchemy import MetaData, Table, select, text
from sqlalchemy.orm import Session

from alignment.language.stemming import index_text
from db.dto import Changes
from db.errors import TextNotFoundError
from db.models import LibraryText
from db.services.library import delete_text

log = logging.getLogger(__name__)

_SKIPPED_PREFIXES = ("sentence_search", "alembic_", "sqlite_")


class TextAlreadyRestoredError(RuntimeError):
    """The deleted text is back already (its id is in use)."""

    def __init__(self, text_id: int) -> None:
        super().__init__(f"Text {text_id} is already in the library; there is nothing to restore.")
        self.text_id = text_id


@dataclass(frozen=True, slots=True)
class DeletedText:
    """Rows removed with a text, table by table in insertion order (parents first)."""

    text_id: int
    title: str
    tables: tuple[tuple[str, tuple[dict[str, Any], ...]], ...]
    nulled: tuple[tuple[str, tuple[tuple[str, Any], ...], str, Any], ...] = ()
    """Rows that survive the delete with a reference set to NULL: (table, primary key, column, old value)."""

    def count(self, table: str) -> int:
        return sum(len(rows) for name, rows in self.tables if name == table)


def _reflect(session: Session) -> MetaData:
    meta = MetaData()
    conn = session.connection()
    names = [
        n
        for n in conn.dialect.get_table_names(conn)
        if not n.startswith(_SKIPPED_PREFIXES)
    ]
    meta.reflect(bind=conn, only=names)
    return meta


def _dependents(meta: MetaData, table: Table) -> list[tuple[Table, str, str, str]]:
    """(child table, child column, parent column, ON DELETE action) for every foreign key to ``table``."""
    out = []
    for child in meta.sorted_tables:
        for fk in child.foreign_keys:
            if fk.column.table.name == table.name:
                out.append((child, fk.parent.name, fk.column.name, (fk.ondelete or "").upper()))
    return out


def snapshot_text(session: Session, text_id: int) -> DeletedText:
    """Every row that deleting ``text_id`` would remove (the work too, if the text is its last)."""
    t = session.get(LibraryText, text_id)
    if t is None:
        raise TextNotFoundError(text_id)
    meta = _reflect(session)
    collected: dict[str, dict[Any, dict[str, Any]]] = {}

    def add(table: Table, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
        bucket = collected.setdefault(table.name, {})
        pk = [c.name for c in table.primary_key.columns]
        fresh = []
        for row in rows:
            key = tuple(row[c] for c in pk) if pk else tuple(row.items())
            if key not in bucket:
                bucket[key] = row
                fresh.append(row)
        return fresh

    nulled: list[tuple[str, tuple[tuple[str, Any], ...], str, Any]] = []

    def walk(table: Table, rows: list[dict[str, Any]]) -> None:
        for child, column, parent_column, action in _dependents(meta, table):
            values = {r[parent_column] for r in rows if r.get(parent_column) is not None}
            if not values or action not in ("CASCADE", "SET NULL"):
                continue
            found = [dict(r._mapping) for r in session.execute(select(child).where(child.c[column].in_(values)))]
            if action == "SET NULL":
                pk = [c.name for c in child.primary_key.columns]
                nulled.extend((child.name, tuple((c, r[c]) for c in pk), column, r[column]) for r in found)
                continue
            fresh = add(child, found)
            if fresh:
                walk(child, fresh)

    texts = meta.tables["texts"]
    root = [dict(r._mapping) for r in session.execute(select(texts).where(texts.c.id == text_id))]
    add(texts, root)
    walk(texts, root)
    others = session.scalar(text("SELECT count(*) FROM texts WHERE work_id = :w AND id != :t"), {"w": t.work_id, "t": text_id})
    if not others:
        works = meta.tables["works"]
        add(works, [dict(r._mapping) for r in session.execute(select(works).where(works.c.id == t.work_id))])
    ordered = tuple(
        (table.name, tuple(collected[table.name].values())) for table in meta.sorted_tables if collected.get(table.name)
    )
    deleted_tables = {name for name, _rows in ordered}
    kept_nulls = tuple(n for n in nulled if n[0] not in deleted_tables or n[1] not in _keys(collected, meta, n[0]))
    return DeletedText(text_id=text_id, title=t.title, tables=ordered, nulled=kept_nulls)


def _keys(collected: dict[str, dict[Any, dict[str, Any]]], meta: MetaData, table: str) -> set[tuple[tuple[str, Any], ...]]:
    pk = [c.name for c in meta.tables[table].primary_key.columns]
    return {tuple((c, row[c]) for c in pk) for row in collected.get(table, {}).values()}


def delete_text_undoably(session: Session, text_id: int) -> tuple[DeletedText, Changes]:
    """Delete a text like ``library.delete_text`` and return what ``restore_deleted`` needs."""
    snapshot = snapshot_text(session, text_id)
    changes = delete_text(session, text_id)
    log.info("deleted text %d (%s) with an undo snapshot", text_id, snapshot.title)
    return snapshot, changes


def restore_deleted(session: Session, snapshot: DeletedText) -> Changes:
    """Put back every row of ``snapshot`` with its original ids and re-index its sentences."""
    if session.get(LibraryText, snapshot.text_id) is not None:
        raise TextAlreadyRestoredError(snapshot.text_id)
    meta = _reflect(session)
    works: set[int] = set()
    alignments: set[int] = set()
    texts: set[int] = set()
    for name, rows in snapshot.tables:
        table = meta.tables[name]
        columns = set(table.c.keys())
        if name == "works":
            existing = set(session.scalars(select(table.c.id).where(table.c.id.in_([r["id"] for r in rows]))))
            rows = tuple(r for r in rows if r["id"] not in existing)
        if rows:
            session.execute(table.insert(), [{k: v for k, v in r.items() if k in columns} for r in rows])
        if name == "sentences" and rows:
            session.execute(
                text("INSERT INTO sentence_search (rowid, stems) VALUES (:id, :stems)"),
                [{"id": r["id"], "stems": index_text(r["text"])} for r in rows],
            )
        if name == "texts":
            texts.update(r["id"] for r in rows)
            works.update(r["work_id"] for r in rows)
        if name == "alignments":
            alignments.update(r["id"] for r in rows)
    for name, key, column, value in snapshot.nulled:
        table = meta.tables[name]
        condition = [table.c[c] == v for c, v in key]
        session.execute(table.update().where(*condition).values({column: value}))
    log.info("restored text %d (%s)", snapshot.text_id, snapshot.title)
    return Changes(texts=frozenset(texts), works=frozenset(works), alignments=frozenset(alignments))
