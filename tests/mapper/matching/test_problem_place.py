"""Where a problem is measured from: its own point, else its postcode, else nowhere (distances
unknown, no distance limit); its owner's address only when it states no place at all.

The story: Esbjerg Kommune's social psychiatry (in Esbjerg) writes a problem about loneliness
in Ribe, 6760, 30 km away, with a 15 km limit. Ranked from the owner's Esbjerg address, the Ribe
volunteers were cut off as too far and the Esbjerg ones kept: the wrong actors."""

from __future__ import annotations

import copy
import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.matching.reasons import render
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from mapper.services.matching import MatchingService

ROOT = Path(__file__).resolve().parents[3]
PROBLEM = "esb-p-ribe-ensomhed"


def _reference_matcher() -> Any:
    spec = importlib.util.spec_from_file_location(
        "reference_matcher", ROOT / "bench" / "reference_matcher.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["reference_matcher"] = module
    spec.loader.exec_module(module)
    return module


def _actor(uid: str, name: str, lat: float, lon: float, code: str = "0561") -> dict[str, Any]:
    return {
        "id": uid,
        "name": name,
        "kind": "voluntary_organisation",
        "location": {"municipality_code": code, "lat": lat, "lon": lon, "precision": "address"},
        "target_groups": ["elderly_lonely"],
        "resources_offered": [{"kind": "volunteer_hours"}],
    }


def landscape(problem_location: dict[str, Any] | None) -> dict[str, Any]:
    problem: dict[str, Any] = {
        "id": PROBLEM,
        "title": "Ensomme ældre i Ribe",
        "owner_id": "esb-socialpsykiatri",
        "target_groups": ["elderly_lonely"],
        "seeking": {"resources": [{"kind": "volunteer_hours"}], "max_distance_km": 15},
        "status": "seeking",
    }
    if problem_location is not None:
        problem["location"] = problem_location
    owner = _actor("esb-socialpsykiatri", "Esbjerg Kommune, Socialpsykiatri", 55.4765, 8.4594)
    owner["kind"] = "municipal_unit"
    return copy.deepcopy(
        {
            "format": "mapper-landscape",
            "version": 1,
            "actors": [
                owner,
                _actor("rib-frivillige", "Ribe Frivilligcenter", 55.3287, 8.7614),
                _actor("esb-besoegsvenner", "Besøgsvennerne Esbjerg", 55.4700, 8.4500),
            ],
            "problems": [problem],
        }
    )


def ranked(database: Database, location: dict[str, Any] | None) -> Any:
    LandscapeService(database).import_document(landscape(location))
    service = MatchingService(database)
    fast = service.rank_actors_for_problem(PROBLEM, top=10)
    slow = service.reference_ranking(PROBLEM, top=10)
    bench = _reference_matcher().rank_reference(database, PROBLEM, top=10)
    for other in (slow, bench):
        assert [m.actor_id for m in other.matches] == [m.actor_id for m in fast.matches]
        assert other.excluded == fast.excluded
        assert other.notes == fast.notes
    return fast


def notes(ranking: Any, lang: str = "da") -> list[str]:
    return [render(n, lang) for n in ranking.notes]


def test_a_ribe_problem_is_measured_from_its_postcode_not_its_esbjerg_owner(
    database: Database,
) -> None:
    ranking = ranked(database, {"postcode": "6760", "city": "Ribe"})
    assert [m.actor_id for m in ranking.matches] == ["rib-frivillige"]
    assert ranking.excluded["too_far"] == 1
    too_far = [e.actor_id for e in ranking.excluded_examples if e.gate == "too_far"]
    assert too_far == ["esb-besoegsvenner"]
    assert ranking.matches[0].distance_km is not None and ranking.matches[0].distance_km < 5
    assert "Placeret ud fra postnummer 6760 Ribe; afstande måles derfra" in notes(ranking)
    assert "Placed by its postcode 6760 Ribe; distances are measured from there" in notes(
        ranking, "en"
    )


def test_the_problem_marker_of_a_partner_map_stands_in_ribe(database: Database) -> None:
    ranked(database, {"postcode": "6760", "city": "Ribe"})
    data = MapService(database).partner_map(scope="problem", value=PROBLEM)
    assert data.problem is not None
    assert (data.problem.lat, data.problem.lon) == pytest.approx((55.32, 8.78), abs=0.05)


@pytest.mark.parametrize(
    "location", [{"postcode": "0000"}, {"city": "Atlantis"}, {"address": "Storegade 1"}]
)
def test_a_place_that_cannot_be_found_leaves_distances_unknown_and_unlimited(
    database: Database, location: dict[str, Any]
) -> None:
    ranking = ranked(database, location)
    assert {m.actor_id for m in ranking.matches} == {"rib-frivillige", "esb-besoegsvenner"}
    assert ranking.excluded["too_far"] == 0
    assert all(m.distance_km is None for m in ranking.matches)
    place = next(iter(location.values()))
    assert f"Stedet ({place}) kunne ikke findes, så afstande er ukendt og bruges ikke" in notes(
        ranking
    )
    assert any("could not be found, so distances are unknown" in n for n in notes(ranking, "en"))
    assert any("afstandskravet (15 km) er ikke tjekket" in n for n in notes(ranking))


def test_a_problem_stating_only_its_municipality_is_not_measured_from_its_owner(
    database: Database,
) -> None:
    ranking = ranked(database, {"municipality_code": "0561"})
    assert ranking.excluded["too_far"] == 0
    assert len(ranking.matches) == 2
    assert any("angiver kun kommunen (Esbjerg)" in n for n in notes(ranking))
    geography = [c for c in ranking.matches[0].contributions if c.criterion == "geography"]
    assert [r.code for r in geography[0].reasons] == ["same_municipality"]


def test_only_a_problem_stating_no_place_at_all_is_measured_from_its_owner(
    database: Database,
) -> None:
    ranking = ranked(database, None)
    assert [m.actor_id for m in ranking.matches] == ["esb-besoegsvenner"]
    assert ranking.excluded["too_far"] == 1
    assert (
        "Problemstillingen angiver intet sted, så afstande måles fra ejerens adresse "
        "(Esbjerg Kommune, Socialpsykiatri)" in notes(ranking)
    )


def test_a_problem_with_its_own_point_needs_no_note(database: Database) -> None:
    ranking = ranked(database, {"postcode": "6760", "lat": 55.3287, "lon": 8.7614})
    assert [m.actor_id for m in ranking.matches] == ["rib-frivillige"]
    assert not any(n.code.startswith("located_") for n in ranking.notes)


def test_reverse_matching_measures_the_problem_from_its_postcode_too(database: Database) -> None:
    ranked(database, {"postcode": "6760", "city": "Ribe"})
    service = MatchingService(database)
    ribe = service.rank_problems_for_actor("rib-frivillige")
    assert [m.problem_id for m in ribe.matches] == [PROBLEM]
    esbjerg = service.rank_problems_for_actor("esb-besoegsvenner")
    assert esbjerg.matches == () and esbjerg.excluded["too_far"] == 1
