"""The exported partner map as a file: self-contained, private, escaped (no browser here)."""

from __future__ import annotations

import io
import json
import re
from dataclasses import replace
from pathlib import Path

import pytest

import exports
from exports.geojson import actors_feature_collection, write_geojson
from exports.partner_map import (
    DAGI_ATTRIBUTION,
    PALETTE,
    TEXTS,
    contrast_ratio,
    json_for_script,
    kind_marks,
    label_point,
    network_links,
    render_partner_map,
    text_colour,
    write_partner_map,
)
from mapper.domain.vocabulary import load_vocabulary, read_data_json
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapActor, MapBoundary, MapProblem, MapService, town_labels
from tests.exports.conftest import sample_map, square

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
    assert {"code": "company", "label": "Virksomhed", "mark": "VI", "count": 1} in kinds


def test_the_page_says_its_language_and_lets_the_reader_zoom() -> None:
    danish = render_partner_map(sample_map())
    assert '<html lang="da">' in danish
    assert '<html lang="en">' in render_partner_map(sample_map(), lang="en")
    assert "user-scalable=no" not in danish and "maximum-scale" not in danish
    assert '<a class="pm-skip" href="#pm-list">Gå til listen over aktører</a>' in danish
    assert '<main class="pm-main">' in danish and 'id="pm-list"' in danish
    assert TEXTS["da"].keys() == TEXTS["en"].keys()


