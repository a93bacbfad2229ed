from __future__ import annotations

import importlib
import os
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import PG_ADMIN_URL, _pg_available

BENCH = Path(__file__).resolve().parents[2] / "bench"


def _load_bench() -> ModuleType:
    # bench/ is not a package. Imported by its own name from a folder on sys.path (not from a
    # file spec), so that the writer processes, started with spawn, can import it too.
    if str(BENCH) not in sys.path:
        sys.path.insert(0, str(BENCH))
    return importlib.import_module("concurrent_writers")


bench = _load_bench()
Ack = bench.Ack
KEY = ("actor", "esb-sind")


@pytest.fixture
def pg_admin_url(monkeypatch: pytest.MonkeyPatch) -> str:
    reason = _pg_available()
    if reason is not None:
        if os.environ.get("CI"):
            pytest.fail(f"PostgreSQL is required in CI but not reachable: {reason}")
        pytest.skip(f"PostgreSQL not reachable at {PG_ADMIN_URL}: {reason}")
    monkeypatch.setenv("MAPPER_BENCH_PG", PG_ADMIN_URL)
    return PG_ADMIN_URL


# --------------------------------------------------------------------------- tokens


def test_a_token_sets_its_writers_number_and_keeps_the_others() -> None:
    text = bench.with_token("Vi er en forening.", 1, 5)
    text = bench.with_token(text, 0, 7)
    text = bench.with_token(text, 1, 9)

    assert text == "Vi er en forening. [bench w0=7 w1=9]"
    assert bench.slots(text) == {0: 7, 1: 9}
    assert bench.slots(None) == {}
    assert bench.with_token(None, 2, 1) == "[bench w2=1]"


# --------------------------------------------------------------------------- the check


def _history(*texts: str) -> dict[int, str | None]:
    """Versions 2, 3 … (after version 1, the imported one) storing these texts."""
    return {version: text for version, text in enumerate(texts, start=2)}


def test_saves_that_each_build_on_the_last_pass_the_check() -> None:
    acks = [Ack(0, 1, 2), Ack(1, 1, 3), Ack(0, 2, 4)]
    history = _history("[bench w0=1]", "[bench w0=1 w1=1]", "[bench w0=2 w1=1]")

    found = bench.check_record(KEY, 1, acks, history, 4, "[bench w0=2 w1=1]")

    assert (found.records, found.acknowledged) == (1, 3)
    assert found.lost == []
    assert found.inconsistent == []


def test_a_save_from_a_stale_read_is_a_lost_update_even_when_later_saves_hide_it() -> None:
    # w1 saved version 3 from what it read before w0's version 2: w0's n=1 is gone from it.
    # w0 then saves again, so the stored text looks whole; the history still shows the loss.
    acks = [Ack(0, 1, 2), Ack(1, 1, 3), Ack(0, 2, 4)]
    history = _history("[bench w0=1]", "[bench w1=1]", "[bench w0=2 w1=1]")

    found = bench.check_record(KEY, 1, acks, history, 4, "[bench w0=2 w1=1]")

    assert found.lost == ["actor esb-sind: w0's save n=1 (version 2) is gone later (w0=0)"]
    assert found.inconsistent == []


def test_a_save_overwritten_at_the_end_is_lost_by_the_stored_text() -> None:
    acks = [Ack(0, 1, 2)]

    found = bench.check_record(KEY, 1, acks, _history("[bench w0=1]"), 2, "Vi er.")

    assert len(found.lost) == 1


def test_one_version_acknowledged_to_two_writers_is_a_lost_update() -> None:
    acks = [Ack(0, 1, 2), Ack(1, 1, 2)]

    found = bench.check_record(KEY, 1, acks, _history("[bench w1=1]"), 2, "[bench w1=1]")

    assert any("acknowledged to w0 (n=1) and to w1 (n=1)" in line for line in found.lost)


def test_a_version_nobody_was_told_about_or_without_history_is_inconsistent() -> None:
    acks = [Ack(0, 1, 2)]
    history = {2: "[bench w0=1]"}  # version 3 has no history row

    found = bench.check_record(KEY, 1, acks, history, 3, "[bench w0=1]")

    assert found.inconsistent == [
        "actor esb-sind: versions [3] were acknowledged to nobody",
        "actor esb-sind: no history of version 3",
    ]


# --------------------------------------------------------------------------- real writers


@pytest.mark.postgres
@pytest.mark.slow
def test_two_writers_on_postgresql_lose_no_update(pg_admin_url: str) -> None:
    [result] = bench.main(["--writers", "2", "--duration", "3", "--synthetic", "0"])

    assert result.saves > 0
    assert result.errors == 0, [s for w in result.writers for s in w.error_samples]
    assert result.check.lost == []
    assert result.check.inconsistent == []
    assert result.check.acknowledged == result.saves
    assert all(w.saves > 0 for w in result.writers)


@pytest.mark.postgres
@pytest.mark.slow
def test_the_check_finds_the_updates_a_writer_without_compare_and_swap_loses(
    pg_admin_url: str,
) -> None:
    [result] = bench.main(
        [
            "--writers",
            "2",
            "--duration",
            "3",
            "--synthetic",
            "0",
            "--hot",
            "1",
            "--self-test-lost-update",
        ]
    )

    assert result.lost > 0
    assert result.errors == 0
    assert result.check.inconsistent == []  # versions still follow each other: only data lost
    assert not result.ok


def test_bad_arguments_are_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        bench.parse_args(["--self-test-lost-update", "--writers", "1"])

    assert exit_info.value.code == 2
    assert "needs at least 2 writers" in capsys.readouterr().err
