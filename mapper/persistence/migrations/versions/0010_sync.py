"""offline checkout and sync: where a local copy came from and what both sides last agreed on

- ``sync_origin`` (one row in a checked-out copy, none elsewhere): the server's URL without its
  password, the municipality the copy holds (NULL: the whole landscape), when it was checked
  out and last synchronised.
- ``sync_base``: per record the copy shares with the server (type and interchange id; a
  partnership's id is 'problem id:actor id'), the server's and the copy's version when both
  last agreed, and that agreed content as an interchange JSON snapshot: the base of the
  field-by-field three-way merge.
- ``sync_pending``: the records a sync is about to write on the server (with the push's id),
  written in the copy before the server's transaction and cleared with the copy's.
- ``sync_receipts`` (on the server): per copy, the push that last reached the server and the
  version each record got, written in the same transaction as the records. When a sync is cut
  off after the server's commit, the next one finds the receipt of its pending push and takes
  what was sent, at the version it got, as the base: editing the same field again meanwhile
  is then no conflict.
- ``sync_conflicts``: a field changed on both sides to different values: both values (and
  the base's) as JSON, when it was found, and the user's decision ('local' or 'server', NULL
  while open).

Revision ID: 0010
Revises: 0009
Create Date: 2027-05-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "sync_origin",
        sa.Column("pk", sa.Integer(), nullable=False),
        sa.Column("server_url", sa.Text(), nullable=False),
        sa.Column("municipality_code", sa.String(length=4), nullable=True),
        sa.Column("checked_out_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("checked_out_by", sa.String(length=200), nullable=True),
        sa.Column("copy_id", sa.String(length=36), nullable=False),
        sa.Column("last_sync_at", sa.DateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("pk", name=op.f("pk_sync_origin")),
    )
    op.create_table(
        "sync_base",
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_uid", sa.String(length=401), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.Column("local_version", sa.Integer(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_uid", name=op.f("pk_sync_base")),
    )
    op.create_table(
        "sync_pending",
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_uid", sa.String(length=401), nullable=False),
        sa.Column("push_id", sa.String(length=36), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("record_type", "record_uid", name=op.f("pk_sync_pending")),
    )
    op.create_table(
        "sync_receipts",
        sa.Column("copy_id", sa.String(length=36), nullable=False),
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_uid", sa.String(length=401), nullable=False),
        sa.Column("push_id", sa.String(length=36), nullable=False),
        sa.Column("server_version", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint(
            "copy_id", "record_type", "record_uid", name=op.f("pk_sync_receipts")
        ),
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("record_type", sa.String(length=16), nullable=False),
        sa.Column("record_uid", sa.String(length=401), nullable=False),
        sa.Column("field", sa.String(length=100), nullable=False),
        sa.Column("base_value", sa.Text(), nullable=True),
        sa.Column("local_value", sa.Text(), nullable=True),
        sa.Column("server_value", sa.Text(), nullable=True),
        sa.Column("found_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("resolution", sa.String(length=8), nullable=True),
        sa.PrimaryKeyConstraint(
            "record_type", "record_uid", "field", name=op.f("pk_sync_conflicts")
        ),
    )


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_receipts")
    op.drop_table("sync_pending")
    op.drop_table("sync_base")
    op.drop_table("sync_origin")
