"""Text relevance (tekstrelevans): how well an actor's texts answer a problem's texts.

A lexical retrieval model (BM25F) over Danish Snowball stems, the parts of compound words and
the concepts of the lexicon (mapper.matching.lexicon), so that shared *concepts* count and
common words do not:

- **Terms.** Every word of a text is lower-cased; stop words (data/stopwords_da.txt), the
  boilerplate of purpose sentences and problems (``GENERIC_WORDS``: "formål", "søger",
  "tilbyde", "nogen" …) and numbers are dropped, and so are words a negator denies ("Ikke
  virksomheder", up to a comma, the end of the clause or the lexicon's negation window; "ikke
  kun" denies nothing). A word gives its stem ("frivillige" → "frivil"); a compound also gives
  its parts at half weight ("lektiehjælpscafé" → "lektie", "hjælp", "café"), so "lektiehjælp"
  meets "lektiecafé" a little and "lektiehjælpscafé" fully.
- **Concepts.** The lexicon's target groups, resource kinds and roles (not life phases: too
  broad) are extra terms weighted by their confidence, so "børn, der har mistet en forælder"
  and "børn i sorg" meet on *udsatte børn* / *pårørende* although they share no word. On the
  actor's side they come from single words and compounds of what the actor is and does (name,
  purpose, best at, role, resources; cached per word) and from the phrases of its name and
  purpose sentence (``infer_codes`` per sentence, cached), or from the caller's
  ``infer_actor_codes`` results (``inferences=``), each concept counted once. On the problem's
  side they come from every text and from its declared target groups; a resource kind or role
  concept weighs half a target group (``FACET_WEIGHTS``).
- **Commonness.** Terms found in more than ``MAX_DOCUMENT_SHARE`` of the actors (of a
  landscape of 50 or more) say nothing and are left out; the rest are weighted by BM25's
  inverse document frequency.
- **Actor fields** (document side, BM25F: weighted term frequency with per-field length
  normalisation): the name, "Vi er" (purpose), "Vi er bedst til", the role towards the target
  group, success examples, "attraktiv partner fordi", resource descriptions and, weakly,
  "Vi søger" — weights in ``ACTOR_FIELDS``. What the actor is worst at is not read.
- **Problem fields** (the query): title, description, what is sought and the labels of its
  target groups (a label's words share one weight; the codes are concept terms as well) —
  weights in ``PROBLEM_FIELDS``.
- **Score 0-1**: the BM25F score divided by the score of an ideal actor that holds every query
  term once in a field of average length (1.0: "says everything the problem says"; in the
  evaluation sets true partners score 0.22-0.50 with full profiles and 0.02-0.22 with one
  purpose sentence); capped at 1.
- **Concepts shown**: the matched terms that weigh most in the problem, as whole words: the
  problem's word as written ("sorggrupper"), a compound part as written ("hjælp"), or the
  Danish label of a concept ("udsatte børn"); never a cut stem. At most ``SHOWN_CONCEPTS``.

**Where it lives.** ``actor_terms`` makes one actor's document (term → BM25 impact) with fixed
field-length pivots (``AVERAGE_FIELD_WORDS``), so it never depends on the other actors: the
matching service stores it per actor (migration 0008, ``actor_terms``) and makes it again only
when the actor or the analyser changes (``analyser_version``). A ranking reads the postings of
the problem's own terms (``query_terms``) and scores them with ``score_query``; the inverse
document frequencies come from the postings' lengths. ``TextIndex`` does the same in memory
(``build`` from actors, ``from_terms`` from analysed actors): the reference matcher, one-off
criterion calls and the evaluation scripts use it, and both give the same numbers.

The text criterion (``criteria.text_fit``) rescales the score (1 from ``text.full_at`` in
data/matching.json) and shows ``TextScores.concepts_of(actor)``; an actor without any text is
unknown (neutral, "ikke oplyst"), one sharing nothing scores 0.

Evaluation: ``bench/evaluate_text_relevance.py`` (text alone vs the rapidfuzz token-set text
criterion it replaced, full and sparse sets, all actors and the problem's municipality) and
``bench/evaluate_matching.py`` (the whole matcher); speed: ``bench/bench_text_relevance.py``
and ``bench/bench_matching.py`` (100,000 actors). Character n-grams were not added: stems plus
compound parts meet the inflected forms of the evaluation sets, and n-grams bring back
look-alikes ("sorgenfri" ~ "sorg").
"""

