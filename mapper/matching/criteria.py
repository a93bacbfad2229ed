"""The scored criteria: one pure function per criterion, for one problem and one actor.

Each returns a score in [0, 1] with the reasons behind it, or ``None`` when the criterion cannot
be judged (the problem does not say, or the actor's data is missing); the ranking then counts it
as neutral. ``mapper.matching.index`` computes the same numbers for a whole register at once.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import lru_cache
from typing import Any

from rapidfuzz import fuzz

from mapper.domain.model import Actor
from mapper.domain.text import normalise_danish
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.matching.analysis import analyse_actor
from mapper.matching.lexicon import InferredCode
from mapper.matching.model import (
    Candidate,
    CriterionResult,
    ProblemContext,
    Reason,
    TextRelevance,
)
from mapper.matching.text_relevance import TextIndex

Params = Mapping[str, Any]
Criterion = Callable[[ProblemContext, Candidate, Params], CriterionResult]
EARTH_RADIUS_KM = 6371.0088


def _vocab() -> Vocabulary:
    return load_vocabulary()


# --------------------------------------------------------------------------- target groups


def target_group_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """Exact target group first, then the same life phase; averaged over the problem's groups.
    Groups only inferred from the actor's texts count with a discount (``inferred_fit``)."""
    wanted = ctx.problem.target_groups
    if not wanted:
        return CriterionResult(None, (Reason("no_target_groups"),))
    offered = set(cand.actor.target_groups)
    if not offered:
        inferred = inferred_codes(cand, "target_groups", params)
        if inferred:
            return _inferred_target_groups(wanted, inferred, params)
        return CriterionResult(None, (Reason("target_groups_unknown"),), unknown=True)
    score, exact, same_phase = group_fit(wanted, offered, params)
    reasons = []
    if exact:
        reasons.append(Reason("works_with", {"target_groups": exact}, 1))
    if same_phase:
        phase = _vocab().life_phase(same_phase[0])
        reasons.append(Reason("same_life_phase", {"life_phase": phase}, 1))
    others = [g for g in wanted if g not in exact and g not in same_phase]
    if others:
        reasons.append(Reason("other_target_groups", {"target_groups": others}, -1))
    return CriterionResult(score, tuple(reasons))


def group_fit(
    wanted: Sequence[str], offered: set[str], params: Params
) -> tuple[float, list[str], list[str]]:
    """(score, groups met exactly, groups met by life phase) of offered against wanted groups."""
    vocab = _vocab()
    tg = params["target_group"]
    # A life phase every situation-defined group gets by default (adult) says nothing.
    ignored = set(tg["ignored_life_phases"])
    phases = {vocab.life_phase(g) for g in offered} - {None} - ignored
    exact, same_phase, total = [], [], 0.0
    for group in wanted:
        if group in offered:
            exact.append(group)
            total += 1.0
        elif vocab.life_phase(group) in phases:
            same_phase.append(group)
            total += tg["same_life_phase"]
        elif "general_population" in offered:
            total += tg["general_population"]
    return total / len(wanted), exact, same_phase


# --------------------------------------------------------------------------- inferred codes


def inferred_codes(cand: Candidate, facet: str, params: Params) -> tuple[InferredCode, ...]:
    """Codes of a facet the actor's texts speak of (it declares none), confident enough to use;
    none when inference is switched off (params 'inference': false)."""
    settings = params.get("inference")
    if not settings or cand.inferred is None:
        return ()
    least = settings["min_confidence"]
    return tuple(c for c in cand.inferred.codes_for(facet) if c.confidence >= least)


def inferred_fit(fit: float, unknown: float, confidence: float, params: Params) -> float:
    """A criterion judged on inferred codes: from what it gives when unknown towards what the
    same codes would give if declared, by the inference's confidence times a discount (a
    smaller one against the actor: a text that names other groups may still fit)."""
    settings = params["inference"]
    discount = float(settings["discount"] if fit >= unknown else settings["negative_discount"])
    return unknown + (fit - unknown) * discount * confidence


