"""Each criterion and gate on its own: one problem, one actor."""

from __future__ import annotations

from dataclasses import replace

import pytest

from mapper.domain.errors import ValidationError
from mapper.domain.model import Actor, Location, ProblemStatement, Profile, Resource, Seeking
from mapper.matching import criteria as c
from mapper.matching.gates import gate
from mapper.matching.model import Candidate, MatchSettings, ProblemContext
from mapper.matching.ranking import combine, score_candidate

PARAMS = MatchSettings.defaults().params
ESBJERG = Location(municipality_code="0561", lat=55.4765, lon=8.4594)
VARDE = Location(municipality_code="0573", lat=55.6200, lon=8.4800)  # about 16 km north


def actor(**fields: object) -> Actor:
    base = Actor(id="a", name="Forening", kind="voluntary_organisation", location=ESBJERG)
    return replace(base, **fields)  # type: ignore[arg-type]


def problem(**fields: object) -> ProblemStatement:
    base = ProblemStatement(
        id="p", title="Brobygning", owner_id="owner", location=ESBJERG, municipality_code="0561"
    )
    return replace(base, **fields)  # type: ignore[arg-type]


def run(fn: c.Criterion, p: ProblemStatement, a: Actor, **cand: object) -> c.CriterionResult:
    return fn(ProblemContext.of(p, None), Candidate(a, **cand), PARAMS)  # type: ignore[arg-type]


def codes(result: c.CriterionResult) -> list[str]:
    return [r.code for r in result.reasons]


def test_target_group_exact_then_life_phase_then_general() -> None:
    p = problem(target_groups=("mental_illness", "youth_crime"))
    exact = run(c.target_group_fit, p, actor(target_groups=("mental_illness", "youth_crime")))
    assert exact.score == 1.0 and codes(exact) == ["works_with"]
    # youth_vulnerable shares the youth life phase with youth_crime.
    phase = run(c.target_group_fit, p, actor(target_groups=("mental_illness", "youth_vulnerable")))
    assert phase.score == pytest.approx((1.0 + 0.5) / 2)
    assert codes(phase) == ["works_with", "same_life_phase"]
    general = run(c.target_group_fit, p, actor(target_groups=("general_population",)))
    assert general.score == pytest.approx(0.25)
    none = run(c.target_group_fit, p, actor(target_groups=("elderly_lonely",)))
    assert none.score == 0.0 and codes(none) == ["other_target_groups"]
    assert run(c.target_group_fit, problem(), actor()).score is None


def test_resource_coverage_uses_hours_and_weighs_required_double() -> None:
    p = problem(
        seeking=Seeking(
            resources=(Resource("volunteer_hours", hours_per_month=40), Resource("premises")),
            required_resources=("volunteer_hours",),
        )
    )
    full = run(
        c.resource_coverage,
        p,
        actor(
            resources_offered=(
                Resource("volunteer_hours", hours_per_month=30),
                Resource("volunteer_hours", hours_per_month=20),
                Resource("premises"),
            )
        ),
    )
    assert full.score == 1.0  # 30 + 20 hours cover the 40 sought
    half = run(
        c.resource_coverage,
        p,
        actor(resources_offered=(Resource("volunteer_hours", hours_per_month=20),)),
    )
    # required (weight 2) half covered, premises (weight 1) missing: (2 * 0.5 + 0) / 3
    assert half.score == pytest.approx(1 / 3)
    assert codes(half) == ["offers_part", "lacks"]
    no_hours = run(
        c.resource_coverage,
        p,
        actor(resources_offered=(Resource("volunteer_hours"), Resource("premises"))),
    )
    assert no_hours.score == 1.0  # no hours given: offering the kind counts fully
    assert run(c.resource_coverage, problem(), actor()).score is None


