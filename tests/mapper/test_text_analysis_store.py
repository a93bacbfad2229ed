"""The stored text analysis (migration 0008: actor_analysis, actor_terms, actor_inferred_codes)
on real databases: made at the first ranking, one row per live actor; made again for exactly
the actors that changed, or for all when the analyser changes; kept in memory on a read-only
file; rebuilt when lost; shared safely by two programs on one PostgreSQL database. Told on the
sparse evaluation set (tests/evaluation/sparse), where matching leans on the actors' words."""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import delete, select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from mapper.matching.analysis import ActorAnalysis
from mapper.matching.lexicon import ActorInference
from mapper.matching.model import MatchSettings, Ranking
from mapper.matching.text_relevance import analyser_version
from mapper.persistence.database import Database, open_database
from mapper.persistence.repositories import analysis as analysis_rows
from mapper.persistence.repositories.actors import ActorRepository
from mapper.persistence.repositories.analysis import ANALYSIS, INFERRED, TERMS
from mapper.persistence.store import ACTORS
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.matching import MatchingService

SPARSE = Path(__file__).resolve().parents[1] / "evaluation" / "sparse" / "landscape.json"
GRIEF = "sp-p-aal-boern-i-sorg"
"""Aalborg's grief groups for children; its partner says so in other words."""
PARTNER = "sp-aal-lysglimt"
LOOKALIKE = "sp-aal-sorgenfri"
"""An allotment association on Sorgenfrivej: 'sorg' only in its street's name."""
GRIEF_PURPOSE = (
    "Foreningens formål er at samle børn i sorg, der har mistet en forælder, "
    "i sorggrupper med frivillige."
)
DERIVED = (TERMS, INFERRED, ANALYSIS)


def sparse_document() -> dict[str, Any]:
    doc: dict[str, Any] = json.loads(SPARSE.read_text("utf-8"))
    return doc


def problem_ids() -> list[str]:
    return [p["id"] for p in sparse_document()["problems"]]


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def sparse_db(request: pytest.FixtureRequest) -> Database:
    """The sparse landscape, imported (not yet analysed) into a SQLite file or a throw-away
    database on the PostgreSQL server."""
    db: Database = request.getfixturevalue(
        "database" if request.param == "sqlite" else "pg_database"
    )
    LandscapeService(db).import_document(sparse_document())
    return db


@pytest.fixture
def sparse_sqlite(database: Database) -> Database:
    LandscapeService(database).import_document(sparse_document())
    return database


# --------------------------------------------------------------------------- reading back


def live_versions(db: Database) -> dict[str, int]:
    with db.unit_of_work() as session:
        return ActorRepository(session).live_versions()


def analyses(db: Database) -> dict[str, tuple[int, str]]:
    """Actor id → (actor version, analyser version) its stored analysis was made from."""
    stmt = select(ACTORS.c.uid, ANALYSIS.c.actor_version, ANALYSIS.c.analyser).join(
        ANALYSIS, ANALYSIS.c.actor_pk == ACTORS.c.pk
    )
    with db.unit_of_work() as session:
        return {uid: (int(v), str(a)) for uid, v, a in session.execute(stmt)}


def derived_rows(db: Database) -> dict[str, list[tuple[Any, ...]]]:
    """Every derived row by actor id (keys are internal), sorted."""
    with db.unit_of_work() as session:
        return {
            t.name: sorted(
                (uid, *row[1:])
                for uid, *row in session.execute(
                    select(ACTORS.c.uid, *t.c).join(t, t.c.actor_pk == ACTORS.c.pk)
                )
            )
            for t in DERIVED
        }


def counts(db: Database) -> dict[str, int]:
    return {table: len(rows) for table, rows in derived_rows(db).items()}


def key_of(session: Session, actor_id: str) -> int:
    return int(session.execute(select(ACTORS.c.pk).where(ACTORS.c.uid == actor_id)).scalar_one())


def stored_terms(db: Database, actor_id: str) -> dict[str, float]:
    with db.unit_of_work() as session:
        stmt = select(TERMS.c.term, TERMS.c.impact).where(
            TERMS.c.actor_pk == key_of(session, actor_id)
        )
        return {str(term): float(impact) for term, impact in session.execute(stmt)}


def inference(db: Database, actor_id: str) -> ActorInference:
    with db.unit_of_work() as session:
        pk = key_of(session, actor_id)
        return analysis_rows.inferences_of(session, [pk])[pk]


