"""Coverage on the map (dækningskort): actors working with a target group per municipality or
postcode area, placed by a geopandas spatial join of their points with the area shapes, with
the white spots of the overview's rule; the figures behind `mapper export coverage` and the
Kort tab's Dækning mode.

Every live actor counts, individual volunteers too, but only area figures leave this module:
no actor's point, name or id is in the result (privacy by design).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from mapper.domain.errors import InputProblem, ValidationError
from mapper.domain.municipality import normalise_municipality_code
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.geo import reference
from mapper.geo.layers import MUNICIPALITIES, POSTCODES, normalise_code, postcode_range
from mapper.geo.lookup import NEAR_DEGREES
from mapper.io.bulk import collector_paused
from mapper.persistence.database import Database
from mapper.persistence.repositories import points
from mapper.persistence.repositories.points import ActorPoint
from mapper.services.geo import GeoService
from mapper.services.overview import (
    AreaLevel,
    OverviewService,
    area_level,
    checked_level,
    is_white_spot,
)

BoundarySource = Literal["imported", "built-in"]


@dataclass(frozen=True)
class CoverageArea:
    """One area of the map and the actors in it."""

    code: str
    """A municipality code (four digits) or a postcode area ('6700', '1000-1499')."""
    name: str
    geometry: Mapping[str, Any]
    """GeoJSON geometry, longitude/latitude (WGS84)."""
    actors: int
    """Actors in the area working with the target group (any target group when none)."""
    all_actors: int
    """Every actor in the area."""
    expected: float
    """As in the overview: the target group's actors spread over the areas in proportion to
    all actors in each."""
    white_spot: bool
    """The overview's rule (``OverviewService.white_spot_ratio``)."""


@dataclass(frozen=True)
class CoverageMap:
    """The choropleth's data: the areas in code order and how the actors were placed."""

    target_group: str | None
    """None: actors working with any target group."""
    level: AreaLevel
    municipality_code: str | None
    municipality_name: str | None
    areas: tuple[CoverageArea, ...]
    boundary_source: BoundarySource
    placed_by_point: int
    """Actors placed where their point lies (the spatial join)."""
    placed_by_code: int
    """Actors without a point in any area, placed by their stored municipality code or
    postcode."""
    disagreeing: int
    """Actors whose point lies in another area than their stored code names (the point
    wins)."""
    unplaced: int
    """Actors in scope in no area: no point in one, and no stored code of one."""

    def area(self, code: str) -> CoverageArea | None:
        return next((a for a in self.areas if a.code == code), None)


@dataclass(frozen=True)
class _Shape:
    code: str
    name: str
    geometry: Mapping[str, Any]
    parent_code: str | None


@dataclass(frozen=True)
class _Placed:
    """Where one actor counts; its point stays in this module."""

    area: str | None
    by_point: bool
    disagrees: bool
    in_group: bool
    in_scope: bool


