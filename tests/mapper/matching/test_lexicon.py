"""Codes inferred from Danish text: stemming, compounds, synonyms, negation, evidence."""

from __future__ import annotations

import copy
from typing import Any

import pytest

from mapper.domain.model import Actor, ActorSeeking, Profile, Resource
from mapper.domain.vocabulary import Vocabulary, load_vocabulary, read_data_json
from mapper.matching.lexicon import (
    ActorInference,
    InferredCode,
    compile_lexicon,
    infer_actor_codes,
    infer_codes,
    split_compound,
    stem,
)

VOCABULARY = load_vocabulary()


def codes(text: str, facet: str | None = None) -> dict[tuple[str, str], InferredCode]:
    return {
        (c.facet, c.code): c
        for c in infer_codes(text, VOCABULARY)
        if facet is None or c.facet == facet
    }


def target_groups(text: str) -> set[str]:
    return {code for _, code in codes(text, "target_groups")}


# -- stemming and inflection -------------------------------------------------------------


@pytest.mark.parametrize(
    ("forms", "expected"),
    [
        (("ensom", "ensomme", "ensomhed"), "ensom"),
        (("hjemløs", "hjemløse"), "hjemløs"),
        (("flygtning", "flygtninge", "flygtningene"), "flygtning"),
        (("mentor", "mentorer", "mentorerne"), "mentor"),
        (("Café", "cafe"), None),
    ],
)
def test_inflected_forms_share_one_stem(forms: tuple[str, ...], expected: str | None) -> None:
    stems = {stem(form) for form in forms}
    assert len(stems) == 1
    if expected:
        assert stems == {expected}


@pytest.mark.parametrize(
    "text",
    ["En forening for hjemløs", "Varm mad til hjemløse", "Vi arbejder mod hjemløshed"],
)
def test_every_inflection_infers_the_same_target_group(text: str) -> None:
    assert "homeless" in target_groups(text)


def test_plural_and_definite_forms_of_a_phrase_match() -> None:
    found = codes("Mentorerne og væresteder hjælper de ensomme ældre i byen")
    assert ("resource_kinds", "mentoring") in found
    assert ("target_groups", "socially_vulnerable_adults") in found
    assert found["target_groups", "elderly_lonely"].evidence[0] == "ensomme ældre"


# -- compounds ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("lektiehjælpscafé", ("lektie", "hjælp", "café")),
        ("sorggruppe", ("sorg", "gruppe")),
        ("sorggrupperne", ("sorg", "grupperne")),
        ("skilsmissebørn", ("skilsmisse", "børn")),
        ("misbrugsbehandling", ("misbrug", "behandling")),  # linking -s-
        ("ældrebolig", ("ældre", "bolig")),
        ("besøgsvenner", ("besøg", "venner")),
        ("fodboldbane", ("fodbold", "bane")),
    ],
)
def test_compounds_split_into_known_parts(word: str, parts: tuple[str, ...]) -> None:
    assert split_compound(word, VOCABULARY) == parts


@pytest.mark.parametrize("word", ["forældre", "formål", "foreningen", "x", "ab"])
def test_words_that_are_not_compounds_stay_whole(word: str) -> None:
    assert split_compound(word, VOCABULARY) == (word,)


def test_a_compound_not_in_the_lexicon_is_read_by_its_parts() -> None:
    # Neither word is in the lexicon; their parts are.
    found = codes("Ugentlig lektiehjælpscafé og en sorgbearbejdningsgruppe")
    assert found["target_groups", "youth_education"].evidence == ("lektiehjælpscafé",)
    assert found["resource_kinds", "training"].evidence == ("lektiehjælpscafé",)
    assert ("target_groups", "relatives") in found


def test_a_compound_hit_is_less_sure_than_the_word_itself() -> None:
    whole = codes("lektiehjælp")["resource_kinds", "training"].confidence
    in_compound = codes("lektiehjælpscafé")["resource_kinds", "training"].confidence
    assert 0 < in_compound < whole


