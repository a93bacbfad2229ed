"""The matching commands of the CLI on the demo landscape."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from mapper.matching.model import MatchSettings
from tests.conftest import DatabaseFactory
from ui.cli import main

PATRICIA = "esb-p-patriciahuset-brobygning"


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture(scope="module")
def db(database_factory: DatabaseFactory) -> str:
    path = database_factory.url("demo")
    assert run("--db", path, "demo")[0] == 0
    return path


def test_match_json_lists_id_name_score_breakdown_and_reasons(db: str) -> None:
    code, out, err = run("--db", db, "match", PATRICIA, "--top", "3", "--json")
    assert code == 0, err
    result = json.loads(out)
    first = result["results"][0]
    assert first["actor_id"] == "esb-sammen-om-sindet"
    assert first["name"] == "Sammen om Sindet Esbjerg"
    assert 0 < first["score"] <= 100
    assert sum(c["points"] for c in first["breakdown"]) == pytest.approx(first["score"], abs=1e-3)
    assert "Arbejder med psykisk sårbare og psykisk syge" in first["reasons"]
    # A required resource an actor does not list costs points and is named; it does not exclude.
    assert result["excluded"]["missing_required"] == 0
    penalised = [
        m for m in result["results"] if any(c["criterion"] == "required" for c in m["breakdown"])
    ]
    assert all(
        any(t.startswith("Har ikke angivet det krævede") for t in m["reasons_against"])
        for m in penalised
    )
    english = json.loads(run("--db", db, "match", PATRICIA, "--json", "--lang", "en")[1])
    assert (
        "Works with people with mental illness or vulnerability" in english["results"][0]["reasons"]
    )


def test_match_text_shows_bars_reasons_and_exclusions(db: str) -> None:
    code, out, _ = run("--db", db, "match", PATRICIA)
    assert code == 0
    assert "1. Sammen om Sindet Esbjerg" in out
    assert "█" in out and "+ Arbejder med psykisk sårbare" in out
    assert "Udelukket:" in out and "Partneren skal ikke:" in out


def test_weight_override_changes_scores(db: str) -> None:
    base = json.loads(run("--db", db, "match", PATRICIA, "--json")[1])
    heavy = json.loads(run("--db", db, "match", PATRICIA, "--json", "--weight", "geography=20")[1])
    assert heavy["weights"]["geography"] == 20
    assert heavy["results"][0]["score"] != base["results"][0]["score"]


def test_reverse_and_actor_to_actor(db: str) -> None:
    code, out, _ = run("--db", db, "match", "--actor", "esb-sammen-om-sindet", "--json")
    assert code == 0
    assert json.loads(out)["results"][0]["problem_id"] == PATRICIA
    code, out, _ = run(
        "--db", db, "match", "--actor", "esb-patriciahuset", "--partners", "--json", "--top", "4"
    )
    assert code == 0 and len(json.loads(out)["results"]) == 4


def test_review_and_consortium(db: str) -> None:
    code, out, _ = run("--db", db, "review", PATRICIA, "--json")
    assert code == 0
    assert [g["group"] for g in json.loads(out)["groups"]] == [
        "supplement",
        "referrer",
        "take_over",
        "escalation",
    ]
    code, out, _ = run("--db", db, "review", PATRICIA)
    assert "Henvisere" in out
    code, out, _ = run("--db", db, "consortium", "aar-p-virksomhedspraktik", "--json")
    proposal = json.loads(out)
    assert code == 0 and 2 <= len(proposal["members"]) <= 4
    code, out, _ = run("--db", db, "consortium", "aar-p-virksomhedspraktik")
    assert "dækker:" in out


def test_weights_are_saved_per_problem_and_reset(db: str) -> None:
    code, out, _ = run("--db", db, "weights", PATRICIA, "text=4", "--json")
    assert code == 0 and json.loads(out)["text"] == 4
    assert json.loads(run("--db", db, "match", PATRICIA, "--json")[1])["weights"]["text"] == 4
    code, out, _ = run("--db", db, "weights", PATRICIA, "--reset", "--json")
    assert json.loads(out)["text"] == MatchSettings.defaults().weights["text"] != 4


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("match", "esb-p-patriciahuset"), "no problem with id 'esb-p-patriciahuset'"),
        (("match", "--actor", "nobody-xyz-123"), "no actor with id 'nobody-xyz-123'"),
        (("match", PATRICIA, "--weight", "luck=3"), "ukendt kriterium 'luck'"),
        (("match", PATRICIA, "--weight", "text=much"), "skal være et tal"),
        (("match", PATRICIA, "--weight", "text=-1"), "kan ikke være negativ"),
        (("match",), "give either a PROBLEM_ID or --actor"),
        (("match", PATRICIA, "--top", "0"), "--top must be at least 1"),
        (("review", "nope"), "no problem with id 'nope'"),
        (("weights", PATRICIA, "colour=2"), "ukendt kriterium 'colour'"),
    ],
)
def test_bad_input_exits_2_with_a_clear_message(
    db: str, argv: tuple[str, ...], message: str
) -> None:
    code, out, err = run("--db", db, *argv)
    assert code == 2, (out, err)
    assert message in err and "Traceback" not in err


def test_problem_with_nothing_to_match_on_exits_2(tmp_path: Path) -> None:
    doc = {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [{"id": "a", "name": "A", "kind": "company"}],
        "problems": [{"id": "empty", "title": "Tom"}],
    }
    path = tmp_path / "empty.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    db = str(tmp_path / "e.sqlite")
    run("--db", db, "import", str(path))
    code, _, err = run("--db", db, "match", "empty")
    assert code == 2 and "has nothing to match on" in err


def test_text_shows_signed_reasons_for_and_against_and_the_title(db: str) -> None:
    code, out, _ = run("--db", db, "match", "esb-p-unge-frivillige", "--top", "40")
    assert code == 0
    # The heading names the problem by its title, not its id.
    assert out.splitlines()[0] == "Partnere til problemstillingen »Flere unge frivillige i Esbjerg«"
    # What speaks against carries a minus: far-away actors, target groups not worked with.
    assert re.search(r"^\s+− \d+ km væk$", out, flags=re.MULTILINE)
    assert re.search(r"^\s+− Arbejder (ikke|hverken) med", out, flags=re.MULTILINE)
    assert not re.search(
        r"^\s+\+ (Tilbyder ikke|Arbejder ikke|Påtager sig ikke)", out, re.MULTILINE
    )
    # More than six reasons where there are more.
    first = out.split("\n   2. ")[0]
    assert len(re.findall(r"^\s+[+−] ", first, flags=re.MULTILINE)) > 6
    # The partnership already in dialogue is shown beside the ranking, and not excluded.
    assert "Eksisterende samarbejder: Ungdommens Røde Kors Esbjerg (i dialog)" in out
    assert (
        "Ungdommens Røde Kors Esbjerg (Frivillig organisation) [esb-urk] – samarbejde: i dialog"
        in out
    )
    assert "Stor organisation til en konkret opgave" not in out


def test_a_closed_problem_is_ranked_with_a_note(db: str) -> None:
    code, out, _ = run("--db", db, "match", "odn-p-sommer-dagsture-2025", "--json")
    assert code == 0
    notes = json.loads(out)["notes"]
    assert notes[0].startswith("Problemstillingen er lukket og søger ikke partnere nu")


def test_review_puts_each_partner_in_one_group_and_finds_referrers(db: str) -> None:
    code, out, _ = run("--db", db, "review", "aar-p-i-gang-mentorer", "--json")
    assert code == 0
    groups = json.loads(out)["groups"]
    ids = [m["actor_id"] for g in groups for m in g["results"]]
    assert len(ids) == len(set(ids))
    # Referrers are not judged on the problem's required resources.
    referrers = next(g for g in groups if g["group"] == "referrer")["results"]
    assert referrers
    assert not any(c["criterion"] == "required" for m in referrers for c in m["breakdown"])
    code, out, _ = run("--db", db, "review", "esb-p-unge-frivillige")
    assert out.splitlines()[0] == "360°-eftersyn af »Flere unge frivillige i Esbjerg«"


def test_consortium_heading_names_the_title_and_scores_read_danish(db: str) -> None:
    code, out, _ = run("--db", db, "consortium", "esb-p-unge-frivillige")
    assert code == 0
    assert out.splitlines()[0] == "Konsortium til »Flere unge frivillige i Esbjerg«"
    assert re.search(r" – nr\. \d+, \d+,\d$", out.splitlines()[1])


def test_the_first_ranking_after_many_new_actors_says_how_far_it_has_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading new actors' texts takes minutes after a large import: the CLI says so on
    stderr, once; the next ranking reads nothing and says nothing."""
    import ui.cli_matching

    monkeypatch.setattr(ui.cli_matching, "PROGRESS_FROM", 10)
    path = str(tmp_path / "fresh.sqlite")
    assert run("--db", path, "demo")[0] == 0
    code, out, err = run("--db", path, "match", PATRICIA, "--top", "1")
    assert code == 0 and out
    lines = [line for line in err.splitlines() if line.startswith("Læser aktørernes tekster")]
    assert lines and lines[-1].endswith(" af 67") and lines[-1].split(": ")[1].startswith("67")
    code, _, err = run("--db", path, "match", PATRICIA, "--top", "1")
    assert code == 0 and "Læser" not in err
