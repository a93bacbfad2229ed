"""The matching service: rank partners for problems, problems for actors, actors for actors;
the 360° review and consortium proposals. One unit of work per call; the actor index is built
once and reused until the register changes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import Any

import numpy as np
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mapper.domain.errors import InputProblem, NotFoundError, ValidationError
from mapper.domain.ids import nearest_id
from mapper.domain.model import Actor, ProblemStatement, Resource, Seeking
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.matching.analysis import INFERRED_FACETS, ActorAnalysis, analyse_actor
from mapper.matching.consortium import (
    Consortium,
    ConsortiumMember,
    ConsortiumParams,
    propose_consortium,
)
from mapper.matching.criteria import profile_text
from mapper.matching.gates import gate
from mapper.matching.index import ActorIndex, RegisterColumns, build_index, rank_rows
from mapper.matching.model import (
    GATES,
    Candidate,
    Exclusion,
    ExistingPartner,
    FoundPlace,
    Match,
    MatchSettings,
    ProblemContext,
    Ranking,
)
from mapper.matching.ranking import (
    MAX_EXCLUSION_EXAMPLES,
    check_matchable,
    rank_candidates,
    ranking_notes,
    score_candidate,
)
from mapper.matching.review import Review, ReviewGroup, ReviewParams, build_review
from mapper.matching.text_relevance import (
    MAX_DOCUMENT_SHARE,
    Postings,
    TextScores,
    analyser_version,
    query_terms,
    score_query,
    shared_analyser,
)
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories import analysis as analysis_rows
from mapper.persistence.repositories import matching as repository
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories import settings as weights_repository
from mapper.persistence.store import ACTORS, PARTNERSHIPS, PROBLEMS, Progress
from mapper.services.geo import GeoService

__all__ = [
    "Consortium",
    "ConsortiumMember",
    "MatchingService",
    "Review",
    "ReviewGroup",
    "problem_context",
    "profile_as_problem",
]
"""The use cases; the review's and consortium's values are re-exported for the interfaces."""

ANALYSIS_CHUNK = 2_000
"""Actors analysed and stored per step of a refresh (progress is reported per step)."""
MAX_CACHED_TERMS = 50_000


class MatchingService:
    def __init__(self, database: Database) -> None:
        self.database = database
        self.geo = GeoService(database)
        """Places problems that have a postcode or town but no coordinates."""
        self._index: ActorIndex | None = None
        self._stamp: tuple[Any, ...] | None = None
        self._postings: dict[str, Postings | None] = {}
        """Term → (index rows, impacts), read from the stored terms while the index stands;
        None for a term too common to count."""
        self._dead: int | None = None
        """Stored analyses of tombstoned actors, counted once per index."""
        self._overlay: dict[int, tuple[int, ActorAnalysis]] = {}
        """Actor key → (version, analysis) made in memory (a read-only database)."""

    # ----------------------------------------------------------------- settings

    def settings_for(
        self, problem_id: str, overrides: Mapping[str, float] | None = None, rotation: bool = False
    ) -> MatchSettings:
        """Default weights, then the problem's saved weights, then ``overrides``."""
        saved = self.saved_weights(problem_id)
        settings = MatchSettings.defaults().with_weights(
            {**saved, **(overrides or {})}, record=f"problem {problem_id}"
        )
        return replace(settings, rotation=rotation)

    def saved_weights(self, problem_id: str) -> dict[str, float]:
        with self.database.unit_of_work() as session:
            return weights_repository.problem_weights(
                session, self._problem_key(session, problem_id)
            )

    def save_weights(self, problem_id: str, weights: Mapping[str, float] | None) -> None:
        """Store the problem's own weights (None: back to the defaults)."""
        if weights:
            # Validates names and values (finite, 0 to MAX_WEIGHT): nothing invalid is stored.
            MatchSettings.defaults().with_weights(weights, record=f"problem {problem_id}")
        with self.database.unit_of_work() as session:
            weights_repository.replace_problem_weights(
                session, self._problem_key(session, problem_id), weights
            )

    # ----------------------------------------------------------------- index

    def index(
        self, session: Session, settings: MatchSettings, progress: Progress | None = None
    ) -> ActorIndex:
        """The actor index, built again when the register changed (after analysing the
        actors whose texts are new or changed: ``progress`` hears of that, the long part)."""
        stamp = self._register_stamp(session)
        if self._index is None or stamp != self._stamp:
            self._refresh_analysis(session, progress)
            self._index = build_index(
                self._with_overlay(repository.register_columns(session, settings))
            )
            self._postings = {}
            self._dead = None
            self._stamp = stamp
        return self._index

    def _register_stamp(self, session: Session) -> tuple[Any, ...]:
        """Changes whenever anything the index holds may have changed."""
        return repository.change_stamp(session)

    def refresh_analysis(self, progress: Progress | None = None) -> int:
        """Analyse the actors whose stored text analysis (terms, inferred codes) is missing
        or stale, as the next ranking would; returns how many were analysed. Long after a
        large import (minutes at 100,000 actors: README, Matching speed), so with progress."""
        with self.database.unit_of_work() as session:
            return self._refresh_analysis(session, progress)

    def _refresh_analysis(self, session: Session, progress: Progress | None = None) -> int:
        version = analyser_version()
        stale = analysis_rows.stale_actor_keys(session, version)
        if self.database.read_only:
            # Nothing can be stored: analyse in memory what is stale, for this session. An
            # actor no longer stale was analysed and stored by a writer since: theirs is newer.
            still = {pk for pk, _ in stale}
            self._overlay = {pk: kept for pk, kept in self._overlay.items() if pk in still}
            stale = [(pk, v) for pk, v in stale if self._overlay.get(pk, (None,))[0] != v]
        if not stale:
            return 0
        vocabulary = load_vocabulary()
        done = 0
        for part in store.chunks(stale, ANALYSIS_CHUNK):
            versions = dict(part)
            actors = store.load_actors(session, list(versions))
            analysed = [
                (pk, versions[pk], analyse_actor(actor, vocabulary)) for pk, actor in actors
            ]
            if self.database.read_only:
                self._overlay.update({pk: (v, a) for pk, v, a in analysed})
            else:
                self._store_analyses(session, analysed, version, vocabulary)
            done += len(part)
            if progress is not None:
                progress(done, len(stale))
        return done

    @staticmethod
    def _store_analyses(
        session: Session,
        analysed: Sequence[tuple[int, int, ActorAnalysis]],
        version: str,
        vocabulary: Vocabulary,
    ) -> None:
        """Store a chunk; when another editor of a shared database stored some of the same
        actors first, store the chunk's actors one by one so that only theirs are kept."""
        least = repository.least_confidence()
        try:
            with session.begin_nested():
                analysis_rows.store_analyses(session, analysed, version, vocabulary, least)
            return
        except IntegrityError:
            pass
        for one in analysed:
            try:
                with session.begin_nested():
                    analysis_rows.store_analyses(session, [one], version, vocabulary, least)
            except IntegrityError:
                continue  # theirs stands (made from the same version of the actor)

    def _with_overlay(self, register: RegisterColumns) -> RegisterColumns:
        """The register with the analyses kept in memory (a read-only database) in place of
        the stored ones."""
        if not self._overlay:
            return register
        vocabulary = load_vocabulary()
        least = repository.least_confidence()
        n = len(register.pks)
        has_text = list(register.has_text or [False] * n)
        bits = {f: list(register.inferred_bits.get(f) or [0] * n) for f in INFERRED_FACETS}
        confidence = {
            f: list(register.inferred_confidence.get(f) or [0.0] * n) for f in INFERRED_FACETS
        }
        declared = (
            {f: list(v) for f, v in register.declared_bits.items()}
            if register.declared_bits is not None
            else None
        )
        position = {pk: i for i, pk in enumerate(register.pks)}
        for pk, (_, analysis) in self._overlay.items():
            i = position.get(pk)
            if i is None:
                continue
            has_text[i] = analysis.has_text
            for facet, (mask, best) in analysis.inferred_bits(vocabulary, least).items():
                bits[facet][i], confidence[facet][i] = mask, best
            if declared is not None:  # the stored bits are an older version's
                for facet, value in analysis.declared.items():
                    declared[facet][i] = value
        return replace(
            register,
            has_text=has_text,
            inferred_bits=bits,
            inferred_confidence=confidence,
            declared_bits=declared,
        )

    def _text(
        self,
        session: Session,
        index: ActorIndex,
        problem: ProblemStatement,
        settings: MatchSettings,
    ) -> TextScores:
        """The problem's text relevance over the index's rows, from the stored terms. Terms
        too common to count are known from their frequency alone; the others' postings are
        read once per register generation."""
        concepts = bool(settings.params.get("inference"))
        query = query_terms(shared_analyser(load_vocabulary(), concepts=concepts), problem)
        if len(self._postings) > MAX_CACHED_TERMS:
            self._postings = {}
        missing = [t for t in query if t not in self._postings]
        if missing:
            self._read_postings(session, index, missing)
        postings: dict[str, Postings] = {
            t: held for t in query if (held := self._postings[t]) is not None
        }
        too_common = {t for t in query if self._postings[t] is None}
        scores = score_query(query, postings, len(index), index.row_of, index.ids, too_common)
        return scores.with_text_flags(index.has_text)

    def _read_postings(self, session: Session, index: ActorIndex, terms: Sequence[str]) -> None:
        """Cache the postings of these terms as index rows (None: the term is in more than
        text_relevance.MAX_DOCUMENT_SHARE of the actors, so it does not count)."""
        size = len(index)
        frequencies = analysis_rows.term_frequencies(session, terms)
        if self._dead is None:
            self._dead = analysis_rows.dead_analyses(session)
        overlay = np.fromiter(self._overlay, np.int64) if self._overlay else None
        for term in terms:
            stored = frequencies.get(term, 0)
            # At most `dead` of the stored ones are tombstoned actors': surely too common?
            if size >= 50 and stored - self._dead > MAX_DOCUMENT_SHARE * size and not self._overlay:
                self._postings[term] = None
                continue
            keys, impacts = (
                analysis_rows.term_postings(session, term)
                if stored
                else (np.zeros(0, np.int64), np.zeros(0))
            )
            rows, impacts = self._rows_of(index, keys, impacts, overlay)
            if self._overlay:
                rows, impacts = self._with_overlay_postings(index, term, rows, impacts)
            self._postings[term] = (rows, impacts)

    @staticmethod
    def _rows_of(
        index: ActorIndex, keys: np.ndarray, impacts: np.ndarray, overlay: np.ndarray | None
    ) -> Postings:
        """Index rows of the live actors among ``keys`` (tombstoned ones are not in the index;
        actors analysed in memory give their own terms instead)."""
        if not len(index) or not len(keys):
            return np.zeros(0, np.int64), np.zeros(0)
        at = np.minimum(np.searchsorted(index.pks, keys), len(index) - 1)
        live = index.pks[at] == keys
        if overlay is not None:
            live &= ~np.isin(keys, overlay)
        return at[live], impacts[live]

    def _with_overlay_postings(
        self, index: ActorIndex, term: str, rows: np.ndarray, impacts: np.ndarray
    ) -> Postings:
        extra_rows, extra_impacts = [], []
        for pk, (_, analysis) in self._overlay.items():
            impact = analysis.terms.get(term)
            row = index.row_of_key(pk)
            if impact is not None and row is not None:
                extra_rows.append(row)
                extra_impacts.append(impact)
        if not extra_rows:
            return rows, impacts
        return (
            np.concatenate([rows, np.array(extra_rows, np.int64)]),
            np.concatenate([impacts, np.array(extra_impacts, np.float64)]),
        )

    # ----------------------------------------------------------------- problems → actors

    def rank_actors_for_problem(
        self,
        problem_id: str,
        *,
        top: int = 10,
        weights: Mapping[str, float] | None = None,
        rotation: bool = False,
        progress: Progress | None = None,
    ) -> Ranking:
        """The best ``top`` partners for a problem. The first ranking after actors were
        added or changed analyses their texts first; ``progress(done, total)`` hears of it."""
        settings = self.settings_for(problem_id, weights, rotation)
        with self.database.unit_of_work() as session:
            ctx = self._context(session, problem_id)
            check_matchable(ctx.problem)
            index = self.index(session, settings, progress)
            return self._rank(session, index, ctx, settings, top)

    def reference_ranking(
        self,
        problem_id: str,
        *,
        top: int | None = None,
        weights: Mapping[str, float] | None = None,
        rotation: bool = False,
    ) -> Ranking:
        """The same ranking, computed actor by actor (for checks and benchmarks)."""
        settings = self.settings_for(problem_id, weights, rotation)
        with self.database.unit_of_work() as session:
            ctx = self._context(session, problem_id)
            index = self.index(session, settings)
            ctx = replace(ctx, text=self._text(session, index, ctx.problem, settings))
            candidates = self._candidates(session, index, list(range(len(index))))
            return rank_candidates(ctx, candidates, settings, top)

    def _rank(
        self,
        session: Session,
        index: ActorIndex,
        ctx: ProblemContext,
        settings: MatchSettings,
        top: int | None,
        restrict: np.ndarray | None = None,
    ) -> Ranking:
        text = self._text(session, index, ctx.problem, settings)
        ctx = replace(ctx, text=text)
        best, scores = rank_rows(index, ctx, settings, top, restrict, text)
        rows = [row for row, _ in best]
        candidates = self._candidates(session, index, rows)
        matches = []
        for rank, cand in enumerate(candidates, start=1):
            match = score_candidate(ctx, cand, settings)
            assert isinstance(match, Match)
            matches.append(replace(match, rank=rank))
        excluded = {g: int(np.count_nonzero(scores.gate == i)) for i, g in enumerate(GATES)}
        return Ranking(
            ctx.problem.id,
            tuple(matches),
            excluded,
            tuple(self._exclusion_examples(session, index, ctx, settings, scores.gate)),
            dict(settings.weights),
            len(index),
            ranking_notes(ctx, settings),
            existing=self._existing(session, ctx.problem.id),
            subject_title=ctx.problem.title,
        )

    @staticmethod
    def _existing(session: Session, problem_id: str) -> tuple[ExistingPartner, ...]:
        """Partnerships already recorded on the problem (live ones, any stage), by name."""
        stmt = (
            select(ACTORS.c.uid, ACTORS.c.name, PARTNERSHIPS.c.stage)
            .join(PARTNERSHIPS, PARTNERSHIPS.c.actor_pk == ACTORS.c.pk)
            .join(PROBLEMS, PROBLEMS.c.pk == PARTNERSHIPS.c.problem_pk)
            .where(
                PROBLEMS.c.uid == problem_id,
                PROBLEMS.c.deleted_at.is_(None),
                PARTNERSHIPS.c.deleted_at.is_(None),
                ACTORS.c.deleted_at.is_(None),
            )
            .order_by(ACTORS.c.name)
        )
        return tuple(ExistingPartner(r.uid, r.name, r.stage) for r in session.execute(stmt))

    def _exclusion_examples(
        self,
        session: Session,
        index: ActorIndex,
        ctx: ProblemContext,
        settings: MatchSettings,
        gates: np.ndarray,
    ) -> list[Exclusion]:
        rows = [
            int(r)
            for i in range(len(GATES))
            for r in np.flatnonzero(gates == i)[:MAX_EXCLUSION_EXAMPLES]
        ]
        out = []
        for cand in self._candidates(session, index, rows):
            result = gate(ctx, cand, settings.params)
            if result is not None:
                out.append(Exclusion(cand.actor.id, cand.actor.name, result[0], result[1]))
        return out

    # ----------------------------------------------------------------- actors → problems

    def rank_problems_for_actor(
        self, actor_id: str, *, top: int = 10, rotation: bool = False
    ) -> Ranking:
        """Open problem statements ranked by how well this actor fits them (reverse)."""
        with self.database.unit_of_work() as session:
            self._actor_key(session, actor_id)  # a missing or deleted actor raises
            settings = replace(MatchSettings.defaults(), rotation=rotation)
            index = self.index(session, settings)
            cand = self._candidates(session, index, [index.row_of[actor_id]])[0]
            statuses = settings.params["open_problem_statuses"]
            keys = repository.open_problem_keys(session, statuses)
            problems = [p for _, p in problem_rows.load_problems(session, keys)]
            owners = self._owners(session, problems)
            texts = {p.id: self._text(session, index, p, settings) for p in problems}
        matches: list[Match] = []
        excluded = dict.fromkeys(GATES, 0)
        examples: list[Exclusion] = []
        for problem in problems:
            try:
                check_matchable(problem)
            except Exception:
                continue
            ctx = problem_context(self.geo, problem, owners.get(problem.owner_id or ""))
            ctx = replace(ctx, text=texts[problem.id])
            problem_settings = self.settings_for(problem.id, rotation=rotation)
            result = score_candidate(ctx, cand, problem_settings)
            if isinstance(result, Exclusion):
                excluded[result.gate] += 1
                examples.append(replace(result, actor_id=problem.id, actor_name=problem.title))
            else:
                matches.append(replace(result, problem_id=problem.id, problem_title=problem.title))
        matches.sort(key=lambda m: (-round(m.score, 9), m.problem_id or ""))
        ranked = tuple(replace(m, rank=i) for i, m in enumerate(matches[:top], start=1))
        return Ranking(
            actor_id,
            ranked,
            excluded,
            tuple(examples[:MAX_EXCLUSION_EXAMPLES]),
            dict(MatchSettings.defaults().weights),
            len(problems),
            subject_title=cand.actor.name,
        )

    def rank_actors_for_actor(self, actor_id: str, *, top: int = 10) -> Ranking:
        """Actors that fit this actor's profile and open problems (actor ↔ actor)."""
        settings = MatchSettings.defaults()
        with self.database.unit_of_work() as session:
            actor_pk = self._actor_key(session, actor_id)
            actor = store.load_actors(session, [actor_pk])[0][1]
            open_keys = repository.open_problem_keys(
                session, settings.params["open_problem_statuses"], owner_pk=actor_pk
            )
            own = [p for _, p in problem_rows.load_problems(session, open_keys)]
            ctx = problem_context(self.geo, profile_as_problem(actor, own), actor)
            check_matchable(ctx.problem)
            index = self.index(session, settings)
            ranking = self._rank(session, index, ctx, settings, top)
        return replace(ranking, subject_id=actor_id, subject_title=actor.name, existing=())

    # ----------------------------------------------------------------- 360° review

    def review(self, problem_id: str, *, per_group: int | None = None) -> Review:
        """Partners who can supplement, refer citizens, take over (one prevention level lower)
        or take over when needs escalate (one level higher); the rules are
        ``mapper.matching.review``'s, ``per_group`` defaults to data/matching.json's (a
        ValidationError when it is given and not a whole number from 1 to MAX_RESULTS)."""
        _check_count(problem_id, "per_group", per_group)
        settings = self.settings_for(problem_id)
        params = ReviewParams.of(settings.params)
        with self.database.unit_of_work() as session:
            ctx = self._context(session, problem_id)
            check_matchable(ctx.problem)
            index = self.index(session, settings)

            def rank_within(mask: np.ndarray, top: int) -> tuple[Match, ...]:
                return self._rank(session, index, ctx, settings, top, mask).matches

            # Referrers point out citizens: they are not judged on the required resources.
            lenient = replace(
                ctx,
                problem=replace(
                    ctx.problem,
                    seeking=replace(ctx.problem.seeking, required_resources=()),
                ),
            )

            def rank_lenient(mask: np.ndarray, top: int) -> tuple[Match, ...]:
                return self._rank(session, index, lenient, settings, top, mask).matches

            return build_review(index, ctx, params, rank_within, per_group, rank_lenient)

    # ----------------------------------------------------------------- consortium

    def consortium(
        self, problem_id: str, *, max_members: int | None = None, pool: int | None = None
    ) -> Consortium:
        """2-4 actors that together cover the sought resources and roles (greedy set cover
        over the ranked list, ``mapper.matching.consortium``); sizes default to
        data/matching.json's (a ValidationError when one is given and not a whole number from
        1 to MAX_RESULTS)."""
        _check_count(problem_id, "max_members", max_members)
        _check_count(problem_id, "pool", pool)
        params = ConsortiumParams.of(MatchSettings.defaults().params)
        ranking = self.rank_actors_for_problem(
            problem_id, top=params.pool if pool is None else pool
        )
        with self.database.unit_of_work() as session:
            ctx = self._context(session, problem_id)
            keys = repository.live_actor_keys(session, [m.actor_id for m in ranking.matches])
            actors = {a.id: a for _, a in store.load_actors(session, list(keys.values()))}
        return propose_consortium(
            ctx.problem,
            ranking.matches,
            actors,
            params.max_members if max_members is None else max_members,
            params.min_members,
            ctx.municipality_code,
            params.local_margin,
        )

    # ----------------------------------------------------------------- helpers

    def _context(self, session: Session, problem_id: str) -> ProblemContext:
        pk = self._problem_key(session, problem_id)
        problem = problem_rows.load_problems(session, [pk])[0][1]
        owner = self._owners(session, [problem]).get(problem.owner_id or "")
        return problem_context(self.geo, problem, owner)

    @staticmethod
    def _problem_key(session: Session, problem_id: str) -> int:
        """The live problem's key; a missing or deleted one raises NotFoundError."""
        pk = repository.live_problem_keys(session, [problem_id]).get(problem_id)
        if pk is None:
            nearest = nearest_id(problem_id, repository.problem_uids(session))
            raise NotFoundError("problem", problem_id, nearest)
        return pk

    @staticmethod
    def _actor_key(session: Session, actor_id: str) -> int:
        """The live actor's key; a missing or deleted one raises NotFoundError."""
        pk = repository.live_actor_keys(session, [actor_id]).get(actor_id)
        if pk is None:
            raise NotFoundError(
                "actor", actor_id, nearest_id(actor_id, repository.actor_uids(session))
            )
        return pk

    @staticmethod
    def _owners(session: Session, problems: Sequence[ProblemStatement]) -> dict[str, Actor]:
        ids = {p.owner_id for p in problems if p.owner_id}
        keys = repository.live_actor_keys(session, ids)
        return {a.id: a for _, a in store.load_actors(session, list(keys.values()))}

    def _candidates(
        self, session: Session, index: ActorIndex, rows: Sequence[int]
    ) -> list[Candidate]:
        """Domain actors for index rows, in the order given, with their inferred codes."""
        pks = [int(index.pks[r]) for r in rows]
        actors = dict(store.load_actors(session, pks))
        inferred = analysis_rows.inferences_of(session, pks)
        for pk, (_, analysis) in self._overlay.items():
            if pk in inferred:
                inferred[pk] = analysis.inference
        return [
            Candidate(actors[pk], index.seeks_of(r), int(index.recent[r]), inferred.get(pk))
            for r, pk in zip(rows, pks, strict=True)
        ]


