"""municipality codes: zero-pad 1-3 digit codes to the official four digits ("561" -> "0561")

Before this revision a code typed as "561" was stored as is and became a municipality of its
own, separate from "0561" (Esbjerg), so it dropped out of filters and exports. Codes are now
normalised on input (mapper.domain.municipality); this revision pads the codes already stored.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

# (table, column) pairs holding a municipality code.
_COLUMNS = (
    ("actors", "municipality_code"),
    ("problems", "municipality_code"),
    ("problems", "problem_municipality_code"),
)


def _padded(code: str) -> str | None:
    """The four-digit form of a stored code, or None when it needs no change."""
    stripped = code.strip()
    if stripped.isascii() and stripped.isdigit() and 1 <= len(stripped) <= 3:
        return stripped.zfill(4)
    if stripped != code and stripped.isascii() and stripped.isdigit() and len(stripped) == 4:
        return stripped
    return None


def upgrade() -> None:
    bind = op.get_bind()
    for table_name, column_name in _COLUMNS:
        table = sa.table(table_name, sa.column(column_name, sa.String(4)))
        column = table.c[column_name]
        stored = bind.execute(sa.select(column).where(column.is_not(None)).distinct()).scalars()
        for code in list(stored):
            new = _padded(code)
            if new is not None:
                bind.execute(sa.update(table).where(column == code).values({column_name: new}))


def downgrade() -> None:
    # Padding is not reversible (which codes were typed short is not recorded) and the
    # padded codes are valid under the old schema too, so there is nothing to undo.
    pass
