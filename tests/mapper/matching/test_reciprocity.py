"""Reciprocity (gensidighed): what an actor itself seeks against what the problem and its owner
give, per pair, in the index, and in actor-to-actor matching."""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

import pytest

from mapper.domain.model import (
    Actor,
    ActorSeeking,
    Location,
    ProblemStatement,
    Resource,
    Seeking,
)
from mapper.io.interchange import actor_to_dict, problem_to_dict
from mapper.matching import criteria as c
from mapper.matching.index import build_index, score_structured
from mapper.matching.model import Candidate, Match, MatchSettings, ProblemContext
from mapper.matching.ranking import score_candidate
from mapper.matching.reasons import render
from mapper.persistence.database import Database
from mapper.persistence.repositories.matching import register_columns
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService, profile_as_problem

SETTINGS = MatchSettings.defaults()
PARAMS = SETTINGS.params
ESBJERG = Location(municipality_code="0561", lat=55.4765, lon=8.4594)

OWNER = Actor(
    id="esb-bosted",
    name="Bostedet ved Havnen",
    kind="public_institution",
    location=ESBJERG,
    resources_offered=(Resource("professional_expertise"),),
    roles=("referrer",),
)


NOTHING = ActorSeeking()


def actor(seeking: ActorSeeking = NOTHING, **fields: Any) -> Actor:
    base = Actor(
        id="esb-cafe",
        name="Café Fællesskab",
        kind="local_association",
        location=ESBJERG,
        target_groups=("mental_illness",),
        seeking=seeking,
    )
    return replace(base, **fields)


def problem(**fields: Any) -> ProblemStatement:
    base = ProblemStatement(
        id="esb-p-cafe",
        title="Fællesskab for beboere",
        owner_id=OWNER.id,
        target_groups=("mental_illness",),
        partner_gets="Lokaler til jeres aktiviteter",
        seeking=Seeking(description="Frivillige til cafémøder"),
        location=ESBJERG,
        status="seeking",
    )
    return replace(base, **fields)


def reciprocity(
    p: ProblemStatement, a: Actor, owner: Actor | None = OWNER, seeks: frozenset[str] = frozenset()
) -> c.CriterionResult:
    return c.reciprocity_fit(ProblemContext.of(p, owner), Candidate(a, seeks), PARAMS)


# --------------------------------------------------------------------------- the criterion


def test_an_actor_that_seeks_what_the_partner_gets_scores_full() -> None:
    result = reciprocity(problem(), actor(ActorSeeking(resources=("premises",))))
    assert result.score == 1.0
    assert [(r.code, dict(r.params)) for r in result.reasons] == [
        ("gets_what_it_seeks", {"resources": ["premises"]})
    ]


def test_an_actor_that_seeks_nothing_is_neutral_as_before() -> None:
    result = reciprocity(problem(), actor())
    assert result.score is None and [r.code for r in result.reasons] == ["seeks_nothing"]
    # A description alone says nothing the criterion can compare.
    described = reciprocity(problem(), actor(ActorSeeking(description="Vi søger venner")))
    assert described.score is None


def test_seeking_what_is_not_given_scores_zero_with_what_it_seeks() -> None:
    result = reciprocity(problem(), actor(ActorSeeking(resources=("funding",))))
    assert result.score == 0.0
    assert [(r.code, dict(r.params)) for r in result.reasons] == [
        ("gets_other", {"resources": ["funding"]})
    ]


def test_what_the_owner_offers_counts_as_given_even_when_partner_gets_is_silent() -> None:
    seeks_expertise = actor(ActorSeeking(resources=("professional_expertise",)))
    assert reciprocity(problem(partner_gets=None), seeks_expertise).score == 1.0
    # Without an owner (and without partner_gets) nothing is known of what is given.
    unknown = reciprocity(problem(partner_gets=None), seeks_expertise, owner=None)
    assert unknown.score is None and [r.code for r in unknown.reasons] == ["partner_gets_unknown"]


def test_sought_roles_are_compared_with_the_owners_roles() -> None:
    wants_referrer = actor(ActorSeeking(roles=("referrer",)))
    hit = reciprocity(problem(), wants_referrer)
    assert hit.score == 1.0 and hit.reasons[0].code == "gets_role_it_seeks"
    miss = reciprocity(problem(), actor(ActorSeeking(roles=("funder",))))
    assert miss.score == 0.0 and miss.reasons[0].code == "seeks_other_roles"
    # An owner that states no roles cannot be judged on roles.
    silent_owner = replace(OWNER, roles=())
    assert reciprocity(problem(), wants_referrer, owner=silent_owner).score is None


