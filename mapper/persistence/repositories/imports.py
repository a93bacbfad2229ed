"""Saved column mappings of register imports: one row per source (its normalised header set),
so the next export of the same booking system or spreadsheet imports without choices."""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, select, update
from sqlalchemy.orm import Session

from mapper.persistence.orm import ImportMapping
from mapper.persistence.store import bulk_insert, database_now

MAPPINGS: Table = ImportMapping.__table__  # type: ignore[assignment]
MAX_AUTHOR = 100
"""The column's length (import_mappings.updated_by)."""


class ImportMappingRepository:
    """Reads and writes of saved mappings within the caller's unit of work."""

    def __init__(self, session: Session) -> None:
        self.session = session

    def get(self, source_key: str) -> dict[str, Any] | None:
        """The mapping saved for the source (a JSON object), or None."""
        stmt = select(MAPPINGS.c.mapping).where(MAPPINGS.c.source_key == source_key)
        stored = self.session.execute(stmt).scalar_one_or_none()
        if stored is None:
            return None
        value = json.loads(stored)
        return value if isinstance(value, dict) else None

    def save(self, source_key: str, mapping: Mapping[str, Any], author: str | None) -> None:
        """Store the source's mapping, replacing the one saved before; stamped by the
        database's clock."""
        now = database_now(self.session)
        text = json.dumps(mapping, ensure_ascii=False, sort_keys=True)
        by = author[:MAX_AUTHOR] if author else None
        result = self.session.execute(
            update(MAPPINGS)
            .where(MAPPINGS.c.source_key == source_key)
            .values(mapping=text, updated_at=now, updated_by=by)
        )
        if getattr(result, "rowcount", 0) == 0:
            bulk_insert(
                self.session,
                MAPPINGS,
                [{"source_key": source_key, "mapping": text, "updated_at": now, "updated_by": by}],
            )
