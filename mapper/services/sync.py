"""Offline checkout and sync (tag med offline): a municipality's landscape copied from the
shared server into a local SQLite file, and both brought up to date again later.

A checkout remembers where it came from (the server's URL without its password) and, per
record, the versions and the content both sides last agreed on (the base). A sync compares
base, local copy and server record by record and field by field
(``mapper.domain.three_way``): a change on one side travels to the other, deletions travel as
tombstones, erasures of persons travel as erasures, and a field changed on both sides to
different values is a conflict that overwrites nothing until the user decides
(``resolve``).

Interruption at any point is safe: the server's writes are one transaction, guarded by
compare-and-swap on the versions read; the copy's writes and its new bases are another. When
only the first committed, the next sync finds both sides changed to the same values, which
merge without conflict, and simply records the agreement.
"""

from __future__ import annotations

import os
import uuid
from collections import defaultdict
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, ClassVar, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from mapper.domain.authors import author_or_default
from mapper.domain.errors import ConflictError, MapperError
from mapper.domain.model import Actor, Partnership, ProblemStatement
from mapper.domain.municipality import padded
from mapper.domain.three_way import (
    DELETED,
    FieldConflict,
    Side,
    changed_fields,
    flatten,
    merge,
    unflatten,
)
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io import interchange
from mapper.persistence.database import Database, open_database, sqlite_file, without_password
from mapper.persistence.repositories import boundaries as boundary_rows
from mapper.persistence.repositories import history as history_rows
from mapper.persistence.repositories import partnerships as partnership_rows
from mapper.persistence.repositories import privacy as privacy_rows
from mapper.persistence.repositories import problems as problem_rows
from mapper.persistence.repositories import settings as weight_rows
from mapper.persistence.repositories import sync as rows
from mapper.persistence.repositories.actors import ActorRepository, StoredKey
from mapper.persistence.store import (
    PARTNERSHIPS,
    database_now,
    load_actors,
    save_actors,
)

Progress = Callable[[int, int], None]
RecordType = Literal["actor", "problem", "partnership"]

ATTEMPTS = 3
"""Rounds a sync tries when another writer changes the server while it writes."""


@dataclass
class SyncError(MapperError):
    """Sync cannot start or go on: ``cause`` says why (not_checkout, target_exists,
    no_conflict, ambiguous, busy), ``detail`` in English for the CLI and logs."""

    code: ClassVar[str] = "sync"

    cause: str
    detail: str

    def __post_init__(self) -> None:
        super().__init__(str(self))

    def __str__(self) -> str:
        return self.detail


@dataclass(frozen=True)
class Moved:
    """One record that moved: to the server ('push') or to the copy ('pull'), how
    ('created', 'changed', 'merged', 'deleted', 'erased') and the fields that changed."""

    direction: Literal["push", "pull"]
    record_type: str
    record_id: str
    action: str
    fields: tuple[str, ...] = ()


@dataclass(frozen=True)
class Conflict:
    """A field changed on both sides to different values (None: empty there)."""

    record_type: str
    record_id: str
    field: str
    base: Any
    local: Any
    server: Any
    resolution: Side | None = None


@dataclass(frozen=True)
class SyncReport:
    server: str
    moved: tuple[Moved, ...]
    conflicts: tuple[Conflict, ...]
    """Every open conflict after the sync (decided ones were applied and are gone)."""
    rounds: int = 1

    def count(self, direction: str) -> int:
        return sum(1 for m in self.moved if m.direction == direction)


@dataclass(frozen=True)
class CheckoutReport:
    path: Path
    server: str
    municipality_code: str | None
    actors: int
    problems: int
    partnerships: int
    boundaries: int


# --------------------------------------------------------------------------- records as dicts


def _actor_dict(actor: Actor) -> dict[str, Any]:
    return interchange.actor_to_dict(actor)


def _problem_dict(problem: ProblemStatement) -> dict[str, Any]:
    return interchange.problem_to_dict(problem)


