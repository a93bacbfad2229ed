"""Codes inferred from Danish text (udledte koder): what a purpose sentence or profile is about.

Most actors arrive from association lists with a name and one purpose sentence and no codes.
This module reads such texts with a Danish lexicon (``data/lexicon_da.json`` plus the labels
and synonyms of ``data/vocabulary.json``, read at run time) and says which target groups,
resource kinds, roles and life phases the text speaks of, how sure it is, and which words
triggered each code. It is pure: no database, no Qt; compiled structures are cached per
vocabulary, so 100,000 purpose sentences take a few seconds (``bench/bench_lexicon.py``).

API for the matcher and the editors:

- ``infer_codes(text, vocabulary, *, min_confidence=0.25) -> list[InferredCode]`` — codes a
  text speaks of, most confident first. ``InferredCode(facet, code, confidence, evidence)``:
  ``facet`` is a vocabulary facet ("target_groups", "resource_kinds", "roles",
  "life_phases"), ``confidence`` in 0-1 (several independent hits combine as a noisy-or),
  ``evidence`` the words of the text that triggered it, as written ("sorggruppe",
  "mistet en forælder"), for "udledt af teksten: …".
- ``infer_actor_codes(actor, vocabulary) -> ActorInference`` — codes read from the actor's name
  and profile texts (``codes``) and from its "Vi søger …" text (``sought``), each WITHOUT the
  codes the actor has declared in that place. ``ActorInference.codes_for(facet)`` gives one
  facet's inferred codes; ``confidence(facet, code)`` a single figure (0.0 when not inferred).
  The text of what the actor is *worst at* is not read (it says what the actor does not do).
- ``stem(word)``, ``split_compound(word, vocabulary)`` — the Danish Snowball stem (PyStemmer)
  and the parts of a compound against the lexicon's and vocabulary's words
  ("lektiehjælpscafé" → ("lektie", "hjælp", "café"); linking -s-/-e- dropped).

Rules: phrases are matched on stems, in order, with up to ``phrase_gap`` other words between
them ("børn, der har mistet en forælder" matches "mistet en forælder"); a longer phrase hides
the shorter ones inside it within the same facet ("unge uden uddannelse" is not "uddannelse");
a word not in the lexicon is split into known parts (or a known first part and any head);
a negator ("ikke", "ingen", "hverken" …) switches off every hit after it up to a comma, the end
of the clause or eight words, so "ikke for børn" infers nothing about children ("ikke kun for
børn" still does); a stop word alone never triggers ("dem" is not "demens").
``compile_lexicon(raw, vocabulary)`` checks a lexicon document and names the group and phrase
of a code the vocabulary lacks, a weight outside (0, 1] or a phrase without words.
Inferred codes are suggestions and evidence for ranking; they are never stored as declared codes.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

import Stemmer

from mapper.domain.model import Actor
from mapper.domain.text import _stopwords
from mapper.domain.vocabulary import Vocabulary, read_data_json

LEXICON_FILE = "lexicon_da.json"

# Words: letters (Danish included), digits, inner hyphens and plus signs ("it-hjælp", "65+").
_TOKEN = re.compile(r"[^\W_]+(?:[-+][^\W_]+)*\+?|[.,;:!?()]")
_BREAK_PUNCTUATION = frozenset(".;:!?()")
# The vocabulary facets a lexicon may speak of.
_FACETS = ("target_groups", "resource_kinds", "roles", "life_phases")
# Kinds of token.
_WORD, _NEGATOR, _NOT_ONLY_WORD, _BREAK, _COMMA, _OTHER = range(6)
# Accents other than æ ø å are folded ("café" and "cafe" are one word).
_ACCENTS = str.maketrans({"é": "e", "è": "e", "ü": "u", "ö": "ø", "ä": "æ", "á": "a"})

# After a negator these make "not only" ("ikke kun", "ikke blot"), which denies nothing.
_NOT_ONLY = frozenset({"kun", "blot", "bare", "alene", "mindst"})

_STEMMER = Stemmer.Stemmer("danish")
_STEM_CACHE: dict[str, str] = {}


@dataclass(frozen=True)
class InferredCode:
    """A code a text speaks of, with how sure the lexicon is and the words that said it."""

    facet: str
    code: str
    confidence: float
    evidence: tuple[str, ...]


@dataclass(frozen=True)
class ActorInference:
    """Codes inferred from one actor's texts that the actor has not declared."""

    actor_id: str
    codes: tuple[InferredCode, ...] = ()
    """From the name and profile texts: whom the actor works with, what it offers, its roles."""
    sought: tuple[InferredCode, ...] = ()
    """From the 'Vi søger …' text: what the actor seeks in partners."""

    def codes_for(self, facet: str, *, sought: bool = False) -> tuple[InferredCode, ...]:
        return tuple(c for c in (self.sought if sought else self.codes) if c.facet == facet)

    def confidence(self, facet: str, code: str, *, sought: bool = False) -> float:
        for c in self.sought if sought else self.codes:
            if c.facet == facet and c.code == code:
                return c.confidence
        return 0.0

    @property
    def is_empty(self) -> bool:
        return not (self.codes or self.sought)


