"""The CHECK constraints of the landscape tables as SQL text, shared by the models and the
migration that creates them (real CHECKs on PostgreSQL, triggers on SQLite, which cannot add a
CHECK to a table without rebuilding it)."""

from __future__ import annotations

from typing import Final

PERSONAL_DATA_KINDS: Final = ("volunteer_person",)
"""Actor kinds that are a person (vocabulary: personal_data); never public. Frozen here as
of migration 0006: a new such kind needs a migration of its own."""

_kinds = ", ".join(f"'{k}'" for k in PERSONAL_DATA_KINDS)
_precisions = "'address', 'postcode', 'municipality', 'manual'"

ACTOR_CHECKS: Final = {
    "volunteer_not_public": f"NOT (kind IN ({_kinds}) AND public)",
    "lat_range": "lat BETWEEN -90 AND 90",
    "lon_range": "lon BETWEEN -180 AND 180",
    "counts": "(employees IS NULL OR employees >= 0) AND (volunteers IS NULL OR volunteers >= 0)",
    "version": "version >= 1",
    "precision": f"location_precision IN ({_precisions})",
}
PROBLEM_CHECKS: Final = {
    "status": "status IN ('draft', 'open_for_input', 'seeking', 'matched', 'closed')",
    "lat_range": "lat BETWEEN -90 AND 90",
    "lon_range": "lon BETWEEN -180 AND 180",
    "version": "version >= 1",
    "precision": f"location_precision IN ({_precisions})",
}
PARTNERSHIP_CHECKS: Final = {"version": "version >= 1"}

TABLE_CHECKS: Final = {
    "actors": ACTOR_CHECKS,
    "problems": PROBLEM_CHECKS,
    "partnerships": PARTNERSHIP_CHECKS,
}