def test_roles_and_kinds() -> None:
    p = problem(
        seeking=Seeking(
            roles=("bridge_builder", "referrer"), actor_kinds=("voluntary_organisation",)
        )
    )
    a = actor(roles=("bridge_builder",))
    assert run(c.role_fit, p, a).score == 0.5
    assert run(c.actor_kind_fit, p, a).score == 1.0
    assert run(c.actor_kind_fit, p, actor(kind="company")).score == 0.0
    assert run(c.role_fit, problem(), a).score is None


def test_prevention_same_adjacent_other_unknown() -> None:
    p = problem(prevention_level="treatment")
    assert run(c.prevention_fit, p, actor(prevention_levels=("treatment",))).score == 1.0
    assert run(c.prevention_fit, p, actor(prevention_levels=("rehabilitation",))).score == 0.5
    assert run(c.prevention_fit, p, actor(prevention_levels=("universal",))).score == 0.0
    assert run(c.prevention_fit, p, actor()).score is None


def test_few_resources_suit_concrete_problems_and_large_ones_overarching() -> None:
    small = actor(kind="local_association", volunteers=6)
    large = actor(employees=40, volunteers=200)
    concrete, overarching = problem(concreteness="concrete"), problem(concreteness="overarching")
    assert c.capacity_class(small, PARAMS) == "small"
    assert c.capacity_class(large, PARAMS) == "large"
    assert c.capacity_class(actor(kind="volunteer_person", volunteers=500), PARAMS) == "small"
    # Few resources need a concrete problem, nothing more: a large one is not penalised.
    assert run(c.capacity_fit, concrete, small).score == run(c.capacity_fit, concrete, large).score
    assert "capacity_large_concrete" in codes(run(c.capacity_fit, concrete, large))
    assert (
        run(c.capacity_fit, overarching, large).score
        > run(c.capacity_fit, overarching, small).score
    )
    assert run(c.capacity_fit, problem(), small).score is None


def test_geography_decay_service_area_municipality_and_unknown() -> None:
    p = problem()
    near = run(c.geography_fit, p, actor())
    assert near.score == 1.0 and "same_municipality" in codes(near)
    far = run(c.geography_fit, p, actor(location=VARDE))
    d = c.distance_km((55.4765, 8.4594), (55.62, 8.48))
    assert 15 < d < 17
    assert far.score == pytest.approx(0.5 ** (d / 15))
    assert far.reasons[0].params["km"] == pytest.approx(d)
    served = run(c.geography_fit, p, actor(location=VARDE, service_area_km=30))
    assert served.score == 1.0 and "within_service_area" in codes(served)
    no_point = run(c.geography_fit, p, actor(location=Location(municipality_code="0751")))
    assert no_point.score == 0.2 and codes(no_point) == ["other_municipality"]
    unknown = run(c.geography_fit, p, actor(location=Location()))
    assert unknown.score is None and codes(unknown) == ["location_unknown"]


def test_text_similarity_of_normalised_danish() -> None:
    p = problem(seeking=Seeking(description="Frivillige der bygger bro for psykisk sårbare"))
    close = run(
        c.text_fit,
        p,
        actor(
            profile=Profile(
                we_are="Vi er frivillige, som bygger bro til fællesskaber for psykisk sårbare "
                "borgere"
            )
        ),
    )
    far = run(c.text_fit, p, actor(profile=Profile(we_are="Vi spiller fodbold om tirsdagen")))
    assert close.score is not None and far.score is not None
    assert close.score > 0.8 > 0.5 > far.score
    # Shared words are shown as written, not as cut stems.
    assert "sårbare" in close.reasons[0].params["words"]
    assert run(c.text_fit, p, actor()).score is None


def test_reciprocity_compares_what_the_partner_gets_with_what_it_seeks() -> None:
    p = problem(partner_gets="Gratis lokaler og faglig sparring fra vores personale")
    assert c.kinds_mentioned(p.partner_gets) == {"premises", "professional_expertise"}
    both = run(c.reciprocity_fit, p, actor(), seeks=frozenset({"premises"}))
    assert both.score == 1.0 and both.reasons[0].params["resources"] == ["premises"]
    other = run(c.reciprocity_fit, p, actor(), seeks=frozenset({"funding"}))
    assert other.score == 0.0
    assert run(c.reciprocity_fit, p, actor()).score is None