def _quotes(codes: Iterable[InferredCode], limit: int = 3) -> list[str]:
    out: list[str] = []
    for code in codes:
        for words in code.evidence:
            if words not in out:
                out.append(words)
    return out[:limit]


def _inferred_target_groups(
    wanted: Sequence[str], inferred: Sequence[InferredCode], params: Params
) -> CriterionResult:
    codes = {c.code for c in inferred}
    fit, exact, same_phase = group_fit(wanted, codes, params)
    confidence = max(c.confidence for c in inferred)
    score = inferred_fit(fit, params["neutral_score"], confidence, params)
    if exact or same_phase:
        met = set(exact) | {c.code for c in inferred if _same_phase(c.code, same_phase)}
        hits = [c for c in inferred if c.code in met]
        named = exact or sorted({c.code for c in hits})
        reason = Reason("inferred_works_with", {"target_groups": named, "quotes": _quotes(hits)}, 1)
    else:
        reason = Reason(
            "inferred_other_target_groups",
            {"target_groups": [c.code for c in inferred[:3]], "quotes": _quotes(inferred)},
            -1,
        )
    return CriterionResult(score, (reason,), unknown=True)


def _same_phase(code: str, groups: Sequence[str]) -> bool:
    phase = _vocab().life_phase(code)
    return phase is not None and any(_vocab().life_phase(g) == phase for g in groups)


# --------------------------------------------------------------------------- resources


def offered_totals(actor: Actor) -> dict[str, tuple[float, float]]:
    """Per offered resource kind: (hours per month, amount in DKK), summed over entries."""
    totals: dict[str, tuple[float, float]] = {}
    for r in actor.resources_offered:
        hours, amount = totals.get(r.kind, (0.0, 0.0))
        totals[r.kind] = (hours + (r.hours_per_month or 0.0), amount + (r.amount_dkk or 0.0))
    return totals


