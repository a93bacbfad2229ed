"""Deleted records (tombstones: deleted_at set, the row kept) never reach matching or a map:
a deleted actor is no candidate, a deleted problem statement no context, a deleted partnership
no proposal that rotation counts. The deletion is written here as the delete use cases write it
(deleted_at/by and version + 1), so these tests hold whichever service deletes."""

from __future__ import annotations

import pytest
from sqlalchemy import Table, func, update

from mapper.domain.errors import NotFoundError
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService
from mapper.services.matching import MatchingService
from tests.conftest import small_landscape

PROBLEM = "esb-p-bro"
SIND = "esb-sind"


@pytest.fixture
def matching(database: Database) -> MatchingService:
    LandscapeService(database).import_document(small_landscape())
    return MatchingService(database)


def tombstone(database: Database, table: Table, where: object) -> None:
    with database.unit_of_work() as session:
        changed = session.execute(
            update(table)
            .where(where)  # type: ignore[arg-type]
            .values(
                deleted_at=func.current_timestamp(),
                deleted_by="tester",
                version=table.c.version + 1,
            )
        ).rowcount
    assert changed == 1


def test_a_deleted_actor_is_no_candidate_even_for_a_warm_index(
    matching: MatchingService, database: Database
) -> None:
    before = matching.rank_actors_for_problem(PROBLEM, top=10)
    assert SIND in [m.actor_id for m in before.matches]

    tombstone(database, store.ACTORS, store.ACTORS.c.uid == SIND)

    after = matching.rank_actors_for_problem(PROBLEM, top=10)
    assert SIND not in [m.actor_id for m in after.matches]
    assert after.considered == before.considered - 1
    reference = matching.reference_ranking(PROBLEM)
    assert [m.actor_id for m in reference.matches] == [m.actor_id for m in after.matches]
    for use in (matching.rank_problems_for_actor, matching.rank_actors_for_actor):
        with pytest.raises(NotFoundError) as caught:
            use(SIND)
        assert caught.value.record_id == SIND


def test_a_deleted_problem_is_no_context_and_not_ranked_for_an_actor(
    matching: MatchingService, database: Database
) -> None:
    assert [m.problem_id for m in matching.rank_problems_for_actor(SIND).matches] == [PROBLEM]
    matching.save_weights(PROBLEM, {"text": 0.0})

    tombstone(database, store.PROBLEMS, store.PROBLEMS.c.uid == PROBLEM)

    for use in (
        matching.rank_actors_for_problem,
        matching.review,
        matching.consortium,
        matching.saved_weights,
    ):
        with pytest.raises(NotFoundError) as caught:
            use(PROBLEM)
        assert caught.value.record_id == PROBLEM
    reverse = matching.rank_problems_for_actor(SIND)
    assert reverse.matches == () and reverse.considered == 0
    with pytest.raises(NotFoundError):
        MapService(database).partner_map(scope="problem", value=PROBLEM)


def test_a_deleted_partnership_no_longer_counts_for_rotation(
    matching: MatchingService, database: Database
) -> None:
    def rotation_points() -> float:
        ranking = matching.rank_actors_for_problem(PROBLEM, rotation=True)
        match = next(m for m in ranking.matches if m.actor_id == SIND)
        return sum(c.points for c in match.contributions if c.criterion == "rotation")

    # The small landscape's proposal dates from April (its updated_on); proposed again now,
    # it is recent and counts for rotation.
    with database.unit_of_work() as session:
        session.execute(update(store.PARTNERSHIP_HISTORY).values(changed_at=func.now()))
    matching = MatchingService(database)
    assert rotation_points() < 0
    tombstone(database, store.PARTNERSHIPS, store.PARTNERSHIPS.c.actor_pk.is_not(None))
    assert rotation_points() == 0


def test_a_deleted_actor_is_on_no_map(matching: MatchingService, database: Database) -> None:
    maps = MapService(database)
    assert SIND in [a.id for a in maps.partner_map().actors]
    assert SIND in [a.id for a in maps.partner_map(scope="problem", value=PROBLEM).actors]

    tombstone(database, store.ACTORS, store.ACTORS.c.uid == SIND)

    everything = maps.partner_map()
    assert SIND not in [a.id for a in everything.actors]
    # Left out counts only live actors: the volunteer (personal) and those without a place.
    assert sum(everything.left_out.values()) + len(everything.actors) == 4
    assert SIND not in [a.id for a in maps.partner_map(scope="problem", value=PROBLEM).actors]


def test_a_deleted_owner_seeks_nothing_and_is_no_candidate(
    matching: MatchingService, database: Database
) -> None:
    """Deleting an owner is refused by the services; a tombstone written otherwise (an older
    copy, a sync) still leaves its open problems' seeking out of the index."""
    owner = "esb-patriciahuset"
    assert owner in [m.actor_id for m in matching.reference_ranking(PROBLEM).excluded_examples]
    tombstone(database, store.ACTORS, store.ACTORS.c.uid == owner)
    ranking = matching.rank_actors_for_problem(PROBLEM, top=10)
    reference = matching.reference_ranking(PROBLEM)
    assert owner not in [e.actor_id for e in reference.excluded_examples]
    assert [m.actor_id for m in ranking.matches] == [m.actor_id for m in reference.matches]
    assert ranking.excluded["owner"] == 0
