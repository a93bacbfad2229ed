"""Benchmark: concurrent writers against PostgreSQL, with a check that no update was lost.

    .venv/bin/python bench/concurrent_writers.py [--writers 4] [--duration 180] [--runs 1]
        [--synthetic 1000] [--hot 4] [--hot-share 0.5] [--self-test-lost-update]

Each run creates a fresh database on the server named by MAPPER_BENCH_PG (else MAPPER_TEST_PG,
else the local server), loads the demo landscape and ``--synthetic`` synthetic actors
(bench/synth.py), and starts ``--writers`` processes that edit for ``--duration`` seconds
through the services the app uses: an actor's "we are" text (ActorEditService), a problem
statement's description (ProblemEditService) and a partnership's notes (PartnershipService),
each save a compare-and-swap on the version loaded just before. Half the edits (``--hot-share``)
go to a few shared records (``--hot``), so that saves really conflict; the rest to any other
record. A writer that gets ConflictError reloads and saves again, as a user would.

Every save writes a token of its own: the edited text ends in ``[bench w0=17 w1=9 ...]``, where
``wK=n`` is the sequence number of writer K's latest save of that record. A save keeps the other
writers' numbers it loaded and sets its own. Afterwards, per record, the versions acknowledged
to writers must be distinct and exactly the versions the record went through; the change
history (record_history) of each version must carry the number of the save acknowledged at it;
and no writer's number may go down in any later version or in the stored text. A write based on
a stale read (a lost update) lowers another writer's number, so it is counted, as the
self-test shows: with ``--self-test-lost-update`` writer 0 saves what it read after someone
else has saved the record, with the version it re-reads just before (no compare-and-swap on
what it read), and the check must find lost updates.

Prints a table per writer (saves, conflicts, other errors, saves/s, median and p95 latency of
a successful save) and the checks, with the machine and the PostgreSQL version, then drops the
database. With several runs the totals are the median of the runs. Exit status 1 when an update
was lost or a save failed otherwise than by a conflict (in the self-test: when none was lost).
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import random
import re
import statistics
import sys
import time
import traceback
import uuid
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from bench_interchange import machine  # noqa: E402

DEFAULT_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/postgres"
KINDS = ("actor", "problem", "partnership")
HISTORY_FIELD = {"actor": "profile.we_are", "problem": "description", "partnership": "notes"}
"""The text each kind's saves carry their tokens in, by its change-history path."""
MARKER = re.compile(r"\s*\[bench((?: w\d+=\d+)*)\]\s*$")
ERRORS_KEPT = 5
"""Tracebacks a writer sends back (all errors are counted)."""
BLIND_WAIT_S = 2.0
"""How long the self-test's blind writer waits for someone else to save what it read."""

Key = tuple[str, str]
"""(kind, record id); a partnership's id is 'problem id:actor id' as in its history."""


# --------------------------------------------------------------------------- tokens


def slots(text: str | None) -> dict[int, int]:
    """The writers' sequence numbers in a text's marker: {writer: n}; none without one."""
    found = MARKER.search(text or "")
    if found is None:
        return {}
    pairs = (p.split("=") for p in found.group(1).split())
    return {int(w[1:]): int(n) for w, n in pairs}


def with_token(text: str | None, writer: int, n: int) -> str:
    """The text with writer's number set to n in its marker, the others' kept as they are."""
    base = MARKER.sub("", text or "")
    numbers = {**slots(text), writer: n}
    marker = " ".join(f"w{w}={numbers[w]}" for w in sorted(numbers))
    return f"{base} [bench {marker}]".lstrip()


# --------------------------------------------------------------------------- the check


@dataclass(frozen=True)
class Ack:
    """A save a writer was told succeeded: its number n gave the record this version."""

    writer: int
    n: int
    version: int


@dataclass
class Check:
    """What the check of the stored records and their history found."""

    records: int = 0
    acknowledged: int = 0
    lost: list[str] = field(default_factory=list)
    """Acknowledged saves whose token is missing from a later version or the stored text."""
    inconsistent: list[str] = field(default_factory=list)
    """Versions acknowledged to nobody or not stored, history rows missing or not the
    acknowledged save's: each means the store and the writers disagree."""

    def add(self, other: Check) -> None:
        self.records += other.records
        self.acknowledged += other.acknowledged
        self.lost += other.lost
        self.inconsistent += other.inconsistent


