from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

ROOT = Path(__file__).resolve().parents[2]
SCHEMA_PATH = ROOT / "data" / "landscape.schema.json"
VOCABULARY_PATH = ROOT / "data" / "vocabulary.json"
SYNTH_PATH = ROOT / "bench" / "synth.py"

# Denmark's bounding box, Bornholm included.
LAT_RANGE = (54.5, 57.8)
LON_RANGE = (8.0, 15.2)


def _load_synth() -> ModuleType:
    # bench/ is not a package, so import the file itself.
    spec = importlib.util.spec_from_file_location("bench_synth", SYNTH_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


synth = _load_synth()


def _vocabulary_codes() -> dict[str, set[str]]:
    raw = json.loads(VOCABULARY_PATH.read_text(encoding="utf-8"))
    return {k: {e["code"] for e in v} for k, v in raw.items() if isinstance(v, list)}


VOCAB = _vocabulary_codes()


@pytest.fixture(scope="module")
def small() -> dict[str, Any]:
    document: dict[str, Any] = synth.generate_landscape(300, seed=42)
    return document


@pytest.fixture(scope="module")
def medium() -> dict[str, Any]:
    # Large enough that local branches (parent_id, about 1% of actors) occur.
    document: dict[str, Any] = synth.generate_landscape(3000, seed=7)
    return document


def test_300_actor_document_is_valid_against_the_schema(small: dict[str, Any]) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(
        schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER
    )

    errors = [f"{list(e.absolute_path)}: {e.message}" for e in validator.iter_errors(small)]

    assert errors == []
    assert len(small["actors"]) == 300
    assert len(small["problems"]) == 8  # max(8, 300 // 100)
    assert len(small["partnerships"]) == 4  # problems // 2


def test_same_seed_gives_the_same_document_and_another_seed_another() -> None:
    first = synth.generate_landscape(300, seed=42)
    again = synth.generate_landscape(300, seed=42)
    other = synth.generate_landscape(300, seed=43)

    assert json.dumps(first) == json.dumps(again)
    assert [a["name"] for a in first["actors"]] != [a["name"] for a in other["actors"]]
    assert first["problems"] != other["problems"]


def test_codes_come_from_the_vocabulary_and_references_resolve(medium: dict[str, Any]) -> None:
    actors = {a["id"]: a for a in medium["actors"]}
    problems = {p["id"]: p for p in medium["problems"]}
    assert len(actors) == len(medium["actors"]) == 3000
    assert len(problems) == len(medium["problems"]) == 30
    assert all(re.fullmatch(r"syn-a\d{6}", a) for a in actors)
    assert all(re.fullmatch(r"syn-p\d{5}", p) for p in problems)

    position = {actor_id: i for i, actor_id in enumerate(actors)}
    for actor in actors.values():
        assert actor["kind"] in VOCAB["actor_kinds"]
        assert 1 <= len(actor["target_groups"]) <= 4
        assert set(actor["target_groups"]) <= VOCAB["target_groups"]
        assert 1 <= len(actor["resources_offered"]) <= 4
        assert {r["kind"] for r in actor["resources_offered"]} <= VOCAB["resource_kinds"]
        assert 1 <= len(actor["roles"]) <= 3
        assert set(actor["roles"]) <= VOCAB["roles"]
        assert 1 <= len(actor["prevention_levels"]) <= 3
        assert set(actor["prevention_levels"]) <= VOCAB["prevention_levels"]
        if "evidence_level" in actor["profile"]:
            assert actor["profile"]["evidence_level"] in VOCAB["evidence_levels"]
        if "parent_id" in actor:
            parent = actors[actor["parent_id"]]
            assert parent["kind"] == "voluntary_organisation"
            assert position[parent["id"]] < position[actor["id"]]
    assert any("parent_id" in a for a in actors.values())

    for problem in problems.values():
        owner = actors[problem["owner_id"]]
        assert problem["municipality_code"] == owner["location"]["municipality_code"]
        assert problem["concreteness"] in VOCAB["problem_concreteness"]
        assert set(problem["target_groups"]) <= VOCAB["target_groups"]
        assert problem["prevention_level"] in VOCAB["prevention_levels"]
        seeking = problem["seeking"]
        sought = {r["kind"] for r in seeking["resources"]}
        assert sought <= VOCAB["resource_kinds"]
        assert set(seeking.get("required_resources", [])) <= sought
        assert set(seeking["roles"]) <= VOCAB["roles"]
        assert set(seeking.get("actor_kinds", [])) <= VOCAB["actor_kinds"]
        assert set(seeking.get("excluded_actor_kinds", [])) <= VOCAB["actor_kinds"]

    pairs = [(p["problem_id"], p["actor_id"]) for p in medium["partnerships"]]
    assert len(pairs) == len(set(pairs)) == 15
    for partnership in medium["partnerships"]:
        assert partnership["problem_id"] in problems
        assert partnership["actor_id"] in actors
        assert partnership["actor_id"] != problems[partnership["problem_id"]]["owner_id"]
        assert partnership["stage"] in VOCAB["partnership_stages"]
        assert partnership["type"] in VOCAB["partnership_types"]
        assert set(partnership.get("success_factors", [])) <= VOCAB["partnership_success_factors"]


def test_all_coordinates_lie_in_denmark(medium: dict[str, Any]) -> None:
    locations = [a["location"] for a in medium["actors"]] + [
        p["location"] for p in medium["problems"]
    ]

    outside = [
        (loc["lat"], loc["lon"])
        for loc in locations
        if not (LAT_RANGE[0] <= loc["lat"] <= LAT_RANGE[1])
        or not (LON_RANGE[0] <= loc["lon"] <= LON_RANGE[1])
    ]

    assert outside == []
    assert len({loc["municipality_code"] for loc in locations}) >= 20  # spread over the country


def test_kind_distribution_has_local_associations_first_and_every_kind() -> None:
    document = synth.generate_landscape(5000, seed=3)

    kinds = Counter(a["kind"] for a in document["actors"])

    assert kinds.most_common(1)[0][0] == "local_association"
    assert 0.30 <= kinds["local_association"] / 5000 <= 0.40
    assert set(kinds) == VOCAB["actor_kinds"]


def test_volunteer_persons_are_private_with_consent(medium: dict[str, Any]) -> None:
    persons = [a for a in medium["actors"] if a["kind"] == "volunteer_person"]

    assert persons
    for person in persons:
        assert person["public"] is False
        assert person["consent"]["purpose"]
        assert person["consent"]["given_on"] <= person["verified_on"]
        assert person["location"]["precision"] == "postcode"
        assert "address" not in person["location"]
        assert person["contact"]["email"].endswith("@example.dk")


@pytest.mark.parametrize(
    ("n_actors", "n_problems", "n_partnerships"),
    [(10, 5, 20), (5, 3, 12)],  # sparse (sampled) and every possible pair (enumerated)
)
def test_explicit_counts_give_unique_pairs_without_the_owner(
    n_actors: int, n_problems: int, n_partnerships: int
) -> None:
    document = synth.generate_landscape(
        n_actors, seed=1, n_problems=n_problems, n_partnerships=n_partnerships
    )

    owners = {p["id"]: p["owner_id"] for p in document["problems"]}
    pairs = [(p["problem_id"], p["actor_id"]) for p in document["partnerships"]]
    assert len(owners) == n_problems
    assert len(set(pairs)) == len(pairs) == n_partnerships
    assert all(owners[problem_id] != actor_id for problem_id, actor_id in pairs)


def test_impossible_partnership_count_is_refused() -> None:
    with pytest.raises(ValueError, match="partnerships"):
        synth.generate_landscape(2, seed=1, n_problems=1, n_partnerships=5)


def test_cli_writes_the_document(tmp_path: Path) -> None:
    out = tmp_path / "landscape.json"

    subprocess.run(
        [sys.executable, str(SYNTH_PATH), "50", str(out), "--seed", "5"],
        check=True,
        capture_output=True,
    )

    text = out.read_text(encoding="utf-8")
    assert json.loads(text) == synth.generate_landscape(50, seed=5)
    assert "\\u00" not in text  # Danish letters written as UTF-8, not escaped
    assert any(letter in text for letter in "æøåÆØÅ")
