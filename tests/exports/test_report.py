"""The committee report: sections, white spots, offline, and no personal data of individuals."""

from __future__ import annotations

import datetime as dt
import html
import re
from pathlib import Path
from typing import Any

import pytest

from exports.partner_map import network_links
from exports.report import (
    MONTHS,
    OKABE_ITO,
    ReportData,
    ReportPartnership,
    ReportScopeError,
    bar_chart,
    collect_report,
    in_period,
    render_report,
    write_report,
)
from mapper.domain.vocabulary import load_vocabulary
from mapper.persistence.database import Database
from mapper.services.landscape import LandscapeService
from mapper.services.partnerships import PartnershipService
from tests.conftest import ESBJERG, small_landscape

SECTIONS = (
    "title-page",
    "key_figures",
    "actors_section",
    "coverage",
    "map",
    "resources",
    "completeness",
    "partnership_status",
    "partnership_effect",
    "partnership_list",
)
SRCDOC = re.compile(r'srcdoc="([^"]*)"')


def landscape_with_people() -> dict[str, Any]:
    """The small landscape, where the association's contact person agreed to be contacted
    (so the partner map would show her), a volunteer with an e-mail address is the partner of
    the unit's problem, an actor's name is markup, and four clubs in Esbjerg N work with
    socially vulnerable adults only: nobody there works with mental illness (a white spot)."""
    doc = small_landscape()
    actors = {a["id"]: a for a in doc["actors"]}
    actors["esb-sind"]["consent"] = {"given_on": "2026-01-10", "purpose": "Kontakt"}
    actors["esb-vol-1"]["contact"] = {"email": "mette.frivillig@example.dk"}
    doc["actors"].append(
        {
            "id": "esb-xss",
            "name": "<script>alert(1)</script>",
            "kind": "local_association",
            "location": {**ESBJERG, "postcode": "6705", "city": "Esbjerg Ø"},
            "target_groups": ["mental_illness"],
            "public": True,
        }
    )
    doc["actors"] += [
        {
            "id": f"esb-n-{i}",
            "name": f"Klub {i} i Esbjerg N",
            "kind": "local_association",
            "location": {**ESBJERG, "postcode": "6715", "city": "Esbjerg N"},
            "target_groups": ["socially_vulnerable_adults"],
            "public": True,
        }
        for i in range(4)
    ]
    doc["partnerships"].append(
        {
            "problem_id": "esb-p-bro",
            "actor_id": "esb-vol-1",
            "stage": "dialogue",
            "updated_on": "2026-09-15",
        }
    )
    return doc


@pytest.fixture
def landscape(database: Database) -> LandscapeService:
    service = LandscapeService(database)
    service.import_document(landscape_with_people())
    return service


def report_page(landscape: LandscapeService, **kw: Any) -> str:
    lang = kw.pop("lang", "da")
    return render_report(collect_report(landscape, "0561", lang=lang, **kw), lang=lang)


def inner_map(page: str) -> str:
    found = SRCDOC.findall(page)
    assert len(found) == 1
    return html.unescape(found[0])


def test_every_section_is_there_in_danish(landscape: LandscapeService) -> None:
    page = report_page(landscape)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="da">' in page
    for section in SECTIONS:
        assert f'id="{section}"' in page
    assert "Udvalgsrapport" in page and "Esbjerg Kommune" in page
    assert "Periode</dt><dd>hele perioden" in page
    assert "Partnerskaber i perioden" in page and "Hvide pletter" in page
    assert "@page { size: A4; margin: 15mm }" in page
    assert page.count("<svg") >= 6
    assert "Brobygning til fællesskaber" in page and "Sammen om Sindet Esbjerg" in page


def test_english_report_takes_labels_from_the_vocabulary(landscape: LandscapeService) -> None:
    page = report_page(landscape, lang="en")
    assert '<html lang="en">' in page
    assert "Committee report" in page and "Esbjerg Municipality" in page
    assert "Coverage: target groups and areas" in page
    vocabulary = load_vocabulary()
    for facet, code in (("target_groups", "mental_illness"), ("partnership_stages", "dialogue")):
        label = vocabulary.label(facet, code, "en")
        assert label != vocabulary.label(facet, code, "da") and html.escape(label) in page
    with pytest.raises(ValueError, match="lang"):
        render_report(collect_report(landscape, "0561"), lang="de")


