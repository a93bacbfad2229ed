"""The records of the volunteer landscape as immutable values.

Actors (aktører) with their social dating profile, problem statements (problemstillinger) with the
partner-seeking half of a dating profile, and partnerships. Field names follow
``data/landscape.schema.json``; ``id`` is always the stable, user-visible interchange id.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

# The problem status workflow, in order (kladde → åben for input → søger → matchet → lukket).
PROBLEM_STATUSES = ("draft", "open_for_input", "seeking", "matched", "closed")
LOCATION_PRECISIONS = ("address", "postcode", "municipality", "manual")
CONCRETENESS = ("concrete", "overarching")


@dataclass(frozen=True)
class Location:
    address: str | None = None
    postcode: str | None = None
    city: str | None = None
    municipality_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    precision: str | None = None
    """How exact the point is: address, postcode, municipality or manual."""

    @property
    def has_point(self) -> bool:
        return self.lat is not None and self.lon is not None


@dataclass(frozen=True)
class Contact:
    """A contact person of an organisation: personal data, only public when the actor agreed."""

    name: str | None = None
    email: str | None = None
    phone: str | None = None
    website: str | None = None


@dataclass(frozen=True)
class Resource:
    """A resource offered or sought (ressource), e.g. volunteer hours or premises."""

    kind: str
    description: str | None = None
    hours_per_month: float | None = None
    amount_dkk: float | None = None


@dataclass(frozen=True)
class Profile:
    """The self-describing half of the social dating profile (social datingprofil)."""

    we_are: str | None = None
    best_at: str | None = None
    worst_at: str | None = None
    success_examples: tuple[str, ...] = ()
    attractive_partner_because: str | None = None
    role_towards_target_group: str | None = None
    how_we_know_it_works: str | None = None
    evidence_level: str | None = None


@dataclass(frozen=True)
class Consent:
    """Consent (samtykke) to keep a person's data, with its purpose."""

    given_on: dt.date | None = None
    purpose: str | None = None


@dataclass(frozen=True)
class ActorSeeking:
    """What an actor itself seeks in partners (Vi søger …), the other half of its social dating
    profile: resource kinds, roles and target groups (codes) and a free text."""

    description: str | None = None
    resources: tuple[str, ...] = ()
    """Resource kind codes, e.g. 'premises', 'funding'."""
    roles: tuple[str, ...] = ()
    """Role codes the actor seeks in a partner, e.g. 'bridge_builder'."""
    target_groups: tuple[str, ...] = ()
    """Target group codes the actor seeks to work with (through a partner)."""

    @property
    def is_empty(self) -> bool:
        return not (
            (self.description or "").strip() or self.resources or self.roles or self.target_groups
        )


@dataclass(frozen=True)
class ReviewNote:
    """Something an import could not place on the record, kept for a person to look at
    (til gennemsyn): e.g. a target group "Ældre borgere m. demens" that maps to no code
    (reason 'unmapped_code') or a postcode the reference data does not know
    ('unknown_postcode'). Nothing an import reads is dropped; what does not fit is noted."""

    field: str
    """The interchange field the value was meant for, e.g. 'target_groups'."""
    value: str
    """The value as the source had it."""
    reason: str
    """Why it needs a look, as a code (REVIEW_REASONS)."""


REVIEW_REASONS = ("unmapped_code", "unknown_postcode", "invalid_value", "source_note")
"""The reasons an import gives for a review note (codes the interface words): a value that
maps to no code, a postcode the reference data does not know, a value that is not what the
field holds (volunteers "ca. 20 om sommeren"), a note column of the source kept as it was."""


@dataclass(frozen=True)
class Actor:
    """An actor (aktør) of the welfare landscape: a volunteer, an association, a company …"""

    id: str
    name: str
    kind: str
    parent_id: str | None = None
    registry_ids: tuple[tuple[str, str], ...] = ()
    """(scheme, value) pairs, e.g. ('cvr', '12345678'), sorted by scheme."""
    location: Location = field(default_factory=Location)
    service_area_km: float | None = None
    employees: int | None = None
    volunteers: int | None = None
    target_groups: tuple[str, ...] = ()
    resources_offered: tuple[Resource, ...] = ()
    roles: tuple[str, ...] = ()
    prevention_levels: tuple[str, ...] = ()
    profile: Profile = field(default_factory=Profile)
    seeking: ActorSeeking = field(default_factory=ActorSeeking)
    contact: Contact = field(default_factory=Contact)
    public: bool = True
    consent: Consent = field(default_factory=Consent)
    verified_on: dt.date | None = None
    active: bool = True
    review_notes: tuple[ReviewNote, ...] = ()
    """Values an import kept for review (ReviewNote); empty for records typed in."""


@dataclass(frozen=True)
class Seeking:
    """What a problem's owner seeks in a partner (Til dette projekt søger jeg nogen, der …)."""

    description: str | None = None
    resources: tuple[Resource, ...] = ()
    required_resources: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    actor_kinds: tuple[str, ...] = ()
    must_not: str | None = None
    excluded_actor_kinds: tuple[str, ...] = ()
    max_distance_km: float | None = None


@dataclass(frozen=True)
class ProblemStatement:
    """A problem statement (problemstilling) and the partner it seeks."""

    id: str
    title: str
    owner_id: str | None = None
    municipality_code: str | None = None
    description: str | None = None
    concreteness: str | None = None
    target_groups: tuple[str, ...] = ()
    prevention_level: str | None = None
    our_role: str | None = None
    how_we_know_it_works: str | None = None
    seeking: Seeking = field(default_factory=Seeking)
    partner_gets: str | None = None
    location: Location = field(default_factory=Location)
    status: str = "draft"
    involves_statutory_task: bool = False


@dataclass(frozen=True)
class StageChange:
    """One step in a partnership's history."""

    stage: str
    changed_at: dt.datetime
    note: str | None = None


@dataclass(frozen=True)
class Partnership:
    """A collaboration between a problem's owner and an actor, from proposed match onwards."""

    problem_id: str
    actor_id: str
    stage: str
    type: str | None = None
    notes: str | None = None
    success_factors: tuple[str, ...] = ()
    updated_on: dt.date | None = None
    effect: str | None = None
    """How we know it works (sådan ved vi, at det virker): the effect documented."""
    evidence_level: str | None = None
    """Its step on the evidence ladder (code of the ``evidence_levels`` facet)."""
    history: tuple[StageChange, ...] = ()


@dataclass(frozen=True)
class Landscape:
    """A whole landscape: what an interchange document holds."""

    actors: tuple[Actor, ...] = ()
    problems: tuple[ProblemStatement, ...] = ()
    partnerships: tuple[Partnership, ...] = ()
