"""Reading only the register rows a change touched."""

from __future__ import annotations

from typing import Any

from mapper.services.landscape import LandscapeService


def test_actor_summaries_equal_the_register_rows(
    service: LandscapeService, landscape_doc: Any
) -> None:
    service.import_document(landscape_doc)
    everyone = {a.id: a for a in service.list_actors()}
    some = service.actor_summaries({"esb-sind", "esb-bank", "no-such-actor"})
    assert {a.id for a in some} == {"esb-sind", "esb-bank"}
    for row in some:
        assert row == everyone[row.id]
    assert service.actor_summaries([]) == []


def test_problem_summaries_equal_the_list_rows(
    service: LandscapeService, landscape_doc: Any
) -> None:
    service.import_document(landscape_doc)
    (listed,) = service.list_problems()
    assert service.problem_summaries(["esb-p-bro", "gone"]) == [listed]
    assert listed.owner_name == "Patriciahuset" and listed.target_groups == ("mental_illness",)
    assert service.problem_summaries(set()) == []