def test_white_spots_are_marked_in_the_matrix_and_listed_in_plain_words(
    landscape: LandscapeService,
) -> None:
    data = collect_report(landscape, "0561")
    spots = [c for c in data.overview.coverage.cells if c.white_spot]
    assert [(c.target_group, c.area) for c in spots] == [("mental_illness", "6715")]
    page = render_report(data)
    assert page.count('class="white-spot"') == len(spots)
    listed = re.search(r'<ul class="white-spots">(.*?)</ul>', page, re.DOTALL)
    assert listed is not None
    assert listed.group(1).count("<li>") == len(spots)
    names = data.overview.coverage.area_names
    for cell in spots:
        assert f"{cell.area} {html.escape(names[cell.area])}: " in listed.group(1)
    assert "fundet / " in listed.group(1) and "forventet" in listed.group(1)


def test_a_landscape_without_gaps_says_so(database: Database) -> None:
    doc = small_landscape()
    doc["actors"] = [a for a in doc["actors"] if a["id"] != "esb-vol-1"]
    service = LandscapeService(database)
    service.import_document(doc)
    page = render_report(collect_report(service, "0561"))
    assert "Ingen hvide pletter." in page


def test_the_report_loads_nothing_from_the_network(landscape: LandscapeService) -> None:
    page = report_page(landscape)
    assert network_links(page) == []
    assert network_links(inner_map(page)) == []
    assert not re.search(r"<(?:link|img|script)\b[^>]*\b(?:src|href)=", page, re.IGNORECASE)


def test_no_individual_and_no_contact_person_appears(landscape: LandscapeService) -> None:
    for lang in ("da", "en"):
        page = report_page(landscape, lang=lang)
        whole = page + inner_map(page)
        for canary in ("Mette Frivillig", "mette.frivillig@example.dk", "Anne Jensen", "anne@"):
            assert canary not in whole
    page = report_page(landscape)
    # The volunteer's partnership is listed, without her name.
    assert "En frivillig enkeltperson" in page
    # The association is on the map, only its contact person is not.
    assert "Sammen om Sindet Esbjerg" in inner_map(page)


def test_user_text_is_escaped(landscape: LandscapeService) -> None:
    page = report_page(landscape)
    assert "<script>alert(1)</script>" not in page
    assert "<script" not in page.split("<body>", 1)[1].split("<iframe", 1)[0]
    # On the map (inside the escaped srcdoc) the name travels as JSON data, never as markup.
    assert "<script>alert(1)</script>" not in inner_map(page)
    assert "alert(1)" in inner_map(page)


def test_the_period_filters_the_listed_partnerships_and_shows_on_the_title_page(
    landscape: LandscapeService,
) -> None:
    everything = collect_report(landscape, "0561")
    assert len(everything.partnerships) == 2
    autumn = collect_report(
        landscape, "0561", period_from=dt.date(2026, 9, 1), period_to=dt.date(2026, 9, 30)
    )
    assert [p.partner_name for p in autumn.partnerships] == [None]
    assert autumn.overview.partnerships == 2  # the figures are as of now, not of the period
    page = render_report(autumn)
    assert "1. september 2026 – 30. september 2026" in page
    assert "opgjort pr." in page
    none = collect_report(landscape, "0561", period_from=dt.date(2027, 1, 1))
    assert "Ingen partnerskaber i perioden." in render_report(none)


@pytest.mark.parametrize(
    ("updated", "start", "end", "inside"),
    [
        (None, None, None, True),
        (None, dt.date(2026, 1, 1), None, False),
        (dt.date(2026, 1, 1), dt.date(2026, 1, 1), dt.date(2026, 1, 1), True),
        (dt.date(2026, 1, 2), None, dt.date(2026, 1, 1), False),
        (dt.date(2025, 12, 31), dt.date(2026, 1, 1), None, False),
    ],
)
def test_in_period_includes_both_ends(
    updated: dt.date | None, start: dt.date | None, end: dt.date | None, inside: bool
) -> None:
    assert in_period(updated, start, end) is inside


def test_bad_scope_is_refused_with_a_clear_message(landscape: LandscapeService) -> None:
    with pytest.raises(ReportScopeError, match=r"municipality 0101.*0561 Esbjerg"):
        collect_report(landscape, "0101")
    with pytest.raises(ReportScopeError, match=r"ends \(2026-01-01\) before it starts"):
        collect_report(
            landscape, "0561", period_from=dt.date(2026, 2, 1), period_to=dt.date(2026, 1, 1)
        )


def test_bar_chart_escapes_labels_and_uses_the_palette() -> None:
    svg = bar_chart([("<b>&", 3.0), ("Lang " * 20, 1.0)], title="A <chart>", colours=OKABE_ITO)
    assert "<b>" not in svg and "&lt;b&gt;&amp;" in svg
    assert 'aria-label="A &lt;chart&gt;"' in svg
    assert OKABE_ITO[0] in svg and OKABE_ITO[1] in svg
    assert "…" in svg


