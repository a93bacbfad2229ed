"""The actor index: the whole register as arrays, scored for one problem at once.

Built once from plain columns the persistence layer reads (``RegisterColumns``, see
``mapper.persistence.repositories.matching``) and reused while the register is unchanged.
``score_structured`` mirrors ``mapper.matching.criteria`` formula by formula (the tests check
that both give the same scores and order), codes inferred from the actors' texts included; the
text criterion reads the problem's text relevance (``text_relevance.TextScores``, one vector
over the index's rows), computed once per ranking by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from numpy.typing import NDArray

from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.matching.analysis import INFERRED_FACETS, code_bits, prevention_bits
from mapper.matching.criteria import RECIPROCITY_FACETS, given_by
from mapper.matching.gates import responsible_roles_sought
from mapper.matching.model import CRITERIA, GATES, MatchSettings, ProblemContext
from mapper.matching.text_relevance import TextScores

Floats = NDArray[np.float64]
Bools = NDArray[np.bool_]
EARTH_RADIUS_KM = 6371.0088


@dataclass(frozen=True)
class RegisterColumns:
    """What the index is built from: the live (not deleted) actors, one list per column in key
    order, and their codes, offered resources, sought resources and recent proposals."""

    pks: list[int]
    uids: list[str]
    names: list[str]
    kinds: list[str]
    active: list[bool]
    lats: list[float | None]
    lons: list[float | None]
    municipalities: list[str | None]
    service_areas: list[float | None]
    employees: list[int | None]
    volunteers: list[int | None]
    evidence_levels: list[str | None]
    has_how: list[bool]
    """Whether 'how we know it works' is filled in (the text itself is read on demand)."""
    codes: Iterable[tuple[int, str, str]]
    """(actor key, facet, code) of every coded facet (iterated once)."""
    resources: Iterable[tuple[int, str, float | None, float | None]]
    """(actor key, kind, hours per month, amount DKK) of every offered resource (iterated
    once; the large child tables may be read only when iterated)."""
    sought: Sequence[tuple[int, str]]
    """(owner key, resource kind) sought by the owners' open problem statements."""
    recent: Mapping[int, int]
    """actor key → how often it was proposed within the rotation window."""
    has_text: list[bool] = field(default_factory=list)
    """Whether each actor has any text the text model reads (empty: none has)."""
    inferred_bits: Mapping[str, list[int]] = field(default_factory=dict)
    """Per facet of INFERRED_FACETS: the codes inferred from each actor's texts that matching
    uses, as bits (analysis.code_bits); a facet left out: none."""
    inferred_confidence: Mapping[str, list[float]] = field(default_factory=dict)
    """Per facet: the highest confidence of each actor's inferred codes (0.0: none)."""
    declared_bits: Mapping[str, list[int]] | None = None
    """Per facet of analysis.DECLARED_FACETS: each actor's declared codes as bits, as stored
    with its analysis; when given, ``codes`` is not read."""


def rotation_since(settings: MatchSettings, now: dt.datetime | None = None) -> dt.datetime:
    """Proposals from this moment on count for rotation."""
    return (now or dt.datetime.now(dt.UTC)) - dt.timedelta(
        days=settings.params["rotation"]["window_days"]
    )


