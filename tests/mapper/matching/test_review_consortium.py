"""The 360° review and consortium proposals as pure functions: a handful of actors, no database."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
import pytest
from numpy.typing import NDArray

from mapper.domain.model import Actor, Location, ProblemStatement, Resource, Seeking
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.matching.consortium import ConsortiumParams, propose_consortium
from mapper.matching.model import Match, MatchSettings, ProblemContext
from mapper.matching.review import (
    NEEDS_LEVEL,
    ReviewParams,
    ReviewRule,
    build_review,
    review_mask,
)

PARAMS = MatchSettings.defaults().params
RULES = {rule.name: rule for rule in ReviewParams.of(PARAMS).rules}


@dataclass
class Columns:
    """The review's view of an actor index, built from domain actors (as build_index does)."""

    actors: Sequence[Actor]
    vocabulary: Vocabulary = field(default_factory=load_vocabulary)
    bits: dict[str, dict[str, int]] = field(default_factory=dict)
    tg_mask: NDArray[np.uint64] = field(init=False)
    role_mask: NDArray[np.uint64] = field(init=False)
    prevention_mask: NDArray[np.uint64] = field(init=False)
    resource_mask: NDArray[np.uint64] = field(init=False)

    def __post_init__(self) -> None:
        vocab = self.vocabulary
        for facet in ("target_groups", "roles", "resource_kinds"):
            self.bits[facet] = {c: 1 << i for i, c in enumerate(sorted(vocab.codes(facet)))}
        self.bits["prevention_levels"] = {
            c: 1 << ((vocab.rank("prevention_levels", c) or 1) - 1)
            for c in vocab.codes("prevention_levels")
        }

        def mask(facet: str, codes_of: Any) -> NDArray[np.uint64]:
            out = []
            for actor in self.actors:
                value = 0
                for code in codes_of(actor):
                    value |= self.bits[facet][code]
                out.append(value)
            return np.array(out, dtype=np.uint64)

        self.tg_mask = mask("target_groups", lambda a: a.target_groups)
        self.role_mask = mask("roles", lambda a: a.roles)
        self.prevention_mask = mask("prevention_levels", lambda a: a.prevention_levels)
        self.resource_mask = mask("resource_kinds", lambda a: [r.kind for r in a.resources_offered])

    @property
    def row_of(self) -> dict[str, int]:
        return {a.id: i for i, a in enumerate(self.actors)}

    def __len__(self) -> int:
        return len(self.actors)


def actor(
    actor_id: str,
    *,
    levels: Sequence[str] = (),
    groups: Sequence[str] = (),
    roles: Sequence[str] = (),
    offers: Sequence[str] = (),
) -> Actor:
    return Actor(
        id=actor_id,
        name=actor_id.title(),
        kind="voluntary_organisation",
        prevention_levels=tuple(levels),
        target_groups=tuple(groups),
        roles=tuple(roles),
        resources_offered=tuple(Resource(k) for k in offers),
    )


OWNER = actor("owner", levels=["early"], offers=["premises"])
PROBLEM = ProblemStatement(
    id="p",
    title="Brobygning",
    owner_id="owner",
    prevention_level="early",
    target_groups=("youth_vulnerable",),
)


def members(columns: Columns, mask: NDArray[np.bool_] | None) -> list[str]:
    assert mask is not None
    return [a.id for a, hit in zip(columns.actors, mask.tolist(), strict=True) if hit]


def mask_of(
    actors: Sequence[Actor], rule: str, problem: ProblemStatement = PROBLEM
) -> tuple[Columns, NDArray[np.bool_] | None, str]:
    columns = Columns(actors)
    mask, note = review_mask(columns, ProblemContext.of(problem, OWNER), RULES[rule])
    return columns, mask, note.code


def test_the_groups_and_their_order_come_from_the_settings() -> None:
    params = ReviewParams.of(PARAMS)
    assert [r.name for r in params.rules] == ["supplement", "referrer", "take_over", "escalation"]
    assert params.per_group == 5
    assert RULES["take_over"] == ReviewRule(
        "take_over",
        below_level=True,
        levels=("universal", "early"),
        needs_level=True,
        shares_target_group=True,
    )
    assert RULES["referrer"].ignores_required_resources


