"""Initial schema: works, texts, paragraphs, sentences, alignments, beads, settings.

Revision ID: 0001
Revises: 
Create Date: 2026-11-22 05:09:53.207754
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('library_settings',
    sa.Column('key', sa.String(length=64), nullable=False),
    sa.Column('value', sa.Text(), nullable=False),
    sa.PrimaryKeyConstraint('key', name=op.f('pk_library_settings'))
    )
    op.create_table('works',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=True),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=40), nullable=False),
    sa.Column('description', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_works')),
    sa.UniqueConstraint('key', name=op.f('uq_works_key'))
    )
    op.create_table('texts',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('work_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=120), nullable=True),
    sa.Column('lang', sa.String(length=8), nullable=False),
    sa.Column('role', sa.String(length=16), nullable=False),
    sa.Column('kind', sa.String(length=32), nullable=False),
    sa.Column('title', sa.Text(), nullable=False),
    sa.Column('author', sa.Text(), nullable=False),
    sa.Column('translator', sa.Text(), nullable=False),
    sa.Column('date', sa.String(length=40), nullable=False),
    sa.Column('source', sa.Text(), nullable=False),
    sa.Column('rights', sa.Text(), nullable=False),
    sa.Column('note', sa.Text(), nullable=False),
    sa.Column('file_format', sa.String(length=16), nullable=False),
    sa.Column('encoding', sa.String(length=32), nullable=False),
    sa.Column('original_filename', sa.Text(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('bundled', sa.Boolean(), nullable=False),
    sa.Column('paragraph_count', sa.Integer(), nullable=False),
    sa.Column('sentence_count', sa.Integer(), nullable=False),
    sa.Column('char_count', sa.Integer(), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.CheckConstraint("kind IN ('original', 'published_translation', 'working_translation', 'back_translation')", name=op.f('ck_texts_kind')),
    sa.CheckConstraint("lang IN ('ru', 'en')", name=op.f('ck_texts_lang')),
    sa.CheckConstraint("role IN ('original', 'translation')", name=op.f('ck_texts_role')),
    sa.ForeignKeyConstraint(['work_id'], ['works.id'], name=op.f('fk_texts_work_id_works'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_texts')),
    sa.UniqueConstraint('content_hash', name=op.f('uq_texts_content_hash')),
    sa.UniqueConstraint('key', name=op.f('uq_texts_key'))
    )
    with op.batch_alter_table('texts', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_texts_work_id'), ['work_id'], unique=False)

    op.create_table('alignments',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('ru_text_id', sa.Integer(), nullable=False),
    sa.Column('en_text_id', sa.Integer(), nullable=False),
    sa.Column('method', sa.String(length=64), nullable=False),
    sa.Column('created_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.Column('updated_at', sa.DateTime(), server_default=sa.text('(CURRENT_TIMESTAMP)'), nullable=False),
    sa.ForeignKeyConstraint(['en_text_id'], ['texts.id'], name=op.f('fk_alignments_en_text_id_texts'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['ru_text_id'], ['texts.id'], name=op.f('fk_alignments_ru_text_id_texts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_alignments')),
    sa.UniqueConstraint('ru_text_id', 'en_text_id', name=op.f('uq_alignments_ru_text_id'))
    )
    with op.batch_alter_table('alignments', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_alignments_en_text_id'), ['en_text_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_alignments_ru_text_id'), ['ru_text_id'], unique=False)

    op.create_table('paragraphs',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=16), nullable=False),
    sa.Column('level', sa.Integer(), nullable=False),
    sa.Column('lang', sa.String(length=8), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('notes', sa.JSON(), nullable=True),
    sa.CheckConstraint("kind IN ('heading', 'body', 'note')", name=op.f('ck_paragraphs_kind')),
    sa.ForeignKeyConstraint(['text_id'], ['texts.id'], name=op.f('fk_paragraphs_text_id_texts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_paragraphs')),
    sa.UniqueConstraint('text_id', 'position', name=op.f('uq_paragraphs_text_id'))
    )
    op.create_table('beads',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('alignment_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('ru_start', sa.Integer(), nullable=False),
    sa.Column('ru_end', sa.Integer(), nullable=False),
    sa.Column('en_start', sa.Integer(), nullable=False),
    sa.Column('en_end', sa.Integer(), nullable=False),
    sa.Column('score', sa.Float(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=False),
    sa.Column('status', sa.String(length=16), nullable=False),
    sa.CheckConstraint("status IN ('auto', 'confirmed', 'edited')", name=op.f('ck_beads_status')),
    sa.CheckConstraint('ru_start <= ru_end AND en_start <= en_end', name=op.f('ck_beads_ranges')),
    sa.ForeignKeyConstraint(['alignment_id'], ['alignments.id'], name=op.f('fk_beads_alignment_id_alignments'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_beads')),
    sa.UniqueConstraint('alignment_id', 'position', name=op.f('uq_beads_alignment_id'))
    )
    op.create_table('sentences',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('text_id', sa.Integer(), nullable=False),
    sa.Column('paragraph_id', sa.Integer(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.ForeignKeyConstraint(['paragraph_id'], ['paragraphs.id'], name=op.f('fk_sentences_paragraph_id_paragraphs'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['text_id'], ['texts.id'], name=op.f('fk_sentences_text_id_texts'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_sentences')),
    sa.UniqueConstraint('text_id', 'position', name=op.f('uq_sentences_text_id'))
    )
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_sentences_paragraph_id'), ['paragraph_id'], unique=False)



def downgrade() -> None:
    with op.batch_alter_table('sentences', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_sentences_paragraph_id'))

    op.drop_table('sentences')
    op.drop_table('beads')
    op.drop_table('paragraphs')
    with op.batch_alter_table('alignments', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_alignments_ru_text_id'))
        batch_op.drop_index(batch_op.f('ix_alignments_en_text_id'))

    op.drop_table('alignments')
    with op.batch_alter_table('texts', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_texts_work_id'))

    op.drop_table('texts')
    op.drop_table('works')
    op.drop_table('library_settings')
