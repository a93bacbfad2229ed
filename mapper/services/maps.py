"""What a public partner map may show: the privacy filter and the map's scopes.

Individual volunteers and non-public or inactive actors never reach a map; contact persons are
shown only when the actor is public and has given its consent (agreed to be contacted).
Exporters (``exports/``) draw what this service hands them and nothing else.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from mapper.domain.errors import NotFoundError
from mapper.domain.model import Actor
from mapper.domain.municipality import normalise_municipality_code, padded
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo.reference import (
    PostcodePlace,
    municipalities,
    municipality_boundaries,
    municipality_name,
    postcode_places,
)
from mapper.io.bulk import collector_paused
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories import matching as repository
from mapper.persistence.repositories import problems as problem_rows

SCOPES = ("all", "municipality", "target_group", "resource", "problem")


@dataclass(frozen=True)
class MapActor:
    """One marker: only what may be published."""

    id: str
    name: str
    kind: str
    lat: float
    lon: float
    city: str | None = None
    municipality_code: str | None = None
    target_groups: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    best_at: str | None = None
    website: str | None = None
    contact_name: str | None = None
    contact_email: str | None = None
    contact_phone: str | None = None
    rank: int | None = None
    score: float | None = None


@dataclass(frozen=True)
class MapBoundary:
    layer: str
    code: str
    name: str
    geometry: Mapping[str, Any]


@dataclass(frozen=True)
class MapProblem:
    """The problem statement of a problem map: a point only where the problem itself or an
    owner that is no person places it; otherwise just its municipality (no point)."""

    id: str
    title: str
    lat: float | None
    lon: float | None
    municipality_code: str | None = None
    municipality: str | None = None
    """The municipality's name, shown when the problem has no point on the map."""
    max_distance_km: float | None = None
    """The problem's distance limit, drawn as a ring around its point."""


@dataclass(frozen=True)
class MapTown:
    """A town name for the map's labels, at a built-in postcode point (no tiles needed)."""

    name: str
    lat: float
    lon: float
    rank: int
    """0: a city of three or more postcode districts, 1: a town that names its municipality
    or has districts, 2: any other postcode town or city district (the closest zooms only)."""
    districts: bool = False
    """A city's own name standing for its districts (København for København K, V, Ø …),
    which replace it when the map zooms in."""


@dataclass(frozen=True)
class PartnerMapData:
    """Everything an exported partner map contains."""

    title: str
    scope: str
    actors: tuple[MapActor, ...]
    boundaries: tuple[MapBoundary, ...] = ()
    problem: MapProblem | None = None
    left_out: Mapping[str, int] = field(default_factory=dict)
    """Why actors in scope were left out: personal (individual volunteers), not_public,
    inactive, no_location."""
    towns: tuple[MapTown, ...] = ()
    """Town names to label the map with, so it orients without a tile layer."""


def publishable(actor: Actor, vocabulary: Vocabulary) -> str | None:
    """None when the actor may appear on a public map, else the reason it may not."""
    if vocabulary.holds_personal_data(actor.kind):
        return "personal"
    if not actor.public:
        return "not_public"
    if not actor.active:
        return "inactive"
    if actor.location.lat is None or actor.location.lon is None:
        return "no_location"
    return None


def map_actor(actor: Actor, rank: int | None = None, score: float | None = None) -> MapActor:
    """The public face of an actor (call only for publishable actors)."""
    assert actor.location.lat is not None and actor.location.lon is not None
    agreed = actor.consent.given_on is not None
    contact = actor.contact
    return MapActor(
        id=actor.id,
        name=actor.name,
        kind=actor.kind,
        lat=actor.location.lat,
        lon=actor.location.lon,
        city=actor.location.city,
        municipality_code=actor.location.municipality_code,
        target_groups=actor.target_groups,
        resources=tuple(dict.fromkeys(r.kind for r in actor.resources_offered)),
        best_at=actor.profile.best_at,
        website=contact.website,
        # Contact persons are personal data: only with the actor's consent.
        contact_name=contact.name if agreed else None,
        contact_email=contact.email if agreed else None,
        contact_phone=contact.phone if agreed else None,
        rank=rank,
        score=score,
    )