from __future__ import annotations

import hashlib
import math
import re
from array import array
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources

import numpy as np

from mapper.domain.model import Actor, ProblemStatement
from mapper.domain.text import _stopwords
from mapper.domain.vocabulary import Vocabulary, read_data_json
from mapper.matching.lexicon import (
    LEXICON_FILE,
    ActorInference,
    infer_codes,
    split_compound,
    stem,
)

# Field weights of the actor's texts (the document) and of the problem's (the query).
ACTOR_FIELDS: Mapping[str, float] = {
    "name": 1.2,
    "we_are": 1.0,
    "best_at": 1.2,
    "role_towards_target_group": 0.8,
    "success_examples": 0.6,
    "attractive_partner_because": 0.5,
    "resources": 0.8,
    "seeking": 0.3,
}
PROBLEM_FIELDS: Mapping[str, float] = {
    "title": 1.0,
    "description": 0.6,
    "seeking": 1.0,
    "target_groups": 1.0,
}
# Length normalisation per field (BM25F b): short fields barely.
_FIELD_B: Mapping[str, float] = {"name": 0.3}
_DEFAULT_B = 0.75
K1 = 1.2
PART_WEIGHT = 0.5
"""A compound part counts half a word."""
CONCEPT_WEIGHT = 1.5
FACET_WEIGHTS: Mapping[str, float] = {"target_groups": 1.0, "resource_kinds": 0.5, "roles": 0.5}
"""How much a concept of the problem weighs by facet: whom it is about says more than the
resource kinds and roles its words suggest ("frivillig" is a word and a resource kind)."""
"""A lexicon concept counts this much times its confidence."""
MAX_DOCUMENT_SHARE = 0.4
"""Terms in more of the actors than this (landscapes of 50+ actors) are too common to count."""
MAX_QUERY_WEIGHT = 2.0
SHOWN_CONCEPTS = 5
MAX_TERM_LENGTH = 100
"""Longer terms (a run of letters, not a word) are not indexed (the stored term's length)."""

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*")
_WORD_OR_BREAK = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*|[.,;:!?()]")
_CONCEPT = "@"
# Sentences are read one by one (phrases and negations end with them), and cached: purpose
# sentences repeat ("Vi arbejder især med …").
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Words every purpose sentence and problem uses ("Foreningens formål er at hjælpe …", "Vi
# søger nogen, der kan tilbyde …"): they say nothing about what the actor does.
GENERIC_WORDS = frozenset(
    """
    forening foreningen foreningens foreninger formål formålet søger søge søges nogen noget
    flere tilbyde tilbyder tilbud brug behov kan give giver skabe skaber arbejde arbejder
    hjælpe hjælper støtte støtter mulighed muligheder gennem blandt hinanden andre mennesker
    borgere personer type del dag dage år gerne især ønsker ønske via både
    lokale lokal lokalt område området samt hver alle
    """.split()  # noqa: SIM905 - a word list reads better as text
)
# After a negator these make "not only" ("ikke kun", "ikke blot"), which denies nothing.
_NOT_ONLY = frozenset({"kun", "blot", "bare", "alene", "mindst"})
# The fields concepts are read from (one lexicon pass per actor): what the actor is and does.
CONCEPT_FIELDS = ("name", "we_are", "best_at", "role_towards_target_group", "resources")
# Phrases are read from these (a full lexicon pass costs ~3 µs a word; single words are cached).
PHRASE_FIELDS = ("name", "we_are")
# Facets whose concepts are terms; life phases are too broad ("ungdom") to tell actors apart.
CONCEPT_FACETS = frozenset({"target_groups", "resource_kinds", "roles"})
_INFER_CACHE_SIZE = 100_000
AVERAGE_FIELD_WORDS: Mapping[str, float] = {
    "name": 3.0,
    "we_are": 18.0,
    "best_at": 12.0,
    "role_towards_target_group": 12.0,
    "success_examples": 20.0,
    "attractive_partner_because": 12.0,
    "resources": 10.0,
    "seeking": 12.0,
}
"""Length pivots of BM25F's normalisation, in words: a field this long is neither favoured nor
held back. Fixed (not the landscape's averages) so that an actor's terms can be stored."""
ANALYSER_VERSION = "1"
"""Raise when the terms an actor gives change (fields, weights, the analyser's rules); stored
terms of another version (or another lexicon, see ``analyser_version``) are made again."""


@dataclass(frozen=True)
class TextMatch:
    """How well one actor's texts answer the problem: ``score`` 0-1 and the matched concepts
    and words, most telling first, as whole words for the explanation."""

    score: float
    concepts: tuple[str, ...] = ()


class _Analyser:
    """Terms of Danish texts: stems, compound parts and lexicon concepts, cached per word."""

    def __init__(self, vocabulary: Vocabulary, *, concepts: bool = True) -> None:
        self.vocabulary = vocabulary
        self.use_concepts = concepts
        self.stop = _stopwords() | GENERIC_WORDS
        lexicon = read_data_json(LEXICON_FILE)
        self.negators = frozenset(lexicon.get("negators", ()))
        self.breaks = frozenset(lexicon.get("clause_breaks", ()))
        self.window = int(lexicon.get("negation_window", 8))
        self._words: dict[str, tuple[tuple[str, float, str], ...]] = {}
        self._concepts: dict[str, tuple[tuple[str, float], ...]] = {}
        self._word_concepts: dict[str, tuple[tuple[str, float], ...]] = {}

    def word_terms(self, word: str) -> tuple[tuple[str, float, str], ...]:
        """(term, weight, whole word to show) of one lower-cased word."""
        known = self._words.get(word)
        if known is not None:
            return known
        terms: list[tuple[str, float, str]] = []
        if len(word) > 1 and word not in self.stop:
            own = stem(word)
            terms.append((own, 1.0, word))
            pieces = (
                tuple(p for p in word.split("-") if p)
                if "-" in word
                else split_compound(word, self.vocabulary)
            )
            if len(pieces) > 1:
                for piece in pieces:
                    if len(piece) > 2 and piece not in self.stop:
                        part = stem(piece)
                        if part != own and all(t[0] != part for t in terms):
                            terms.append((part, PART_WEIGHT, piece))
        result = tuple(terms)
        if len(self._words) < 500_000:
            self._words[word] = result
        return result

    def terms(self, text: str | None) -> tuple[dict[str, float], int]:
        """Weighted term counts of a text (words and parts) and its length in words."""
        out: dict[str, float] = {}
        if not text:
            return out, 0
        words = Counter(self.words(text))
        length = 0
        for word, count in words.items():
            found = self.word_terms(word)
            if found:
                length += count
            for term, weight, _ in found:
                out[term] = out.get(term, 0.0) + weight * count
        return out, length

    def words(self, text: str) -> list[str]:
        """The lower-cased words of a text, without those a negator denies ("Ikke
        virksomheder", "ingen behandling"): up to a comma, the end of the clause or
        ``negation_window`` words; "ikke kun …" denies nothing."""
        folded = text.casefold()
        words = _WORD.findall(folded)
        if self.negators.isdisjoint(words):
            return words
        kept: list[str] = []
        left = 0
        previous_negator = False
        for token in _WORD_OR_BREAK.findall(folded):
            if not token[0].isalpha():
                left = 0
            elif token in self.negators:
                left = self.window
                previous_negator = True
                continue
            elif previous_negator and token in _NOT_ONLY:
                left = 0
            elif token in self.breaks:
                left = 0
                kept.append(token)
            elif left:
                left -= 1
            else:
                kept.append(token)
            previous_negator = False
        return kept

    def concepts(self, text: str | None, *, cache: bool = True) -> tuple[tuple[str, float], ...]:
        """(concept term, confidence) of the lexicon's codes the text speaks of."""
        if not self.use_concepts or not text or not text.strip():
            return ()
        known = self._concepts.get(text) if cache else None
        if known is not None:
            return known
        result = tuple(
            (f"{_CONCEPT}{c.facet}:{c.code}", c.confidence)
            for c in infer_codes(text, self.vocabulary)
            if c.facet in CONCEPT_FACETS
        )
        if cache and len(self._concepts) < _INFER_CACHE_SIZE:
            self._concepts[text] = result
        return result

    def word_concepts(self, word: str) -> tuple[tuple[str, float], ...]:
        """(concept term, confidence) of one lower-cased word, cached."""
        known = self._word_concepts.get(word)
        if known is not None:
            return known
        result: tuple[tuple[str, float], ...] = ()
        if self.use_concepts and len(word) > 2 and word not in self.stop:
            result = tuple(
                (f"{_CONCEPT}{c.facet}:{c.code}", c.confidence)
                for c in infer_codes(word, self.vocabulary)
                if c.facet in CONCEPT_FACETS
            )
        if len(self._word_concepts) < 500_000:
            self._word_concepts[word] = result
        return result

    def concept_label(self, term: str) -> str:
        facet, code = term[len(_CONCEPT) :].split(":", 1)
        return self.vocabulary.label(facet, code).casefold()


@cache
def shared_analyser(vocabulary: Vocabulary, *, concepts: bool = True) -> _Analyser:
    """One analyser per vocabulary (its word caches are what makes analysing fast)."""
    return _Analyser(vocabulary, concepts=concepts)


@cache
def analyser_version() -> str:
    """The version of the stored terms and inferred codes: ``ANALYSER_VERSION`` with a digest
    of the lexicon, the stop words and the vocabulary they are read with."""
    digest = hashlib.sha256(ANALYSER_VERSION.encode())
    for name in (LEXICON_FILE, "vocabulary.json", "stopwords_da.txt"):
        digest.update(resources.files("mapper_data").joinpath(name).read_bytes())
    # The least confidence of a stored inferred code the matcher uses (its bits).
    inference = read_data_json("matching.json").get("inference") or {}
    digest.update(repr(inference.get("min_confidence")).encode())
    return f"{ANALYSER_VERSION}-{digest.hexdigest()[:12]}"


def _actor_fields(actor: Actor) -> dict[str, list[str]]:
    p = actor.profile
    return {
        "name": [actor.name],
        "we_are": [p.we_are or ""],
        "best_at": [p.best_at or ""],
        "role_towards_target_group": [p.role_towards_target_group or ""],
        "success_examples": list(p.success_examples),
        "attractive_partner_because": [p.attractive_partner_because or ""],
        "resources": [r.description or "" for r in actor.resources_offered],
        "seeking": [actor.seeking.description or ""],
    }


def actor_terms(
    analyser: _Analyser, actor: Actor, inference: ActorInference | None = None
) -> dict[str, float]:
    """One actor's document: term → BM25 impact (the saturated, field-weighted and
    length-normalised term frequency), words, compound parts and concepts alike. Field lengths
    are normalised by fixed pivots (``AVERAGE_FIELD_WORDS``), so one actor's terms never depend
    on the others' and can be stored with the actor (mapper.persistence.repositories.analysis).

    ``inference`` (``infer_actor_codes``), when the caller has it, gives the phrase concepts
    instead of reading the name and purpose sentence again."""
    texts = _actor_fields(actor)
    tf: dict[str, float] = {}
    found_concepts: dict[str, float] = {}
    for name, weight in ACTOR_FIELDS.items():
        field_texts = [t for t in texts[name] if t]
        if not field_texts:
            continue
        b = _FIELD_B.get(name, _DEFAULT_B)
        length = sum(t.count(" ") + 1 for t in field_texts)
        factor = weight / (1.0 - b + b * length / AVERAGE_FIELD_WORDS[name])
        words: Counter[str] = Counter()
        for text in field_texts:
            words.update(analyser.words(text))
        for word, count in words.items():
            for term, part, _ in analyser.word_terms(word):
                tf[term] = tf.get(term, 0.0) + factor * part * count
        if name in CONCEPT_FIELDS:
            # Concepts of single words and compounds ("sorggruppe"), each counted once.
            for word in words:
                for term, confidence in analyser.word_concepts(word):
                    if confidence > found_concepts.get(term, 0.0):
                        found_concepts[term] = confidence
    if analyser.use_concepts:
        # Phrases ("mistet en forælder") from the purpose sentence, or the caller's reading.
        if inference is not None:
            found: Iterable[tuple[str, float]] = [
                (f"{_CONCEPT}{c.facet}:{c.code}", c.confidence)
                for c in inference.codes
                if c.facet in CONCEPT_FACETS
            ]
        else:
            found = [
                hit
                for f in PHRASE_FIELDS
                for text in texts[f]
                if text
                for sentence in _SENTENCE_END.split(text)
                for hit in analyser.concepts(sentence)
            ]
        for term, confidence in found:
            if confidence > found_concepts.get(term, 0.0):
                found_concepts[term] = confidence
    for term, confidence in found_concepts.items():
        tf[term] = confidence * CONCEPT_WEIGHT
    return {
        term: value * (K1 + 1.0) / (value + K1)
        for term, value in tf.items()
        if len(term) <= MAX_TERM_LENGTH
    }


Postings = tuple[np.ndarray, np.ndarray]
"""(rows, impacts) of one term: the documents holding it and its BM25 impact in each."""


def score_query(
    query: Mapping[str, tuple[float, str]],
    postings: Mapping[str, Postings],
    size: int,
    position: Mapping[str, int],
    actor_ids: list[str],
    too_common: Collection[str] = (),
) -> TextScores:
    """BM25 relevance of ``size`` documents (rows) for a query (``query_terms``), from the
    postings of the query's terms (a term missing from ``postings`` is held by no document).
    Shared by the in-memory ``TextIndex`` and the matcher's stored terms, so both give the
    same numbers. Terms in ``too_common`` are known to be held by more than
    ``MAX_DOCUMENT_SHARE`` of the documents without their postings."""
    terms: list[tuple[float, str, str]] = []
    ideal = 0.0
    for term, (weight, shown) in query.items():
        if term in too_common:
            continue
        held = postings.get(term)
        df = 0 if held is None else len(held[0])
        if df == 0:
            # A term no actor has still belongs to what the problem asks for.
            ideal += weight * math.log(1.0 + (size + 0.5) / 0.5)
            continue
        if size >= 50 and df > MAX_DOCUMENT_SHARE * size:
            continue
        idf = math.log(1.0 + (size - df + 0.5) / (df + 0.5))
        ideal += weight * idf
        terms.append((weight * idf, term, shown))
    if not terms or ideal <= 0.0 or size == 0:
        empty = np.zeros(size, dtype=np.float64)
        # Terms no actor holds still count: every actor then shares nothing (0.0).
        return TextScores(
            position, actor_ids, empty, empty.astype(np.int64), (), counted=ideal > 0.0
        )
    terms.sort(key=lambda q: (-q[0], q[1]))
    total = np.zeros(size, dtype=np.float64)
    mask = np.zeros(size, dtype=np.int64)
    for bit, (factor, term, _) in enumerate(terms):
        rows, impact = postings[term]
        np.add.at(total, rows, factor * impact)
        if bit < 62:
            mask[rows] |= 1 << bit
    return TextScores(
        position,
        actor_ids,
        np.minimum(total / ideal, 1.0),
        mask,
        tuple(shown for _, _, shown in terms[:62]),
    )


def query_terms(analyser: _Analyser, problem: ProblemStatement) -> dict[str, tuple[float, str]]:
    """The problem's terms: term → (query weight, whole word or label to show)."""
    vocabulary = analyser.vocabulary
    labels = [vocabulary.label("target_groups", code) for code in problem.target_groups]
    texts = {
        "title": [problem.title],
        "description": [problem.description or ""],
        "seeking": [problem.seeking.description or ""],
        "target_groups": labels,
    }
    weight: dict[str, float] = {}
    shown: dict[str, str] = {}
    for name, field_texts in texts.items():
        field_weight = PROBLEM_FIELDS[name]
        for text in field_texts:
            if not text:
                continue
            words = analyser.words(text)
            # A target group's label is one concept: its words share the field's weight.
            per_word = field_weight
            if name == "target_groups":
                per_word = field_weight / max(1, len([w for w in words if w not in analyser.stop]))
            for word in words:
                for term, part_weight, whole in analyser.word_terms(word):
                    weight[term] = weight.get(term, 0.0) + per_word * part_weight
                    shown.setdefault(term, whole)
            concepts = dict(analyser.concepts(text))
            for word in set(words):
                for term, confidence in analyser.word_concepts(word):
                    concepts[term] = max(concepts.get(term, 0.0), confidence)
            for term, confidence in concepts.items():
                facet = term[len(_CONCEPT) :].split(":", 1)[0]
                weight[term] = (
                    weight.get(term, 0.0) + field_weight * confidence * FACET_WEIGHTS[facet]
                )
    if analyser.use_concepts:
        for code in problem.target_groups:
            term = f"{_CONCEPT}target_groups:{code}"
            weight[term] = weight.get(term, 0.0) + PROBLEM_FIELDS["target_groups"]
    for term in weight:
        if term.startswith(_CONCEPT):
            shown[term] = analyser.concept_label(term)
    return {t: (min(w, MAX_QUERY_WEIGHT), shown[t]) for t, w in weight.items()}


class TextIndex:
    """BM25F index of the actors' texts in memory; build once per landscape, reuse for every
    problem (the matcher keeps the same terms in the database instead)."""

    def __init__(
        self,
        analyser: _Analyser,
        actor_ids: list[str],
        postings: dict[str, Postings],
        has_text: np.ndarray,
    ) -> None:
        self._analyser = analyser
        self.actor_ids = actor_ids
        self._position = {a: i for i, a in enumerate(actor_ids)}
        self._postings = postings
        self._has_text = has_text

    # ---------------------------------------------------------------- building
    @classmethod
    def build(
        cls,
        actors: Iterable[Actor],
        vocabulary: Vocabulary,
        *,
        inferences: Mapping[str, ActorInference] | None = None,
        concepts: bool = True,
    ) -> TextIndex:
        """Index the actors' texts (see the module docstring for fields and weights).

        ``inferences`` (actor id → ``infer_actor_codes``), when the caller has them already,
        give the concept terms instead of reading the texts again (most of the build time);
        they hold only the codes an actor has not declared. ``concepts=False`` leaves the
        lexicon's concepts out (words and compound parts only; for evaluation)."""
        analyser = shared_analyser(vocabulary, concepts=concepts)
        actor_list = list(actors)
        actor_ids = [a.id for a in actor_list]
        if len(set(actor_ids)) != len(actor_ids):
            seen: dict[str, int] = {}
            for number, actor_id in enumerate(actor_ids, start=1):
                if actor_id in seen:
                    raise ValueError(
                        f"actor id {actor_id!r} appears twice (actors {seen[actor_id]} and "
                        f"{number} of the list): the text index needs one record per actor"
                    )
                seen[actor_id] = number
        terms = (
            actor_terms(
                analyser, actor, inferences.get(actor.id) if inferences is not None else None
            )
            for actor in actor_list
        )
        return cls.from_terms(actor_ids, terms, vocabulary, concepts=concepts)

    @classmethod
    def from_terms(
        cls,
        actor_ids: list[str],
        terms_of: Iterable[Mapping[str, float]],
        vocabulary: Vocabulary,
        *,
        concepts: bool = True,
    ) -> TextIndex:
        """An index of documents already analysed (``actor_terms`` of each actor, in order)."""
        docs: dict[str, array[int]] = {}
        impacts: dict[str, array[float]] = {}
        has_text = np.zeros(len(actor_ids), dtype=bool)
        for row, terms in enumerate(terms_of):
            if terms:
                has_text[row] = True
            for term, impact in terms.items():
                held = docs.get(term)
                if held is None:
                    held = docs[term] = array("i")
                    impacts[term] = array("d")
                held.append(row)
                impacts[term].append(impact)
        postings = {
            term: (np.frombuffer(d, dtype=np.int32).copy(), np.frombuffer(impacts[term]).copy())
            for term, d in docs.items()
        }
        return cls(shared_analyser(vocabulary, concepts=concepts), actor_ids, postings, has_text)

    # ---------------------------------------------------------------- querying
    def has_text(self, actor_id: str) -> bool:
        """True when the actor has any text the index reads (else its relevance is unknown)."""
        position = self._position.get(actor_id)
        return bool(position is not None and self._has_text[position])

    def query_terms(self, problem: ProblemStatement) -> dict[str, tuple[float, str]]:
        """The problem's terms: term → (query weight, whole word or label to show)."""
        return query_terms(self._analyser, problem)

    def scores(
        self, problem: ProblemStatement, actor_ids: Iterable[str] | None = None
    ) -> TextScores:
        """Text relevance of the actors (all, or ``actor_ids``) for the problem. Actors that
        share no counted term with the problem are left out (their score is 0.0)."""
        result = score_query(
            self.query_terms(problem),
            self._postings,
            len(self.actor_ids),
            self._position,
            self.actor_ids,
        )
        result.with_text_flags(self._has_text)
        if actor_ids is not None:
            wanted = np.zeros(len(self.actor_ids), dtype=bool)
            wanted[[self._position[a] for a in actor_ids if a in self._position]] = True
            result.keep_only(wanted)
        return result


class TextScores(Mapping[str, TextMatch]):
    """The actors that share counted terms with a problem → their ``TextMatch``, made when
    asked for (a ranking of 100,000 actors reads only the candidates it keeps)."""

    def __init__(
        self,
        position: Mapping[str, int],
        actor_ids: list[str],
        score: np.ndarray,
        mask: np.ndarray,
        shown: tuple[str, ...],
        has_text: np.ndarray | None = None,
        *,
        counted: bool | None = None,
    ) -> None:
        self._position = position
        self._has_text = has_text
        self.counted = bool(shown) if counted is None else counted
        """Whether any of the problem's terms counts (else every score is 0.0 and says
        nothing)."""
        self._actor_ids = actor_ids
        self._score = score
        self._mask = mask
        self._shown = shown
        self._hits: np.ndarray | None = None
        self._words: dict[int, tuple[str, ...]] = {}

    @property
    def vector(self) -> np.ndarray:
        """The score of every row (0.0 where nothing is shared), in the index's row order."""
        return self._score

    def with_text_flags(self, has_text: np.ndarray) -> TextScores:
        """The same scores, knowing which rows have any text at all (``known``)."""
        self._has_text = has_text
        return self

    def known(self, actor_id: str) -> bool:
        """Whether the actor has any text to judge (else its relevance is unknown)."""
        position = self._position.get(actor_id)
        if position is None:
            return False
        return self._has_text is None or bool(self._has_text[position])

    @property
    def text_flags(self) -> np.ndarray | None:
        return self._has_text

    def keep_only(self, wanted: np.ndarray) -> None:
        """Leave out every row not in ``wanted`` (their score becomes 0.0)."""
        self._score = np.where(wanted, self._score, 0.0)
        self._hits = None

    def concepts_of(self, actor_id: str) -> tuple[str, ...]:
        """The matched words and concept labels of one actor, most telling first."""
        position = self._position.get(actor_id)
        return () if position is None else self._concepts(int(self._mask[position]))

    def _hit_positions(self) -> np.ndarray:
        if self._hits is None:
            self._hits = np.flatnonzero(self._score > 0.0)
        return self._hits

    def __getitem__(self, actor_id: str) -> TextMatch:
        position = self._position.get(actor_id)
        if position is None:
            raise KeyError(actor_id)
        value = float(self._score[position])
        if value <= 0.0:
            raise KeyError(actor_id)
        return TextMatch(round(value, 4), self._concepts(int(self._mask[position])))

    def _concepts(self, bits: int) -> tuple[str, ...]:
        words = self._words.get(bits)
        if words is None:
            chosen: list[str] = []
            for bit, shown in enumerate(self._shown):
                if bits >> bit & 1 and shown not in chosen:
                    chosen.append(shown)
                    if len(chosen) == SHOWN_CONCEPTS:
                        break
            words = self._words[bits] = tuple(chosen)
        return words

    def __iter__(self) -> Iterator[str]:
        ids = self._actor_ids
        return (ids[p] for p in self._hit_positions().tolist())

    def __len__(self) -> int:
        return len(self._hit_positions())

    def __contains__(self, actor_id: object) -> bool:
        position = self._position.get(actor_id) if isinstance(actor_id, str) else None
        return position is not None and bool(self._score[position] > 0.0)

    def score(self, actor_id: str) -> float:
        """The actor's score, 0.0 when it shares nothing with the problem (or is unknown)."""
        position = self._position.get(actor_id)
        return 0.0 if position is None else float(self._score[position])
