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
    OKABE_ITO,
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
