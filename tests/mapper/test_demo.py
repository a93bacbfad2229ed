"""The shipped demo landscape is rich enough to show every part of the application."""

from __future__ import annotations

from collections import Counter

from mapper.domain.vocabulary import load_vocabulary, read_data_json
from mapper.io.interchange import landscape_to_document, parse_document, validate_document
from mapper.services.landscape import LandscapeService

PROFILE_FIELDS = (
    "we_are",
    "best_at",
    "worst_at",
    "success_examples",
    "attractive_partner_because",
    "role_towards_target_group",
    "how_we_know_it_works",
)


def test_demo_document_is_valid() -> None:
    assert validate_document(read_data_json("demo_landscape.json")) == []


def test_demo_covers_kinds_municipalities_and_problems() -> None:
    doc = read_data_json("demo_landscape.json")
    vocab = load_vocabulary()
    actors = doc["actors"]
    assert len(actors) >= 40
    assert {a["kind"] for a in actors} == set(vocab.codes("actor_kinds"))
    per_municipality = Counter(a["location"]["municipality_code"] for a in actors)
    assert sum(1 for n in per_municipality.values() if n >= 5) >= 3
    assert len(doc["problems"]) >= 8
    assert len(doc["partnerships"]) >= 3
    organisations = [a for a in actors if a["kind"] != "volunteer_person"]
    for actor in organisations:
        missing = [f for f in PROFILE_FIELDS if not actor.get("profile", {}).get(f)]
        assert not missing, f"{actor['id']} lacks profile fields {missing}"


def test_demo_has_a_patriciahuset_problem_in_esbjerg() -> None:
    doc = read_data_json("demo_landscape.json")
    actors = {a["id"]: a for a in doc["actors"]}
    problem = next(p for p in doc["problems"] if "patriciahuset" in p["owner_id"])
    owner = actors[problem["owner_id"]]
    assert owner["kind"] == "public_institution"
    assert owner["location"]["municipality_code"] == "0561"
    assert "mental_illness" in problem["target_groups"]
    assert "volunteer_hours" in {r["kind"] for r in problem["seeking"]["resources"]}


def test_volunteers_in_the_demo_are_private_and_consented() -> None:
    doc = read_data_json("demo_landscape.json")
    volunteers = [a for a in doc["actors"] if a["kind"] == "volunteer_person"]
    assert volunteers
    for person in volunteers:
        assert person.get("public") is False, person["id"]
        assert person["consent"]["given_on"] and person["consent"]["purpose"], person["id"]


def test_demo_loads_into_the_database(service: LandscapeService) -> None:
    doc = read_data_json("demo_landscape.json")
    report = service.load_demo()
    assert report.actors.created == len(doc["actors"])
    # Stored and read back, nothing changes (canonical form: explicit defaults).
    assert service.export_document(personal_data=True) == landscape_to_document(parse_document(doc))