def _partnership_dict(partnership: Partnership) -> dict[str, Any]:
    # The stage history is appended by each side as stages change, never merged.
    d = interchange.partnership_to_dict(partnership)
    d.pop("history", None)
    return d


def read_records(
    session: Session, record_type: str, found: Mapping[str, rows.Stored]
) -> dict[str, dict[str, Any]]:
    """The live records among ``found`` as interchange dicts, by id."""
    live = {uid: s.pk for uid, s in found.items() if not s.deleted}
    if not live:
        return {}
    by_pk = {pk: uid for uid, pk in live.items()}
    if record_type == "actor":
        return {by_pk[pk]: _actor_dict(a) for pk, a in load_actors(session, list(by_pk))}
    if record_type == "problem":
        loaded = problem_rows.load_problems(session, list(by_pk))
        return {by_pk[pk]: _problem_dict(p) for pk, p in loaded}
    return {
        by_pk[pk]: _partnership_dict(p)
        for pk, p in partnership_rows.load_partnerships(session)
        if pk in by_pk
    }


# --------------------------------------------------------------------------- the plan


@dataclass
class _Plan:
    """What one round writes, on each side, and the conflicts it found."""

    push: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    """record type → id → record to write on the server."""
    push_expected: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    push_local: dict[str, dict[str, dict[str, Any]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    """record type → id → the copy's record when a merged one is sent (see _take_arrived)."""
    push_delete: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    """record type → id → server version to delete at."""
    pull: dict[str, dict[str, dict[str, Any]]] = field(default_factory=lambda: defaultdict(dict))
    pull_expected: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    pull_delete: dict[str, dict[str, int]] = field(default_factory=lambda: defaultdict(dict))
    agreed: dict[str, dict[str, dict[str, Any] | None]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    """record type → id → the content both sides hold after the round (None: deleted)."""
    conflicts: dict[str, dict[str, list[FieldConflict]]] = field(
        default_factory=lambda: defaultdict(dict)
    )
    moved: list[Moved] = field(default_factory=list)


class SyncService:
    """Checkout and sync of a local copy against its server."""

    def __init__(
        self,
        database: Database,
        vocabulary: Vocabulary | None = None,
        *,
        author: str | None = None,
        connect: Callable[[str], Database] = open_database,
    ) -> None:
        self.database = database
        self.vocabulary = vocabulary or load_vocabulary()
        self.author = author
        self._connect = connect

    # ----------------------------------------------------------------- checkout

    @staticmethod
    def checkout(
        server_url: str,
        target: str | os.PathLike[str],
        municipality_code: str | None = None,
        *,
        author: str | None = None,
        progress: Progress | None = None,
        connect: Callable[[str], Database] = open_database,
    ) -> CheckoutReport:
        """Copy the municipality's landscape (every record for None) from the server into
        a new SQLite file at ``target``, which then remembers where it came from. The file
        appears only when complete."""
        report = progress or (lambda _done, _total: None)
        path = Path(target)
        if path.exists():
            raise SyncError(
                "target_exists", f"{path} exists already: choose a new file for the copy"
            )
        code = padded(municipality_code) if municipality_code else None
        server = connect(server_url)
        try:
            report(0, 3)
            with server.unit_of_work() as session:
                scope = rows.scope(session, code)
                found = {t: rows.stored(session, t, scope[t]) for t in rows.RECORD_TYPES}
                records = {t: read_records(session, t, found[t]) for t in rows.RECORD_TYPES}
                areas = list(session.execute(select(boundary_rows.BOUNDARIES)))
                weights = {
                    uid: weight_rows.problem_weights(session, s.pk)
                    for uid, s in found["problem"].items()
                }
            display = server.display_url
        finally:
            server.close()
        report(1, 3)
        partial = path.with_name(path.name + ".partial")
        partial.unlink(missing_ok=True)
        local = open_database(str(partial))
        try:
            with local.unit_of_work() as session:
                _write_records(session, records, {}, author)
                for layer in sorted({a.layer for a in areas}):
                    boundary_rows.replace_layer(
                        session,
                        layer,
                        [
                            boundary_rows.NewBoundary(
                                **{k: getattr(a, k) for k in _BOUNDARY_FIELDS}
                            )
                            for a in areas
                            if a.layer == layer
                        ],
                    )
                local_found = {t: rows.stored(session, t, records[t]) for t in rows.RECORD_TYPES}
                for uid, weight in weights.items():
                    if weight and uid in local_found["problem"]:
                        weight_rows.replace_problem_weights(
                            session, local_found["problem"][uid].pk, weight
                        )
                for t in rows.RECORD_TYPES:
                    rows.put_bases(
                        session,
                        t,
                        {
                            uid: rows.Base(
                                found[t][uid].version, local_found[t][uid].version, record
                            )
                            for uid, record in records[t].items()
                        },
                    )
                rows.set_origin(
                    session,
                    without_password(server_url),
                    code,
                    author_or_default(author),
                    database_now(session),
                )
            report(2, 3)
        finally:
            local.close()
        for suffix in ("-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        partial.replace(path)
        report(3, 3)
        return CheckoutReport(
            path,
            display,
            code,
            len(records["actor"]),
            len(records["problem"]),
            len(records["partnership"]),
            len(areas),
        )

    # ----------------------------------------------------------------- state

    def origin(self) -> rows.Origin | None:
        with self.database.unit_of_work() as session:
            return rows.origin(session)

    def conflicts(self) -> list[Conflict]:
        with self.database.unit_of_work() as session:
            return [_conflict(c) for c in rows.conflicts(session)]

    def resolve(self, record_id: str, field: str, keep: Side) -> Conflict:
        """Decide an open conflict: keep the copy's ('local') or the server's value. The
        next sync writes it to both sides."""
        with self.database.unit_of_work() as session:
            self._require_origin(session)
            candidates = [
                c for c in rows.conflicts(session) if c.record_uid == record_id and c.field == field
            ]
            if not candidates:
                open_ones = [f"{c.record_uid} {c.field}" for c in rows.conflicts(session)]
                raise SyncError(
                    "no_conflict",
                    f"no open conflict on field {field!r} of {record_id!r}"
                    + (f"; open: {', '.join(open_ones)}" if open_ones else "; none is open"),
                )
            if len(candidates) > 1:
                raise SyncError(
                    "ambiguous", f"{record_id!r} names records of several types; ask for one"
                )
            found = candidates[0]
            rows.decide(session, found.record_type, record_id, field, keep)
            return replace(_conflict(found), resolution=keep)

    # ----------------------------------------------------------------- sync

    def sync(
        self, progress: Progress | None = None, *, server_url: str | None = None
    ) -> SyncReport:
        """Bring the copy and its server up to date (see the module docstring). Conflicts
        are in the report and stay stored until decided; nothing is overwritten."""
        report = progress or (lambda _done, _total: None)
        with self.database.unit_of_work() as session:
            origin = self._require_origin(session)
        server = self._connect(server_url or origin.server_url)
        try:
            moved: list[Moved] = []
            for attempt in range(1, ATTEMPTS + 1):
                try:
                    report(0, 4)
                    moved += self._erasures(server)
                    moved += self._round(server, origin, report)
                    report(4, 4)
                    return SyncReport(
                        server.display_url, tuple(moved), tuple(self.conflicts()), attempt
                    )
                except ConflictError:
                    if attempt == ATTEMPTS:
                        raise SyncError(
                            "busy",
                            f"the server changed during {ATTEMPTS} attempts in a row; "
                            "nothing is lost: run sync again",
                        ) from None
            raise AssertionError("unreachable")
        finally:
            server.close()

    def _require_origin(self, session: Session) -> rows.Origin:
        origin = rows.origin(session)
        if origin is None:
            raise SyncError(
                "not_checkout",
                f"{self.database.display_url} is not an offline copy: make one with "
                "'mapper sync checkout --from URL FILE'",
            )
        return origin

    def _round(self, server: Database, origin: rows.Origin, report: Progress) -> list[Moved]:
        with self.database.unit_of_work() as local_session:
            base = {t: rows.bases(local_session, t) for t in rows.RECORD_TYPES}
            local_found = {t: rows.stored(local_session, t) for t in rows.RECORD_TYPES}
            decided = rows.decisions(local_session)
            sent = rows.pending(local_session)
        with server.unit_of_work() as server_session:
            scope = rows.scope(server_session, origin.municipality_code)
            server_found = {
                t: rows.stored(server_session, t, scope[t] | base[t].keys() | local_found[t].keys())
                for t in rows.RECORD_TYPES
            }
            received = rows.receipts(server_session, origin.copy_id) if sent else {}
        arrived = _take_arrived(base, sent, received)
        if sent:
            # Made durable before anything else is noted as sent: a later cut-off must not
            # lose what this one learnt.
            with self.database.unit_of_work() as session:
                for t, bases in arrived.items():
                    rows.put_bases(session, t, bases)
                rows.clear_pending(session)
        report(1, 4)
        changed_local = {t: _changed(base[t], local_found[t], "local") for t in rows.RECORD_TYPES}
        changed_server = {
            t: _changed(base[t], server_found[t], "server") | (scope[t] - base[t].keys())
            for t in rows.RECORD_TYPES
        }
        touched = {t: changed_local[t] | changed_server[t] for t in rows.RECORD_TYPES}
        if not any(touched.values()):
            with self.database.unit_of_work() as session:
                rows.mark_synced(session, database_now(session))
            return []
        with self.database.unit_of_work() as session:
            local_records = {
                t: read_records(session, t, _only(local_found[t], touched[t]))
                for t in rows.RECORD_TYPES
            }
        with server.unit_of_work() as session:
            server_records = {
                t: read_records(session, t, _only(server_found[t], touched[t]))
                for t in rows.RECORD_TYPES
            }
        plan = _Plan()
        for t in rows.RECORD_TYPES:
            for uid in sorted(touched[t]):
                _plan_record(
                    plan,
                    t,
                    uid,
                    base[t].get(uid),
                    local_found[t].get(uid),
                    server_found[t].get(uid),
                    local_records[t].get(uid),
                    server_records[t].get(uid),
                    decided.get((t, uid), {}),
                    uid in changed_local[t],
                    uid in changed_server[t],
                )
        report(2, 4)
        push_id = str(uuid.uuid4())
        if any(plan.push.values()):
            with self.database.unit_of_work() as session:
                notes = {
                    t: {
                        uid: {"sent": record, "local": plan.push_local[t].get(uid, record)}
                        for uid, record in records.items()
                    }
                    for t, records in plan.push.items()
                }
                rows.note_pending(session, push_id, notes)
        server_versions = self._write_server(server, plan, origin.copy_id, push_id)
        report(3, 4)
        self._write_local(plan, server_versions, server_found)
        return plan.moved

    def _write_server(
        self, server: Database, plan: _Plan, copy_id: str, push_id: str
    ) -> dict[str, dict[str, int]]:
        """The server's writes and their receipt in one transaction; the versions they
        left."""
        with server.unit_of_work() as session:
            _write_records(session, plan.push, plan.push_expected, self.author)
            refused = _delete_records(session, plan.push_delete, self.author)
            for t, uid, reason in refused:
                plan.conflicts[t][uid] = [FieldConflict(DELETED, None, "deleted", reason)]
                plan.agreed[t].pop(uid, None)
                plan.pull[t].pop(uid, None)
                plan.moved = [m for m in plan.moved if (m.record_type, m.record_id) != (t, uid)]
            uids = {t: set(plan.agreed[t]) for t in rows.RECORD_TYPES}
            versions = {
                t: {uid: s.version for uid, s in rows.stored(session, t, uids[t]).items()}
                for t in rows.RECORD_TYPES
            }
            if any(plan.push.values()):
                pushed = {t: {u: versions[t][u] for u in plan.push[t]} for t in plan.push}
                rows.write_receipts(session, copy_id, push_id, pushed)
            return versions

    def _write_local(
        self,
        plan: _Plan,
        server_versions: Mapping[str, Mapping[str, int]],
        server_found: Mapping[str, Mapping[str, rows.Stored]],
    ) -> None:
        """The copy's writes, its new bases and the conflicts, in one transaction."""
        with self.database.unit_of_work() as session:
            now = database_now(session)
            # A change made in the copy meanwhile is not overwritten: ConflictError, and the
            # next round merges it.
            _write_records(session, plan.pull, plan.pull_expected, self.author)
            refused = _delete_records(session, plan.pull_delete, self.author)
            for t, uid, _reason in refused:
                raise ConflictError(t, uid, plan.pull_delete[t][uid], -1)
            for t in rows.RECORD_TYPES:
                agreed = plan.agreed[t]
                local_versions = rows.stored(session, t, agreed)
                live = {uid: r for uid, r in agreed.items() if r is not None}
                rows.put_bases(
                    session,
                    t,
                    {
                        uid: rows.Base(
                            server_versions[t][uid]
                            if uid in server_versions[t]
                            else server_found[t][uid].version,
                            local_versions[uid].version,
                            record,
                        )
                        for uid, record in live.items()
                    },
                )
                rows.drop_bases(session, t, [uid for uid, r in agreed.items() if r is None])
                rows.clear_conflicts(session, t, list(agreed))
                for uid, found in plan.conflicts[t].items():
                    rows.replace_conflicts(
                        session,
                        t,
                        uid,
                        [(c.field, c.base, c.local, c.server) for c in found],
                        now,
                    )
            rows.clear_pending(session)
            rows.mark_synced(session, now)

    # ----------------------------------------------------------------- erasure

    def _erasures(self, server: Database) -> list[Moved]:
        """Persons erased on one side are erased on the other (before anything else moves,
        so that their data never travels back). An erasure in the copy left the person's
        base under the tombstone's id (``slettet-`` + digest): the server's person is found
        by that digest. One on the server is seen as the person's id gone there and the
        tombstone's id present."""
        from mapper.services.privacy import PrivacyService

        with self.database.unit_of_work() as session:
            based = set(rows.bases(session, "actor"))
            local = rows.stored(
                session, "actor", based | {privacy_rows.erased_uid(u) for u in based}
            )
        erased_here = {u for u in based if u.startswith(privacy_rows.ERASED_PREFIX)}
        with server.unit_of_work() as session:
            remote = rows.stored(
                session, "actor", based | {privacy_rows.erased_uid(u) for u in based}
            )
            by_digest = (
                {
                    privacy_rows.erased_uid(uid): uid
                    for uid, found in rows.stored(session, "actor").items()
                    if not found.deleted
                }
                if erased_here
                else {}
            )
        moved = []
        for tomb in sorted(erased_here):
            person = by_digest.get(tomb)
            if person is not None:
                PrivacyService(server, self.vocabulary, author=self.author).erase_person(person)
                moved.append(Moved("push", "actor", tomb, "erased"))
            with self.database.unit_of_work() as session:
                rows.drop_bases(session, "actor", [tomb])
        for uid in sorted(based - erased_here):
            tomb = privacy_rows.erased_uid(uid)
            if uid not in remote and tomb in remote and uid in local:
                PrivacyService(self.database, self.vocabulary, author=self.author).erase_person(uid)
                with self.database.unit_of_work() as session:
                    rows.drop_bases(session, "actor", [tomb])
                moved.append(Moved("pull", "actor", tomb, "erased"))
        return moved


_BOUNDARY_FIELDS = (
    "layer",
    "code",
    "name",
    "parent_code",
    "geometry",
    "point_lat",
    "point_lon",
    "min_lat",
    "min_lon",
    "max_lat",
    "max_lon",
    "imported_at",
)


def _conflict(c: rows.ConflictRow) -> Conflict:
    return Conflict(c.record_type, c.record_uid, c.field, c.base, c.local, c.server, c.resolution)


def _only(found: Mapping[str, rows.Stored], uids: set[str]) -> dict[str, rows.Stored]:
    return {uid: s for uid, s in found.items() if uid in uids}


def _take_arrived(
    base: dict[str, dict[str, rows.Base]],
    sent: Mapping[tuple[str, str], tuple[str, Any]],
    received: Mapping[tuple[str, str], tuple[str, int]],
) -> dict[str, dict[str, rows.Base]]:
    """A sync cut off after the server's commit left what it sent noted as pending; the
    server's receipt of that push (same id) says it arrived and at which version. Both sides
    then agree on the fields the copy held as sent: those become the base (so that the copy's
    later edits of them are no conflict, and the server's are the server's own). A merged
    record also carried the server's fields to the server that the copy never got: there the
    old base stays, and the server counts as changed so that they come. The bases taken, by
    record type."""
    taken: dict[str, dict[str, rows.Base]] = defaultdict(dict)
    for (t, uid), (push_id, note) in sent.items():
        receipt = received.get((t, uid))
        if receipt is None or receipt[0] != push_id:
            continue  # that push never reached the server
        old = base[t].get(uid)
        record = note["sent"]
        if note["local"] == record:
            agreed, version = record, receipt[1]
        else:
            was, out, held = (
                flatten(old.snapshot if old else None),
                flatten(record),
                flatten(note["local"]),
            )
            agreed = unflatten(
                {
                    p: out.get(p) if out.get(p) == held.get(p) else was.get(p)
                    for p in was.keys() | out.keys() | held.keys()
                }
            )
            version = -1
        base[t][uid] = taken[t][uid] = rows.Base(version, old.local_version if old else -1, agreed)
    return taken


def _changed(
    base: Mapping[str, rows.Base], found: Mapping[str, rows.Stored], side: str
) -> set[str]:
    """The records changed on one side since the base: another version (deleted ones
    included), or gone; on the local side also those new there."""
    changed = set()
    for uid, b in base.items():
        s = found.get(uid)
        version = b.local_version if side == "local" else b.server_version
        if s is None or s.version != version:
            changed.add(uid)
    if side == "local":
        changed |= {uid for uid, s in found.items() if uid not in base and not s.deleted}
    return changed


def _plan_record(
    plan: _Plan,
    t: str,
    uid: str,
    base: rows.Base | None,
    local_state: rows.Stored | None,
    server_state: rows.Stored | None,
    local: dict[str, Any] | None,
    server: dict[str, Any] | None,
    decisions: Mapping[str, rows.ConflictRow],
    local_changed: bool,
    server_changed: bool,
) -> None:
    """Decide what happens to one record (see the module docstring)."""
    b = base.snapshot if base else None
    decided = _holding(decisions, local, server)
    if local_changed and not server_changed and local is not None and local == b:
        plan.agreed[t][uid] = local  # only the version moved (e.g. after a cut-off sync)
        return
    if server_changed and not local_changed and server is not None and server == b:
        plan.agreed[t][uid] = server
        return
    if local_changed and not server_changed:
        if local is None:
            if server_state is not None and not server_state.deleted:
                plan.push_delete[t][uid] = server_state.version
                plan.moved.append(Moved("push", t, uid, "deleted"))
            plan.agreed[t][uid] = None
        else:
            _push(plan, t, uid, local, server_state, b)
            plan.agreed[t][uid] = local
        return
    if server_changed and not local_changed:
        if server is None:
            if local_state is not None and not local_state.deleted:
                plan.pull_delete[t][uid] = local_state.version
                plan.moved.append(Moved("pull", t, uid, "deleted"))
            plan.agreed[t][uid] = None
        else:
            _pull(plan, t, uid, server, local_state, b)
            plan.agreed[t][uid] = server
        return
    # Changed on both sides.
    if local is None and server is None:
        plan.agreed[t][uid] = None
        return
    if local is None or server is None:
        side = decided.get(DELETED)
        if side is None:
            plan.conflicts[t][uid] = [
                FieldConflict(
                    DELETED,
                    None,
                    "deleted" if local is None else "changed",
                    "deleted" if server is None else "changed",
                )
            ]
            return
        if side == "local" and local is None:
            assert server_state is not None
            plan.push_delete[t][uid] = server_state.version
            plan.moved.append(Moved("push", t, uid, "deleted"))
            plan.agreed[t][uid] = None
        elif side == "server" and server is None:
            assert local_state is not None
            plan.pull_delete[t][uid] = local_state.version
            plan.moved.append(Moved("pull", t, uid, "deleted"))
            plan.agreed[t][uid] = None
        elif side == "local":
            assert local is not None
            _push(plan, t, uid, local, server_state, None)
            plan.agreed[t][uid] = local
        else:
            assert server is not None
            _pull(plan, t, uid, server, local_state, None)
            plan.agreed[t][uid] = server
        return
    merged, conflicts = merge(b, local, server, decided)
    if conflicts:
        plan.conflicts[t][uid] = conflicts
        return
    if merged != server:
        _push(plan, t, uid, merged, server_state, server, action="merged")
        plan.push_local[t][uid] = local
    if merged != local:
        _pull(plan, t, uid, merged, local_state, local, action="merged")
    plan.agreed[t][uid] = merged


def _holding(
    decisions: Mapping[str, rows.ConflictRow],
    local: dict[str, Any] | None,
    server: dict[str, Any] | None,
) -> dict[str, Side]:
    """The user's decisions that still hold: both values are those decided between (a side
    that changed again asks anew)."""
    mine, theirs = flatten(local), flatten(server)
    holding: dict[str, Side] = {}
    for field_path, c in decisions.items():
        if c.resolution is None:
            continue
        now: tuple[Any, Any]
        if field_path == DELETED:
            now = (
                "deleted" if local is None else "changed",
                "deleted" if server is None else "changed",
            )
        else:
            now = (mine.get(field_path), theirs.get(field_path))
        if now == (c.local, c.server):
            holding[field_path] = c.resolution
    return holding


def _push(
    plan: _Plan,
    t: str,
    uid: str,
    record: dict[str, Any],
    server_state: rows.Stored | None,
    before: dict[str, Any] | None,
    action: str | None = None,
) -> None:
    _move(plan, "push", t, uid, record, server_state, before, action)


def _pull(
    plan: _Plan,
    t: str,
    uid: str,
    record: dict[str, Any],
    local_state: rows.Stored | None,
    before: dict[str, Any] | None,
    action: str | None = None,
) -> None:
    _move(plan, "pull", t, uid, record, local_state, before, action)


def _move(
    plan: _Plan,
    direction: Literal["push", "pull"],
    t: str,
    uid: str,
    record: dict[str, Any],
    target: rows.Stored | None,
    before: dict[str, Any] | None,
    action: str | None,
) -> None:
    """Plan writing ``record`` on the side it moves to (compare-and-swap on the version
    ``target`` has there) and note what moved."""
    records, expected = (
        (plan.push, plan.push_expected) if direction == "push" else (plan.pull, plan.pull_expected)
    )
    records[t][uid] = record
    if target is not None:
        expected[t][uid] = target.version
    created = target is None or target.deleted
    plan.moved.append(
        Moved(
            direction,
            t,
            uid,
            action or ("created" if created else "changed"),
            tuple(changed_fields(before, record)),
        )
    )


def _write_records(
    session: Session,
    records: Mapping[str, Mapping[str, dict[str, Any]]],
    expected: Mapping[str, Mapping[str, int]],
    author: str | None,
) -> None:
    """Write actors, problem statements and partnerships (in that order: what a record
    refers to comes first), each update a compare-and-swap on its expected version."""
    actors = [interchange.actor_from_dict(d) for d in records.get("actor", {}).values()]
    if actors:
        save_actors(
            session, actors, expected_versions=dict(expected.get("actor", {})), author=author
        )
    problems = [interchange.problem_from_dict(d) for d in records.get("problem", {}).values()]
    if problems:
        problem_rows.save_problems(
            session, problems, expected_versions=dict(expected.get("problem", {})), author=author
        )
    partnerships = records.get("partnership", {})
    if partnerships:
        wanted = expected.get("partnership", {})
        current = rows.stored(session, "partnership", partnerships)
        for uid, version in wanted.items():
            found = current.get(uid)
            if found is not None and found.version != version:
                raise ConflictError("partnership", uid, version, found.version)
        if wanted:
            _lock(session, [current[u].pk for u in wanted if u in current], wanted, current)
        partnership_rows.save_partnerships(
            session,
            [interchange.partnership_from_dict(d) for d in partnerships.values()],
            note="sync",
            author=author,
        )


def _lock(
    session: Session,
    pks: Sequence[int],
    wanted: Mapping[str, int],
    current: Mapping[str, rows.Stored],
) -> None:
    """Lock the partnerships about to be written and check their versions again under the
    lock (compare-and-swap; partnerships are saved by pair, not by version)."""
    if not pks:
        return
    stmt = select(PARTNERSHIPS.c.pk, PARTNERSHIPS.c.version).where(PARTNERSHIPS.c.pk.in_(pks))
    locked = dict(session.execute(stmt.with_for_update()).tuples().all())
    for uid, version in wanted.items():
        found = current.get(uid)
        if found is not None and locked.get(found.pk) != version:
            raise ConflictError("partnership", uid, version, int(locked.get(found.pk, -1)))


def _delete_records(
    session: Session, deletions: Mapping[str, Mapping[str, int]], author: str | None
) -> list[tuple[str, str, str]]:
    """Tombstone partnerships, problem statements, then actors, each a compare-and-swap on
    its version (ConflictError when it moved). One that is still in use on this side (a
    new partnership refers to it) is not deleted: (type, id, why) of those."""
    refused: list[tuple[str, str, str]] = []
    entries = []
    for t in reversed(rows.RECORD_TYPES):
        wanted = deletions.get(t, {})
        if not wanted:
            continue
        found = rows.stored(session, t, wanted)
        for uid, version in sorted(wanted.items()):
            s = found.get(uid)
            if s is None or s.deleted:
                continue
            if s.version != version:
                raise ConflictError(t, uid, version, s.version)
            if t == "partnership":
                ok = partnership_rows.tombstone(session, s.pk, version, author)
            elif t == "problem":
                count = problem_rows.live_partnership_count(session, s.pk)
                if count:
                    refused.append((t, uid, f"in use by {count} partnership(s)"))
                    continue
                ok = problem_rows.tombstone(session, s.pk, version, author) is not None
            else:
                repository = ActorRepository(session)
                if repository.referrers(s.pk):
                    refused.append((t, uid, "in use by problem statements, partners or children"))
                    continue
                ok = repository.tombstone(StoredKey(s.pk, version), author=author)
            if not ok:
                raise ConflictError(t, uid, version, -1)
            entries.append(history_rows.entry(t, uid, version + 1, "deleted", {}))
    if entries:
        history_rows.record(session, entries, author=author)
    return refused


def conflict_as_json(conflict: Conflict) -> dict[str, Any]:
    return {
        "record_type": conflict.record_type,
        "id": conflict.record_id,
        "field": conflict.field,
        "base": conflict.base,
        "local": conflict.local,
        "server": conflict.server,
        "resolution": conflict.resolution,
    }


def report_as_json(report: SyncReport) -> dict[str, Any]:
    return {
        "server": report.server,
        "moved": [
            {
                "direction": m.direction,
                "record_type": m.record_type,
                "id": m.record_id,
                "action": m.action,
                "fields": list(m.fields),
            }
            for m in report.moved
        ],
        "conflicts": [conflict_as_json(c) for c in report.conflicts],
    }


def is_checkout(database: Database) -> bool:
    """Whether the database is an offline copy (has an origin)."""
    with database.unit_of_work() as session:
        return rows.origin(session) is not None


def local_path(database: Database) -> Path | None:
    return sqlite_file(database.url)