def resource_coverage(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """How much of what is sought the actor offers; hours and amounts count where both sides
    give them, and required resources weigh double."""
    seeking = ctx.problem.seeking
    sought = [(r.kind, r.hours_per_month, r.amount_dkk) for r in seeking.resources]
    listed = {kind for kind, _, _ in sought}
    sought += [(kind, None, None) for kind in seeking.required_resources if kind not in listed]
    if not sought:
        return CriterionResult(None, (Reason("nothing_sought"),))
    offered = offered_totals(cand.actor)
    required = set(seeking.required_resources)
    weights = params["resources"]
    if not offered:
        # Nothing declared: unknown, not absent; what the problem requires stays unresolved.
        inferred = inferred_codes(cand, "resource_kinds", params)
        if inferred:
            return _inferred_resources(sought, required, inferred, params)
        if required:
            return CriterionResult(
                weights["unknown_required"],
                (Reason("required_not_given", {"resources": sorted(required)}),),
                unknown=True,
            )
        return CriterionResult(None, (Reason("resources_unknown"),), unknown=True)
    covered: list[str] = []
    partial: list[dict[str, Any]] = []
    missing: list[str] = []
    total = weight_sum = 0.0
    for kind, hours, amount in sought:
        weight = weights["required_weight"] if kind in required else weights["other_weight"]
        weight_sum += weight
        if kind not in offered:
            missing.append(kind)
            continue
        have_hours, have_amount = offered[kind]
        coverage = 1.0
        if hours and have_hours:
            coverage = min(1.0, have_hours / hours)
        elif amount and have_amount:
            coverage = min(1.0, have_amount / amount)
        total += weight * coverage
        if coverage < 1.0:
            partial.append(
                {
                    "resource": kind,
                    "offered": have_hours or have_amount,
                    "sought": hours or amount,
                    "unit": "hours" if hours else "dkk",
                }
            )
        else:
            covered.append(kind)
    reasons = []
    if covered:
        reasons.append(Reason("offers", {"resources": covered}, 1))
    reasons += [Reason("offers_part", p, 1) for p in partial]
    # Required kinds it does not list are named by the ranking's own cost for them.
    missing = [kind for kind in missing if kind not in required]
    if missing:
        reasons.append(Reason("lacks", {"resources": missing}, -1))
    return CriterionResult(total / weight_sum, tuple(reasons))


def _inferred_resources(
    sought: Sequence[tuple[str, float | None, float | None]],
    required: set[str],
    inferred: Sequence[InferredCode],
    params: Params,
) -> CriterionResult:
    """Resource kinds only inferred from the texts: covered or not (no hours or amounts)."""
    weights = params["resources"]
    kinds = {c.code for c in inferred}
    total = weight_sum = 0.0
    for kind, _, _ in sought:
        weight = weights["required_weight"] if kind in required else weights["other_weight"]
        weight_sum += weight
        total += weight if kind in kinds else 0.0
    unknown = weights["unknown_required"] if required else params["neutral_score"]
    confidence = max(c.confidence for c in inferred)
    score = inferred_fit(total / weight_sum, unknown, confidence, params)
    hits = [c for c in inferred if c.code in {k for k, _, _ in sought}]
    reasons = []
    if hits:
        named = sorted({c.code for c in hits})
        reasons.append(Reason("inferred_offers", {"resources": named, "quotes": _quotes(hits)}, 1))
    else:
        reasons.append(
            Reason(
                "inferred_offers_other",
                {"resources": [c.code for c in inferred[:3]], "quotes": _quotes(inferred)},
                -1,
            )
        )
    unresolved = sorted(required - kinds)
    if unresolved:
        reasons.append(Reason("required_not_given", {"resources": unresolved}))
    return CriterionResult(score, tuple(reasons), unknown=True)


# --------------------------------------------------------------------------- roles and kinds


def role_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    wanted = ctx.problem.seeking.roles
    if not wanted:
        return CriterionResult(None, (Reason("no_roles_sought"),))
    if not cand.actor.roles:
        inferred = inferred_codes(cand, "roles", params)
        if not inferred:
            return CriterionResult(None, (Reason("roles_unknown"),), unknown=True)
        hits = [c for c in inferred if c.code in wanted]
        score = inferred_fit(
            len(hits) / len(wanted),
            params["neutral_score"],
            max(c.confidence for c in inferred),
            params,
        )
        if hits:
            reason = Reason(
                "inferred_can_be", {"roles": [c.code for c in hits], "quotes": _quotes(hits)}, 1
            )
        else:
            reason = Reason(
                "inferred_other_roles",
                {"roles": [c.code for c in inferred[:3]], "quotes": _quotes(inferred)},
                -1,
            )
        return CriterionResult(score, (reason,), unknown=True)
    has = [r for r in wanted if r in cand.actor.roles]
    lacks = [r for r in wanted if r not in has]
    reasons = []
    if has:
        reasons.append(Reason("can_be", {"roles": has}, 1))
    if lacks:
        reasons.append(Reason("lacks_roles", {"roles": lacks}, -1))
    return CriterionResult(len(has) / len(wanted), tuple(reasons))


def actor_kind_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    wanted = ctx.problem.seeking.actor_kinds
    if not wanted:
        return CriterionResult(None, (Reason("any_kind"),))
    if cand.actor.kind in wanted:
        return CriterionResult(1.0, (Reason("is_sought_kind", {"kind": cand.actor.kind}, 1),))
    return CriterionResult(0.0, (Reason("other_kind", {"kinds": list(wanted)}, -1),))


# --------------------------------------------------------------------------- prevention, capacity


def prevention_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    level = ctx.problem.prevention_level
    levels = cand.actor.prevention_levels
    if not level:
        return CriterionResult(None, (Reason("no_level"),))
    if not levels:
        return CriterionResult(None, (Reason("prevention_unknown"),), unknown=True)
    if level in levels:
        return CriterionResult(1.0, (Reason("same_level", {"level": level}, 1),))
    vocab = _vocab()
    wanted = vocab.rank("prevention_levels", level) or 0
    gaps = [abs((vocab.rank("prevention_levels", lv) or 0) - wanted) for lv in levels]
    if min(gaps) == 1:
        return CriterionResult(
            params["prevention"]["adjacent_level"],
            (Reason("adjacent_level", {"level": level}),),
        )
    return CriterionResult(0.0, (Reason("other_level", {"level": level}, -1),))


def capacity_class(actor: Actor, params: Params) -> str:
    """small, medium or large: how much an actor can carry (kapacitet)."""
    cap = params["capacity"]
    if actor.kind in cap["small_kinds"]:
        return "small"
    people = (actor.employees or 0) + (actor.volunteers or 0)
    hours = sum(r.hours_per_month or 0.0 for r in actor.resources_offered)
    amount = sum(r.amount_dkk or 0.0 for r in actor.resources_offered)
    if (
        people >= cap["large_people"]
        or hours >= cap["large_hours_per_month"]
        or amount >= cap["large_amount_dkk"]
    ):
        return "large"
    if people < cap["small_people"]:
        return "small"
    return "medium"


def size_known(actor: Actor, params: Params) -> bool:
    """Whether anything tells how much the actor can carry (its kind, people or resources)."""
    return (
        actor.kind in params["capacity"]["small_kinds"]
        or actor.employees is not None
        or actor.volunteers is not None
        or bool(actor.resources_offered)
    )


def capacity_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """The seeds' rule: the fewer resources, the more concrete the problem must be (and
    nothing more: any size can take on a concrete problem)."""
    concreteness = ctx.problem.concreteness
    if not concreteness:
        return CriterionResult(None, (Reason("concreteness_unknown"),))
    if not size_known(cand.actor, params):
        return CriterionResult(None, (Reason("capacity_unknown"),), unknown=True)
    size = capacity_class(cand.actor, params)
    score = params["capacity"]["fit"][concreteness][size]
    sign = 1 if score >= 0.9 else -1 if score < params["neutral_score"] else 0
    return CriterionResult(score, (Reason(f"capacity_{size}_{concreteness}", {}, sign),))


# --------------------------------------------------------------------------- geography


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    """Great-circle distance (haversine)."""
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * EARTH_RADIUS_KM * math.asin(math.sqrt(h))


def actor_point(actor: Actor) -> tuple[float, float] | None:
    loc = actor.location
    return (loc.lat, loc.lon) if loc.lat is not None and loc.lon is not None else None


def geography_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """Distance decay, the actor's service area and the same municipality."""
    geo = params["geography"]
    actor = cand.actor
    point = actor_point(actor)
    same = (
        ctx.municipality_code is not None
        and actor.location.municipality_code == ctx.municipality_code
    )
    if ctx.point is not None and point is not None:
        d = distance_km(ctx.point, point)
        score = 0.5 ** (d / geo["half_distance_km"])
        within = actor.service_area_km is not None and d <= actor.service_area_km
        if within:
            score = 1.0
        if same:
            score = max(score, geo["same_municipality"])
        reasons = [Reason("distance", {"km": d}, 1 if score >= 0.5 else -1)]
        if within:
            reasons.append(Reason("within_service_area", {}, 1))
        if same:
            reasons.append(Reason("same_municipality", {}, 1))
        return CriterionResult(score, tuple(reasons))
    if ctx.municipality_code is not None and actor.location.municipality_code is not None:
        if same:
            return CriterionResult(geo["same_municipality"], (Reason("same_municipality", {}, 1),))
        return CriterionResult(geo["other_municipality"], (Reason("other_municipality", {}, -1),))
    unknown = point is None and actor.location.municipality_code is None
    return CriterionResult(None, (Reason("location_unknown"),), unknown=unknown)


# --------------------------------------------------------------------------- text


@lru_cache(maxsize=200_000)
def normalised(text: str) -> str:
    return normalise_danish(text)


def profile_text(actor: Actor) -> str:
    """The dating-profile texts a seeking description is compared with."""
    p = actor.profile
    parts = [
        p.we_are,
        p.best_at,
        p.role_towards_target_group,
        p.attractive_partner_because,
        *p.success_examples,
        *(r.description for r in actor.resources_offered),
    ]
    return " ".join(x for x in parts if x)


def text_similarity_of(query: str, text: str) -> float | None:
    """Similarity of two normalised Danish texts in [0, 1] (rapidfuzz token-set ratio)."""
    if not query or not text:
        return None
    return fuzz.token_set_ratio(query, text) / 100.0


def shared_words(query_text: str, text: str, limit: int = 5) -> list[str]:
    """Whole words of the query (as written, not cut stems) whose stem the text shares."""
    stems = set(normalised(text).split())
    out: list[str] = []
    seen: set[str] = set()
    for word in query_text.split():
        bare = word.strip(".,;:!?()\"'«»–-").casefold()
        stem = normalised(bare)
        if stem and stem in stems and stem not in seen:
            seen.add(stem)  # one word per stem: not both 'frivillig' and 'frivillige'
            out.append(bare)
        if len(out) == limit:
            break
    return out


def _one_off_text(ctx: ProblemContext, cand: Candidate, params: Params) -> TextRelevance:
    """Text relevance of one actor alone, for a criterion called outside a ranking (a ranking
    computes it once over all its candidates: see ranking.prepare)."""
    vocabulary = _vocab()
    terms = analyse_actor(cand.actor, vocabulary).terms
    index = TextIndex.from_terms(
        [cand.actor.id], [terms], vocabulary, concepts=bool(params.get("inference"))
    )
    return index.scores(ctx.problem)


def text_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """Text relevance (mapper.matching.text_relevance: BM25F over stems, compound parts and
    the lexicon's concepts) of the actor's texts for the whole problem, rescaled so that a
    partner saying a good part of what the problem says (``text.full_at``) scores 1."""
    text = ctx.text if ctx.text is not None else _one_off_text(ctx, cand, params)
    if not text.counted:
        # Nothing of the problem's texts counts (or no text model was given): neutral.
        return CriterionResult(None, (Reason("no_query_text"),))
    if not text.known(cand.actor.id):
        return CriterionResult(None, (Reason("no_text"),), unknown=True)
    raw = text.score(cand.actor.id)
    score = min(1.0, raw / params["text"]["full_at"])
    percent = round(score * 100)
    words = list(text.concepts_of(cand.actor.id)) if raw > 0 else []
    if not words:
        return CriterionResult(score, (Reason("text_nothing_shared", {}, -1),))
    # Shared concepts speak for the match once they weigh something (a third of a full fit).
    sign = 1 if score >= params["text"]["speaks_for_at"] else 0
    return CriterionResult(
        score, (Reason("text_similarity", {"percent": percent, "words": words}, sign),)
    )


# --------------------------------------------------------------------------- reciprocity, effect


def kinds_mentioned(text: str | None) -> frozenset[str]:
    """Resource kinds a free text mentions by label or Danish synonym (e.g. 'lokaler')."""
    if not text:
        return frozenset()
    words = f" {normalised(text)} "
    found = set()
    for term in _vocab().terms("resource_kinds"):
        for phrase in (term.da, *term.synonyms):
            if f" {normalised(phrase)} " in words:
                found.add(term.code)
                break
    return frozenset(found)


RECIPROCITY_FACETS = ("resources", "roles", "target_groups")
# Reasons per facet: (what it seeks is here, what it seeks is not here).
_RECIPROCITY_REASONS = {
    "resources": ("gets_what_it_seeks", "gets_other"),
    "roles": ("gets_role_it_seeks", "seeks_other_roles"),
    "target_groups": ("gets_target_groups_it_seeks", "seeks_other_target_groups"),
}


def sought_by(cand: Candidate) -> dict[str, frozenset[str]]:
    """What an actor itself seeks, per facet: resource kinds from its own open problem
    statements and its dating profile ('Vi søger …'), roles and target groups from the profile."""
    s = cand.actor.seeking
    return {
        "resources": cand.seeks | frozenset(s.resources),
        "roles": frozenset(s.roles),
        "target_groups": frozenset(s.target_groups),
    }


def given_by(ctx: ProblemContext) -> dict[str, frozenset[str]]:
    """What a partner can get from the problem and its owner, per facet: resources named in
    'partner_gets' or offered by the owner, the owner's roles, the problem's target groups."""
    owner = ctx.owner
    return {
        "resources": kinds_mentioned(ctx.problem.partner_gets)
        | frozenset(r.kind for r in (owner.resources_offered if owner else ())),
        "roles": frozenset(owner.roles if owner else ()),
        "target_groups": frozenset(ctx.problem.target_groups),
    }


def reciprocity_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """How much of what the actor itself seeks it would get here (gensidighed): the share of
    its sought resources, roles and target groups that the problem and its owner give, over the
    facets where the giving side is known. Neutral when the actor seeks nothing."""
    sought = sought_by(cand)
    if not any(sought.values()):
        return CriterionResult(None, (Reason("seeks_nothing"),))
    given = given_by(ctx)
    judged = [f for f in RECIPROCITY_FACETS if sought[f] and given[f]]
    if not judged:
        if ctx.problem.partner_gets:
            return CriterionResult(None, (Reason("partner_gets_other"),))
        return CriterionResult(None, (Reason("partner_gets_unknown"),))
    hits = {f: sorted(sought[f] & given[f]) for f in judged}
    score = sum(len(h) for h in hits.values()) / sum(len(sought[f]) for f in judged)
    if score > 0:
        reasons = [Reason(_RECIPROCITY_REASONS[f][0], {f: h}, 1) for f, h in hits.items() if h]
    else:
        reasons = [Reason(_RECIPROCITY_REASONS[f][1], {f: sorted(sought[f])}, -1) for f in judged]
    return CriterionResult(score, tuple(reasons))


def effect_fit(ctx: ProblemContext, cand: Candidate, params: Params) -> CriterionResult:
    """Documented effect: the evidence ladder, or at least a description of how they know."""
    p = cand.actor.profile
    vocab = _vocab()
    rank = vocab.rank("evidence_levels", p.evidence_level) if p.evidence_level else None
    worst = max(vocab.rank("evidence_levels", c) or 0 for c in vocab.codes("evidence_levels"))
    if rank is not None and rank < worst:
        score = 1.0 - (rank - 1) / (worst - 1)
        return CriterionResult(
            score, (Reason("evidence", {"evidence_level": p.evidence_level}, 1),)
        )
    if p.how_we_know_it_works:
        return CriterionResult(params["effect"]["how_we_know_only"], (Reason("effect_described"),))
    if rank is not None:
        return CriterionResult(0.0, (Reason("no_documented_effect", {}, -1),))
    return CriterionResult(None, (Reason("effect_unknown"),), unknown=True)


CRITERION_FUNCTIONS: dict[str, Criterion] = {
    "target_group": target_group_fit,
    "resources": resource_coverage,
    "roles": role_fit,
    "actor_kind": actor_kind_fit,
    "prevention": prevention_fit,
    "capacity": capacity_fit,
    "geography": geography_fit,
    "text": text_fit,
    "reciprocity": reciprocity_fit,
    "effect": effect_fit,
}
