"""What matching derives from one actor's texts: its text-relevance terms and the codes its
texts speak of that it has not declared. Pure and per actor, so it can be stored with the actor
and made again only when the actor (or the analyser) changes."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mapper.domain.model import Actor
from mapper.domain.vocabulary import Vocabulary
from mapper.matching.lexicon import ActorInference, infer_actor_codes
from mapper.matching.text_relevance import actor_terms, shared_analyser


@dataclass(frozen=True)
class ActorAnalysis:
    terms: dict[str, float]
    """Term → BM25 impact (text_relevance.actor_terms)."""
    inference: ActorInference

    @property
    def has_text(self) -> bool:
        return bool(self.terms)


def analyse_actor(actor: Actor, vocabulary: Vocabulary) -> ActorAnalysis:
    inference = infer_actor_codes(actor, vocabulary)
    return ActorAnalysis(actor_terms(shared_analyser(vocabulary), actor, inference), inference)


def analyse_actors(actors: Iterable[Actor], vocabulary: Vocabulary) -> dict[str, ActorAnalysis]:
    """Actor id → its analysis."""
    return {a.id: analyse_actor(a, vocabulary) for a in actors}