def test_written_atomically_and_reports_its_size(
    landscape: LandscapeService, tmp_path: Path
) -> None:
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "rapport.html"
    target.write_text("old")
    size = write_report(collect_report(landscape, "0561"), target)
    assert target.stat().st_size == size > 10_000
    assert list(target.parent.iterdir()) == [target]


def test_paper_gets_a_still_map_of_the_same_actors_without_names(
    landscape: LandscapeService,
) -> None:
    data = collect_report(landscape, "0561")
    assert data.map_data is not None and data.map_data.actors
    page = render_report(data)
    still = re.search(r'<div class="map-still">(.*?)</div>', page, re.DOTALL)
    assert still is not None
    assert still.group(1).count("<circle") == len(data.map_data.actors)
    assert "Sammen om Sindet" not in still.group(1)
    assert "Lokal forening (" in still.group(1)  # the legend, by kind
    assert all(not a.contact_name and not a.contact_email for a in data.map_data.actors)


# --------------------------------------------------------------------------- what partnerships
# achieved, and their timelines

NOTE = "Aftalt over kaffe med Mette Frivillig"
"""A stage change's note: free text that never reaches the report."""
EFFECT = "Færre genindlæggelser på et år.\nMålt af enheden <script>alert(3)</script>"


def with_effects(landscape: LandscapeService) -> LandscapeService:
    """The association's partnership moves on (contacted, then agreed) and documents its
    effect as a case study; the volunteer's documents hers (an expert's assessment); the
    bank is proposed to the unit and documents nothing."""
    service = PartnershipService(landscape.database)
    found = service.get("esb-p-bro", "esb-sind")
    for stage in ("contacted", "agreed"):
        found = service.change_stage(
            "esb-p-bro", "esb-sind", stage, note=NOTE, expected_version=found.version
        )
    service.update(
        "esb-p-bro",
        "esb-sind",
        effect=EFFECT,
        evidence_level="case_study",
        success_factors=["clear_goals", "open_communication"],
        expected_version=found.version,
    )
    mette = service.get("esb-p-bro", "esb-vol-1")
    mette = service.change_stage(
        "esb-p-bro", "esb-vol-1", "agreed", note=NOTE, expected_version=mette.version
    )
    service.update(
        "esb-p-bro",
        "esb-vol-1",
        effect="To unge fik en fast voksen.",
        evidence_level="expert_assessment",
        expected_version=mette.version,
    )
    service.propose("esb-p-bro", "esb-bank", note=NOTE)
    return landscape


def section_of(page: str, key: str) -> str:
    found = re.search(rf'<section id="{key}".*?</section>', page, re.DOTALL)
    assert found is not None, key
    return found.group(0)


def test_collect_report_carries_effect_evidence_factors_and_history_without_notes(
    landscape: LandscapeService,
) -> None:
    data = collect_report(with_effects(landscape), "0561")
    by_partner = {p.partner_name: p for p in data.partnerships}
    association = by_partner["Sammen om Sindet Esbjerg"]
    assert association.effect == EFFECT and association.evidence_level == "case_study"
    assert association.success_factors == ("clear_goals", "open_communication")
    assert [stage for stage, _ in association.history] == ["proposed", "contacted", "agreed"]
    assert all(isinstance(day, dt.date) for _, day in association.history)
    assert by_partner[None].evidence_level == "expert_assessment"
    assert by_partner["Vestbanken A/S"].effect is None
    assert NOTE not in repr(data.partnerships)


