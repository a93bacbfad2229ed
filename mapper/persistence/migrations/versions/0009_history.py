"""change history: one row per change of an actor, problem statement or partnership

- ``record_history``: which record (type and interchange id), the version the change gave it,
  when (the database clock, like every stamp since 0006) and by whom, what was done (created,
  changed, deleted, revived, merged, imported) and the changed fields as JSON
  ``{field path: [old, new]}`` in interchange paths (``profile.we_are``, ``target_groups``).
  Indexed by record type and id: the history of one record is read at a time.

Existing records get no rows: what they were before this release is not known.

Revision ID: 0009
Revises: 0008
Create Date: 2027-04-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "record_history",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_uid", sa.String(length=401), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("changed_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("changed_by", sa.String(length=200), nullable=True),
        sa.Column("action", sa.String(length=16), nullable=False),
        sa.Column("changes", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_record_history")),
    )
    op.create_index(
        "ix_record_history_record", "record_history", ["record_type", "record_uid"], unique=False
    )


def downgrade() -> None:
    op.drop_index("ix_record_history_record", table_name="record_history")
    op.drop_table("record_history")
