"""Input that can never hurt (issue 12): weights, review and consortium sizes, parent
organisations and interchange documents. Any input ends in a clear error naming the record and
field, or in a consistent database; nothing stored is lost. Property-based where the inputs are
open-ended (hypothesis, derandomized so CI sees the same examples every run)."""

from __future__ import annotations

import copy
import math
import shutil
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from mapper.domain.errors import ValidationError
from mapper.domain.model import Actor
from mapper.domain.parents import parent_cycles
from mapper.matching.model import CRITERIA, MAX_WEIGHT, MatchSettings
from mapper.persistence.database import Database, open_database
from mapper.services.actors import ActorEditService, ActorInUseError
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MAX_RESULTS, MatchingService
from tests.conftest import small_landscape

PROBLEM = "esb-p-bro"
PROPERTIES = settings(
    max_examples=60,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@pytest.fixture(scope="module")
def templates(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """An empty database file and one holding the small landscape, copied for each example
    (creating one takes a second, copying it a millisecond)."""
    folder = tmp_path_factory.mktemp("templates")
    paths = {"empty": folder / "empty.sqlite", "small": folder / "small.sqlite"}
    for name, path in paths.items():
        db = open_database(str(path))
        try:
            if name == "small":
                LandscapeService(db).import_document(small_landscape())
        finally:
            db.close()
    return paths


@pytest.fixture
def copy_of(templates: dict[str, Path], tmp_path: Path) -> Iterator[Any]:
    """Opens a fresh copy of a template per call; every copy is closed afterwards."""
    opened: list[Database] = []

    def make(name: str = "small") -> Database:
        target = tmp_path / f"copy-{len(opened)}.sqlite"
        shutil.copy(templates[name], target)
        db = open_database(str(target))
        opened.append(db)
        return db

    yield make
    for db in opened:
        db.close()


def execute(db: Database, sql: str, **params: Any) -> None:
    """Raw SQL, as an older release or another program may have left the database."""
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


# --------------------------------------------------------------------------- weights

weight_values = st.one_of(
    st.floats(),  # NaN, ±infinity, huge and negative included
    st.integers(min_value=-(10**30), max_value=10**30),
    st.text(max_size=6),
    st.booleans(),
    st.none(),
)
criteria = st.sampled_from(CRITERIA) | st.text(max_size=12)


def usable(value: object) -> bool:
    return (
        isinstance(value, (int, float))
        and not isinstance(value, bool)
        and math.isfinite(value)
        and 0 <= value <= MAX_WEIGHT
    )


@PROPERTIES
@given(st.dictionaries(criteria, weight_values, max_size=4))
def test_any_weights_are_used_as_given_or_refused_naming_criterion_and_value(
    overrides: dict[str, Any],
) -> None:
    defaults = MatchSettings.defaults()
    bad = {c: v for c, v in overrides.items() if c not in CRITERIA or not usable(v)}
    try:
        result = defaults.with_weights(overrides, record=f"problem {PROBLEM}")
    except ValidationError as exc:
        assert bad, overrides
        named = {p.field for p in exc.problems}
        assert named == {f"weights.{c}" for c in bad}
        for p in exc.problems:
            assert p.record == f"problem {PROBLEM}" and p.message and p.hint
            assert p.code in ("unknown_field", "not_a_number", "out_of_range")
    else:
        assert not bad
        assert all(math.isfinite(w) and 0 <= w <= MAX_WEIGHT for w in result.weights.values())
        assert {c: result.weights[c] for c in overrides} == {
            c: float(v) for c, v in overrides.items()
        }


@pytest.fixture
def matching(copy_of: Any) -> MatchingService:
    """One service on one copy for all examples of a property (its index is built once)."""
    return MatchingService(copy_of())


@PROPERTIES
@given(st.dictionaries(st.sampled_from(CRITERIA), weight_values, min_size=1, max_size=3))
def test_the_service_never_stores_weights_it_cannot_rank_with(
    matching: MatchingService, weights: dict[str, Any]
) -> None:
    matching.save_weights(PROBLEM, {"geography": 2.0})
    try:
        matching.save_weights(PROBLEM, weights)
    except ValidationError as exc:
        assert all(p.record == f"problem {PROBLEM}" for p in exc.problems)
        assert matching.saved_weights(PROBLEM) == {"geography": 2.0}  # nothing lost
    stored = matching.saved_weights(PROBLEM)
    assert all(math.isfinite(w) and 0 <= w <= MAX_WEIGHT for w in stored.values())
    ranking = matching.rank_actors_for_problem(PROBLEM)
    assert all(math.isfinite(m.score) for m in ranking.matches)


def test_infinite_and_nan_weights_are_refused_by_the_service(database: Database) -> None:
    LandscapeService(database).import_document(small_landscape())
    matching = MatchingService(database)
    for value in (math.inf, -math.inf, math.nan, -1.0, MAX_WEIGHT * 2):
        with pytest.raises(ValidationError) as info:
            matching.save_weights(PROBLEM, {"text": value})
        (problem,) = info.value.problems
        assert (problem.record, problem.field) == (f"problem {PROBLEM}", "weights.text")
    assert matching.saved_weights(PROBLEM) == {}
    assert matching.rank_actors_for_problem(PROBLEM).matches


def test_a_weight_stored_before_the_check_is_named_and_can_be_reset(database: Database) -> None:
    LandscapeService(database).import_document(small_landscape())
    matching = MatchingService(database)
    matching.save_weights(PROBLEM, {"text": 2.0})
    execute(database, "UPDATE problem_match_weights SET weight = :w", w=math.inf)
    with pytest.raises(ValidationError) as info:
        matching.rank_actors_for_problem(PROBLEM)
    (problem,) = info.value.problems
    assert (problem.record, problem.field, problem.value) == (
        f"problem {PROBLEM}",
        "weights.text",
        math.inf,
    )
    matching.save_weights(PROBLEM, None)
    assert matching.rank_actors_for_problem(PROBLEM).matches


# --------------------------------------------------------------------------- review, consortium


@pytest.mark.parametrize("value", [0, -1, MAX_RESULTS + 1, True, "3", 2.5])
def test_review_and_consortium_sizes_out_of_range_are_refused_naming_the_argument(
    database: Database, value: Any
) -> None:
    LandscapeService(database).import_document(small_landscape())
    matching = MatchingService(database)
    calls = {
        "per_group": lambda: matching.review(PROBLEM, per_group=value),
        "max_members": lambda: matching.consortium(PROBLEM, max_members=value),
        "pool": lambda: matching.consortium(PROBLEM, pool=value),
    }
    for name, call in calls.items():
        with pytest.raises(ValidationError) as info:
            call()
        (problem,) = info.value.problems
        assert (problem.record, problem.field, problem.value) == (f"problem {PROBLEM}", name, value)
        assert problem.code in ("out_of_range", "wrong_type")
    assert matching.review(PROBLEM, per_group=1).groups
    assert matching.consortium(PROBLEM, max_members=1, pool=1).problem_id == PROBLEM


# --------------------------------------------------------------------------- parent cycles


def test_cycle_finding_follows_stored_parents() -> None:
    stored = {"b": "c", "c": "a", "x": "y"}

    def lookup(ids: Any) -> dict[str, str]:
        return {i: stored[i] for i in ids if i in stored}

    assert parent_cycles({"a": "b"}, lookup) == [("a", "b", "c")]
    assert parent_cycles({"a": "a"}) == [("a",)]
    assert parent_cycles({"a": "x"}, lookup) == []
    # A cycle already stored that the new link only leads into is not this actor's.
    assert parent_cycles({"n": "b"}, lambda ids: lookup(ids) | {"a": "b"}) == []
    assert parent_cycles({"a": None, "b": "a"}) == []


def test_the_editor_refuses_parents_that_lead_back_to_the_actor(database: Database) -> None:
    LandscapeService(database).import_document(small_landscape())
    editor = ActorEditService(database)
    # esb-sind's parent is dk-sind: dk-sind cannot get esb-sind as its parent.
    parent, version = editor.load("dk-sind")
    with pytest.raises(ValidationError) as info:
        editor.save(_with_parent(parent, "esb-sind"), expected_version=version)
    (problem,) = info.value.problems
    assert (problem.record, problem.field, problem.code) == (
        "actor dk-sind",
        "parent_id",
        "parent_cycle",
    )
    assert problem.params["cycle"] == ["dk-sind", "esb-sind"]
    assert "dk-sind → esb-sind → dk-sind" in str(info.value)
    # A longer chain: dk-sind → esb-bank → esb-patriciahuset → esb-sind → dk-sind.
    for child, new_parent in (("esb-bank", "esb-patriciahuset"), ("esb-patriciahuset", "esb-sind")):
        actor, v = editor.load(child)
        editor.save(_with_parent(actor, new_parent), expected_version=v)
    with pytest.raises(ValidationError, match="dk-sind → esb-bank → esb-patriciahuset → esb-sind"):
        editor.save(_with_parent(parent, "esb-bank"), expected_version=version)
    sind, v = editor.load("esb-sind")
    with pytest.raises(ValidationError, match="own parent"):
        editor.save(_with_parent(sind, "esb-sind"), expected_version=v)
    assert editor.load("dk-sind") == (parent, version)  # nothing stored


def _with_parent(actor: Actor, parent: str | None) -> Actor:
    return replace(actor, parent_id=parent)


def test_an_import_refuses_a_cycle_in_the_document_or_with_stored_parents(
    database: Database,
) -> None:
    service = LandscapeService(database)
    service.import_document(small_landscape())
    before = service.export_document()
    doc = small_landscape()
    doc["actors"][1]["parent_id"] = "esb-sind"  # dk-sind ↔ esb-sind, both in the document
    with pytest.raises(ValidationError) as info:
        service.import_document(doc)
    cycles = [p for p in info.value.problems if p.code == "parent_cycle"]
    assert [(p.record, p.field) for p in cycles] == [("actor esb-sind", "parent_id")]
    # Only dk-sind in the document: its stored child esb-sind closes the cycle.
    only = {"format": "mapper-landscape", "version": 1, "actors": [doc["actors"][1]]}
    with pytest.raises(ValidationError, match="dk-sind → esb-sind → dk-sind"):
        service.import_document(only)
    assert service.export_document() == before


def test_an_import_cycle_is_refused_on_postgresql_too(pg_database: Database) -> None:
    service = LandscapeService(pg_database)
    service.import_document(small_landscape())
    dk = next(a for a in small_landscape()["actors"] if a["id"] == "dk-sind")
    doc = {"format": "mapper-landscape", "version": 1, "actors": [{**dk, "parent_id": "esb-sind"}]}
    with pytest.raises(ValidationError, match="dk-sind → esb-sind → dk-sind"):
        service.import_document(doc)
    assert service.get_actor("dk-sind").parent_id is None


def test_a_stored_cycle_says_how_to_break_it_and_then_both_can_be_deleted(
    database: Database,
) -> None:
    """A cycle written before cycles were refused (here by raw SQL): deleting either actor
    names the cycle and the parent to clear; clearing it (which the cycle check allows) makes
    both deletable."""
    service = LandscapeService(database)
    service.import_document(small_landscape())
    for child, parent in (("esb-bank", "esb-vol-1"), ("esb-vol-1", "esb-bank")):
        execute(
            database,
            "UPDATE actors SET parent_pk = (SELECT pk FROM actors WHERE uid = :parent) "
            "WHERE uid = :child",
            child=child,
            parent=parent,
        )
    editor = ActorEditService(database)
    bank, bank_version = editor.load("esb-bank")
    assert bank.parent_id == "esb-vol-1"
    with pytest.raises(ActorInUseError) as info:
        editor.delete("esb-bank", bank_version)
    assert info.value.cycle == ("esb-bank", "esb-vol-1")
    assert "clear the parent of esb-vol-1 first" in str(info.value)
    volunteer, volunteer_version = editor.load("esb-vol-1")
    with pytest.raises(ActorInUseError) as info:
        editor.delete("esb-vol-1", volunteer_version)
    assert info.value.cycle == ("esb-vol-1", "esb-bank")
    # Any other edit of an actor in the cycle is refused, naming it …
    renamed = replace(volunteer, name="Mette F.")
    with pytest.raises(ValidationError, match="esb-vol-1 → esb-bank → esb-vol-1"):
        editor.save(renamed, expected_version=volunteer_version)
    # … clearing a parent is not, and breaks it: then either can be deleted.
    new = editor.save(replace(renamed, parent_id=None), expected_version=volunteer_version)
    editor.delete("esb-bank", bank_version)
    editor.delete("esb-vol-1", new)
    remaining = {a.id for a in service.export_landscape().actors}
    assert {"esb-bank", "esb-vol-1"}.isdisjoint(remaining)


# --------------------------------------------------------------------------- the importer

json_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**70), max_value=2**70)
    | st.floats()  # NaN and infinity too: a dict is no JSON text
    | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=3)
    ),
    max_leaves=6,
)
ACTOR_IDS = [a["id"] for a in small_landscape()["actors"]]