def test_supplement_is_the_same_level_offering_what_the_owner_lacks() -> None:
    actors = [
        actor("adds", levels=["early"], offers=["premises", "mentoring"]),
        actor("same_offer", levels=["early"], offers=["premises"]),
        actor("other_level", levels=["treatment"], offers=["mentoring"]),
        actor("offers_nothing", levels=["early"]),
    ]
    columns, mask, note = mask_of(actors, "supplement")
    assert members(columns, mask) == ["adds"]
    assert note == "review_supplement"


def test_supplement_without_a_problem_level_takes_any_level() -> None:
    actors = [
        actor("early", levels=["early"], offers=["mentoring"]),
        actor("t", offers=["funding"]),
    ]
    untiered = ProblemStatement(id="p", title="x", owner_id="owner")
    columns, mask, _ = mask_of(actors, "supplement", untiered)
    assert members(columns, mask) == ["early", "t"]


def test_referrers_have_the_role_or_the_access_and_share_a_target_group() -> None:
    actors = [
        actor("role", roles=["referrer"], groups=["youth_vulnerable"]),
        actor("access", offers=["target_group_access"], groups=["youth_vulnerable"]),
        actor("other_group", roles=["referrer"], groups=["mental_illness"]),
        actor("neither", roles=["funder"], groups=["youth_vulnerable"]),
    ]
    columns, mask, note = mask_of(actors, "referrer")
    assert members(columns, mask) == ["role", "access"]
    assert note == "review_referrer"
    no_groups = ProblemStatement(id="p", title="x", prevention_level="early")
    columns, mask, _ = mask_of(actors, "referrer", no_groups)
    assert members(columns, mask) == ["role", "access", "other_group"]


def test_take_over_is_one_level_lower_and_escalation_one_higher() -> None:
    actors = [
        actor("universal", levels=["universal"], groups=["youth_vulnerable"]),
        actor("early", levels=["early"], groups=["youth_vulnerable"]),
        actor("treatment", levels=["treatment"], groups=["youth_vulnerable"]),
        actor("treatment_elsewhere", levels=["treatment"], groups=["mental_illness"]),
    ]
    columns, mask, note = mask_of(actors, "take_over")
    assert (members(columns, mask), note) == (["universal"], "review_take_over")
    columns, mask, note = mask_of(actors, "escalation")
    assert (members(columns, mask), note) == (["treatment"], "review_escalation")


def test_take_over_means_ordinary_community_life_and_no_level_is_its_own_step() -> None:
    rehab = ProblemStatement(
        id="p", title="x", prevention_level="rehabilitation", target_groups=("youth_vulnerable",)
    )
    actors = [
        actor("treatment", levels=["treatment"], groups=["youth_vulnerable"]),
        actor("club", levels=["universal"], groups=["youth_vulnerable"]),
        actor("both", levels=["early", "rehabilitation"], groups=["youth_vulnerable"]),
    ]
    columns, mask, _ = mask_of(actors, "take_over", rehab)
    # Not the treatment-level organisation; not one that also works at the problem's level.
    assert members(columns, mask) == ["club"]
    escalating = [actor("same_too", levels=["early", "treatment"], groups=["youth_vulnerable"])]
    columns, mask, _ = mask_of(escalating, "escalation")
    assert members(columns, mask) == []


def test_a_partner_appears_in_one_review_group_only() -> None:
    columns = Columns(
        [
            actor(
                "a",
                levels=["early"],
                roles=["referrer"],
                groups=["youth_vulnerable"],
                offers=["funding"],
            )
        ]
    )
    lenient_asked: list[list[bool]] = []

    def rank_within(mask: NDArray[np.bool_], top: int) -> list[Match]:
        return [Match("a", "A", "voluntary_organisation", 50.0, ())] if mask.any() else []

    def rank_lenient(mask: NDArray[np.bool_], top: int) -> list[Match]:
        lenient_asked.append(mask.tolist())
        return rank_within(mask, top)

    review = build_review(
        columns,
        ProblemContext.of(PROBLEM, OWNER),
        ReviewParams.of(PARAMS),
        rank_within,
        3,
        rank_lenient,
    )
    shown = [g.name for g in review.groups for m in g.matches if m.actor_id == "a"]
    assert shown == ["referrer"]
    assert lenient_asked == [[True]]  # the referrer group is ranked without required resources
    assert review.problem_title == "Brobygning"


