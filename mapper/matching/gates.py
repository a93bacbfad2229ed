"""Hard gates: reasons an actor is not a partner for a problem at all, checked before scoring.

A gate excludes only on what the actor has declared (its kind, its place, its activity). A
required resource the actor does not list costs points and is named (ranking.missing_required),
since a list of resources is not a statement of everything an actor can give; the setting
``resources.exclude_missing_required`` makes it exclude actors that list resources but not it."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from mapper.matching.criteria import actor_point, distance_km
from mapper.matching.model import Candidate, ProblemContext, Reason


def responsible_roles_sought(ctx: ProblemContext, params: Mapping[str, Any]) -> list[str]:
    """Sought roles that make the partner the responsible party (operator, provider …)."""
    responsible = set(params["statutory"]["responsible_roles"])
    return [r for r in ctx.problem.seeking.roles if r in responsible]


def gate(
    ctx: ProblemContext, cand: Candidate, params: Mapping[str, Any]
) -> tuple[str, Reason] | None:
    """The first gate that excludes the actor, or None when it may be scored."""
    problem, actor = ctx.problem, cand.actor
    if problem.owner_id == actor.id:
        return "owner", Reason("gate_owner")
    if not actor.active:
        return "inactive", Reason("gate_inactive")
    if actor.kind in problem.seeking.excluded_actor_kinds:
        return "excluded_kind", Reason("gate_excluded_kind", {"kind": actor.kind})
    # Only declared facts exclude: an actor that states no resources at all is kept (and
    # marked unresolved by the resources criterion).
    offered = {r.kind for r in actor.resources_offered}
    missing = [k for k in problem.seeking.required_resources if k not in offered]
    if missing and offered and params["resources"]["exclude_missing_required"]:
        return "missing_required", Reason("gate_missing_required", {"resources": missing})
    limit = problem.seeking.max_distance_km
    point = actor_point(actor)
    if limit is not None and ctx.point is not None and point is not None:
        d = distance_km(ctx.point, point)
        if d > limit:
            return "too_far", Reason("gate_too_far", {"km": d, "limit": limit})
    if (
        problem.involves_statutory_task
        and actor.kind in params["statutory"]["volunteer_based_kinds"]
        and responsible_roles_sought(ctx, params)
    ):
        return "statutory", Reason(
            "gate_statutory", {"roles": responsible_roles_sought(ctx, params)}
        )
    return None
