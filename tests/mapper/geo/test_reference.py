"""The built-in reference data (DAGI 2014 extract shipped in data/): names, postcodes, shapes."""

from __future__ import annotations

import json
from importlib import resources

import pytest
import shapely

from mapper.geo import reference


def test_every_municipality_has_a_four_digit_code_an_official_name_and_a_point() -> None:
    found = reference.municipalities()
    assert len(found) == 99  # 98 municipalities and Christiansø
    assert all(len(code) == 4 and code.isdigit() for code in found)
    assert found["0561"].name == "Esbjerg"
    assert found["0751"].name == "Aarhus"
    assert found["0101"].region_code == "1084"
    assert all(54.5 < m.lat < 57.8 and 8.0 < m.lon < 15.2 for m in found.values())


@pytest.mark.parametrize(
    ("code", "name"),
    [("0561", "Esbjerg"), ("561", "Esbjerg"), (" 0751 ", "Aarhus"), ("0562", None), ("", None)],
)
def test_municipality_names_are_found_in_any_spelling_of_the_code(
    code: str, name: str | None
) -> None:
    assert reference.municipality_name(code) == name


def test_a_postcode_gives_its_town_municipality_and_point() -> None:
    ribe = reference.postcode_place("6760")
    assert ribe is not None
    assert (ribe.name, ribe.municipality_code, ribe.area) == ("Ribe", "0561", "6760")
    # Ribe lies about 30 km south-east of Esbjerg town.
    assert ribe.lat == pytest.approx(55.32, abs=0.05)
    assert ribe.lon == pytest.approx(8.78, abs=0.05)


def test_a_copenhagen_postcode_resolves_to_the_range_that_holds_it() -> None:
    place = reference.postcode_place("1050")
    assert place is not None
    assert (place.postcode, place.area, place.name) == ("1050", "1000-1499", "København K")
    assert place.municipality_code == "0101"
    assert reference.postcode_place("1499") is not None
    assert reference.postcode_place("1500") is not None
    assert reference.postcode_place("1500").area == "1500-1799"  # type: ignore[union-attr]


@pytest.mark.parametrize("postcode", ["0000", "9999", "Ribe", "", None, "12345"])
def test_an_unknown_postcode_has_no_place(postcode: str | None) -> None:
    assert reference.postcode_place(postcode) is None


def test_every_postcode_area_is_listed_once_with_its_town_and_point() -> None:
    places = reference.postcode_places()
    areas = [p.area for p in places]
    assert len(areas) == len(set(areas)) > 500
    by_area = {p.area: p for p in places}
    assert (by_area["6760"].name, by_area["6760"].municipality_code) == ("Ribe", "0561")
    assert by_area["1000-1499"].name == "København K"
    assert all(54.5 < p.lat < 57.8 and 8.0 < p.lon < 15.2 for p in places)


def test_a_town_name_finds_its_postcode() -> None:
    assert [p.postcode for p in reference.postcodes_of_town("  ribe ")] == ["6760"]
    assert reference.postcodes_of_town("Atlantis") == ()


def test_the_boundaries_are_valid_shapes_with_the_names_of_the_list() -> None:
    shapes = reference.municipality_boundaries()
    assert [s.code for s in shapes] == sorted(reference.municipalities())
    esbjerg = next(s for s in shapes if s.code == "0561")
    assert esbjerg.name == "Esbjerg"
    geometry = shapely.geometry.shape(esbjerg.geometry)
    assert geometry.is_valid
    ribe = reference.postcode_place("6760")
    assert ribe is not None
    assert geometry.contains(shapely.Point(ribe.lon, ribe.lat))


def test_the_shipped_files_carry_source_date_and_attribution() -> None:
    files = resources.files("mapper_data")
    for name in ("dk_municipalities.json", "dk_postcodes.json"):
        meta = json.loads(files.joinpath(name).read_text(encoding="utf-8"))
        assert meta["attribution"] == reference.ATTRIBUTION
        assert "2014-02-13" in meta["source"]
    boundaries = files.joinpath("dk_municipality_boundaries.geojson")
    meta = json.loads(boundaries.read_text(encoding="utf-8"))["metadata"]
    assert meta["attribution"] == reference.ATTRIBUTION
    assert meta["extract_date"] == reference.EXTRACT_DATE == "2014-02-13"
    assert len(boundaries.read_bytes()) < 600_000  # small enough to ship