@dataclass
class ActorIndex:
    """Column arrays over every actor in the register, row i ↔ ``ids[i]``."""

    vocabulary: Vocabulary
    pks: NDArray[np.int64]
    ids: list[str]
    names: list[str]
    kinds: list[str]
    kind_arr: NDArray[np.str_]
    active: Bools
    lat: Floats
    lon: Floats
    municipality: NDArray[np.object_]
    service_area: Floats
    people: Floats
    total_hours: Floats
    total_amount: Floats
    tg_mask: NDArray[np.uint64]
    phase_mask: NDArray[np.uint64]
    general: Bools
    role_mask: NDArray[np.uint64]
    prevention_mask: NDArray[np.uint64]
    resource_mask: NDArray[np.uint64]
    hours: Floats
    """n × resource kinds: offered hours per month (0 when not given)."""
    amounts: Floats
    evidence_rank: Floats
    has_how: Bools
    seeks_mask: NDArray[np.uint64]
    """Resource kinds the actor seeks through its own open problem statements."""
    sought_resource_mask: NDArray[np.uint64]
    """What the actor states it seeks itself (Actor.seeking): resource kinds, roles, groups."""
    sought_role_mask: NDArray[np.uint64]
    sought_tg_mask: NDArray[np.uint64]
    recent: NDArray[np.int64]
    bits: dict[str, dict[str, int]]
    resource_column: dict[str, int]
    size_given: Bools
    """Whether employees or volunteers are given (criteria.size_known, with kind and resources)."""
    inferred_mask: dict[str, NDArray[np.uint64]]
    """Per facet (INFERRED_FACETS): the codes inferred from the texts, as bits."""
    inferred_confidence: dict[str, Floats]
    """Per facet: the highest confidence of the actor's inferred codes (0: none)."""
    inferred_phase_mask: NDArray[np.uint64]
    inferred_general: Bools
    has_text: Bools
    row_of: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.row_of = {uid: i for i, uid in enumerate(self.ids)}
        self.id_arr = np.array(self.ids, dtype=str)

    def __len__(self) -> int:
        return len(self.ids)

    def row_of_key(self, pk: int) -> int | None:
        """The row of an actor key, None when it is not in the index."""
        at = int(np.searchsorted(self.pks, pk))
        return at if at < len(self.pks) and int(self.pks[at]) == pk else None

    def seeks_of(self, row: int) -> frozenset[str]:
        mask = int(self.seeks_mask[row])
        return frozenset(k for k, b in self.bits["resource_kinds"].items() if mask & b)


# --------------------------------------------------------------------------- building