class CoverageMapService:
    """Coverage per area, by where actors are (their points) rather than what they state."""

    def __init__(self, database: Database, vocabulary: Vocabulary | None = None) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()

    def coverage_map(
        self,
        target_group: str | None = None,
        *,
        level: str = "municipality",
        municipality_code: str | None = None,
    ) -> CoverageMap:
        """The areas of ``level`` with their actors of ``target_group`` (None: any). One
        chosen municipality is broken down by its postcode areas, as in the overview; that
        needs an imported postcode layer. Raises ValidationError for an unknown target
        group or level, or postcode areas that are not there; MunicipalityCodeError for an
        unknown municipality."""
        group = self._target_group(target_group)
        code = None if municipality_code is None else normalise_municipality_code(municipality_code)
        chosen = area_level(code, checked_level(level, "coverage"))
        geo = GeoService(self.database)
        shapes, source = _shapes(geo, chosen)
        with collector_paused(), self.database.unit_of_work() as session:
            actors = points.actor_points(session)
        shown = shapes if code is None else _postcodes_of(shapes, code)
        placed = _place(actors, shapes, chosen, group, code, {s.code for s in shown})
        return self._coverage(group, chosen, code, shown, placed, source)

    # ----------------------------------------------------------------- parts

    def _target_group(self, code: str | None) -> str | None:
        if code is None or code in self.vocabulary.codes("target_groups"):
            return code
        nearest = self.vocabulary.nearest("target_groups", code)
        hint = f" (did you mean {nearest!r}?)" if nearest else ""
        raise ValidationError(
            [
                InputProblem(
                    "coverage",
                    "target_group",
                    code,
                    f"is not a target group of the vocabulary{hint}",
                    code="unknown_code",
                    params={"facet": "target_groups", "nearest": nearest},
                )
            ],
            source="coverage",
        )

    def _coverage(
        self,
        group: str | None,
        level: AreaLevel,
        code: str | None,
        shapes: Sequence[_Shape],
        placed: Sequence[_Placed],
        source: BoundarySource,
    ) -> CoverageMap:
        wanted = {s.code for s in shapes}
        counted = [p for p in placed if p.area in wanted]
        every: dict[str, int] = {}
        working: dict[str, int] = {}
        for p in counted:
            assert p.area is not None
            every[p.area] = every.get(p.area, 0) + 1
            if p.in_group:
                working[p.area] = working.get(p.area, 0) + 1
        total, in_group = len(counted), sum(working.values())
        ratio = OverviewService.white_spot_ratio
        areas = []
        for shape in shapes:
            n = working.get(shape.code, 0)
            # The overview's expectation and white-spot rule, over the spatially placed actors.
            expected = in_group * every.get(shape.code, 0) / total if total else 0.0
            areas.append(
                CoverageArea(
                    code=shape.code,
                    name=shape.name,
                    geometry=shape.geometry,
                    actors=n,
                    all_actors=every.get(shape.code, 0),
                    expected=expected,
                    white_spot=is_white_spot(n, expected, ratio),
                )
            )
        return CoverageMap(
            target_group=group,
            level=level,
            municipality_code=code,
            municipality_name=reference.municipality_name(code) if code else None,
            areas=tuple(areas),
            boundary_source=source,
            placed_by_point=sum(1 for p in counted if p.by_point),
            placed_by_code=sum(1 for p in counted if not p.by_point),
            disagreeing=sum(1 for p in counted if p.disagrees),
            unplaced=sum(1 for p in placed if p.in_scope and p.area not in wanted),
        )


def _shapes(geo: GeoService, level: AreaLevel) -> tuple[list[_Shape], BoundarySource]:
    """Every area of the level: the imported layer, else (municipalities only) the built-in
    DAGI 2014 shapes."""
    layer = MUNICIPALITIES if level == "municipality" else POSTCODES
    stored = geo.boundaries(layer)
    if stored:
        return [_Shape(b.code, b.name, b.geometry, b.parent_code) for b in stored], "imported"
    if level == "municipality":
        return [
            _Shape(b.code, b.name, b.geometry, b.region_code)
            for b in reference.municipality_boundaries()
        ], "built-in"
    raise ValidationError(
        [
            InputProblem(
                "coverage",
                "level",
                level,
                "no postcode areas are stored: import them first "
                "(mapper geo import FILE --layer postcodes)",
                code="invalid",
            )
        ],
        source="coverage",
    )


def _postcodes_of(shapes: Sequence[_Shape], municipality_code: str) -> list[_Shape]:
    """The postcode areas of one municipality: by the layer's municipality column, else by
    the built-in postcode list."""

    def municipality_of(shape: _Shape) -> str | None:
        if shape.parent_code:
            return normalise_code(shape.parent_code)
        found = reference.postcode_place(shape.code.partition("-")[0])
        return found.municipality_code if found else None

    return [s for s in shapes if municipality_of(s) == municipality_code]


