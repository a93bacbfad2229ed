"""registers: review notes on actors, saved import mappings, merges and distinct pairs

- ``actor_review_notes``: values an import kept on an actor for a person to look at (a target
  group that maps to no code, an unknown postcode), never dropped.
- ``import_mappings``: the column mapping last used per source (key: the normalised header
  set), so the next import of the same booking system's export needs no choices.
- ``actor_merges``: one row per merge of two actors (the merged one stays as a tombstone),
  with the field choices, score and evidence.
- ``actor_distinct_pairs``: two actors decided to be different associations, never proposed
  as duplicates again (smaller key first: a real CHECK on both back ends, since the table is
  new; SQLite can create a table with one, only adding one later needs a rebuild).

Revision ID: 0007
Revises: 0006
Create Date: 2027-02-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "actor_review_notes",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(length=64), nullable=False),
        sa.Column("value", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(length=32), nullable=False),
        sa.ForeignKeyConstraint(
            ["actor_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_review_notes_actor_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("actor_pk", "position", name=op.f("pk_actor_review_notes")),
    )
    op.create_table(
        "import_mappings",
        sa.Column("source_key", sa.String(length=200), nullable=False),
        sa.Column("mapping", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=100), nullable=True),
        sa.PrimaryKeyConstraint("source_key", name=op.f("pk_import_mappings")),
    )
    op.create_table(
        "actor_merges",
        sa.Column("pk", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("survivor_pk", sa.Integer(), nullable=False),
        sa.Column("merged_pk", sa.Integer(), nullable=False),
        sa.Column("fields", sa.Text(), nullable=False),
        sa.Column("score", sa.Float(), nullable=True),
        sa.Column("evidence", sa.Text(), nullable=True),
        sa.Column("merged_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("merged_by", sa.String(length=100), nullable=False),
        sa.ForeignKeyConstraint(
            ["survivor_pk"], ["actors.pk"], name=op.f("fk_actor_merges_survivor_pk_actors")
        ),
        sa.ForeignKeyConstraint(
            ["merged_pk"], ["actors.pk"], name=op.f("fk_actor_merges_merged_pk_actors")
        ),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_actor_merges")),
    )
    op.create_index(
        op.f("ix_actor_merges_survivor_pk"), "actor_merges", ["survivor_pk"], unique=False
    )
    op.create_table(
        "actor_distinct_pairs",
        sa.Column("first_pk", sa.Integer(), nullable=False),
        sa.Column("second_pk", sa.Integer(), nullable=False),
        sa.Column("decided_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("decided_by", sa.String(length=100), nullable=False),
        # Frozen copy of orm.ActorDistinctPair's check.
        sa.CheckConstraint("first_pk < second_pk", name=op.f("ck_actor_distinct_pairs_ordered")),
        sa.ForeignKeyConstraint(
            ["first_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_distinct_pairs_first_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_pk"],
            ["actors.pk"],
            name=op.f("fk_actor_distinct_pairs_second_pk_actors"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_pk", "second_pk", name=op.f("pk_actor_distinct_pairs")),
    )


def downgrade() -> None:
    op.drop_table("actor_distinct_pairs")
    op.drop_index(op.f("ix_actor_merges_survivor_pk"), table_name="actor_merges")
    op.drop_table("actor_merges")
    op.drop_table("import_mappings")
    op.drop_table("actor_review_notes")