def test_the_effect_section_counts_and_lists_the_documented_effects(
    landscape: LandscapeService,
) -> None:
    data = collect_report(with_effects(landscape), "0561")
    assert (data.overview.funnel.with_effect, data.overview.partnerships) == (2, 3)
    page = render_report(data)
    assert page.index('id="partnership_status"') < page.index('id="partnership_effect"')
    assert page.index('id="partnership_effect"') < page.index('id="partnership_list"')
    assert '<a href="#partnership_effect">Det har partnerskaberne opnået</a>' in page
    effect = section_of(page, "partnership_effect")
    assert "Det har partnerskaberne opnået" in effect
    assert "2 af 3 partnerskaber har dokumenteret effekt." in effect
    # The ladder, every step in its order, the two steps in use with one partnership each.
    vocabulary = load_vocabulary()
    chart = re.search(r'<svg class="chart".*?</svg>', effect, re.DOTALL)
    assert chart is not None
    steps = [t.code for t in vocabulary.terms("evidence_levels")]
    shown = re.findall(r"<g><title>([^<]*): (\d+)</title>", chart.group(0))
    assert [label for label, _ in shown] == [
        html.escape(vocabulary.label("evidence_levels", c, "da")) for c in steps
    ]
    counts = dict(zip(steps, (int(n) for _, n in shown), strict=True))
    assert counts["case_study"] == counts["expert_assessment"] == 1 == sum(counts.values()) - 1
    assert "Uden trin på evidensstigen: 1." in effect
    # The list: the two with an effect, the bank left out, the volunteer not named.
    items = re.findall(r'<li class="effect">.*?</li>', effect, re.DOTALL)
    assert len(items) == 2
    assert "Vestbanken" not in effect
    assert "Sammen om Sindet Esbjerg" in effect and "En frivillig enkeltperson" in effect
    assert "Casestudie" in effect and "Ekspertvurdering" in effect
    assert "Klare mål, Åben kommunikation" in effect
    assert "To unge fik en fast voksen." in effect


def test_effect_text_is_escaped_with_its_line_breaks_kept(landscape: LandscapeService) -> None:
    page = report_page(with_effects(landscape))
    assert "alert(3)" in page and "<script>alert(3)" not in page
    assert (
        "Færre genindlæggelser på et år.<br>Målt af enheden &lt;script&gt;alert(3)&lt;/script&gt;"
        in section_of(page, "partnership_effect")
    )


def test_no_individual_and_no_stage_note_appears_with_effects_and_timelines(
    landscape: LandscapeService,
) -> None:
    with_effects(landscape)
    for lang in ("da", "en"):
        page = report_page(landscape, lang=lang)
        whole = page + inner_map(page)
        for canary in ("Mette Frivillig", "Aftalt over kaffe", "mette.frivillig@example.dk"):
            assert canary not in whole


def test_each_partnership_has_a_timeline_of_its_stage_changes(
    landscape: LandscapeService,
) -> None:
    data = collect_report(with_effects(landscape), "0561")
    page = render_report(data)
    listed = section_of(page, "partnership_list")
    bodies = re.findall(r'<tbody class="partnership">.*?</tbody>', listed, re.DOTALL)
    assert len(bodies) == len(data.partnerships) == 3
    stages = load_vocabulary()
    for p, body in zip(data.partnerships, bodies, strict=True):
        svg = re.search(r'<svg class="timeline".*?</svg>', body, re.DOTALL)
        assert svg is not None
        assert svg.group(0).count("<circle") == len(p.history)
        words = " → ".join(
            f"{stages.label('partnership_stages', stage, 'da')} "
            f"{day.day}. {MONTHS['da'][day.month - 1]} {day.year}"
            for stage, day in p.history
        )
        # Read once: the drawing is hidden from screen readers, the words under it are not.
        assert 'aria-hidden="true"' in svg.group(0) and "aria-label" not in svg.group(0)
        assert f"<title>Tidslinje: {html.escape(words)}</title>" in svg.group(0)
        assert f'<p class="timeline-text">{html.escape(words)}</p>' in body
    # The imported stages were reached on the days the register gives (updated_on), the
    # ones moved in the app today: one shared axis from the earliest to the latest.
    days = sorted({day for p in data.partnerships for _, day in p.history})
    assert len(days) > 1
    assert "Tidslinjerne under hvert partnerskab viser faseskiftene på én fælles " in listed
    first, last = days[0], days[-1]
    assert f"{first.day}. {MONTHS['da'][first.month - 1]} {first.year}" in listed
    assert f"{last.day}. {MONTHS['da'][last.month - 1]} {last.year}" in listed


def report_of(*partnerships: ReportPartnership, **kw: Any) -> ReportData:
    """Report data around the given partnerships (a rendering test needs no database)."""
    from mapper.services.overview import Completeness, Coverage, Funnel, Overview

    overview = Overview(
        municipality_code="0561",
        generated_at=dt.datetime(2026, 5, 1, 12, tzinfo=dt.UTC),
        actors=0,
        persons=0,
        problems=1,
        partnerships=len(partnerships),
        by_kind=(),
        by_sector=(),
        by_area=(),
        coverage=Coverage("postcode", (), {}, (), (), 0),
        resources=(),
        completeness=Completeness((), 0.0, 0, 12),
        funnel=Funnel((), (), ()),
    )
    return ReportData("0561", "Esbjerg", overview, partnerships, **kw)


