"""text analysis: what matching derives from actors' texts, stored per actor

- ``actor_analysis``: per actor, the actor version and analyser version the derived rows were
  made from (stale rows are made again), whether the actor has any text, the inferred codes
  the matcher uses as bits per facet with their highest confidence, and its declared codes as
  the same bits (the matcher's index reads one row per actor instead of every code row).
- ``actor_terms``: the text-relevance postings (term, actor, BM25 impact), keyed by term first
  (clustered so on SQLite: WITHOUT ROWID), with an index by actor for replacing one actor's.
- ``actor_inferred_codes``: codes inferred from the actor's texts, with confidence and evidence.

All three are derived data: dropping them loses nothing; they are rebuilt on the next match.

Revision ID: 0008
Revises: 0007
Create Date: 2027-03-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def _actor_key(table: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(
        ["actor_pk"], ["actors.pk"], name=op.f(f"fk_{table}_actor_pk_actors"), ondelete="CASCADE"
    )


def upgrade() -> None:
    op.create_table(
        "actor_analysis",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("actor_version", sa.Integer(), nullable=False),
        sa.Column("analyser", sa.String(length=40), nullable=False),
        sa.Column("has_text", sa.Boolean(), nullable=False),
        sa.Column("target_group_bits", sa.BigInteger(), nullable=False),
        sa.Column("target_group_confidence", sa.Float(), nullable=False),
        sa.Column("role_bits", sa.BigInteger(), nullable=False),
        sa.Column("role_confidence", sa.Float(), nullable=False),
        sa.Column("resource_bits", sa.BigInteger(), nullable=False),
        sa.Column("resource_confidence", sa.Float(), nullable=False),
        *(
            sa.Column(f"declared_{facet}_bits", sa.BigInteger(), nullable=False)
            for facet in (
                "target_group",
                "role",
                "prevention",
                "sought_resource",
                "sought_role",
                "sought_target_group",
            )
        ),
        _actor_key("actor_analysis"),
        sa.PrimaryKeyConstraint("actor_pk", name=op.f("pk_actor_analysis")),
    )
    op.create_table(
        "actor_terms",
        sa.Column("term", sa.String(length=100), nullable=False),
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("impact", sa.Float(), nullable=False),
        _actor_key("actor_terms"),
        sa.PrimaryKeyConstraint("term", "actor_pk", name=op.f("pk_actor_terms")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_actor_terms_actor_pk", "actor_terms", ["actor_pk"], unique=False)
    op.create_table(
        "actor_inferred_codes",
        sa.Column("actor_pk", sa.Integer(), nullable=False),
        sa.Column("sought", sa.Boolean(), nullable=False),
        sa.Column("facet", sa.String(length=32), nullable=False),
        sa.Column("code", sa.String(length=64), nullable=False),
        sa.Column("confidence", sa.Float(), nullable=False),
        sa.Column("evidence", sa.Text(), nullable=False),
        _actor_key("actor_inferred_codes"),
        sa.PrimaryKeyConstraint(
            "actor_pk", "sought", "facet", "code", name=op.f("pk_actor_inferred_codes")
        ),
    )


def downgrade() -> None:
    op.drop_table("actor_inferred_codes")
    op.drop_index("ix_actor_terms_actor_pk", table_name="actor_terms")
    op.drop_table("actor_terms")
    op.drop_table("actor_analysis")