def build_index(register: RegisterColumns) -> ActorIndex:
    """The register's columns as arrays and bit masks."""
    vocab = load_vocabulary()
    bits = {
        facet: code_bits(vocab, facet)
        for facet in ("target_groups", "roles", "resource_kinds", "life_phases", "actor_kinds")
    }
    bits["prevention_levels"] = prevention_bits(vocab)
    resource_column = {k: i for i, k in enumerate(sorted(vocab.codes("resource_kinds")))}
    phase_of_group = {
        g: bits["life_phases"][p]
        for g in vocab.codes("target_groups")
        if (p := vocab.life_phase(g)) is not None
    }

    pks, uids, names, kinds = register.pks, register.uids, register.names, register.kinds
    active, lats, lons = register.active, register.lats, register.lons
    employees, volunteers = register.employees, register.volunteers
    evidence_levels = register.evidence_levels
    n = len(pks)
    row_of = {pk: i for i, pk in enumerate(pks)}

    if register.declared_bits is not None:
        declared = register.declared_bits
        tg, roles, prevention = (
            declared["target_group"],
            declared["role"],
            declared["prevention"],
        )
        sought_resources, sought_roles, sought_groups = (
            declared["sought_resource"],
            declared["sought_role"],
            declared["sought_target_group"],
        )
        phase_array, general_array = _phases(
            np.array(tg, dtype=np.uint64), bits["target_groups"], phase_of_group
        )
        phase, general = phase_array.tolist(), general_array.tolist()
    else:
        codes = list(register.codes)
        tg, phase, roles, prevention = _codes_as_masks(codes, n, row_of, bits, phase_of_group)
        sought_resources, sought_roles, sought_groups, general = _sought_masks(
            codes, n, row_of, bits
        )
        del codes

    resource_mask = [0] * n
    hours = np.zeros((n, len(resource_column)))
    amounts = np.zeros((n, len(resource_column)))
    resource_bits = bits["resource_kinds"]
    entries = list(register.resources)
    if entries:
        rows_of_entries = np.array([row_of[e[0]] for e in entries], np.int64)
        columns = np.array([resource_column[e[1]] for e in entries], np.int64)
        np.add.at(
            hours, (rows_of_entries, columns), np.array([e[2] or 0.0 for e in entries], np.float64)
        )
        np.add.at(
            amounts,
            (rows_of_entries, columns),
            np.array([e[3] or 0.0 for e in entries], np.float64),
        )
        for i, kind_bit in zip(
            rows_of_entries.tolist(), (resource_bits[e[1]] for e in entries), strict=True
        ):
            resource_mask[i] |= kind_bit
    del entries

    seeks = [0] * n
    for owner, kind in register.sought:
        seeks[row_of[owner]] |= resource_bits[kind]

    recent = np.zeros(n, np.int64)
    for actor_pk, count in register.recent.items():
        if actor_pk in row_of:
            recent[row_of[actor_pk]] = count

    inferred_mask = {
        facet: np.array(register.inferred_bits.get(facet) or [0] * n, dtype=np.uint64)
        for facet in INFERRED_FACETS
    }
    inferred_confidence = {
        facet: np.array(register.inferred_confidence.get(facet) or [0.0] * n, dtype=np.float64)
        for facet in INFERRED_FACETS
    }
    # Life phases of the inferred target groups, and "all citizens" among them.
    inferred_phase, inferred_general = _phases(
        inferred_mask["target_groups"], bits["target_groups"], phase_of_group
    )

    def floats(values: list[Any]) -> Floats:
        return np.array([np.nan if v is None else v for v in values], dtype=np.float64)

    def masks(values: list[int]) -> NDArray[np.uint64]:
        return np.array(values, dtype=np.uint64)

    evidence_rank = {c: vocab.rank("evidence_levels", c) for c in vocab.codes("evidence_levels")}
    return ActorIndex(
        vocabulary=vocab,
        pks=np.array(pks, np.int64),
        ids=uids,
        names=names,
        kinds=kinds,
        kind_arr=np.array(kinds, dtype=str),
        active=np.array(active, bool),
        lat=floats(lats),
        lon=floats(lons),
        municipality=np.array(register.municipalities, dtype=object),
        service_area=floats(register.service_areas),
        people=np.array(
            [(e or 0) + (v or 0) for e, v in zip(employees, volunteers, strict=True)], np.float64
        ),
        total_hours=hours.sum(axis=1),
        total_amount=amounts.sum(axis=1),
        tg_mask=masks(tg),
        phase_mask=masks(phase),
        general=np.array(general, bool),
        role_mask=masks(roles),
        prevention_mask=masks(prevention),
        resource_mask=masks(resource_mask),
        hours=hours,
        amounts=amounts,
        evidence_rank=floats([evidence_rank.get(e) if e else None for e in evidence_levels]),
        has_how=np.array(register.has_how, bool),
        seeks_mask=masks(seeks),
        sought_resource_mask=masks(sought_resources),
        sought_role_mask=masks(sought_roles),
        sought_tg_mask=masks(sought_groups),
        recent=recent,
        bits=bits,
        resource_column=resource_column,
        size_given=np.array(
            [e is not None or v is not None for e, v in zip(employees, volunteers, strict=True)],
            bool,
        ),
        inferred_mask=inferred_mask,
        inferred_confidence=inferred_confidence,
        inferred_phase_mask=inferred_phase,
        inferred_general=inferred_general,
        has_text=np.array(register.has_text or [False] * n, bool),
    )


def _phases(
    groups: NDArray[np.uint64], group_bits: Mapping[str, int], phase_of_group: Mapping[str, int]
) -> tuple[NDArray[np.uint64], Bools]:
    """The life-phase bits of target-group bits, and whether "all citizens" is among them."""
    phases = np.zeros(len(groups), dtype=np.uint64)
    for code, bit in group_bits.items():
        phase_bit = phase_of_group.get(code)
        if phase_bit:
            phases |= np.where((groups & np.uint64(bit)) != 0, np.uint64(phase_bit), np.uint64(0))
    general_bit = np.uint64(group_bits.get("general_population", 0))
    return phases, np.asarray((groups & general_bit) != 0, dtype=bool)


def _codes_as_masks(
    codes: Sequence[tuple[int, str, str]],
    n: int,
    row_of: Mapping[int, int],
    bits: Mapping[str, Mapping[str, int]],
    phase_of_group: Mapping[str, int],
) -> tuple[list[int], list[int], list[int], list[int]]:
    """Target groups, their life phases, roles and prevention levels as bits per actor, from
    the code rows (when some actor has no stored analysis)."""
    tg, phase, roles, prevention = [0] * n, [0] * n, [0] * n, [0] * n
    for pk, facet, code in codes:
        i = row_of[pk]
        if facet == "target_group":
            tg[i] |= bits["target_groups"].get(code, 0)
            phase[i] |= phase_of_group.get(code, 0)
        elif facet == "role":
            roles[i] |= bits["roles"].get(code, 0)
        elif facet == "prevention_level":
            prevention[i] |= bits["prevention_levels"].get(code, 0)
    return tg, phase, roles, prevention


