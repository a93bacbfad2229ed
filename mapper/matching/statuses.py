"""Which problem statements can be matched: the one rule the matcher and the UI share.

The statuses come from ``open_problem_statuses`` in ``data/matching.json``.
"""

from __future__ import annotations

from mapper.matching.model import MatchSettings


def matchable_statuses() -> tuple[str, ...]:
    """Workflow statuses (codes) in which a problem statement seeks partners."""
    return tuple(MatchSettings.defaults().params["open_problem_statuses"])


def is_matchable(status: str) -> bool:
    """True when a problem statement with this status may be matched with partners."""
    return status in matchable_statuses()
