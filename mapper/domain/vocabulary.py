"""Controlled vocabularies (kontrollerede ordlister): codes, Danish/English labels and synonyms.

The vocabulary is data, shipped as ``data/vocabulary.json`` (package ``mapper_data``); code
never spells out lists of target groups or resource kinds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

from rapidfuzz import fuzz, process, utils

# The facets of vocabulary.json that hold code lists.
FACETS = (
    "actor_kinds",
    "sectors",
    "target_groups",
    "life_phases",
    "resource_kinds",
    "roles",
    "prevention_levels",
    "problem_concreteness",
    "partnership_stages",
    "partnership_types",
    "partnership_success_factors",
    "evidence_levels",
)


@dataclass(frozen=True)
class Term:
    """One entry of a controlled vocabulary."""

    code: str
    da: str
    en: str
    synonyms: tuple[str, ...] = ()
    extra: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    def label(self, lang: str = "da") -> str:
        return self.en if lang == "en" else self.da


class Vocabulary:
    """All controlled vocabularies, with look-ups the importer, matcher and UI share."""

    def __init__(self, raw: dict[str, Any]) -> None:
        self._terms: dict[str, dict[str, Term]] = {}
        for facet in FACETS:
            entries = raw.get(facet, [])
            self._terms[facet] = {
                e["code"]: Term(
                    code=e["code"],
                    da=e["da"],
                    en=e["en"],
                    synonyms=tuple(e.get("synonyms", ())),
                    extra={k: v for k, v in e.items() if k not in {"code", "da", "en", "synonyms"}},
                )
                for e in entries
            }

    def terms(self, facet: str) -> list[Term]:
        return list(self._terms[facet].values())

    def codes(self, facet: str) -> frozenset[str]:
        return frozenset(self._terms[facet])

    def term(self, facet: str, code: str) -> Term | None:
        return self._terms[facet].get(code)

    def label(self, facet: str, code: str, lang: str = "da") -> str:
        term = self._terms[facet].get(code)
        return term.label(lang) if term else code

    def sector_of(self, actor_kind: str) -> str | None:
        term = self._terms["actor_kinds"].get(actor_kind)
        return term.extra.get("sector") if term else None

    def holds_personal_data(self, actor_kind: str) -> bool:
        """True for kinds whose records describe a person (GDPR), e.g. individual volunteers."""
        term = self._terms["actor_kinds"].get(actor_kind)
        return bool(term and term.extra.get("personal_data"))

    def life_phase(self, target_group: str) -> str | None:
        term = self._terms["target_groups"].get(target_group)
        return term.extra.get("life_phase") if term else None

    def rank(self, facet: str, code: str) -> int | None:
        """The ordinal of a ranked vocabulary (prevention levels, evidence levels)."""
        term = self._terms[facet].get(code)
        value = term.extra.get("rank") if term else None
        return int(value) if value is not None else None

    def resolve(self, facet: str, text: str) -> str | None:
        """Map a code, a label or a Danish synonym (any case) to its code; None if unknown."""
        return _synonym_index(self, facet).get(text.strip().casefold())

    def nearest(self, facet: str, text: str) -> str | None:
        """The valid code closest to ``text`` (for 'did you mean …' hints)."""
        exact = self.resolve(facet, text)
        if exact:
            return exact
        index = _synonym_index(self, facet)
        if not index:
            return None
        match = process.extractOne(
            text.casefold(), list(index), scorer=fuzz.WRatio, processor=utils.default_process
        )
        if match is None or match[1] < 50:
            return None
        return index[match[0]]


@cache
def _synonym_index(vocabulary: Vocabulary, facet: str) -> dict[str, str]:
    index: dict[str, str] = {}
    for term in vocabulary.terms(facet):
        for text in (term.code, term.da, term.en, *term.synonyms):
            index.setdefault(text.casefold(), term.code)
    return index


def read_data_json(name: str) -> Any:
    """Read one JSON file shipped in ``data/`` (package ``mapper_data``)."""
    with resources.files("mapper_data").joinpath(name).open(encoding="utf-8") as fh:
        return json.load(fh)


@cache
def load_vocabulary() -> Vocabulary:
    """The vocabulary shipped with the application (cached; it is immutable)."""
    return Vocabulary(read_data_json("vocabulary.json"))