def test_marker_letters_read_on_every_kind_colour() -> None:
    assert contrast_ratio("#000000", "#ffffff") == pytest.approx(21)
    assert contrast_ratio("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)
    for colour in PALETTE:
        assert contrast_ratio(text_colour(colour), colour) >= 4.5, colour


def test_names_on_the_map_read_on_land_and_sea() -> None:
    """axe-core cannot see behind the map's shapes, so the names' colours are checked here
    against the land and the sea (and the faint tint inside a distance ring)."""
    css = (Path(exports.__file__).parent / "assets" / "partner_map.css").read_text()
    script = (Path(exports.__file__).parent / "assets" / "partner_map.js").read_text()
    sea = re.search(r"\.leaflet-container \{ background: (#[0-9a-f]{6}); \}", css)
    land = re.search(r'fillColor: "(#[0-9a-f]{6})"', script)
    assert sea and land
    backgrounds = [sea.group(1), land.group(1)]
    backgrounds += [tint("#b00020", b, 0.04) for b in backgrounds]
    names = re.findall(
        r"\.pm-(?:label|town-r\d|municipality-label|ring-label) span \{[^}]*?color: (#[0-9a-f]+)",
        css,
    )
    assert len(names) >= 4
    for colour in names:
        for background in backgrounds:
            assert contrast_ratio(colour, background) >= 4.5, (colour, background)


def tint(colour: str, background: str, alpha: float) -> str:
    mixed = (
        round(alpha * int(colour[i : i + 2], 16) + (1 - alpha) * int(background[i : i + 2], 16))
        for i in (1, 3, 5)
    )
    return "#" + "".join(f"{value:02x}" for value in mixed)


def test_every_kind_has_its_own_mark_in_both_languages() -> None:
    vocab = load_vocabulary()
    for lang in ("da", "en"):
        labels = [vocab.label("actor_kinds", t.code, lang) for t in vocab.terms("actor_kinds")]
        marks = kind_marks(labels)
        assert len(set(marks)) == len(marks) == len(labels)
        assert all(1 <= len(m) <= 3 and m == m.upper() for m in marks)
    assert kind_marks(
        ["Lokal forening", "Fond", "Frivillig organisation", "Faglig organisation"]
    ) == [
        "LF",
        "FO",
        "FR",
        "FA",
    ]


def test_write_reports_markers_and_size(tmp_path: Path) -> None:
    report = write_partner_map(sample_map(), tmp_path / "map.html")
    assert report.markers == 3 and report.boundaries == 1
    assert report.bytes == (tmp_path / "map.html").stat().st_size


# --------------------------------------------------------------------------- orientation


def ribe_problem(**overrides: object) -> MapProblem:
    problem = MapProblem(
        "p1", "Lektiehjælp i Ribe", 55.3283, 8.7616, "0561", "Esbjerg", max_distance_km=12.5
    )
    return replace(problem, **overrides)  # type: ignore[arg-type]


def test_a_problem_with_a_place_gets_a_star_and_a_ring_in_metres() -> None:
    page = render_partner_map(sample_map(scope="problem", problem=ribe_problem()))
    problem = payload(page)["problem"]
    assert (problem["lat"], problem["lon"]) == (55.3283, 8.7616)
    assert problem["ring_m"] == 12_500 and problem["ring_km"] == "12,5"
    assert "pm-problem-marker" in page and "L.circle(" in page
    assert payload(page)["labels"]["problem_place"] == "Problemstillingens sted"
    english = payload(render_partner_map(sample_map(problem=ribe_problem()), lang="en"))
    assert english["problem"]["ring_km"] == "12.5"
    assert english["labels"]["distance_limit"] == "Distance limit: {km} km"


def test_no_ring_without_a_limit_or_without_a_point() -> None:
    unlimited = payload(render_partner_map(sample_map(problem=ribe_problem(max_distance_km=None))))
    assert unlimited["problem"]["ring_m"] is None
    # A problem without a point of its own (its owner is a person) has no centre for a ring.
    pointless = ribe_problem(lat=None, lon=None)
    assert payload(render_partner_map(sample_map(problem=pointless)))["problem"]["ring_m"] is None


def test_the_problem_title_is_escaped_where_the_star_names_it() -> None:
    evil = "</script><img src=x onerror=alert(1)>"
    page = render_partner_map(sample_map(problem=ribe_problem(title=evil), title=evil))
    assert "<img src=x" not in page and "</script><img" not in page
    assert payload(page)["problem"]["title"] == evil


def test_the_service_hands_over_the_limit_and_the_towns(demo: Database) -> None:
    data = MapService(demo).partner_map(scope="problem", value="aar-p-i-gang-mentorer")
    assert data.problem is not None and data.problem.max_distance_km == 15
    assert data.towns == town_labels()
    assert MapService(demo).partner_map().towns == town_labels()


def test_towns_are_ranked_from_the_built_in_postcode_points() -> None:
    towns = {(t.name, t.districts): t for t in town_labels()}
    aarhus = towns["Aarhus", True]
    assert aarhus.rank == 0 and round(aarhus.lat, 1) == 56.1  # at Aarhus C's point
    assert towns["Aarhus C", False].rank == 2 and towns["Aarhus N", False].rank == 2
    assert towns["Esbjerg", False].rank == 0  # a city whose own postcode carries its name
    assert ("Esbjerg", True) not in towns
    assert towns["Kolding", False].rank == 1  # names its municipality
    assert towns["Ribe", False].rank == 2
    ranks = [t.rank for t in town_labels()]
    assert ranks == sorted(ranks), "the most important names come first"


def test_town_labels_and_municipality_names_travel_in_the_data() -> None:
    data = sample_map(towns=town_labels())
    found = payload(render_partner_map(data))
    assert {"n": "Aarhus", "lat": 56.14376, "lon": 10.19659, "r": 0, "d": 1} in found["towns"]
    assert len(found["towns"]) == len(town_labels())
    (municipalities,) = found["boundaries"]
    (name,) = municipalities["names"]
    assert name["n"] == "Esbjerg"
    assert 55.43 < name["lat"] < 55.48 and 8.40 < name["lon"] < 8.45  # inside its square
    assert payload(render_partner_map(sample_map()))["towns"] == []


def test_municipality_names_sit_inside_odd_shapes() -> None:
    # A U open to the north: its bounding box's centre lies in the gap, not on land.
    u_shape = {
        "type": "Polygon",
        "coordinates": [[[0, 0], [3, 0], [3, 3], [2, 3], [2, 1], [1, 1], [1, 3], [0, 3], [0, 0]]],
    }
    lat, lon = label_point(u_shape) or (0, 0)
    assert lat == 1.5 and (0 < lon < 1 or 2 < lon < 3)
    island_and_mainland = {
        "type": "MultiPolygon",
        "coordinates": [
            square(55.0, 8.0, 0.01)["coordinates"],
            square(56.0, 10.0, 1)["coordinates"],
        ],
    }
    assert label_point(island_and_mainland) == (56.5, 10.5)
    assert label_point({"type": "Point", "coordinates": [8, 55]}) is None
    boundary = MapBoundary("regions", "1084", "Hovedstaden", square(55.6, 12.2))
    regions = payload(render_partner_map(sample_map(boundaries=(boundary,))))["boundaries"]
    assert "names" not in regions[0], "only municipalities are named on the map"


def test_the_legend_folds_with_an_accessible_button_and_prints_on_a4() -> None:
    page = render_partner_map(sample_map())
    for needle in ('"aria-expanded"', '"aria-controls", "pm-panel-body"', "labels.hide_legend"):
        assert needle in page
    assert payload(page)["labels"]["show_legend"] == "Vis signaturforklaringen"
    assert "@media print" in page and "size: A4 landscape" in page
    print_css = page[page.index("size: A4 landscape") :]
    for hidden in (".leaflet-control-zoom", ".pm-toggle"):
        assert hidden in print_css[: print_css.index("display: none")]
    assert "localStorage" not in page and "document.cookie" not in page


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
