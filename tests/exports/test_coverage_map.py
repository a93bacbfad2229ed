"""The coverage map file: offline, a legend with the class breaks and the white spot, every
text escaped, and no actor in it (individual volunteers' points least of all)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from itertools import pairwise
from pathlib import Path

from exports.coverage_map import (
    PALETTE,
    class_breaks,
    coverage_payload,
    render_coverage_map,
    write_coverage_map,
)
from exports.partner_map import network_links
from mapper.domain.vocabulary import read_data_json
from mapper.persistence.database import Database
from mapper.services.coverage_map import CoverageArea, CoverageMap, CoverageMapService
from mapper.services.landscape import LandscapeService
from tests.exports.conftest import square


def area(code: str, name: str, actors: int, *, lon: float, spot: bool = False) -> CoverageArea:
    return CoverageArea(
        code=code,
        name=name,
        geometry=square(55.0, lon, 0.1),
        actors=actors,
        all_actors=actors + 3,
        expected=2.5,
        white_spot=spot,
    )


def sample(**overrides: object) -> CoverageMap:
    base = CoverageMap(
        target_group="mental_illness",
        level="municipality",
        municipality_code=None,
        municipality_name=None,
        areas=(
            area("0561", "Esbjerg", 7, lon=8.0),
            area("0573", "Varde", 0, lon=8.1, spot=True),
            area("0563", "Fanø", 2, lon=8.2),
        ),
        boundary_source="built-in",
        placed_by_point=15,
        placed_by_code=1,
        disagreeing=0,
        unplaced=2,
    )
    return replace(base, **overrides)  # type: ignore[arg-type]


def payload_of(page: str) -> dict[str, object]:
    found = re.search(r'id="coverage-map-data">(.*?)</script>', page, re.DOTALL)
    assert found is not None
    data = json.loads(found.group(1))
    assert isinstance(data, dict)
    return data


def test_the_page_works_offline_with_leaflet_inlined() -> None:
    page = render_coverage_map(sample())
    assert network_links(page) == []
    assert "L.geoJSON" in page and "leaflet" in page.lower()
    assert "qwebchannel" not in page
    assert "qrc:///qtwebchannel/qwebchannel.js" in render_coverage_map(sample(), app_bridge=True)


def test_title_legend_and_class_breaks_in_danish() -> None:
    page = render_coverage_map(sample())
    assert "<title>Dækning: Psykisk sårbare og psykisk syge</title>" in page
    assert "<h1>Dækning: Psykisk sårbare og psykisk syge</h1>" in page
    assert "Signaturforklaring" in page
    assert "Hvid plet" in page
    assert "Færre end 34 % af det forventede" in page
    assert "2 aktører uden sted på kortet er ikke talt med." in page
    assert "Kommunegrænser fra 2014 (indbygget)." in page
    # Two values above zero: two classes, 1-2 and 3-7, lightest and darkest.
    assert ">1–2</li>" in page and ">3–7</li>" in page
    assert "@media print" in page and "A4 landscape" in page
    assert 'aria-expanded="true"' in page


def test_english_and_a_municipalitys_title() -> None:
    page = render_coverage_map(
        sample(level="postcode", municipality_code="0561", municipality_name="Esbjerg"),
        lang="en",
    )
    assert "in Esbjerg Municipality</title>" in page
    assert "Actors per postcode area" in page and "White spot" in page


def test_class_breaks() -> None:
    assert class_breaks([0, 0]) == ()
    one = class_breaks([0, 4])
    assert [(c.low, c.high, c.colour) for c in one] == [(1, 4, PALETTE[-1])]
    few = class_breaks([1, 2, 3])
    assert [(c.low, c.high) for c in few] == [(1, 1), (2, 2), (3, 3)]
    assert few[0].colour == PALETTE[0] and few[-1].colour == PALETTE[-1]
    many = class_breaks(list(range(0, 41)))
    assert len(many) == 5
    assert many[0].low == 1 and many[-1].high == 40
    assert all(a.high + 1 == b.low for a, b in pairwise(many))


def test_every_text_is_escaped() -> None:
    evil = "</script><script>alert(1)</script><b>&"
    page = render_coverage_map(
        sample(areas=(area("0561", evil, 3, lon=8.0),)), title='Kort "<i>" & co'
    )
    assert "<script>alert(1)" not in page
    assert "<b>&" not in page
    assert "<title>Kort &quot;&lt;i&gt;&quot; &amp; co</title>" in page
    data = payload_of(page)
    areas = data["areas"]
    assert isinstance(areas, list) and areas[0]["name"] == evil
    # The page script writes names with textContent only.
    assert "innerHTML" not in page.split('id="coverage-map-data"')[1]


def test_the_payload_holds_area_figures_only() -> None:
    data = coverage_payload(sample())
    keys = {k for a in data["areas"] for k in a}
    assert keys == {"code", "name", "geometry", "n", "all", "expected", "spot", "focus", "label"}
    varde = data["areas"][1]
    assert (varde["n"], varde["spot"], varde["expected"]) == (0, True, "2,5")


def test_no_volunteer_point_reaches_the_file(database: Database, tmp_path: Path) -> None:
    """Canary: the demo's individual volunteers are counted, but none of their coordinates is
    anywhere in the page."""
    LandscapeService(database).load_demo()
    volunteers = [
        a
        for a in read_data_json("demo_landscape.json")["actors"]
        if a["kind"] == "volunteer_person"
    ]
    assert volunteers
    data = CoverageMapService(database).coverage_map(None)
    report = write_coverage_map(data, tmp_path / "dækning.html")
    page = (tmp_path / "dækning.html").read_text("utf-8")
    assert report.bytes == len(page.encode("utf-8"))
    for person in volunteers:
        location = person["location"]
        for value in (location["lat"], location["lon"]):
            # As a whole number token (a boundary vertex may share its first digits).
            assert not re.search(rf"(?<![\d.]){re.escape(str(value))}(?!\d)", page), value
        assert person["name"] not in page and person["id"] not in page


def test_writing_to_a_stream() -> None:
    out = io.StringIO()
    report = write_coverage_map(sample(), out, lang="en")
    assert out.getvalue().startswith("<!DOCTYPE html>")
    assert (report.areas, report.white_spots) == (3, 1)
