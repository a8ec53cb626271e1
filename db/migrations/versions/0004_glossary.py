"""Glossary: the user's own entries, and term occurrences indexed at import.

Existing texts are indexed by the application after the upgrade (see
db.services.glossary.reindex_terms), not here: it needs the glossary matcher.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-22 05:42:21.038194
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('glossary_user_entries',
    sa.Column('id', sa.String(length=120), nullable=False),
    sa.Column('data', sa.JSON(), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_glossary_user_entries'))
    )
    op.create_table('term_occurrences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text_id', sa.Integer(), nullable=False),
    sa.Column('sentence_id', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('entry_id', sa.String(length=120), nullable=False),
    sa.ForeignKeyConstraint(['sentence_id'], ['sentences.id'], name=op.f('fk_term_occurrences_sentence_id_sentences'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['text_id'], ['texts.id'], name=op.f('fk_term_occurrences_text_id_texts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_term_occurrences'))
    )
    with op.batch_alter_table('term_occurrences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_term_occurrences_entry_id'), ['entry_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_term_occurrences_sentence_id'), ['sentence_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_term_occurrences_text_id'), ['text_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('term_occurrences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_term_occurrences_text_id'))
        batch_op.drop_index(batch_op.f('ix_term_occurrences_sentence_id'))
        batch_op.drop_index(batch_op.f('ix_term_occurrences_entry_id'))

    op.drop_table('term_occurrences')
    op.drop_table('glossary_user_entries')