def test_there_is_nothing_below_the_lowest_level() -> None:
    lowest = ProblemStatement(id="p", title="x", prevention_level="universal")
    columns, mask, _ = mask_of([actor("u", levels=["universal"])], "take_over", lowest)
    assert members(columns, mask) == []


def test_without_a_level_take_over_and_escalation_stay_empty_with_a_note() -> None:
    untiered = ProblemStatement(id="p", title="x", owner_id="owner")
    columns = Columns([actor("a", levels=["early"], roles=["referrer"], offers=["funding"])])
    asked: list[tuple[list[bool], int]] = []

    def rank_within(mask: NDArray[np.bool_], top: int) -> list[Match]:
        asked.append((mask.tolist(), top))
        return [Match("a", "A", "voluntary_organisation", 50.0, ())]

    review = build_review(
        columns, ProblemContext.of(untiered, OWNER), ReviewParams.of(PARAMS), rank_within, 3
    )
    assert review.problem_id == "p"
    by_name = {g.name: g for g in review.groups}
    assert by_name["take_over"].matches == () and by_name["take_over"].note == NEEDS_LEVEL
    assert by_name["escalation"].matches == () and by_name["escalation"].note == NEEDS_LEVEL
    assert [m.actor_id for m in by_name["referrer"].matches] == ["a"]
    # Referrer (specific, first) and supplement only, top 3; supplement leaves out who is shown.
    assert asked == [([True], 3), ([False], 3)]


def test_per_group_defaults_to_the_settings() -> None:
    tops: list[int] = []

    def rank_within(mask: NDArray[np.bool_], top: int) -> list[Match]:
        tops.append(top)
        return []

    build_review(
        Columns([]), ProblemContext.of(PROBLEM, OWNER), ReviewParams.of(PARAMS), rank_within
    )
    assert tops == [5, 5, 5, 5]


def review_settings(**group: Any) -> dict[str, Any]:
    return {"review": {"per_group": 5, "groups": group}}


@pytest.mark.parametrize(
    ("settings", "message"),
    [
        ({"review": {"per_group": 0, "groups": {"referrer": {}}}}, "review.per_group"),
        ({"review": {"per_group": 5, "groups": {}}}, "review.groups must name"),
        (review_settings(bystanders={}), "review.groups.bystanders: no label"),
        (review_settings(referrer={"roles": ["helper"]}), "review.groups.referrer.roles: 'helper'"),
        (
            review_settings(referrer={"resources": ["cake"]}),
            "review.groups.referrer.resources: 'cake' is not a code of resource_kinds",
        ),
        (review_settings(take_over={"level_step": "down"}), "review.groups.take_over.level_step"),
        (review_settings(take_over={"needs_level": "yes"}), "review.groups.take_over.needs_level"),
        (review_settings(take_over={"stairs": 1}), "review.groups.take_over: unknown setting"),
        (review_settings(take_over={"levels": ["low"]}), "'low' is not a code of prevention"),
        (review_settings(referrer={"below_level": 1}), "referrer.below_level must be true"),
    ],
)
def test_bad_review_settings_are_named(settings: dict[str, Any], message: str) -> None:
    with pytest.raises(ValueError, match=r"data/matching\.json: ") as raised:
        ReviewParams.of(settings)
    assert message in str(raised.value)


# ----------------------------------------------------------------- consortium

SEEKING = ProblemStatement(
    id="p",
    title="Praktik",
    seeking=Seeking(
        resources=(Resource("jobs_internships"), Resource("mentoring")),
        required_resources=("premises",),
        roles=("referrer",),
    ),
)


def ranked(*actors: Actor) -> tuple[list[Match], dict[str, Actor]]:
    matches = [Match(a.id, a.name, a.kind, 90.0 - i, (), rank=i + 1) for i, a in enumerate(actors)]
    return matches, {a.id: a for a in actors}