def _sought_masks(
    codes: Sequence[tuple[int, str, str]],
    n: int,
    row_of: Mapping[int, int],
    bits: Mapping[str, Mapping[str, int]],
) -> tuple[list[int], list[int], list[int], list[bool]]:
    """What each actor seeks (resource kinds, roles, target groups) as bits, and whether it
    works with "all citizens", from the code rows."""
    resources, roles, groups, general = [0] * n, [0] * n, [0] * n, [False] * n
    for pk, facet, code in codes:
        i = row_of[pk]
        if facet == "sought_resource":
            resources[i] |= bits["resource_kinds"].get(code, 0)
        elif facet == "sought_role":
            roles[i] |= bits["roles"].get(code, 0)
        elif facet == "sought_target_group":
            groups[i] |= bits["target_groups"].get(code, 0)
        elif facet == "target_group" and code == "general_population":
            general[i] = True
    return resources, roles, groups, general


# --------------------------------------------------------------------------- scoring


def _has(mask: NDArray[np.uint64], bit: int) -> Bools:
    return np.asarray((mask & np.uint64(bit)) != 0, dtype=bool)


def _popcount(mask: NDArray[np.uint64]) -> NDArray[np.int64]:
    return np.bitwise_count(mask).astype(np.int64)


@dataclass
class Scores:
    """Per-criterion score arrays (NaN = neutral), the gate of each row (-1 = none), distances."""

    criteria: dict[str, Floats]
    gate: NDArray[np.int64]
    distance: Floats
    missing_required: NDArray[np.int64]
    """How many required resource kinds each actor that lists resources does not list."""


def _distances(index: ActorIndex, point: tuple[float, float] | None) -> Floats:
    if point is None:
        return np.full(len(index), np.nan)
    lat1, lon1 = np.radians(point[0]), np.radians(point[1])
    lat2, lon2 = np.radians(index.lat), np.radians(index.lon)
    h = (
        np.sin((lat2 - lat1) / 2) ** 2
        + np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    )
    return np.asarray(2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(h)), dtype=np.float64)


