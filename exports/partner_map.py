"""The partner map as one self-contained HTML file (folium + inlined Leaflet, no network).

``render_partner_map`` is a pure function of the map data: folium lays out the page and the
map; Leaflet, Leaflet.markercluster (from the XStatic packages) and our own script and styles are
inlined; the actors travel as one JSON block that the script turns into markers, writing every
user text with ``textContent``. Nothing in the result points at the network unless the optional
online tile layer is asked for.
"""

from __future__ import annotations

import base64
import html
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from pathlib import Path
from typing import IO, Any

import folium
import orjson
import xstatic.pkg.leaflet as xs_leaflet
import xstatic.pkg.leaflet_markercluster as xs_cluster
from branca.element import Element, Figure, MacroElement
from folium.utilities import JsCode
from jinja2 import Template

from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io.bulk import collector_paused
from mapper.io.files import write_output
from mapper.services.maps import PartnerMapData

DAGI_ATTRIBUTION = "Indeholder data fra Styrelsen for Dataforsyning og Infrastruktur, DAGI"
OSM_TILES = {
    "url": "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
    "attribution": "© OpenStreetMap",
}
# One colour per actor kind, in vocabulary order (colour-blind friendly first).
PALETTE = (
    "#0072b2",
    "#e69f00",
    "#009e73",
    "#cc79a7",
    "#56b4e9",
    "#d55e00",
    "#f0c000",
    "#000000",
    "#8c564b",
    "#7f7f7f",
    "#17becf",
    "#bcbd22",
    "#9467bd",
    "#2ca02c",
    "#e377c2",
)
BOUNDARY_STYLE = {
    "regions": {"stroke": "#7a6f5a", "weight": 2.0, "fill": False},
    "municipalities": {"stroke": "#9c9480", "weight": 1.0, "fill": True},
    "postcodes": {"stroke": "#c2b9a3", "weight": 0.6, "fill": False},
}
NETWORK_LINK = re.compile(
    r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//|url\(\s*["']?(?:https?:)?//|@import""",
    re.IGNORECASE,
)
SCRIPT_BODY = re.compile(r"(<script\b[^>]*>)(.*?)(</script>)", re.IGNORECASE | re.DOTALL)


def network_links(page: str) -> list[str]:
    """Places in the page's markup and styles that would load something from the network.
    Script bodies are skipped (library code mentions URLs in strings it never loads for us);
    a <script src=…> itself is found."""
    markup = SCRIPT_BODY.sub(lambda m: m.group(1) + m.group(3), page)
    return [markup[m.start() : m.start() + 80] for m in NETWORK_LINK.finditer(markup)]


TEXTS = {
    "da": {
        "rank": "Nr.",
        "score": "Score",
        "target_groups": "Målgrupper",
        "resources": "Ressourcer",
        "best_at": "Bedst til",
        "contact": "Kontakt",
        "actors": "aktører",
        "all_target_groups": "Alle målgrupper",
        "all_resources": "Alle ressourcer",
        "search": "Søg efter aktør…",
        "tiles": "Online baggrundskort",
        "regions": "Regioner",
        "municipalities": "Kommuner",
        "postcodes": "Postnumre",
        "problem_area": "Problemstillingen hører til {place} (uden punkt på kortet)",
        "problem_no_place": "Problemstillingen har intet sted på kortet",
        "problem_place": "Problemstillingens sted",
        "distance_limit": "Største afstand: {km} km",
        "hide_legend": "Skjul signaturforklaringen",
        "show_legend": "Vis signaturforklaringen",
        "map": "Kort over aktørerne",
        "skip_to_list": "Gå til listen over aktører",
        "show_list": "Vis som liste",
        "hide_list": "Skjul listen",
        "list_heading": "Aktørerne på kortet",
        "list_caption": "{title}: aktørerne der vises på kortet",
        "list_hint": "Søgning og filtre på kortet gælder også listen.",
        "shown": "{n} aktører vist",
        "shown_one": "1 aktør vist",
        "name": "Navn",
        "kind": "Type",
        "city": "By",
        "show_on_map": "Vis på kortet",
        "zoom_in": "Zoom ind",
        "zoom_out": "Zoom ud",
        "layers": "Kortlag",
        "cluster": "{n} aktører – vælg for at zoome ind",
        "no_actors": "Ingen aktører passer til søgningen og filtrene.",
        "close": "Luk",
    },
    "en": {
        "rank": "No.",
        "score": "Score",
        "target_groups": "Target groups",
        "resources": "Resources",
        "best_at": "Best at",
        "contact": "Contact",
        "actors": "actors",
        "all_target_groups": "All target groups",
        "all_resources": "All resources",
        "search": "Search actors…",
        "tiles": "Online background map",
        "regions": "Regions",
        "municipalities": "Municipalities",
        "postcodes": "Postcodes",
        "problem_area": "The problem statement belongs to {place} (no point on the map)",
        "problem_no_place": "The problem statement has no place on the map",
        "problem_place": "The problem statement's place",
        "distance_limit": "Distance limit: {km} km",
        "hide_legend": "Hide the legend",
        "show_legend": "Show the legend",
        "map": "Map of the actors",
        "skip_to_list": "Go to the list of actors",
        "show_list": "Show as list",
        "hide_list": "Hide the list",
        "list_heading": "The actors on the map",
        "list_caption": "{title}: the actors shown on the map",
        "list_hint": "The search and filters on the map apply to the list too.",
        "shown": "{n} actors shown",
        "shown_one": "1 actor shown",
        "name": "Name",
        "kind": "Kind",
        "city": "Town",
        "show_on_map": "Show on the map",
        "zoom_in": "Zoom in",
        "zoom_out": "Zoom out",
        "layers": "Map layers",
        "cluster": "{n} actors – select to zoom in",
        "no_actors": "No actors match the search and filters.",
        "close": "Close",
    },
}