def _fold(text: str) -> str:
    folded = text.casefold().translate(_ACCENTS)
    if not folded.isascii() and any(unicodedata.combining(c) for c in folded):
        folded = unicodedata.normalize("NFC", folded)
    return folded


def stem(word: str) -> str:
    """The Danish Snowball stem of one word (lower-cased, accents other than æøå folded)."""
    cached = _STEM_CACHE.get(word)
    if cached is None:
        cached = _STEMMER.stemWord(_fold(word))
        if len(_STEM_CACHE) < 500_000:
            _STEM_CACHE[word] = cached
    return cached


@dataclass(frozen=True)
class _Entry:
    facet: str
    code: str
    weight: float


@dataclass(frozen=True)
class _Phrase:
    key: tuple[str, ...]  # stems of the content words, in order
    entries: tuple[_Entry, ...]
    rest: frozenset[str]  # key[1:], to skip phrases whose words are not all in a text


@dataclass(frozen=True)
class _WordHit:
    """One word's own hits: a lexicon word, or known parts of a compound."""

    entries: tuple[_Entry, ...]
    discount: float


class _Compiled:
    """The lexicon compiled for one vocabulary: stem look-ups, phrase index, compound parts."""

    def __init__(self, raw: dict[str, Any], vocabulary: Vocabulary, stopwords: frozenset[str]):
        self.stopwords = stopwords
        self.negators = frozenset(_fold(w) for w in raw.get("negators", ()))
        self.breaks = frozenset(_fold(w) for w in raw.get("clause_breaks", ()))
        self.window = int(raw.get("negation_window", 8))
        self.gap = int(raw.get("phrase_gap", 2))
        self.linking = tuple(raw.get("linking_letters", ("s", "e")))
        self.min_part = int(raw.get("min_part_length", 3))
        self.no_split = tuple(_fold(w) for w in raw.get("no_split", ()))
        self.min_head = int(raw.get("min_unknown_head_length", 7))
        weights: dict[tuple[str, str, str], float] = {}

        def add(phrase: str, facet: str, code: str, weight: float) -> None:
            key = (phrase.strip(), facet, code)
            weights[key] = max(weight, weights.get(key, 0.0))

        spec = raw.get("vocabulary", {})
        for facet in spec.get("facets", ()):
            if facet not in _FACETS:
                raise ValueError(f"{LEXICON_FILE}, vocabulary: {facet!r} is not one of {_FACETS}")
            for term in vocabulary.terms(facet):
                label = re.sub(r"\(.*?\)", " ", term.da)
                add(label, facet, term.code, float(spec.get("label_weight", 0.85)))
                for synonym in term.synonyms:
                    add(synonym, facet, term.code, float(spec.get("synonym_weight", 0.75)))
        for override in raw.get("vocabulary_overrides", ()):
            key = (override["phrase"], override["facet"], override["code"])
            if key[1] not in _FACETS or key[2] not in vocabulary.codes(key[1]):
                raise ValueError(f"{LEXICON_FILE}, vocabulary_overrides: {key} is not a code")
            weights[key] = float(override["weight"])
        for number, group in enumerate(raw.get("groups", ()), start=1):
            where = f"{LEXICON_FILE}, group {number} ({group.get('facet')}/{group.get('code')})"
            facet, code, weight = group.get("facet"), group.get("code"), group.get("weight")
            if facet not in _FACETS or code not in vocabulary.codes(facet):
                raise ValueError(f"{where}: not a code of the vocabulary's {_FACETS} facets")
            if not isinstance(weight, int | float) or not 0 < weight <= 1:
                raise ValueError(f"{where}: weight {weight!r} is not a number in (0, 1]")
            for phrase in group.get("phrases", ()):
                if not isinstance(phrase, str) or not _words(phrase.lstrip("=")):
                    raise ValueError(f"{where}: phrase {phrase!r} has no words")
                add(phrase, facet, code, float(weight))

        single: dict[str, list[_Entry]] = {}
        exact: dict[str, list[_Entry]] = {}
        multi: dict[tuple[str, ...], list[_Entry]] = {}
        parts: set[str] = set()
        for (phrase, facet, code), weight in weights.items():
            if weight <= 0:
                continue
            entry = _Entry(facet, code, min(weight, 1.0))
            if phrase.startswith("="):
                exact.setdefault(_fold(phrase[1:]), []).append(entry)
                continue
            # Stop words are left out of a phrase ("børn i sorg" is børn … sorg) unless that
            # would leave one word of several ("Alle borgere" is not "borgere").
            written = _words(phrase)
            words = [w for w in written if w not in stopwords]
            if len(words) < 2 <= len(written):
                words = written
            if not words:
                continue
            if len(words) == 1:
                single.setdefault(stem(words[0]), []).append(entry)
                parts.add(_fold(words[0]))
            else:
                multi.setdefault(tuple(stem(w) for w in words), []).append(entry)
            for w in words:
                parts.add(_fold(w))
        for word in raw.get("compound_parts", ()):
            parts.add(_fold(word))
        self.single = {k: tuple(v) for k, v in single.items()}
        self.exact = {k: tuple(v) for k, v in exact.items()}
        self.phrases: dict[str, list[_Phrase]] = {}
        for stems, entries in multi.items():
            self.phrases.setdefault(stems[0], []).append(
                _Phrase(stems, tuple(entries), frozenset(stems[1:]))
            )
        for candidates in self.phrases.values():
            candidates.sort(key=lambda p: -len(p.key))
        self.parts = frozenset(p for p in parts if len(p) >= self.min_part and p not in stopwords)
        self.part_stems = frozenset(stem(p) for p in self.parts)
        self.known_stems = frozenset(self.single) | frozenset(s for k in multi for s in k)
        self._words: dict[str, tuple[str, str, _WordHit | None]] = {}
        self._tokens: dict[str, tuple[int, str, str, _WordHit | None]] = {}

    def token(self, written: str) -> tuple[int, str, str, _WordHit | None]:
        """(kind, stem, head stem, own hit) of one token as written, cached."""
        known = self._tokens.get(written)
        if known is not None:
            return known
        if written.isdigit():
            # Numbers say nothing and are many ("nr. 4711"): not cached.
            return (_WORD, written, written, None)
        folded = _fold(written)
        info: tuple[int, str, str, _WordHit | None]
        if not folded[0].isalnum():
            kind = _COMMA if folded == "," else _BREAK if folded in _BREAK_PUNCTUATION else _OTHER
            info = (kind, "", "", None)
        elif folded in self.negators:
            info = (_NEGATOR, "", "", None)
        elif folded in self.breaks:
            info = (_BREAK, "", "", None)
        else:
            kind = _NOT_ONLY_WORD if folded in _NOT_ONLY else _WORD
            word_stem, head, hit = self.word(folded)
            if folded in self.stopwords:
                # "dem" is not "demens", "for" not "for alle": a stop word alone says nothing.
                hit = None
            info = (kind, word_stem, head, hit)
        if len(self._tokens) < 300_000:
            self._tokens[written] = info
        return info

    # -- one word ------------------------------------------------------------------------
    def word(self, word: str) -> tuple[str, str, _WordHit | None]:
        """(stem, head stem, own hit) of one lower-cased word, cached."""
        known = self._words.get(word)
        if known is not None:
            return known
        word_stem = stem(word)
        head = word_stem
        hit: _WordHit | None = None
        exact = self.exact.get(word)
        entries = self.single.get(word_stem)
        if exact or entries:
            hit = _WordHit((*(exact or ()), *(entries or ())), 1.0)
        elif (
            word_stem not in self.known_stems
            and "-" not in word
            and not word.startswith(self.no_split)
        ):
            pieces = self.split(word)
            if len(pieces) > 1:
                head = stem(pieces[-1])
                hit = self._compound_hit(pieces, known_head=self._is_part(pieces[-1], last=True))
        elif "-" in word:
            pieces = tuple(p for p in word.split("-") if p)
            head = stem(pieces[-1]) if pieces else word_stem
            found = [e for p in pieces for e in self.single.get(stem(p), ())]
            hit = _WordHit(tuple(found), 0.9) if found else None
        result = (word_stem, head, hit)
        if len(self._words) < 300_000:
            self._words[word] = result
        return result

    def _compound_hit(self, pieces: tuple[str, ...], *, known_head: bool) -> _WordHit | None:
        # Longest runs of parts first: lektie+hjælp is "lektiehjælp" before "lektie", "hjælp".
        found: list[_Entry] = []
        used = [False] * len(pieces)
        for size in range(len(pieces), 0, -1):
            for start in range(len(pieces) - size + 1):
                if any(used[start : start + size]):
                    continue
                joined = "".join(pieces[start : start + size])
                entries = self.single.get(stem(joined))
                if entries:
                    found.extend(entries)
                    for i in range(start, start + size):
                        used[i] = True
        # A head the lexicon does not know makes the reading less sure.
        return _WordHit(tuple(found), 0.85 if known_head else 0.7) if found else None

    @lru_cache(maxsize=65_536)  # noqa: B019 - one compiled lexicon per vocabulary, kept for good
    def split(self, word: str) -> tuple[str, ...]:
        """Parts of a compound, finest split of known parts; (word,) if it does not split."""
        folded = _fold(word)
        coarse = self._split(folded, allow_unknown_head=True)
        if coarse is None:
            return (folded,)
        finer: list[str] = []
        for piece in coarse:
            inner = self._split(piece, allow_unknown_head=False) if len(piece) > 5 else None
            finer.extend(inner if inner and len(inner) > 1 else (piece,))
        # The parts as written ("café", not the folded "cafe") where folding kept the length.
        written = word.casefold()
        if len(written) != len(folded):
            return tuple(finer)
        parts: list[str] = []
        at = 0
        for piece in finer:
            at = folded.index(piece, at)
            parts.append(written[at : at + len(piece)])
            at += len(piece)
        return tuple(parts)

    def _is_part(self, piece: str, *, last: bool) -> bool:
        # Only the last piece may be inflected ("sorggrupperne"); inner pieces are written
        # as in the lexicon, or "sorggruppe" would split as "sorgg" + "ruppe".
        if piece in self.parts:
            return True
        return last and len(piece) > self.min_part and stem(piece) in self.part_stems

    def _split(self, word: str, *, allow_unknown_head: bool) -> tuple[str, ...] | None:
        # Fewest known pieces covering the word, each piece optionally followed by a linking
        # letter; with allow_unknown_head the last piece may be any word of
        # min_unknown_head_length+ letters after a known first part of 4+ letters
        # ("sorgbearbejdning" → sorg + bearbejdning).
        n = len(word)
        best: list[tuple[str, ...] | None] = [None] * (n + 1)
        best[0] = ()
        for start in range(n):
            so_far = best[start]
            if so_far is None:
                continue
            for end in range(start + self.min_part, n + 1):
                piece = word[start:end]
                if end - start == n or not self._is_part(piece, last=end == n):
                    continue
                for stop in (
                    end,
                    *(end + len(k) for k in self.linking if word[end:].startswith(k)),
                ):
                    if stop > n or (stop == n and stop != end):
                        continue
                    candidate = (*so_far, piece)
                    current = best[stop]
                    if current is None or len(candidate) < len(current):
                        best[stop] = candidate
        whole = best[n]
        if whole is not None and len(whole) > 1:
            return whole
        if allow_unknown_head:
            for start in range(n - self.min_head, 3, -1):
                head_start = best[start]
                if head_start and len("".join(head_start)) >= 4 and word[start:].isalpha():
                    return (*head_start, word[start:])
        return None


