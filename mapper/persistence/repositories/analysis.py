"""What matching derives from actors' texts, stored per actor (migration 0008): the
text-relevance terms, the inferred codes and the versions they were made from.

Derived data: an actor's rows are stale when the actor's version or the analyser's version
(``mapper.matching.text_relevance.analyser_version``) differs from the one they were made
from, or when there are none; ``stale_actor_keys`` finds them, ``store_analyses`` replaces them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Table, and_, delete, func, or_, select
from sqlalchemy.orm import Session

from mapper.matching.analysis import ActorAnalysis
from mapper.matching.lexicon import ActorInference, InferredCode
from mapper.persistence.orm import ActorAnalysisRecord, ActorInferredCode, ActorTerm
from mapper.persistence.store import ACTORS, bulk_insert, chunks

ANALYSIS: Table = ActorAnalysisRecord.__table__  # type: ignore[assignment]
TERMS: Table = ActorTerm.__table__  # type: ignore[assignment]
INFERRED: Table = ActorInferredCode.__table__  # type: ignore[assignment]

__all__ = [
    "analysed_count",
    "inferences_of",
    "inferred_code_rows",
    "stale_actor_keys",
    "store_analyses",
    "term_postings",
    "text_flags",
]


def stale_actor_keys(session: Session, analyser: str) -> list[tuple[int, int]]:
    """(key, version) of the live actors whose stored analysis is missing or made from
    another version of the actor or of the analyser."""
    stmt = (
        select(ACTORS.c.pk, ACTORS.c.version)
        .outerjoin(ANALYSIS, ANALYSIS.c.actor_pk == ACTORS.c.pk)
        .where(
            ACTORS.c.deleted_at.is_(None),
            or_(
                ANALYSIS.c.actor_pk.is_(None),
                ANALYSIS.c.actor_version != ACTORS.c.version,
                ANALYSIS.c.analyser != analyser,
            ),
        )
        .order_by(ACTORS.c.pk)
    )
    return [(int(pk), int(version)) for pk, version in session.execute(stmt)]


def analysed_count(session: Session) -> int:
    return int(session.execute(select(func.count()).select_from(ANALYSIS)).scalar_one())


def store_analyses(
    session: Session, analyses: Sequence[tuple[int, int, ActorAnalysis]], analyser: str
) -> None:
    """Replace the stored analysis of these actors: (actor key, actor version, analysis)."""
    keys = [pk for pk, _, _ in analyses]
    for part in chunks(keys):
        for table in (TERMS, INFERRED, ANALYSIS):
            session.execute(delete(table).where(table.c.actor_pk.in_(part)))
    bulk_insert(
        session,
        ANALYSIS,
        [
            {"actor_pk": pk, "actor_version": version, "analyser": analyser, "has_text": a.has_text}
            for pk, version, a in analyses
        ],
    )
    bulk_insert(
        session,
        TERMS,
        [
            {"actor_pk": pk, "term": term, "impact": impact}
            for pk, _, a in analyses
            for term, impact in a.terms.items()
        ],
    )
    bulk_insert(
        session,
        INFERRED,
        [
            {
                "actor_pk": pk,
                "sought": sought,
                "facet": c.facet,
                "code": c.code,
                "confidence": c.confidence,
                "evidence": json.dumps(list(c.evidence), ensure_ascii=False),
            }
            for pk, _, a in analyses
            for sought, codes in ((False, a.inference.codes), (True, a.inference.sought))
            for c in codes
        ],
    )


def term_postings(
    session: Session, terms: Iterable[str]
) -> Iterator[tuple[str, np.ndarray, np.ndarray]]:
    """(term, actor keys, impacts) of each term any actor holds (tombstoned actors included:
    the caller keeps the keys it knows)."""
    wanted = sorted(set(terms))
    for part in chunks(wanted):
        rows = session.execute(
            select(TERMS.c.term, TERMS.c.actor_pk, TERMS.c.impact)
            .where(TERMS.c.term.in_(part))
            .order_by(TERMS.c.term)
        ).all()
        if not rows:
            continue
        names, keys, impacts = zip(*rows, strict=True)
        key_array = np.array(keys, dtype=np.int64)
        impact_array = np.array(impacts, dtype=np.float64)
        start = 0
        for end in _group_ends(names):
            yield names[start], key_array[start:end], impact_array[start:end]
            start = end


def _group_ends(names: Sequence[str]) -> Iterator[int]:
    for i in range(1, len(names)):
        if names[i] != names[i - 1]:
            yield i
    yield len(names)


def text_flags(session: Session) -> dict[int, bool]:
    """Actor key → whether it has any text the analyser reads."""
    return {
        int(pk): bool(flag)
        for pk, flag in session.execute(select(ANALYSIS.c.actor_pk, ANALYSIS.c.has_text))
    }


def inferred_code_rows(
    session: Session, min_confidence: float
) -> list[tuple[int, str, str, float]]:
    """(actor key, facet, code, confidence) of every inferred code (not sought) of at least
    this confidence, for the actor index."""
    stmt = select(
        INFERRED.c.actor_pk, INFERRED.c.facet, INFERRED.c.code, INFERRED.c.confidence
    ).where(and_(INFERRED.c.sought.is_(False), INFERRED.c.confidence >= min_confidence))
    return [(int(a), f, c, float(x)) for a, f, c, x in session.execute(stmt)]


def inferences_of(session: Session, pks: Sequence[int]) -> dict[int, ActorInference]:
    """The stored inference of these actors (codes and sought codes, with their evidence)."""
    found: dict[int, dict[bool, list[InferredCode]]] = defaultdict(lambda: defaultdict(list))
    uids: dict[int, str] = {}
    for part in chunks(list(pks)):
        for pk, uid in session.execute(
            select(ACTORS.c.pk, ACTORS.c.uid).where(ACTORS.c.pk.in_(part))
        ):
            uids[pk] = uid
        stmt: Any = select(
            INFERRED.c.actor_pk,
            INFERRED.c.sought,
            INFERRED.c.facet,
            INFERRED.c.code,
            INFERRED.c.confidence,
            INFERRED.c.evidence,
        ).where(INFERRED.c.actor_pk.in_(part))
        for pk, sought, facet, code, confidence, evidence in session.execute(stmt):
            found[pk][bool(sought)].append(
                InferredCode(facet, code, float(confidence), tuple(json.loads(evidence)))
            )
    out = {}
    for pk in pks:
        codes = found.get(pk, {})
        order = _inference_order
        out[pk] = ActorInference(
            uids.get(pk, ""),
            tuple(sorted(codes.get(False, ()), key=order)),
            tuple(sorted(codes.get(True, ()), key=order)),
        )
    return out


def _inference_order(code: InferredCode) -> tuple[float, str, str]:
    """As lexicon.infer_codes orders them: most confident first."""
    return (-code.confidence, code.facet, code.code)
