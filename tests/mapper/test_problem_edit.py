"""Writing problem statements one at a time: validation, optimistic locking, the status workflow
and readable ids, on a real SQLite file holding the small Esbjerg landscape."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace
from typing import Any

import pytest

from mapper.domain.errors import ConflictError, InputProblem, NotFoundError, ValidationError
from mapper.domain.model import PROBLEM_STATUSES, Location, ProblemStatement, Resource, Seeking
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories import problems as problem_rows
from mapper.services.landscape import LandscapeService
from mapper.services.problems import ProblemEditService, allowed_statuses, slugify
from tests.conftest import small_landscape


@pytest.fixture
def edits(database: Database, service: LandscapeService) -> ProblemEditService:
    service.import_document(small_landscape())
    return ProblemEditService(database)


def a_problem(problem_id: str = "esb-p-gaaklub") -> ProblemStatement:
    """Patriciahuset seeks walking companions for its residents: every field filled in."""
    return ProblemStatement(
        id=problem_id,
        title="Gå-klub for beboere",
        owner_id="esb-patriciahuset",
        municipality_code="0561",
        description="Beboerne kommer for sjældent ud.",
        concreteness="concrete",
        target_groups=("mental_illness", "socially_vulnerable_adults"),
        prevention_level="rehabilitation",
        our_role="Vi stiller lokaler og en kontaktperson til rådighed.",
        how_we_know_it_works="Vi tæller deltagere og spørger beboerne hvert kvartal.",
        seeking=Seeking(
            description="kan gå ture med beboerne en gang om ugen",
            resources=(
                Resource("volunteer_hours", "Gåvenner", 16.0, None),
                Resource("funding", None, None, 5000.0),
            ),
            required_resources=("volunteer_hours",),
            roles=("bridge_builder", "volunteer_provider"),
            actor_kinds=("voluntary_organisation", "local_association"),
            must_not="give medicin eller overtage behandling",
            excluded_actor_kinds=("company",),
            max_distance_km=15.0,
        ),
        partner_gets="Lokaler, kaffe og faglig sparring",
        location=Location(
            address="Kirkegade 1",
            postcode="6700",
            city="Esbjerg",
            lat=55.47,
            lon=8.45,
            precision="address",
        ),
        status="draft",
        involves_statutory_task=True,
    )


def only_problem(error: ValidationError) -> InputProblem:
    assert len(error.problems) == 1, error.problems
    return error.problems[0]


@contextmanager
def refused(
    edits: ProblemEditService, problem_id: str, error: type[Exception] = ValidationError
) -> Iterator[Any]:
    """The call inside must raise ``error`` and leave the stored record as it was."""
    before = edits.load(problem_id)
    with pytest.raises(error) as info:
        yield info
    assert edits.load(problem_id) == before


def revision(database: Database) -> tuple[object, ...]:
    with database.unit_of_work() as session:
        return store.change_stamp(session)


# --------------------------------------------------------------------------- create and update


def test_a_new_problem_is_stored_with_every_field_and_version_1(
    edits: ProblemEditService, database: Database
) -> None:
    before = revision(database)
    problem = a_problem()
    assert edits.save(problem, expected_version=None) == 1
    assert edits.load(problem.id) == (problem, 1)
    assert revision(database) != before  # the matching index knows it must rebuild


def test_creating_an_id_that_exists_is_refused_with_a_free_id_as_hint(
    edits: ProblemEditService,
) -> None:
    with refused(edits, "esb-p-bro") as info:
        edits.save(a_problem("esb-p-bro"), expected_version=None)
    problem = only_problem(info.value)
    assert (problem.record, problem.field, problem.value) == (
        "problem esb-p-bro",
        "id",
        "esb-p-bro",
    )
    assert problem.hint == "free id: esb-p-bro-2"


def test_an_update_from_the_version_read_stores_it_and_bumps_the_version(
    edits: ProblemEditService,
) -> None:
    problem, version = edits.load("esb-p-bro")
    changed = replace(
        problem,
        title="Brobygning til foreningslivet",
        seeking=replace(problem.seeking, roles=("bridge_builder", "community_builder")),
    )
    assert edits.save(changed, expected_version=version) == version + 1
    assert edits.load("esb-p-bro") == (changed, version + 1)


def test_saving_what_is_stored_keeps_the_version(edits: ProblemEditService) -> None:
    problem, version = edits.load("esb-p-bro")
    assert edits.save(problem, expected_version=version) == version


def test_an_update_from_a_stale_version_is_a_conflict(edits: ProblemEditService) -> None:
    problem, version = edits.load("esb-p-bro")
    edits.save(replace(problem, title="Først"), expected_version=version)
    with refused(edits, "esb-p-bro", ConflictError) as info:
        edits.save(replace(problem, title="Bagefter"), expected_version=version)
    assert (info.value.expected_version, info.value.actual_version) == (version, version + 1)


def test_updating_a_problem_that_is_gone_names_the_nearest_id(edits: ProblemEditService) -> None:
    with pytest.raises(NotFoundError) as info:
        edits.save(a_problem("esb-p-bru"), expected_version=1)
    assert info.value.hint == "esb-p-bro"
    with pytest.raises(NotFoundError):
        edits.load("esb-p-bru")


# --------------------------------------------------------------------------- validation


def test_an_unknown_owner_is_refused_naming_the_field_and_the_nearest_id(
    edits: ProblemEditService,
) -> None:
    problem, version = edits.load("esb-p-bro")
    with refused(edits, "esb-p-bro") as info:
        edits.save(replace(problem, owner_id="esb-patricia"), expected_version=version)
    found = only_problem(info.value)
    assert (found.record, found.field, found.value) == (
        "problem esb-p-bro",
        "owner_id",
        "esb-patricia",
    )
    assert found.hint == "nearest id: esb-patriciahuset"


def test_a_new_problem_with_an_unknown_owner_is_not_stored(edits: ProblemEditService) -> None:
    with pytest.raises(ValidationError) as info:
        edits.save(replace(a_problem(), owner_id="esb-sindet"), expected_version=None)
    assert only_problem(info.value).hint == "nearest id: esb-sind"
    with pytest.raises(NotFoundError):
        edits.load(a_problem().id)


def test_bad_codes_are_refused_with_the_nearest_valid_code(edits: ProblemEditService) -> None:
    problem, version = edits.load("esb-p-bro")
    bad = replace(
        problem,
        target_groups=("mental_ilness",),
        prevention_level="rehabilitering",
        seeking=replace(
            problem.seeking,
            resources=(Resource("volunteer_hour"),),
            roles=("bridge_bilder",),
        ),
    )
    with refused(edits, "esb-p-bro") as info:
        edits.save(bad, expected_version=version)
    found = {(p.field, p.value, p.hint) for p in info.value.problems}
    assert found == {
        ("target_groups[0]", "mental_ilness", "nearest valid code: mental_illness"),
        ("prevention_level", "rehabilitering", "nearest valid code: rehabilitation"),
        ("seeking.resources[0].kind", "volunteer_hour", "nearest valid code: volunteer_hours"),
        ("seeking.roles[0]", "bridge_bilder", "nearest valid code: bridge_builder"),
    }


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"lat": 95.0}, "location.lat"),
        ({"lon": -181.0}, "location.lon"),
        ({"lon": None}, "location.lon"),
        ({"lat": float("nan")}, "location.lat"),
    ],
)
def test_coordinates_must_come_in_pairs_and_in_range(
    edits: ProblemEditService, change: dict[str, Any], field: str
) -> None:
    problem, version = edits.load("esb-p-bro")
    with refused(edits, "esb-p-bro") as info:
        edits.save(
            replace(problem, location=replace(problem.location, **change)),
            expected_version=version,
        )
    assert only_problem(info.value).field == field


def test_negative_amounts_and_a_blank_title_are_refused(edits: ProblemEditService) -> None:
    problem, version = edits.load("esb-p-bro")
    bad = replace(
        problem,
        title="   ",
        seeking=replace(
            problem.seeking,
            resources=(Resource("funding", amount_dkk=-5.0),),
            max_distance_km=-1.0,
        ),
    )
    with refused(edits, "esb-p-bro") as info:
        edits.save(bad, expected_version=version)
    assert {p.field for p in info.value.problems} == {
        "title",
        "seeking.resources[0].amount_dkk",
        "seeking.max_distance_km",
    }


# --------------------------------------------------------------------------- status workflow


@pytest.mark.parametrize(
    ("current", "allowed"),
    [
        ("draft", ("open_for_input", "closed")),
        ("open_for_input", ("draft", "seeking", "closed")),
        ("seeking", ("open_for_input", "matched", "closed")),
        ("matched", ("seeking", "closed")),
        ("closed", ("draft", "matched")),
        ("unknown", ()),
    ],
)
def test_allowed_statuses_are_one_step_either_way_close_anywhere_reopen_as_draft(
    edits: ProblemEditService, current: str, allowed: tuple[str, ...]
) -> None:
    assert allowed_statuses(current) == allowed
    assert edits.allowed_statuses(current) == allowed


def test_a_problem_walks_its_whole_life_and_reopens_as_a_draft(edits: ProblemEditService) -> None:
    problem = a_problem()
    version = edits.save(problem, expected_version=None)
    for status in (*PROBLEM_STATUSES[1:], "draft"):
        version = edits.set_status(problem.id, status, expected_version=version)
        assert edits.load(problem.id) == (replace(problem, status=status), version)
    assert version == 1 + len(PROBLEM_STATUSES)


@pytest.mark.parametrize(("target"), ["draft", "open_for_input", "matched", "seekin"])
def test_a_move_outside_the_workflow_is_refused_with_the_allowed_next_statuses(
    edits: ProblemEditService, target: str
) -> None:
    _, version = edits.load("esb-p-bro")
    edits.set_status("esb-p-bro", "matched", expected_version=version)
    with refused(edits, "esb-p-bro") as info:
        edits.set_status("esb-p-bro", target, expected_version=version + 1)
    found = only_problem(info.value)
    assert (found.record, found.field, found.value) == ("problem esb-p-bro", "status", target)
    assert found.hint == "allowed next statuses: seeking, closed"


def test_a_status_change_through_save_follows_the_workflow_too(
    edits: ProblemEditService,
) -> None:
    problem, version = edits.load("esb-p-bro")
    with refused(edits, "esb-p-bro") as info:
        edits.save(replace(problem, status="draft"), expected_version=version)
    assert only_problem(info.value).field == "status"
    assert edits.save(replace(problem, status="matched"), expected_version=version) == version + 1


def test_revert_undoes_a_close_but_allows_no_other_jump(edits: ProblemEditService) -> None:
    _, version = edits.load("esb-p-bro")
    version = edits.set_status("esb-p-bro", "closed", expected_version=version)
    with refused(edits, "esb-p-bro"):
        edits.set_status("esb-p-bro", "seeking", expected_version=version)
    version = edits.set_status("esb-p-bro", "seeking", expected_version=version, revert=True)
    assert edits.load("esb-p-bro")[0].status == "seeking"
    with refused(edits, "esb-p-bro") as info:
        # draft → seeking is no move of its own, so seeking → draft is no revert either
        edits.set_status("esb-p-bro", "draft", expected_version=version, revert=True)
    assert only_problem(info.value).hint == "allowed next statuses: open_for_input, matched, closed"


def test_a_status_change_from_a_stale_version_is_a_conflict(edits: ProblemEditService) -> None:
    _, version = edits.load("esb-p-bro")
    edits.set_status("esb-p-bro", "matched", expected_version=version)
    with refused(edits, "esb-p-bro", ConflictError):
        edits.set_status("esb-p-bro", "seeking", expected_version=version)


# --------------------------------------------------------------------------- ids


def test_new_ids_follow_the_municipality_prefix_and_are_numbered_on_collision(
    edits: ProblemEditService,
) -> None:
    first = edits.new_problem_id("Brobygning", "0561")
    assert first == "esb-p-brobygning"
    edits.save(replace(a_problem(first), title="Brobygning"), expected_version=None)
    second = edits.new_problem_id("Brobygning", "0561")
    assert second == "esb-p-brobygning-2"
    edits.save(replace(a_problem(second), title="Brobygning"), expected_version=None)
    assert edits.new_problem_id("Brobygning", "0561") == "esb-p-brobygning-3"


def test_new_ids_are_ascii_even_without_a_municipality_or_title(
    edits: ProblemEditService,
) -> None:
    assert edits.new_problem_id("Ældre hjælper ældre – café på Bornholm") == (
        "p-aeldre-hjaelper-aeldre-cafe-paa-bornholm"
    )
    assert edits.new_problem_id("Ældre hjælper ældre", "0400") == "0400-p-aeldre-hjaelper-aeldre"
    assert edits.new_problem_id("!!!") == "p-problem"


def test_slugs_are_cut_at_a_word_boundary() -> None:
    slug = slugify("Frivillige " * 10)
    assert len(slug) <= 48
    assert slug.endswith("frivillige")
    assert slugify("Ét øje på Åen") == "et-oeje-paa-aaen"


# --------------------------------------------------------------------------- delete


def test_deleting_a_new_problem_leaves_a_tombstone_that_creating_revives(
    edits: ProblemEditService, database: Database
) -> None:
    problem = a_problem()
    version = edits.save(problem, expected_version=None)
    edits.delete(problem.id, version)
    with pytest.raises(NotFoundError):
        edits.load(problem.id)
    with database.unit_of_work() as session:
        assert problem.id not in problem_rows.problem_keys(session)
    # Redoing the creation revives the record under the same id, one version on.
    assert edits.save(problem, expected_version=None) == version + 2
    assert edits.load(problem.id) == (problem, version + 2)


def test_a_problem_with_partnerships_cannot_be_deleted(edits: ProblemEditService) -> None:
    _, version = edits.load("esb-p-bro")
    with refused(edits, "esb-p-bro") as info:
        edits.delete("esb-p-bro", version)
    found = only_problem(info.value)
    assert (found.field, found.value, found.hint) == ("partnerships", 1, "close it instead")


def test_deleting_from_a_stale_version_is_a_conflict(edits: ProblemEditService) -> None:
    problem = a_problem()
    version = edits.save(problem, expected_version=None)
    edits.save(replace(problem, title="Ændret"), expected_version=version)
    with refused(edits, problem.id, ConflictError):
        edits.delete(problem.id, version)