def _words(text: str) -> list[str]:
    return [t for t in _TOKEN.findall(_fold(text)) if t[0].isalnum()]


def compile_lexicon(raw: dict[str, Any], vocabulary: Vocabulary) -> _Compiled:
    """Check and compile a lexicon document (the shape of data/lexicon_da.json); ValueError
    naming the group and phrase for a facet or code the vocabulary does not have, a weight
    outside (0, 1] or a phrase without words."""
    return _Compiled(raw, vocabulary, _stopwords())


@cache
def _compiled(vocabulary: Vocabulary) -> _Compiled:
    # The project's one Danish stop-word list (data/stopwords_da.txt).
    return _Compiled(read_data_json(LEXICON_FILE), vocabulary, _stopwords())


def split_compound(word: str, vocabulary: Vocabulary) -> tuple[str, ...]:
    """The parts of a Danish compound against the lexicon's and vocabulary's words."""
    return _compiled(vocabulary).split(word)


_ANALYSED: dict[tuple[int, str], dict[tuple[str, str], tuple[float, list[str]]]] = {}
_ANALYSED_LIMIT = 50_000


def _analysed(text: str, lex: _Compiled) -> dict[tuple[str, str], tuple[float, list[str]]]:
    """``_analyse``, remembered per text: profile texts repeat across a register ("Vi
    arbejder især med …", a chain's member associations); the result is only read."""
    key = (id(lex), text)
    found = _ANALYSED.get(key)
    if found is None:
        found = _analyse(text, lex)
        if len(_ANALYSED) >= _ANALYSED_LIMIT:
            _ANALYSED.clear()
        _ANALYSED[key] = found
    return found


