"""Reasons in words: structured reasons rendered in Danish or English from data/reasons.json."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from mapper.domain.vocabulary import Vocabulary, load_vocabulary, read_data_json
from mapper.matching.model import Reason

# Which vocabulary a reason parameter's codes come from.
PARAM_FACETS = {
    "target_groups": "target_groups",
    "resources": "resource_kinds",
    "resource": "resource_kinds",
    "roles": "roles",
    "kind": "actor_kinds",
    "kinds": "actor_kinds",
    "level": "prevention_levels",
    "life_phase": "life_phases",
    "evidence_level": "evidence_levels",
}
AND = {"da": "og", "en": "and"}
OR = {"da": "eller", "en": "or"}


@cache
def _texts() -> dict[str, Any]:
    return dict(read_data_json("reasons.json"))


def _lower_first(text: str) -> str:
    # Labels are capitalised for lists; inside a sentence only an acronym keeps its capitals.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


def _join(items: list[str], lang: str, word: str) -> str:
    if len(items) <= 1:
        return "".join(items)
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def km(value: float, lang: str) -> str:
    text = f"{value:.1f}" if value < 10 else f"{value:.0f}"
    return f"{text.replace('.', ',') if lang == 'da' else text} km"


def _value(name: str, value: Any, lang: str, vocab: Vocabulary, code: str) -> str:
    facet = PARAM_FACETS.get(name)
    if facet is not None:
        codes = value if isinstance(value, (list, tuple)) else [value]
        labels = [_lower_first(vocab.label(facet, c, lang)) for c in codes]
        word = OR[lang] if code in ("other_kind", "lacks_roles") else AND[lang]
        return _join(labels, lang, word)
    if name in ("km", "limit"):
        return km(float(value), lang)
    if name in ("offered", "sought"):
        return f"{value:g}"
    if isinstance(value, (list, tuple)):
        return ", ".join(map(str, value))
    return str(value)


def render(reason: Reason, lang: str = "da", vocabulary: Vocabulary | None = None) -> str:
    """One reason as a short sentence, e.g. 'Arbejder med psykisk sårbare og psykisk syge'."""
    vocab = vocabulary or load_vocabulary()
    entry = _texts()["reasons"].get(reason.code)
    if entry is None:
        return reason.code
    values = {k: _value(k, v, lang, vocab, reason.code) for k, v in reason.params.items()}
    text: str = entry[lang].format_map(_Missing(values))
    return text[:1].upper() + text[1:]


def criterion_label(criterion: str, lang: str = "da") -> str:
    entry: Mapping[str, str] = _texts()["criteria"].get(criterion, {})
    return entry.get(lang, criterion)


def gate_label(gate: str, lang: str = "da") -> str:
    entry: Mapping[str, str] = _texts()["gates"].get(gate, {})
    return entry.get(lang, gate)


class _Missing(dict[str, str]):
    def __missing__(self, key: str) -> str:
        return "?"


def review_group_label(group: str, lang: str = "da") -> str:
    entry: Mapping[str, str] = _texts()["review_groups"].get(group, {})
    return entry.get(lang, group)


def review_group_names() -> frozenset[str]:
    """The 360° review groups that have a label (data/reasons.json ``review_groups``)."""
    return frozenset(_texts()["review_groups"])
