"""Build the built-in Danish reference data in data/ from the DAGI extract beside the project.

    .venv/bin/python scripts/build_reference_geo.py [../shared/geo]

Writes, in the project's own format (read by ``mapper.geo.reference``):
- data/dk_municipalities.json: code, official name, region code and a point of each municipality
- data/dk_postcodes.json: postcode (Copenhagen: ranges such as '1000-1499'), town, municipality
  code and a point inside the postcode area
- data/dk_municipality_boundaries.geojson: the simplified municipality shapes, coordinates
  rounded to 5 decimals (about 1 m)

Each file carries the source, its date and the attribution line the licence (CC BY 4.0) asks
for. Run it again only when a newer extract is adopted; the generated files are committed.
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "data"
DEFAULT_SOURCE = ROOT.parent / "shared" / "geo"
DECIMALS = 5

METADATA = {
    "source": "DAGI (Danmarks Administrative Geografiske Inddeling), extract dated 2014-02-13",
    "extract_date": "2014-02-13",
    "attribution": "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI",
    "licence": "CC BY 4.0",
    "generated_by": "scripts/build_reference_geo.py",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _code(value: str, width: int = 4) -> str:
    text = value.strip()
    if not text.isdigit():
        raise SystemExit(f"{value!r} is not a numeric code")
    return text.zfill(width)


def _point(row: dict[str, str]) -> list[float]:
    return [round(float(row["lat"]), DECIMALS), round(float(row["lon"]), DECIMALS)]


def municipalities(source: Path) -> dict[str, Any]:
    rows = sorted(_rows(source / "kommuner_punkter.csv"), key=lambda r: r["kommunekode"])
    return {
        **METADATA,
        "about": "Danish municipalities (kommuner): [code, official name, region code, lat, lon]",
        "fields": ["code", "name", "region_code", "lat", "lon"],
        "rows": [
            [_code(r["kommunekode"]), r["navn"].strip(), _code(r["regionskode"]), *_point(r)]
            for r in rows
        ],
    }


def postcodes(source: Path) -> dict[str, Any]:
    rows = _rows(source / "postnumre_punkter.csv")
    out = []
    for r in rows:
        code = r["postnr"].strip()
        low, _, high = code.partition("-")
        code = f"{_code(low)}-{_code(high)}" if high else _code(low)
        out.append([code, r["navn"].strip(), _code(r["kommunekode"]), *_point(r)])
    out.sort(key=lambda row: row[0])
    return {
        **METADATA,
        "about": "Danish postcodes (postnumre): [postcode or range, town, municipality code, "
        "lat, lon]; the point lies inside the postcode area",
        "fields": ["postcode", "name", "municipality_code", "lat", "lon"],
        "rows": out,
    }


def _rounded(coordinates: Any) -> Any:
    if isinstance(coordinates, (int, float)):
        return round(float(coordinates), DECIMALS)
    return [_rounded(c) for c in coordinates]


def boundaries(source: Path) -> dict[str, Any]:
    raw = json.loads((source / "kommuner.geojson").read_text(encoding="utf-8"))
    features = []
    for feature in sorted(raw["features"], key=lambda f: f["properties"]["kommunekode"]):
        props = feature["properties"]
        geometry = feature["geometry"]
        features.append(
            {
                "type": "Feature",
                "properties": {
                    "code": _code(props["kommunekode"]),
                    "name": props["navn"].strip(),
                    "region_code": _code(props["regionskode"]),
                },
                "geometry": {
                    "type": geometry["type"],
                    "coordinates": _rounded(geometry["coordinates"]),
                },
            }
        )
    return {
        "type": "FeatureCollection",
        # A GeoJSON foreign member: readers that do not know it ignore it.
        "metadata": {
            **METADATA,
            "about": "Simplified Danish municipality boundaries (50 m in EPSG:25832), WGS84 "
            "longitude/latitude",
        },
        "features": features,
    }


def _write(path: Path, document: dict[str, Any], *, compact: bool) -> None:
    if compact:
        text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    else:
        # One row per line: small diffs when a newer extract is adopted.
        head = {k: v for k, v in document.items() if k != "rows"}
        lines = [json.dumps(row, ensure_ascii=False) for row in document["rows"]]
        text = json.dumps(head, ensure_ascii=False, indent=1)[:-2]
        text += ',\n "rows": [\n  ' + ",\n  ".join(lines) + "\n ]\n}"
        json.loads(text)  # the hand-joined text must still be JSON
    path.write_text(text + "\n", encoding="utf-8")
    print(f"wrote {path.relative_to(ROOT)} ({path.stat().st_size / 1024:.0f} KiB)")


def main(argv: list[str]) -> int:
    source = Path(argv[0]) if argv else DEFAULT_SOURCE
    if not (source / "kommuner_punkter.csv").exists():
        print(f"no DAGI extract in {source}", file=sys.stderr)
        return 1
    _write(DATA / "dk_municipalities.json", municipalities(source), compact=False)
    _write(DATA / "dk_postcodes.json", postcodes(source), compact=False)
    _write(DATA / "dk_municipality_boundaries.geojson", boundaries(source), compact=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