def _analyse(text: str, lex: _Compiled) -> dict[tuple[str, str], tuple[float, list[str]]]:
    tokens = _TOKEN.findall(text)
    # Words with their clause number and whether a negator governs them.
    words: list[str] = []
    stems: list[str] = []
    heads: list[str] = []
    hits: list[_WordHit | None] = []
    clause: list[int] = []
    negated: list[bool] = []
    clause_no = 0
    negate_left = 0
    window = lex.window
    token_info = lex.token
    for written in tokens:
        kind, word_stem, head, hit = token_info(written)
        if kind == _WORD:
            words.append(written)
            stems.append(word_stem)
            heads.append(head)
            hits.append(hit)
            clause.append(clause_no)
            negated.append(negate_left > 0)
            if negate_left:
                negate_left -= 1
        elif kind == _NEGATOR:
            negate_left = window
        elif kind == _NOT_ONLY_WORD and negate_left == window:
            # "ikke kun for børn, men også …" does not deny the children.
            negate_left = 0
        elif kind == _NOT_ONLY_WORD:
            words.append(written)
            stems.append(word_stem)
            heads.append(head)
            hits.append(hit)
            clause.append(clause_no)
            negated.append(negate_left > 0)
            if negate_left:
                negate_left -= 1
        elif kind == _BREAK:
            # A full stop or "men" ends a clause and the scope of a negator.
            clause_no += 1
            negate_left = 0
        elif kind == _COMMA:
            # A comma ends the scope of a negator ("ikke for børn, og …") but not a phrase
            # ("børn, der har mistet en forælder").
            negate_left = 0

    # (facet, code) -> list of (weight, evidence, covered word positions)
    found: list[tuple[_Entry, float, str, frozenset[int]]] = []
    present = {*stems, *heads}
    phrases = lex.phrases
    for i, word_stem in enumerate(stems):
        for phrase in phrases.get(word_stem, ()):
            if not phrase.rest <= present:
                continue
            positions = _match_phrase(phrase.key, i, stems, heads, clause, lex.gap)
            if positions is None or any(negated[p] for p in positions):
                continue
            evidence = " ".join(words[positions[0] : positions[-1] + 1])
            covered = frozenset(positions)
            found.extend((e, 1.0, evidence, covered) for e in phrase.entries)
        hit = hits[i]
        if hit is not None and not negated[i]:
            found.extend((e, hit.discount, words[i], frozenset((i,))) for e in hit.entries)

    # A longer phrase hides shorter hits inside it ("unge uden uddannelse" offers no
    # training); life phases only hide life phases, as every age word says one.
    found.sort(key=lambda f: -len(f[3]))
    taken: dict[bool, set[int]] = {}
    result: dict[tuple[str, str], tuple[float, list[str]]] = {}
    claimed: set[tuple[bool, frozenset[int]]] = set()
    for entry, discount, evidence, covered in found:
        space = entry.facet == "life_phases"
        space_taken = taken.setdefault(space, set())
        if space_taken & covered and (space, covered) not in claimed:
            continue
        claimed.add((space, covered))
        space_taken |= covered
        key = (entry.facet, entry.code)
        weight = entry.weight * discount
        previous, quotes = result.get(key, (0.0, []))
        if evidence in quotes:
            # The same words twice are one piece of evidence.
            weight = 0.0
        else:
            quotes.append(evidence)
        result[key] = (1.0 - (1.0 - previous) * (1.0 - weight), quotes)
    return result