def stale(db: Database) -> list[tuple[str, int]]:
    """(Actor id, version) of the actors whose stored analysis is missing or stale."""
    with db.unit_of_work() as session:
        keys = analysis_rows.stale_actor_keys(session, analyser_version())
        uids = {pk: uid for pk, uid in session.execute(select(ACTORS.c.pk, ACTORS.c.uid))}
        return [(uids[pk], version) for pk, version in keys]


def ids(ranking: Ranking, n: int = 20) -> list[str]:
    return [m.actor_id for m in ranking.matches[:n]]


def rank_all(service: MatchingService) -> dict[str, list[tuple[str, float]]]:
    """Every sparse problem's top 20 as (actor id, score)."""
    return {
        pid: [(m.actor_id, m.score) for m in service.rank_actors_for_problem(pid, top=20).matches]
        for pid in problem_ids()
    }


def assert_same_rankings(
    got: dict[str, list[tuple[str, float]]], expected: dict[str, list[tuple[str, float]]]
) -> None:
    assert {p: [a for a, _ in r] for p, r in got.items()} == {
        p: [a for a, _ in r] for p, r in expected.items()
    }
    for pid, ranking in got.items():
        assert [s for _, s in ranking] == pytest.approx([s for _, s in expected[pid]], abs=1e-9)


def rewrite_purpose(db: Database, actor_id: str, purpose: str) -> int:
    """Change the actor's purpose sentence through the editor's service; its new version."""
    editor = ActorEditService(db)
    actor, version = editor.load(actor_id)
    changed = replace(actor, profile=replace(actor.profile, we_are=purpose))
    return editor.save(changed, expected_version=version)


# --------------------------------------------------------------------------- stored and kept


def test_the_first_ranking_stores_one_analysis_per_live_actor(sparse_db: Database) -> None:
    assert counts(sparse_db) == {"actor_terms": 0, "actor_inferred_codes": 0, "actor_analysis": 0}
    service = MatchingService(sparse_db)
    assert ids(service.rank_actors_for_problem(GRIEF), 1) == [PARTNER]
    versions = live_versions(sparse_db)
    assert len(versions) == 84
    assert analyses(sparse_db) == {uid: (v, analyser_version()) for uid, v in versions.items()}
    found = counts(sparse_db)
    assert found["actor_terms"] > 84 and found["actor_inferred_codes"] > 0
    assert service.refresh_analysis() == 0
    assert MatchingService(sparse_db).refresh_analysis() == 0
    assert counts(sparse_db) == found


def test_an_edited_purpose_makes_exactly_that_actor_stale(sparse_db: Database) -> None:
    service = MatchingService(sparse_db)
    before = service.rank_actors_for_problem(GRIEF, top=1000)
    assert LOOKALIKE in ids(before, 10) and ids(before, 1) == [PARTNER]
    assert "children_vulnerable" not in {c.code for c in inference(sparse_db, LOOKALIKE).codes}
    others = {uid: a for uid, a in analyses(sparse_db).items() if uid != LOOKALIKE}

    version = rewrite_purpose(sparse_db, LOOKALIKE, GRIEF_PURPOSE)
    assert stale(sparse_db) == [(LOOKALIKE, version)]
    assert service.refresh_analysis() == 1
    assert service.refresh_analysis() == 0
    assert analyses(sparse_db)[LOOKALIKE] == (version, analyser_version())
    assert {uid: a for uid, a in analyses(sparse_db).items() if uid != LOOKALIKE} == others

    terms = stored_terms(sparse_db, LOOKALIKE)
    assert "kolonihav" not in terms and "sorggrup" in terms
    assert "@target_groups:children_vulnerable" in terms
    codes = {c.code: c for c in inference(sparse_db, LOOKALIKE).codes}
    assert codes["children_vulnerable"].confidence > 0.5
    assert "børn i sorg" in codes["children_vulnerable"].evidence
    # The same service, whose index predates the edit, ranks the new words.
    after = service.rank_actors_for_problem(GRIEF, top=1000)
    assert ids(after, 1) == [LOOKALIKE]
    assert after.matches[0].score > next(m.score for m in before.matches if m.actor_id == LOOKALIKE)


