"""Which area of a boundary layer holds a point: an STRtree over prepared shapes."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import shapely

NEAR_DEGREES = 0.001
"""A point outside every shape but this close to one (about 60 m east-west and 110 m north-south
in Denmark) belongs to it: simplification moves borders by up to 50 m, so a harbour address or a
sliver between two simplified neighbours must not fall into nothing."""


class BoundaryIndex:
    """Point-in-polygon lookup over the shapes of one layer (GeoJSON geometries, lon/lat)."""

    def __init__(self, areas: Iterable[tuple[str, str]]) -> None:
        """``areas``: (code, GeoJSON geometry) pairs; when shapes overlap the first one wins."""
        pairs = list(areas)
        self.codes: tuple[str, ...] = tuple(code for code, _ in pairs)
        self._shapes = np.array(
            [shapely.from_geojson(geometry) for _, geometry in pairs], dtype=object
        )
        shapely.prepare(self._shapes)
        self._tree = shapely.STRtree(self._shapes)

    def __len__(self) -> int:
        return len(self.codes)

    def code_at(self, lat: float, lon: float) -> str | None:
        """The code of the area holding (lat, lon), or None."""
        return self.codes_at([lat], [lon])[0]

    def codes_at(self, lats: Sequence[float], lons: Sequence[float]) -> list[str | None]:
        """The code of the area holding each point, or None (vectorised: one tree query)."""
        y = np.asarray(lats, dtype=float)
        x = np.asarray(lons, dtype=float)
        if not len(self.codes) or not len(x):
            return [None] * len(x)
        none = len(self.codes)
        found = np.full(len(x), none, dtype=np.int64)
        points = shapely.points(x, y)
        point_at, shape_at = self._tree.query(points)  # bounding boxes only
        inside = shapely.contains_xy(self._shapes[shape_at], x[point_at], y[point_at])
        # A point inside overlapping shapes gets the first of them.
        np.minimum.at(found, point_at[inside], shape_at[inside])
        missing = np.flatnonzero((found == none) & np.isfinite(x) & np.isfinite(y))
        if len(missing):
            near_point, near_shape = self._tree.query_nearest(
                points[missing], max_distance=NEAR_DEGREES, all_matches=False
            )
            found[missing[near_point]] = near_shape
        return [self.codes[i] if i < none else None for i in found.tolist()]