def _match_phrase(
    key: tuple[str, ...],
    start: int,
    stems: Sequence[str],
    heads: Sequence[str],
    clause: Sequence[int],
    gap: int,
) -> list[int] | None:
    positions = [start]
    at = start
    for part in key[1:]:
        found = None
        for nxt in range(at + 1, min(at + 2 + gap, len(stems))):
            if clause[nxt] != clause[start]:
                break
            if stems[nxt] == part or heads[nxt] == part:
                found = nxt
                break
        if found is None:
            return None
        positions.append(found)
        at = found
    return positions


def infer_codes(
    text: str, vocabulary: Vocabulary, *, min_confidence: float = 0.25
) -> list[InferredCode]:
    """The codes a Danish text speaks of, most confident first (see the module docstring)."""
    if not text or not text.strip():
        return []
    return _to_codes(_analyse(text, _compiled(vocabulary)), min_confidence)


def _to_codes(
    result: dict[tuple[str, str], tuple[float, list[str]]], min_confidence: float
) -> list[InferredCode]:
    codes = [
        InferredCode(facet, code, round(min(confidence, 0.99), 3), tuple(quotes))
        for (facet, code), (confidence, quotes) in result.items()
        if confidence >= min_confidence
    ]
    codes.sort(key=lambda c: (-c.confidence, c.facet, c.code))
    return codes


