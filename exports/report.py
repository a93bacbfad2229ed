"""The committee report (udvalgsrapport): one self-contained, printable HTML file for a
municipality, built from the landscape overview, the partner map and the partnerships.

``render_report`` is a pure function of ``ReportData``: charts are inline SVG drawn here, the
live partner map travels inside an ``<iframe srcdoc>`` for the screen and a still SVG picture
of it goes on paper, every user text is escaped, and nothing in the page loads from the
network. ``collect_report`` gathers the data through the services. Individual volunteers are
counted, never named; contact persons never appear (the map's are removed before it is drawn).
"""

from __future__ import annotations

import datetime as dt
import html
import math
import re
from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path
from typing import IO, Any

from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io.bulk import collector_paused
from mapper.io.files import write_output
from mapper.matching.reasons import number
from mapper.services.landscape import LandscapeService
from mapper.services.maps import MapService, PartnerMapData
from mapper.services.overview import Count, Overview, OverviewService
from mapper.services.partnerships import PartnershipService

OKABE_ITO = ("#E69F00", "#56B4E9", "#009E73", "#0072B2", "#D55E00", "#CC79A7")
MATRIX_COLUMNS = 12
"""Areas per coverage table: wider matrices are split so each fits an A4 page."""
CHART_WIDTH = 640
MAP_WIDTH, MAP_HEIGHT, MAP_MARGIN = 680, 700, 16
MAP_TOWNS = 30
"""Town names on the still map, the largest towns first."""
BAR_HEIGHT = 18
BAR_GAP = 6
LABEL_WIDTH = 280
VALUE_WIDTH = 60
LABEL_CHARS = 46
TIMELINE_MARGIN = 8
TIMELINE_ROW = 12
TIMELINE_ROWS = 3
"""Label rows above a timeline's axis: labels of changes close in time go one row up."""
TIMELINE_CHAR = 6.0
"""Estimated width of a character of a timeline label (10 px), to keep labels apart."""

