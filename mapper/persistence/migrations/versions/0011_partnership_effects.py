"""partnership effects: what a partnership achieved and how well that is known

- ``partnerships.effect``: how we know it works (sådan ved vi, at det virker), free text.
- ``partnerships.evidence_level``: its step on the evidence ladder, a code of the vocabulary's
  ``evidence_levels`` facet (as an actor profile's ``evidence_level``).

Both NULL for existing partnerships: no effect was documented before this release.

Revision ID: 0011
Revises: 0010
Create Date: 2027-06-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("partnerships", recreate="never") as batch:
        batch.add_column(sa.Column("effect", sa.Text(), nullable=True))
        batch.add_column(sa.Column("evidence_level", sa.String(length=64), nullable=True))


def downgrade() -> None:
    # Never rebuild 'partnerships' on SQLite (see 0005): SQLite ≥ 3.35 drops a column in place.
    with op.batch_alter_table("partnerships", recreate="never") as batch:
        batch.drop_column("evidence_level")
        batch.drop_column("effect")
