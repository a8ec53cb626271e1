"""Meaning vectors of a text's sentences, stored for locating quotations.

Existing texts get theirs the first time a quotation is searched in them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-22 10:00:00
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('text_vectors',
    sa.Column('text_id', sa.Integer(), nullable=False),
    sa.Column('model', sa.String(length=200), nullable=False),
    sa.Column('signature', sa.String(length=64), nullable=False),
    sa.Column('count', sa.Integer(), nullable=False),
    sa.Column('dim', sa.Integer(), nullable=False),
    sa.Column('vectors', sa.LargeBinary(), nullable=False),
    sa.ForeignKeyConstraint(['text_id'], ['texts.id'], name=op.f('fk_text_vectors_text_id_texts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('text_id', name=op.f('pk_text_vectors'))
    )


def downgrade() -> None:
    op.drop_table('text_vectors')