def test_consortium_covers_greedily_the_better_ranked_first_on_ties() -> None:
    matches, actors = ranked(
        actor("jobs", offers=["jobs_internships"]),
        actor("rooms_and_mentors", offers=["premises", "mentoring"]),
        actor("also_jobs", offers=["jobs_internships"]),
        actor("referrer", roles=["referrer"], offers=["mentoring"]),
    )
    proposal = propose_consortium(SEEKING, matches, actors)
    assert proposal.sought == (
        "resource:jobs_internships",
        "resource:mentoring",
        "resource:premises",
        "role:referrer",
    )
    assert [(m.match.actor_id, m.covers) for m in proposal.members] == [
        ("rooms_and_mentors", ("resource:mentoring", "resource:premises")),
        ("jobs", ("resource:jobs_internships",)),
        ("referrer", ("role:referrer",)),
    ]
    assert proposal.members[2].also_offers == ("resource:mentoring",)
    assert proposal.uncovered == ()


def test_consortium_stops_at_max_members_and_names_what_is_uncovered() -> None:
    matches, actors = ranked(
        actor("jobs", offers=["jobs_internships"]),
        actor("mentors", offers=["mentoring"]),
        actor("rooms", offers=["premises"]),
    )
    proposal = propose_consortium(SEEKING, matches, actors, max_members=2)
    assert [m.match.actor_id for m in proposal.members] == ["jobs", "mentors"]
    assert proposal.uncovered == ("resource:premises", "role:referrer")


def test_one_actor_covering_everything_gets_the_best_backup() -> None:
    everything = actor(
        "everything", roles=["referrer"], offers=["jobs_internships", "mentoring", "premises"]
    )
    matches, actors = ranked(
        everything,
        actor("unrelated", offers=["funding"]),
        actor("backup", offers=["mentoring", "premises"]),
    )
    proposal = propose_consortium(SEEKING, matches, actors)
    assert [m.match.actor_id for m in proposal.members] == ["everything", "backup"]
    assert proposal.members[1].covers == ()
    assert proposal.members[1].also_offers == ("resource:mentoring", "resource:premises")
    alone = propose_consortium(SEEKING, matches, actors, min_members=1)
    assert [m.match.actor_id for m in alone.members] == ["everything"]


def test_actors_not_loaded_are_left_out() -> None:
    matches, actors = ranked(actor("jobs", offers=["jobs_internships"]))
    proposal = propose_consortium(SEEKING, matches, {})
    assert proposal.members == () and proposal.uncovered == proposal.sought
    assert actors  # the match existed; its actor did not


def test_consortium_sizes_come_from_the_settings() -> None:
    assert ConsortiumParams.of(PARAMS) == ConsortiumParams(min_members=2, max_members=4, pool=50)
    with pytest.raises(ValueError, match=r"consortium.pool must be a whole number .*: 0"):
        ConsortiumParams.of({"consortium": {"min_members": 2, "max_members": 4, "pool": 0}})
    with pytest.raises(ValueError, match=r"min_members \(5\) is more than max_members \(4\)"):
        ConsortiumParams.of({"consortium": {"min_members": 5, "max_members": 4, "pool": 50}})


def test_consortium_prefers_the_problems_own_municipality_when_scores_are_close() -> None:
    far = replace(
        actor("far", offers=["jobs_internships"]), location=Location(municipality_code="0751")
    )
    near = replace(
        actor("near", offers=["jobs_internships"]), location=Location(municipality_code="0561")
    )
    matches, actors = ranked(far, near)
    proposal = propose_consortium(SEEKING, matches, actors, 1, 1, "0561", 10.0)
    assert [m.match.actor_id for m in proposal.members] == ["near"]
    # Not when the local one is far behind, nor without a municipality.
    behind = [matches[0], replace(matches[1], score=50.0)]
    proposal = propose_consortium(SEEKING, behind, actors, 1, 1, "0561", 10.0)
    assert [m.match.actor_id for m in proposal.members] == ["far"]
    proposal = propose_consortium(SEEKING, matches, actors, 1, 1)
    assert [m.match.actor_id for m in proposal.members] == ["far"]


def test_consortium_local_margin_setting_is_checked() -> None:
    bad = {"consortium": {"min_members": 2, "max_members": 4, "pool": 5, "local_margin_points": -1}}
    with pytest.raises(ValueError, match=r"consortium\.local_margin_points"):
        ConsortiumParams.of(bad)
    assert ConsortiumParams.of(PARAMS).local_margin == 10.0
