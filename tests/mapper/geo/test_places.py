"""A postcode places an actor on the map: from an imported postcode layer when there is one,
else from the built-in postcode points; the town and municipality fill in from it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from mapper.domain.errors import ValidationError
from mapper.domain.model import Actor, Location, ProblemStatement
from mapper.persistence.database import Database
from mapper.services.actors import ActorEditService
from mapper.services.geo import GeoService
from mapper.services.landscape import LandscapeService
from mapper.services.problems import ProblemEditService
from tests.mapper.geo import shapes

RIBE = (55.31886, 8.77752)  # the built-in point of postcode 6760


@pytest.fixture
def edit(database: Database) -> ActorEditService:
    return ActorEditService(database)


def association(location: Location) -> Actor:
    return Actor(
        id="rib-vikingeklubben", name="Vikingeklubben", kind="local_association", location=location
    )


def saved(edit: ActorEditService, actor: Actor, version: int | None = None) -> Actor:
    edit.save(actor, expected_version=version)
    return edit.load(actor.id)[0]


def test_a_new_actor_with_only_a_postcode_is_placed_in_its_town(edit: ActorEditService) -> None:
    stored = saved(edit, association(Location(postcode="6760")))
    loc = stored.location
    assert (loc.lat, loc.lon) == pytest.approx(RIBE)
    assert (loc.precision, loc.city, loc.municipality_code) == ("postcode", "Ribe", "0561")
    summary = LandscapeService(edit.database).list_actors()[0]
    assert summary.has_place


def test_what_the_user_typed_is_kept(edit: ActorEditService) -> None:
    stored = saved(edit, association(Location(postcode="6760", city="Ribe By")))
    assert stored.location.city == "Ribe By"
    assert stored.location.has_point
    # A point of its own (an address) is never replaced by the postcode's.
    placed = Location(postcode="6760", lat=55.33, lon=8.76, precision="address")
    other = Actor(
        id="rib-domkirken", name="Ribe Domkirke", kind="local_association", location=placed
    )
    assert saved(edit, other).location == placed


def test_a_cleared_point_is_placed_by_the_postcode_whatever_its_old_precision(
    edit: ActorEditService,
) -> None:
    """The user emptied latitude and longitude of an actor placed by address: the precision
    left behind must not keep it off the map."""
    stale = Location(postcode="6760", precision="address")
    stored = saved(edit, association(stale))
    assert (stored.location.lat, stored.location.lon) == pytest.approx(RIBE)
    assert stored.location.precision == "postcode"


def test_a_changed_postcode_moves_a_point_that_came_from_the_old_one(
    edit: ActorEditService,
) -> None:
    first = saved(edit, association(Location(postcode="6760")))
    version = edit.load(first.id)[1]
    moved = saved(edit, replace(first, location=replace(first.location, postcode="6700")), version)
    assert moved.location.lat != first.location.lat
    assert (moved.location.city, moved.location.municipality_code) == ("Esbjerg", "0561")
    # An unknown postcode leaves no stale point behind (the actor says it is not on the map).
    version = edit.load(first.id)[1]
    lost = saved(edit, replace(moved, location=replace(moved.location, postcode="0000")), version)
    assert not lost.location.has_point


def test_an_unknown_postcode_saves_the_actor_without_a_place(edit: ActorEditService) -> None:
    stored = saved(edit, association(Location(postcode="0000")))
    assert not stored.location.has_point
    assert not LandscapeService(edit.database).list_actors()[0].has_place


def test_an_imported_postcode_layer_is_preferred(
    edit: ActorEditService, database: Database, tmp_path: Path
) -> None:
    geo = GeoService(database)
    geo.import_file(shapes.write(shapes.postcodes(), tmp_path / "p.geojson"), "postcodes")
    layer_point = geo.postcode_point("2000")
    assert layer_point is not None
    actor = Actor(
        id="frb-x",
        name="Frederiksberg Frivillige",
        kind="local_association",
        location=Location(postcode="2000"),
    )
    stored = saved(edit, actor).location
    assert (stored.lat, stored.lon) == pytest.approx(layer_point)
    assert (stored.city, stored.municipality_code) == ("Frederiksberg", "0147")
    place = geo.place_for("1050")
    assert place is not None and place.source == "imported"
    assert geo.place_for("6760").source == "built-in"  # type: ignore[union-attr]


def test_a_town_alone_is_placed_when_only_one_postcode_has_that_name(database: Database) -> None:
    geo = GeoService(database)
    ribe = geo.place_for(None, "Ribe")
    assert ribe is not None and ribe.postcode == "6760"
    assert geo.place_for(None, "Atlantis") is None
    assert geo.place_for(None, None) is None


@pytest.mark.parametrize("typed", ["561", " 0561 "])
def test_the_editor_stores_municipality_codes_in_four_digits(
    edit: ActorEditService, typed: str
) -> None:
    located = Location(municipality_code=typed, lat=55.47, lon=8.45, precision="manual")
    assert edit.check(association(located)) == []
    assert saved(edit, association(located)).location.municipality_code == "0561"
    esbjerg = LandscapeService(edit.database).list_actors(municipality_code="0561")
    assert [a.id for a in esbjerg] == ["rib-vikingeklubben"]


def test_the_editor_refuses_an_unknown_code_naming_the_nearest(edit: ActorEditService) -> None:
    actor = association(Location(municipality_code="0562"))
    [problem] = edit.check(actor)
    assert (problem.field, problem.value) == ("location.municipality_code", "0562")
    assert problem.hint is not None and "0561 (Esbjerg)" in problem.hint
    with pytest.raises(ValidationError) as info:
        edit.save(actor, expected_version=None)
    assert [p.field for p in info.value.problems] == ["location.municipality_code"]


def test_a_problem_statement_stores_its_codes_in_four_digits(database: Database) -> None:
    problems = ProblemEditService(database)
    problem = ProblemStatement(
        id="esb-p-ribe",
        title="Ensomhed i Ribe",
        municipality_code="561",
        location=Location(postcode="6760", municipality_code=" 561"),
    )
    problems.save(problem, expected_version=None)
    stored = problems.load("esb-p-ribe")[0]
    assert stored.municipality_code == stored.location.municipality_code == "0561"
    with pytest.raises(ValidationError) as info:
        problems.save(
            replace(problem, id="esb-p-x", municipality_code="Ribe"), expected_version=None
        )
    [bad] = info.value.problems
    assert (bad.record, bad.field, bad.value) == ("problem esb-p-x", "municipality_code", "Ribe")


def test_the_register_names_municipalities_officially(database: Database) -> None:
    edit = ActorEditService(database)
    # Actors in Brabrand (Aarhus) and Esbjerg N: the towns are not the municipalities' names.
    for uid, postcode in (("aar-a", "8220"), ("esb-a", "6715"), ("rib-a", "6760")):
        edit.save(
            Actor(id=uid, name=uid, kind="local_association", location=Location(postcode=postcode)),
            expected_version=None,
        )
    assert LandscapeService(database).municipalities() == [("0561", "Esbjerg"), ("0751", "Aarhus")]
    assert [a.id for a in LandscapeService(database).list_actors(municipality_code="561")] == [
        "esb-a",
        "rib-a",
    ]