def _stored_area(actor: ActorPoint, level: AreaLevel, codes: Mapping[str, str]) -> str | None:
    """The area the actor's stored municipality code or postcode names (a postcode inside
    Copenhagen's '1000-1499' names that area); ``codes`` maps single postcodes and range
    areas to area codes."""
    if level == "municipality":
        return normalise_code(actor.municipality_code)
    wanted = normalise_code(actor.postcode)
    if wanted is None:
        return None
    return codes.get(wanted, wanted)


def _range_members(shapes: Sequence[_Shape]) -> dict[str, str]:
    """Single postcodes inside the range areas ('1050' → '1000-1499')."""
    found: dict[str, str] = {}
    for shape in shapes:
        covered = postcode_range(shape.code)
        if covered is not None and covered[0] != covered[1]:
            for number in range(covered[0], covered[1] + 1):
                found.setdefault(f"{number:04d}", shape.code)
    return found


def _place(
    actors: Sequence[ActorPoint],
    shapes: Sequence[_Shape],
    level: AreaLevel,
    group: str | None,
    municipality_code: str | None,
    shown: set[str],
) -> list[_Placed]:
    """Where each actor counts: the area its point lies in (a geopandas spatial join, with
    the lookup's tolerance for points just outside every simplified shape), else the area its
    stored code names. With a chosen municipality, an actor is in scope when its point lies in
    one of the ``shown`` areas, or (without such a point) its stored code is the
    municipality's."""
    found = _join(
        [(i, a.lat, a.lon) for i, a in enumerate(actors) if a.has_point],
        shapes,
    )
    ranges = _range_members(shapes) if level == "postcode" else {}
    placed = []
    for i, actor in enumerate(actors):
        stored = _stored_area(actor, level, ranges)
        by_point = found.get(i)
        in_group = bool(actor.target_groups) if group is None else group in actor.target_groups
        in_scope = (
            municipality_code is None
            or by_point in shown
            or (by_point is None and actor.municipality_code == municipality_code)
        )
        placed.append(
            _Placed(
                area=by_point or stored,
                by_point=by_point is not None,
                disagrees=by_point is not None and stored is not None and stored != by_point,
                in_group=in_group,
                in_scope=in_scope,
            )
        )
    return placed


def _join(
    points: Sequence[tuple[int, float | None, float | None]], shapes: Sequence[_Shape]
) -> dict[int, str]:
    """Actor position → the code of the area its point lies in (geopandas ``sjoin``; where
    areas overlap the first in code order wins; a point outside all but within
    ``NEAR_DEGREES`` of one goes to the nearest)."""
    if not points or not shapes:
        return {}
    # geopandas takes half a second to import: only a coverage map needs it here.
    import geopandas
    import shapely

    areas = geopandas.GeoDataFrame(
        {"area": [s.code for s in shapes], "order": range(len(shapes))},
        geometry=[shapely.geometry.shape(s.geometry) for s in shapes],
    )
    located = geopandas.GeoDataFrame(
        {"actor": [i for i, _, _ in points]},
        geometry=geopandas.points_from_xy(
            [lon for _, _, lon in points], [lat for _, lat, _ in points]
        ),
    )
    # No CRS on either frame: both are longitude/latitude, and the tolerance is in degrees
    # like the lookup's (a geographic CRS would only add a warning about distances).
    inside = geopandas.sjoin(located, areas, how="inner", predicate="within")
    inside = inside.sort_values(["actor", "order"]).drop_duplicates("actor")
    found = dict(zip(inside["actor"].tolist(), inside["area"].tolist(), strict=True))
    outside = located[~located["actor"].isin(found)]
    if len(outside):
        near = geopandas.sjoin_nearest(
            outside, areas, how="inner", max_distance=NEAR_DEGREES, distance_col="distance"
        )
        near = near.sort_values(["actor", "distance", "order"]).drop_duplicates("actor")
        found.update(zip(near["actor"].tolist(), near["area"].tolist(), strict=True))
    return {int(i): str(code) for i, code in found.items()}
