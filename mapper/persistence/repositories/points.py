"""Light reads of where actors are and whom they work with: the coverage map places 100,000
actors by their points without building whole actors."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from mapper.persistence.store import ACTOR_CODES, ACTORS, driver_rows

TARGET_GROUP_FACET = "target_group"
"""The facet under which actor_codes keeps an actor's target groups."""


@dataclass(frozen=True)
class ActorPoint:
    """A live actor's point and stored area codes, and the target groups it works with."""

    lat: float | None
    lon: float | None
    municipality_code: str | None
    postcode: str | None
    target_groups: frozenset[str]

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


def actor_points(session: Session) -> list[ActorPoint]:
    """Every live actor's point, stored municipality code and postcode, and target groups, in
    key order (two queries, plain driver rows)."""
    rows = driver_rows(
        session,
        select(
            ACTORS.c.pk, ACTORS.c.lat, ACTORS.c.lon, ACTORS.c.municipality_code, ACTORS.c.postcode
        )
        .where(ACTORS.c.deleted_at.is_(None))
        .order_by(ACTORS.c.pk),
    )
    groups: dict[int, set[str]] = defaultdict(set)
    for pk, code in driver_rows(
        session,
        select(ACTOR_CODES.c.actor_pk, ACTOR_CODES.c.code).where(
            ACTOR_CODES.c.facet == TARGET_GROUP_FACET
        ),
    ):
        groups[pk].add(code)
    return [
        ActorPoint(
            None if lat is None else float(lat),
            None if lon is None else float(lon),
            municipality_code,
            postcode,
            frozenset(groups.get(pk, ())),
        )
        for pk, lat, lon, municipality_code, postcode in rows
    ]
