"""The straightforward reference matcher: every actor loaded as a domain record and scored one
by one with the per-pair criteria. No index, no arrays, no pruning: slow and obviously right.

The fast path (mapper.matching.index, through MatchingService) must give identical rankings;
tests/mapper/matching/test_evaluation.py checks that on the evaluation set and
bench/bench_matching.py reports the speed ratio.
"""

from __future__ import annotations

from mapper.domain.model import Partnership
from mapper.matching.model import Candidate, MatchSettings, Ranking
from mapper.matching.ranking import rank_candidates
from mapper.persistence import store
from mapper.persistence.database import Database
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.services.geo import GeoService
from mapper.services.matching import problem_context


def rank_reference(
    database: Database,
    problem_id: str,
    *,
    top: int | None = 10,
    settings: MatchSettings | None = None,
) -> Ranking:
    settings = settings or MatchSettings.defaults()
    with database.unit_of_work() as session:
        actors = [a for _, a in store.load_actors(session)]
        problems = [p for _, p in problem_rows.load_problems(session)]
        partnerships: list[Partnership] = [
            p for _, p in partnership_rows.load_partnerships(session)
        ]
    by_id = {a.id: a for a in actors}
    problem = next(p for p in problems if p.id == problem_id)
    open_statuses = settings.params["open_problem_statuses"]
    seeks: dict[str, set[str]] = {}
    for p in problems:
        if p.owner_id and p.status in open_statuses:
            kinds = {r.kind for r in p.seeking.resources} | set(p.seeking.required_resources)
            seeks.setdefault(p.owner_id, set()).update(kinds)
    recent: dict[str, int] = {}
    if settings.rotation:
        import datetime as dt

        since = dt.datetime.now(dt.UTC) - dt.timedelta(
            days=settings.params["rotation"]["window_days"]
        )
        for partnership in partnerships:
            for change in partnership.history:
                if change.stage == "proposed" and change.changed_at >= since:
                    recent[partnership.actor_id] = recent.get(partnership.actor_id, 0) + 1
    # Placed like the service places it (own point, else its postcode, else unknown; the
    # owner's point only when the problem states no place).
    ctx = problem_context(GeoService(database), problem, by_id.get(problem.owner_id or ""))
    candidates = [Candidate(a, frozenset(seeks.get(a.id, ())), recent.get(a.id, 0)) for a in actors]
    return rank_candidates(ctx, candidates, settings, top)
