"""What every versioned record (actor, problem statement, partnership) shares: its meta data
(version, created/updated at and by) and the compare-and-swap write of its version."""

from __future__ import annotations

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from mapper.domain.authors import RecordMeta


def record_meta(session: Session, table: Table, uid: str) -> RecordMeta | None:
    """The meta data of the live record with interchange id ``uid``, or None."""
    row = session.execute(
        select(
            table.c.version,
            table.c.created_at,
            table.c.created_by,
            table.c.updated_at,
            table.c.updated_by,
        ).where(table.c.uid == uid, table.c.deleted_at.is_(None))
    ).first()
    if row is None:
        return None
    return RecordMeta(
        version=int(row.version),
        created_at=row.created_at,
        created_by=row.created_by,
        updated_at=row.updated_at,
        updated_by=row.updated_by,
    )
