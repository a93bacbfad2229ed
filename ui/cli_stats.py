"""`mapper stats [--municipality CODE] [--level municipality|postcode] [--json]`: the figures of
the landscape overview (mapper.services.overview) for scripting, as Danish lines or as JSON.

With ``--municipality`` the figures are that municipality's and its areas are its postcodes.
Individual volunteers are counted, never named. The JSON (all codes as stored; labels are
the vocabulary's)::

    {
      "municipality_code": "0561" | null,      # null: the whole landscape
      "municipality_name": "Esbjerg" | null,
      "generated_at": "2026-12-02T09:30:00+00:00",
      "actors": 5, "persons": 1, "problems": 1, "partnerships": 1,
      "by_kind":   [{"code": "voluntary_organisation", "count": 2}, ...],   # most first
      "by_sector": [{"code": "third", "count": 3}, ...],
      "by_area":   [{"code": "0561", "name": "Esbjerg", "count": 3}, ...],
      "coverage": {
        "level": "municipality" | "postcode",
        "white_spot_ratio": 0.34,
        "unplaced": 2,                          # actors without an area at this level
        "areas": [{"code": "0561", "name": "Esbjerg"}, ...],
        "target_groups": ["mental_illness", ...],   # vocabulary order
        "cells": [{"target_group": "mental_illness", "area": "0561", "actors": 2,
                   "expected": 2.0, "white_spot": false}, ...]
      },
      "resources": [{"kind": "volunteer_hours", "actors": 1, "hours_per_month": 120.0,
                     "amount_dkk": 0.0}, ...],
      "completeness": {"bands": [{"band": "0-24", "count": 3}, ...], "average": 0.288,
                       "not_verified": 4, "stale_months": 12},
      "funnel": {"by_stage": [{"code": "proposed", "count": 1}, ...],   # workflow order
                 "by_type": [...], "success_factors": [...],
                 "with_effect": 1,                                   # effect documented
                 "by_evidence": [{"code": "case_study", "count": 1}, ...]}  # ladder order
    }
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any, TextIO

from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.matching.reasons import number
from ui.cli_geo import municipality_code_arg

if TYPE_CHECKING:  # the services and SQLAlchemy load when the command runs
    from mapper.services.overview import Count, Overview

EXIT_OK = 0
SHOWN_WHITE_SPOTS = 10
SHOWN_AREAS = 10
LANG = "da"


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    stats = sub.add_parser(
        "stats",
        help="the overview's figures: counts, white spots, resources, completeness, partnerships",
    )
    stats.add_argument(
        "--municipality",
        type=municipality_code_arg,
        help="only this municipality, by its postcodes (code, e.g. 0561; 561 is the same)",
    )
    stats.add_argument(
        "--level",
        choices=["municipality", "postcode"],
        default="municipality",
        help="the areas of the coverage matrix (default: municipality)",
    )
    stats.add_argument("--json", action="store_true", help="JSON instead of lines")


def cmd_stats(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.overview import OverviewService

    database = open_database(args.db)
    try:
        service = OverviewService(database)
        overview = service.overview(args.municipality, level=args.level)
    finally:
        database.close()
    if args.json:
        json.dump(
            overview_json(overview, service.white_spot_ratio), out, ensure_ascii=False, indent=2
        )
        out.write("\n")
        return EXIT_OK
    for line in overview_lines(overview, load_vocabulary()):
        print(line, file=out)
    return EXIT_OK


# --------------------------------------------------------------------------- lines


def overview_lines(o: Overview, vocabulary: Vocabulary) -> list[str]:
    """The overview as a reader skims it, in Danish."""
    from mapper.geo.reference import municipality_name

    def label(facet: str, code: str) -> str:
        return vocabulary.label(facet, code, LANG)

    def n(value: float, decimals: int = 0) -> str:
        return number(value, LANG, decimals)

    where = (
        "hele landskabet"
        if o.municipality_code is None
        else f"{municipality_name(o.municipality_code) or o.municipality_code} Kommune "
        f"({o.municipality_code})"
    )
    coverage = o.coverage
    area_word = "postnummer" if coverage.level == "postcode" else "kommune"
    lines = [
        f"Overblik: {where}",
        f"Aktører: {n(o.actors)} (heraf {_plural(o.persons, 'enkeltperson', 'er', n)}), "
        f"problemstillinger: {n(o.problems)}, partnerskaber: {n(o.partnerships)}",
        "",
        "Efter aktørtype:",
        *_counts(o.by_kind, lambda c: label("actor_kinds", c), n),
        "Efter sektor:",
        *_counts(o.by_sector, lambda c: label("sectors", c), n),
        f"Efter {area_word}:",
        *_counts(
            o.by_area[:SHOWN_AREAS],
            lambda c: f"{c} {coverage.area_names.get(c, '')}".strip(),
            n,
        ),
    ]
    if len(o.by_area) > SHOWN_AREAS:
        lines.append(f"  … og {n(len(o.by_area) - SHOWN_AREAS)} mere")
    if coverage.unplaced:
        lines.append(f"  uden {area_word}: {n(coverage.unplaced)}")

    spots = sorted(
        (c for c in coverage.cells if c.white_spot),
        key=lambda c: (-(c.expected - c.actors), c.target_group, c.area),
    )
    lines += ["", f"Hvide pletter: {n(len(spots))} af {n(len(coverage.cells))} felter"]
    for cell in spots[:SHOWN_WHITE_SPOTS]:
        name = coverage.area_names.get(cell.area, cell.area)
        lines.append(
            f"  {label('target_groups', cell.target_group)} i {name} ({cell.area}): "
            f"{_plural(cell.actors, 'aktør', 'er', n)}, forventet {n(cell.expected, 1)}"
        )
    if len(spots) > SHOWN_WHITE_SPOTS:
        lines.append(f"  … og {n(len(spots) - SHOWN_WHITE_SPOTS)} mere (se --json)")

    lines += ["", "Tilbudte ressourcer:"]
    if not o.resources:
        lines.append("  (ingen)")
    for r in o.resources:
        parts = [_plural(r.actors, "aktør", "er", n)]
        if r.hours_per_month:
            parts.append(f"{n(r.hours_per_month, 1)} timer/md.")
        if r.amount_dkk:
            parts.append(f"{n(r.amount_dkk)} kr.")
        lines.append(f"  {label('resource_kinds', r.kind)}: {', '.join(parts)}")

    c = o.completeness
    lines += [
        "",
        f"Profiler udfyldt: gennemsnit {n(c.average * 100)} %",
        "  " + ", ".join(f"{band.code} %: {n(band.count)}" for band in c.bands),
        f"Ikke verificeret i {n(c.stale_months)} måneder: {n(c.not_verified)}",
        "",
        "Partnerskaber efter fase: "
        + _inline(o.funnel.by_stage, lambda s: label("partnership_stages", s), n),
        "Efter type: " + _inline(o.funnel.by_type, lambda s: label("partnership_types", s), n),
        "Succesfaktorer: "
        + _inline(o.funnel.success_factors, lambda s: label("partnership_success_factors", s), n),
        f"Med dokumenteret effekt: {n(o.funnel.with_effect)}",
        "Efter evidensniveau: "
        + _inline(o.funnel.by_evidence, lambda s: label("evidence_levels", s), n),
    ]
    return lines


def _plural(count: int, word: str, ending: str, n: Any) -> str:
    return f"{n(count)} {word}{'' if count == 1 else ending}"


def _counts(counts: tuple[Count, ...], name: Any, n: Any) -> list[str]:
    if not counts:
        return ["  (ingen)"]
    width = max(len(name(c.code)) for c in counts)
    return [f"  {name(c.code):<{width}}  {n(c.count):>7}" for c in counts]


def _inline(counts: tuple[Count, ...], name: Any, n: Any) -> str:
    shown = [f"{name(c.code)} {n(c.count)}" for c in counts if c.count]
    return ", ".join(shown) or "(ingen)"


# --------------------------------------------------------------------------- JSON


def overview_json(o: Overview, white_spot_ratio: float) -> dict[str, Any]:
    """The overview as the JSON the module docstring describes."""
    from mapper.geo.reference import municipality_name

    def counts(items: tuple[Count, ...]) -> list[dict[str, Any]]:
        return [{"code": c.code, "count": c.count} for c in items]

    coverage = o.coverage
    return {
        "municipality_code": o.municipality_code,
        "municipality_name": municipality_name(o.municipality_code),
        "generated_at": o.generated_at.isoformat(),
        "actors": o.actors,
        "persons": o.persons,
        "problems": o.problems,
        "partnerships": o.partnerships,
        "by_kind": counts(o.by_kind),
        "by_sector": counts(o.by_sector),
        "by_area": [
            {"code": c.code, "name": coverage.area_names.get(c.code), "count": c.count}
            for c in o.by_area
        ],
        "coverage": {
            "level": coverage.level,
            "white_spot_ratio": white_spot_ratio,
            "unplaced": coverage.unplaced,
            "areas": [{"code": a, "name": coverage.area_names.get(a)} for a in coverage.areas],
            "target_groups": list(coverage.target_groups),
            "cells": [
                {
                    "target_group": c.target_group,
                    "area": c.area,
                    "actors": c.actors,
                    "expected": round(c.expected, 3),
                    "white_spot": c.white_spot,
                }
                for c in coverage.cells
            ],
        },
        "resources": [
            {
                "kind": r.kind,
                "actors": r.actors,
                "hours_per_month": r.hours_per_month,
                "amount_dkk": r.amount_dkk,
            }
            for r in o.resources
        ],
        "completeness": {
            "bands": [{"band": b.code, "count": b.count} for b in o.completeness.bands],
            "average": round(o.completeness.average, 4),
            "not_verified": o.completeness.not_verified,
            "stale_months": o.completeness.stale_months,
        },
        "funnel": {
            "by_stage": counts(o.funnel.by_stage),
            "by_type": counts(o.funnel.by_type),
            "success_factors": counts(o.funnel.success_factors),
            "with_effect": o.funnel.with_effect,
            "by_evidence": counts(o.funnel.by_evidence),
        },
    }


COMMANDS = {"stats": cmd_stats}