def test_documented_effect_follows_the_evidence_ladder() -> None:
    p = problem()
    rct = run(c.effect_fit, p, actor(profile=Profile(evidence_level="rct")))
    case = run(c.effect_fit, p, actor(profile=Profile(evidence_level="case_study")))
    told = run(c.effect_fit, p, actor(profile=Profile(how_we_know_it_works="Vi måler trivsel")))
    nothing = run(c.effect_fit, p, actor())
    assert rct.score > case.score > 0 and told.score == 0.3
    # Not described at all: unknown (neutral), not "no effect".
    assert nothing.score is None and nothing.unknown


@pytest.mark.parametrize(
    ("a", "p", "expected"),
    [
        (actor(id="owner"), problem(), "owner"),
        (actor(active=False), problem(), "inactive"),
        (
            actor(kind="company"),
            problem(seeking=Seeking(excluded_actor_kinds=("company",))),
            "excluded_kind",
        ),
        (
            actor(resources_offered=(Resource("funding"),)),
            problem(seeking=Seeking(required_resources=("premises",))),
            "missing_required",
        ),
        (actor(location=VARDE), problem(seeking=Seeking(max_distance_km=10)), "too_far"),
        (
            actor(),
            problem(involves_statutory_task=True, seeking=Seeking(roles=("operator",))),
            "statutory",
        ),
    ],
)
def test_each_gate_excludes_with_its_reason(a: Actor, p: ProblemStatement, expected: str) -> None:
    # Required resources exclude only when the setting says so (by default they cost points).
    params = {**PARAMS, "resources": {**PARAMS["resources"], "exclude_missing_required": True}}
    result = gate(ProblemContext.of(p, None), Candidate(a), params)
    assert result is not None and result[0] == expected
    assert result[1].code == f"gate_{expected}"


def test_statutory_task_lets_volunteers_contribute_but_not_carry_it() -> None:
    p = problem(involves_statutory_task=True, seeking=Seeking(roles=("volunteer_provider",)))
    ctx = ProblemContext.of(p, None)
    assert gate(ctx, Candidate(actor()), PARAMS) is None
    match = score_candidate(ctx, Candidate(actor()), MatchSettings.defaults())
    assert [w.code for w in match.warnings] == ["statutory_contributor"]  # type: ignore[union-attr]


def test_contributions_sum_to_the_score() -> None:
    p = problem(
        target_groups=("mental_illness",),
        concreteness="concrete",
        seeking=Seeking(resources=(Resource("volunteer_hours"),), roles=("referrer",)),
    )
    a = actor(target_groups=("mental_illness",), resources_offered=(Resource("volunteer_hours"),))
    match = score_candidate(
        ProblemContext.of(p, None),
        Candidate(a, recent_proposals=2),
        replace(MatchSettings.defaults(), rotation=True),
    )
    assert sum(x.points for x in match.contributions) == pytest.approx(match.score)  # type: ignore[union-attr]
    rotation = match.contributions[-1]  # type: ignore[union-attr]
    assert rotation.criterion == "rotation" and rotation.points == -6.0
    assert 0 < match.score < 100  # type: ignore[union-attr]


def test_neutral_criteria_count_half() -> None:
    results = {name: c.CriterionResult(None) for name in c.CRITERION_FUNCTIONS}
    score, contributions = combine(results, MatchSettings.defaults())
    assert score == pytest.approx(50.0)
    assert all(x.neutral for x in contributions)


def test_weights_are_validated() -> None:
    with pytest.raises(ValidationError, match="unknown criteria: colour"):
        MatchSettings.defaults().with_weights({"colour": 1.0})
    with pytest.raises(ValidationError, match="negative"):
        MatchSettings.defaults().with_weights({"text": -1.0})
