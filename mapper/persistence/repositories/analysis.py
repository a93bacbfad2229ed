"""What matching derives from actors' texts, stored per actor (migration 0008): the
text-relevance terms, the inferred codes and the versions they were made from.

Derived data: an actor's rows are stale when the actor's version or the analyser's version
(``mapper.matching.text_relevance.analyser_version``) differs from the one they were made
from, or when there are none; ``stale_actor_keys`` finds them, ``store_analyses`` replaces them.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

import numpy as np
from sqlalchemy import Table, delete, func, or_, select
from sqlalchemy.orm import Session

from mapper.domain.vocabulary import Vocabulary
from mapper.matching.analysis import DECLARED_FACETS, ActorAnalysis
from mapper.matching.lexicon import ActorInference, InferredCode
from mapper.persistence.orm import ActorAnalysisRecord, ActorInferredCode, ActorTerm
from mapper.persistence.store import ACTORS, bulk_insert, chunks

ANALYSIS: Table = ActorAnalysisRecord.__table__  # type: ignore[assignment]
TERMS: Table = ActorTerm.__table__  # type: ignore[assignment]
INFERRED: Table = ActorInferredCode.__table__  # type: ignore[assignment]

__all__ = [
    "analysed_count",
    "analysis_columns",
    "dead_analyses",
    "inferences_of",
    "stale_actor_keys",
    "store_analyses",
    "term_frequencies",
    "term_postings",
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
    session: Session,
    analyses: Sequence[tuple[int, int, ActorAnalysis]],
    analyser: str,
    vocabulary: Vocabulary,
    min_confidence: float,
) -> None:
    """Replace the stored analysis of these actors: (actor key, actor version, analysis); the
    inferred codes of at least ``min_confidence`` are also stored as bits per facet."""
    keys = [pk for pk, _, _ in analyses]
    for part in chunks(keys):
        for table in (TERMS, INFERRED, ANALYSIS):
            session.execute(delete(table).where(table.c.actor_pk.in_(part)))
    rows = []
    for pk, version, a in analyses:
        bits = a.inferred_bits(vocabulary, min_confidence)
        row: dict[str, Any] = {
            "actor_pk": pk,
            "actor_version": version,
            "analyser": analyser,
            "has_text": a.has_text,
        }
        for facet, (prefix, _) in BIT_COLUMNS.items():
            row[f"{prefix}_bits"], row[f"{prefix}_confidence"] = bits[facet]
        declared = a.declared or declared_bits_unknown()
        for facet in DECLARED_FACETS:
            row[f"declared_{facet}_bits"] = declared.get(facet, 0)
        rows.append(row)
    bulk_insert(session, ANALYSIS, rows)
    # In key order (term, actor): the table is clustered by term, and inserts in order are
    # appends to its pages rather than jumps across them.
    terms = sorted((term, pk, impact) for pk, _, a in analyses for term, impact in a.terms.items())
    bulk_insert(
        session,
        TERMS,
        [{"term": term, "actor_pk": pk, "impact": impact} for term, pk, impact in terms],
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


BIT_COLUMNS = {
    "target_groups": ("target_group", ANALYSIS.c.target_group_bits),
    "roles": ("role", ANALYSIS.c.role_bits),
    "resource_kinds": ("resource", ANALYSIS.c.resource_bits),
}
"""Per inferred facet: the prefix of its actor_analysis columns (…_bits, …_confidence)."""


def analysis_columns() -> list[Any]:
    """The actor_analysis columns the actor index reads (outer-joined to the actors): whether
    the actor has text, bits and confidence per facet of BIT_COLUMNS, whether it is analysed
    at all, then its declared codes' bits per DECLARED_FACETS."""
    columns: list[Any] = [func.coalesce(ANALYSIS.c.has_text, False)]
    for prefix, _ in BIT_COLUMNS.values():
        columns.append(func.coalesce(ANALYSIS.c[f"{prefix}_bits"], 0))
        columns.append(func.coalesce(ANALYSIS.c[f"{prefix}_confidence"], 0.0))
    columns.append(func.coalesce(ANALYSIS.c.actor_version, -1))
    columns += [func.coalesce(ANALYSIS.c[f"declared_{f}_bits"], 0) for f in DECLARED_FACETS]
    return columns


def declared_bits_unknown() -> dict[str, int]:
    return dict.fromkeys(DECLARED_FACETS, 0)


def term_frequencies(session: Session, terms: Iterable[str]) -> dict[str, int]:
    """How many stored analyses hold each term (tombstoned actors' included; terms no actor
    holds are left out). Counted on the term key alone, without reading the postings."""
    out: dict[str, int] = {}
    for part in chunks(sorted(set(terms))):
        stmt = (
            select(TERMS.c.term, func.count()).where(TERMS.c.term.in_(part)).group_by(TERMS.c.term)
        )
        out.update((str(term), int(n)) for term, n in session.execute(stmt))
    return out


def dead_analyses(session: Session) -> int:
    """Stored analyses of tombstoned actors (their terms count in ``term_frequencies``)."""
    stmt = (
        select(func.count())
        .select_from(ANALYSIS.join(ACTORS, ACTORS.c.pk == ANALYSIS.c.actor_pk))
        .where(ACTORS.c.deleted_at.is_not(None))
    )
    return int(session.execute(stmt).scalar_one())


_POSTING = np.dtype([("key", np.int64), ("impact", np.float64)])


def term_postings(session: Session, term: str) -> tuple[np.ndarray, np.ndarray]:
    """(actor keys, impacts) of one term, keys ascending (tombstoned actors included: the
    caller keeps the keys it knows). Read straight through the driver's cursor into arrays:
    a common term has tens of thousands of postings."""
    connection = session.connection()
    marker = {"qmark": "?", "numeric": ":1", "named": ":term"}.get(
        connection.dialect.paramstyle, "%s"
    )
    sql = f"SELECT actor_pk, impact FROM actor_terms WHERE term = {marker} ORDER BY actor_pk"
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql, {"term": term} if marker == ":term" else (term,))
        rows: Iterable[Any] = cursor.fetchall()  # tuples (key, impact)
        found = np.fromiter(rows, dtype=_POSTING, count=len(rows))  # type: ignore[arg-type]
    finally:
        cursor.close()
    return found["key"], found["impact"]


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
