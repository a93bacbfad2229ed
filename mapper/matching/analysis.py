"""What matching derives from one actor's texts: its text-relevance terms and the codes its
texts speak of that it has not declared. Pure and per actor, so it can be stored with the actor
and made again only when the actor (or the analyser) changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache

from mapper.domain.model import Actor, Profile
from mapper.domain.vocabulary import Vocabulary
from mapper.matching.lexicon import ActorInference, infer_actor_codes
from mapper.matching.text_relevance import actor_terms, shared_analyser

INFERRED_FACETS = ("target_groups", "roles", "resource_kinds")
"""The facets whose inferred codes matching uses."""


@cache
def code_bits(vocabulary: Vocabulary, facet: str) -> dict[str, int]:
    """One bit per code of a facet, the codes in sorted order (as the actor index numbers
    them; the stored bits are made again when the vocabulary changes: analyser_version)."""
    return {code: 1 << i for i, code in enumerate(sorted(vocabulary.codes(facet)))}


@cache
def prevention_bits(vocabulary: Vocabulary) -> dict[str, int]:
    """One bit per prevention level, by its rank (adjacent levels are adjacent bits)."""
    return {
        code: 1 << ((vocabulary.rank("prevention_levels", code) or 1) - 1)
        for code in vocabulary.codes("prevention_levels")
    }


DECLARED_FACETS = (
    "target_group",
    "role",
    "prevention",
    "sought_resource",
    "sought_role",
    "sought_target_group",
)
"""The declared code lists stored as bits with an analysis (see ``declared_bits``)."""


def declared_bits(actor: Actor, vocabulary: Vocabulary) -> dict[str, int]:
    """The actor's declared codes as bits per DECLARED_FACETS, numbered as the actor index
    numbers them (``code_bits``, ``prevention_bits``); codes outside the vocabulary give none."""
    groups, roles = code_bits(vocabulary, "target_groups"), code_bits(vocabulary, "roles")
    kinds, levels = code_bits(vocabulary, "resource_kinds"), prevention_bits(vocabulary)

    def of(codes: Iterable[str], numbering: dict[str, int]) -> int:
        bits = 0
        for code in codes:
            bits |= numbering.get(code, 0)
        return bits

    return {
        "target_group": of(actor.target_groups, groups),
        "role": of(actor.roles, roles),
        "prevention": of(actor.prevention_levels, levels),
        "sought_resource": of(actor.seeking.resources, kinds),
        "sought_role": of(actor.seeking.roles, roles),
        "sought_target_group": of(actor.seeking.target_groups, groups),
    }


@dataclass(frozen=True)
class ActorAnalysis:
    terms: dict[str, float]
    """Term → BM25 impact (text_relevance.actor_terms)."""
    inference: ActorInference
    declared: dict[str, int] = field(default_factory=dict)
    """Its declared codes as bits (``declared_bits``)."""

    @property
    def has_text(self) -> bool:
        return bool(self.terms)

    def inferred_bits(
        self, vocabulary: Vocabulary, min_confidence: float
    ) -> dict[str, tuple[int, float]]:
        """Per facet of INFERRED_FACETS: the inferred codes of at least ``min_confidence`` as
        bits (``code_bits``) and the highest confidence among them (0.0: none)."""
        out: dict[str, tuple[int, float]] = {}
        for facet in INFERRED_FACETS:
            bits, confidence = 0, 0.0
            numbering = code_bits(vocabulary, facet)
            for code in self.inference.codes_for(facet):
                if code.confidence >= min_confidence and code.code in numbering:
                    bits |= numbering[code.code]
                    confidence = max(confidence, code.confidence)
            out[facet] = (bits, confidence)
        return out


def analyse_actor(actor: Actor, vocabulary: Vocabulary) -> ActorAnalysis:
    """The actor's terms and inferred codes. An actor that declares target groups, roles and
    resources is read for codes in its name and purpose only (the phrases the text model
    needs): matching uses inferred codes only where a facet is not declared, and the editor
    makes its own suggestions from the whole profile."""
    coded = bool(actor.target_groups and actor.roles and actor.resources_offered)
    read = replace(actor, profile=Profile(we_are=actor.profile.we_are)) if coded else actor
    inference = infer_actor_codes(read, vocabulary)
    return ActorAnalysis(
        actor_terms(shared_analyser(vocabulary), actor, inference),
        inference,
        declared_bits(actor, vocabulary),
    )


def analyse_actors(actors: Iterable[Actor], vocabulary: Vocabulary) -> dict[str, ActorAnalysis]:
    """Actor id → its analysis."""
    return {a.id: analyse_actor(a, vocabulary) for a in actors}