class NetworkLinkError(RuntimeError):
    """The rendered page still points at the network (a bug: it would not work offline)."""


@cache
def _asset(name: str) -> str:
    return resources.files("exports").joinpath("assets", name).read_text(encoding="utf-8")


@cache
def vendor_asset(package: str, name: str) -> str:
    """A file of a bundled map library ('leaflet' or 'cluster'), its stylesheet images inlined
    as data URIs: exported pages fetch nothing from the network."""
    base = Path(xs_leaflet.BASE_DIR if package == "leaflet" else xs_cluster.BASE_DIR)
    text = (base / name).read_text(encoding="utf-8")
    if name.endswith(".css"):
        # Images next to the stylesheet (the layers icon) travel inside it as data URIs.
        def inline(match: re.Match[str]) -> str:
            image = base / match.group(1)
            data = base64.b64encode(image.read_bytes()).decode("ascii")
            return f"url(data:image/png;base64,{data})"

        text = re.sub(r"url\((images/[\w.-]+\.png)\)", inline, text)
    return text


def json_for_script(value: Any) -> str:
    """JSON that can sit inside <script> without ending it or opening a comment."""
    text = orjson.dumps(value).decode("utf-8")
    return (
        text.replace("<", "\\u003c")
        .replace(">", "\\u003e")
        .replace("&", "\\u0026")
        .replace("\u2028", "\\u2028")
        .replace("\u2029", "\\u2029")
    )


