"""shared server: authors, tombstones, database-clock timestamptz, CHECKs, indexes; no revision row

- ``created_by``/``updated_by`` and the tombstone ``deleted_at``/``deleted_by`` on actors,
  problems and partnerships; ``changed_by`` on every stage change. Existing records have no
  author (NULL): nobody knows who wrote them.
- PostgreSQL: every timestamp becomes ``timestamptz`` (the stored naive values were UTC).
- CHECK constraints: a personal-data kind is never public, coordinates in range, counts not
  negative, versions from 1, known statuses and precisions. PostgreSQL gets real constraints;
  SQLite gets triggers with the same conditions, because adding a CHECK there means rebuilding
  the table, and with foreign keys on, dropping the old ``actors`` would cascade into its
  children.
- Indexes for the services' queries (children of an actor, partnerships by stage, problem
  codes by facet and code).
- The single ``register_revision`` row every writer updated is gone: on a shared server it
  queued all writers; readers now compare counts and version sums per table.

Revision ID: 0006
Revises: 0005
Create Date: 2027-01-10
"""

from __future__ import annotations

import re

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

RECORDS = ("actors", "problems", "partnerships")
TIMESTAMPS = {
    "actors": ("created_at", "updated_at", "deleted_at"),
    "problems": ("created_at", "updated_at", "deleted_at"),
    "partnerships": ("created_at", "updated_at", "deleted_at"),
    "partnership_stage_history": ("changed_at",),
    "boundaries": ("imported_at",),
}
_PRECISIONS = "'address', 'postcode', 'municipality', 'manual'"
# Frozen copies (a later change of mapper.persistence.checks needs a migration of its own).
CHECKS = {
    "actors": {
        "volunteer_not_public": "NOT (kind IN ('volunteer_person') AND public)",
        "lat_range": "lat BETWEEN -90 AND 90",
        "lon_range": "lon BETWEEN -180 AND 180",
        "counts": "(employees IS NULL OR employees >= 0) "
        "AND (volunteers IS NULL OR volunteers >= 0)",
        "version": "version >= 1",
        "precision": f"location_precision IN ({_PRECISIONS})",
    },
    "problems": {
        "status": "status IN ('draft', 'open_for_input', 'seeking', 'matched', 'closed')",
        "lat_range": "lat BETWEEN -90 AND 90",
        "lon_range": "lon BETWEEN -180 AND 180",
        "version": "version >= 1",
        "precision": f"location_precision IN ({_PRECISIONS})",
    },
    "partnerships": {"version": "version >= 1"},
}
INDEXES = (
    ("ix_actors_parent_pk", "actors", ("parent_pk",)),
    ("ix_partnerships_stage", "partnerships", ("stage",)),
    ("ix_problem_codes_facet_code", "problem_codes", ("facet", "code")),
)


def _sqlite() -> bool:
    return op.get_bind().dialect.name == "sqlite"


def upgrade() -> None:
    for table in RECORDS:
        with op.batch_alter_table(table, recreate="never") as batch:
            batch.add_column(sa.Column("created_by", sa.String(200), nullable=True))
            batch.add_column(sa.Column("updated_by", sa.String(200), nullable=True))
            batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
            batch.add_column(sa.Column("deleted_by", sa.String(200), nullable=True))
    with op.batch_alter_table("partnership_stage_history", recreate="never") as batch:
        batch.add_column(sa.Column("changed_by", sa.String(200), nullable=True))
    for name, table, columns in INDEXES:
        op.create_index(name, table, list(columns))
    # Older releases imported public volunteers; a person is never public (GDPR), and the
    # CHECK below would refuse the table otherwise.
    op.execute(
        "UPDATE actors SET public = false, version = version + 1 "
        "WHERE kind IN ('volunteer_person') AND public"
    )
    if _sqlite():
        for table, checks in CHECKS.items():
            for name, condition in checks.items():
                for event in ("INSERT", "UPDATE"):
                    op.execute(
                        f"CREATE TRIGGER ck_{table}_{name}_{event.lower()} "
                        f"BEFORE {event} ON {table} FOR EACH ROW "
                        f"WHEN NOT ({_new(condition, table)}) BEGIN "
                        f"SELECT RAISE(ABORT, 'CHECK constraint failed: ck_{table}_{name}'); END"
                    )
    else:
        for table, columns in TIMESTAMPS.items():
            for column in columns:
                op.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} TYPE timestamptz "
                    f"USING {column} AT TIME ZONE 'UTC'"
                )
        for table, checks in CHECKS.items():
            for name, condition in checks.items():
                op.create_check_constraint(f"ck_{table}_{name}", table, condition)
    op.drop_table("register_revision")


def downgrade() -> None:
    revision_table = op.create_table(
        "register_revision",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("revision", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_register_revision")),
    )
    op.bulk_insert(revision_table, [{"id": 1, "revision": 0}])
    if _sqlite():
        for table, checks in CHECKS.items():
            for name in checks:
                for event in ("insert", "update"):
                    op.execute(f"DROP TRIGGER IF EXISTS ck_{table}_{name}_{event}")
    else:
        for table, checks in CHECKS.items():
            for name in checks:
                op.drop_constraint(f"ck_{table}_{name}", table, type_="check")
        for table, columns in TIMESTAMPS.items():
            for column in columns:
                if column == "deleted_at":
                    continue
                op.execute(
                    f"ALTER TABLE {table} ALTER COLUMN {column} TYPE timestamp "
                    f"USING {column} AT TIME ZONE 'UTC'"
                )
    for name, table, _ in INDEXES:
        op.drop_index(name, table_name=table)
    # Never rebuild these tables on SQLite (see 0005); SQLite ≥ 3.35 drops columns in place.
    with op.batch_alter_table("partnership_stage_history", recreate="never") as batch:
        batch.drop_column("changed_by")
    for table in RECORDS:
        with op.batch_alter_table(table, recreate="never") as batch:
            for column in ("deleted_by", "deleted_at", "updated_by", "created_by"):
                batch.drop_column(column)


def _new(condition: str, table: str) -> str:
    """The condition on the row being written (NEW.column) for a SQLite trigger."""
    columns = {
        "actors": (
            "kind",
            "public",
            "lat",
            "lon",
            "employees",
            "volunteers",
            "version",
            "location_precision",
        ),
        "problems": ("status", "lat", "lon", "version", "location_precision"),
        "partnerships": ("version",),
    }[table]
    return re.sub(r"\b(" + "|".join(columns) + r")\b", lambda m: f"NEW.{m.group(1)}", condition)