def score_structured(index: ActorIndex, ctx: ProblemContext, settings: MatchSettings) -> Scores:
    """Every criterion but free text, and the gates, for all actors."""
    p = settings.params
    problem, seeking = ctx.problem, ctx.problem.seeking
    vocab = index.vocabulary
    bits = index.bits
    n = len(index)
    nan = np.full(n, np.nan)
    out: dict[str, Floats] = {}
    distance = _distances(index, ctx.point)

    # gates, in the order of mapper.matching.gates.gate
    gate = np.full(n, -1, np.int64)

    def set_gate(name: str, hit: Bools) -> None:
        gate[(gate == -1) & hit] = GATES.index(name)

    owner = np.zeros(n, bool)
    if problem.owner_id in index.row_of:
        owner[index.row_of[problem.owner_id]] = True
    set_gate("owner", owner)
    set_gate("inactive", ~index.active)
    set_gate("excluded_kind", np.isin(index.kind_arr, list(seeking.excluded_actor_kinds)))
    required = 0
    for kind in seeking.required_resources:
        required |= bits["resource_kinds"][kind]
    declared = index.resource_mask != 0
    lacking = np.where(declared, _popcount(np.uint64(required) & ~index.resource_mask), 0).astype(
        np.int64
    )
    if p["resources"]["exclude_missing_required"]:
        set_gate("missing_required", lacking > 0)
    if seeking.max_distance_km is not None:
        with np.errstate(invalid="ignore"):
            set_gate("too_far", distance > seeking.max_distance_km)
    if problem.involves_statutory_task and responsible_roles_sought(ctx, p):
        set_gate("statutory", np.isin(index.kind_arr, p["statutory"]["volunteer_based_kinds"]))

    inference = p.get("inference") or None

    def with_inferred(
        declared_score: Floats,
        declared: Bools,
        facet: str,
        inferred_score: Floats,
        unknown: float,
    ) -> Floats:
        """criteria.inferred_fit where the actor declares nothing but its texts speak of codes."""
        if not inference:
            return np.where(declared, declared_score, np.nan if np.isnan(unknown) else unknown)
        confidence = index.inferred_confidence[facet]
        usable = ~declared & (confidence >= inference["min_confidence"])
        discount = np.where(
            inferred_score >= unknown, inference["discount"], inference["negative_discount"]
        )
        blended = unknown + (inferred_score - unknown) * discount * confidence
        fallback = np.where(usable, blended, unknown)
        return np.where(declared, declared_score, fallback)

    # target groups
    if problem.target_groups:
        tg = p["target_group"]

        def group_scores(
            tg_mask: NDArray[np.uint64], phases: NDArray[np.uint64], general: Bools
        ) -> Floats:
            total = np.zeros(n)
            for group in problem.target_groups:
                exact = _has(tg_mask, bits["target_groups"][group])
                life_phase = vocab.life_phase(group)
                same = (
                    _has(phases, bits["life_phases"][life_phase])
                    if life_phase is not None and life_phase not in tg["ignored_life_phases"]
                    else np.zeros(n, bool)
                )
                total = total + np.where(
                    exact,
                    1.0,
                    np.where(
                        same,
                        tg["same_life_phase"],
                        np.where(general, tg["general_population"], 0.0),
                    ),
                )
            return total / len(problem.target_groups)

        out["target_group"] = with_inferred(
            group_scores(index.tg_mask, index.phase_mask, index.general),
            index.tg_mask != 0,
            "target_groups",
            group_scores(
                index.inferred_mask["target_groups"],
                index.inferred_phase_mask,
                index.inferred_general,
            )
            if inference
            else nan,
            p["neutral_score"],
        )
    else:
        out["target_group"] = nan

    # resources
    sought = [(r.kind, r.hours_per_month, r.amount_dkk) for r in seeking.resources]
    listed = {kind for kind, _, _ in sought}
    sought += [(k, None, None) for k in seeking.required_resources if k not in listed]
    if sought:
        weights = p["resources"]
        total = np.zeros(n)
        inferred_total = np.zeros(n)
        weight_sum = 0.0
        for kind, hours, amount in sought:
            weight = (
                weights["required_weight"]
                if kind in seeking.required_resources
                else weights["other_weight"]
            )
            weight_sum += weight
            offered = _has(index.resource_mask, bits["resource_kinds"][kind])
            column = index.resource_column[kind]
            have_hours, have_amount = index.hours[:, column], index.amounts[:, column]
            coverage = np.ones(n)
            if hours:
                coverage = np.where(have_hours > 0, np.minimum(1.0, have_hours / hours), coverage)
            if amount:
                use_amount = (have_amount > 0) & ~((have_hours > 0) & bool(hours))
                coverage = np.where(use_amount, np.minimum(1.0, have_amount / amount), coverage)
            total = total + np.where(offered, weight * coverage, 0.0)
            inferred = _has(index.inferred_mask["resource_kinds"], bits["resource_kinds"][kind])
            inferred_total = inferred_total + np.where(inferred, weight, 0.0)
        unknown = np.nan if not seeking.required_resources else weights["unknown_required"]
        out["resources"] = with_inferred(
            total / weight_sum,
            declared,
            "resource_kinds",
            inferred_total / weight_sum,
            p["neutral_score"] if np.isnan(unknown) else unknown,
        )
        if not inference:
            out["resources"] = np.where(declared, total / weight_sum, unknown)
    else:
        out["resources"] = nan

    # roles and kinds
    if seeking.roles:
        hits = np.zeros(n)
        inferred_hits = np.zeros(n)
        for role in seeking.roles:
            hits = hits + _has(index.role_mask, bits["roles"][role])
            inferred_hits = inferred_hits + _has(index.inferred_mask["roles"], bits["roles"][role])
        out["roles"] = with_inferred(
            hits / len(seeking.roles),
            index.role_mask != 0,
            "roles",
            inferred_hits / len(seeking.roles),
            p["neutral_score"],
        )
        if not inference:
            out["roles"] = np.where(index.role_mask == 0, np.nan, hits / len(seeking.roles))
    else:
        out["roles"] = nan
    out["actor_kind"] = (
        np.isin(index.kind_arr, list(seeking.actor_kinds)).astype(float)
        if seeking.actor_kinds
        else nan
    )

    # prevention level
    level = problem.prevention_level
    if level:
        rank = vocab.rank("prevention_levels", level) or 0
        same_bit = bits["prevention_levels"][level]
        adjacent = 0
        for code, bit in bits["prevention_levels"].items():
            if abs((vocab.rank("prevention_levels", code) or 0) - rank) == 1:
                adjacent |= bit
        score = np.where(
            _has(index.prevention_mask, same_bit),
            1.0,
            np.where(_has(index.prevention_mask, adjacent), p["prevention"]["adjacent_level"], 0.0),
        )
        out["prevention"] = np.where(index.prevention_mask == 0, np.nan, score)
    else:
        out["prevention"] = nan

    # capacity × concreteness (criteria.capacity_class)
    if problem.concreteness:
        cap = p["capacity"]
        fit = cap["fit"][problem.concreteness]
        large = (
            (index.people >= cap["large_people"])
            | (index.total_hours >= cap["large_hours_per_month"])
            | (index.total_amount >= cap["large_amount_dkk"])
        )
        small = np.isin(index.kind_arr, cap["small_kinds"]) | (
            ~large & (index.people < cap["small_people"])
        )
        small_kind = np.isin(index.kind_arr, cap["small_kinds"])
        score = np.where(
            small_kind,
            fit["small"],
            np.where(large, fit["large"], np.where(small, fit["small"], fit["medium"])),
        )
        known = small_kind | index.size_given | declared
        out["capacity"] = np.where(known, score, np.nan)
    else:
        out["capacity"] = nan

    # geography
    geo = p["geography"]
    same_muni = (
        (index.municipality == ctx.municipality_code)
        if ctx.municipality_code
        else np.zeros(n, bool)
    )
    same_muni = same_muni.astype(bool)
    with np.errstate(invalid="ignore"):
        decay = 0.5 ** (distance / geo["half_distance_km"])
        decay = np.where(distance <= index.service_area, 1.0, decay)
    decay = np.where(same_muni, np.maximum(decay, geo["same_municipality"]), decay)
    has_muni = np.array([m is not None for m in index.municipality], bool)
    fallback = np.where(
        has_muni & (ctx.municipality_code is not None),
        np.where(same_muni, geo["same_municipality"], geo["other_municipality"]),
        np.nan,
    )
    out["geography"] = np.where(np.isnan(distance), fallback, decay)

    # reciprocity (criteria.reciprocity_fit): what each actor seeks against what is given here
    given = given_by(ctx)
    sought_masks = {
        "resources": index.seeks_mask | index.sought_resource_mask,
        "roles": index.sought_role_mask,
        "target_groups": index.sought_tg_mask,
    }
    facet_bits = {"resources": "resource_kinds", "roles": "roles", "target_groups": "target_groups"}
    sought_count = np.zeros(n, np.int64)
    hit_count = np.zeros(n, np.int64)
    for facet in RECIPROCITY_FACETS:
        given_mask = 0
        for code in given[facet]:
            given_mask |= bits[facet_bits[facet]][code]
        if given_mask:
            sought_count += _popcount(sought_masks[facet])
            hit_count += _popcount(sought_masks[facet] & np.uint64(given_mask))
    # Nothing sought, or nothing known of what is given for it: neutral.
    with np.errstate(invalid="ignore", divide="ignore"):
        out["reciprocity"] = np.where(sought_count > 0, hit_count / sought_count, np.nan)

    # documented effect
    worst = max(vocab.rank("evidence_levels", c) or 0 for c in vocab.codes("evidence_levels"))
    ranked = ~np.isnan(index.evidence_rank) & (index.evidence_rank < worst)
    out["effect"] = np.where(
        ranked,
        1.0 - (index.evidence_rank - 1) / (worst - 1),
        np.where(
            index.has_how,
            p["effect"]["how_we_know_only"],
            np.where(np.isnan(index.evidence_rank), np.nan, 0.0),
        ),
    )
    return Scores(out, gate, distance, lacking)


