"""Sparse profiles and the wording a coordinator trusts: what an actor has not filled in is
unknown (neutral, lower confidence, 'ikke oplyst'), never absent; gates exclude only on declared
facts; reasons carry a sign; generated Danish reads right."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

import pytest

from mapper.domain.model import Actor, Location, ProblemStatement, Profile, Resource, Seeking
from mapper.matching import criteria as c
from mapper.matching.gates import gate
from mapper.matching.model import (
    Candidate,
    CriterionResult,
    Match,
    MatchSettings,
    ProblemContext,
    Reason,
)
from mapper.matching.ranking import ranking_notes, score_candidate
from mapper.matching.reasons import not_given_text, number, render, with_article
from mapper.persistence.database import open_database
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService
from tests.conftest import MakeDatabase

SETTINGS = MatchSettings.defaults()
PARAMS = SETTINGS.params
ESBJERG = Location(municipality_code="0561", lat=55.4765, lon=8.4594)
AARHUS = Location(municipality_code="0751", lat=56.1567, lon=10.2108)  # about 150 km away

SPARSE = Actor(
    id="sparse",
    name="Foreningen for Børn i Sorg",
    kind="local_association",
    location=ESBJERG,
    profile=Profile(we_are="Foreningens formål er at støtte børn, der har mistet en forælder."),
)
PROBLEM = ProblemStatement(
    id="p",
    title="Sorggrupper for børn",
    owner_id="owner",
    municipality_code="0561",
    location=ESBJERG,
    description="Børn i sorg skal have et fællesskab.",
    concreteness="concrete",
    target_groups=("children_vulnerable",),
    prevention_level="early",
    seeking=Seeking(
        description="Frivillige der kan lede sorggrupper for børn",
        resources=(Resource("volunteer_hours", hours_per_month=60),),
        roles=("volunteer_provider",),
    ),
    status="seeking",
)


def result(fn: c.Criterion, actor: Actor, problem: ProblemStatement = PROBLEM) -> CriterionResult:
    return fn(ProblemContext.of(problem, None), Candidate(actor), PARAMS)


def scored(actor: Actor, problem: ProblemStatement = PROBLEM, params: Any = None) -> Match:
    settings = SETTINGS if params is None else replace(SETTINGS, params=params)
    match = score_candidate(ProblemContext.of(problem, None), Candidate(actor), settings)
    assert isinstance(match, Match)
    return match


# --------------------------------------------------------------------------- unknown ≠ absent


@pytest.mark.parametrize(
    ("criterion", "text"),
    [
        (c.target_group_fit, "Målgrupper ikke oplyst"),
        (c.resource_coverage, "Ressourcer ikke oplyst"),
        (c.role_fit, "Roller ikke oplyst"),
        (c.prevention_fit, "Forebyggelsesniveau ikke oplyst"),
        (c.capacity_fit, "Størrelse ikke oplyst (ansatte, frivillige eller ressourcer)"),
        (c.effect_fit, "Dokumenteret effekt ikke oplyst"),
    ],
)
def test_a_criterion_without_the_actors_data_is_unknown_not_zero(
    criterion: c.Criterion, text: str
) -> None:
    judged = result(criterion, SPARSE)
    assert judged.score is None and judged.unknown
    assert [render(r) for r in judged.reasons] == [text]
    assert all(r.sign == 0 for r in judged.reasons)


def test_what_the_problem_does_not_say_is_neutral_but_not_unknown() -> None:
    bare = replace(PROBLEM, target_groups=(), prevention_level=None, concreteness=None)
    for criterion in (c.target_group_fit, c.prevention_fit, c.capacity_fit):
        judged = result(criterion, SPARSE, bare)
        assert judged.score is None and not judged.unknown


def test_a_sparse_actor_keeps_neutral_points_and_shows_lower_confidence() -> None:
    match = scored(SPARSE)
    full = scored(
        replace(
            SPARSE,
            target_groups=("mental_illness",),  # declared, and wrong
            roles=("funder",),
            prevention_levels=("treatment",),
            volunteers=10,
            resources_offered=(Resource("funding"),),
        )
    )
    assert 0 < match.confidence < 0.7 < full.confidence  # (its effect is not given either)
    # Unknown counts as neutral: more than a declared misfit, less than a declared fit.
    assert match.score > full.score
    unknown = {x.criterion for x in match.contributions if x.unknown}
    assert {"target_group", "resources", "roles", "prevention", "capacity", "effect"} <= unknown
    assert "Målgrupper ikke oplyst" in [render(r) for r in match.not_given]


def test_a_local_sparse_actor_outranks_a_far_coded_one_with_the_wrong_offer() -> None:
    far = replace(
        SPARSE,
        id="far",
        name="Landsforeningen",
        kind="voluntary_organisation",
        location=AARHUS,
        target_groups=("children_vulnerable",),
        resources_offered=(Resource("funding"),),
        roles=("funder",),
        prevention_levels=("universal",),
        volunteers=400,
    )
    assert scored(SPARSE).score > scored(far).score


# --------------------------------------------------------------------------- gates


REQUIRING = replace(PROBLEM, seeking=replace(PROBLEM.seeking, required_resources=("premises",)))


def test_an_actor_that_lists_no_resources_is_kept_and_marked_unresolved() -> None:
    ctx = ProblemContext.of(REQUIRING, None)
    assert gate(ctx, Candidate(SPARSE), PARAMS) is None
    match = scored(SPARSE, REQUIRING)
    assert match.unresolved
    assert [render(w) for w in match.warnings] == [
        "Uafklaret: afklar med aktøren, om den kan give lokaler og faciliteter"
    ]
    assert not_given_text(match) == (
        "Ikke oplyst: målgrupper, ressourcer (det krævede: lokaler og faciliteter), roller, "
        "forebyggelsesniveau, størrelse samt dokumenteret effekt"
    )
    assert not_given_text(
        scored(SPARSE, REQUIRING),
        "en",
    ).startswith("Not given: target groups")
    resources = next(x for x in match.contributions if x.criterion == "resources")
    assert resources.unknown and resources.score == PARAMS["resources"]["unknown_required"]


def test_a_missing_required_resource_costs_heavily_and_is_named() -> None:
    lister = replace(SPARSE, resources_offered=(Resource("volunteer_hours", hours_per_month=60),))
    assert gate(ProblemContext.of(REQUIRING, None), Candidate(lister), PARAMS) is None
    with_it = scored(
        replace(lister, resources_offered=(*lister.resources_offered, Resource("premises"))),
        REQUIRING,
    )
    without = scored(lister, REQUIRING)
    assert with_it.score - without.score >= PARAMS["resources"]["missing_required_points"]
    cost = next(x for x in without.contributions if x.criterion == "required")
    assert cost.points == -PARAMS["resources"]["missing_required_points"]
    against = [render(r) for r in without.reasons_against]
    assert against[0] == "Har ikke angivet det krævede: lokaler og faciliteter"
    assert sum(x.points for x in without.contributions) == pytest.approx(without.score)
    # The setting restores the hard gate for actors that list resources.
    strict = {**PARAMS, "resources": {**PARAMS["resources"], "exclude_missing_required": True}}
    excluded = gate(ProblemContext.of(REQUIRING, None), Candidate(lister), strict)
    assert excluded is not None and excluded[0] == "missing_required"
    assert gate(ProblemContext.of(REQUIRING, None), Candidate(SPARSE), strict) is None


# --------------------------------------------------------------------------- signs


def test_reasons_have_signs_for_and_against() -> None:
    coded = replace(
        SPARSE,
        location=AARHUS,
        target_groups=("elderly_lonely",),
        resources_offered=(Resource("volunteer_hours", hours_per_month=60),),
        roles=("funder",),
    )
    match = scored(coded)
    against = [render(r) for r in match.reasons_against]
    assert "Arbejder ikke med udsatte børn" in against
    assert any(t.endswith("km væk") for t in against)
    assert "Påtager sig ikke rollen som stiller frivillige til rådighed" in against
    assert "Tilbyder frivillige kræfter og frivilligtimer" in [render(r) for r in match.reasons_for]


# --------------------------------------------------------------------------- wrong claims


def test_the_default_adult_life_phase_is_no_common_ground() -> None:
    pupils = replace(PROBLEM, target_groups=("intellectual_disability",))
    adults = replace(SPARSE, target_groups=("unemployed",))
    judged = result(c.target_group_fit, adults, pupils)
    assert judged.score == 0.0
    assert [r.code for r in judged.reasons] == ["other_target_groups"]
    youth = replace(PROBLEM, target_groups=("youth_crime",))
    same = result(c.target_group_fit, replace(SPARSE, target_groups=("youth_vulnerable",)), youth)
    assert "same_life_phase" in [r.code for r in same.reasons]


def test_a_one_employee_association_is_not_called_too_large_for_a_concrete_task() -> None:
    tiny = replace(SPARSE, employees=1, volunteers=120)  # many volunteers: 'large'
    judged = result(c.capacity_fit, tiny)
    assert judged.score == 1.0
    assert render(judged.reasons[0]) == "Kan løfte en konkret problemstilling"


def test_what_the_partner_gets_is_not_called_undescribed_when_it_is_filled_in() -> None:
    seeker = replace(SPARSE, seeking=replace(SPARSE.seeking, resources=("funding",)))
    described = replace(PROBLEM, partner_gets="Synlighed og et netværk af forældre")
    judged = c.reciprocity_fit(ProblemContext.of(described, None), Candidate(seeker), PARAMS)
    assert "Det er ikke beskrevet, hvad partneren får" not in [render(r) for r in judged.reasons]


def test_text_reasons_show_whole_words_and_never_an_empty_list() -> None:
    judged = result(c.text_fit, SPARSE, replace(PROBLEM, seeking=Seeking("Børn der har mistet")))
    words = judged.reasons[0].params["words"]
    assert "mistet" in words and all(len(w) > 2 for w in words)
    unrelated = result(c.text_fit, SPARSE, replace(PROBLEM, seeking=Seeking("Kriminalitet")))
    assert "()" not in render(unrelated.reasons[0]) and ": )" not in render(unrelated.reasons[0])


# --------------------------------------------------------------------------- Danish


def test_danish_grammar_of_generated_sentences() -> None:
    assert with_article("frivilligcenter", "da") == "et frivilligcenter"
    assert with_article("lokal forening", "da") == "en lokal forening"
    assert with_article("offentligt tilbud eller institution", "da").startswith("et ")
    assert with_article("association", "en") == "an association"
    assert render(Reason("is_sought_kind", {"kind": "volunteer_centre"})) == (
        "Er et frivilligcenter, som der søges"
    )
    assert render(Reason("lacks", {"resources": ["premises", "funding"]})) == (
        "Tilbyder hverken lokaler og faciliteter eller finansiering"
    )
    assert render(Reason("other_target_groups", {"target_groups": ["homeless"]})) == (
        "Arbejder ikke med hjemløse"
    )
    part = {"resource": "volunteer_hours", "offered": 48.0, "sought": 60.0, "unit": "hours"}
    assert render(Reason("offers_part", part)) == (
        "Tilbyder 48 af de søgte 60 timer om måneden (frivillige kræfter og frivilligtimer)"
    )
    # No chain of "og" when a label holds "og" itself; articles on sought kinds.
    assert render(Reason("offers", {"resources": ["volunteer_hours", "network_bridging"]})) == (
        "Tilbyder frivillige kræfter og frivilligtimer samt netværk og brobygning til "
        "lokalsamfundet"
    )
    assert render(Reason("offers", {"resources": ["premises", "funding"]})) == (
        "Tilbyder lokaler og faciliteter samt finansiering"
    )
    assert render(Reason("other_kind", {"kinds": ["volunteer_centre", "company"]})) == (
        "Der søges et frivilligcenter eller en virksomhed"
    )
    assert render(Reason("can_be", {"roles": ["bridge_builder", "funder"]})) == (
        "Kan påtage sig rollerne som brobygger og finansierer eller sponsor"
    )
    assert number(1250.5, "da", 1) == "1.250,5" and number(1250.5, "en", 1) == "1,250.5"
    assert number(3.0, "da", 1) == "3"
    assert render(Reason("distance", {"km": 0.02})) == "Under 0,1 km væk"


def test_must_not_is_not_doubled_and_closed_problems_get_a_note() -> None:
    own = replace(PROBLEM, seeking=Seeking(must_not="Virksomheden skal ikke stå for driften"))
    notes = [render(n) for n in ranking_notes(ProblemContext.of(own, None), SETTINGS)]
    assert notes == ["Virksomheden skal ikke stå for driften"]
    plain = replace(PROBLEM, seeking=Seeking(must_not="Partneren skal ikke: hverve medlemmer"))
    notes = [render(n) for n in ranking_notes(ProblemContext.of(plain, None), SETTINGS)]
    assert notes == ["Partneren skal ikke: hverve medlemmer"]
    for status, word in (("closed", "lukket"), ("draft", "en kladde"), ("matched", "allerede")):
        ctx = ProblemContext.of(replace(PROBLEM, status=status), None)
        assert render(ranking_notes(ctx, SETTINGS)[0]).startswith(f"Problemstillingen er {word}")
    assert not ranking_notes(ProblemContext.of(PROBLEM, None), SETTINGS)


# --------------------------------------------------------------------------- fast = reference


def test_sparse_actors_rank_identically_in_the_index_and_the_reference(
    make_database: MakeDatabase,
) -> None:
    here = {"municipality_code": "0561", "lat": 55.4765, "lon": 8.4594}
    there = {"municipality_code": "0751", "lat": 56.1567, "lon": 10.2108}
    actors: list[dict[str, Any]] = [
        {"id": "owner", "name": "Kommunen", "kind": "municipal_unit", "location": here},
        {
            "id": "sparse",
            "name": "Børn i Sorg",
            "kind": "local_association",
            "location": here,
            "profile": {"we_are": "Vi støtter børn, der har mistet en forælder."},
        },
        {"id": "bare", "name": "Navn og adresse", "kind": "local_association", "location": {}},
        {
            "id": "coded",
            "name": "Landsforeningen",
            "kind": "voluntary_organisation",
            "location": there,
            "volunteers": 300,
            "target_groups": ["children_vulnerable"],
            "resources_offered": [{"kind": "funding"}],
            "roles": ["funder"],
            "prevention_levels": ["early"],
        },
        {
            "id": "lister",
            "name": "Frivillige",
            "kind": "voluntary_organisation",
            "location": here,
            "resources_offered": [{"kind": "volunteer_hours", "hours_per_month": 20}],
        },
    ]
    problem = {
        "id": "p",
        "title": "Sorggrupper",
        "owner_id": "owner",
        "municipality_code": "0561",
        "location": here,
        "description": "Børn i sorg",
        "concreteness": "concrete",
        "target_groups": ["children_vulnerable"],
        "prevention_level": "early",
        "seeking": {
            "description": "Frivillige til sorggrupper",
            "resources": [{"kind": "volunteer_hours", "hours_per_month": 40}],
            "required_resources": ["premises"],
            "roles": ["volunteer_provider"],
        },
        "status": "seeking",
    }
    doc = {"format": "mapper-landscape", "version": 1, "actors": actors, "problems": [problem]}
    database = open_database(make_database("sparse"))
    try:
        LandscapeService(database).import_document(doc)
        service = MatchingService(database)
        fast = service.rank_actors_for_problem("p", top=10)
        slow = service.reference_ranking("p")
        assert [m.actor_id for m in fast.matches] == [m.actor_id for m in slow.matches]
        assert [m.score for m in fast.matches] == pytest.approx(
            [m.score for m in slow.matches], abs=1e-9
        )
        assert dict(fast.excluded) == dict(slow.excluded)
        assert fast.excluded["missing_required"] == 0
        ids = [m.actor_id for m in fast.matches]
        assert set(ids) == {"sparse", "bare", "coded", "lister"}
        assert ids.index("sparse") < ids.index("coded")
        assert fast.subject_title == "Sorggrupper"
    finally:
        database.close()