def test_sought_target_groups_are_compared_with_the_problems() -> None:
    hit = reciprocity(problem(), actor(ActorSeeking(target_groups=("mental_illness",))))
    assert hit.score == 1.0 and hit.reasons[0].code == "gets_target_groups_it_seeks"
    miss = reciprocity(problem(), actor(ActorSeeking(target_groups=("homeless",))))
    assert miss.score == 0.0 and miss.reasons[0].code == "seeks_other_target_groups"


def test_the_score_is_the_share_of_what_it_seeks_over_the_facets_that_can_be_judged() -> None:
    seeking = ActorSeeking(
        resources=("premises", "funding"), roles=("referrer", "funder"), target_groups=("homeless",)
    )
    result = reciprocity(problem(), actor(seeking))
    # premises and referrer of five sought items
    assert result.score == pytest.approx(2 / 5)
    assert [r.code for r in result.reasons] == ["gets_what_it_seeks", "gets_role_it_seeks"]
    # Kinds sought through its own open problem statements count as sought resources too.
    with_problems = reciprocity(
        problem(), actor(ActorSeeking(resources=("funding",))), seeks=frozenset({"premises"})
    )
    assert with_problems.score == pytest.approx(1 / 2)


def test_seeking_what_the_owner_gives_ranks_above_seeking_nothing_and_above_seeking_else() -> None:
    ctx = ProblemContext.of(problem(), OWNER)

    def score(a: Actor) -> float:
        match = score_candidate(ctx, Candidate(a), SETTINGS)
        assert isinstance(match, Match)
        return match.score

    fits = score(actor(ActorSeeking(resources=("premises",), roles=("referrer",))))
    silent = score(actor())
    elsewhere = score(actor(ActorSeeking(resources=("funding",))))
    assert fits > silent > elsewhere


@pytest.mark.parametrize(
    "code",
    ["gets_role_it_seeks", "seeks_other_roles"],
)
def test_role_reasons_render_in_danish_and_english(code: str) -> None:
    reason = c.Reason(code, {"roles": ["bridge_builder"]})
    da, en = render(reason, "da"), render(reason, "en")
    assert "brobygger" in da and "bridge builder" in en.lower()


@pytest.mark.parametrize("code", ["gets_target_groups_it_seeks", "seeks_other_target_groups"])
def test_target_group_reasons_render_in_danish_and_english(code: str) -> None:
    reason = c.Reason(code, {"target_groups": ["homeless"]})
    da, en = render(reason, "da"), render(reason, "en")
    assert code not in da and code not in en and "?" not in da + en
    assert "hjemløse" in da.lower() and "homeless" in en.lower()


# --------------------------------------------------------------------------- the index


def _document(actors: list[Actor], problems: list[ProblemStatement]) -> dict[str, Any]:
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [actor_to_dict(a) for a in actors],
        "problems": [problem_to_dict(p) for p in problems],
    }


SEEKERS = [
    actor(id="a-nothing"),
    actor(ActorSeeking(resources=("premises",)), id="a-premises"),
    actor(ActorSeeking(resources=("funding",)), id="a-funding"),
    actor(ActorSeeking(roles=("referrer", "funder")), id="a-roles"),
    actor(ActorSeeking(target_groups=("mental_illness", "homeless")), id="a-groups"),
    actor(
        ActorSeeking(
            description="Vi søger det hele",
            resources=("premises", "professional_expertise", "mentoring"),
            roles=("referrer",),
            target_groups=("homeless",),
        ),
        id="a-all",
    ),
    # Seeks mentoring through its own open problem, and premises in its profile.
    actor(ActorSeeking(resources=("premises",)), id="a-own-problem"),
]
OWN_PROBLEM = ProblemStatement(
    id="p-own",
    title="Mentorer til unge",
    owner_id="a-own-problem",
    seeking=Seeking(resources=(Resource("mentoring"),)),
    status="seeking",
)