def check_record(
    key: Key,
    initial_version: int,
    acks: Sequence[Ack],
    history: Mapping[int, str | None],
    final_version: int,
    final_text: str | None,
) -> Check:
    """Check one record: ``history`` maps each version after ``initial_version`` to the text
    that version stored (from the change history), ``final_*`` is what is stored now."""
    label = f"{key[0]} {key[1]}"
    found = Check(records=1, acknowledged=len(acks))
    by_version: dict[int, Ack] = {}
    for ack in acks:
        if ack.version in by_version:
            first = by_version[ack.version]
            found.lost.append(
                f"{label}: version {ack.version} acknowledged to w{first.writer} (n={first.n}) "
                f"and to w{ack.writer} (n={ack.n})"
            )
        by_version[ack.version] = ack
    versions = range(initial_version + 1, final_version + 1)
    never = [v for v in versions if v not in by_version]
    if never:
        found.inconsistent.append(f"{label}: versions {never[:5]} were acknowledged to nobody")
    beyond = sorted(v for v in by_version if v not in versions)
    if beyond:
        found.inconsistent.append(f"{label}: acknowledged versions {beyond[:5]} are not stored")
    texts: list[dict[int, int]] = []
    for version in versions:
        if version not in history:
            found.inconsistent.append(f"{label}: no history of version {version}")
            texts.append(texts[-1] if texts else {})
            continue
        numbers = slots(history[version])
        told = by_version.get(version)
        if told is not None and numbers.get(told.writer) != told.n:
            found.inconsistent.append(
                f"{label}: version {version} stored w{told.writer}={numbers.get(told.writer)}, "
                f"acknowledged n={told.n}"
            )
        texts.append(numbers)
    texts.append(slots(final_text))
    # The lowest number each writer has from each version on: a save is lost when any later
    # state holds a lower number of its writer than its own.
    writers = {w for numbers in texts for w in numbers} | {a.writer for a in acks}
    lowest: list[dict[int, int]] = [{} for _ in texts]
    running = dict.fromkeys(writers, sys.maxsize)
    for i in range(len(texts) - 1, -1, -1):
        running = {w: min(running[w], texts[i].get(w, 0)) for w in writers}
        lowest[i] = running
    for ack in sorted(by_version.values(), key=lambda a: a.version):
        if ack.version not in versions:
            continue
        after = lowest[ack.version - initial_version - 1]
        if after.get(ack.writer, 0) < ack.n:
            found.lost.append(
                f"{label}: w{ack.writer}'s save n={ack.n} (version {ack.version}) is gone later "
                f"(w{ack.writer}={after.get(ack.writer, 0)})"
            )
    return found


# --------------------------------------------------------------------------- records


class Records:
    """Load and save the token text of actors, problem statements and partnerships through the
    services the app uses."""

    def __init__(self, url: str, author: str | None = None) -> None:
        from mapper.persistence.database import open_database
        from mapper.services.actors import ActorEditService
        from mapper.services.partnerships import PartnershipService
        from mapper.services.problems import ProblemEditService

        self.database = open_database(url)
        self.actors = ActorEditService(self.database, author=author)
        self.problems = ProblemEditService(self.database, author=author)
        self.partnerships = PartnershipService(self.database, author=author)

    def close(self) -> None:
        self.database.close()

    def load(self, key: Key) -> tuple[Any, str | None, int]:
        """(the record as loaded, its token text, its version)."""
        kind, uid = key
        if kind == "actor":
            actor, version = self.actors.load(uid)
            return actor, actor.profile.we_are, version
        if kind == "problem":
            problem, version = self.problems.load(uid)
            return problem, problem.description, version
        detail = self.partnerships.get(*uid.split(":", 1))
        return detail, detail.notes, detail.version

    def save(self, key: Key, record: Any, text: str, expected_version: int) -> int:
        """Save the loaded record with the new text; the new version (or ConflictError)."""
        kind, uid = key
        if kind == "actor":
            changed = replace(record, profile=replace(record.profile, we_are=text))
            return self.actors.save(changed, expected_version=expected_version)
        if kind == "problem":
            return self.problems.save(
                replace(record, description=text), expected_version=expected_version
            )
        problem_id, actor_id = uid.split(":", 1)
        detail = self.partnerships.update(
            problem_id, actor_id, notes=text, expected_version=expected_version
        )
        return int(detail.version)

    def all_keys(self) -> list[Key]:
        from mapper.services.landscape import LandscapeService

        landscape = LandscapeService(self.database)
        return [
            *(("actor", a.id) for a in landscape.list_actors()),
            *(("problem", p.id) for p in landscape.list_problems()),
            *(
                ("partnership", f"{p.problem_id}:{p.actor_id}")
                for p in self.partnerships.list_partnerships()
            ),
        ]

    def history_texts(self, key: Key, after_version: int) -> dict[int, str | None]:
        """{version: the token text it stored} for the versions after ``after_version``, from
        the change history (a version that did not change the text repeats the one before)."""
        from mapper.services.history import HistoryService

        entries = sorted(HistoryService(self.database).history(*key), key=lambda e: e.version)
        texts: dict[int, str | None] = {}
        path = HISTORY_FIELD[key[0]]
        previous: str | None = None
        for entry in entries:
            changed = [c for c in entry.changes if c.field == path]
            if changed:
                previous = changed[0].new
            if entry.version > after_version:
                texts[entry.version] = previous
        return texts