@pytest.mark.parametrize(
    ("text", "facet", "code"),
    [
        ("Vi er for ordblinde", "target_groups", "physical_disability"),
        ("Netværk for mennesker med høretab", "target_groups", "physical_disability"),
        ("Skilsmissebørn mødes hver uge", "target_groups", "families_vulnerable"),
        ("Hjælp mod spilafhængighed", "target_groups", "substance_abuse"),
        ("Vi har en boldbane", "resource_kinds", "premises"),
        ("Vores væresteder er åbne hver dag", "target_groups", "socially_vulnerable_adults"),
        ("Gratis gældsrådgivning", "target_groups", "indebted"),
        ("Gratis gældsrådgivning", "resource_kinds", "counselling"),
        ("Besøgsven for en ældre", "target_groups", "elderly_lonely"),
        ("Foreningen for flygtninge i Ribe", "target_groups", "refugees_migrants"),
        ("Støtte til borgere med misbrug", "target_groups", "substance_abuse"),
        ("Mentor for en ung", "resource_kinds", "mentoring"),
        ("Lokalfonden uddeler legater", "roles", "funder"),
    ],
)
def test_the_words_people_actually_use(text: str, facet: str, code: str) -> None:
    assert (facet, code) in codes(text)


# -- synonyms and paraphrase -------------------------------------------------------------


def test_children_in_grief_and_children_who_lost_a_parent_are_the_same_group() -> None:
    problem = target_groups("Samtalegrupper for børn i sorg")
    actor = target_groups("Forening for børn, der har mistet en forælder")
    assert {"children_vulnerable", "relatives"} <= problem & actor


def test_vocabulary_labels_and_synonyms_are_read_at_run_time() -> None:
    # "socialpsykiatri" is only in data/vocabulary.json, not in the lexicon file.
    assert "mental_illness" in target_groups("Et tilbud i socialpsykiatri")
    raw = read_data_json("vocabulary.json")
    raw["target_groups"][0]["synonyms"].append("regnbuebørn")
    changed = Vocabulary(raw)
    assert ("target_groups", "children_vulnerable") in {
        (c.facet, c.code) for c in infer_codes("Klub for regnbuebørn", changed)
    }
    assert "children_vulnerable" not in target_groups("Klub for regnbuebørn")


def test_a_longer_phrase_hides_the_shorter_one_inside_it() -> None:
    # "unge uden uddannelse" is a target group; the "uddannelse" in it offers no training.
    found = codes("Vi samler unge uden uddannelse")
    assert ("target_groups", "youth_education") in found
    assert ("resource_kinds", "training") not in found
    # … but only within its facet: the words still say "youth".
    assert ("life_phases", "youth") in found


def test_several_hits_make_a_code_surer() -> None:
    one = codes("besøgsvenner")["target_groups", "elderly_lonely"].confidence
    two = codes("besøgsvenner mod ensomhed")["target_groups", "elderly_lonely"].confidence
    assert one < two < 1.0


def test_a_vague_word_alone_gives_a_weak_code() -> None:
    weak = codes("Aktiviteter for børn")["target_groups", "children_vulnerable"]
    strong = codes("Aktiviteter for børn i mistrivsel")["target_groups", "children_vulnerable"]
    assert weak.confidence < 0.5 <= strong.confidence


# -- negation ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Tilbuddet er ikke for børn",
        "Vi arbejder ikke med børn",
        "Hverken børn eller unge",
        "Ingen børn under 18",
    ],
)
def test_negated_words_do_not_trigger(text: str) -> None:
    found = codes(text)
    assert ("life_phases", "childhood") not in found
    assert ("target_groups", "children_vulnerable") not in found


def test_negation_ends_with_the_clause() -> None:
    found = codes("Tilbuddet er ikke for børn, men for ensomme ældre")
    assert ("life_phases", "childhood") not in found
    assert found["target_groups", "elderly_lonely"].evidence == ("ensomme ældre",)
    found = codes("Vi tilbyder ikke rådgivning. Vi har en boldbane")
    assert ("resource_kinds", "counselling") not in found
    assert ("resource_kinds", "premises") in found


def test_not_only_is_not_a_negation() -> None:
    assert ("life_phases", "childhood") in codes("Ikke kun for børn, men også for voksne")


