"""The landscape overview on a small landscape with known gaps: Esbjerg has ten actors, Varde
six and Fanø four; mental illness is everywhere but thin in Varde (one actor where 3.6 are
expected), lonely elderly people have nobody in Varde (1.5 expected), and vulnerable youth
have nobody on Fanø, where not even one is expected (no white spot)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import select

from mapper.domain.completeness import completeness, completeness_of
from mapper.domain.errors import ValidationError
from mapper.domain.municipality import MunicipalityCodeError
from mapper.persistence.database import Database
from mapper.persistence.repositories.actors import LIVE, ActorRepository, filled_parts
from mapper.persistence.store import ACTORS
from mapper.services.actors import ActorEditService
from mapper.services.landscape import LandscapeService
from mapper.services.overview import Count, Overview, OverviewService
from mapper.services.partnerships import PartnershipService
from mapper.services.privacy import PrivacyService

MENTAL, ELDERLY, YOUTH = "mental_illness", "elderly_lonely", "youth_vulnerable"
ESBJERG, VARDE, FANO = "0561", "0573", "0563"
TODAY = dt.date(2026, 12, 1)

PLACES = {
    "6700": {"postcode": "6700", "municipality_code": ESBJERG, "precision": "postcode"},
    "6760": {"postcode": "6760", "municipality_code": ESBJERG, "precision": "postcode"},
    "6800": {"postcode": "6800", "municipality_code": VARDE, "precision": "postcode"},
    "6720": {"postcode": "6720", "municipality_code": FANO, "precision": "postcode"},
}


def actor(uid: str, name: str, postcode: str | None, groups: list[str], **more: Any) -> Any:
    record: dict[str, Any] = {
        "id": uid,
        "name": name,
        "kind": "voluntary_organisation",
        "target_groups": groups,
        **more,
    }
    if postcode:
        record["location"] = PLACES[postcode]
    return record


def landscape() -> dict[str, Any]:
    volunteer = {
        "kind": "volunteer_person",
        "public": False,
        "consent": {"given_on": "2026-02-01", "purpose": "Matchning"},
    }
    return {
        "format": "mapper-landscape",
        "version": 1,
        "actors": [
            # Esbjerg: 10 (6700: 7, 6760: 3)
            actor(
                "e01",
                "Sindets Venner",
                "6700",
                [MENTAL, ELDERLY],
                resources_offered=[{"kind": "volunteer_hours", "hours_per_month": 100}],
                roles=["bridge_builder"],
                prevention_levels=["rehabilitation"],
                profile={
                    "we_are": "En forening.",
                    "best_at": "Brobygning.",
                    "success_examples": ["Gå-klubben"],
                },
                contact={"email": "sind@example.dk"},
                verified_on="2026-11-01",
            ),
            actor(
                "e02",
                "Besøgstjenesten",
                "6700",
                [MENTAL, ELDERLY],
                resources_offered=[
                    {"kind": "volunteer_hours", "hours_per_month": 50},
                    {"kind": "funding", "amount_dkk": 20000},
                ],
                profile={"we_are": "   ", "worst_at": "Weekender."},
                verified_on="2025-01-01",
            ),
            actor("e03", "Ribe Samvær", "6760", [MENTAL, ELDERLY], roles=["volunteer_provider"]),
            actor("e04", "Den Åbne Dør", "6700", [MENTAL]),
            actor("e05", "Café Lyspunkt", "6700", [MENTAL]),
            actor("e06", "Ribe Sind", "6760", [MENTAL]),
            actor("e07", "Mette Frivillig", "6700", [MENTAL], **volunteer),
            actor("e08", "Ungdomshuset", "6700", [MENTAL, YOUTH]),
            actor(
                "e09",
                "Vestbanken A/S",
                "6700",
                [],
                kind="company",
                resources_offered=[{"kind": "staff_hours", "hours_per_month": 20}],
            ),
            actor("e10", "Ribe Bosted", "6760", [], kind="public_institution"),
            # Varde: 6, one of them with mental illness, nobody with lonely elderly people
            actor("v1", "Varde Sind", "6800", [MENTAL]),
            actor("v2", "Varde Ungdom", "6800", [YOUTH]),
            actor("v3", "Varde Idræt", "6800", []),
            actor("v4", "Varde Spejdere", "6800", []),
            actor("v5", "Varde Kor", "6800", []),
            actor("v6", "Varde Skole", "6800", [], kind="education_institution"),
            actor(
                "v-gone",
                "Varde Ældre (nedlagt)",
                "6800",
                [ELDERLY],
                resources_offered=[{"kind": "volunteer_hours", "hours_per_month": 999}],
            ),
            # Fanø: 4
            actor(
                "f1",
                "Fanø Ældre",
                "6720",
                [MENTAL, ELDERLY],
                resources_offered=[{"kind": "volunteer_hours", "hours_per_month": 10}],
            ),
            actor("f2", "Fanø Besøgsvenner", "6720", [MENTAL, ELDERLY]),
            actor("f3", "Fanø Sind", "6720", [MENTAL]),
            actor("f4", "Fanø Borgerforening", "6720", []),
            # Nowhere: counted, in no area
            actor("x1", "Landsfonden", None, [ELDERLY], kind="foundation"),
        ],
        "problems": [
            {"id": "esb-p1", "title": "Ensomhed", "municipality_code": ESBJERG},
            {"id": "esb-p2", "title": "Brobygning", "municipality_code": ESBJERG},
            {"id": "var-p1", "title": "Unge i Varde", "municipality_code": VARDE},
        ],
        "partnerships": [
            {
                "problem_id": "esb-p1",
                "actor_id": "e01",
                "stage": "active",
                "type": "strategic",
                "success_factors": ["clear_goals", "open_communication"],
                "effect": "Færre ensomme i trivselsmålingen.",
                "evidence_level": "rct",
            },
            {
                "problem_id": "esb-p1",
                "actor_id": "e02",
                "stage": "proposed",
                "type": "project_based",
                "success_factors": ["clear_goals"],
                "evidence_level": "none",
            },
            {"problem_id": "esb-p2", "actor_id": "e04", "stage": "declined"},
            {
                "problem_id": "var-p1",
                "actor_id": "v1",
                "stage": "active",
                "type": "strategic",
                "success_factors": ["joint_value"],
                "effect": "Flere unge i fritidsjob.",
                "evidence_level": "case_study",
            },
        ],
    }


@pytest.fixture
def overview_service(database: Database) -> OverviewService:
    LandscapeService(database).import_document(landscape())
    edits = ActorEditService(database)
    _, version = edits.load("v-gone")
    edits.delete("v-gone", version)
    return OverviewService(database)


def counts(items: tuple[Count, ...]) -> dict[str, int]:
    return {c.code: c.count for c in items}


def white_spots(overview: Overview) -> set[tuple[str, str]]:
    return {(c.target_group, c.area) for c in overview.coverage.cells if c.white_spot}


# --------------------------------------------------------------------------- counts


def test_counts_by_kind_sector_and_municipality_of_live_actors(
    overview_service: OverviewService,
) -> None:
    o = overview_service.overview(today=TODAY)
    assert (o.actors, o.persons, o.problems, o.partnerships) == (21, 1, 3, 4)
    assert counts(o.by_kind) == {
        "voluntary_organisation": 16,
        "company": 1,
        "public_institution": 1,
        "education_institution": 1,
        "volunteer_person": 1,
        "foundation": 1,
    }
    assert o.by_kind[0] == Count("voluntary_organisation", 16)
    assert counts(o.by_sector) == {"third": 18, "public": 2, "private": 1}
    assert o.by_area == (Count(ESBJERG, 10), Count(VARDE, 6), Count(FANO, 4))
    assert o.coverage.unplaced == 1


def test_coverage_expected_values_and_white_spots(overview_service: OverviewService) -> None:
    o = overview_service.overview(today=TODAY)
    coverage = o.coverage
    assert coverage.level == "municipality"
    assert coverage.areas == (ESBJERG, VARDE, FANO)
    assert coverage.area_names == {ESBJERG: "Esbjerg", VARDE: "Varde", FANO: "Fanø"}
    # vocabulary order; only groups someone works with
    assert coverage.target_groups == (YOUTH, MENTAL, ELDERLY)
    expected = {
        (MENTAL, ESBJERG): (8, 6.0),
        (MENTAL, VARDE): (1, 3.6),
        (MENTAL, FANO): (3, 2.4),
        (ELDERLY, ESBJERG): (3, 2.5),
        (ELDERLY, VARDE): (0, 1.5),
        (ELDERLY, FANO): (2, 1.0),
        (YOUTH, ESBJERG): (1, 1.0),
        (YOUTH, VARDE): (1, 0.6),
        (YOUTH, FANO): (0, 0.4),
    }
    assert len(coverage.cells) == len(expected)
    for (group, area), (actors, wanted) in expected.items():
        cell = coverage.cell(group, area)
        assert cell is not None
        assert cell.actors == actors, (group, area)
        assert cell.expected == pytest.approx(wanted), (group, area)
    # thin (1 < 0.34 × 3.6) and empty (0 of 1.5) in Varde; nobody on Fanø where 0.4 are
    # expected is no gap
    assert white_spots(o) == {(MENTAL, VARDE), (ELDERLY, VARDE)}
    empty = coverage.cell(YOUTH, FANO)
    assert empty is not None and (empty.actors, empty.white_spot) == (0, False)


def test_target_groups_in_vocabulary_order(overview_service: OverviewService) -> None:
    order = [t.code for t in overview_service.vocabulary.terms("target_groups")]
    groups = overview_service.overview(today=TODAY).coverage.target_groups
    assert list(groups) == sorted(groups, key=order.index)
    assert set(groups) == {MENTAL, ELDERLY, YOUTH}


def test_white_spot_ratio_is_a_setting_of_the_service(overview_service: OverviewService) -> None:
    overview_service.white_spot_ratio = 0.5  # 2 of 2.5 or 3 of 2.4 are enough still
    spots = white_spots(overview_service.overview(today=TODAY))
    assert spots == {(MENTAL, VARDE), (ELDERLY, VARDE)}
    overview_service.white_spot_ratio = 0.2  # 1 of 3.6 is enough now
    assert white_spots(overview_service.overview(today=TODAY)) == {(ELDERLY, VARDE)}


def test_one_municipality_is_counted_by_its_postcodes(overview_service: OverviewService) -> None:
    o = overview_service.overview("561", today=TODAY)
    assert o.municipality_code == ESBJERG
    assert (o.actors, o.persons, o.problems, o.partnerships) == (10, 1, 2, 3)
    assert o.by_area == (Count("6700", 7), Count("6760", 3))
    coverage = o.coverage
    assert coverage.level == "postcode"
    assert coverage.area_names == {"6700": "Esbjerg", "6760": "Ribe"}
    cell = coverage.cell(MENTAL, "6760")
    assert cell is not None and (cell.actors, cell.expected) == (2, pytest.approx(2.4))
    cell = coverage.cell(ELDERLY, "6700")
    assert cell is not None and (cell.actors, cell.expected) == (2, pytest.approx(2.1))
    assert white_spots(o) == set()
    assert counts(o.funnel.by_stage)["active"] == 1
    assert [r.kind for r in o.resources] == ["volunteer_hours", "funding", "staff_hours"]


def test_postcode_level_over_the_whole_landscape(overview_service: OverviewService) -> None:
    o = overview_service.overview(level="postcode", today=TODAY)
    assert o.by_area == (Count("6700", 7), Count("6800", 6), Count("6720", 4), Count("6760", 3))
    assert o.coverage.area_names["6720"] == "Fanø"
    cell = o.coverage.cell(MENTAL, "6800")
    assert cell is not None and cell.expected == pytest.approx(3.6) and cell.white_spot
    assert white_spots(o) == {(MENTAL, "6800"), (ELDERLY, "6800")}


def test_bad_municipality_code_and_level_are_refused(overview_service: OverviewService) -> None:
    with pytest.raises(MunicipalityCodeError, match="nearest known code"):
        overview_service.overview("9999")
    with pytest.raises(ValidationError, match="level"):
        overview_service.overview(level="region")  # type: ignore[arg-type]
    with pytest.raises(ValidationError, match="stale_months"):
        overview_service.overview(stale_months=0)


def test_an_empty_landscape_has_zeros(database: Database) -> None:
    o = OverviewService(database).overview(today=TODAY)
    assert (o.actors, o.persons, o.problems, o.partnerships) == (0, 0, 0, 0)
    assert o.coverage.cells == () and o.by_area == ()
    assert o.completeness.average == 0.0
    assert [b.count for b in o.completeness.bands] == [0, 0, 0, 0, 0]
    assert o.funnel.by_stage[0] == Count("proposed", 0)


# --------------------------------------------------------------------------- actors behind


def test_actors_behind_a_cell_are_organisations_by_name(overview_service: OverviewService) -> None:
    behind = overview_service.actors_behind(target_group=MENTAL, area=ESBJERG)
    # 8 actors in the cell, one of them a person: counted, never listed
    cell = overview_service.overview(today=TODAY).coverage.cell(MENTAL, ESBJERG)
    assert cell is not None and cell.actors == 8
    names = [r.name for r in behind]
    assert names == sorted(names)
    assert [r.actor_id for r in behind] == ["e02", "e05", "e04", "e03", "e06", "e01", "e08"]
    assert "e07" not in {r.actor_id for r in behind}
    assert behind[0].municipality_code == ESBJERG
    thin = overview_service.actors_behind(target_group=MENTAL, area=VARDE)
    assert [r.actor_id for r in thin] == ["v1"]
    assert overview_service.actors_behind(target_group=ELDERLY, area=VARDE) == []


def test_actors_behind_never_lists_persons(overview_service: OverviewService) -> None:
    assert overview_service.actors_behind(kind="volunteer_person") == []
    everyone = {r.actor_id for r in overview_service.actors_behind()}
    assert len(everyone) == 20 and "e07" not in everyone and "v-gone" not in everyone


def test_actors_behind_a_postcode_of_a_municipality(overview_service: OverviewService) -> None:
    behind = overview_service.actors_behind(
        target_group=MENTAL, area="6760", municipality_code="561"
    )
    assert [r.actor_id for r in behind] == ["e03", "e06"]
    by_kind = overview_service.actors_behind(kind="company", municipality_code=ESBJERG)
    assert [r.actor_id for r in by_kind] == ["e09"]
    postcode = overview_service.actors_behind(area="6720", level="postcode")
    assert {r.actor_id for r in postcode} == {"f1", "f2", "f3", "f4"}


# --------------------------------------------------------------------------- resources


def test_offered_resources_are_summed_over_live_actors(overview_service: OverviewService) -> None:
    resources = {r.kind: r for r in overview_service.overview(today=TODAY).resources}
    assert set(resources) == {"volunteer_hours", "funding", "staff_hours"}
    hours = resources["volunteer_hours"]
    assert (hours.actors, hours.hours_per_month, hours.amount_dkk) == (3, 160.0, 0.0)
    funding = resources["funding"]
    assert (funding.actors, funding.amount_dkk) == (1, 20000.0)
    assert resources["staff_hours"].hours_per_month == 20.0


# --------------------------------------------------------------------------- completeness


def test_filled_parts_agree_with_the_domain_for_every_actor(
    overview_service: OverviewService,
) -> None:
    parts = filled_parts()
    with overview_service.database.unit_of_work() as session:
        actors = {a.id: a for a in ActorRepository(session).all()}
        stmt = select(ACTORS.c.uid, *parts.values()).where(LIVE)
        stored = {
            row[0]: {path for path, flag in zip(parts, row[1:], strict=True) if flag}
            for row in session.execute(stmt)
        }
    assert set(stored) == set(actors)
    for uid, actor in actors.items():
        assert completeness_of(stored[uid]) == completeness(actor), uid


def test_completeness_agrees_with_the_register_column(overview_service: OverviewService) -> None:
    with overview_service.database.unit_of_work() as session:
        rows = ActorRepository(session).summaries()
    percents = [completeness_of(row.filled).percent for row in rows]
    assert len(set(percents)) >= 4  # the landscape has a spread of profiles
    bands = {"0-24": 0, "25-49": 0, "50-74": 0, "75-99": 0, "100": 0}
    for percent in percents:
        if percent == 100:
            bands["100"] += 1
        else:
            bands[("0-24", "25-49", "50-74", "75-99")[percent // 25]] += 1
    shares = [completeness_of(row.filled).share for row in rows]

    measured = overview_service.overview(today=TODAY).completeness
    assert counts(measured.bands) == bands
    assert [b.code for b in measured.bands] == list(bands)
    assert measured.average == pytest.approx(sum(shares) / len(shares))

    local = overview_service.overview(ESBJERG, today=TODAY).completeness
    esbjerg = [completeness_of(r.filled).share for r in rows if r.municipality_code == ESBJERG]
    assert sum(b.count for b in local.bands) == 10
    assert local.average == pytest.approx(sum(esbjerg) / len(esbjerg))


def test_records_not_verified_within_the_period(overview_service: OverviewService) -> None:
    # e01 verified 2026-11-01, e02 2025-01-01, the rest never
    assert overview_service.overview(today=TODAY, stale_months=12).completeness.not_verified == 20
    within_two_years = overview_service.overview(today=TODAY, stale_months=24).completeness
    assert (within_two_years.not_verified, within_two_years.stale_months) == (19, 24)
    local = overview_service.overview(VARDE, today=TODAY, stale_months=12).completeness
    assert local.not_verified == 6


def test_the_period_defaults_to_the_data_review_setting(overview_service: OverviewService) -> None:
    assert overview_service.overview(today=TODAY).completeness.stale_months == 12
    PrivacyService(overview_service.database).save_settings(verify_months=1)
    measured = overview_service.overview(today=TODAY).completeness
    assert (measured.stale_months, measured.not_verified) == (1, 20)
    measured = overview_service.overview(today=dt.date(2026, 12, 20)).completeness
    assert measured.not_verified == 21


# --------------------------------------------------------------------------- funnel


def test_funnel_by_stage_in_workflow_order_type_and_success_factors(
    overview_service: OverviewService,
) -> None:
    funnel = overview_service.overview(today=TODAY).funnel
    stages = [t.code for t in overview_service.vocabulary.terms("partnership_stages")]
    assert [c.code for c in funnel.by_stage] == stages
    assert {c.code: c.count for c in funnel.by_stage if c.count} == {
        "proposed": 1,
        "active": 2,
        "declined": 1,
    }
    assert {c.code: c.count for c in funnel.by_type if c.count} == {
        "strategic": 2,
        "project_based": 1,
    }
    assert {c.code: c.count for c in funnel.success_factors if c.count} == {
        "clear_goals": 2,
        "open_communication": 1,
        "joint_value": 1,
    }


def test_funnel_of_one_municipality_counts_its_problem_statements(
    overview_service: OverviewService,
) -> None:
    funnel = overview_service.overview(VARDE, today=TODAY).funnel
    assert {c.code: c.count for c in funnel.by_stage if c.count} == {"active": 1}
    assert {c.code: c.count for c in funnel.success_factors if c.count} == {"joint_value": 1}


def test_what_partnerships_achieved_feeds_the_funnel(overview_service: OverviewService) -> None:
    """Effects documented (sådan ved vi, at det virker) and the evidence ladder, every step in
    the vocabulary's order; a step without an effect counts on the ladder only."""
    funnel = overview_service.overview(today=TODAY).funnel
    assert funnel.with_effect == 2
    ladder = [t.code for t in overview_service.vocabulary.terms("evidence_levels")]
    assert [c.code for c in funnel.by_evidence] == ladder
    assert {c.code: c.count for c in funnel.by_evidence if c.count} == {
        "rct": 1,
        "case_study": 1,
        "none": 1,
    }
    varde = overview_service.overview(VARDE, today=TODAY).funnel
    assert varde.with_effect == 1
    assert {c.code: c.count for c in varde.by_evidence if c.count} == {"case_study": 1}


def test_an_effect_taken_back_is_no_longer_counted(
    overview_service: OverviewService, database: Database
) -> None:
    partnerships = PartnershipService(database)
    stored = partnerships.get("var-p1", "v1")
    partnerships.update(
        "var-p1", "v1", effect="  ", evidence_level=None, expected_version=stored.version
    )
    funnel = overview_service.overview(VARDE, today=TODAY).funnel
    assert (funnel.with_effect, sum(c.count for c in funnel.by_evidence)) == (0, 0)
