"""`mapper export map`, `mapper export geojson` and `mapper export coverage`: public partner maps
and the coverage map (dækningskort) from the register."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any, TextIO

from ui.cli_geo import municipality_code_arg

if TYPE_CHECKING:  # folium, shapely and SQLAlchemy load when a map is made
    from mapper.persistence.database import Database
    from mapper.services.maps import PartnerMapData

LEFT_OUT = {
    "personal": "individual volunteers (personal data)",
    "not_public": "not public",
    "inactive": "inactive",
    "no_location": "without a location",
}


class ScopeError(ValueError):
    pass


def add_export_commands(exp_sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    for name, help_text in (
        ("map", "a self-contained HTML partner map (works offline)"),
        ("geojson", "public actors as GeoJSON (RFC 7946)"),
    ):
        parser = exp_sub.add_parser(name, help=help_text)
        parser.add_argument("file", help="output file ('-' for standard output)")
        scope = parser.add_mutually_exclusive_group()
        scope.add_argument(
            "--municipality",
            metavar="CODE",
            type=municipality_code_arg,
            help="one municipality, e.g. 0561",
        )
        scope.add_argument("--target-group", metavar="CODE", help="actors with this target group")
        scope.add_argument("--resource", metavar="CODE", help="actors offering this resource")
        scope.add_argument(
            "--problem", metavar="PROBLEM_ID", help="the ranked partners of one problem statement"
        )
        parser.add_argument(
            "--top",
            type=int,
            default=25,
            help="with --problem: how many ranked partners (default 25)",
        )
        parser.add_argument("--title", help="the map's title")
        parser.add_argument("--lang", choices=("da", "en"), default="da")
        if name == "map":
            parser.add_argument(
                "--online-tiles",
                action="store_true",
                help="offer an online background map (needs network to show)",
            )
            parser.add_argument(
                "--no-boundaries",
                action="store_true",
                help="leave municipality lines off the map (imported, else the built-in ones)",
            )

    coverage = exp_sub.add_parser(
        "coverage",
        help="a self-contained HTML coverage map: actors of a target group per area (offline)",
    )
    coverage.add_argument("file", help="output file ('-' for standard output)")
    coverage.add_argument(
        "--target-group",
        metavar="CODE",
        help="count actors working with this target group (default: any target group)",
    )
    coverage.add_argument(
        "--municipality",
        metavar="CODE",
        type=municipality_code_arg,
        help="one municipality, broken down by its postcode areas (needs imported postcodes)",
    )
    coverage.add_argument(
        "--level",
        choices=("municipality", "postcode"),
        default="municipality",
        help="the areas counted in (default: municipality)",
    )
    coverage.add_argument("--title", help="the map's title")
    coverage.add_argument("--lang", choices=("da", "en"), default="da")


def cmd_export_coverage(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.coverage_map import write_coverage_map
    from mapper.persistence.database import open_database
    from mapper.services.coverage_map import CoverageMapService

    database = open_database(args.db)
    try:
        data = CoverageMapService(database).coverage_map(
            args.target_group, level=args.level, municipality_code=args.municipality
        )
    finally:
        database.close()
    report = write_coverage_map(
        data, out if args.file == "-" else args.file, lang=args.lang, title=args.title
    )
    unplaced = f"; {data.unplaced} actors without a place" if data.unplaced else ""
    print(
        f"coverage map of {report.areas} {data.level} areas, {report.white_spots} white spots, "
        f"{data.placed_by_point} actors placed by their point and {data.placed_by_code} by "
        f"their code{unplaced} ({report.bytes / 1024:.0f} KiB) -> {args.file}",
        file=err,
    )
    return 0


def scope_of(args: argparse.Namespace) -> tuple[str, str | None]:
    for scope in ("municipality", "target_group", "resource", "problem"):
        value = getattr(args, scope)
        if value:
            return scope, value
    return "all", None


def _data(args: argparse.Namespace, database: Database, with_boundaries: bool) -> PartnerMapData:
    from mapper.services.maps import MapService

    scope, value = scope_of(args)
    if args.top < 1:
        raise ScopeError("--top must be at least 1")
    service = MapService(database)
    shapes = service.boundaries_for(scope, value) if with_boundaries else []
    try:
        return service.partner_map(
            scope=scope, value=value, top=args.top, title=args.title, boundaries=shapes
        )
    except ValueError as exc:
        raise ScopeError(str(exc)) from exc


def _left_out(data: PartnerMapData) -> str:
    parts = [f"{n} {LEFT_OUT.get(reason, reason)}" for reason, n in sorted(data.left_out.items())]
    return f"; left out: {', '.join(parts)}" if parts else ""


def cmd_export_map(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.partner_map import write_partner_map
    from mapper.persistence.database import open_database

    database = open_database(args.db)
    try:
        data = _data(args, database, with_boundaries=not args.no_boundaries)
    finally:
        database.close()
    report = write_partner_map(
        data, out if args.file == "-" else args.file, lang=args.lang, online_tiles=args.online_tiles
    )
    print(
        f"partner map with {report.markers} actors and {report.boundaries} boundary shapes "
        f"({report.bytes / 1024:.0f} KiB){_left_out(data)} -> {args.file}",
        file=err,
    )
    return 0


def cmd_export_geojson(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from exports.geojson import write_geojson
    from mapper.persistence.database import open_database

    database = open_database(args.db)
    try:
        data = _data(args, database, with_boundaries=False)
    finally:
        database.close()
    count = write_geojson(data, out if args.file == "-" else args.file, lang=args.lang)
    print(f"{count} public actors{_left_out(data)} -> {args.file}", file=err)
    return 0


EXPORTS = {
    "map": cmd_export_map,
    "geojson": cmd_export_geojson,
    "coverage": cmd_export_coverage,
}
