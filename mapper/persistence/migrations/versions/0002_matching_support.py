"""matching support: a problem statement's own weights, and the register revision

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "problem_match_weights",
        sa.Column("problem_pk", sa.Integer(), nullable=False),
        sa.Column("criterion", sa.String(length=32), nullable=False),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.ForeignKeyConstraint(
            ["problem_pk"],
            ["problems.pk"],
            name=op.f("fk_problem_match_weights_problem_pk_problems"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("problem_pk", "criterion", name=op.f("pk_problem_match_weights")),
    )
    revision_table = op.create_table(
        "register_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_revision")),
    )
    op.bulk_insert(revision_table, [{"id": 1, "revision": 0}])


def downgrade() -> None:
    op.drop_table("register_revision")
    op.drop_table("problem_match_weights")