class MapService:
    def __init__(self, database: Database, vocabulary: Vocabulary | None = None) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()

    def partner_map(
        self,
        *,
        scope: str = "all",
        value: str | None = None,
        top: int = 25,
        title: str | None = None,
        boundaries: Sequence[MapBoundary] = (),
    ) -> PartnerMapData:
        """The actors of one scope, filtered for publication.

        scope: all | municipality (value = code) | target_group (value = code) |
        resource (value = code) | problem (value = problem id; its ``top`` ranked partners).
        """
        if scope not in SCOPES:
            raise ValueError(f"unknown scope {scope!r}; use one of {', '.join(SCOPES)}")
        if scope != "all" and not value:
            raise ValueError(f"the scope {scope!r} needs a value")
        if scope == "municipality":
            # "561" is Esbjerg's "0561"; an unknown code raises naming the nearest one.
            value = normalise_municipality_code(value or "")
        facet = {"target_group": "target_groups", "resource": "resource_kinds"}.get(scope)
        if facet and value not in self.vocabulary.codes(facet):
            nearest = self.vocabulary.nearest(facet, value or "")
            hint = f" (did you mean {nearest!r}?)" if nearest else ""
            raise ValueError(f"unknown {scope.replace('_', ' ')} code {value!r}{hint}")
        if scope == "problem":
            return self._problem_map(value or "", top, title, boundaries)
        with collector_paused(), self.database.unit_of_work() as session:
            live = set(repository.live_actor_keys(session).values())
            # Deleted actors (tombstones) never reach a map.
            actors = [a for pk, a in store.load_actors(session) if pk in live]
        chosen = [a for a in actors if _in_scope(a, scope, value)]
        left_out: dict[str, int] = {}
        shown = []
        for actor in chosen:
            reason = publishable(actor, self.vocabulary)
            if reason:
                left_out[reason] = left_out.get(reason, 0) + 1
            else:
                shown.append(map_actor(actor))
        named = [b.name for b in boundaries if b.layer == "municipalities" and b.code == value]
        place = named[0] if named else municipality_name(value) if scope == "municipality" else None
        return PartnerMapData(
            title=title or self._title(scope, value, place),
            scope=scope,
            actors=tuple(shown),
            boundaries=tuple(boundaries),
            left_out=left_out,
            towns=town_labels(),
        )

    def boundaries_for(self, scope: str = "all", value: str | None = None) -> list[MapBoundary]:
        """Boundary layers that suit a map's scope: one municipality with its postcodes, or all
        municipalities and regions. Imported layers (``mapper geo import``) are used where
        there are any; without an imported municipality layer the built-in simplified
        municipality shapes (DAGI 2014) are drawn, so a fresh install shows Denmark."""
        from mapper.services.geo import GeoService

        geo = GeoService(self.database)
        available = geo.layers()
        wanted: list[tuple[str, list[str] | None]]
        if scope == "municipality" and value:
            value = padded(value)
        if scope == "municipality":
            wanted = [("municipalities", [value] if value else None)]
            if available.get("postcodes"):
                wanted.append(
                    (
                        "postcodes",
                        [b.code for b in geo.boundaries("postcodes") if b.parent_code == value],
                    )
                )
        else:
            wanted = [("municipalities", None), ("regions", None)]
        shapes: list[MapBoundary] = []
        for layer, codes in wanted:
            if layer == "municipalities" and not available.get(layer):
                shapes += [
                    MapBoundary(layer, b.code, b.name, b.geometry)
                    for b in municipality_boundaries()
                    if codes is None or b.code in codes
                ]
            elif available.get(layer):
                shapes += [
                    MapBoundary(b.layer, b.code, b.name, b.geometry)
                    for b in geo.boundaries(layer, codes)
                ]
        return shapes

    def _problem_map(
        self, problem_id: str, top: int, title: str | None, boundaries: Sequence[MapBoundary]
    ) -> PartnerMapData:
        from mapper.services.matching import MatchingService

        ranking = MatchingService(self.database).rank_actors_for_problem(problem_id, top=top)
        with self.database.unit_of_work() as session:
            keys = repository.live_actor_keys(session, [m.actor_id for m in ranking.matches])
            actors = {a.id: a for _, a in store.load_actors(session, list(keys.values()))}
            problem = self._problem(session, problem_id)
        left_out: dict[str, int] = {}
        shown = []
        for match in ranking.matches:
            actor = actors[match.actor_id]
            reason = publishable(actor, self.vocabulary)
            if reason:
                left_out[reason] = left_out.get(reason, 0) + 1
            else:
                shown.append(map_actor(actor, match.rank, round(match.score, 1)))
        return PartnerMapData(
            title=title or problem.title,
            scope="problem",
            actors=tuple(shown),
            boundaries=tuple(boundaries),
            problem=problem,
            left_out=left_out,
            towns=town_labels(),
        )

    def _problem(self, session: Any, problem_id: str) -> MapProblem:
        """The problem's marker where matching measured distances from (its own point, else
        its postcode, else its owner's only when it states no place at all) — except that a
        public map never locates a person: an owner who is an individual volunteer lends the
        problem its municipality only, never its home point (matching still measures from it)."""
        from mapper.matching.model import LOCATED_BY_OWNER
        from mapper.services.geo import GeoService
        from mapper.services.matching import problem_context

        pk = repository.live_problem_keys(session, [problem_id]).get(problem_id)
        if pk is None:
            raise NotFoundError("problem", problem_id)
        p = problem_rows.load_problems(session, [pk])[0][1]
        owner = None
        if p.owner_id:
            owner_pk = repository.live_actor_keys(session, [p.owner_id]).get(p.owner_id)
            if owner_pk is not None:
                owner = store.load_actors(session, [owner_pk])[0][1]
        context = problem_context(GeoService(self.database), p, owner)
        point = context.point
        if (
            context.located_from == LOCATED_BY_OWNER
            and owner is not None
            and self.vocabulary.holds_personal_data(owner.kind)
        ):
            point = None
        lat, lon = point or (None, None)
        code = context.municipality_code
        return MapProblem(
            p.id,
            p.title,
            lat,
            lon,
            code,
            municipality_name(code) if code else None,
            # Without a point there is no centre for the ring (and no hint at a home).
            p.seeking.max_distance_km if point else None,
        )

    def _title(self, scope: str, value: str | None, place: str | None = None) -> str:
        if scope == "target_group":
            return f"Partnerkort: {self.vocabulary.label('target_groups', value or '')}"
        if scope == "resource":
            return f"Partnerkort: {self.vocabulary.label('resource_kinds', value or '')}"
        if scope == "municipality":
            return f"Partnerkort: {place} Kommune" if place else f"Partnerkort: kommune {value}"
        return "Partnerkort"


