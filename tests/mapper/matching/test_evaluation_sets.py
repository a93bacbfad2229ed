"""The sparse evaluation set and the coordinator set (tests/evaluation/): they import cleanly,
every expected id exists, the sparse set is what issue 11 asks for, and the evaluation script
reports figures for all three sets (there is no floor for the sparse set: it is measured)."""

from __future__ import annotations

import importlib.util
import json
import math
import subprocess
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import jsonschema
import pytest

from mapper.io.interchange import validate_document
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from tests.conftest import MakeDatabase

ROOT = Path(__file__).resolve().parents[3]
SPARSE = ROOT / "tests" / "evaluation" / "sparse"
COORDINATOR = ROOT / "tests" / "evaluation" / "coordinator" / "coordinator.json"
DEMO = ROOT / "data" / "demo_landscape.json"


def read(path: Path) -> Any:
    return json.loads(path.read_text("utf-8"))


def bench_module(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, ROOT / "bench" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module  # dataclasses look their module up here
    spec.loader.exec_module(module)
    return module


evaluate_matching = bench_module("evaluate_matching")


def km(a: dict[str, Any], b: dict[str, Any]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (a["lat"], a["lon"], b["lat"], b["lon"]))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0 * math.asin(math.sqrt(h))


# ----------------------------------------------------------------- both sets import cleanly


@pytest.mark.parametrize("path", [SPARSE / "landscape.json", DEMO], ids=["sparse", "demo"])
def test_the_landscape_is_valid_against_the_schema_and_the_importer(path: Path) -> None:
    doc = read(path)
    jsonschema.validate(doc, read(ROOT / "data" / "landscape.schema.json"))
    assert validate_document(doc) == []


def test_the_sparse_set_imports_cleanly_and_a_second_import_changes_nothing(
    make_database: MakeDatabase,
) -> None:
    doc = read(SPARSE / "landscape.json")
    database = open_database(make_database("sparse"))
    try:
        service = LandscapeService(database)
        service.import_document(doc)
        actors = {a.id for a in service.list_actors()}
        problems = {p.id for p in service.list_problems()}
        assert actors == {a["id"] for a in doc["actors"]}
        assert problems == {p["id"] for p in doc["problems"]}
        service.import_document(doc)
        assert {a.id for a in service.list_actors()} == actors
        assert {p.id for p in service.list_problems()} == problems
    finally:
        database.close()


# ----------------------------------------------------------------- every expected id exists


def test_every_sparse_case_names_an_existing_problem_and_actor() -> None:
    doc = read(SPARSE / "landscape.json")
    actors = {a["id"]: a for a in doc["actors"]}
    problems = {p["id"]: p for p in doc["problems"]}
    cases = read(SPARSE / "expected.json")["cases"]
    assert [c["problem_id"] for c in cases] == list(problems)  # one case per problem
    for case in cases:
        assert case["expected_actor_id"] in actors, case
        assert case["expected_actor_id"] != problems[case["problem_id"]]["owner_id"]
        assert case["why"].strip()


def test_every_coordinator_pick_exists_and_is_not_the_problems_owner() -> None:
    demo = read(DEMO)
    actors = {a["id"] for a in demo["actors"]}
    owners = {p["id"]: p["owner_id"] for p in demo["problems"]}
    picks = read(COORDINATOR)["problems"]
    assert sorted(p["problem_id"] for p in picks) == sorted(owners)  # all 14, once each
    for problem in picks:
        ids = [t["actor_id"] for t in problem["top3"]]
        assert len(ids) == len(set(ids)) == 3, problem["problem_id"]
        assert set(ids) <= actors, problem["problem_id"]
        assert owners[problem["problem_id"]] not in ids
        assert all(t["why"].strip() for t in problem["top3"])


# ----------------------------------------------------------------- the sparse set's shape


def test_the_sparse_set_is_large_spread_and_mostly_sparse() -> None:
    doc = read(SPARSE / "landscape.json")
    assert len(read(SPARSE / "expected.json")["cases"]) >= 24
    assert len({p["municipality_code"] for p in doc["problems"]}) >= 4
    sparse = [
        a
        for a in doc["actors"]
        if not any(a.get(k) for k in ("target_groups", "resources_offered", "roles"))
    ]
    assert 0.70 <= len(sparse) / len(doc["actors"]) <= 0.80
    for actor in sparse:  # name, kind, place and one purpose sentence, nothing more
        assert set(actor) <= {"id", "name", "kind", "location", "profile", "active"}
        assert set(actor["profile"]) == {"we_are"}
        assert "formål er" in actor["profile"]["we_are"]
    assert any(a.get("active") is False for a in doc["actors"])


def test_places_are_real_postcodes_in_their_municipality() -> None:
    rows = read(ROOT / "data" / "dk_postcodes.json")["rows"]
    postcodes = {r[0]: r for r in rows}
    municipalities = {r[0] for r in read(ROOT / "data" / "dk_municipalities.json")["rows"]}
    doc = read(SPARSE / "landscape.json")
    for record in [*doc["actors"], *doc["problems"]]:
        place = record["location"]
        assert place["postcode"] in postcodes, record["id"]
        town = postcodes[place["postcode"]]
        assert place["municipality_code"] == town[2] and town[2] in municipalities
        assert km(place, {"lat": town[3], "lon": town[4]}) < 2.0, record["id"]


def test_each_expected_partner_passes_what_its_problem_declares() -> None:
    doc = read(SPARSE / "landscape.json")
    actors = {a["id"]: a for a in doc["actors"]}
    problems = {p["id"]: p for p in doc["problems"]}
    for case in read(SPARSE / "expected.json")["cases"]:
        problem, partner = problems[case["problem_id"]], actors[case["expected_actor_id"]]
        seeking = problem["seeking"]
        assert partner.get("active", True), case
        assert partner["kind"] not in seeking.get("excluded_actor_kinds", []), case
        assert partner["kind"] in seeking.get("actor_kinds", [partner["kind"]]), case
        assert partner["location"]["municipality_code"] == problem["municipality_code"]
        limit = seeking.get("max_distance_km")
        assert limit is None or km(problem["location"], partner["location"]) <= limit, case


def test_the_sparse_set_has_far_twins_and_excluded_look_alikes() -> None:
    doc = read(SPARSE / "landscape.json")
    problem_municipalities = {p["municipality_code"] for p in doc["problems"]}
    far = [
        a for a in doc["actors"] if a["location"]["municipality_code"] not in problem_municipalities
    ]
    assert len(far) >= 4 and all(a.get("target_groups") for a in far)  # coded twins
    excluded = {k for p in doc["problems"] for k in p["seeking"].get("excluded_actor_kinds", [])}
    assert any(a["kind"] in excluded for a in doc["actors"])


# ----------------------------------------------------------------- the evaluation script


def test_the_script_reports_matcher_and_baseline_on_all_three_sets() -> None:
    report = evaluate_matching.run(evaluate_matching.SETS)
    assert set(report["sets"]) == {"full", "sparse", "coordinator"}
    for name, data in report["sets"].items():
        for ranker in ("matcher", "baseline"):
            figures = data[ranker]
            assert 0 <= figures["top1"] <= figures["top3"] <= 1, (name, ranker)
            assert 0 <= figures["mrr"] <= 1
        assert data["cases"] == len(data["per_case"])
    assert 0 <= report["sets"]["coordinator"]["matcher"]["agreement"] <= 1
    assert report["sets"]["sparse"]["cases"] >= 24


def test_the_baseline_prefers_the_same_municipality_and_shared_words() -> None:
    evaluation = evaluate_matching.EvaluationSet(
        "toy",
        {
            "actors": [
                {"id": "far", "name": "Sorggruppe", "location": {"municipality_code": "0101"}},
                {"id": "near", "name": "Roklub", "location": {"municipality_code": "0851"}},
                {"id": "both", "name": "Sorggruppe", "location": {"municipality_code": "0851"}},
                {"id": "owner", "name": "Sorggruppe", "location": {"municipality_code": "0851"}},
            ],
            "problems": [
                {
                    "id": "p",
                    "title": "Sorggruppe for børn",
                    "owner_id": "owner",
                    "municipality_code": "0851",
                }
            ],
        },
        {"p": ["both"]},
    )
    assert evaluate_matching.baseline_rankings(evaluation) == {"p": ["both", "near", "far"]}


def test_the_coordinator_agreement_counts_shared_picks_in_the_top_3() -> None:
    evaluation = evaluate_matching.EvaluationSet(
        "coordinator", {"actors": [], "problems": []}, {"p": ["a", "b", "c"], "q": ["x", "y", "z"]}
    )
    figures = evaluate_matching.figures(evaluation, {"p": ["a", "c", "d"], "q": ["d", "x"]})
    assert figures["agreement"] == pytest.approx((2 / 3 + 1 / 3) / 2)
    assert figures["top1_agreement"] == 0.5
    assert figures["mrr"] == pytest.approx((1 / 1 + 1 / 2) / 2)  # x is second for q


def test_an_unknown_set_name_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown evaluation set: nope"):
        evaluate_matching.load_set("nope")


def test_the_command_line_prints_json_and_says_when_inference_cannot_be_switched_off() -> None:
    script = str(ROOT / "bench" / "evaluate_matching.py")
    run = subprocess.run(
        [sys.executable, script, "--json", "--set", "coordinator"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    report = json.loads(run.stdout)
    assert set(report["sets"]) == {"coordinator"}
    assert report["inference"] in {"not available", "on"}
    run = subprocess.run(
        [sys.executable, script, "--no-inference", "--set", "coordinator"],
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    if evaluate_matching.inference_switch() is None:
        assert run.stdout.startswith("inference: not available")
    else:
        assert run.stdout.startswith("inference: off")
    bad = subprocess.run(
        [sys.executable, script, "--set", "nope"], capture_output=True, text=True, cwd=ROOT
    )
    assert bad.returncode == 2 and "invalid choice" in bad.stderr
