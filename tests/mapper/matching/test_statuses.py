"""Which problem statements can be matched is read from data/matching.json, nowhere else."""

from __future__ import annotations

from mapper.domain.model import PROBLEM_STATUSES
from mapper.domain.vocabulary import read_data_json
from mapper.matching.statuses import is_matchable, matchable_statuses


def test_matchable_statuses_are_the_open_statuses_of_matching_json() -> None:
    assert matchable_statuses() == tuple(read_data_json("matching.json")["open_problem_statuses"])
    assert set(matchable_statuses()) <= set(PROBLEM_STATUSES)


def test_drafts_matched_and_closed_problems_are_not_matched() -> None:
    assert is_matchable("seeking") and is_matchable("open_for_input")
    for status in ("draft", "matched", "closed", "unknown"):
        assert not is_matchable(status), status