def _merge(
    texts: Iterable[str | None], lex: _Compiled
) -> dict[tuple[str, str], tuple[float, list[str]]]:
    merged: dict[tuple[str, str], tuple[float, list[str]]] = {}
    for text in texts:
        if not text or not text.strip():
            continue
        for key, (confidence, quotes) in _analysed(text, lex).items():
            previous, seen = merged.get(key, (0.0, []))
            new_quotes = [q for q in quotes if q not in seen]
            if not new_quotes:
                continue
            combined = 1.0 - (1.0 - previous) * (1.0 - confidence)
            merged[key] = (combined, seen + new_quotes)
    return merged


def infer_actor_codes(
    actor: Actor, vocabulary: Vocabulary, *, min_confidence: float = 0.25
) -> ActorInference:
    """Codes the actor's texts speak of that the actor has NOT declared (suggestions)."""
    lex = _compiled(vocabulary)
    profile = actor.profile
    own = _merge(
        (
            actor.name,
            profile.we_are,
            profile.best_at,
            *profile.success_examples,
            profile.attractive_partner_because,
            profile.role_towards_target_group,
        ),
        lex,
    )
    declared = {
        "target_groups": set(actor.target_groups),
        "resource_kinds": {r.kind for r in actor.resources_offered},
        "roles": set(actor.roles),
        "life_phases": {p for t in actor.target_groups if (p := vocabulary.life_phase(t))},
    }
    sought = _merge((actor.seeking.description,), lex)
    declared_sought = {
        "target_groups": set(actor.seeking.target_groups),
        "resource_kinds": set(actor.seeking.resources),
        "roles": set(actor.seeking.roles),
    }
    return ActorInference(
        actor_id=actor.id,
        codes=tuple(
            c for c in _to_codes(own, min_confidence) if c.code not in declared.get(c.facet, set())
        ),
        sought=tuple(
            c
            for c in _to_codes(sought, min_confidence)
            if c.code not in declared_sought.get(c.facet, set())
        ),
    )
