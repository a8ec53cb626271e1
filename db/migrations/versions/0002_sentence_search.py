"""Full-text search over sentences (SQLite FTS5 on word stems).

The index holds the Snowball stems of each sentence (rowid = sentences.id) so
that inflected Russian and English forms find each other.  Existing sentences
are indexed here; a trigger removes index rows with their sentence.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from alignment.language.stemming import index_text

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

_BATCH = 2000


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE sentence_search USING fts5(stems, tokenize = 'unicode61 remove_diacritics 2')"
    )
    op.execute(
        "CREATE TRIGGER sentence_search_delete AFTER DELETE ON sentences BEGIN "
        "DELETE FROM sentence_search WHERE rowid = old.id; END"
    )
    conn = op.get_bind()
    rows = conn.execute(sa.text("SELECT id, text FROM sentences ORDER BY id")).fetchall()
    for i in range(0, len(rows), _BATCH):
        batch = [{"id": r[0], "stems": index_text(r[1])} for r in rows[i : i + _BATCH]]
        conn.execute(sa.text("INSERT INTO sentence_search (rowid, stems) VALUES (:id, :stems)"), batch)


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS sentence_search_delete")
    op.execute("DROP TABLE IF EXISTS sentence_search")
