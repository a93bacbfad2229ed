"""The boundary commands of the ``mapper`` CLI: geo import, layers, assign-municipalities,
locate and postcode."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TextIO

from mapper.domain.errors import GeoImportError
from mapper.domain.municipality import MunicipalityCodeError, normalise_municipality_code
from mapper.geo.layers import LAYERS, MUNICIPALITIES
from mapper.geo.model import (
    SKIP_CODE_TOO_LONG,
    SKIP_EMPTY,
    SKIP_NO_CODE,
    SKIP_NOT_POLYGONAL,
    SKIP_VANISHED,
    SkippedRow,
)

if TYPE_CHECKING:  # shapely, geopandas and SQLAlchemy load when a command runs
    from mapper.services.geo import GeoImportReport

EXIT_OK, EXIT_BAD_INPUT = 0, 2
SHOWN_SKIPPED = 20

SKIP_REASONS = {
    SKIP_NO_CODE: "no code",
    SKIP_CODE_TOO_LONG: "code longer than 20 characters",
    SKIP_EMPTY: "empty geometry",
    SKIP_NOT_POLYGONAL: "not a polygon",
    SKIP_VANISHED: "nothing left after simplification",
}


def municipality_code_arg(text: str) -> str:
    """The argparse type of every --municipality option: '561' → '0561'; a code that is no
    municipality's is refused (exit 2) naming the nearest one."""
    try:
        return normalise_municipality_code(text)
    except MunicipalityCodeError as exc:
        raise argparse.ArgumentTypeError(str(exc)) from exc


def add_commands(sub: Any, parser_class: type[argparse.ArgumentParser]) -> None:
    geo = sub.add_parser(
        "geo", help="boundaries (municipalities, regions, postcodes) for offline use"
    )
    geo_sub = geo.add_subparsers(
        dest="geo_command", metavar="COMMAND", parser_class=parser_class, required=True
    )

    imp = geo_sub.add_parser(
        "import",
        help="import a boundary layer from GeoJSON, GeoPackage or Shapefile (replaces the layer)",
    )
    imp.add_argument("file", help=".geojson, .json, .gpkg, .shp or a .zip holding a shapefile")
    imp.add_argument("--layer", required=True, choices=list(LAYERS))
    imp.add_argument("--code-field", metavar="COLUMN", help="the column holding the code")
    imp.add_argument("--name-field", metavar="COLUMN", help="the column holding the name")

    layers = geo_sub.add_parser("layers", help="how many shapes each layer holds")
    layers.add_argument("--json", action="store_true", help="JSON instead of a table")

    assign = geo_sub.add_parser(
        "assign-municipalities",
        help="give actors the municipality their point lies in (only those without one)",
    )
    assign.add_argument(
        "--all", action="store_true", help="also actors that already have a municipality code"
    )

    locate = geo_sub.add_parser("locate", help="the municipality, region and postcode of a point")
    locate.add_argument("lat", type=float, help="latitude, e.g. 55.4765")
    locate.add_argument("lon", type=float, help="longitude, e.g. 8.4594")
    locate.add_argument("--json", action="store_true", help="JSON instead of text")

    postcode = geo_sub.add_parser(
        "postcode",
        help="a point inside a postcode's area, its town and municipality (imported postcodes, "
        "else the built-in list)",
    )
    postcode.add_argument("postcode", help="e.g. 6700, or 1050 inside Copenhagen's 1000-1499")
    postcode.add_argument("--json", action="store_true", help="JSON instead of text")


def _skipped_line(skipped: SkippedRow) -> str:
    code = f" ({skipped.code})" if skipped.code else ""
    reason = SKIP_REASONS.get(skipped.reason, skipped.reason)
    detail = f": {skipped.detail}" if skipped.detail else ""
    return f"    row {skipped.row}{code}: {reason}{detail}"


def print_report(report: GeoImportReport, err: TextIO) -> None:
    crs = report.source_crs or "none given, read as longitude/latitude"
    print(
        f"imported {report.layer} from {report.file}: {report.shapes_stored} shapes from "
        f"{report.features_read} features (CRS {crs}) in {report.elapsed_seconds:.2f} s",
        file=err,
    )
    columns = [f"code {report.code_field}"]
    columns.append(f"name {report.name_field}" if report.name_field else "no name column")
    if report.parent_field:
        columns.append(f"parent {report.parent_field}")
    print(f"  columns: {', '.join(columns)}", file=err)
    if report.replaced:
        print(f"  replaced the {report.replaced} shapes imported before", file=err)
    if report.skipped:
        count = len(report.skipped)
        print(f"  skipped {count} row{'s' if count != 1 else ''}:", file=err)
        for skipped in report.skipped[:SHOWN_SKIPPED]:
            print(_skipped_line(skipped), file=err)
        if count > SHOWN_SKIPPED:
            print(f"    … and {count - SHOWN_SKIPPED} more", file=err)


