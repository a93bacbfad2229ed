"""Reasons in words: structured reasons rendered in Danish or English from data/reasons.json."""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from typing import Any

from mapper.domain.vocabulary import Vocabulary, load_vocabulary, read_data_json
from mapper.matching.model import Match, Reason

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
# Danish nouns (last parts of compounds) and adjective forms that take "et", not "en".
NEUTER_ENDINGS = (
    "center",
    "centre",
    "tilbud",
    "selskab",
    "netværk",
    "hus",
    "projekt",
    "fællesskab",
    "kontor",
    "udvalg",
    "korps",
    "team",
    "initiativ",
    "firma",
    "universitet",
    "bibliotek",
    "museum",
    "sted",
    "råd",
    "offentligt",
)
UNITS = {
    "hours": {"da": "timer om måneden", "en": "hours a month"},
    "dkk": {"da": "kr.", "en": "DKK"},
}


@cache
def _texts() -> dict[str, Any]:
    return dict(read_data_json("reasons.json"))


def _lower_first(text: str) -> str:
    # Labels are capitalised for lists; inside a sentence only an acronym keeps its capitals.
    if len(text) > 1 and text[1].isupper():
        return text
    return text[:1].lower() + text[1:]


ALSO = {"da": "samt", "en": "as well as"}


def _join(items: list[str], lang: str, word: str) -> str:
    """'a, b og c'; when an item itself holds the joining word ('frivillige kræfter og
    frivilligtimer'), the last join is 'samt' so no chain of 'og' arises."""
    if len(items) <= 1:
        return "".join(items)
    if word == AND[lang] and any(f" {word} " in item for item in items):
        word = ALSO[lang]
    return f"{', '.join(items[:-1])} {word} {items[-1]}"


def number(value: float, lang: str, decimals: int = 0) -> str:
    """One number format: Danish '1.250,5' (thousands with dots, decimal comma), English
    '1,250.5'; whole numbers without decimals."""
    if decimals and round(value, decimals) != round(value):
        text = f"{value:,.{decimals}f}"
    else:
        text = f"{round(value):,}"
    if lang == "da":
        text = text.replace(",", "\0").replace(".", ",").replace("\0", ".")
    return text


def km(value: float, lang: str) -> str:
    if value < 0.1:
        return f"{'under' if lang == 'da' else 'less than'} {number(0.1, lang, 1)} km"
    return f"{number(value, lang, 1 if value < 10 else 0)} km"


def with_article(label: str, lang: str) -> str:
    """'et frivilligcenter', 'en lokal forening'; 'a company', 'an association'."""
    first = label.split()[0].casefold() if label.split() else ""
    if lang == "da":
        return f"{'et' if first.endswith(NEUTER_ENDINGS) else 'en'} {label}"
    return f"{'an' if first[:1] in 'aeiou' else 'a'} {label}"


def _value(
    name: str, value: Any, lang: str, vocab: Vocabulary, code: str, word: str | None = None
) -> str:
    facet = PARAM_FACETS.get(name)
    if facet is not None:
        codes = value if isinstance(value, (list, tuple)) else [value]
        labels = [_lower_first(vocab.label(facet, c, lang)) for c in codes]
        if name == "kind":
            return with_article(labels[0], lang)
        if name == "kinds":
            labels = [with_article(label, lang) for label in labels]
        word = word or (OR[lang] if code in ("other_kind", "lacks_roles") else AND[lang])
        return _join(labels, lang, word)
    if name in ("km", "limit"):
        return km(float(value), lang)
    if name in ("offered", "sought"):
        return number(float(value), lang, 1)
    if name == "percent":
        return number(float(value), lang)
    if name == "quotes":
        # The words that triggered an inference, quoted as Danish (»…«) or English (“…”) does.
        left, right = ("»", "«") if lang == "da" else ("“", "”")
        return _join([f"{left}{v}{right}" for v in value], lang, AND[lang])
    if name == "unit":
        return UNITS.get(str(value), {}).get(lang, str(value))
    if name == "status":
        entry: Mapping[str, str] = _texts().get("statuses", {}).get(str(value), {})
        return entry.get(lang, str(value))
    if isinstance(value, (list, tuple)):
        return _join([str(v) for v in value], lang, AND[lang])
    return str(value)


def _many(reason: Reason) -> bool:
    """Whether a list parameter names more than one thing ('hverken … eller')."""
    return any(isinstance(v, (list, tuple)) and len(v) > 1 for v in reason.params.values())


def render(reason: Reason, lang: str = "da", vocabulary: Vocabulary | None = None) -> str:
    """One reason as a short sentence, e.g. 'Arbejder med psykisk sårbare og psykisk syge'."""
    vocab = vocabulary or load_vocabulary()
    entry = _texts()["reasons"].get(reason.code)
    if entry is None:
        return reason.code
    template = entry[lang]
    word = None
    if _many(reason) and f"{lang}_many" in entry:
        # A negated list reads "hverken A, B eller C", not "ikke A og B og C".
        template = entry[f"{lang}_many"]
        word = OR[lang] if ("hverken" in template or "neither" in template) else None
    values = {k: _value(k, v, lang, vocab, reason.code, word) for k, v in reason.params.items()}
    text: str = template.format_map(_Missing(values))
    return text[:1].upper() + text[1:]


def not_given_text(match: Match, lang: str = "da") -> str | None:
    """'Ikke oplyst: målgrupper, roller og størrelse' for the criteria the actor's profile
    does not inform, or None when it informs them all. Criteria judged on codes inferred from
    its texts are left out: their own reasons say 'Udledt af teksten: …'."""
    texts: Mapping[str, Any] = _texts()["not_given"]
    items = []
    for c in match.contributions:
        if not c.unknown or any(r.code.startswith("inferred_") for r in c.reasons):
            continue
        coded = [r for r in c.reasons if r.code == "required_not_given"]
        if coded:
            items.append(render(coded[0], lang)[:1].lower() + render(coded[0], lang)[1:])
        else:
            items.append(texts.get(c.criterion, {}).get(lang, c.criterion))
    if not items:
        return None
    text: str = texts["heading"][lang].format(items=_join(items, lang, AND[lang]))
    return text


def sign_mark(reason: Reason) -> str:
    """'+' for, '−' against, '?' for what is not known."""
    return "+" if reason.sign > 0 else "−" if reason.sign < 0 else "?"


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