# --------------------------------------------------------------------------- a writer


@dataclass
class WriterResult:
    writer: int
    saves: int = 0
    conflicts: int = 0
    errors: int = 0
    error_samples: list[str] = field(default_factory=list)
    latencies: list[float] = field(default_factory=list)
    """Seconds of each successful save call."""
    seconds: float = 0.0
    acks: dict[Key, list[Ack]] = field(default_factory=dict)


def writer_main(
    url: str,
    writer: int,
    duration: float,
    hot: list[Key],
    cold: list[Key],
    hot_share: float,
    blind: bool,
    seed: int,
    barrier: Any,
    out: Any,
) -> None:
    """One writer process: edit chosen records until the time is up; sends a WriterResult."""
    from mapper.domain.errors import ConflictError

    result = WriterResult(writer)
    rng = random.Random(seed * 1000 + writer)
    n = 0
    records: Records | None = None
    try:
        records = Records(url, author=f"bench-w{writer}")
        records.load(hot[0])  # connect and import everything before the clock starts
        barrier.wait()
        start = time.monotonic()
        deadline = start + duration
        while time.monotonic() < deadline:
            on_hot = blind or not cold or rng.random() < hot_share
            key = rng.choice(hot) if on_hot else rng.choice(cold)
            while time.monotonic() < deadline:  # after a conflict: reload and save again
                n += 1
                try:
                    record, text, version = records.load(key)
                    if blind:
                        version = _wait_for_another_save(records, key, version)
                    began = time.perf_counter()
                    saved = records.save(key, record, with_token(text, writer, n), version)
                    result.latencies.append(time.perf_counter() - began)
                except ConflictError:
                    result.conflicts += 1
                    continue
                except Exception:  # counted and sent back: the run must show zero
                    result.errors += 1
                    if len(result.error_samples) < ERRORS_KEPT:
                        result.error_samples.append(traceback.format_exc())
                    break
                result.saves += 1
                result.acks.setdefault(key, []).append(Ack(writer, n, saved))
                break
        result.seconds = time.monotonic() - start
    except Exception:  # a writer that could not start: counted, so the run fails
        result.errors += 1
        result.error_samples.append(traceback.format_exc())
    finally:
        if records is not None:
            records.close()
        out.put(result)


def _wait_for_another_save(records: Records, key: Key, version: int) -> int:
    """The self-test's fault: the version someone else's save gave the record after it was
    loaded, so that saving what was loaded overwrites that save (a lost update)."""
    deadline = time.monotonic() + BLIND_WAIT_S
    current = version
    while current == version and time.monotonic() < deadline:
        time.sleep(0.005)
        current = records.load(key)[2]
    return current


# --------------------------------------------------------------------------- a run


@dataclass
class RunResult:
    writers: list[WriterResult]
    check: Check
    duration: float

    @property
    def saves(self) -> int:
        return sum(w.saves for w in self.writers)

    @property
    def conflicts(self) -> int:
        return sum(w.conflicts for w in self.writers)

    @property
    def errors(self) -> int:
        return sum(w.errors for w in self.writers)

    @property
    def lost(self) -> int:
        return len(self.check.lost)

    @property
    def latencies(self) -> list[float]:
        return [s for w in self.writers for s in w.latencies]

    @property
    def ok(self) -> bool:
        return self.lost == 0 and self.errors == 0 and not self.check.inconsistent


