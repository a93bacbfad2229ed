"""Public actors as GeoJSON (RFC 7946): WGS84 longitude/latitude, one Point feature each.

Only what the partner map may show (``mapper.services.maps``): individual volunteers and
non-public or inactive actors never appear.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

import orjson

from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io.files import write_output
from mapper.services.maps import PartnerMapData


def actors_feature_collection(
    data: PartnerMapData, lang: str = "da", vocabulary: Vocabulary | None = None
) -> dict[str, Any]:
    vocab = vocabulary or load_vocabulary()
    features = []
    for a in data.actors:
        properties: dict[str, Any] = {
            "id": a.id,
            "name": a.name,
            "kind": a.kind,
            "kind_label": vocab.label("actor_kinds", a.kind, lang),
            "city": a.city,
            "municipality_code": a.municipality_code,
            "target_groups": ", ".join(a.target_groups),
            "resources": ", ".join(a.resources),
            "best_at": a.best_at,
            "website": a.website,
        }
        if a.rank is not None:
            properties.update(rank=a.rank, score=a.score)
        features.append(
            {
                "type": "Feature",
                "id": a.id,
                # RFC 7946: longitude first; six decimals is about 10 cm.
                "geometry": {"type": "Point", "coordinates": [round(a.lon, 6), round(a.lat, 6)]},
                "properties": properties,
            }
        )
    return {"type": "FeatureCollection", "features": features}


def write_geojson(data: PartnerMapData, target: str | Path | IO[str], lang: str = "da") -> int:
    """Write the collection as UTF-8 (RFC 7946 has no 'crs' member); returns features written."""
    collection = actors_feature_collection(data, lang)
    raw = orjson.dumps(collection, option=orjson.OPT_APPEND_NEWLINE)
    if isinstance(target, (str, Path)):
        write_output(target, lambda stream: stream.write(raw))
    else:
        target.write(raw.decode("utf-8"))
    return len(collection["features"])
