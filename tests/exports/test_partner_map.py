"""The exported partner map as a file: self-contained, private, escaped (no browser here)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

from exports.geojson import actors_feature_collection, write_geojson
from exports.partner_map import (
    DAGI_ATTRIBUTION,
    json_for_script,
    network_links,
    render_partner_map,
    write_partner_map,
)
from mapper.domain.vocabulary import read_data_json
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapActor, MapService
from tests.exports.conftest import sample_map

DATA = re.compile(r'<script type="application/json" id="partner-map-data">(.*?)</script>', re.S)


def payload(page: str) -> dict:
    found = DATA.search(page)
    assert found, "no data block"
    return json.loads(found.group(1))


def test_page_has_no_network_link_and_inlines_its_libraries() -> None:
    page = render_partner_map(sample_map())
    assert network_links(page) == []
    assert "<script src" not in page and "<link" not in page
    assert "L.MarkerClusterGroup" in page and "initPartnerMap" in page
    assert payload(page)["attribution"] == DAGI_ATTRIBUTION


def test_network_link_detector_finds_what_would_load() -> None:
    assert network_links('<script src="https://cdn.example/x.js"></script>')
    assert network_links('<link rel="stylesheet" href="//cdn.example/x.css">')
    assert network_links("<style>a { background: url(https://x/y.png) }</style>")
    assert network_links("<script>var s = 'https://x';</script>") == []


def test_online_tiles_only_on_request_and_only_in_the_data() -> None:
    assert payload(render_partner_map(sample_map()))["tiles"] is None
    page = render_partner_map(sample_map(), online_tiles=True)
    assert payload(page)["tiles"]["url"].startswith("https://tile.openstreetmap.org/")
    assert network_links(page) == []


def test_user_text_cannot_break_out_of_the_data_block() -> None:
    evil = MapActor(
        "x",
        "</script><script>alert(1)</script><img src=x onerror=alert(2)>",
        "company",
        55.5,
        8.5,
        best_at="<!-- & \u2028",
    )
    page = render_partner_map(sample_map(actors=(evil,)))
    assert "<img src=x" not in page and "<script>alert(1)" not in page
    assert payload(page)["actors"][0]["name"] == evil.name
    assert payload(page)["actors"][0]["best"] == "<!-- & \u2028"
    assert "<" not in json_for_script({"a": "</script>"})


def test_title_is_escaped_in_the_head() -> None:
    page = render_partner_map(sample_map(title="<b>Kort</b> & co"))
    assert "<title>&lt;b&gt;Kort&lt;/b&gt; &amp; co</title>" in page


def test_labels_follow_the_language() -> None:
    assert (
        payload(render_partner_map(sample_map(), lang="en"))["labels"]["search"] == "Search actors…"
    )
    kinds = payload(render_partner_map(sample_map()))["kinds"]
    assert {"code": "company", "label": "Virksomhed", "count": 1} in kinds


def test_write_reports_markers_and_size(tmp_path: Path) -> None:
    report = write_partner_map(sample_map(), tmp_path / "map.html")
    assert report.markers == 3 and report.boundaries == 1
    assert report.bytes == (tmp_path / "map.html").stat().st_size


# --------------------------------------------------------------------------- privacy


@pytest.fixture
def demo(database: Database) -> Database:
    LandscapeService(database).load_demo()
    return database


def test_no_personal_data_reaches_a_map_or_geojson(demo: Database, tmp_path: Path) -> None:
    doc = read_data_json("demo_landscape.json")
    volunteers = [a for a in doc["actors"] if a["kind"] == "volunteer_person"]
    hidden = [a for a in doc["actors"] if not a.get("public", True) or not a.get("active", True)]
    no_consent = [a for a in doc["actors"] if "consent" not in a and a.get("contact", {})]
    assert volunteers and hidden and no_consent
    data = MapService(demo).partner_map()
    page = render_partner_map(data)
    out = io.StringIO()
    write_geojson(data, out)
    for text in (page, out.getvalue()):
        for person in volunteers:
            assert person["name"] not in text
            assert person["contact"]["email"] not in text
        for actor in hidden:
            assert actor["name"] not in text
        for actor in no_consent:
            for key in ("name", "email", "phone"):
                value = actor["contact"].get(key)
                if value:
                    assert value not in text, (actor["id"], key)
    assert data.left_out["personal"] == len(volunteers)


def test_contact_persons_appear_only_with_consent(demo: Database) -> None:
    landscape = LandscapeService(demo)
    doc = read_data_json("demo_landscape.json")
    organisation = next(
        a
        for a in doc["actors"]
        if a["kind"] == "voluntary_organisation" and a.get("public", True) and a.get("active", True)
    )
    data = MapService(demo).partner_map()
    shown = next(a for a in data.actors if a.id == organisation["id"])
    assert shown.contact_email is None and shown.website == organisation["contact"]["website"]
    agreed = replace(
        landscape.get_actor(organisation["id"]),
        consent=replace(
            landscape.get_actor(organisation["id"]).consent,
            given_on=__import__("datetime").date(2026, 5, 1),
            purpose="Vises på kommunens partnerkort",
        ),
    )
    from mapper.io.interchange import actor_to_dict

    landscape.import_document(
        {"format": "mapper-landscape", "version": 1, "actors": [actor_to_dict(agreed)]}
    )
    shown = next(a for a in MapService(demo).partner_map().actors if a.id == organisation["id"])
    assert shown.contact_email == organisation["contact"]["email"]


def test_scopes_select_their_actors(demo: Database) -> None:
    service = MapService(demo)
    everyone = service.partner_map()
    esbjerg = service.partner_map(scope="municipality", value="0561")
    assert esbjerg.actors and {a.municipality_code for a in esbjerg.actors} == {"0561"}
    mental = service.partner_map(scope="target_group", value="mental_illness")
    assert all("mental_illness" in a.target_groups for a in mental.actors)
    premises = service.partner_map(scope="resource", value="premises")
    assert all("premises" in a.resources for a in premises.actors)
    assert len(everyone.actors) > len(esbjerg.actors)
    ranked = service.partner_map(scope="problem", value="esb-p-patriciahuset-brobygning")
    assert ranked.actors[0].rank == 1 and ranked.actors[0].id == "esb-sammen-om-sindet"
    assert ranked.problem is not None and ranked.problem.lat is not None
    with pytest.raises(ValueError, match="did you mean 'mental_illness'"):
        service.partner_map(scope="target_group", value="mental_ilness")


def test_geojson_follows_rfc_7946_and_gdal_reads_it_back(demo: Database, tmp_path: Path) -> None:
    import pyogrio

    data = MapService(demo).partner_map()
    path = tmp_path / "actors.geojson"
    assert write_geojson(data, path) == len(data.actors)
    collection = json.loads(path.read_text("utf-8"))
    assert "crs" not in collection
    first = collection["features"][0]
    lon, lat = first["geometry"]["coordinates"]
    assert 8 < lon < 16 and 54 < lat < 58  # longitude first
    frame = pyogrio.read_dataframe(path)
    assert len(frame) == len(data.actors)
    assert frame.crs.to_epsg() == 4326
    assert set(frame["id"]) == {a.id for a in data.actors}
    assert actors_feature_collection(data)["features"][0]["properties"]["kind_label"]