def contrast_ratio(first: str, second: str) -> float:
    """WCAG 2.1 contrast ratio of two '#rrggbb' colours (1 to 21)."""

    def luminance(colour: str) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        r, g, b = (channel(int(colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
        return 0.2126 * r + 0.7152 * g + 0.0722 * b

    high, low = sorted((luminance(first), luminance(second)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def text_colour(background: str) -> str:
    """Black or white, whichever reads better on the background (marker letters, ranks)."""
    return max(("#000000", "#ffffff"), key=lambda c: contrast_ratio(c, background))


MINOR_WORDS = frozenset({"eller", "og", "or", "and", "of"})


def kind_marks(labels: list[str]) -> list[str]:
    """A short, unique mark per actor kind (two letters from its label: "Lokal forening" →
    "LF"), drawn on the markers and in the legend so a kind is not told by colour alone."""
    marks: list[str] = []
    for label in labels:
        words = [w for w in re.split(r"[\s/]+", label) if w and w.lower() not in MINOR_WORDS]
        letters = [c for c in (words[0] if words else label) if c.isalnum()] or ["?"]
        candidates = []
        if len(words) >= 2:
            candidates.append(words[0][0] + words[1][0])
        candidates += [letters[0] + c for c in letters[1:]]
        mark = next((c.upper() for c in candidates if c.upper() not in marks), None)
        if mark is None:  # every pair taken: number it
            mark = f"{letters[0].upper()}{len(marks)}"
        marks.append(mark)
    return marks


def _kind_css() -> str:
    return "\n".join(
        f".pm-k{i} {{ background: {colour}; color: {text_colour(colour)}; }}"
        for i, colour in enumerate(PALETTE)
    )


def map_payload(
    data: PartnerMapData,
    lang: str = "da",
    vocabulary: Vocabulary | None = None,
    online_tiles: bool = False,
) -> dict[str, Any]:
    """The compact JSON the page script draws (codes become indexes into label lists)."""
    vocab = vocabulary or load_vocabulary()
    texts = TEXTS.get(lang, TEXTS["da"])
    kinds = [t.code for t in vocab.terms("actor_kinds")]
    groups = [t.code for t in vocab.terms("target_groups")]
    resource_kinds = [t.code for t in vocab.terms("resource_kinds")]
    kind_i = {c: i for i, c in enumerate(kinds)}
    group_i = {c: i for i, c in enumerate(groups)}
    resource_i = {c: i for i, c in enumerate(resource_kinds)}
    counts = Counter(a.kind for a in data.actors)
    group_counts = Counter(g for a in data.actors for g in a.target_groups)
    resource_counts = Counter(r for a in data.actors for r in a.resources)

    actors = []
    for a in data.actors:
        item: dict[str, Any] = {
            "id": a.id,
            "name": a.name,
            "k": kind_i[a.kind],
            "lat": round(a.lat, 6),
            "lon": round(a.lon, 6),
            "tg": [group_i[g] for g in a.target_groups if g in group_i],
            "res": [resource_i[r] for r in a.resources if r in resource_i],
        }
        if a.city:
            item["city"] = a.city
        if a.best_at:
            item["best"] = a.best_at
        if a.website:
            item["web"] = a.website
        if a.contact_name or a.contact_email or a.contact_phone:
            item["contact"] = {
                "name": a.contact_name,
                "email": a.contact_email,
                "phone": a.contact_phone,
            }
        if a.rank is not None:
            item["rank"] = a.rank
            item["score"] = a.score
        actors.append(item)

    layers: dict[str, list[dict[str, Any]]] = {}
    names: list[dict[str, Any]] = []
    for b in data.boundaries:
        if b.layer == "municipalities":
            point = label_point(b.geometry)
            if point is not None:
                names.append({"n": b.name, "lat": point[0], "lon": point[1]})
        layers.setdefault(b.layer, []).append(
            {
                "type": "Feature",
                "geometry": b.geometry,
                "properties": {"code": b.code, "name": b.name},
            }
        )
    # Filled municipalities first (the land), then finer and coarser lines on top.
    order = [layer for layer in ("municipalities", "postcodes", "regions") if layer in layers]
    boundaries = [
        {
            "label": texts.get(layer, layer),
            "features": {"type": "FeatureCollection", "features": layers[layer]},
            **BOUNDARY_STYLE.get(layer, BOUNDARY_STYLE["postcodes"]),
            **({"names": names} if layer == "municipalities" else {}),
        }
        for layer in order
    ]
    problem = data.problem
    kind_labels = [vocab.label("actor_kinds", c, lang) for c in kinds]
    return {
        "title": data.title,
        "labels": texts,
        "kinds": [
            {"code": c, "label": label, "mark": mark, "count": counts[c]}
            for c, label, mark in zip(kinds, kind_labels, kind_marks(kind_labels), strict=True)
        ],
        "target_groups": [
            {"code": c, "label": vocab.label("target_groups", c, lang), "count": group_counts[c]}
            for c in groups
        ],
        "resources": [
            {
                "code": c,
                "label": vocab.label("resource_kinds", c, lang),
                "count": resource_counts[c],
            }
            for c in resource_kinds
        ],
        "actors": actors,
        "boundaries": boundaries,
        "attribution": DAGI_ATTRIBUTION if boundaries else None,
        "tiles": {**OSM_TILES, "label": texts["tiles"]} if online_tiles else None,
        "towns": [
            {
                "n": t.name,
                "lat": t.lat,
                "lon": t.lon,
                "r": t.rank,
                **({"d": 1} if t.districts else {}),
            }
            for t in data.towns
        ],
        "problem": None
        if problem is None
        else {
            "id": problem.id,
            "title": problem.title,
            "lat": problem.lat,
            "lon": problem.lon,
            "municipality_code": problem.municipality_code,
            "municipality": problem.municipality,
            # The ring (metres) needs a centre: never drawn around a municipality instead.
            "ring_m": round(problem.max_distance_km * 1000)
            if problem.max_distance_km and problem.lat is not None
            else None,
            "ring_km": _number(problem.max_distance_km, lang),
        },
    }


def label_point(geometry: Mapping[str, Any]) -> tuple[float, float] | None:
    """Where a shape's name goes (latitude, longitude): inside its largest polygon, in the
    middle of the widest stretch across it at the height of its centre, so a bay or an
    odd outline never puts the name in the sea."""
    kind = geometry.get("type")
    polygons = geometry.get("coordinates") or []
    if kind == "Polygon":
        polygons = [polygons]
    elif kind != "MultiPolygon":
        return None
    rings = [polygon[0] for polygon in polygons if polygon and len(polygon[0]) >= 4]
    if not rings:
        return None
    ring = max(rings, key=lambda r: abs(_ring_area(r)))
    lats = [lat for _, lat in ring]
    middle = (min(lats) + max(lats)) / 2
    crossings = sorted(
        x1 + (middle - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in pairwise(ring)
        if (y1 <= middle < y2) or (y2 <= middle < y1)
    )
    spans = list(zip(crossings[::2], crossings[1::2], strict=False))
    if not spans:
        return None
    west, east = max(spans, key=lambda span: span[1] - span[0])
    return round(middle, 5), round((west + east) / 2, 5)


def _number(value: float | None, lang: str) -> str | None:
    if value is None:
        return None
    text = f"{value:g}"
    return text.replace(".", ",") if lang == "da" else text


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in pairwise(ring)) / 2


class _Raw(Element):
    """Markup put in the page as it is (no template processing of inlined libraries)."""

    def __init__(self, markup: str) -> None:
        super().__init__()
        self._markup = markup

    def render(self, **kwargs: Any) -> str:
        return self._markup


class _Page(Figure):
    """The page around the map: its language, a skip link to the list of actors, the main
    landmark holding the map and the list (which the script fills and shows)."""

    _template = Template(
        "<!DOCTYPE html>\n"
        '<html lang="{{ this.lang }}">\n'
        "<head>\n"
        "    {{ this.header.render(**kwargs) }}\n"
        "</head>\n"
        "<body>\n"
        '<a class="pm-skip" href="#pm-list">{{ this.skip_text }}</a>\n'
        '<main class="pm-main">\n'
        "    {{ this.html.render(**kwargs) }}\n"
        '<section id="pm-list" class="pm-list" tabindex="-1" hidden></section>\n'
        "</main>\n"
        "</body>\n"
        "<script>\n"
        "    {{ this.script.render(**kwargs) }}\n"
        "</script>\n"
        "</html>\n",
    )

    def __init__(self, lang: str, skip_text: str) -> None:
        super().__init__()
        self.lang = html.escape(lang)
        self.skip_text = html.escape(skip_text)


# folium's viewport forbids zooming the page (WCAG 1.4.4): people who need larger text may.
FIXED_VIEWPORT = re.compile(r'<meta name="viewport"[^>]*user-scalable=no[^>]*>', re.DOTALL)
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1.0">'


class _PartnerLayer(MacroElement):
    """Runs the inlined partner-map script on the folium map with the embedded data."""

    _template = Template("""
        {% macro script(this, kwargs) %}
        window.initPartnerMap({{ this._parent.get_name() }},
            JSON.parse(document.getElementById("partner-map-data").textContent));
        {% if this.app_bridge %}
        if (window.qt && window.qt.webChannelTransport && window.QWebChannel) {
            new QWebChannel(qt.webChannelTransport, function (channel) {
                var bridge = channel.objects.bridge;
                window.partnerMap.onSelect = function (id) { bridge.actorClicked(id); };
                bridge.mapReady();
            });
        }
        {% endif %}
        {% endmacro %}
    """)

    def __init__(self, app_bridge: bool = False) -> None:
        super().__init__()  # type: ignore[no-untyped-call]  # branca leaves this unannotated
        self.app_bridge = app_bridge


@dataclass(frozen=True)
class MapFileReport:
    markers: int
    boundaries: int
    bytes: int
    left_out: Mapping[str, int]


MOTION_WANTED = JsCode(
    "!(window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches)"
)
MOTION_OPTIONS: dict[str, Any] = {
    option: MOTION_WANTED
    for option in ("zoom_animation", "fade_animation", "marker_zoom_animation", "inertia")
}
"""Leaflet's animations, evaluated in the page: off where the reader's system asks for less
motion."""


def render_partner_map(
    data: PartnerMapData, *, lang: str = "da", online_tiles: bool = False, app_bridge: bool = False
) -> str:
    """The whole page as a string; raises NetworkLinkError if anything would need the network
    (other than the optional online tile layer, which lives in the data, not in a link).

    ``app_bridge`` adds the QWebChannel glue for the desktop application's map view (Qt's own
    qwebchannel.js from its resources, never the network)."""
    payload = map_payload(data, lang, online_tiles=online_tiles)
    texts = payload["labels"]
    center = _center(data)
    fmap = folium.Map(
        location=center,
        zoom_start=7,
        tiles=None,
        control_scale=True,
        max_zoom=18,
        min_zoom=5,
        prefer_canvas=False,
        **MOTION_OPTIONS,
    )
    # No CDN links: Leaflet and friends are inlined below.
    fmap.default_js = []
    fmap.default_css = []
    figure = _Page("en" if lang == "en" else "da", texts["skip_to_list"])
    figure.add_child(fmap)
    figure.header.add_child(
        _Raw('<meta name="generator" content="volunteer-mapper">'), name="generator"
    )
    figure.header.add_child(_Raw(f"<title>{html.escape(data.title)}</title>"), name="title")
    figure.header.add_child(
        _Raw(
            "<style>"
            + vendor_asset("leaflet", "leaflet.css")
            + vendor_asset("cluster", "MarkerCluster.css")
            + vendor_asset("cluster", "MarkerCluster.Default.css")
            + _asset("partner_map.css")
            + _kind_css()
            + "</style>"
        ),
        name="styles",
    )
    figure.header.add_child(
        _Raw("<script>" + vendor_asset("leaflet", "leaflet.js") + "</script>"), name="leaflet"
    )
    figure.header.add_child(
        _Raw("<script>" + vendor_asset("cluster", "leaflet.markercluster.js") + "</script>"),
        name="markercluster",
    )
    figure.header.add_child(
        _Raw("<script>" + _asset("partner_map.js") + "</script>"), name="partner_map"
    )
    figure.header.add_child(
        _Raw(
            '<script type="application/json" id="partner-map-data">'
            + json_for_script(payload)
            + "</script>"
        ),
        name="data",
    )
    if app_bridge:
        figure.header.add_child(
            _Raw('<script src="qrc:///qtwebchannel/qwebchannel.js"></script>'), name="channel"
        )
    fmap.add_child(_PartnerLayer(app_bridge))
    page, viewports = FIXED_VIEWPORT.subn(VIEWPORT, figure.render())
    if viewports != 1:
        raise RuntimeError("folium's page no longer has the viewport this module replaces")
    found = network_links(page)
    if found:
        raise NetworkLinkError(f"the map would load {found[0]!r}")
    return page


def write_partner_map(
    data: PartnerMapData,
    target: str | Path | IO[str],
    *,
    lang: str = "da",
    online_tiles: bool = False,
) -> MapFileReport:
    with collector_paused():
        page = render_partner_map(data, lang=lang, online_tiles=online_tiles)
    if isinstance(target, (str, Path)):
        write_output(target, lambda stream: stream.write(page.encode("utf-8")))
    else:
        target.write(page)
    return MapFileReport(
        len(data.actors), len(data.boundaries), len(page.encode("utf-8")), dict(data.left_out)
    )


def _center(data: PartnerMapData) -> tuple[float, float]:
    if data.problem is not None and data.problem.lat is not None and data.problem.lon is not None:
        return data.problem.lat, data.problem.lon
    if data.actors:
        lats = sorted(a.lat for a in data.actors)
        lons = sorted(a.lon for a in data.actors)
        return lats[len(lats) // 2], lons[len(lons) // 2]
    return 56.0, 10.5  # Denmark
