"""Text relevance (BM25F over stems, compound parts and lexicon concepts): what counts, what does
not, field weights, the words shown, and texts that are empty."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import pytest

from mapper.domain.model import Actor, ActorSeeking, ProblemStatement, Profile, Resource, Seeking
from mapper.domain.vocabulary import load_vocabulary
from mapper.matching.lexicon import infer_actor_codes, stem
from mapper.matching.text_relevance import TextIndex, TextMatch, TextScores

VOCABULARY = load_vocabulary()


def actor(actor_id: str, we_are: str | None = None, **profile: str) -> Actor:
    name = profile.pop("name", actor_id)
    seeking = profile.pop("seeking", None)
    resource = profile.pop("resource", None)
    return Actor(
        id=actor_id,
        name=name,
        kind="local_association",
        profile=Profile(we_are=we_are, **profile),  # type: ignore[arg-type]
        seeking=ActorSeeking(description=seeking),
        resources_offered=(Resource(kind="activities", description=resource),) if resource else (),
    )


def problem(
    title: str,
    description: str | None = None,
    sought: str | None = None,
    target_groups: Sequence[str] = (),
) -> ProblemStatement:
    return ProblemStatement(
        id="p",
        title=title,
        description=description,
        target_groups=tuple(target_groups),
        seeking=Seeking(description=sought),
    )


# Neutral actors, so that no term is in most of the landscape by accident.
FILLER = [
    actor("f1", "Vi driver en genbrugsbutik med tøj og møbler."),
    actor("f2", "Vi er et kor, der synger klassisk musik."),
    actor("f3", "Vi er en cykelklub med ture hver weekend."),
    actor("f4", "Vi passer kolonihaverne ved åen."),
]


def scores(actors: Sequence[Actor], query: ProblemStatement) -> TextScores:
    return TextIndex.build([*actors, *FILLER], VOCABULARY).scores(query)


def score(matches: Mapping[str, TextMatch], actor_id: str) -> float:
    match = matches.get(actor_id)
    return match.score if match else 0.0


# -- concepts count, common words do not ---------------------------------------------------


def test_a_shared_concept_meets_other_words() -> None:
    matches = scores(
        [
            actor("lysglimt", "Forening for børn, der har mistet en forælder."),
            actor("skak", "Vi spiller skak hver tirsdag."),
        ],
        problem("Børn i sorg", target_groups=["children_vulnerable"]),
    )
    assert score(matches, "lysglimt") > 0.0
    assert score(matches, "skak") == 0.0
    assert "udsatte børn" in matches["lysglimt"].concepts


def test_common_and_generic_words_do_not_count() -> None:
    matches = scores(
        [actor("a", "Foreningens formål er at hjælpe og støtte nogen, der har brug for det.")],
        problem("Vi søger en forening, der kan hjælpe og støtte nogen"),
    )
    assert score(matches, "a") == 0.0


def test_a_word_in_most_of_a_large_landscape_does_not_count() -> None:
    many = [actor(f"m{i}", f"Vi holder møde nummer {i} i huset om strikning.") for i in range(60)]
    lonely = actor("x", "Vi besøger ensomme ældre i huset.")
    index = TextIndex.build([*many, lonely], VOCABULARY)
    matches = index.scores(problem("Huset"))
    assert matches == {}
    assert score(index.scores(problem("Ensomme ældre i huset")), "x") > 0.0


def test_negated_words_do_not_count() -> None:
    matches = scores(
        [
            actor("firma", "Vi er en virksomhed, der laver motion for medarbejdere."),
            actor("klub", "Vi er en klub med motion for diabetikere."),
        ],
        problem("Motion for diabetikere", sought="En forening med motion. Ikke virksomheder."),
    )
    assert score(matches, "klub") > score(matches, "firma")
    assert "virksomheder" not in matches["firma"].concepts


# -- inflection and compounds --------------------------------------------------------------


def test_inflected_forms_meet() -> None:
    matches = scores(
        [actor("a", "Vores frivillige mentorer hjælper unge.")],
        problem("En frivillig mentor til en ung"),
    )
    assert score(matches, "a") > 0.3
    assert stem("mentorer") == stem("mentor")


def test_compound_parts_meet() -> None:
    matches = scores(
        [
            actor("cafe", "Vi driver en lektiehjælpscafé i biblioteket."),
            actor("other", "Vi driver en cykelværksted i biblioteket."),
        ],
        problem("Lektiehjælp til skolebørn"),
    )
    assert score(matches, "cafe") > score(matches, "other")
    assert any(word in matches["cafe"].concepts for word in ("lektie", "hjælp", "lektiehjælp"))


# -- field weights ---------------------------------------------------------------------------


def test_field_weights_matter() -> None:
    # The same words in "Vi er bedst til" count more than in "Vi søger".
    best = actor("best", "Vi er en forening.", best_at="Sorggrupper for efterladte.")
    seeks = actor("seeks", "Vi er en forening.", seeking="Sorggrupper for efterladte.")
    matches = scores([best, seeks], problem("Sorggrupper for efterladte"))
    assert score(matches, "best") > score(matches, "seeks") > 0.0


def test_the_problem_title_weighs_more_than_its_description() -> None:
    a = actor("a", "Vi laver madlavning for enlige fædre.")
    b = actor("b", "Vi laver svømning for flygtninge.")
    matches = scores([a, b], problem("Madlavning for enlige fædre", "Der kan også være svømning."))
    assert score(matches, "a") > score(matches, "b")


# -- what is shown ----------------------------------------------------------------------------


def test_concepts_shown_are_whole_words_or_labels() -> None:
    matches = scores(
        [actor("a", "Vi bekæmper kriminalitet blandt unge gennem fodboldtræning.")],
        problem("Kriminalitetsforebyggelse for unge", "Fodbold mod kriminalitet."),
    )
    shown = matches["a"].concepts
    assert shown
    assert len(shown) <= 5
    words = {
        w
        for text in ("Kriminalitetsforebyggelse for unge Fodbold mod kriminalitet",)
        for w in text.casefold().split()
    }
    labels = {
        t.label("da").casefold()
        for f in ("target_groups", "resource_kinds", "roles")
        for t in VOCABULARY.terms(f)
    }
    parts = {"kriminalitet", "forebyggelse", "fodbold"}
    for concept in shown:
        assert concept in words | labels | parts, concept
    assert "kriminalit" not in shown


# -- empty and missing ------------------------------------------------------------------------


def test_empty_texts_give_nothing_without_error() -> None:
    empty = Actor(id="empty", name="", kind="local_association")
    index = TextIndex.build([empty], VOCABULARY)
    assert index.scores(problem("")) == {}
    assert index.scores(problem("Ensomme ældre")) == {}
    assert not index.has_text("empty")
    assert not index.has_text("unknown-id")
    assert TextIndex.build([], VOCABULARY).scores(problem("Ensomme ældre")) == {}


def test_only_stop_words_give_nothing() -> None:
    index = TextIndex.build([actor("a", "Vi er det, som vi er.")], VOCABULARY)
    assert index.scores(problem("Det er os")) == {}


def test_scores_lie_between_zero_and_one() -> None:
    twin = actor("twin", "Ensomme ældre spiser sammen.", name="Ensomme ældre spiser sammen")
    matches = scores([twin], problem("Ensomme ældre spiser sammen", "Ensomme ældre spiser sammen."))
    assert 0.0 < matches["twin"].score <= 1.0


def test_scores_can_be_limited_to_candidates() -> None:
    a = actor("a", "Vi besøger ensomme ældre.")
    b = actor("b", "Vi ringer til ensomme ældre.")
    index = TextIndex.build([a, b, *FILLER], VOCABULARY)
    assert set(index.scores(problem("Ensomme ældre"), actor_ids=["b", "nobody"])) == {"b"}


@pytest.mark.parametrize("use_inferences", [False, True])
def test_precomputed_inferences_give_concepts(use_inferences: bool) -> None:
    actors = [actor("lysglimt", "Forening for børn, der har mistet en forælder."), *FILLER]
    inferences = (
        {a.id: infer_actor_codes(a, VOCABULARY) for a in actors} if use_inferences else None
    )
    index = TextIndex.build(actors, VOCABULARY, inferences=inferences)
    matches = index.scores(problem("Børn i sorg", target_groups=["children_vulnerable"]))
    assert "udsatte børn" in matches["lysglimt"].concepts


def test_not_only_denies_nothing() -> None:
    matches = scores(
        [actor("a", "Vi er ikke kun for ensomme ældre, men for alle.")],
        problem("Ensomme ældre"),
    )
    assert score(matches, "a") > 0.0


def test_scores_read_as_a_mapping() -> None:
    a = actor("a", "Vi besøger ensomme ældre.")
    index = TextIndex.build([a, *FILLER], VOCABULARY)
    matches = index.scores(problem("Ensomme ældre"))
    assert list(matches) == ["a"]
    assert len(matches) == 1
    assert "a" in matches and "f1" not in matches and "nobody" not in matches
    assert matches.get("f1") is None
    assert matches.get("nobody") is None
    assert matches["a"].score == matches.score("a") > 0.0
    assert matches.score("f1") == 0.0
    with pytest.raises(KeyError):
        matches["f1"]
    assert index.has_text("a")


def test_an_actor_twice_is_refused_with_its_id_and_places() -> None:
    with pytest.raises(ValueError, match=r"'a' appears twice \(actors 1 and 3"):
        TextIndex.build([actor("a", "Sorg"), actor("b", "Glæde"), actor("a", "Sorg")], VOCABULARY)


def test_without_concepts_only_words_meet() -> None:
    actors = [actor("lysglimt", "Forening for børn, der har mistet en forælder."), *FILLER]
    query = problem("Sorg", target_groups=["relatives"])
    with_concepts = TextIndex.build(actors, VOCABULARY).scores(query)
    words_only = TextIndex.build(actors, VOCABULARY, concepts=False).scores(query)
    assert with_concepts.score("lysglimt") > 0.0
    assert words_only.score("lysglimt") == 0.0
