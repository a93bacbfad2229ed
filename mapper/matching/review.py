"""The 360° review (360°-eftersyn): partners who can supplement a problem's effort, refer
citizens to it, take it over one prevention level lower, or take over when needs escalate.

Pure: which actors belong to a group is computed over the actor index's columns; ranking within
a group is the caller's (the matching service's) ``rank_within`` callback. The groups and their
rules are data: ``review`` in data/matching.json.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

import numpy as np
from numpy.typing import NDArray

from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.matching.model import Match, ProblemContext, Reason
from mapper.matching.reasons import review_group_names

Bools = NDArray[np.bool_]


@dataclass(frozen=True)
class ReviewGroup:
    """One direction of the 360° review (360°-eftersyn)."""

    name: str
    """supplement, referrer, take_over or escalation (the groups of data/matching.json)"""
    matches: tuple[Match, ...]
    note: Reason | None = None


@dataclass(frozen=True)
class Review:
    problem_id: str
    groups: tuple[ReviewGroup, ...]
    problem_title: str = ""


@dataclass(frozen=True)
class ReviewRule:
    """Who belongs to one review group. All conditions given must hold."""

    name: str
    level_step: int | None = None
    """The actor works at the problem's prevention level plus this step (0: the same level);
    None: at any level."""
    needs_level: bool = False
    """Without a prevention level on the problem the group stays empty (with a note);
    otherwise a missing level drops the level condition."""
    adds_resources: bool = False
    """The actor offers a resource kind the problem's owner does not offer itself."""
    roles: tuple[str, ...] = ()
    resources: tuple[str, ...] = ()
    """The actor has one of these roles or offers one of these resource kinds."""
    shares_target_group: bool = False
    """The actor works with one of the problem's target groups (any, if it names none)."""
    levels: tuple[str, ...] = ()
    """The actor works at one of these prevention levels (e.g. ordinary community life)."""
    below_level: bool = False
    """The actor works below the problem's prevention level (at any lower level)."""
    ignores_required_resources: bool = False
    """Members are not judged on the problem's required resources (a referrer points out
    citizens; it need not deliver what the partner must)."""

    @property
    def note(self) -> Reason:
        return Reason(f"review_{self.name}")


@dataclass(frozen=True)
class ReviewParams:
    per_group: int
    rules: tuple[ReviewRule, ...]

    @staticmethod
    def of(params: Mapping[str, Any]) -> ReviewParams:
        """The ``review`` part of the matching parameters, checked; a ValueError names the
        setting that is wrong."""
        return _parse(params["review"])


NEEDS_LEVEL = Reason("review_needs_level")


class ReviewColumns(Protocol):
    """What the review reads from the actor index (``mapper.matching.index.ActorIndex``)."""

    vocabulary: Vocabulary
    bits: dict[str, dict[str, int]]
    tg_mask: NDArray[np.uint64]
    role_mask: NDArray[np.uint64]
    prevention_mask: NDArray[np.uint64]
    resource_mask: NDArray[np.uint64]

    @property
    def row_of(self) -> dict[str, int]:
        """actor id → row."""

    def __len__(self) -> int: ...


def review_mask(
    index: ReviewColumns, ctx: ProblemContext, rule: ReviewRule
) -> tuple[Bools | None, Reason]:
    """Which actors belong to a review group (before ranking), and the note shown with it; no
    mask when the group cannot be formed (its rule needs the problem's prevention level)."""
    n = len(index)
    bits = index.bits
    problem = ctx.problem
    everyone = np.ones(n, bool)
    level = problem.prevention_level
    rank = index.vocabulary.rank("prevention_levels", level) if level else None
    if rule.needs_level and rank is None:
        return None, NEEDS_LEVEL
    mask = everyone.copy()
    if rule.level_step is not None and rank:
        mask &= _at_rank(index, rank + rule.level_step)
    if rule.below_level and rank:
        below = np.zeros(n, bool)
        for lower in range(1, rank):
            below |= _at_rank(index, lower)
        mask &= below
    if rule.levels:
        mask &= (
            index.prevention_mask & np.uint64(_bits_of(bits["prevention_levels"], rule.levels))
        ) != 0
    if rank and ((rule.level_step or 0) != 0 or rule.below_level):
        # Taking over or escalating means another level than the problem's own.
        mask &= ~_at_rank(index, rank)
    if rule.adds_resources:
        owner_offers = 0
        if ctx.owner is not None:
            for r in ctx.owner.resources_offered:
                owner_offers |= bits["resource_kinds"][r.kind]
        mask &= (index.resource_mask & ~np.uint64(owner_offers)) != 0
    if rule.roles or rule.resources:
        roles = _bits_of(bits["roles"], rule.roles)
        kinds = _bits_of(bits["resource_kinds"], rule.resources)
        mask &= ((index.role_mask & np.uint64(roles)) != 0) | (
            (index.resource_mask & np.uint64(kinds)) != 0
        )
    if rule.shares_target_group:
        groups = _bits_of(bits["target_groups"], problem.target_groups)
        if groups:
            mask &= (index.tg_mask & np.uint64(groups)) != 0
    return mask, rule.note