MAX_RESULTS = 10_000
"""The most partners a review group or a consortium's pool may ask for."""


def _check_count(problem_id: str, name: str, value: object) -> None:
    """A count argument of the review or consortium: None (the default) or 1 to MAX_RESULTS."""
    if value is None:
        return
    whole = isinstance(value, int) and not isinstance(value, bool)
    if isinstance(value, int) and whole and 1 <= value <= MAX_RESULTS:
        return
    label = f"problem {problem_id}"
    problem = InputProblem(
        label,
        name,
        value,
        f"must be a whole number from 1 to {MAX_RESULTS}",
        code="out_of_range" if whole else "wrong_type",
        params={"min": 1, "max": MAX_RESULTS} if whole else {"expected": "integer"},
    )
    raise ValidationError([problem], source=label)


def problem_context(
    geo: GeoService, problem: ProblemStatement, owner: Actor | None
) -> ProblemContext:
    """What matching derives from a problem and its owner, with the problem placed by its own
    postcode or town when it has no coordinates (an imported postcode layer, else the built-in
    postcode points); see ``ProblemContext.of`` for the rules."""
    location = problem.location
    found = None
    if not location.has_point and (location.postcode or location.city):
        place = geo.place_for(location.postcode, location.city)
        if place is not None:
            label = " ".join(p for p in (place.postcode, place.city) if p)
            found = FoundPlace(place.lat, place.lon, place.municipality_code, label)
    return ProblemContext.of(problem, owner, found)


