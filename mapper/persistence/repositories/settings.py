"""Settings kept in the database: per-problem matching weights (a problem statement's own
weight for a criterion overrides the default), and settings of the whole database such as the
privacy periods.

Weights: one row per (problem, criterion), so writers of different problems never meet on one
row; saving a problem's weights replaces all of that problem's rows in the caller's unit of
work. Database settings: one JSON object per section, kept in the key-value table
``import_mappings`` under the key ``settings:SECTION`` (the register imports' keys begin
``columns:``), so every user of a shared database sees the same settings.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from mapper.persistence.orm import ProblemMatchWeight
from mapper.persistence.repositories.imports import ImportMappingRepository

WEIGHTS: Table = ProblemMatchWeight.__table__  # type: ignore[assignment]
SETTINGS_KEY = "settings:"
"""The key prefix of database settings in the key-value table."""


def database_settings(session: Session, section: str) -> dict[str, Any]:
    """The section's stored settings (empty: none stored, the defaults apply)."""
    return ImportMappingRepository(session).get(SETTINGS_KEY + section) or {}


def save_database_settings(
    session: Session, section: str, values: Mapping[str, Any], author: str | None
) -> None:
    """Store the section's settings, replacing those stored before."""
    ImportMappingRepository(session).save(SETTINGS_KEY + section, values, author)


def problem_weights(session: Session, problem_pk: int) -> dict[str, float]:
    """criterion → weight the problem stores itself (empty: the defaults apply)."""
    stmt = select(WEIGHTS.c.criterion, WEIGHTS.c.weight).where(WEIGHTS.c.problem_pk == problem_pk)
    return {str(criterion): float(weight) for criterion, weight in session.execute(stmt)}


def replace_problem_weights(
    session: Session, problem_pk: int, weights: Mapping[str, float] | None
) -> None:
    """Store exactly ``weights`` for the problem (None or empty: none, back to the defaults)."""
    session.execute(delete(WEIGHTS).where(WEIGHTS.c.problem_pk == problem_pk))
    if weights:
        session.execute(
            insert(WEIGHTS),
            [
                {"problem_pk": problem_pk, "criterion": criterion, "weight": float(weight)}
                for criterion, weight in weights.items()
            ],
        )