@st.composite
def changed_documents(draw: st.DrawFn) -> dict[str, Any]:
    """The small landscape with up to three changes: a value replaced by arbitrary JSON (a
    field of a record, or of its location or seeking), a record dropped, or an actor's parent
    set to any actor of the landscape (cycles and own parents included)."""
    doc = small_landscape()
    for _ in range(draw(st.integers(1, 3))):
        change = draw(st.sampled_from(["value", "same_type", "nested", "parent", "drop"]))
        collection = draw(st.sampled_from(["actors", "problems", "partnerships"]))
        records = doc[collection]
        if not records:
            continue
        record = draw(st.sampled_from(records))
        if change == "parent":
            actor = draw(st.sampled_from(doc["actors"])) if doc["actors"] else None
            if actor is not None:
                actor["parent_id"] = draw(st.sampled_from(ACTOR_IDS) | st.none())
        elif change == "drop":
            records.remove(record)
        elif change == "same_type":
            key = draw(st.sampled_from(sorted(record)))
            record[key] = draw(_like(record[key]))
        elif change == "nested" and isinstance(record.get("location"), dict):
            key = draw(st.sampled_from(["lat", "lon", "postcode", "municipality_code", "city"]))
            record["location"][key] = draw(json_values)
        else:
            key = draw(st.sampled_from(sorted(record)))
            record[key] = draw(json_values)
    return doc


