"""Printed pages of paragraphs, more paragraph kinds, and a bibliographic record per text.

``paragraphs.page`` is the printed page label where a paragraph starts;
``paragraphs.page_breaks`` lists the page breaks inside it as
``[[offset, label], …]`` (offsets into the paragraph text), so every sentence
can be cited to its page.  ``texts.record`` is the structured bibliographic
record (``db.services.records``).  A note's paragraph has ``note_key`` (what the
calls of the text refer to: ``paragraphs.notes`` holds ``[offset, label, key]``)
and ``note_label`` (the label it is printed with); ``texts.page_labels`` says
whether the pages are printed labels ("printed") or only the file's page
numbers ("physical"), NULL for a text without pages.  ``beads.doubt`` says why the aligner is
unsure of a bead (a short code; NULL when it is sure).  Existing rows get NULL: they have no pages
and keep their free-text provenance fields.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04 16:40:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None

OLD_KINDS = "kind IN ('heading', 'body', 'note')"
NEW_KINDS = "kind IN ('heading', 'body', 'note', 'quote', 'epigraph', 'verse', 'table')"


def upgrade() -> None:
    with op.batch_alter_table('paragraphs', schema=None) as batch_op:
        batch_op.add_column(sa.Column('page', sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column('page_breaks', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('note_key', sa.String(length=64), nullable=True))
        batch_op.add_column(sa.Column('note_label', sa.String(length=32), nullable=True))
        batch_op.drop_constraint(op.f('ck_paragraphs_kind'), type_='check')
        batch_op.create_check_constraint('kind', NEW_KINDS)
    with op.batch_alter_table('texts', schema=None) as batch_op:
        batch_op.add_column(sa.Column('record', sa.JSON(), nullable=True))
        batch_op.add_column(sa.Column('page_labels', sa.String(length=16), nullable=True))
    with op.batch_alter_table('beads', schema=None) as batch_op:
        batch_op.add_column(sa.Column('doubt', sa.String(length=64), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table('beads', schema=None) as batch_op:
        batch_op.drop_column('doubt')
    with op.batch_alter_table('texts', schema=None) as batch_op:
        batch_op.drop_column('page_labels')
        batch_op.drop_column('record')
    with op.batch_alter_table('paragraphs', schema=None) as batch_op:
        batch_op.drop_constraint(op.f('ck_paragraphs_kind'), type_='check')
        batch_op.create_check_constraint('kind', OLD_KINDS)
        batch_op.drop_column('note_label')
        batch_op.drop_column('note_key')
        batch_op.drop_column('page_breaks')
        batch_op.drop_column('page')