def cmd_import(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.geo import GeoService

    database = open_database(args.db)
    assigned = 0
    try:
        service = GeoService(database)
        report = service.import_file(
            args.file, args.layer, code_field=args.code_field, name_field=args.name_field
        )
        if args.layer == "municipalities":
            # Actors placed by coordinates alone get their municipality right away.
            assigned = service.assign_municipalities(only_missing=True)
    except GeoImportError as exc:
        print(f"mapper: {exc}", file=err)
        if exc.field is not None and exc.field in ("code", args.code_field):
            print("  name the code column with --code-field COLUMN", file=err)
        elif exc.field is not None and exc.field == args.name_field:
            print("  name the name column with --name-field COLUMN", file=err)
        return EXIT_BAD_INPUT
    finally:
        database.close()
    print_report(report, err)
    if assigned:
        print(f"  {assigned} actors without a municipality got one from their location", file=err)
    return EXIT_OK


def cmd_layers(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.geo import GeoService

    database = open_database(args.db)
    try:
        counts = GeoService(database).layers()
    finally:
        database.close()
    if args.json:
        json.dump(counts, out, indent=2)
        out.write("\n")
    else:
        for layer, count in counts.items():
            print(f"{layer:<16}{count:>5}", file=out)
    return EXIT_OK


def cmd_assign(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.geo import GeoService

    database = open_database(args.db)
    try:
        service = GeoService(database)
        if not service.layers()[MUNICIPALITIES]:
            return _not_imported(MUNICIPALITIES, err)
        changed = service.assign_municipalities(only_missing=not args.all)
    finally:
        database.close()
    print(f"{changed} actor{'s' if changed != 1 else ''} got a municipality", file=err)
    return EXIT_OK


def cmd_locate(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.geo import GeoService

    if not (-90 <= args.lat <= 90 and -180 <= args.lon <= 180):
        print(f"mapper: {args.lat} {args.lon} is not a latitude and longitude", file=err)
        return EXIT_BAD_INPUT
    database = open_database(args.db)
    try:
        places = GeoService(database).locate(args.lat, args.lon)
    finally:
        database.close()
    if not places:
        return _not_imported("boundary layers", err)
    if args.json:
        found = {
            layer: None if place is None else {"code": place.code, "name": place.name}
            for layer, place in places.items()
        }
        json.dump({"lat": args.lat, "lon": args.lon, **found}, out, ensure_ascii=False, indent=2)
        out.write("\n")
    else:
        for layer, place in places.items():
            shown = f"{place.code}  {place.name}" if place else "-"
            print(f"{layer:<16}{shown}", file=out)
    return EXIT_OK


def cmd_postcode(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    from mapper.persistence.database import open_database
    from mapper.services.geo import GeoService

    database = open_database(args.db)
    try:
        place = GeoService(database).place_for(args.postcode)
    finally:
        database.close()
    if place is None:
        print(
            f"mapper: postcode {args.postcode!r} is neither in the imported postcodes nor in "
            "the built-in postcode list",
            file=err,
        )
        return EXIT_BAD_INPUT
    if args.json:
        json.dump(
            {
                "postcode": args.postcode,
                "lat": place.lat,
                "lon": place.lon,
                "city": place.city,
                "municipality_code": place.municipality_code,
                "source": place.source,
            },
            out,
            ensure_ascii=False,
            indent=2,
        )
        out.write("\n")
    else:
        print(f"{place.lat:.6f} {place.lon:.6f}", file=out)
    return EXIT_OK


def _not_imported(what: str, err: TextIO) -> int:
    print(
        f"mapper: no {what} imported yet; import a boundary file first: "
        "mapper geo import FILE --layer municipalities|regions|postcodes",
        file=err,
    )
    return EXIT_BAD_INPUT


SUBCOMMANDS: dict[str, Callable[[argparse.Namespace, TextIO, TextIO], int]] = {
    "import": cmd_import,
    "layers": cmd_layers,
    "assign-municipalities": cmd_assign,
    "locate": cmd_locate,
    "postcode": cmd_postcode,
}


def cmd_geo(args: argparse.Namespace, out: TextIO, err: TextIO) -> int:
    return SUBCOMMANDS[args.geo_command](args, out, err)


COMMANDS = {"geo": cmd_geo}