TEXTS: dict[str, dict[str, str]] = {
    "da": {
        "title": "Udvalgsrapport",
        "subtitle": "Frivillighedslandskabet i {place}",
        "municipality": "{name} Kommune",
        "period": "Periode",
        "whole_period": "hele perioden",
        "generated": "Dannet",
        "as_of": "Overblikkets tal er opgjort pr. {date} (ved dannelsen); perioden gælder "
        "listen over partnerskaber, der er opdateret i perioden.",
        "privacy": "Rapporten nævner ingen enkeltpersoner: frivillige enkeltpersoner tælles "
        "med, men navngives ikke, og kontaktpersoner er udeladt.",
        "contents": "Indhold",
        "key_figures": "Nøgletal",
        "actors": "Aktører",
        "persons": "heraf frivillige enkeltpersoner",
        "problems": "Problemstillinger",
        "partnerships": "Partnerskaber",
        "white_spots": "Hvide pletter",
        "average_completeness": "Profiler udfyldt (gennemsnit)",
        "not_verified": "Ikke verificeret i {months} måneder",
        "actors_section": "Aktører efter type og sektor",
        "by_kind": "Efter aktørtype",
        "by_sector": "Efter sektor",
        "by_area": "Efter postnummer",
        "by_area_municipality": "Efter kommune",
        "unplaced": "Uden område: {n}",
        "coverage": "Dækning: målgrupper og områder",
        "coverage_intro": "Antal aktører, der arbejder med hver målgruppe i hvert område. "
        "Et felt er en hvid plet, når området har markant færre aktører for målgruppen, end "
        "dets størrelse lader forvente (markeret med ○ og orange kant).",
        "target_group": "Målgruppe",
        "area": "Område",
        "found_expected": "Fundet / forventet",
        "no_white_spots": "Ingen hvide pletter.",
        "white_spot_line": "{group} – {area}: {found} fundet / {expected} forventet",
        "no_coverage": "Ingen aktører med målgrupper i området.",
        "map": "Partnerkort",
        "map_intro": "Offentlige organisationer med en placering. Enkeltpersoner, ikke-"
        "offentlige og inaktive aktører er ikke på kortet.",
        "map_left_out": "Ikke på kortet: {n} aktører (enkeltpersoner, ikke offentlige, "
        "inaktive eller uden placering).",
        "no_map": "Intet kort.",
        "resources": "Tilbudte ressourcer",
        "resource": "Ressource",
        "offered_by": "Tilbydes af (aktører)",
        "hours": "Timer pr. måned",
        "amount": "Beløb (kr.)",
        "no_resources": "Ingen tilbudte ressourcer.",
        "completeness": "Profilernes fuldstændighed",
        "completeness_bands": "Aktører efter hvor udfyldt profilen er (procent)",
        "not_verified_text": "{n} af {total} aktører er ikke verificeret inden for de seneste "
        "{months} måneder (eller aldrig).",
        "partnership_status": "Partnerskabernes status",
        "by_stage": "Efter fase",
        "by_type": "Efter type",
        "success_factors": "Succesfaktorer (antal partnerskaber, der nævner dem)",
        "success_factors_short": "Succesfaktorer",
        "no_type": "Ingen partnerskaber har en type.",
        "partnership_list": "Partnerskaber i perioden",
        "problem": "Problemstilling",
        "partner": "Partner",
        "stage": "Fase",
        "type": "Type",
        "updated": "Opdateret",
        "individual": "En frivillig enkeltperson",
        "no_partnerships": "Ingen partnerskaber i perioden.",
        "no_partnerships_at_all": "Der er endnu ingen partnerskaber i kommunen.",
        "partnership_effect": "Det har partnerskaberne opnået",
        "with_effect": "{n} af {total} partnerskaber har dokumenteret effekt.",
        "by_evidence": "Efter trin på evidensstigen",
        "no_evidence": "Intet partnerskab har et trin på evidensstigen.",
        "without_evidence": "Uden trin på evidensstigen: {n}.",
        "effects_listed": "Dokumenteret effekt – partnerskaber i perioden",
        "effect": "Sådan ved vi, at det virker",
        "evidence_level": "Evidens",
        "no_evidence_level": "intet trin angivet",
        "no_effects": "Ingen partnerskaber i perioden har dokumenteret effekt.",
        "timeline_axis": "Tidslinjerne under hvert partnerskab viser faseskiftene på én fælles "
        "tidsakse: {start} – {end}.",
        "timeline_day": "Tidslinjerne under hvert partnerskab viser faseskiftene; alle skete "
        "{day}.",
        "timeline": "Tidslinje: {changes}",
        "none": "Ingen.",
        "chart_label": "Søjlediagram: {title}",
        "chart_table": "Vis tallene som tabel",
        "chart_category": "Kategori",
        "chart_value": "Antal",
        "white_spot_mark": "hvid plet",
        "matrix_caption": "Antal aktører efter målgruppe og område",
        "matrix_part": "{caption}, områder {first}–{last} af {total}",
    },
    "en": {
        "title": "Committee report",
        "subtitle": "The volunteer landscape of {place}",
        "municipality": "{name} Municipality",
        "period": "Period",
        "whole_period": "the whole period",
        "generated": "Generated",
        "as_of": "The overview's figures are as of {date} (when generated); the period applies "
        "to the list of partnerships updated in it.",
        "privacy": "The report names no individuals: individual volunteers are counted but not "
        "named, and contact persons are left out.",
        "contents": "Contents",
        "key_figures": "Key figures",
        "actors": "Actors",
        "persons": "of which individual volunteers",
        "problems": "Problem statements",
        "partnerships": "Partnerships",
        "white_spots": "White spots",
        "average_completeness": "Profiles filled in (average)",
        "not_verified": "Not verified for {months} months",
        "actors_section": "Actors by kind and sector",
        "by_kind": "By actor kind",
        "by_sector": "By sector",
        "by_area": "By postcode",
        "by_area_municipality": "By municipality",
        "unplaced": "Without an area: {n}",
        "coverage": "Coverage: target groups and areas",
        "coverage_intro": "How many actors work with each target group in each area. A cell is "
        "a white spot when the area has clearly fewer actors for the group than its size "
        "would lead one to expect (marked ○ with an orange border).",
        "target_group": "Target group",
        "area": "Area",
        "found_expected": "Found / expected",
        "no_white_spots": "No white spots.",
        "white_spot_line": "{group} – {area}: {found} found / {expected} expected",
        "no_coverage": "No actors with target groups in the area.",
        "map": "Partner map",
        "map_intro": "Public organisations with a location. Individuals and actors that are "
        "not public or not active are not on the map.",
        "map_left_out": "Not on the map: {n} actors (individuals, not public, inactive or "
        "without a location).",
        "no_map": "No map.",
        "resources": "Resources offered",
        "resource": "Resource",
        "offered_by": "Offered by (actors)",
        "hours": "Hours per month",
        "amount": "Amount (DKK)",
        "no_resources": "No resources offered.",
        "completeness": "Profile completeness",
        "completeness_bands": "Actors by how complete their profile is (per cent)",
        "not_verified_text": "{n} of {total} actors have not been verified in the last "
        "{months} months (or never).",
        "partnership_status": "Partnership status",
        "by_stage": "By stage",
        "by_type": "By type",
        "success_factors": "Success factors (partnerships naming them)",
        "success_factors_short": "Success factors",
        "no_type": "No partnership has a type.",
        "partnership_list": "Partnerships in the period",
        "problem": "Problem statement",
        "partner": "Partner",
        "stage": "Stage",
        "type": "Type",
        "updated": "Updated",
        "individual": "An individual volunteer",
        "no_partnerships": "No partnerships in the period.",
        "no_partnerships_at_all": "There are no partnerships in the municipality yet.",
        "partnership_effect": "What the partnerships achieved",
        "with_effect": "{n} of {total} partnerships have documented their effect.",
        "by_evidence": "By step of the evidence ladder",
        "no_evidence": "No partnership has a step on the evidence ladder.",
        "without_evidence": "Without a step on the evidence ladder: {n}.",
        "effects_listed": "Effect documented – partnerships in the period",
        "effect": "How we know it works",
        "evidence_level": "Evidence",
        "no_evidence_level": "no step given",
        "no_effects": "No partnership in the period has documented its effect.",
        "timeline_axis": "The timeline under each partnership shows its stage changes on one "
        "shared date axis: {start} – {end}.",
        "timeline_day": "The timeline under each partnership shows its stage changes; all were "
        "on {day}.",
        "timeline": "Timeline: {changes}",
        "none": "None.",
        "chart_label": "Bar chart: {title}",
        "chart_table": "Show the figures as a table",
        "chart_category": "Category",
        "chart_value": "Number",
        "white_spot_mark": "white spot",
        "matrix_caption": "Actors by target group and area",
        "matrix_part": "{caption}, areas {first}–{last} of {total}",
    },
}
MONTHS = {
    "da": [
        "januar",
        "februar",
        "marts",
        "april",
        "maj",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "december",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}
LANGS = tuple(TEXTS)
COLLECT_STEPS = 4
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class ReportPartnership:
    """One partnership of the report's list: the partner is named only when it is no person."""

    problem_title: str
    partner_name: str | None
    """None for an individual volunteer (never named in a report)."""
    stage: str
    type: str | None
    updated_on: dt.date | None
    effect: str | None = None
    """The effect documented (sådan ved vi, at det virker)."""
    evidence_level: str | None = None
    """Its step on the evidence ladder (code of the ``evidence_levels`` facet)."""
    success_factors: tuple[str, ...] = ()
    history: tuple[tuple[str, dt.date], ...] = ()
    """(stage code, local day) of each stage change, oldest first; the changes' notes are
    free text and stay out of a report."""


@dataclass(frozen=True)
class ReportData:
    """Everything a committee report shows."""

    municipality_code: str
    municipality_name: str
    overview: Overview
    partnerships: tuple[ReportPartnership, ...]
    """The partnerships on the municipality's problem statements updated in the period."""
    map_html: str | None = None
    """The partner map page (exports.partner_map), without contact persons."""
    map_data: PartnerMapData | None = None
    """What the map shows, drawn as a still picture for paper (an interactive map inside a
    frame does not print reliably)."""
    map_left_out: int = 0
    period_from: dt.date | None = None
    period_to: dt.date | None = None


def in_period(updated_on: dt.date | None, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether a partnership updated on ``updated_on`` belongs to the period (both ends
    included; without a period every partnership does, one never updated only then)."""
    if start is None and end is None:
        return True
    if updated_on is None:
        return False
    return (start is None or updated_on >= start) and (end is None or updated_on <= end)


def without_contacts(data: PartnerMapData) -> PartnerMapData:
    """The map data with every contact person removed (a report is no contact list)."""
    return replace(
        data,
        actors=tuple(
            replace(a, contact_name=None, contact_email=None, contact_phone=None)
            for a in data.actors
        ),
    )


class ReportScopeError(ValueError):
    """A report that cannot be made as asked (no actor or problem statement of the register
    in the municipality, a period that ends before it starts)."""


def check_period(start: dt.date | None, end: dt.date | None) -> None:
    if start is not None and end is not None and end < start:
        raise ReportScopeError(
            f"the period ends ({end.isoformat()}) before it starts ({start.isoformat()})"
        )


def collect_report(
    landscape: LandscapeService,
    municipality_code: str,
    *,
    period_from: dt.date | None = None,
    period_to: dt.date | None = None,
    lang: str = "da",
    progress: Progress | None = None,
) -> ReportData:
    """The report's data for one municipality of the register, through the services: the
    overview as of now, the partner map of its public organisations (without contact
    persons) and the partnerships on its problem statements updated in the period."""
    # folium loads when a report is made, not when this module is imported.
    from exports.partner_map import render_partner_map

    def step(done: int) -> None:
        if progress is not None:
            progress(done, COLLECT_STEPS)

    check_period(period_from, period_to)
    database, vocabulary = landscape.database, landscape.vocabulary
    known = dict(landscape.municipalities())
    if municipality_code not in known:
        listed = ", ".join(f"{code} {name}" for code, name in known.items()) or "none"
        raise ReportScopeError(
            f"no actor or problem statement lies in municipality {municipality_code}; "
            f"the register's municipalities: {listed}"
        )
    step(0)
    overview = OverviewService(database, vocabulary).overview(municipality_code)
    step(1)
    problems = {p.id for p in landscape.list_problems() if p.municipality_code == municipality_code}
    service = PartnershipService(database, vocabulary)
    keys = [
        p.key
        for p in service.list_partnerships()
        if p.problem_id in problems and in_period(p.updated_on, period_from, period_to)
    ]
    partnerships = tuple(
        ReportPartnership(
            problem_title=p.problem_title,
            partner_name=None if vocabulary.holds_personal_data(p.actor_kind) else p.actor_name,
            stage=p.stage,
            type=p.type,
            updated_on=p.updated_on,
            effect=p.effect,
            evidence_level=p.evidence_level,
            success_factors=p.success_factors,
            history=tuple((h.stage, h.changed_at.astimezone().date()) for h in p.history),
        )
        for p in service.details(keys)  # one read for all, in the list's order
    )
    step(2)
    maps = MapService(database, vocabulary)
    data = maps.partner_map(
        scope="municipality",
        value=municipality_code,
        boundaries=maps.boundaries_for("municipality", municipality_code),
    )
    data = without_contacts(data)
    with collector_paused():
        map_html = render_partner_map(data, lang=lang)
    step(3)
    return ReportData(
        municipality_code=municipality_code,
        municipality_name=known[municipality_code],
        overview=overview,
        partnerships=partnerships,
        map_html=map_html,
        map_data=data,
        map_left_out=sum(data.left_out.values()),
        period_from=period_from,
        period_to=period_to,
    )


# --------------------------------------------------------------------------- rendering


def render_report(
    data: ReportData, *, lang: str = "da", vocabulary: Vocabulary | None = None
) -> str:
    """The whole report as one HTML page."""
    if lang not in TEXTS:
        raise ValueError(f"lang must be one of {', '.join(LANGS)}")
    page = _Page(data, lang, vocabulary or load_vocabulary())
    return page.render()


def write_report(
    data: ReportData,
    target: str | Path | IO[str],
    *,
    lang: str = "da",
    vocabulary: Vocabulary | None = None,
) -> int:
    """Write the report (a path is written atomically); returns its size in bytes."""
    page = render_report(data, lang=lang, vocabulary=vocabulary).encode("utf-8")
    if isinstance(target, (str, Path)):
        write_output(target, lambda stream: stream.write(page))
    else:
        target.write(page.decode("utf-8"))
    return len(page)


MAP_IN_FRAME = (
    "<style>html, body, .folium-map, html.pm-printing body, html.pm-printing .folium-map "
    "{ width: 100% !important; height: 100% !important; }</style>"
    "<script>(function () {"
    "var add = window.addEventListener, match = window.matchMedia;"
    "window.addEventListener = function (type, listener, options) {"
    "  if (type === 'beforeprint' || type === 'afterprint') return;"
    "  return add.call(window, type, listener, options); };"
    "if (match) window.matchMedia = function (query) {"
    "  if (!/print/.test(query)) return match.call(window, query);"
    "  var none = function () {};"
    "  return { matches: false, media: query, onchange: null, addEventListener: none,"
    "           removeEventListener: none, addListener: none, removeListener: none }; };"
    "})();</script>"
)
"""The map inside the report's frame keeps the view it shows on screen when the report is
printed: it fills the frame, and its own print layout (a page of its own, A4 landscape,
refitted on "beforeprint") is switched off — refitting inside the frame while the report is
printed leaves it half-moved. Goes first in the map's head, before its own scripts."""


def framed_map(page: str) -> str:
    """The partner map page as the report's frame shows it."""
    head = re.search(r"<head\b[^>]*>", page, re.IGNORECASE)
    at = head.end() if head else 0
    return page[:at] + MAP_IN_FRAME + page[at:]


def esc(text: object) -> str:
    return html.escape(str(text), quote=True)


def bar_chart(
    rows: Sequence[tuple[str, float]],
    *,
    title: str,
    value_text: Callable[[float], str] = str,
    colour: str = OKABE_ITO[3],
    colours: Sequence[str] | None = None,
) -> str:
    """A horizontal bar chart as inline SVG: one labelled bar per row, the value after it.
    Labels are escaped; long labels are shortened (the full text is the bar's tooltip)."""
    height = max(1, len(rows)) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP
    top = max((value for _, value in rows), default=0) or 1
    span = CHART_WIDTH - LABEL_WIDTH - VALUE_WIDTH
    parts = [
        f'<svg class="chart" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}" '
        f'aria-label="{esc(title)}">',
        f"<title>{esc(title)}</title>",
    ]
    for i, (label, value) in enumerate(rows):
        y = BAR_GAP + i * (BAR_HEIGHT + BAR_GAP)
        width = max(0.0, value) / top * span
        fill = colours[i % len(colours)] if colours else colour
        shown = label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1].rstrip() + "…"
        middle = y + BAR_HEIGHT / 2
        parts.append(
            f"<g><title>{esc(label)}: {esc(value_text(value))}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{middle:.1f}" text-anchor="end" '
            f'dominant-baseline="central">{esc(shown)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y}" width="{width:.1f}" height="{BAR_HEIGHT}" '
            f'fill="{fill}"/>'
            f'<text x="{LABEL_WIDTH + width + 6:.1f}" y="{middle:.1f}" '
            f'dominant-baseline="central">{esc(value_text(value))}</text></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def static_map(data: PartnerMapData, colour_of: Mapping[str, str], *, title: str) -> str:
    """The partner map as a still SVG picture: boundary shapes, town names and one dot per
    actor in its kind's colour (names and contacts never: it shows where, not who)."""
    points = [(a.lon, a.lat) for a in data.actors]
    rings = [ring for b in data.boundaries for ring in _rings(b.geometry)]
    extent = points + [(x, y) for ring in rings for x, y in ring]
    if not extent:
        return ""
    west, east = min(x for x, _ in extent), max(x for x, _ in extent)
    south, north = min(y for _, y in extent), max(y for _, y in extent)
    shrink = math.cos(math.radians((north + south) / 2))  # a degree east is shorter
    span_x, span_y = max((east - west) * shrink, 1e-6), max(north - south, 1e-6)
    inner_w, inner_h = MAP_WIDTH - 2 * MAP_MARGIN, MAP_HEIGHT - 2 * MAP_MARGIN
    scale = min(inner_w / span_x, inner_h / span_y)
    off_x = MAP_MARGIN + (inner_w - span_x * scale) / 2
    off_y = MAP_MARGIN + (inner_h - span_y * scale) / 2

    def xy(lon: float, lat: float) -> str:
        x = off_x + (lon - west) * shrink * scale
        y = off_y + (north - lat) * scale
        return f"{x:.1f},{y:.1f}"

    parts = [
        f'<svg class="map-picture" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'viewBox="0 0 {MAP_WIDTH} {MAP_HEIGHT}" width="{MAP_WIDTH}" height="{MAP_HEIGHT}" '
        f'aria-label="{esc(title)}"><title>{esc(title)}</title>'
        f'<rect width="{MAP_WIDTH}" height="{MAP_HEIGHT}" fill="#e8f1f6"/>'
    ]
    if rings:
        path = " ".join("M" + " L".join(xy(x, y) for x, y in ring) + " Z" for ring in rings)
        parts.append(
            f'<path d="{path}" fill="#f4f1e8" stroke="#9c9480" stroke-width="1.2" '
            'fill-rule="evenodd"/>'
        )
    inside = [t for t in data.towns if west <= t.lon <= east and south <= t.lat <= north]
    for town in sorted(inside, key=lambda t: (t.rank, t.name))[:MAP_TOWNS]:
        x, y = xy(town.lon, town.lat).split(",")
        parts.append(
            f'<text class="town town-r{town.rank}" x="{x}" y="{y}" dy="-6" '
            f'text-anchor="middle">{esc(town.name)}</text>'
        )
    for actor in data.actors:
        x, y = xy(actor.lon, actor.lat).split(",")
        fill = colour_of.get(actor.kind, "#7f7f7f")
        parts.append(f'<circle cx="{x}" cy="{y}" r="4" fill="{fill}"/>')
    parts.append("</svg>")
    return "".join(parts)


def timeline_axis(
    days: Iterable[dt.date], start: dt.date | None, end: dt.date | None
) -> tuple[dt.date, dt.date] | None:
    """The shared date axis of the partnerships' timelines: the period where it is given, else
    the earliest to the latest stage change; None without a date at all."""
    found = sorted(days)
    first = start or (found[0] if found else end)
    last = end or (found[-1] if found else start)
    if first is None or last is None:
        return None
    return (first, last) if first <= last else (last, first)


def stage_timeline(
    marks: Sequence[tuple[str, dt.date, str, str]],
    axis: tuple[dt.date, dt.date],
    *,
    title: str,
) -> str:
    """A partnership's stage changes as a compact inline SVG on the shared date ``axis``: one
    marker per (label, day, colour, tooltip) of ``marks`` (oldest first), its label above it,
    labels of changes close in time stacked in up to ``TIMELINE_ROWS`` rows. A day outside
    the axis is drawn hollow at its end. Month ticks (year ticks on a long axis) on the axis
    line."""
    first, last = axis
    span = (last - first).days
    inner = CHART_WIDTH - 2 * TIMELINE_MARGIN

    def x_of(day: dt.date) -> float:
        if span <= 0:
            return CHART_WIDTH / 2
        share = min(1.0, max(0.0, (day - first).days / span))
        return TIMELINE_MARGIN + share * inner

    placed: list[tuple[float, float, int]] = []  # (marker x, label left, row)
    ends = [-math.inf] * TIMELINE_ROWS  # where each row's last label ends
    for i, (label, day, _, _) in enumerate(marks):
        x = x_of(day)
        bold = 1.15 if i == len(marks) - 1 else 1.0  # the current stage's label is bold
        width = len(label) * TIMELINE_CHAR * bold
        left = min(max(0.0, x - width / 2), CHART_WIDTH - width - 2)
        free = [r for r in range(TIMELINE_ROWS) if ends[r] + 6 <= left]
        row = free[0] if free else min(range(TIMELINE_ROWS), key=lambda r: ends[r])
        ends[row] = left + width
        placed.append((x, left, row))
    rows = 1 + max((row for _, _, row in placed), default=0)
    axis_y = 4 + rows * TIMELINE_ROW + 6
    height = axis_y + 8
    parts = [
        # The same words are written under the drawing, so screen readers skip the drawing
        # (read once, not twice); the title stays as the tooltip.
        f'<svg class="timeline" xmlns="http://www.w3.org/2000/svg" aria-hidden="true" '
        f'viewBox="0 0 {CHART_WIDTH} {height}" width="{CHART_WIDTH}" height="{height}">'
        f"<title>{esc(title)}</title>",
        f'<line class="axis" x1="{TIMELINE_MARGIN}" y1="{axis_y}" '
        f'x2="{CHART_WIDTH - TIMELINE_MARGIN}" y2="{axis_y}"/>',
    ]
    for day in _ticks(first, last):
        x = x_of(day)
        parts.append(
            f'<line class="tick" x1="{x:.1f}" y1="{axis_y - 3}" x2="{x:.1f}" y2="{axis_y + 3}"/>'
        )
    # Leaders first, so labels (with a halo) and markers are drawn over them.
    for x, _, row in placed:
        if row:
            top = axis_y - 8 - row * TIMELINE_ROW + 2
            parts.append(
                f'<line class="leader" x1="{x:.1f}" y1="{top}" x2="{x:.1f}" y2="{axis_y - 4}"/>'
            )
    for i, ((label, day, colour, tip), (x, left, row)) in enumerate(
        zip(marks, placed, strict=True)
    ):
        current = i == len(marks) - 1
        # A change outside the axis (before the period) is drawn hollow at its end.
        paint = (
            f'fill="#fff" stroke="{colour}" stroke-width="2"'
            if not first <= day <= last
            else f'fill="{colour}"'
        )
        parts.append(
            f'<g class="mark{" current" if current else ""}"><title>{esc(tip)}</title>'
            f'<text x="{left:.1f}" y="{axis_y - 8 - row * TIMELINE_ROW}">{esc(label)}</text>'
            f'<circle cx="{x:.1f}" cy="{axis_y}" r="{5 if current else 4}" {paint}/></g>'
        )
    parts.append("</svg>")
    return "".join(parts)


def _ticks(first: dt.date, last: dt.date) -> list[dt.date]:
    """The first days of the months (of the years, on an axis over two years) inside the
    axis."""
    months = (last.year - first.year) * 12 + last.month - first.month
    step = 12 if months > 24 else 1
    day = dt.date(first.year, 1, 1) if step == 12 else first.replace(day=1)
    found = []
    while day <= last:
        if day > first:
            found.append(day)
        month = day.month - 1 + step
        day = dt.date(day.year + month // 12, month % 12 + 1, 1)
    return found


def _rings(geometry: Mapping[str, Any]) -> list[list[tuple[float, float]]]:
    """The outer and inner rings of a (Multi)Polygon, as (lon, lat) points."""
    kind, coordinates = geometry.get("type"), geometry.get("coordinates") or []
    polygons = [coordinates] if kind == "Polygon" else coordinates if kind == "MultiPolygon" else []
    return [[(float(p[0]), float(p[1])) for p in ring] for polygon in polygons for ring in polygon]


@dataclass
class _Page:
    data: ReportData
    lang: str
    vocabulary: Vocabulary

    def t(self, key: str, **params: object) -> str:
        """A fixed text, escaped, with its (escaped) parameters filled in."""
        return esc(TEXTS[self.lang][key]).format(**{k: esc(v) for k, v in params.items()})

    def n(self, value: float, decimals: int = 0) -> str:
        return number(value, self.lang, decimals)

    def label(self, facet: str, code: str) -> str:
        return self.vocabulary.label(facet, code, self.lang)

    def date(self, day: dt.date) -> str:
        month = MONTHS[self.lang][day.month - 1]
        if self.lang == "da":
            return f"{day.day}. {month} {day.year}"
        return f"{day.day} {month} {day.year}"

    def chart(self, counts: Sequence[Count], facet: str, title: str) -> str:
        rows = [(self.label(facet, c.code), float(c.count)) for c in counts]
        return self.figure(title, rows)

    def figure(
        self,
        title: str,
        rows: Sequence[tuple[str, float]],
        *,
        colour: str = OKABE_ITO[3],
        colours: Sequence[str] | None = None,
    ) -> str:
        if not rows:
            return f"<h3>{esc(title)}</h3><p>{self.t('none')}</p>"
        svg = bar_chart(
            rows,
            title=TEXTS[self.lang]["chart_label"].format(title=title),
            value_text=self.n,
            colour=colour,
            colours=colours,
        )
        table = self.data_table(title, rows)
        return f"<figure><figcaption>{esc(title)}</figcaption>{svg}{table}</figure>"

    def data_table(self, title: str, rows: Sequence[tuple[str, float]]) -> str:
        """A chart's figures as a table, folded away under the chart: the text alternative
        for screen readers and for whoever cannot read the bars (full labels, where the
        chart shortens them). Paper leaves it out: the printed bars carry their values."""
        body = "".join(
            f'<tr><th scope="row">{esc(label)}</th><td class="num">{esc(self.n(value))}</td></tr>'
            for label, value in rows
        )
        return (
            f'<details class="chart-data"><summary>{self.t("chart_table")}</summary>'
            f'<table class="list"><caption class="visually-hidden">{esc(title)}</caption>'
            f'<thead><tr><th scope="col">{self.t("chart_category")}</th>'
            f'<th scope="col" class="num">{self.t("chart_value")}</th></tr></thead>'
            f"<tbody>{body}</tbody></table></details>"
        )

    # ----------------------------------------------------------------- page

    def render(self) -> str:
        d = self.data
        place = TEXTS[self.lang]["municipality"].format(name=d.municipality_name)
        sections = [
            self.title_page(place),
            self.key_figures(),
            self.actors(),
            self.coverage(),
            self.partner_map(),
            self.resources(),
            self.completeness(),
            self.partnership_status(),
            self.partnership_effect(),
            self.partnership_list(),
        ]
        title = f"{TEXTS[self.lang]['title']}: {place}"
        return (
            f'<!DOCTYPE html>\n<html lang="{self.lang}">\n<head>\n<meta charset="utf-8">\n'
            '<meta name="generator" content="volunteer-mapper">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            f"<title>{esc(title)}</title>\n<style>{_css()}</style>\n</head>\n<body>\n"
            '<main aria-labelledby="report-title">\n'
            + "\n".join(sections)
            + "\n</main>\n</body>\n</html>\n"
        )

    def section(self, key: str, body: str, *, extra_class: str = "") -> str:
        cls = f"section {extra_class}".strip()
        return f'<section id="{key}" class="{cls}">\n<h2>{self.t(key)}</h2>\n{body}\n</section>'

    def title_page(self, place: str) -> str:
        d = self.data
        generated = d.overview.generated_at.astimezone()
        if d.period_from is None and d.period_to is None:
            period = self.t("whole_period")
        else:
            start = self.date(d.period_from) if d.period_from else "…"
            end = self.date(d.period_to) if d.period_to else "…"
            period = f"{esc(start)} – {esc(end)}"
        when = f"{self.date(generated.date())} {generated:%H:%M}"
        contents = "".join(
            f'<li><a href="#{key}">{self.t(key)}</a></li>'
            for key in (
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
        )
        return (
            '<section id="title-page" class="section title-page">\n'
            f'<p class="kicker">{self.t("title")}</p>\n'
            f'<h1 id="report-title">{self.t("subtitle", place=place)}</h1>\n'
            f'<p class="code">{esc(d.municipality_code)}</p>\n'
            '<dl class="facts">'
            f"<dt>{self.t('period')}</dt><dd>{period}</dd>"
            f"<dt>{self.t('generated')}</dt><dd>{esc(when)}</dd></dl>\n"
            f'<p class="note">{self.t("as_of", date=self.date(generated.date()))}</p>\n'
            f'<p class="note">{self.t("privacy")}</p>\n'
            f"<nav><h2>{self.t('contents')}</h2><ol>{contents}</ol></nav>\n"
            "</section>"
        )

    def key_figures(self) -> str:
        o = self.data.overview
        spots = sum(1 for c in o.coverage.cells if c.white_spot)
        tiles = [
            (self.n(o.actors), self.t("actors")),
            (self.n(o.persons), self.t("persons")),
            (self.n(o.problems), self.t("problems")),
            (self.n(o.partnerships), self.t("partnerships")),
            (self.n(spots), self.t("white_spots")),
            (f"{self.n(o.completeness.average * 100)} %", self.t("average_completeness")),
            (
                self.n(o.completeness.not_verified),
                self.t("not_verified", months=self.n(o.completeness.stale_months)),
            ),
        ]
        body = '<div class="tiles">' + "".join(
            f'<div class="tile"><span class="value">{esc(value)}</span>'
            f'<span class="what">{what}</span></div>'
            for value, what in tiles
        )
        body += "</div>"
        return self.section("key_figures", body, extra_class="same-page")

    def actors(self) -> str:
        o = self.data.overview
        area_title = (
            TEXTS[self.lang]["by_area"]
            if o.coverage.level == "postcode"
            else TEXTS[self.lang]["by_area_municipality"]
        )
        areas = [
            (f"{c.code} {o.coverage.area_names.get(c.code, '')}".strip(), float(c.count))
            for c in o.by_area
        ]
        body = (
            self.chart(o.by_kind, "actor_kinds", TEXTS[self.lang]["by_kind"])
            + self.figure(
                TEXTS[self.lang]["by_sector"],
                [(self.label("sectors", c.code), float(c.count)) for c in o.by_sector],
                colours=OKABE_ITO,
            )
            + self.figure(area_title, areas, colour=OKABE_ITO[1])
        )
        if o.coverage.unplaced:
            body += f"<p>{self.t('unplaced', n=self.n(o.coverage.unplaced))}</p>"
        return self.section("actors_section", body)

    def coverage(self) -> str:
        coverage = self.data.overview.coverage
        body = f"<p>{self.t('coverage_intro')}</p>"
        if not coverage.cells:
            return self.section("coverage", body + f"<p>{self.t('no_coverage')}</p>")
        cells = {(c.target_group, c.area): c for c in coverage.cells}
        mark = self.t("white_spot_mark")
        total = len(coverage.areas)
        for start in range(0, total, MATRIX_COLUMNS):
            areas = coverage.areas[start : start + MATRIX_COLUMNS]
            caption = self.t("matrix_caption")
            if total > MATRIX_COLUMNS:  # each part of a split matrix has a name of its own
                caption = self.t(
                    "matrix_part",
                    caption=TEXTS[self.lang]["matrix_caption"],
                    first=self.n(start + 1),
                    last=self.n(start + len(areas)),
                    total=self.n(total),
                )
            head = "".join(
                f'<th scope="col"><span class="code">{esc(a)}</span> '
                f'<span class="name">{esc(coverage.area_names.get(a, ""))}</span></th>'
                for a in areas
            )
            rows = []
            for group in coverage.target_groups:
                tds = []
                for area in areas:
                    cell = cells.get((group, area))
                    if cell is None:
                        tds.append("<td></td>")
                    elif cell.white_spot:
                        # The ring marks it on paper and on screen, the hidden words for
                        # screen readers: never the colour alone.
                        tds.append(
                            f'<td class="white-spot" title="{mark}">'
                            f'<span aria-hidden="true">○</span>'
                            f'<span class="visually-hidden">{mark}:</span> '
                            f"{self.n(cell.actors)}</td>"
                        )
                    else:
                        tds.append(f"<td>{self.n(cell.actors)}</td>")
                rows.append(
                    f'<tr><th scope="row">{esc(self.label("target_groups", group))}</th>'
                    + "".join(tds)
                    + "</tr>"
                )
            body += (
                f'<table class="matrix"><caption class="visually-hidden">{caption}</caption>'
                "<thead><tr>"
                f'<th scope="col">{self.t("target_group")}</th>{head}</tr></thead>'
                f"<tbody>{''.join(rows)}</tbody></table>"
            )
        spots = sorted(
            (c for c in coverage.cells if c.white_spot),
            key=lambda c: (-(c.expected - c.actors), c.target_group, c.area),
        )
        body += f'<h3 id="white-spots">{self.t("white_spots")}</h3>'
        if not spots:
            body += f"<p>{self.t('no_white_spots')}</p>"
        else:
            items = "".join(
                "<li>"
                + self.t(
                    "white_spot_line",
                    group=self.label("target_groups", c.target_group),
                    area=f"{c.area} {coverage.area_names.get(c.area, '')}".strip(),
                    found=self.n(c.actors),
                    expected=self.n(c.expected, 1),
                )
                + "</li>"
                for c in spots
            )
            body += f'<ul class="white-spots">{items}</ul>'
        return self.section("coverage", body)

    def partner_map(self) -> str:
        d = self.data
        body = f"<p>{self.t('map_intro')}</p>"
        if d.map_html is None and d.map_data is None:
            body += f"<p>{self.t('no_map')}</p>"
        if d.map_data is not None:
            body += self.map_picture(d.map_data)
        if d.map_html is not None:
            # srcdoc keeps the map's own scripts and styles apart from the report's.
            body += (
                f'<iframe class="map map-live" title="{self.t("map")}" '
                f'sandbox="allow-scripts" srcdoc="{esc(framed_map(d.map_html))}"></iframe>'
            )
        if d.map_left_out:
            body += f'<p class="note">{self.t("map_left_out", n=self.n(d.map_left_out))}</p>'
        return self.section("map", body)

    def map_picture(self, data: PartnerMapData) -> str:
        """The still map for paper (the screen shows the live one), with its legend."""
        from exports.partner_map import PALETTE  # the live map's colours

        kinds = [t.code for t in self.vocabulary.terms("actor_kinds")]
        colour_of = {code: PALETTE[i % len(PALETTE)] for i, code in enumerate(kinds)}
        picture = static_map(data, colour_of, title=TEXTS[self.lang]["map"])
        if not picture:
            return ""
        counts = Counter(a.kind for a in data.actors)
        legend = "".join(
            f'<li><span class="swatch" style="background:{colour_of.get(kind, "#7f7f7f")}">'
            f"</span>{esc(self.label('actor_kinds', kind))} ({self.n(n)})</li>"
            for kind, n in sorted(counts.items(), key=lambda c: (-c[1], c[0]))
        )
        return f'<div class="map-still">{picture}<ul class="map-legend">{legend}</ul></div>'

    def resources(self) -> str:
        o = self.data.overview
        if not o.resources:
            return self.section("resources", f"<p>{self.t('no_resources')}</p>")
        rows = "".join(
            f'<tr><th scope="row">{esc(self.label("resource_kinds", r.kind))}</th>'
            f'<td class="num">{self.n(r.actors)}</td>'
            f'<td class="num">{self.n(r.hours_per_month, 1) if r.hours_per_month else ""}</td>'
            f'<td class="num">{self.n(r.amount_dkk) if r.amount_dkk else ""}</td></tr>'
            for r in o.resources
        )
        table = (
            f'<table class="list"><caption class="visually-hidden">{self.t("resources")}'
            "</caption><thead><tr>"
            f'<th scope="col">{self.t("resource")}</th>'
            f'<th scope="col" class="num">{self.t("offered_by")}</th>'
            f'<th scope="col" class="num">{self.t("hours")}</th>'
            f'<th scope="col" class="num">{self.t("amount")}</th>'
            f"</tr></thead><tbody>{rows}</tbody></table>"
        )
        chart = self.figure(
            TEXTS[self.lang]["offered_by"],
            [(self.label("resource_kinds", r.kind), float(r.actors)) for r in o.resources],
            colour=OKABE_ITO[0],
        )
        return self.section("resources", chart + table)

    def completeness(self) -> str:
        c = self.data.overview.completeness
        chart = self.figure(
            TEXTS[self.lang]["completeness_bands"],
            [(f"{b.code} %", float(b.count)) for b in c.bands],
            colour=OKABE_ITO[5],
        )
        text = self.t(
            "not_verified_text",
            n=self.n(c.not_verified),
            total=self.n(self.data.overview.actors),
            months=self.n(c.stale_months),
        )
        average = f"{self.t('average_completeness')}: {esc(self.n(c.average * 100))} %"
        return self.section("completeness", f"<p>{average}</p>{chart}<p>{text}</p>")

    def partnership_status(self) -> str:
        f = self.data.overview.funnel
        if not self.data.overview.partnerships:
            return self.section("partnership_status", f"<p>{self.t('no_partnerships_at_all')}</p>")
        by_type = [(self.label("partnership_types", c.code), float(c.count)) for c in f.by_type]
        body = self.figure(
            TEXTS[self.lang]["by_stage"],
            [(self.label("partnership_stages", c.code), float(c.count)) for c in f.by_stage],
            colour=OKABE_ITO[2],
        )
        if any(v for _, v in by_type):
            body += self.figure(TEXTS[self.lang]["by_type"], by_type, colour=OKABE_ITO[3])
        else:
            body += f"<h3>{self.t('by_type')}</h3><p>{self.t('no_type')}</p>"
        body += self.figure(
            TEXTS[self.lang]["success_factors"],
            [
                (self.label("partnership_success_factors", c.code), float(c.count))
                for c in f.success_factors
            ],
            colour=OKABE_ITO[4],
        )
        return self.section("partnership_status", body)

    def partnership_effect(self) -> str:
        """What the partnerships achieved: how many documented their effect, by step of the
        evidence ladder, and the effects of the partnerships in the period."""
        o = self.data.overview
        if not o.partnerships:
            return self.section("partnership_effect", f"<p>{self.t('no_partnerships_at_all')}</p>")
        f = o.funnel
        body = (
            '<p class="lead">'
            + self.t("with_effect", n=self.n(f.with_effect), total=self.n(o.partnerships))
            + "</p>"
        )
        if any(c.count for c in f.by_evidence):
            body += self.figure(
                TEXTS[self.lang]["by_evidence"],
                [(self.label("evidence_levels", c.code), float(c.count)) for c in f.by_evidence],
                colour=OKABE_ITO[1],
            )
        else:
            body += f"<h3>{self.t('by_evidence')}</h3><p>{self.t('no_evidence')}</p>"
        without = o.partnerships - sum(c.count for c in f.by_evidence)
        if without > 0:
            body += f'<p class="note">{self.t("without_evidence", n=self.n(without))}</p>'
        body += f"<h3>{self.t('effects_listed')}</h3>"
        shown = [p for p in self.data.partnerships if p.effect and p.effect.strip()]
        if not shown:
            return self.section("partnership_effect", body + f"<p>{self.t('no_effects')}</p>")
        items = "".join(self.effect_item(p) for p in shown)
        return self.section("partnership_effect", body + f'<ul class="effects">{items}</ul>')

    def effect_item(self, p: ReportPartnership) -> str:
        partner = esc(p.partner_name) if p.partner_name else self.t("individual")
        level = (
            esc(self.label("evidence_levels", p.evidence_level))
            if p.evidence_level
            else self.t("no_evidence_level")
        )
        factors = ", ".join(
            esc(self.label("partnership_success_factors", code)) for code in p.success_factors
        )
        facts = f"<dt>{self.t('evidence_level')}</dt><dd>{level}</dd>"
        if factors:
            facts += f"<dt>{self.t('success_factors_short')}</dt><dd>{factors}</dd>"
        return (
            f'<li class="effect"><p class="who"><strong>{esc(p.problem_title)}</strong> · '
            f"{partner}</p>"
            f'<dl class="facts">{facts}</dl>'
            f'<p class="effect-text"><span class="what">{self.t("effect")}:</span> '
            f"{multiline(p.effect or '')}</p></li>"
        )

    def partnership_list(self) -> str:
        found = self.data.partnerships
        if not found:
            return self.section("partnership_list", f"<p>{self.t('no_partnerships')}</p>")
        axis = timeline_axis(
            (day for p in found for _, day in p.history),
            self.data.period_from,
            self.data.period_to,
        )
        columns = ("problem", "partner", "stage", "type", "updated")
        bodies = "".join(
            '<tbody class="partnership">'
            f'<tr><th scope="row">{esc(p.problem_title)}</th>'
            f"<td>{esc(p.partner_name) if p.partner_name else self.t('individual')}</td>"
            f"<td>{esc(self.label('partnership_stages', p.stage))}</td>"
            f"<td>{esc(self.label('partnership_types', p.type)) if p.type else ''}</td>"
            f"<td>{esc(self.date(p.updated_on)) if p.updated_on else ''}</td></tr>"
            f'<tr class="timeline"><td colspan="{len(columns)}">{self.timeline(p, axis)}</td></tr>'
            "</tbody>"
            for p in found
        )
        intro = ""
        if axis is not None and any(p.history for p in found):
            start, end = (self.date(day) for day in axis)
            shared = (
                self.t("timeline_axis", start=start, end=end)
                if start != end
                else self.t("timeline_day", day=start)
            )
            intro = f'<p class="note">{shared}</p>'
        table = (
            '<table class="list partnerships">'
            f'<caption class="visually-hidden">{self.t("partnership_list")}</caption><thead><tr>'
            + "".join(f'<th scope="col">{self.t(k)}</th>' for k in columns)
            + f"</tr></thead>{bodies}</table>"
        )
        return self.section("partnership_list", intro + table)

    def timeline(self, p: ReportPartnership, axis: tuple[dt.date, dt.date] | None) -> str:
        """The partnership's stage changes drawn on the shared axis, with the same in words
        (for screen readers and paper); without history its current stage only."""
        if not p.history or axis is None:
            current = esc(self.label("partnership_stages", p.stage))
            return f'<p class="timeline-text">{current}</p>'
        order = {t.code: i for i, t in enumerate(self.vocabulary.terms("partnership_stages"))}
        marks = []
        for stage, day in p.history:
            label = self.label("partnership_stages", stage)
            colour = OKABE_ITO[order.get(stage, len(order)) % len(OKABE_ITO)]
            marks.append((label, day, colour, f"{label} {self.date(day)}"))
        words = " → ".join(tip for _, _, _, tip in marks)
        svg = stage_timeline(marks, axis, title=TEXTS[self.lang]["timeline"].format(changes=words))
        return f'{svg}<p class="timeline-text">{esc(words)}</p>'


def multiline(text: str) -> str:
    """User text escaped, its line breaks kept."""
    lines = text.strip().replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return "<br>".join(esc(line) for line in lines)


@cache
def _css() -> str:
    return resources.files("exports").joinpath("assets", "report.css").read_text(encoding="utf-8")
