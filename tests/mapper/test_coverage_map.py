"""Coverage on the map: a tiny landscape of two square municipalities side by side, Vestby
(0561) and Østby (0573), with postcode areas 6700 and 6800 on the same squares. Four actors in
Vestby work with mental illness (one of them an individual volunteer, one without a stored
code, one whose stored code says Østby); nobody in Østby does, where two are expected: a white
spot. One actor lies just outside Vestby's simplified border, one has no point but Østby's
code, and one lies far out at sea with no code at all."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.errors import ValidationError
from mapper.domain.municipality import MunicipalityCodeError
from mapper.persistence.database import Database
from mapper.services.coverage_map import CoverageMapService
from mapper.services.geo import GeoService
from mapper.services.landscape import LandscapeService
from mapper.services.overview import OverviewService

MENTAL, ELDERLY = "mental_illness", "elderly_lonely"
VESTBY, OSTBY = "0561", "0573"
PERSON_POINT = (55.04321, 8.03217)


def square(lon: float, lat: float, size: float = 0.1) -> dict[str, Any]:
    ring = [[lon, lat], [lon + size, lat], [lon + size, lat + size], [lon, lat + size]]
    return {"type": "Polygon", "coordinates": [[*ring, ring[0]]]}


def layer(path: Path, areas: list[tuple[str, str, str | None, float]]) -> Path:
    features = [
        {
            "type": "Feature",
            "properties": {
                "code": code,
                "name": name,
                **({"kommunekode": parent} if parent else {}),
            },
            "geometry": square(lon, 55.0),
        }
        for code, name, parent, lon in areas
    ]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}), "utf-8")
    return path


def actor(uid: str, point: tuple[float, float] | None, groups: list[str], **location: Any) -> Any:
    place: dict[str, Any] = dict(location)
    if point is not None:
        place.update(lat=point[0], lon=point[1], precision="address")
    return {
        "id": uid,
        "name": f"Aktør {uid}",
        "kind": "voluntary_organisation",
        "target_groups": groups,
        **({"location": place} if place else {}),
    }


def landscape() -> dict[str, Any]:
    volunteer = actor("w4", PERSON_POINT, [MENTAL], municipality_code=VESTBY)
    volunteer.update(
        kind="volunteer_person",
        name="Mette Frivillig",
        public=False,
        consent={"given_on": "2026-02-01", "purpose": "Matchning"},
    )
    west, east = (55.05, 8.05), (55.05, 8.15)
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            actor("w1", west, [MENTAL], municipality_code=VESTBY, postcode="6700"),
            actor("w2", west, [MENTAL]),  # no stored code: counts where it lies
            actor("w3", west, [MENTAL], municipality_code=OSTBY, postcode="6800"),
            volunteer,
            actor("w5", west, [], municipality_code=VESTBY),
            actor("w6", west, [ELDERLY], municipality_code=VESTBY),
            actor("o2", (55.05, 7.9996), [], municipality_code=VESTBY),  # 25 m outside
            *(actor(f"e{i}", east, [], municipality_code=OSTBY) for i in range(1, 5)),
            actor("e5", east, [ELDERLY], municipality_code=OSTBY, postcode="6800"),
            actor("n1", None, [], municipality_code=OSTBY, postcode="6800"),
            actor("o1", (56.5, 6.0), [ELDERLY]),  # at sea, no code: nowhere
        ],
    }


@pytest.fixture
def coverage(database: Database, tmp_path: Path) -> CoverageMapService:
    geo = GeoService(database)
    geo.import_file(
        layer(tmp_path / "k.geojson", [(VESTBY, "Vestby", None, 8.0), (OSTBY, "Østby", None, 8.1)]),
        "municipalities",
    )
    geo.import_file(
        layer(
            tmp_path / "p.geojson",
            [("6700", "Vestby By", VESTBY, 8.0), ("6800", "Østby By", OSTBY, 8.1)],
        ),
        "postcodes",
    )
    LandscapeService(database).import_document(landscape())
    return CoverageMapService(database)


def test_actors_count_where_their_points_lie(coverage: CoverageMapService) -> None:
    found = coverage.coverage_map(MENTAL)
    west, east = found.area(VESTBY), found.area(OSTBY)
    assert west is not None and east is not None
    assert (west.name, west.actors, west.all_actors) == ("Vestby", 4, 7)
    assert (east.name, east.actors, east.all_actors) == ("Østby", 0, 6)
    assert west.geometry["type"] == "Polygon"
    assert found.boundary_source == "imported"
    # w3's stored code says Østby; its point is in Vestby, and the point wins.
    assert (found.placed_by_point, found.placed_by_code, found.disagreeing) == (12, 1, 1)
    assert found.unplaced == 1


def test_the_white_spot_follows_the_overviews_rule(coverage: CoverageMapService) -> None:
    found = coverage.coverage_map(MENTAL)
    west, east = found.area(VESTBY), found.area(OSTBY)
    assert west is not None and east is not None
    assert east.expected == pytest.approx(4 * 6 / 13)
    assert east.white_spot
    assert west.expected == pytest.approx(4 * 7 / 13)
    assert not west.white_spot
    assert OverviewService.white_spot_ratio * east.expected > east.actors


def test_all_target_groups_counts_actors_with_any(coverage: CoverageMapService) -> None:
    found = coverage.coverage_map(None)
    assert [(a.code, a.actors) for a in found.areas] == [(VESTBY, 5), (OSTBY, 1)]
    assert found.target_group is None


def test_a_municipality_is_broken_down_by_its_postcodes(coverage: CoverageMapService) -> None:
    found = coverage.coverage_map(MENTAL, municipality_code="561")
    assert found.level == "postcode"
    assert found.municipality_code == VESTBY
    assert [(a.code, a.name, a.actors, a.all_actors) for a in found.areas] == [
        ("6700", "Vestby By", 4, 7)
    ]
    # Nobody in scope lacks a place: w3 (Østby's code) lies in 6700, n1 is Østby's.
    assert found.unplaced == 0


def test_individual_volunteers_are_counted_but_never_located(
    coverage: CoverageMapService,
) -> None:
    found = coverage.coverage_map(MENTAL)
    text = repr(dataclasses.asdict(found))
    assert "55.04321" not in text and "8.03217" not in text
    assert "Mette" not in text and "w4" not in text
    west = found.area(VESTBY)
    assert west is not None and west.actors == 4  # the volunteer among them


def test_bad_input_is_refused_naming_the_field(coverage: CoverageMapService) -> None:
    with pytest.raises(ValidationError) as raised:
        coverage.coverage_map("mental_ilness")
    problem = raised.value.problems[0]
    assert (problem.field, problem.code) == ("target_group", "unknown_code")
    assert problem.params["nearest"] == MENTAL
    with pytest.raises(ValidationError) as raised:
        coverage.coverage_map(MENTAL, level="region")
    assert (raised.value.problems[0].field, raised.value.problems[0].code) == (
        "level",
        "not_one_of",
    )
    with pytest.raises(MunicipalityCodeError):
        coverage.coverage_map(MENTAL, municipality_code="9999")


def test_postcode_areas_must_be_imported_first(database: Database) -> None:
    LandscapeService(database).import_document(landscape())
    with pytest.raises(ValidationError, match="mapper geo import FILE --layer postcodes"):
        CoverageMapService(database).coverage_map(MENTAL, level="postcode")


def test_built_in_boundaries_agree_with_the_overview(database: Database) -> None:
    """On the demo landscape (points and stored codes agree) the spatial join gives the
    overview's coverage matrix cell for cell."""
    LandscapeService(database).load_demo()
    overview = OverviewService(database).overview().coverage
    for group in ("socially_vulnerable_adults", "mental_illness"):
        found = CoverageMapService(database).coverage_map(group)
        assert found.boundary_source == "built-in"
        assert found.disagreeing == 0
        for area in found.areas:
            cell = overview.cell(group, area.code)
            if cell is None:
                assert area.all_actors == 0
                continue
            assert (area.actors, area.white_spot) == (cell.actors, cell.white_spot)
            assert area.expected == pytest.approx(cell.expected)
