"""actor seeking: what an actor itself seeks (Vi søger …), in words

The sought codes (resource kinds, roles, target groups) are new facets of ``actor_codes``
(sought_resource, sought_role, sought_target_group) and need no schema change; the free text
is a new column on ``actors``. Existing actors seek nothing until someone says so.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

SOUGHT_FACETS = ("sought_resource", "sought_role", "sought_target_group")


def upgrade() -> None:
    with op.batch_alter_table("actors", schema=None) as batch_op:
        batch_op.add_column(sa.Column("seeking_description", sa.Text(), nullable=True))


def downgrade() -> None:
    codes = sa.table("actor_codes", sa.column("facet", sa.String(32)))
    op.execute(sa.delete(codes).where(codes.c.facet.in_(SOUGHT_FACETS)))
    # Never rebuild 'actors' on SQLite: with foreign keys on, dropping the old table would
    # cascade into every child table. SQLite ≥ 3.35 drops a column in place.
    with op.batch_alter_table("actors", schema=None, recreate="never") as batch_op:
        batch_op.drop_column("seeking_description")