def text_criterion(index: ActorIndex, text: TextScores | None, settings: MatchSettings) -> Floats:
    """criteria.text_fit for every row: NaN (neutral) when the problem's text counts nothing or
    the actor has no text; else the relevance rescaled by ``text.full_at``."""
    if text is None or not text.counted:
        return np.full(len(index), np.nan)
    full_at = settings.params["text"]["full_at"]
    scores = np.minimum(1.0, text.vector / full_at)
    flags = text.text_flags if text.text_flags is not None else index.has_text
    return np.where(flags, scores, np.nan)


def points_of(
    criteria: dict[str, Floats], settings: MatchSettings
) -> tuple[Floats, dict[str, Floats]]:
    """Total points (0-100) and points per criterion, in the order ranking.combine sums them."""
    neutral = settings.params["neutral_score"]
    weights = {c: float(settings.weights.get(c, 0.0)) for c in CRITERIA}
    total_weight = sum(weights.values()) or 1.0
    total: Floats | float = 0.0
    per: dict[str, Floats] = {}
    for criterion in CRITERIA:
        score = np.where(np.isnan(criteria[criterion]), neutral, criteria[criterion])
        per[criterion] = 100.0 * weights[criterion] * score / total_weight
        total = total + per[criterion]
    return np.asarray(total), per