def build_review(
    index: ReviewColumns,
    ctx: ProblemContext,
    params: ReviewParams,
    rank_within: Callable[[Bools, int], Sequence[Match]],
    per_group: int | None = None,
    rank_lenient: Callable[[Bools, int], Sequence[Match]] | None = None,
) -> Review:
    """Every group of the review: its members ranked by ``rank_within(mask, top)`` (the best
    ``per_group``, default from the parameters); groups whose rule ignores the required
    resources are ranked by ``rank_lenient`` (the problem without them). A partner appears in
    one group only: the most specific it qualifies for (supplement, the broadest, picks last)."""
    top = params.per_group if per_group is None else per_group
    found: dict[str, ReviewGroup] = {}
    shown = np.zeros(len(index), bool)
    # The specific groups pick first; the broad supplement (anyone adding a resource) last.
    for rule in sorted(params.rules, key=lambda r: r.adds_resources):
        mask, note = review_mask(index, ctx, rule)
        rank = rank_lenient if rule.ignores_required_resources and rank_lenient else rank_within
        matches = () if mask is None else tuple(rank(mask & ~shown, top))
        for m in matches:
            row = index.row_of.get(m.actor_id)
            if row is not None:
                shown[row] = True
        found[rule.name] = ReviewGroup(rule.name, matches, note)
    groups = tuple(found[rule.name] for rule in params.rules)
    return Review(ctx.problem.id, groups, ctx.problem.title)


def _at_rank(index: ReviewColumns, rank: int) -> Bools:
    vocab = index.vocabulary
    code = next(
        (c for c in vocab.codes("prevention_levels") if vocab.rank("prevention_levels", c) == rank),
        None,
    )
    if code is None:  # below the lowest or above the highest level
        return np.zeros(len(index), bool)
    bit = np.uint64(index.bits["prevention_levels"][code])
    return np.asarray((index.prevention_mask & bit) != 0, dtype=bool)


def _bits_of(bits: Mapping[str, int], codes: Sequence[str]) -> int:
    out = 0
    for code in codes:
        out |= bits.get(code, 0)
    return out


# ----------------------------------------------------------------- parameters

_RULE_KEYS = {
    "levels",
    "below_level",
    "ignores_required_resources",
    "level_step",
    "needs_level",
    "adds_resources",
    "roles",
    "resources",
    "shares_target_group",
}


def _parse(raw: Any) -> ReviewParams:
    where = "data/matching.json: review"
    if not isinstance(raw, dict):
        raise ValueError(f"{where} must be an object")
    per_group = raw.get("per_group")
    if not isinstance(per_group, int) or isinstance(per_group, bool) or per_group < 1:
        raise ValueError(f"{where}.per_group must be a whole number of at least 1: {per_group!r}")
    groups = raw.get("groups")
    if not isinstance(groups, dict) or not groups:
        raise ValueError(f"{where}.groups must name at least one group")
    vocab = load_vocabulary()
    labelled = review_group_names()
    rules = []
    for name, spec in groups.items():
        at = f"{where}.groups.{name}"
        if name not in labelled:
            raise ValueError(f"{at}: no label for this group in data/reasons.json review_groups")
        if not isinstance(spec, dict):
            raise ValueError(f"{at} must be an object")
        unknown = set(spec) - _RULE_KEYS
        if unknown:
            raise ValueError(f"{at}: unknown setting {sorted(unknown)[0]!r}")
        step = spec.get("level_step")
        if step is not None and (not isinstance(step, int) or isinstance(step, bool)):
            raise ValueError(f"{at}.level_step must be a whole number: {step!r}")
        for key in (
            "needs_level",
            "adds_resources",
            "shares_target_group",
            "below_level",
            "ignores_required_resources",
        ):
            if not isinstance(spec.get(key, False), bool):
                raise ValueError(f"{at}.{key} must be true or false: {spec[key]!r}")
        codes: dict[str, tuple[str, ...]] = {}
        for key, facet in (
            ("roles", "roles"),
            ("resources", "resource_kinds"),
            ("levels", "prevention_levels"),
        ):
            listed = spec.get(key, [])
            if not isinstance(listed, list) or not all(isinstance(c, str) for c in listed):
                raise ValueError(f"{at}.{key} must be a list of codes: {listed!r}")
            for code in listed:
                if code not in vocab.codes(facet):
                    raise ValueError(f"{at}.{key}: {code!r} is not a code of {facet}")
            codes[key] = tuple(listed)
        rules.append(
            ReviewRule(
                name,
                level_step=step,
                needs_level=spec.get("needs_level", False),
                adds_resources=spec.get("adds_resources", False),
                roles=codes["roles"],
                resources=codes["resources"],
                shares_target_group=spec.get("shares_target_group", False),
                levels=codes["levels"],
                below_level=spec.get("below_level", False),
                ignores_required_resources=spec.get("ignores_required_resources", False),
            )
        )
    return ReviewParams(per_group, tuple(rules))