@contextmanager
def fresh_database(admin_url: str) -> Iterator[str]:
    """A new, empty database on the server; its URL. Dropped afterwards."""
    from sqlalchemy import create_engine, make_url, text

    name = f"mapper_bench_{uuid.uuid4().hex[:12]}"
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    try:
        yield make_url(admin_url).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


def server_version(admin_url: str) -> str:
    from sqlalchemy import create_engine, text

    engine = create_engine(admin_url)
    try:
        with engine.connect() as conn:
            return str(conn.execute(text("SHOW server_version")).scalar_one()).split()[0]
    finally:
        engine.dispose()


def load_landscape(url: str, synthetic: int, seed: int) -> None:
    """The demo landscape and ``synthetic`` actors (with their problems and partnerships)."""
    from mapper.persistence.database import open_database
    from mapper.services.landscape import LandscapeService

    database = open_database(url)  # creates the schema
    try:
        service = LandscapeService(database)
        service.load_demo()
        if synthetic:
            from synth import generate_landscape

            service.import_document(generate_landscape(synthetic, seed=seed))
    finally:
        database.close()


def hot_and_cold(keys: Sequence[Key], hot: int) -> tuple[list[Key], list[Key]]:
    """The shared hot records, taking the kinds in turn from the first of each (the demo
    landscape's), and every other record."""
    by_kind = {kind: [k for k in keys if k[0] == kind] for kind in KINDS}
    chosen: list[Key] = []
    for i in range(hot):
        pool = by_kind[KINDS[i % len(KINDS)]]
        if i // len(KINDS) < len(pool):
            chosen.append(pool[i // len(KINDS)])
    taken = set(chosen)
    return chosen, [k for k in keys if k not in taken]


def run(url: str, args: argparse.Namespace, seed: int) -> RunResult:
    """Load the landscape, run the writers, check every record they saved."""
    load_landscape(url, args.synthetic, seed)
    records = Records(url)
    try:
        keys = records.all_keys()
        initial = {key: records.load(key)[2] for key in keys}
    finally:
        records.close()
    hot, cold = hot_and_cold(keys, args.hot)

    ctx = multiprocessing.get_context("spawn")
    barrier = ctx.Barrier(args.writers, timeout=120)
    out = ctx.Queue()
    processes = [
        ctx.Process(
            target=writer_main,
            args=(
                url,
                w,
                args.duration,
                hot,
                cold,
                args.hot_share,
                args.self_test_lost_update and w == 0,
                seed,
                barrier,
                out,
            ),
        )
        for w in range(args.writers)
    ]
    for p in processes:
        p.start()
    writers = sorted(
        (out.get(timeout=args.duration + 300) for _ in processes), key=lambda r: r.writer
    )
    for p in processes:
        p.join(timeout=60)

    acks: dict[Key, list[Ack]] = {}
    for result in writers:
        for key, saved in result.acks.items():
            acks.setdefault(key, []).extend(saved)
    check = Check()
    records = Records(url)
    try:
        for key in sorted(acks):
            _, text, version = records.load(key)
            history = records.history_texts(key, initial[key])
            check.add(check_record(key, initial[key], acks[key], history, version, text))
        # Records nobody was told about must not have changed either.
        for key in keys:
            if key not in acks and records.load(key)[2] != initial[key]:
                check.inconsistent.append(f"{key[0]} {key[1]}: changed, but no save was told")
    finally:
        records.close()
    return RunResult(writers, check, max(w.seconds for w in writers))


# --------------------------------------------------------------------------- the report


def ms(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms"


def p95(values: Sequence[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) >= 2 else sum(values)


def print_run(number: int, result: RunResult) -> None:
    print(f"\nrun {number}: {result.duration:.0f} s\n")
    print("| writer | saves | conflicts | other errors | saves/s | median save | p95 save |")
    print("|---|---:|---:|---:|---:|---:|---:|")
    for w in result.writers:
        print(
            f"| w{w.writer} | {w.saves:,} | {w.conflicts:,} | {w.errors} "
            f"| {w.saves / max(w.seconds, 1e-9):.1f} | {ms(_median(w.latencies))} "
            f"| {ms(p95(w.latencies) if w.latencies else 0.0)} |"
        )
    all_latencies = result.latencies
    print(
        f"| all | {result.saves:,} | {result.conflicts:,} | {result.errors} "
        f"| {result.saves / max(result.duration, 1e-9):.1f} | {ms(_median(all_latencies))} "
        f"| {ms(p95(all_latencies) if all_latencies else 0.0)} |"
    )
    check = result.check
    print(
        f"\nchecked {check.records:,} records, {check.acknowledged:,} acknowledged saves: "
        f"{len(check.lost)} lost updates, {len(check.inconsistent)} inconsistencies"
    )
    for line in [*check.lost[:5], *check.inconsistent[:5]]:
        print(f"  {line}")
    for w in result.writers:
        for sample in w.error_samples:
            print(f"\nw{w.writer} error:\n{sample}")


def _median(values: Sequence[float]) -> float:
    return statistics.median(values) if values else 0.0


def print_summary(results: Sequence[RunResult]) -> None:
    def med(values: Sequence[float]) -> float:
        return statistics.median(values)

    print(f"\nmedian of {len(results)} runs\n")
    print("| saves | saves/s | conflicts | other errors | lost updates | median save | p95 save |")
    print("|---:|---:|---:|---:|---:|---:|---:|")
    print(
        f"| {med([r.saves for r in results]):,.0f} "
        f"| {med([r.saves / max(r.duration, 1e-9) for r in results]):.1f} "
        f"| {med([r.conflicts for r in results]):,.0f} "
        f"| {sum(r.errors for r in results)} | {sum(r.lost for r in results)} "
        f"| {ms(med([_median(r.latencies) for r in results]))} "
        f"| {ms(med([p95(r.latencies) for r in results if r.latencies] or [0.0]))} |"
    )


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--writers", type=int, default=4, help="writer processes (4)")
    parser.add_argument("--duration", type=float, default=180.0, help="seconds of edits (180)")
    parser.add_argument("--runs", type=int, default=1, help="runs, each on a fresh database")
    parser.add_argument(
        "--synthetic", type=int, default=1000, help="synthetic actors beside the demo (1000)"
    )
    parser.add_argument("--hot", type=int, default=4, help="shared hot records (4)")
    parser.add_argument(
        "--hot-share", type=float, default=0.5, help="share of edits on the hot records (0.5)"
    )
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument(
        "--self-test-lost-update",
        action="store_true",
        help="writer 0 overwrites others' saves; the check must find lost updates",
    )
    args = parser.parse_args(argv)
    if args.writers < 1 or args.duration <= 0 or args.runs < 1 or args.hot < 1:
        parser.error("--writers, --runs and --hot must be at least 1, --duration above 0")
    if not 0 <= args.hot_share <= 1:
        parser.error("--hot-share must lie between 0 and 1")
    if args.self_test_lost_update and args.writers < 2:
        parser.error("--self-test-lost-update needs at least 2 writers")
    return args


def main(argv: Sequence[str] | None = None) -> list[RunResult]:
    """Run the benchmark; the results of the runs (the tests call this)."""
    args = parse_args(argv)
    admin_url = os.environ.get("MAPPER_BENCH_PG") or os.environ.get(
        "MAPPER_TEST_PG", DEFAULT_ADMIN_URL
    )
    print(f"machine: {machine()}, PostgreSQL {server_version(admin_url)} (same machine)")
    print(
        f"{args.writers} writer processes, {args.duration:.0f} s, demo landscape + "
        f"{args.synthetic:,} synthetic actors, {args.hot} hot records taking "
        f"{args.hot_share:.0%} of edits"
        + (
            "; SELF-TEST: writer 0 writes without compare-and-swap"
            if args.self_test_lost_update
            else ""
        ),
        flush=True,
    )
    results = []
    for number in range(1, args.runs + 1):
        with fresh_database(admin_url) as url:
            result = run(url, args, args.seed + number - 1)
        print_run(number, result)
        results.append(result)
    if args.runs > 1:
        print_summary(results)
    return results


if __name__ == "__main__":
    runs = main()
    if "--self-test-lost-update" in sys.argv:
        caught = sum(r.lost for r in runs)
        print(f"\nself-test: the check found {caught} lost updates (must be more than 0)")
        sys.exit(0 if caught else 1)
    sys.exit(0 if all(r.ok for r in runs) else 1)