def required_penalty(missing: NDArray[np.int64], base: Floats, settings: MatchSettings) -> Floats:
    """ranking.required_points for each row, at most what the row has."""
    res = settings.params["resources"]
    cost = np.where(
        missing > 0,
        np.minimum(res["max_missing_required_points"], res["missing_required_points"] * missing),
        0.0,
    )
    return np.minimum(cost, base)


def far_penalty(
    index: ActorIndex,
    rows: NDArray[np.int64],
    distance: Floats,
    base: Floats,
    settings: MatchSettings,
) -> Floats:
    """ranking.far_points for each row, at most what the row has."""
    geo = settings.params["geography"]
    d = distance[rows]
    with np.errstate(invalid="ignore"):
        beyond = d - geo["far_beyond_km"]
        cost = np.minimum(geo["max_far_points"], geo["far_points_per_10km"] * beyond / 10.0)
        exempt = np.isnan(d) | (beyond <= 0) | (d <= index.service_area[rows])
    return np.minimum(np.where(exempt, 0.0, cost), base)


def rotation_penalty(
    index: ActorIndex, rows: NDArray[np.int64], base: Floats, settings: MatchSettings
) -> Floats:
    if not settings.rotation:
        return np.zeros(len(rows))
    rot = settings.params["rotation"]
    recent = index.recent[rows]
    penalty = np.where(
        recent > 0, np.minimum(rot["max_points"], rot["points_per_proposal"] * recent), 0.0
    )
    return np.minimum(penalty, base)


def rank_rows(
    index: ActorIndex,
    ctx: ProblemContext,
    settings: MatchSettings,
    top: int | None,
    restrict: Bools | None = None,
    text: TextScores | None = None,
) -> tuple[list[tuple[int, float]], Scores]:
    """(row, score) of the best ``top`` actors (all when None), best first, and the raw scores.
    ``restrict`` limits the ranking to some actors (e.g. one group of the 360° review);
    ``text`` is the problem's text relevance over the index's rows."""
    scores = score_structured(index, ctx, settings)
    scores.criteria["text"] = text_criterion(index, text, settings)
    passes = scores.gate == -1
    eligible = np.flatnonzero(passes if restrict is None else passes & restrict)
    criteria = {c: a[eligible] for c, a in scores.criteria.items()}
    total, _ = points_of(criteria, settings)
    total = total - required_penalty(scores.missing_required[eligible], total, settings)
    total = total - far_penalty(index, eligible, scores.distance, total, settings)
    total = total - rotation_penalty(index, eligible, total, settings)
    return _best(index, eligible, total, top), scores


def _best(
    index: ActorIndex, rows: NDArray[np.int64], total: Floats, top: int | None
) -> list[tuple[int, float]]:
    keep = np.isfinite(total)
    rows, total = rows[keep], total[keep]
    rounded = np.round(total, 9)
    if top is not None and len(rows) > top:
        cutoff = -np.partition(-rounded, top - 1)[top - 1]
        keep = rounded >= cutoff
        rows, total, rounded = rows[keep], total[keep], rounded[keep]
    # Ties are broken by actor id, as in ranking.order_key.
    order = np.lexsort((index.id_arr[rows], -rounded))
    if top is not None:
        order = order[:top]
    return [(int(rows[i]), float(total[i])) for i in order]