def profile_as_problem(actor: Actor, own_problems: Sequence[ProblemStatement]) -> ProblemStatement:
    """What an actor seeks in another actor: what its dating profile says it seeks ('Vi søger
    …') and its open problems' seeking part; without either, its own profile."""
    text = profile_text(actor)
    stated = actor.seeking
    listed = [r for p in own_problems for r in p.seeking.resources]
    kinds = {r.kind for r in listed}
    resources = (*listed, *(Resource(k) for k in dict.fromkeys(stated.resources) if k not in kinds))
    roles = tuple(
        dict.fromkeys([*stated.roles, *(r for p in own_problems for r in p.seeking.roles)])
    )
    # Target groups it seeks to work with stand for its own; otherwise it seeks its own.
    groups = tuple(
        dict.fromkeys(
            [
                *(stated.target_groups or actor.target_groups),
                *(g for p in own_problems for g in p.target_groups),
            ]
        )
    )
    descriptions = [stated.description, *(p.seeking.description for p in own_problems)]
    vocab = load_vocabulary()
    offers = ", ".join(vocab.label("resource_kinds", r.kind) for r in actor.resources_offered)
    return ProblemStatement(
        id=f"actor:{actor.id}",
        title=actor.name,
        owner_id=actor.id,
        municipality_code=actor.location.municipality_code,
        description=text or None,
        target_groups=groups,
        prevention_level=actor.prevention_levels[0] if actor.prevention_levels else None,
        seeking=Seeking(
            description=" ".join(d.strip() for d in descriptions if d and d.strip())
            or text
            or None,
            resources=resources,
            roles=roles,
        ),
        partner_gets=offers or None,
        location=actor.location,
        status="seeking",
    )
