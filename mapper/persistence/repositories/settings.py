"""Per-problem matching weights: a problem statement's own weight for a criterion overrides the
default. One row per (problem, criterion), so writers of different problems never meet on one
row; saving a problem's weights replaces all of that problem's rows in the caller's unit of
work."""

from __future__ import annotations

from collections.abc import Mapping

from sqlalchemy import Table, delete, insert, select
from sqlalchemy.orm import Session

from mapper.persistence.orm import ProblemMatchWeight

WEIGHTS: Table = ProblemMatchWeight.__table__  # type: ignore[assignment]


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
