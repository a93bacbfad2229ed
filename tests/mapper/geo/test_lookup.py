"""Point-in-polygon lookup over the shapes of a layer."""

from __future__ import annotations

import math

import shapely

from mapper.geo.lookup import BoundaryIndex


def box(min_lon: float, min_lat: float, max_lon: float, max_lat: float) -> str:
    return str(shapely.to_geojson(shapely.box(min_lon, min_lat, max_lon, max_lat)))


WEST, EAST = box(8.0, 55.0, 9.0, 56.0), box(9.0, 55.0, 10.0, 56.0)


def test_a_point_gets_the_area_it_lies_in() -> None:
    index = BoundaryIndex([("0561", WEST), ("0573", EAST)])
    assert len(index) == 2
    assert index.code_at(55.5, 8.5) == "0561"
    assert index.code_at(55.5, 9.5) == "0573"
    assert index.codes_at([55.5, 55.5, 60.0], [8.5, 9.5, 8.5]) == ["0561", "0573", None]


def test_a_point_just_outside_belongs_to_the_nearest_area_within_the_tolerance() -> None:
    index = BoundaryIndex([("0561", WEST)])
    assert index.code_at(56.0005, 8.5) == "0561"  # about 55 m north of the border
    assert index.code_at(56.01, 8.5) is None  # about 1 km


def test_overlapping_areas_give_the_first_one() -> None:
    index = BoundaryIndex([("a", box(8.0, 55.0, 9.5, 56.0)), ("b", box(8.5, 55.0, 10.0, 56.0))])
    assert index.codes_at([55.5, 55.5, 55.5], [9.0, 8.2, 9.8]) == ["a", "a", "b"]


def test_no_areas_and_no_coordinates() -> None:
    assert BoundaryIndex([]).code_at(55.5, 8.5) is None
    assert BoundaryIndex([("0561", WEST)]).code_at(math.nan, math.nan) is None
    assert BoundaryIndex([("0561", WEST)]).codes_at([], []) == []