def test_a_negated_phrase_does_not_trigger_through_its_parts() -> None:
    found = codes("Vi er ikke en sorggruppe")
    assert ("target_groups", "relatives") not in found
    assert ("resource_kinds", "lived_experience") not in found


# -- evidence ----------------------------------------------------------------------------


def test_evidence_quotes_the_words_as_written() -> None:
    text = "Foreningen for Børn, der har Mistet en Forælder, driver en Lektiehjælpscafé."
    found = codes(text)
    assert found["target_groups", "relatives"].evidence == ("Mistet en Forælder",)
    assert found["resource_kinds", "training"].evidence == ("Lektiehjælpscafé",)
    for code in found.values():
        assert code.evidence
        assert all(quote in text for quote in code.evidence)


def test_results_are_most_confident_first_and_in_range() -> None:
    result = infer_codes("Besøgsvenner mod ensomhed blandt ældre i Esbjerg", VOCABULARY)
    assert result
    confidences = [c.confidence for c in result]
    assert confidences == sorted(confidences, reverse=True)
    assert all(0.25 <= c <= 0.99 for c in confidences)
    assert infer_codes("Besøgsvenner", VOCABULARY, min_confidence=0.99) == []


# -- bad and empty input -----------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    ["", "   ", "\n\t", "...!?", "1234 5678", "🙂🙂", "Lorem ipsum dolor sit amet", "-", "a-"],
)
def test_text_without_known_words_infers_nothing(text: str) -> None:
    assert infer_codes(text, VOCABULARY) == []


def test_a_very_long_text_is_read_whole() -> None:
    text = "Foreningen samler folk. " * 2000 + "Vi hjælper hjemløse."
    assert "homeless" in target_groups(text)


def test_odd_characters_do_not_break_the_reading() -> None:
    found = target_groups("Hjemløse\x00og_flygtninge—i «Ribe»; ADHD/autisme & it-hjælp 65+")
    assert {"homeless", "refugees_migrants", "adhd_autism"} <= found


def lexicon() -> dict[str, Any]:
    raw: dict[str, Any] = read_data_json("lexicon_da.json")
    return copy.deepcopy(raw)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda raw: raw["groups"][0].update(code="no_such_code"), "group 1"),
        (lambda raw: raw["groups"][1].update(facet="sectors"), "group 2"),
        (lambda raw: raw["groups"][2].update(weight=1.5), "weight 1.5"),
        (lambda raw: raw["groups"][2].update(weight="high"), "weight 'high'"),
        (lambda raw: raw["groups"][3]["phrases"].append("  ,, "), "has no words"),
        (lambda raw: raw["vocabulary"]["facets"].append("colours"), "'colours'"),
        (
            lambda raw: raw["vocabulary_overrides"].append(
                {"phrase": "x", "facet": "roles", "code": "king", "weight": 0.5}
            ),
            "vocabulary_overrides",
        ),
    ],
)
def test_a_broken_lexicon_is_refused_with_the_place_named(change: Any, message: str) -> None:
    raw = lexicon()
    change(raw)
    with pytest.raises(ValueError, match=message.replace("(", r"\(")):
        compile_lexicon(raw, VOCABULARY)


def test_the_shipped_lexicon_compiles_and_names_only_vocabulary_codes() -> None:
    raw = lexicon()
    compile_lexicon(raw, VOCABULARY)
    assert sum(len(group["phrases"]) for group in raw["groups"]) >= 300


# -- actors ------------------------------------------------------------------------------


def sparse_actor(**fields: Any) -> Actor:
    return Actor(
        id="a1",
        name="Sorggruppen Esbjerg",
        kind="voluntary_organisation",
        profile=Profile(we_are="Foreningens formål er at støtte børn, der har mistet en forælder."),
        **fields,
    )