def _like(value: Any) -> st.SearchStrategy[Any]:
    """Values of the same JSON type as ``value``: valid more often than arbitrary JSON, and
    at the edges (empty, blank, huge, negative, NaN) as often."""
    if isinstance(value, bool):
        return st.booleans()
    if isinstance(value, int):
        return st.integers(min_value=-(10**12), max_value=10**12)
    if isinstance(value, float):
        return st.floats()
    if isinstance(value, str):
        return st.text(max_size=12)
    if isinstance(value, list):
        return st.lists(st.sampled_from(value) if value else st.text(max_size=6), max_size=3)
    return json_values


def _no_cycles(doc: dict[str, Any]) -> bool:
    parents = {a["id"]: a.get("parent_id") for a in doc["actors"]}
    return parent_cycles(parents) == []


@settings(
    max_examples=80,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(changed_documents())
def test_any_document_is_refused_naming_record_and_field_or_imported_whole(
    copy_of: Any, doc: dict[str, Any]
) -> None:
    db = copy_of()
    service = LandscapeService(db)
    before = service.export_document(personal_data=True)
    try:
        service.import_document(copy.deepcopy(doc))
    except ValidationError as exc:
        event("refused: " + ", ".join(sorted({p.code for p in exc.problems})))
        assert exc.problems
        for problem in exc.problems:
            assert problem.record and problem.field and problem.message, problem
        assert service.export_document(personal_data=True) == before  # no partial import
        return
    event("imported")
    after = service.export_document(personal_data=True)
    assert _no_cycles(after)
    # Consistent: what was stored reads back and imports again unchanged, here and afresh.
    assert not service.import_document(copy.deepcopy(after)).changed_anything
    assert service.export_document(personal_data=True) == after
    other = LandscapeService(copy_of("empty"))
    other.import_document(copy.deepcopy(after))
    assert other.export_document(personal_data=True) == after