_DISTRICT = re.compile(r"\s+(?:[CKMNSVØ]|N[VØ]|S[VØ]|Øst|Vest|Nord|Syd)$")


@cache
def town_labels() -> tuple[MapTown, ...]:
    """Every town of the built-in postcode points, ranked for labelling (read once)."""
    seats = {m.name for m in municipalities().values()}
    cities: dict[str, list[PostcodePlace]] = {}
    for place in postcode_places():
        cities.setdefault(_DISTRICT.sub("", place.name), []).append(place)
    towns = []
    for city, members in cities.items():
        big = len(members) >= 3
        if len(members) > 1 and all(place.name != city for place in members):
            # The city's own label sits at its first district's point.
            first = members[0]
            towns.append(MapTown(city, first.lat, first.lon, 0 if big else 1, districts=True))
        for place in members:
            named = place.name == city
            rank = 0 if named and big else 1 if named and (len(members) > 1 or city in seats) else 2
            towns.append(MapTown(place.name, place.lat, place.lon, rank))
    return tuple(sorted(towns, key=lambda t: t.rank))


def _in_scope(actor: Actor, scope: str, value: str | None) -> bool:
    if scope == "municipality":
        return actor.location.municipality_code == value
    if scope == "target_group":
        return value in actor.target_groups
    if scope == "resource":
        return any(r.kind == value for r in actor.resources_offered)
    return True
