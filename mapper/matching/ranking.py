"""Weights and contributions: turning criterion scores into an explained 0-100 score.

``score_candidate`` is the straightforward per-actor definition of a match; the vectorised
``mapper.matching.index`` must give the same scores and the same order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from mapper.domain.errors import NothingToMatchError
from mapper.domain.model import ProblemStatement
from mapper.domain.vocabulary import load_vocabulary
from mapper.matching.analysis import analyse_actor
from mapper.matching.criteria import CRITERION_FUNCTIONS, actor_point, distance_km
from mapper.matching.gates import gate, responsible_roles_sought
from mapper.matching.model import (
    CRITERIA,
    GATES,
    Candidate,
    Contribution,
    CriterionResult,
    Exclusion,
    Match,
    MatchSettings,
    ProblemContext,
    Ranking,
    Reason,
)
from mapper.matching.text_relevance import TextIndex

SCORE_DECIMALS = 9  # ties at this precision are broken by actor id, in every implementation
MAX_EXCLUSION_EXAMPLES = 5


def check_matchable(problem: ProblemStatement) -> None:
    """Raise NothingToMatchError when a problem gives the matcher nothing to work with."""
    s = problem.seeking
    if (
        problem.target_groups
        or s.resources
        or s.required_resources
        or s.roles
        or s.actor_kinds
        or s.description
        or problem.description
    ):
        return
    raise NothingToMatchError(
        problem.id,
        (
            "target_groups",
            "seeking.resources",
            "seeking.roles",
            "seeking.actor_kinds",
            "seeking.description",
            "description",
        ),
    )


def rotation_points(recent: int, settings: MatchSettings) -> float:
    if not settings.rotation or recent <= 0:
        return 0.0
    rot = settings.params["rotation"]
    return float(min(rot["max_points"], rot["points_per_proposal"] * recent))


def missing_required(ctx: ProblemContext, cand: Candidate) -> list[str]:
    """Required resource kinds an actor that lists resources does not list (none for an actor
    that lists no resources at all: that is unknown, not missing)."""
    offered = {r.kind for r in cand.actor.resources_offered}
    if not offered:
        return []
    return [k for k in ctx.problem.seeking.required_resources if k not in offered]


def required_points(missing: int, settings: MatchSettings) -> float:
    res = settings.params["resources"]
    if missing <= 0:
        return 0.0
    return float(min(res["max_missing_required_points"], res["missing_required_points"] * missing))


def far_points(
    distance: float | None, service_area: float | None, settings: MatchSettings
) -> float:
    """What lying far from the problem costs: nothing within ``far_beyond_km`` or within the
    actor's own service area, then ``far_points_per_10km`` up to ``max_far_points`` (a far
    partner whose codes fit must not beat a local one whose texts fit)."""
    geo = settings.params["geography"]
    if distance is None or (service_area is not None and distance <= service_area):
        return 0.0
    beyond = distance - geo["far_beyond_km"]
    if beyond <= 0:
        return 0.0
    return float(min(geo["max_far_points"], geo["far_points_per_10km"] * beyond / 10.0))


def combine(
    results: Mapping[str, CriterionResult],
    settings: MatchSettings,
    recent_proposals: int = 0,
    missing: Sequence[str] = (),
    far: tuple[float, float] | None = None,
) -> tuple[float, tuple[Contribution, ...]]:
    """Weighted mean of the criterion scores on a 0-100 scale, with each criterion's points,
    less what a missing required resource, lying far away (``far``: distance in km and the
    points it costs) and recent proposals cost."""
    neutral = settings.params["neutral_score"]
    weights = {c: float(settings.weights.get(c, 0.0)) for c in CRITERIA}
    total_weight = sum(weights.values()) or 1.0
    contributions = []
    for criterion in CRITERIA:
        result = results[criterion]
        score = neutral if result.score is None else result.score
        points = 100.0 * weights[criterion] * score / total_weight
        contributions.append(
            Contribution(
                criterion,
                score,
                weights[criterion],
                points,
                result.score is None,
                result.reasons,
                result.unknown,
            )
        )
    base = sum(c.points for c in contributions)
    cost = min(required_points(len(missing), settings), base)
    if cost:
        # A required resource it does not list costs heavily, and is named.
        contributions.append(
            Contribution(
                "required",
                0.0,
                0.0,
                -cost,
                False,
                (Reason("missing_required", {"resources": list(missing)}, -1),),
            )
        )
        base -= cost
    far_cost = min(far[1], base) if far is not None else 0.0
    if far is not None and far_cost:
        contributions.append(
            Contribution(
                "distance",
                0.0,
                0.0,
                -far_cost,
                False,
                (Reason("far_away", {"limit": settings.params["geography"]["far_beyond_km"]}, -1),),
            )
        )
        base -= far_cost
    penalty = min(rotation_points(recent_proposals, settings), base)
    if penalty:
        contributions.append(
            Contribution(
                "rotation",
                0.0,
                0.0,
                -penalty,
                False,
                (Reason("recently_proposed", {"times": recent_proposals}),),
            )
        )
    return base - penalty, tuple(contributions)


def match_warnings(
    ctx: ProblemContext, cand: Candidate, settings: MatchSettings
) -> tuple[Reason, ...]:
    warnings = []
    required = ctx.problem.seeking.required_resources
    if required and not cand.actor.resources_offered:
        # Kept, not excluded: it has declared no resources at all (see gates.gate).
        warnings.append(Reason("required_unresolved", {"resources": sorted(required)}))
    if (
        ctx.problem.involves_statutory_task
        and cand.actor.kind in settings.params["statutory"]["volunteer_based_kinds"]
    ):
        warnings.append(Reason("statutory_contributor"))
    return tuple(warnings)


def score_candidate(
    ctx: ProblemContext, cand: Candidate, settings: MatchSettings
) -> Match | Exclusion:
    """Gate, then score one actor for one problem, with every reason."""
    excluded = gate(ctx, cand, settings.params)
    if excluded is not None:
        return Exclusion(cand.actor.id, cand.actor.name, excluded[0], excluded[1])
    results = {name: fn(ctx, cand, settings.params) for name, fn in CRITERION_FUNCTIONS.items()}
    point = actor_point(cand.actor)
    distance = distance_km(ctx.point, point) if ctx.point and point else None
    far = far_points(distance, cand.actor.service_area_km, settings)
    score, contributions = combine(
        results,
        settings,
        cand.recent_proposals,
        missing_required(ctx, cand),
        (distance, far) if far and distance is not None else None,
    )
    return Match(
        cand.actor.id,
        cand.actor.name,
        cand.actor.kind,
        score,
        contributions,
        distance,
        match_warnings(ctx, cand, settings),
    )


def ranking_notes(ctx: ProblemContext, settings: MatchSettings) -> tuple[Reason, ...]:
    notes = []
    status = ctx.problem.status
    if status not in settings.params["open_problem_statuses"]:
        # Ranked on request, but it does not seek partners now: say so first.
        notes.append(Reason("status_not_open", {"status": status}))
    s = ctx.problem.seeking
    if s.must_not:
        # Users often start with the form's own words ("Partneren skal ikke …").
        text = re.sub(r"^\s*partneren skal ikke[\s:,.-]*", "", s.must_not, flags=re.IGNORECASE)
        text = text or s.must_not
        # A text that is its own sentence ("Virksomheden skal ikke …") is not prefixed again.
        own = re.match(r"^\s*(\w+\s+){1,3}(skal|må|bør)\s+ikke\b", text, flags=re.IGNORECASE)
        notes.append(Reason("must_not_sentence" if own else "must_not", {"text": text}))
    if ctx.problem.involves_statutory_task:
        notes.append(
            Reason("statutory_task", {"roles": responsible_roles_sought(ctx, settings.params)})
        )
    if ctx.location_note is not None:
        notes.append(ctx.location_note)
    if s.max_distance_km is not None and ctx.point is None:
        notes.append(Reason("max_distance_unchecked", {"limit": s.max_distance_km}))
    return tuple(notes)


def order_key(match: Match) -> tuple[float, str]:
    return (-round(match.score, SCORE_DECIMALS), match.actor_id)


def rank_candidates(
    ctx: ProblemContext,
    candidates: Iterable[Candidate],
    settings: MatchSettings,
    top: int | None = None,
) -> Ranking:
    """The reference ranking: every candidate gated and scored one by one. Candidates not
    analysed yet (``inferred`` None) are analysed here, and the text relevance is computed over
    the candidates when ``ctx`` has none."""
    check_matchable(ctx.problem)
    ctx, candidates = prepare(ctx, candidates, settings)
    matches: list[Match] = []
    exclusions: list[Exclusion] = []
    considered = 0
    for cand in candidates:
        considered += 1
        result = score_candidate(ctx, cand, settings)
        (matches if isinstance(result, Match) else exclusions).append(result)  # type: ignore[arg-type]
    matches.sort(key=order_key)
    shown = matches if top is None else matches[:top]
    return Ranking(
        subject_id=ctx.problem.id,
        matches=tuple(_ranked(shown)),
        excluded={g: sum(1 for e in exclusions if e.gate == g) for g in GATES},
        excluded_examples=tuple(_examples(exclusions)),
        weights=dict(settings.weights),
        considered=considered,
        notes=ranking_notes(ctx, settings),
    )


def prepare(
    ctx: ProblemContext, candidates: Iterable[Candidate], settings: MatchSettings
) -> tuple[ProblemContext, list[Candidate]]:
    """Analyse the candidates that are not (their inferred codes) and, when ``ctx`` has no
    text relevance, compute it over all of them, as the matching service does from the
    stored analyses."""
    vocabulary = load_vocabulary()
    cands = list(candidates)
    analyses = {
        c.actor.id: analyse_actor(c.actor, vocabulary)
        for c in cands
        if c.inferred is None or ctx.text is None
    }
    cands = [
        c if c.inferred is not None else replace(c, inferred=analyses[c.actor.id].inference)
        for c in cands
    ]
    if ctx.text is None:
        index = TextIndex.from_terms(
            [c.actor.id for c in cands],
            (analyses[c.actor.id].terms for c in cands),
            vocabulary,
            concepts=bool(settings.params.get("inference")),
        )
        ctx = replace(ctx, text=index.scores(ctx.problem))
    return ctx, cands


def _ranked(matches: Iterable[Match]) -> list[Match]:
    return [replace(m, rank=i) for i, m in enumerate(matches, start=1)]


def _examples(exclusions: Iterable[Exclusion]) -> list[Exclusion]:
    seen: dict[str, int] = {}
    out = []
    for e in exclusions:
        if seen.get(e.gate, 0) < MAX_EXCLUSION_EXAMPLES:
            seen[e.gate] = seen.get(e.gate, 0) + 1
            out.append(e)
    return out
