"""Matching through the service, on real SQLite databases: the demo landscape and small stories."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest

from mapper.domain.errors import NotFoundError, NothingToMatchError, ValidationError
from mapper.domain.model import Partnership
from mapper.matching.reasons import render
from mapper.persistence.database import Database, open_database
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.conftest import DatabaseFactory, MakeDatabase, small_landscape

PATRICIA = "esb-p-patriciahuset-brobygning"
ROOT = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def demo(database_factory: DatabaseFactory) -> Any:
    db = open_database(database_factory.url("demo"))
    LandscapeService(db).load_demo()
    yield db
    db.close()


def test_patriciahuset_problem_ranks_a_voluntary_organisation_for_the_mentally_vulnerable_first(
    demo: Database,
) -> None:
    ranking = MatchingService(demo).rank_actors_for_problem(PATRICIA, top=5)
    first = ranking.matches[0]
    actor = LandscapeService(demo).get_actor(first.actor_id)
    assert actor.kind == "voluntary_organisation"
    assert "mental_illness" in actor.target_groups
    reasons = [render(r) for r in first.reasons]
    assert "Arbejder med psykisk sårbare og psykisk syge" in reasons
    assert any(r.startswith("Tilbyder frivillige kræfter") for r in reasons)
    assert any(r.endswith("km væk") for r in reasons)
    english = [render(r, "en") for r in first.reasons]
    assert "Works with people with mental illness or vulnerability" in english


def test_every_demo_problem_ranks_identically_with_the_index_and_the_reference(
    demo: Database,
) -> None:
    service = MatchingService(demo)
    for summary in LandscapeService(demo).list_problems():
        fast = service.rank_actors_for_problem(summary.id, top=1000)
        slow = service.reference_ranking(summary.id)
        assert [m.actor_id for m in fast.matches] == [m.actor_id for m in slow.matches], summary.id
        for a, b in zip(fast.matches, slow.matches, strict=True):
            assert a.score == pytest.approx(b.score, abs=1e-9)
        assert fast.excluded == slow.excluded


def test_top_n_with_pruned_text_equals_the_full_ranking_on_a_synthetic_register(
    make_database: MakeDatabase,
) -> None:
    sys.path.insert(0, str(ROOT / "bench"))
    from synth import generate_landscape

    db = open_database(make_database("synth"))
    try:
        LandscapeService(db).import_document(generate_landscape(3000, seed=11, n_problems=12))
        service = MatchingService(db)
        for summary in LandscapeService(db).list_problems()[:8]:
            top = service.rank_actors_for_problem(summary.id, top=10)
            full = service.reference_ranking(summary.id, top=10)
            assert [m.actor_id for m in top.matches] == [m.actor_id for m in full.matches]
            assert [m.score for m in top.matches] == pytest.approx(
                [m.score for m in full.matches], abs=1e-9
            )
    finally:
        db.close()


def test_unknown_problem_and_actor_ids_are_not_found_with_a_suggestion(demo: Database) -> None:
    service = MatchingService(demo)
    with pytest.raises(NotFoundError, match="esb-p-patriciahuset-brobygning"):
        service.rank_actors_for_problem("esb-p-patriciahuset-brobyging")
    with pytest.raises(NotFoundError, match="no actor"):
        service.rank_problems_for_actor("nobody-at-all-zzz")


def test_a_problem_with_nothing_to_match_on_says_so(
    service: LandscapeService, database: Database
) -> None:
    doc = small_landscape()
    doc["problems"].append({"id": "empty", "title": "Noget med frivillige"})
    service.import_document(doc)
    with pytest.raises(NothingToMatchError, match="nothing to match on") as caught:
        MatchingService(database).rank_actors_for_problem("empty")
    assert "target_groups" in str(caught.value)


def test_saved_weights_change_the_ranking_and_can_be_reset(
    service: LandscapeService, database: Database
) -> None:
    service.import_document(small_landscape())
    matching = MatchingService(database)
    before = matching.rank_actors_for_problem("esb-p-bro")
    matching.save_weights("esb-p-bro", {"geography": 10.0})
    after = matching.rank_actors_for_problem("esb-p-bro")
    assert after.weights["geography"] == 10.0
    assert before.matches[0].score != after.matches[0].score
    matching.save_weights("esb-p-bro", None)
    assert matching.rank_actors_for_problem("esb-p-bro").weights == before.weights
    with pytest.raises(ValidationError, match="unknown criteria"):
        matching.save_weights("esb-p-bro", {"luck": 1.0})


def test_fair_rotation_penalises_recently_proposed_actors(
    service: LandscapeService, database: Database
) -> None:
    doc = small_landscape()
    doc["partnerships"] = []
    doc["problems"][0]["seeking"]["required_resources"] = []
    service.import_document(doc)
    matching = MatchingService(database)
    plain = matching.rank_actors_for_problem("esb-p-bro", rotation=True)
    with database.unit_of_work() as session:
        partnership_rows.save_partnerships(
            session, [Partnership("esb-p-bro", "esb-sind", "proposed")]
        )
    rotated = matching.rank_actors_for_problem("esb-p-bro", rotation=True)
    before = next(m for m in plain.matches if m.actor_id == "esb-sind")
    after = next(m for m in rotated.matches if m.actor_id == "esb-sind")
    assert after.score == pytest.approx(before.score - 3.0)
    assert [render(r) for r in after.reasons if r.code == "recently_proposed"] == [
        "Foreslået 1 gang(e) for nylig – giver plads til andre"
    ]
    unrotated = matching.rank_actors_for_problem("esb-p-bro")
    assert next(m for m in unrotated.matches if m.actor_id == "esb-sind").score == pytest.approx(
        before.score
    )


def test_reverse_matching_finds_the_problem_for_the_organisation(demo: Database) -> None:
    ranking = MatchingService(demo).rank_problems_for_actor("esb-sammen-om-sindet", top=3)
    assert ranking.matches[0].problem_id == PATRICIA
    assert ranking.matches[0].problem_title


def test_actor_to_actor_matching_excludes_the_actor_itself(demo: Database) -> None:
    ranking = MatchingService(demo).rank_actors_for_actor("esb-patriciahuset", top=5)
    ids = [m.actor_id for m in ranking.matches]
    assert "esb-patriciahuset" not in ids and len(ids) == 5
    assert ranking.subject_id == "esb-patriciahuset"


def test_review_groups_hold_what_they_promise(demo: Database) -> None:
    service = MatchingService(demo)
    review = service.review(PATRICIA)
    groups = {g.name: g for g in review.groups}
    assert list(groups) == ["supplement", "referrer", "take_over", "escalation"]
    landscape = LandscapeService(demo)
    problem = landscape.get_problem(PATRICIA)
    for m in groups["referrer"].matches:
        a = landscape.get_actor(m.actor_id)
        assert "referrer" in a.roles or any(
            r.kind == "target_group_access" for r in a.resources_offered
        )
        assert set(a.target_groups) & set(problem.target_groups)
    for m in groups["take_over"].matches:
        assert "treatment" in landscape.get_actor(m.actor_id).prevention_levels
    assert any(g.matches for g in review.groups)


def test_consortium_covers_what_is_sought_with_two_to_four_members(demo: Database) -> None:
    proposal = MatchingService(demo).consortium("aar-p-virksomhedspraktik")
    assert 2 <= len(proposal.members) <= 4
    covered = {item for m in proposal.members for item in m.covers}
    assert covered | set(proposal.uncovered) == set(proposal.sought)
    assert not (covered & set(proposal.uncovered))
    first = proposal.members[0]
    assert first.covers


def test_index_is_rebuilt_when_the_register_changes(
    service: LandscapeService, database: Database
) -> None:
    doc = small_landscape()
    service.import_document(doc)
    matching = MatchingService(database)
    first = matching.rank_actors_for_problem("esb-p-bro", top=10)
    doc["actors"].append(
        {
            **json.loads(json.dumps(doc["actors"][0])),
            "id": "esb-sind-2",
            "name": "Sammen om Sindet Varde",
        }
    )
    service.import_document(doc)
    second = matching.rank_actors_for_problem("esb-p-bro", top=10)
    assert "esb-sind-2" not in [m.actor_id for m in first.matches]
    assert "esb-sind-2" in [m.actor_id for m in second.matches]


@pytest.mark.postgres
def test_matching_on_postgresql_equals_sqlite(pg_database: Database, demo: Database) -> None:
    LandscapeService(pg_database).load_demo()
    on_pg = MatchingService(pg_database).rank_actors_for_problem(PATRICIA, top=20, rotation=True)
    on_sqlite = MatchingService(demo).rank_actors_for_problem(PATRICIA, top=20, rotation=True)
    assert [(m.actor_id, round(m.score, 6)) for m in on_pg.matches] == [
        (m.actor_id, round(m.score, 6)) for m in on_sqlite.matches
    ]
    assert MatchingService(pg_database).review(PATRICIA).groups