def test_an_actor_with_only_a_name_and_a_purpose_sentence_gets_codes() -> None:
    inference = infer_actor_codes(sparse_actor(), VOCABULARY)
    assert isinstance(inference, ActorInference)
    assert inference.actor_id == "a1"
    groups = {c.code for c in inference.codes_for("target_groups")}
    assert {"relatives", "children_vulnerable"} <= groups
    relatives = inference.confidence("target_groups", "relatives")
    assert relatives > 0.8
    # The name and the sentence both speak of it; both are quoted.
    evidence = next(c for c in inference.codes if c.code == "relatives").evidence
    assert "Sorggruppen" in evidence
    assert "mistet en forælder" in evidence
    assert inference.confidence("target_groups", "homeless") == 0.0


def test_declared_codes_are_not_inferred_again() -> None:
    actor = sparse_actor(
        target_groups=("relatives",),
        resources_offered=(Resource(kind="lived_experience"),),
    )
    inference = infer_actor_codes(actor, VOCABULARY)
    inferred = {(c.facet, c.code) for c in inference.codes}
    assert ("target_groups", "relatives") not in inferred
    assert ("resource_kinds", "lived_experience") not in inferred
    assert ("target_groups", "children_vulnerable") in inferred


def test_what_an_actor_seeks_is_kept_apart_from_what_it_offers() -> None:
    actor = Actor(
        id="a2",
        name="Foreningen",
        kind="association",
        seeking=ActorSeeking(description="Vi søger lokaler og frivillige", resources=("premises",)),
    )
    inference = infer_actor_codes(actor, VOCABULARY)
    assert not inference.codes_for("resource_kinds")
    sought = {c.code for c in inference.codes_for("resource_kinds", sought=True)}
    assert "volunteer_hours" in sought
    assert "premises" not in sought  # declared as sought
    assert inference.confidence("resource_kinds", "volunteer_hours", sought=True) > 0


def test_what_an_actor_is_worst_at_is_not_read() -> None:
    actor = Actor(
        id="a3",
        name="Strikkeklubben",
        kind="association",
        profile=Profile(worst_at="Vi er dårlige til gældsrådgivning"),
    )
    inference = infer_actor_codes(actor, VOCABULARY)
    assert inference.confidence("resource_kinds", "counselling") == 0.0


def test_an_actor_without_texts_gets_nothing() -> None:
    inference = infer_actor_codes(
        Actor(id="a4", name="  ", kind="association", profile=Profile(we_are="")), VOCABULARY
    )
    assert inference.is_empty


# -- look-alikes the lexicon must not fall for -------------------------------------------


@pytest.mark.parametrize(
    ("text", "facet", "code"),
    [
        ("Vi giver dem et varmt måltid", "target_groups", "elderly_frail"),  # dem ≠ demens
        ("Haveforeningen Sorgenfri", "target_groups", "relatives"),  # a place, not grief
        ("Lokale foreninger mødes", "resource_kinds", "premises"),  # local ≠ premises
        ("Vi spiller brætspil", "target_groups", "substance_abuse"),  # a game is not gambling
        ("Skolebussen", "roles", "referrer"),  # a known part and a short unknown rest
    ],
)
def test_look_alike_words_infer_nothing(text: str, facet: str, code: str) -> None:
    assert (facet, code) not in codes(text)


def test_a_comma_does_not_cut_a_phrase_but_ends_a_negation() -> None:
    assert "youth_vulnerable" in target_groups("Unge, der har det svært, kan komme her")
    found = codes("Vi tager ikke betaling, og alle børn er velkomne")
    assert ("life_phases", "childhood") in found


def test_a_compound_with_an_unknown_head_is_read_less_surely() -> None:
    known = codes("sorgcafé")["target_groups", "relatives"].confidence
    unknown = codes("sorgvandringer")["target_groups", "relatives"].confidence
    assert 0 < unknown < known


def test_a_phrase_keeps_its_stop_words_when_they_are_all_but_one_word() -> None:
    # The label "Alle borgere" must not make every mention of "borgere" a strong hit.
    weak = codes("Rådgivning til borgere med lav indkomst")["target_groups", "general_population"]
    strong = codes("Et tilbud til alle borgere")["target_groups", "general_population"]
    assert weak.confidence < 0.5 <= strong.confidence
    assert ("life_phases", "old_age") in codes("Et fællesskab for mænd over 60")