def partnership(**kw: Any) -> ReportPartnership:
    values: dict[str, Any] = {
        "problem_title": "Brobygning",
        "partner_name": "Foreningen",
        "stage": "agreed",
        "type": None,
        "updated_on": dt.date(2026, 4, 12),
    }
    return ReportPartnership(**{**values, **kw})


def marker_positions(svg: str) -> list[float]:
    return [float(x) for x in re.findall(r'<circle cx="([\d.]+)"', svg)]


def test_timelines_whose_changes_fell_on_one_day_say_so() -> None:
    day = dt.date(2026, 12, 2)
    one = partnership(history=(("proposed", day), ("agreed", day)))
    for lang, text in (
        ("da", "faseskiftene; alle skete 2. december 2026."),
        ("en", "stage changes; all were on 2 December 2026."),
    ):
        listed = section_of(render_report(report_of(one), lang=lang), "partnership_list")
        assert text in listed


def test_timelines_share_one_date_axis_in_date_order() -> None:
    early = partnership(
        history=(("proposed", dt.date(2026, 3, 3)), ("agreed", dt.date(2026, 4, 12)))
    )
    late = partnership(
        partner_name="Klubben",
        stage="active",
        history=(
            ("proposed", dt.date(2026, 4, 1)),
            ("dialogue", dt.date(2026, 4, 20)),
            ("active", dt.date(2026, 6, 30)),
        ),
    )
    page = render_report(report_of(early, late))
    svgs = re.findall(r'<svg class="timeline".*?</svg>', page, re.DOTALL)
    assert len(svgs) == 2
    first, second = (marker_positions(svg) for svg in svgs)
    assert len(first) == 2 and len(second) == 3
    assert first == sorted(first) and second == sorted(second)
    # Without a period the axis runs from the earliest change to the latest.
    assert first[0] == min(first + second) and second[-1] == max(first + second)
    assert first[1] < second[1]  # 12 April before 20 April, on the same axis
    assert "Foreslået match 3. marts 2026 → Aftale indgået 12. april 2026" in page
    assert "3. marts 2026 – 30. juni 2026" in page
    # With a period the axis is the period: a change on its first day sits at the start.
    within = render_report(
        report_of(early, period_from=dt.date(2026, 3, 3), period_to=dt.date(2026, 12, 31))
    )
    svg = re.search(r'<svg class="timeline".*?</svg>', within, re.DOTALL)
    assert svg is not None
    start, end = marker_positions(svg.group(0))
    assert start < 10 and end < 640 / 3


def test_a_partnership_without_history_shows_its_current_stage_only() -> None:
    page = render_report(report_of(partnership(stage="dialogue")))
    listed = section_of(page, "partnership_list")
    assert '<svg class="timeline"' not in listed
    assert '<p class="timeline-text">I dialog</p>' in listed
    assert "fælles tidsakse" not in listed


def test_the_new_section_and_timelines_speak_english(landscape: LandscapeService) -> None:
    page = report_page(with_effects(landscape), lang="en")
    assert '<html lang="en">' in page
    effect = section_of(page, "partnership_effect")
    assert "What the partnerships achieved" in effect
    assert "2 of 3 partnerships have documented their effect." in effect
    assert "By step of the evidence ladder" in effect and "Case study" in effect
    assert "An individual volunteer" in effect and "How we know it works" in effect
    listed = section_of(page, "partnership_list")
    assert "<title>Timeline: Proposed match " in listed
    assert "shows its stage changes on one shared date" in listed


def test_an_empty_register_says_there_are_no_partnerships(database: Database) -> None:
    doc = small_landscape()
    doc["partnerships"] = []
    service = LandscapeService(database)
    service.import_document(doc)
    for lang, text in (
        ("da", "Der er endnu ingen partnerskaber i kommunen."),
        ("en", "There are no partnerships in the municipality yet."),
    ):
        page = render_report(collect_report(service, "0561"), lang=lang)
        for key in ("partnership_status", "partnership_effect"):
            section = section_of(page, key)
            assert text in section and "<svg" not in section


def test_details_reads_many_partnerships_as_get_reads_one(landscape: LandscapeService) -> None:
    service = PartnershipService(with_effects(landscape).database)
    keys = [("esb-p-bro", "esb-bank"), ("esb-p-bro", "nobody"), ("esb-p-bro", "esb-sind")]
    found = service.details(keys)
    assert [d.key for d in found] == [keys[0], keys[2]]
    assert found == [service.get(*keys[0]), service.get(*keys[2])]
    assert service.details([]) == []