@pytest.mark.parametrize(
    "variant",
    [
        {},
        {"partner_gets": None},
        {"partner_gets": None, "owner_id": None},
        {"target_groups": ()},
    ],
    ids=["all-given", "owner-only", "nothing-given", "no-groups"],
)
def test_the_index_scores_reciprocity_exactly_like_the_criterion(
    database: Database, variant: dict[str, Any]
) -> None:
    target = problem(**variant)
    LandscapeService(database).import_document(_document([OWNER, *SEEKERS], [target, OWN_PROBLEM]))
    with database.unit_of_work() as session:
        index = build_index(register_columns(session, SETTINGS))
    owner = OWNER if target.owner_id else None
    ctx = ProblemContext.of(target, owner)
    vector = score_structured(index, ctx, SETTINGS).criteria["reciprocity"]
    seeks = {"a-own-problem": frozenset({"mentoring"})}
    for a in [OWNER, *SEEKERS]:
        expected = c.reciprocity_fit(ctx, Candidate(a, seeks.get(a.id, frozenset())), PARAMS)
        got = vector[index.row_of[a.id]]
        if expected.score is None:
            assert math.isnan(got), a.id
        else:
            assert got == pytest.approx(expected.score, abs=1e-12), a.id
    service = MatchingService(database)
    fast = service.rank_actors_for_problem(target.id, top=20)
    slow = service.reference_ranking(target.id)
    assert [(m.actor_id, round(m.score, 9)) for m in fast.matches] == [
        (m.actor_id, round(m.score, 9)) for m in slow.matches
    ]


# --------------------------------------------------------------------------- actor ↔ actor


def test_profile_as_problem_seeks_what_the_profile_says_it_seeks() -> None:
    seeker = actor(
        ActorSeeking(
            description="Vi søger en virksomhed, der vil bygge bro.",
            resources=("premises", "mentoring"),
            roles=("bridge_builder",),
            target_groups=("youth_vulnerable",),
        )
    )
    own = replace(
        OWN_PROBLEM,
        owner_id=seeker.id,
        target_groups=("homeless",),
        seeking=Seeking(
            description="Mentorer", resources=(Resource("mentoring", hours_per_month=10),)
        ),
    )
    as_problem = profile_as_problem(seeker, [own])
    s = as_problem.seeking
    assert [(r.kind, r.hours_per_month) for r in s.resources] == [
        ("mentoring", 10),
        ("premises", None),
    ]
    assert s.roles == ("bridge_builder",)
    assert as_problem.target_groups == ("youth_vulnerable", "homeless")
    assert s.description == "Vi søger en virksomhed, der vil bygge bro. Mentorer"
    # Without a stated wish it falls back to its own target groups and profile, as before.
    plain = profile_as_problem(actor(), [])
    assert plain.target_groups == ("mental_illness",) and plain.seeking.resources == ()


def test_actor_to_actor_ranking_follows_what_the_actor_seeks(database: Database) -> None:
    seeker = actor(
        ActorSeeking(
            description="Vi søger en virksomhed med lokaler, som kan bygge bro",
            resources=("premises",),
            roles=("bridge_builder",),
        ),
        id="esb-seeker",
        resources_offered=(Resource("volunteer_hours"),),
    )
    company = Actor(
        id="esb-havnens-lager",
        name="Havnens Lager A/S",
        kind="company",
        location=ESBJERG,
        resources_offered=(Resource("premises"),),
        roles=("bridge_builder",),
    )
    lookalike = Actor(
        id="esb-andet-firma",
        name="Andet Firma ApS",
        kind="company",
        location=ESBJERG,
        resources_offered=(Resource("funding"),),
        roles=("funder",),
    )
    # Seeks the volunteers the seeker offers: reciprocity lifts it above an identical actor.
    grateful = replace(
        lookalike, id="esb-taknemmelig", seeking=ActorSeeking(resources=("volunteer_hours",))
    )
    LandscapeService(database).import_document(
        _document([seeker, company, lookalike, grateful], [])
    )
    ranking = MatchingService(database).rank_actors_for_actor("esb-seeker", top=3)
    ids = [m.actor_id for m in ranking.matches]
    assert ids[0] == "esb-havnens-lager"
    assert ids.index("esb-taknemmelig") < ids.index("esb-andet-firma")
    top = ranking.matches[0]
    by_criterion = {x.criterion: x for x in top.contributions}
    assert by_criterion["resources"].score == 1.0 and not by_criterion["resources"].neutral
    assert by_criterion["roles"].score == 1.0
    grateful_match = next(m for m in ranking.matches if m.actor_id == "esb-taknemmelig")
    recip = next(x for x in grateful_match.contributions if x.criterion == "reciprocity")
    assert recip.score == 1.0 and recip.reasons[0].code == "gets_what_it_seeks"
