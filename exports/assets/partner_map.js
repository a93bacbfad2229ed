/* Partner map: markers, clusters, filters, search and popups drawn from the embedded data.
 * Every text from the data is put in the page with textContent, never as HTML. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function initPartnerMap(map, data) {
    var L = window.L;
    var labels = data.labels;
    if (!map.options.maxZoom) map.setMaxZoom(18);  /* clustering needs it; no tile layer sets it */
    map.attributionControl.setPrefix("Leaflet");  /* the default prefix links to the web */
    var kindIndex = {};
    data.kinds.forEach(function (k, i) { kindIndex[k.code] = i; });

    /* boundaries */
    var overlays = {};
    var boundsOfShapes = null;
    data.boundaries.forEach(function (layer) {
      var geo = L.geoJSON(layer.features, {
        style: { color: layer.stroke, weight: layer.weight, fillColor: "#f6f3ea",
                 fillOpacity: layer.fill ? 1 : 0, interactive: false },
        onEachFeature: function (feature, shape) {
          shape.bindTooltip(el("span", null, feature.properties.name), { sticky: true });
        }
      });
      geo.addTo(map);
      overlays[layer.label] = geo;
      boundsOfShapes = boundsOfShapes ? boundsOfShapes.extend(geo.getBounds()) : geo.getBounds();
    });
    if (data.attribution) map.attributionControl.addAttribution(data.attribution);
    if (data.tiles) {
      var tiles = L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 19 });
      tiles.on("tileerror", function () { map.getContainer().classList.add("pm-offline"); });
      overlays[data.tiles.label] = tiles;
    }

    /* actors */
    /* A problem's ranked partners stay unclustered so every rank number shows. */
    var cluster = data.problem ? L.featureGroup()
      : L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 45,
                               showCoverageOnHover: false });
    var markers = [];
    var byId = {};

    function popupFor(a) {
      var box = el("div", "pm-popup");
      if (a.rank) box.appendChild(el("div", "pm-rank-line", labels.rank + " " + a.rank +
                                     (a.score !== null ? " · " + labels.score + " " + a.score : "")));
      box.appendChild(el("h3", null, a.name));
      box.appendChild(el("div", "pm-kind", data.kinds[a.k].label + (a.city ? " · " + a.city : "")));
      function row(title, value) {
        if (!value) return;
        var line = el("div", "pm-row");
        line.appendChild(el("b", null, title + ": "));
        line.appendChild(el("span", null, value));
        box.appendChild(line);
      }
      row(labels.target_groups, a.tg.map(function (i) { return data.target_groups[i].label; }).join(", "));
      row(labels.resources, a.res.map(function (i) { return data.resources[i].label; }).join(", "));
      row(labels.best_at, a.best);
      if (a.contact) {
        row(labels.contact, [a.contact.name, a.contact.email, a.contact.phone].filter(Boolean).join(" · "));
      }
      if (a.web && /^https?:\/\//i.test(a.web)) {
        var link = el("a", null, a.web);
        link.href = a.web;
        link.target = "_blank";
        link.rel = "noopener noreferrer";
        var line = el("div", "pm-row");
        line.appendChild(link);
        box.appendChild(line);
      }
      return box;
    }

    data.actors.forEach(function (a) {
      var icon = a.rank
        ? L.divIcon({ className: "pm-marker", iconSize: [26, 26],
                      html: '<span class="pm-rank pm-k' + a.k + '">' + Number(a.rank) + "</span>" })
        : L.divIcon({ className: "pm-marker", iconSize: [14, 14],
                      html: '<span class="pm-dot pm-k' + a.k + '"></span>' });
      var marker = L.marker([a.lat, a.lon], { icon: icon, keyboard: true, title: a.name });
      marker.actor = a;
      marker.bindPopup(function () { return popupFor(a); }, { maxWidth: 320 });
      marker.on("click", function () {
        if (window.partnerMap.onSelect) window.partnerMap.onSelect(a.id);
      });
      markers.push(marker);
      byId[a.id] = marker;
    });

    /* filters and legend */
    var shownKinds = {};
    data.kinds.forEach(function (k) { shownKinds[k.code] = true; });
    var groupFilter = { tg: -1, res: -1 };

    function refresh() {
      var visible = markers.filter(function (m) {
        var a = m.actor;
        return shownKinds[data.kinds[a.k].code] &&
          (groupFilter.tg < 0 || a.tg.indexOf(groupFilter.tg) >= 0) &&
          (groupFilter.res < 0 || a.res.indexOf(groupFilter.res) >= 0);
      });
      cluster.clearLayers();
      if (cluster.addLayers) cluster.addLayers(visible);
      else visible.forEach(function (m) { cluster.addLayer(m); });
      counter.textContent = visible.length + " / " + markers.length + " " + labels.actors;
      return visible.length;
    }

    var panel = L.control({ position: "topright" });
    var counter = el("div", "pm-counter");
    panel.onAdd = function () {
      var box = el("div", "pm-panel leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      box.appendChild(el("div", "pm-title", data.title));
      box.appendChild(counter);
      var legend = el("div", "pm-legend");
      data.kinds.forEach(function (k, i) {
        if (!k.count) return;
        var label = el("label", "pm-kind-row");
        var check = el("input");
        check.type = "checkbox";
        check.checked = true;
        check.setAttribute("data-kind", k.code);
        check.addEventListener("change", function () { shownKinds[k.code] = check.checked; refresh(); });
        label.appendChild(check);
        label.appendChild(el("span", "pm-dot pm-k" + i));
        label.appendChild(el("span", null, k.label + " (" + k.count + ")"));
        legend.appendChild(label);
      });
      box.appendChild(legend);
      function chooser(name, options, key) {
        var select = el("select", "pm-select");
        select.setAttribute("aria-label", name);
        select.setAttribute("data-filter", key);
        select.appendChild(el("option", null, name));
        select.options[0].value = "-1";
        options.forEach(function (o, i) {
          if (!o.count) return;
          var option = el("option", null, o.label + " (" + o.count + ")");
          option.value = String(i);
          select.appendChild(option);
        });
        select.addEventListener("change", function () { groupFilter[key] = Number(select.value); refresh(); });
        return select;
      }
      box.appendChild(chooser(labels.all_target_groups, data.target_groups, "tg"));
      box.appendChild(chooser(labels.all_resources, data.resources, "res"));
      return box;
    };
    panel.addTo(map);

    /* search */
    var search = L.control({ position: "topleft" });
    search.onAdd = function () {
      var box = el("div", "pm-search leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      var input = el("input");
      input.type = "search";
      input.placeholder = labels.search;
      input.setAttribute("aria-label", labels.search);
      var list = el("ul", "pm-results");
      input.addEventListener("input", function () {
        while (list.firstChild) list.removeChild(list.firstChild);
        var q = input.value.trim().toLowerCase();
        if (q.length < 2) return;
        markers.filter(function (m) { return m.actor.name.toLowerCase().indexOf(q) >= 0; })
          .slice(0, 10).forEach(function (m) {
            var item = el("li", null, m.actor.name);
            item.tabIndex = 0;
            function go() { window.partnerMap.select(m.actor.id); }
            item.addEventListener("click", go);
            item.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
            list.appendChild(item);
          });
      });
      box.appendChild(input);
      box.appendChild(list);
      return box;
    };
    search.addTo(map);

    if (data.problem && data.problem.lat !== null) {
      L.circleMarker([data.problem.lat, data.problem.lon], { radius: 11, color: "#b00020",
        weight: 3, fill: false }).bindTooltip(el("span", null, data.problem.title)).addTo(map);
    } else if (data.problem) {
      /* No point (e.g. its owner is a person, whose home is never shown): the problem is
       * named with its municipality, whose outline is marked if it is drawn. */
      var note = L.control({ position: "bottomleft" });
      note.onAdd = function () {
        var box = el("div", "pm-problem-note leaflet-bar");
        box.appendChild(el("b", null, data.problem.title));
        box.appendChild(el("div", null, data.problem.municipality
          ? labels.problem_area.replace("{place}", data.problem.municipality)
          : labels.problem_no_place));
        return box;
      };
      note.addTo(map);
      var municipalities = overlays[labels.municipalities];
      if (municipalities && data.problem.municipality_code) {
        municipalities.eachLayer(function (shape) {
          if (shape.feature.properties.code === data.problem.municipality_code) {
            shape.setStyle({ color: "#b00020", weight: 3, dashArray: "6 4" });
          }
        });
      }
    }
    if (Object.keys(overlays).length) L.control.layers(null, overlays, { collapsed: true }).addTo(map);
    cluster.addTo(map);
    refresh();

    var points = markers.map(function (m) { return m.getLatLng(); });
    if (points.length) map.fitBounds(L.latLngBounds(points).pad(0.08));
    else if (boundsOfShapes) map.fitBounds(boundsOfShapes);

    window.partnerMap = {
      map: map,
      cluster: cluster,
      markerCount: function () { return markers.length; },
      visibleCount: function () { return cluster.getLayers().length; },
      select: function (id) {
        var marker = byId[id];
        if (!marker) return false;
        if (cluster.zoomToShowLayer) {
          cluster.zoomToShowLayer(marker, function () { marker.openPopup(); });
        } else {
          map.setView(marker.getLatLng(), Math.max(map.getZoom(), 12));
          marker.openPopup();
        }
        return true;
      },
      onSelect: null
    };
    document.documentElement.setAttribute("data-partner-map", "ready");
  }

  window.initPartnerMap = initPartnerMap;
})();