def test_a_deleted_actor_leaves_rankings_and_is_analysed_again_when_revived(
    sparse_sqlite: Database,
) -> None:
    service = MatchingService(sparse_sqlite)
    assert ids(service.rank_actors_for_problem(GRIEF), 1) == [PARTNER]
    editor = ActorEditService(sparse_sqlite)
    actor, version = editor.load(PARTNER)
    editor.delete(PARTNER, version)

    assert PARTNER not in ids(service.rank_actors_for_problem(GRIEF, top=1000), 1000)
    assert PARTNER not in ids(service.reference_ranking(GRIEF), 1000)
    assert stored_terms(sparse_sqlite, PARTNER)  # kept, yet never read
    assert service.refresh_analysis() == 0  # a tombstone is not stale

    revived = editor.save(actor, expected_version=None)
    assert revived > version and stale(sparse_sqlite) == [(PARTNER, revived)]
    assert ids(service.rank_actors_for_problem(GRIEF), 1) == [PARTNER]
    assert analyses(sparse_sqlite)[PARTNER] == (revived, analyser_version())
    assert stale(sparse_sqlite) == []


def test_a_new_analyser_version_makes_every_actor_stale_once(
    sparse_sqlite: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert MatchingService(sparse_sqlite).refresh_analysis() == 84
    expected = rank_all(MatchingService(sparse_sqlite))
    monkeypatch.setattr("mapper.services.matching.analyser_version", lambda: "test-next")
    service = MatchingService(sparse_sqlite)
    assert service.refresh_analysis() == 84
    assert service.refresh_analysis() == 0
    assert {a for _, a in analyses(sparse_sqlite).values()} == {"test-next"}
    assert_same_rankings(rank_all(service), expected)  # the same analyser under a new name
    monkeypatch.undo()
    assert MatchingService(sparse_sqlite).refresh_analysis() == 84


def test_lost_derived_rows_are_made_again_alike(sparse_db: Database) -> None:
    expected = rank_all(MatchingService(sparse_db))
    rows = derived_rows(sparse_db)
    with sparse_db.unit_of_work() as session:
        for table in DERIVED:
            session.execute(delete(table))
    assert stale(sparse_db) != []
    assert_same_rankings(rank_all(MatchingService(sparse_db)), expected)
    assert derived_rows(sparse_db) == rows


def test_fast_and_reference_rankings_agree_on_the_sparse_set(sparse_sqlite: Database) -> None:
    service = MatchingService(sparse_sqlite)
    for pid in problem_ids():
        fast = service.rank_actors_for_problem(pid, top=1000)
        slow = service.reference_ranking(pid)
        assert ids(fast) == ids(slow), pid
        assert [m.score for m in fast.matches[:20]] == pytest.approx(
            [m.score for m in slow.matches[:20]], abs=1e-6
        ), pid


# --------------------------------------------------------------------------- read-only


def sparse_file(folder: Path, *, analysed: bool) -> Path:
    path = folder / "sparse.sqlite"
    db = open_database(str(path))
    try:
        LandscapeService(db).import_document(sparse_document())
        if analysed:
            MatchingService(db).refresh_analysis()
    finally:
        db.close()
    return path


def fingerprint(path: Path) -> tuple[int, str]:
    return path.stat().st_mtime_ns, hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("analysed", [False, True], ids=["never-analysed", "analysed"])
def test_a_read_only_file_is_ranked_in_memory_and_left_untouched(
    tmp_path: Path, analysed: bool
) -> None:
    path = sparse_file(tmp_path, analysed=analysed)
    untouched = fingerprint(path)
    reader = open_database(str(path), read_only=True)
    try:
        assert reader.read_only
        before = counts(reader)
        assert before["actor_analysis"] == (84 if analysed else 0)
        service = MatchingService(reader)
        got = rank_all(service)
        assert service.refresh_analysis() == 0
        assert counts(reader) == before
    finally:
        reader.close()
    assert fingerprint(path) == untouched
    writer = open_database(str(path))
    try:
        assert_same_rankings(got, rank_all(MatchingService(writer)))
    finally:
        writer.close()


@pytest.mark.parametrize(
    "writer_ranks",
    [
        False,
        True,
    ],
    ids=["nobody-analysed-the-edit", "the-writer-analysed-the-edit"],
)
def test_a_read_only_reader_sees_another_programs_edit(tmp_path: Path, writer_ranks: bool) -> None:
    path = sparse_file(tmp_path, analysed=False)
    writer, reader = open_database(str(path)), open_database(str(path), read_only=True)
    try:
        watching = MatchingService(reader)
        assert ids(watching.rank_actors_for_problem(GRIEF), 1) == [PARTNER]
        rewrite_purpose(writer, LOOKALIKE, GRIEF_PURPOSE)
        if writer_ranks:
            assert ids(MatchingService(writer).rank_actors_for_problem(GRIEF), 1) == [LOOKALIKE]
        assert ids(watching.rank_actors_for_problem(GRIEF), 1) == [LOOKALIKE]
    finally:
        reader.close()
        writer.close()


# --------------------------------------------------------------------------- two programs


def conflicts_seen(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """Counts the concurrent writers' conflicts store_analyses meets (then raises them on)."""
    seen: list[int] = []
    real = analysis_rows.store_analyses

    def spying(
        session: Session,
        analysed: Sequence[tuple[int, int, ActorAnalysis]],
        analyser: str,
        *rest: Any,
    ) -> None:
        try:
            real(session, analysed, analyser, *rest)
        except IntegrityError:
            seen.append(len(analysed))
            raise

    monkeypatch.setattr(analysis_rows, "store_analyses", spying)
    return seen


def while_holding(db: Database, first: MatchingService, call: Callable[[], Any]) -> Any:
    """Run ``call`` in a thread while ``first`` has refreshed the stale analyses in a
    transaction not yet committed; commit once ``call`` waits for its locks; its result."""
    out: dict[str, Any] = {}

    def run() -> None:
        try:
            out["result"] = call()
        except Exception as exc:  # asserted on below
            out["error"] = exc

    waiting = text(
        "SELECT count(*) FROM pg_stat_activity"
        " WHERE datname = current_database() AND wait_event_type = 'Lock'"
    )
    thread = threading.Thread(target=run)
    with db.unit_of_work() as session:
        first.index(session, MatchSettings.defaults())
        thread.start()
        deadline = time.monotonic() + 20
        with db.engine.connect() as probe:
            while not probe.execute(waiting).scalar_one() and time.monotonic() < deadline:
                time.sleep(0.01)
    thread.join(timeout=60)
    assert "error" not in out, out.get("error")
    return out["result"]


@pytest.fixture
def two_programs(
    pg_database: Database, monkeypatch: pytest.MonkeyPatch
) -> Iterator[tuple[Database, Database]]:
    """The sparse landscape on the server, opened by two programs; the second waits long
    enough for the first's locks."""
    LandscapeService(pg_database).import_document(sparse_document())
    monkeypatch.setenv("MAPPER_BUSY_TIMEOUT", "30")
    other = open_database(pg_database.url)
    yield pg_database, other
    other.close()


@pytest.mark.postgres
def test_two_programs_refreshing_the_same_actors_do_not_fail(
    two_programs: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, other = two_programs
    first, second = MatchingService(db), MatchingService(other)
    assert first.refresh_analysis() == 84
    assert second.refresh_analysis() == 0
    rows = derived_rows(db)
    with db.unit_of_work() as session:
        session.execute(update(ANALYSIS).values(analyser="older"))
    seen = conflicts_seen(monkeypatch)
    assert while_holding(db, first, second.refresh_analysis) == 84
    assert seen == [84]  # the second met the first's rows, and let them stand
    assert stale(db) == []
    assert derived_rows(db) == rows
    assert_same_rankings(rank_all(second), rank_all(first))


@pytest.mark.postgres
def test_a_conflict_over_one_actor_loses_no_other_actors_analysis(
    two_programs: tuple[Database, Database], monkeypatch: pytest.MonkeyPatch
) -> None:
    db, other = two_programs
    second = MatchingService(other)
    assert ids(second.rank_actors_for_problem(GRIEF), 1) == [PARTNER]
    rewrite_purpose(db, PARTNER, "Foreningen Lysglimt samler børn, der har mistet en forælder.")
    first = MatchingService(db)
    seen = conflicts_seen(monkeypatch)

    def edit_then_rank() -> Ranking:
        # Edited after the first program read what was stale, before the second does.
        rewrite_purpose(other, LOOKALIKE, GRIEF_PURPOSE)
        return second.rank_actors_for_problem(GRIEF)

    while_holding(db, first, edit_then_rank)
    assert seen == [2]
    assert ids(second.rank_actors_for_problem(GRIEF), 1) == [LOOKALIKE]
