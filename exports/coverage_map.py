"""The coverage map (dækningskort) as one self-contained HTML file: a choropleth of actors per
target group per area, white spots outlined, a legend with the class breaks; offline.

``render_coverage_map`` is a pure function of ``CoverageMap`` (mapper.services.coverage_map):
Leaflet is inlined from the same bundled package as the partner map's, the areas travel as one
JSON block, and the page script writes every text with ``textContent``. The data holds area
figures only, never an actor.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from exports.partner_map import (
    DAGI_ATTRIBUTION,
    NetworkLinkError,
    json_for_script,
    label_point,
    network_links,
    vendor_asset,
)
from mapper.domain.vocabulary import Vocabulary, load_vocabulary
from mapper.io.files import write_output
from mapper.services.coverage_map import CoverageMap
from mapper.services.overview import OverviewService

PALETTE = ("#fde725", "#5ec962", "#21918c", "#3b528b", "#440154")
"""Viridis in five steps, few → many actors: sequential, colour-blind safe, readable in grey."""
ZERO = "#ece9e2"
"""Areas without an actor of the target group."""
WHITE_SPOT = "#D55E00"
"""Okabe-Ito vermilion: the outline of a white spot."""

TEXTS = {
    "da": {
        "title": "Dækning: {group}",
        "title_in": "Dækning: {group} i {place} Kommune",
        "all_groups": "alle målgrupper",
        "municipality": "Aktører pr. kommune",
        "postcode": "Aktører pr. postnummer",
        "legend": "Signaturforklaring",
        "hide_legend": "Skjul signaturforklaringen",
        "show_legend": "Vis signaturforklaringen",
        "actors_in_area": "Aktører, der arbejder med målgruppen",
        "none": "Ingen",
        "white_spot": "Hvid plet",
        "white_spot_note": "Færre end {percent} % af det forventede",
        "tooltip": "{n} aktører (forventet {expected}) af {all} i alt",
        "tooltip_one": "1 aktør (forventet {expected}) af {all} i alt",
        "unplaced": "{n} aktører uden sted på kortet er ikke talt med.",
        "placed": "Talt, hvor aktørerne ligger på kortet; uden punkt efter deres "
        "kommunekode eller postnummer.",
        "built_in": "Kommunegrænser fra 2014 (indbygget).",
    },
    "en": {
        "title": "Coverage: {group}",
        "title_in": "Coverage: {group} in {place} Municipality",
        "all_groups": "all target groups",
        "municipality": "Actors per municipality",
        "postcode": "Actors per postcode area",
        "legend": "Legend",
        "hide_legend": "Hide the legend",
        "show_legend": "Show the legend",
        "actors_in_area": "Actors working with the target group",
        "none": "None",
        "white_spot": "White spot",
        "white_spot_note": "Fewer than {percent}% of the expected number",
        "tooltip": "{n} actors (expected {expected}) of {all} in all",
        "tooltip_one": "1 actor (expected {expected}) of {all} in all",
        "unplaced": "{n} actors without a place on the map are not counted.",
        "placed": "Counted where the actors are on the map; without a point by their "
        "municipality code or postcode.",
        "built_in": "Municipality boundaries from 2014 (built in).",
    },
}

STYLE = """
html, body { height: 100%; margin: 0; font: 14px/1.4 system-ui, "Segoe UI", sans-serif;
  color: #222; }
body { display: flex; flex-direction: column; }
header { padding: 8px 14px; border-bottom: 1px solid #ccc; background: #fff; }
header h1 { font-size: 19px; margin: 0; }
header p { margin: 2px 0 0; color: #555; }
#map { flex: 1; background: #d7e7f0; }
.cm-legend { position: absolute; right: 12px; bottom: 28px; z-index: 1000; background: #fff;
  border: 1px solid #999; border-radius: 4px; padding: 6px 10px; max-width: 280px;
  box-shadow: 0 1px 4px rgba(0,0,0,.3); }
.cm-legend h2 { font-size: 14px; margin: 0; display: inline; }
.cm-legend button { all: unset; cursor: pointer; display: block; width: 100%; }
.cm-legend button:focus-visible { outline: 2px solid #0072b2; }
.cm-legend button::after { content: " \\25BE"; float: right; }
.cm-legend.collapsed button::after { content: " \\25B8"; }
.cm-legend.collapsed .cm-body { display: none; }
.cm-legend ul { list-style: none; margin: 4px 0; padding: 0; }
.cm-legend li { display: flex; align-items: center; gap: 6px; margin: 2px 0; }
.cm-swatch { display: inline-block; width: 22px; height: 14px; border: 1px solid #777;
  flex: none; }
.cm-swatch.cm-spot { background: #ece9e2; border: 2px dashed #D55E00; }
.cm-note { font-size: 12px; color: #555; margin: 4px 0 0; }
.cm-label { background: rgba(255,255,255,.85); border: 0; box-shadow: none; padding: 0 3px;
  font-weight: 600; font-size: 12px; color: #222; }
.cm-label::before { display: none; }
.cm-attribution { font-size: 11px; }
@media print {
  @page { size: A4 landscape; margin: 10mm; }
  html, body { height: auto; }
  #map { height: 165mm; }
  .cm-legend button::after { content: ""; }
  .cm-legend.collapsed .cm-body { display: block; }
  .leaflet-control-zoom { display: none; }
}
"""

SCRIPT = r"""
(function () {
  var data = JSON.parse(document.getElementById("coverage-map-data").textContent);
  var t = data.labels;
  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (text !== undefined && text !== null) { e.textContent = text; }
    return e;
  }
  function fill(s, values) {
    return s.replace(/\{(\w+)\}/g, function (m, k) {
      return values[k] === undefined ? m : values[k];
    });
  }
  /* A reader who asked the system for less motion gets a map that jumps, not glides. */
  var motion = !(window.matchMedia &&
                 window.matchMedia("(prefers-reduced-motion: reduce)").matches);
  var map = L.map("map", {zoomSnap: 0.25, preferCanvas: false, attributionControl: true,
                          zoomAnimation: motion, fadeAnimation: motion,
                          markerZoomAnimation: motion, inertia: motion});
  map.attributionControl.setPrefix(false);
  if (data.attribution) { map.attributionControl.addAttribution(data.attribution); }
  function colour(n) {
    if (!n) { return data.zero; }
    for (var i = 0; i < data.classes.length; i++) {
      if (n <= data.classes[i].high) { return data.classes[i].colour; }
    }
    return data.classes[data.classes.length - 1].colour;
  }
  var features = data.areas.map(function (a, i) {
    return {type: "Feature", geometry: a.geometry, properties: {i: i}};
  });
  var layer = L.geoJSON({type: "FeatureCollection", features: features}, {
    style: function (f) {
      var a = data.areas[f.properties.i];
      return a.spot
        ? {color: data.spot, weight: 3, dashArray: "6 3", fillColor: colour(a.n),
           fillOpacity: 0.85, opacity: 1}
        : {color: "#6b6557", weight: 0.8, fillColor: colour(a.n), fillOpacity: 0.85};
    },
    onEachFeature: function (f, shape) {
      var a = data.areas[f.properties.i];
      var tip = el("div");
      tip.appendChild(el("strong", null, a.name));
      tip.appendChild(el("div", null, fill(a.n === 1 ? t.tooltip_one : t.tooltip,
        {n: a.n, expected: a.expected, all: a.all})));
      if (a.spot) { tip.appendChild(el("div", "cm-spot-text", t.white_spot)); }
      shape.bindTooltip(tip, {sticky: true});
    }
  }).addTo(map);
  layer.eachLayer(function (shape) {
    if (data.areas[shape.feature.properties.i].spot) { shape.bringToFront(); }
  });
  // Names in order of importance (white spots, then the most actors): a name that would
  // cover one placed before it moves above or below its place, else waits for a closer zoom.
  var labels = data.areas.filter(function (a) { return a.label; }).sort(function (a, b) {
    return (b.spot - a.spot) || (b.all - a.all) || (a.name < b.name ? -1 : 1);
  }).map(function (a) {
    return L.tooltip({permanent: true, direction: "center", className: "cm-label",
                      interactive: false})
      .setLatLng(a.label).setContent(el("span", null, a.name + " " + a.n)).addTo(map);
  });
  function overlaps(r, placed) {
    return placed.some(function (p) {
      return r.left < p.right && p.left < r.right && r.top < p.bottom && p.top < r.bottom;
    });
  }
  function arrangeLabels() {
    var placed = [];
    labels.forEach(function (label) {
      var node = label.getElement();
      if (!node) { return; }
      node.style.visibility = "visible";
      node.style.marginTop = "0px";
      var h = node.offsetHeight + 2;
      var shifts = [0, -h, h];
      for (var i = 0; i < shifts.length; i++) {
        node.style.marginTop = shifts[i] + "px";
        var r = node.getBoundingClientRect();
        if (!overlaps(r, placed)) { placed.push(r); return; }
      }
      node.style.visibility = "hidden";
    });
  }
  map.on("zoomend", arrangeLabels);

  var legend = document.getElementById("cm-legend");
  var toggle = legend.querySelector("button");
  toggle.addEventListener("click", function () {
    var collapsed = legend.classList.toggle("collapsed");
    toggle.title = collapsed ? t.show_legend : t.hide_legend;
    toggle.setAttribute("aria-expanded", collapsed ? "false" : "true");
  });
  L.DomEvent.disableClickPropagation(legend);

  var focus = L.latLngBounds([]);
  layer.eachLayer(function (shape) {
    if (data.areas[shape.feature.properties.i].focus) { focus.extend(shape.getBounds()); }
  });
  // The legend sits over the map's lower right corner: keep the areas clear of it.
  map.fitBounds(focus.isValid() ? focus : layer.getBounds(), {
    paddingTopLeft: [20, 20], paddingBottomRight: [legend.offsetWidth + 24, 20]
  });
  arrangeLabels();
  window.coverageMap = {
    map: map,
    areaCount: function () { return layer.getLayers().length; },
    drawn: function () { return document.querySelectorAll("#map path.leaflet-interactive").length; }
  };
  if (data.bridge && window.qt && window.qt.webChannelTransport && window.QWebChannel) {
    new QWebChannel(qt.webChannelTransport, function (channel) {
      channel.objects.bridge.mapReady();
    });
  }
  document.documentElement.setAttribute("data-coverage-map", "ready");
})();
"""


@dataclass(frozen=True)
class CoverageClass:
    """One colour of the choropleth: areas with ``low`` to ``high`` actors."""

    low: int
    high: int
    colour: str


@dataclass(frozen=True)
class CoverageFileReport:
    areas: int
    white_spots: int
    bytes: int


def class_breaks(counts: Sequence[int], classes: int = len(PALETTE)) -> tuple[CoverageClass, ...]:
    """Up to ``classes`` colour classes over the counts above zero: one per value when there
    are few values, else quantiles of the values (whole numbers, never empty)."""
    values = sorted({n for n in counts if n > 0})
    if not values:
        return ()
    if len(values) <= classes:
        highs = values
    else:
        highs = sorted({values[round((i + 1) * len(values) / classes) - 1] for i in range(classes)})
    found, low = [], 1
    for i, high in enumerate(highs):
        # Few classes take the dark end too, so "most" always looks like most.
        colour = PALETTE[round(i * (len(PALETTE) - 1) / max(1, len(highs) - 1))]
        found.append(CoverageClass(low, high, colour if len(highs) > 1 else PALETTE[-1]))
        low = high + 1
    return tuple(found)


def _number(value: float, lang: str) -> str:
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "da" else text


def coverage_title(
    data: CoverageMap, lang: str = "da", vocabulary: Vocabulary | None = None
) -> str:
    """'Dækning: Socialt udsatte voksne' (in a municipality: '… i Esbjerg Kommune')."""
    texts = TEXTS.get(lang, TEXTS["da"])
    vocab = vocabulary or load_vocabulary()
    group = (
        vocab.label("target_groups", data.target_group, lang)
        if data.target_group
        else texts["all_groups"]
    )
    if data.municipality_code:
        place = data.municipality_name or data.municipality_code
        return texts["title_in"].format(group=group, place=place)
    return texts["title"].format(group=group)


def coverage_payload(
    data: CoverageMap, lang: str = "da", *, app_bridge: bool = False
) -> dict[str, Any]:
    """The JSON the page script draws: area shapes and figures, classes, labels."""
    texts = TEXTS.get(lang, TEXTS["da"])
    classes = class_breaks([a.actors for a in data.areas])
    # Names on the map for the areas that say something; the rest name themselves on hover.
    labelled = data.level == "postcode" or len(data.areas) <= 30
    areas = []
    for a in data.areas:
        point = label_point(a.geometry) if labelled or a.all_actors or a.white_spot else None
        areas.append(
            {
                "code": a.code,
                "name": a.name,
                "geometry": a.geometry,
                "n": a.actors,
                "all": a.all_actors,
                "expected": _number(a.expected, lang),
                "spot": a.white_spot,
                "focus": a.all_actors > 0,
                "label": list(point) if point else None,
            }
        )
    return {
        "labels": texts,
        "areas": areas,
        "classes": [{"low": c.low, "high": c.high, "colour": c.colour} for c in classes],
        "zero": ZERO,
        "spot": WHITE_SPOT,
        "attribution": DAGI_ATTRIBUTION,
        "bridge": app_bridge,
    }


def _legend(data: CoverageMap, lang: str) -> str:
    texts = TEXTS.get(lang, TEXTS["da"])
    e = html.escape
    rows = [f'<li><span class="cm-swatch" style="background:{ZERO}"></span>{e(texts["none"])}</li>']
    for c in class_breaks([a.actors for a in data.areas]):
        span = f"{c.low}" if c.low == c.high else f"{c.low}–{c.high}"
        rows.append(f'<li><span class="cm-swatch" style="background:{c.colour}"></span>{span}</li>')
    percent = round(OverviewService.white_spot_ratio * 100)
    rows.append(
        '<li><span class="cm-swatch cm-spot"></span>'
        f"<span>{e(texts['white_spot'])}<br><small>"
        f"{e(texts['white_spot_note'].format(percent=percent))}</small></span></li>"
    )
    notes = [texts["placed"]]
    if data.unplaced:
        notes.append(texts["unplaced"].format(n=data.unplaced))
    if data.boundary_source == "built-in":
        notes.append(texts["built_in"])
    return (
        '<div id="cm-legend" class="cm-legend" role="region" '
        f'aria-label="{e(texts["legend"])}">'
        '<button type="button" aria-expanded="true" aria-controls="cm-legend-body" '
        f'title="{e(texts["hide_legend"])}"><h2>{e(texts["legend"])}</h2></button>'
        '<div class="cm-body" id="cm-legend-body">'
        f'<p class="cm-note">{e(texts["actors_in_area"])}</p>'
        f"<ul>{''.join(rows)}</ul>"
        + "".join(f'<p class="cm-note">{e(n)}</p>' for n in notes)
        + "</div></div>"
    )


def render_coverage_map(
    data: CoverageMap, *, lang: str = "da", title: str | None = None, app_bridge: bool = False
) -> str:
    """The whole page as a string; raises NetworkLinkError if anything would need the network.
    ``app_bridge`` adds the QWebChannel glue that tells the application's map view the page
    is drawn (Qt's own qwebchannel.js from its resources)."""
    texts = TEXTS.get(lang, TEXTS["da"])
    heading = title or coverage_title(data, lang)
    css, js = vendor_asset("leaflet", "leaflet.css"), vendor_asset("leaflet", "leaflet.js")
    e = html.escape
    bridge = '<script src="qrc:///qtwebchannel/qwebchannel.js"></script>' if app_bridge else ""
    page = (
        "<!DOCTYPE html>\n"
        f'<html lang="{e(lang)}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        '<meta name="generator" content="volunteer-mapper">'
        f"<title>{e(heading)}</title>"
        f"<style>{css}{STYLE}</style>"
        f"<script>{js}</script>{bridge}"
        '<script type="application/json" id="coverage-map-data">'
        f"{json_for_script(coverage_payload(data, lang, app_bridge=app_bridge))}</script>"
        "</head><body>"
        f"<header><h1>{e(heading)}</h1><p>{e(texts[data.level])}</p></header>"
        f'<div id="map" role="img" aria-label="{e(heading)}"></div>'
        f"{_legend(data, lang)}"
        f"<script>{SCRIPT}</script>"
        "</body></html>\n"
    )
    found = network_links(page)
    if found:
        raise NetworkLinkError(f"the map would load {found[0]!r}")
    return page


def write_coverage_map(
    data: CoverageMap,
    target: str | Path | IO[str],
    *,
    lang: str = "da",
    title: str | None = None,
) -> CoverageFileReport:
    """Write the page to a file (atomically; '-' is standard output) or a text stream."""
    page = render_coverage_map(data, lang=lang, title=title)
    if isinstance(target, (str, Path)):
        write_output(target, lambda stream: stream.write(page.encode("utf-8")))
    else:
        target.write(page)
    return CoverageFileReport(
        len(data.areas), sum(1 for a in data.areas if a.white_spot), len(page.encode("utf-8"))
    )
