"""Bookmarks anchored to sentences, and their tags.

Revision ID: 0003
Revises: 0002
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "bookmarks",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("ru_text_id", sa.Integer(), nullable=True),
        sa.Column("en_text_id", sa.Integer(), nullable=True),
        sa.Column("ru_first_id", sa.Integer(), nullable=True),
        sa.Column("ru_last_id", sa.Integer(), nullable=True),
        sa.Column("en_first_id", sa.Integer(), nullable=True),
        sa.Column("en_last_id", sa.Integer(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("colour", sa.String(length=16), nullable=False),
        sa.Column("ru_quote", sa.Text(), nullable=False),
        sa.Column("en_quote", sa.Text(), nullable=False),
        sa.Column("needs_review", sa.Boolean(), nullable=False),
        sa.Column("review_reason", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.Column("updated_at", sa.DateTime(), server_default=sa.text("(CURRENT_TIMESTAMP)"), nullable=False),
        sa.ForeignKeyConstraint(
            ["en_first_id"], ["sentences.id"], name=op.f("fk_bookmarks_en_first_id_sentences"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["en_last_id"], ["sentences.id"], name=op.f("fk_bookmarks_en_last_id_sentences"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["en_text_id"], ["texts.id"], name=op.f("fk_bookmarks_en_text_id_texts"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["ru_first_id"], ["sentences.id"], name=op.f("fk_bookmarks_ru_first_id_sentences"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["ru_last_id"], ["sentences.id"], name=op.f("fk_bookmarks_ru_last_id_sentences"), ondelete="SET NULL"
        ),
        sa.ForeignKeyConstraint(
            ["ru_text_id"], ["texts.id"], name=op.f("fk_bookmarks_ru_text_id_texts"), ondelete="SET NULL"
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bookmarks")),
    )
    with op.batch_alter_table("bookmarks", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bookmarks_en_text_id"), ["en_text_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_bookmarks_ru_text_id"), ["ru_text_id"], unique=False)

    op.create_table(
        "tags",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("key", sa.String(length=120), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_tags")),
        sa.UniqueConstraint("key", name=op.f("uq_tags_key")),
    )
    op.create_table(
        "bookmark_tags",
        sa.Column("bookmark_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["bookmark_id"], ["bookmarks.id"], name=op.f("fk_bookmark_tags_bookmark_id_bookmarks"), ondelete="CASCADE"
        ),
        sa.ForeignKeyConstraint(["tag_id"], ["tags.id"], name=op.f("fk_bookmark_tags_tag_id_tags"), ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("bookmark_id", "tag_id", name=op.f("pk_bookmark_tags")),
    )
    with op.batch_alter_table("bookmark_tags", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_bookmark_tags_tag_id"), ["tag_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("bookmark_tags", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bookmark_tags_tag_id"))
    op.drop_table("bookmark_tags")
    op.drop_table("tags")
    with op.batch_alter_table("bookmarks", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bookmarks_ru_text_id"))
        batch_op.drop_index(batch_op.f("ix_bookmarks_en_text_id"))
    op.drop_table("bookmarks")
