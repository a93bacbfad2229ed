/* Partner map: markers, clusters, filters, search and popups drawn from the embedded data,
 * oriented without tiles by the problem's place and distance ring, town and municipality
 * names; a table of the same actors as an alternative to the map (WCAG 2.1 AA). Every text
 * from the data is put in the page with textContent, never as HTML. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  /* The zoom from which each town rank is labelled; a city's own name gives way to its
   * districts' names from DISTRICT_ZOOM on. */
  var TOWN_ZOOM = [7, 9, 11];
  var DISTRICT_ZOOM = 12;
  var MUNICIPALITY_ZOOM = 8;
  var FIT_MAX_ZOOM = 12;
  var PROBLEM_COLOUR = "#b00020";
  var STAR = '<svg viewBox="0 0 24 24" width="34" height="34" aria-hidden="true" focusable="false">' +
    '<polygon points="12,1.5 15.1,8.3 22.5,9.1 17,14.1 18.5,21.4 12,17.7 5.5,21.4 7,14.1 1.5,9.1 8.9,8.3"' +
    ' fill="' + PROBLEM_COLOUR + '" stroke="#fff" stroke-width="1.8" stroke-linejoin="round"/></svg>';

  function initPartnerMap(map, data) {
    var L = window.L;
    var labels = data.labels;
    if (!map.options.maxZoom) map.setMaxZoom(18);  /* clustering needs it; no tile layer sets it */
    map.attributionControl.setPrefix("Leaflet");  /* the default prefix links to the web */
    var kindIndex = {};
    data.kinds.forEach(function (k, i) { kindIndex[k.code] = i; });
    var container = map.getContainer();
    container.setAttribute("role", "region");
    container.setAttribute("aria-label", labels.map);
    /* The controls come before the markers in the tab order (they float above the map
     * wherever they sit in the page). */
    var controlCorner = container.querySelector(".leaflet-control-container");
    if (controlCorner) container.insertBefore(controlCorner, container.firstChild);
    /* Leaflet names its buttons in English. */
    function nameControl(selector, name) {
      var node = container.querySelector(selector);
      if (!node) return;
      node.title = name;
      node.setAttribute("aria-label", name);
    }
    nameControl(".leaflet-control-zoom-in", labels.zoom_in);
    nameControl(".leaflet-control-zoom-out", labels.zoom_out);

    /* boundaries */
    var overlays = {};
    var labelCandidates = [];
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
      (layer.names || []).forEach(function (n) {
        labelCandidates.push({ latlng: L.latLng(n.lat, n.lon), text: n.n, className: "pm-municipality-label",
                               minZoom: MUNICIPALITY_ZOOM, maxZoom: 99, layer: geo, priority: 1,
                               charWidth: 7.6, nudge: true });
      });
      boundsOfShapes = boundsOfShapes ? boundsOfShapes.extend(geo.getBounds()) : geo.getBounds();
    });
    if (data.attribution) map.attributionControl.addAttribution(data.attribution);
    if (data.tiles) {
      var tiles = L.tileLayer(data.tiles.url, { attribution: data.tiles.attribution, maxZoom: 19 });
      tiles.on("tileerror", function () { map.getContainer().classList.add("pm-offline"); });
      overlays[data.tiles.label] = tiles;
    }

    /* names: towns at the built-in postcode points, municipalities on their shapes */
    (data.towns || []).forEach(function (t) {
      labelCandidates.push({ latlng: L.latLng(t.lat, t.lon), text: t.n, className: "pm-town pm-town-r" + t.r,
                             minZoom: TOWN_ZOOM[t.r], maxZoom: t.d ? DISTRICT_ZOOM - 1 : 99, layer: null,
                             priority: t.r === 0 ? 0 : t.r + 1, charWidth: t.r === 0 ? 7.4 : 6.4,
                             nudge: t.r < 2 });
    });
    labelCandidates.sort(function (a, b) { return a.priority - b.priority; });
    var labelPane = map.createPane("pm-labels");
    labelPane.style.zIndex = 450;  /* above the shapes, below markers and popups */
    labelPane.style.pointerEvents = "none";
    var labelLayer = L.layerGroup().addTo(map);

    function labelMarker(c) {
      if (!c.marker) {
        var text = el("span", null, c.text);
        c.marker = L.marker(c.latlng, { pane: "pm-labels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "pm-label " + c.className, html: text, iconSize: null }) });
      }
      return c.marker;
    }

    /* Shown by zoom and rank; a name that would overlap a more important one waits for a
     * closer zoom. */
    function updateLabels() {
      if (!cluster) return;  /* not before the markers exist */
      var zoom = map.getZoom();
      var near = map.getBounds().pad(0.25);
      /* Names keep clear of what is drawn: markers, clusters and the problem's place.
       * (A cluster group keeps what it shows in its feature group.) */
      var shown = (cluster._featureGroup || cluster).getLayers();
      var taken = shown.concat(problemMarker ? [problemMarker] : []).map(function (m) {
        var p = map.project(m.getLatLng(), zoom);
        var r = m instanceof L.Marker && !m.getChildCount ? 14 : 21;
        return [p.x - r, p.y - r, p.x + r, p.y + r];
      });
      /* … and from under the controls (legend, search, scale, attribution). */
      var origin = map.getPixelBounds().min;
      var frameRect = map.getContainer().getBoundingClientRect();
      var controls = map.getContainer().querySelectorAll(".leaflet-control");
      Array.prototype.forEach.call(controls, function (control) {
        var r = control.getBoundingClientRect();
        if (!r.width) return;
        taken.push([origin.x + r.left - frameRect.left, origin.y + r.top - frameRect.top,
                    origin.x + r.right - frameRect.left, origin.y + r.bottom - frameRect.top]);
      });
      labelLayer.clearLayers();
      labelCandidates.forEach(function (c) {
        if (zoom < c.minZoom || zoom > c.maxZoom || !near.contains(c.latlng)) return;
        if (c.layer && !map.hasLayer(c.layer)) return;
        var p = map.project(c.latlng, zoom);
        var half = c.text.length * c.charWidth / 2 + 4;
        /* On the point; a bigger town's name may move just above, below or beside it
         * (a marker may sit on the town). */
        var spots = [[0, 0]];
        if (c.nudge) {
          [20, 36, 52, 68].forEach(function (d) {
            spots.push([0, -d], [0, d], [half + d - 4, 0], [-half - d + 4, 0]);
          });
        }
        for (var s = 0; s < spots.length; s++) {
          var x = p.x + spots[s][0], y = p.y + spots[s][1];
          var box = [x - half, y - 9, x + half, y + 9];
          var free = taken.every(function (o) {
            return box[0] >= o[2] || o[0] >= box[2] || box[1] >= o[3] || o[1] >= box[3];
          });
          if (free) {
            taken.push(box);
            var marker = labelMarker(c);
            marker.setLatLng(s ? map.unproject(L.point(x, y), zoom) : c.latlng);
            labelLayer.addLayer(marker);
            return;
          }
        }
      });
    }
    map.on("zoomend moveend overlayadd overlayremove", updateLabels);

    /* actors */
    /* A cluster is a button (Enter zooms in) named by how many actors it holds. */
    function clusterIcon(group) {
      var count = group.getChildCount();
      var size = count < 10 ? "small" : count < 100 ? "medium" : "large";
      var inner = el("div");
      inner.appendChild(el("span", null, count));
      inner.appendChild(el("span", "pm-sr", " " + labels.cluster.replace("{n}", "").replace(/^\s+/, "")));
      return L.divIcon({ html: inner, className: "marker-cluster marker-cluster-" + size,
                         iconSize: L.point(40, 40) });
    }

    /* A problem's ranked partners stay unclustered so every rank number shows. */
    var cluster = data.problem ? L.featureGroup()
      : L.markerClusterGroup({ chunkedLoading: true, maxClusterRadius: 45,
                               animate: map.options.zoomAnimation,  /* none for less motion */
                               showCoverageOnHover: false, iconCreateFunction: clusterIcon });
    var markers = [];
    var byId = {};
    /* One shared point, kept as wide as the legend, so a popup pans clear of it. */
    var popupPadding = L.point(10, 10);

    function popupFor(a) {
      var box = el("div", "pm-popup");
      if (a.rank) box.appendChild(el("div", "pm-rank-line", labels.rank + " " + a.rank +
                                     (a.score !== null ? " · " + labels.score + " " + a.score : "")));
      box.appendChild(el("h2", null, a.name));
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

    /* What a marker, a row and a popup call an actor: rank, name, kind. */
    function spokenName(a) {
      return (a.rank ? labels.rank + " " + a.rank + ": " : "") + a.name + ", " + data.kinds[a.k].label;
    }

    /* The kind shows by colour and by its two-letter mark (the legend explains both). */
    function markerIcon(a) {
      var kind = data.kinds[a.k];
      var box = el("span", "pm-marker-body");
      box.setAttribute("aria-hidden", "true");
      if (a.rank) {
        box.appendChild(el("span", "pm-rank pm-k" + a.k, Number(a.rank)));
        box.appendChild(el("span", "pm-badge pm-k" + a.k, kind.mark));
        return L.divIcon({ className: "pm-marker", iconSize: [26, 26], html: box });
      }
      box.appendChild(el("span", "pm-dot pm-k" + a.k, kind.mark));
      return L.divIcon({ className: "pm-marker", iconSize: [20, 20], html: box });
    }

    function chosen(a) {
      if (window.partnerMap.onSelect) window.partnerMap.onSelect(a.id);
    }

    map.on("popupopen", function (e) {
      var node = e.popup.getElement();
      var close = node && node.querySelector(".leaflet-popup-close-button");
      if (close) { close.setAttribute("aria-label", labels.close); close.title = labels.close; }
    });

    data.actors.forEach(function (a) {
      var marker = L.marker([a.lat, a.lon], { icon: markerIcon(a), keyboard: true, title: a.name });
      marker.actor = a;
      marker.bindPopup(function () { return popupFor(a); },
                       { maxWidth: 320, autoPanPaddingBottomRight: popupPadding });
      marker.on("click", function () { chosen(a); });
      /* Leaflet opens the popup on Enter (keypress); the application hears of it too. */
      marker.on("keypress", function (e) { if (e.originalEvent.keyCode === 13) chosen(a); });
      /* The icon element is made each time the marker is drawn (clusters redraw it). */
      marker.on("add", function () {
        var icon = marker.getElement();
        if (icon) icon.setAttribute("aria-label", spokenName(a));
      });
      markers.push(marker);
      byId[a.id] = marker;
    });

    /* filters and legend */
    var shownKinds = {};
    data.kinds.forEach(function (k) { shownKinds[k.code] = true; });
    var groupFilter = { tg: -1, res: -1 };
    var query = "";  /* the search box narrows the map and the list alike */
    var visibleIds = {};

    function passes(a) {
      return shownKinds[data.kinds[a.k].code] &&
        (groupFilter.tg < 0 || a.tg.indexOf(groupFilter.tg) >= 0) &&
        (groupFilter.res < 0 || a.res.indexOf(groupFilter.res) >= 0) &&
        (query.length < 2 || a.name.toLowerCase().indexOf(query) >= 0);
    }

    function refresh() {
      var visible = markers.filter(function (m) { return passes(m.actor); });
      cluster.clearLayers();
      if (cluster.addLayers) cluster.addLayers(visible);
      else visible.forEach(function (m) { cluster.addLayer(m); });
      counter.textContent = visible.length + " / " + markers.length + " " + labels.actors;
      visibleIds = {};
      visible.forEach(function (m) { visibleIds[m.actor.id] = true; });
      list.update();
      updateLabels();
      return visible.length;
    }

    /* The list alternative: a table of the actors the map shows, under the same search and
     * filters, with a spoken count; a row's button shows that actor on the map. */
    var list = (function () {
      var section = document.getElementById("pm-list");
      if (!section) return { update: function () {}, setOpen: function () {}, isOpen: function () { return false; } };
      var heading = el("h2", "pm-list-heading", labels.list_heading);
      heading.id = "pm-list-heading";
      section.setAttribute("aria-labelledby", heading.id);
      section.appendChild(heading);
      section.appendChild(el("p", "pm-list-hint", labels.list_hint));
      var live = el("p", "pm-live");
      live.id = "pm-live";
      live.setAttribute("role", "status");
      live.setAttribute("aria-live", "polite");
      section.appendChild(live);
      var empty = el("p", "pm-list-empty", labels.no_actors);
      empty.hidden = true;
      section.appendChild(empty);
      var table = el("table", "pm-table");
      table.appendChild(el("caption", null, labels.list_caption.replace("{title}", data.title)));
      var ranked = data.actors.some(function (a) { return a.rank; });
      var head = el("thead");
      var headRow = el("tr");
      var columns = (ranked ? [labels.rank] : []).concat(
        [labels.name, labels.kind, labels.city, labels.target_groups, labels.resources],
        ranked ? [labels.score] : [], [labels.show_on_map]);
      columns.forEach(function (title, i) {
        var th = el("th", null, title);
        th.setAttribute("scope", "col");

        headRow.appendChild(th);
      });
      head.appendChild(headRow);
      table.appendChild(head);
      var body = el("tbody");
      table.appendChild(body);
      section.appendChild(table);
      var rows = [];
      var ordered = data.actors.slice();
      var lang = document.documentElement.lang || "da";
      ordered.sort(ranked ? function (a, b) { return (a.rank || 1e9) - (b.rank || 1e9); }
                          : function (a, b) { return a.name.localeCompare(b.name, lang); });
      ordered.forEach(function (a) {
        var tr = el("tr");
        tr.setAttribute("data-actor", a.id);
        if (ranked) tr.appendChild(el("td", "pm-num", a.rank || ""));
        var name = el("th", "pm-name", a.name);
        name.setAttribute("scope", "row");
        tr.appendChild(name);
        var kindCell = el("td");
        var swatch = el("span", "pm-swatch pm-k" + a.k, data.kinds[a.k].mark);
        swatch.setAttribute("aria-hidden", "true");
        kindCell.appendChild(swatch);
        kindCell.appendChild(el("span", null, data.kinds[a.k].label));
        tr.appendChild(kindCell);
        tr.appendChild(el("td", null, a.city || ""));
        tr.appendChild(el("td", null, a.tg.map(function (i) { return data.target_groups[i].label; }).join(", ")));
        tr.appendChild(el("td", null, a.res.map(function (i) { return data.resources[i].label; }).join(", ")));
        if (ranked) tr.appendChild(el("td", "pm-num", a.score === null || a.score === undefined ? "" : a.score));
        var action = el("td");
        var show = el("button", "pm-show", labels.show_on_map);
        show.type = "button";
        show.setAttribute("aria-label", labels.show_on_map + ": " + a.name);
        show.addEventListener("click", function () {
          window.partnerMap.select(a.id, { focusPopup: true, returnFocus: show });
        });
        action.appendChild(show);
        tr.appendChild(action);
        body.appendChild(tr);
        rows.push({ id: a.id, row: tr });
      });
      var toggles = [];
      var api = {
        update: function () {
          var shown = 0;
          rows.forEach(function (r) {
            var on = !!visibleIds[r.id];
            r.row.hidden = !on;
            if (on) shown += 1;
          });
          live.textContent = shown === 1 ? labels.shown_one : labels.shown.replace("{n}", shown);
          empty.hidden = shown > 0;
          table.hidden = shown === 0;
        },
        isOpen: function () { return !section.hidden; },
        setOpen: function (open, focus) {
          section.hidden = !open;
          document.documentElement.classList.toggle("pm-list-open", open);
          /* One count is spoken when the filters change: the list's while it is open, the
           * legend's otherwise. */
          counter.setAttribute("aria-live", open ? "off" : "polite");
          toggles.forEach(function (t) {
            t.setAttribute("aria-expanded", open ? "true" : "false");
            t.textContent = open ? labels.hide_list : labels.show_list;
          });
          map.invalidateSize({ pan: true, animate: false });  /* the middle stays in the middle */
          updateLabels();
          if (open && focus) section.focus();
        },
        addToggle: function (button) {
          toggles.push(button);
          button.setAttribute("aria-controls", section.id);
          button.setAttribute("aria-expanded", "false");
          button.textContent = labels.show_list;
          button.addEventListener("click", function () { api.setOpen(section.hidden, false); });
        }
      };
      var skip = document.querySelector(".pm-skip");
      if (skip) {
        skip.addEventListener("click", function (e) {
          e.preventDefault();
          api.setOpen(true, true);
        });
      }
      return api;
    })();

    var panel = L.control({ position: "topright" });
    var counter = el("div", "pm-counter");
    counter.setAttribute("aria-live", "polite");
    panel.onAdd = function () {
      var box = el("div", "pm-panel leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      L.DomEvent.disableScrollPropagation(box);
      var head = el("div", "pm-head");
      head.appendChild(el("h1", "pm-title", data.title));
      var toggle = el("button", "pm-toggle");
      toggle.type = "button";
      toggle.setAttribute("aria-controls", "pm-panel-body");
      head.appendChild(toggle);
      box.appendChild(head);
      var listToggle = el("button", "pm-list-toggle");
      listToggle.type = "button";
      list.addToggle(listToggle);
      box.appendChild(listToggle);
      var body = el("div", "pm-panel-body");
      body.id = "pm-panel-body";
      box.appendChild(body);
      /* Open on a wide screen, folded on a narrow one; nothing is remembered. */
      function setExpanded(open) {
        body.hidden = !open;
        box.classList.toggle("pm-collapsed", !open);
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        var name = open ? labels.hide_legend : labels.show_legend;
        toggle.setAttribute("aria-label", name);
        toggle.title = name;
        toggle.textContent = open ? "\u2212" : "+";
        popupPadding.x = box.offsetWidth + 12;
        updateLabels();
      }
      toggle.addEventListener("click", function () { setExpanded(body.hidden); });
      panel.setExpanded = setExpanded;
      panel.expandedAtStart = window.innerWidth >= 640;
      body.appendChild(counter);
      var legend = el("div", "pm-legend");
      var place = data.problem && data.problem.lat !== null ? data.problem : null;
      if (place) {
        var row = el("div", "pm-legend-row pm-legend-problem");
        var star = el("span", "pm-star-swatch");
        star.innerHTML = STAR;  /* fixed markup, no data */
        row.appendChild(star);
        row.appendChild(el("span", null, labels.problem_place));
        legend.appendChild(row);
        if (place.ring_m) {
          var ringRow = el("div", "pm-legend-row pm-legend-ring");
          ringRow.appendChild(el("span", "pm-ring-swatch"));
          ringRow.appendChild(el("span", null, labels.distance_limit.replace("{km}", place.ring_km)));
          legend.appendChild(ringRow);
        }
      }
      data.kinds.forEach(function (k, i) {
        if (!k.count) return;
        var label = el("label", "pm-kind-row");
        var check = el("input");
        check.type = "checkbox";
        check.checked = true;
        check.setAttribute("data-kind", k.code);
        check.addEventListener("change", function () { shownKinds[k.code] = check.checked; refresh(); });
        label.appendChild(check);
        var swatch = el("span", "pm-swatch pm-k" + i, k.mark);
        swatch.setAttribute("aria-hidden", "true");
        label.appendChild(swatch);
        label.appendChild(el("span", null, k.label + " (" + k.count + ")"));
        legend.appendChild(label);
      });
      body.appendChild(legend);
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
      body.appendChild(chooser(labels.all_target_groups, data.target_groups, "tg"));
      body.appendChild(chooser(labels.all_resources, data.resources, "res"));
      return box;
    };
    panel.addTo(map);
    panel.setExpanded(panel.expandedAtStart);

    /* search */
    var search = L.control({ position: "topleft" });
    search.onAdd = function () {
      var box = el("div", "pm-search leaflet-bar");
      L.DomEvent.disableClickPropagation(box);
      var input = el("input");
      input.type = "search";
      input.placeholder = labels.search;
      input.setAttribute("aria-label", labels.search);
      input.setAttribute("aria-controls", "pm-list");
      var results = el("ul", "pm-results");
      results.setAttribute("aria-label", labels.search);
      input.addEventListener("input", function () {
        while (results.firstChild) results.removeChild(results.firstChild);
        query = input.value.trim().toLowerCase();
        refresh();
        if (query.length < 2) return;
        markers.filter(function (m) { return passes(m.actor); })
          .slice(0, 10).forEach(function (m) {
            var item = el("li", null, m.actor.name);
            item.tabIndex = 0;
            function go() { window.partnerMap.select(m.actor.id); }
            item.addEventListener("click", go);
            item.addEventListener("keydown", function (e) { if (e.key === "Enter") go(); });
            results.appendChild(item);
          });
      });
      search.input = input;
      box.appendChild(input);
      box.appendChild(results);
      return box;
    };
    search.addTo(map);

    var problemMarker = null;
    var ring = null;
    var frame = [];  /* what the first view must show besides the partners */
    if (data.problem && data.problem.lat !== null) {
      var at = L.latLng(data.problem.lat, data.problem.lon);
      if (data.problem.ring_m) {
        ring = L.circle(at, { radius: data.problem.ring_m, color: PROBLEM_COLOUR, weight: 2,
                              dashArray: "8 6", fillColor: PROBLEM_COLOUR, fillOpacity: 0.04,
                              interactive: false }).addTo(map);
        var north = L.latLng(at.lat + data.problem.ring_m / 111320, at.lng);
        L.marker(north, { pane: "pm-labels", interactive: false, keyboard: false,
          icon: L.divIcon({ className: "pm-label pm-ring-label", iconSize: null,
                            html: el("span", null, data.problem.ring_km + " km") }) }).addTo(map);
        frame.push(at.toBounds(2 * data.problem.ring_m));
      }
      var starBox = el("span", "pm-problem");
      starBox.innerHTML = STAR;  /* fixed markup, no data */
      starBox.setAttribute("role", "img");
      starBox.setAttribute("aria-label", labels.problem_place + ": " + data.problem.title);
      problemMarker = L.marker(at, { icon: L.divIcon({ className: "pm-marker pm-problem-marker",
                                                        html: starBox, iconSize: [34, 34] }),
                                     title: labels.problem_place + ": " + data.problem.title,
                                     keyboard: true, zIndexOffset: 1000 });
      problemMarker.bindTooltip(el("span", null, data.problem.title), { direction: "top", offset: [0, -16] });
      /* Enter (or a click) on the star names the problem and its distance limit. */
      problemMarker.bindPopup(function () {
        var box = el("div", "pm-popup");
        box.appendChild(el("div", "pm-rank-line", labels.problem_place));
        box.appendChild(el("h2", null, data.problem.title));
        if (data.problem.ring_m) box.appendChild(el("div", "pm-row", labels.distance_limit.replace("{km}", data.problem.ring_km)));
        return box;
      }, { maxWidth: 320, autoPanPaddingBottomRight: popupPadding });
      problemMarker.addTo(map);
      frame.push(L.latLngBounds([at, at]));
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
            shape.setStyle({ color: PROBLEM_COLOUR, weight: 3, dashArray: "6 4" });
            frame.push(shape.getBounds());
          }
        });
      }
    }
    if (Object.keys(overlays).length) {
      L.control.layers(null, overlays, { collapsed: true }).addTo(map);
      nameControl(".leaflet-control-layers-toggle", labels.layers);
    }
    cluster.addTo(map);
    cluster.on("animationend", updateLabels);
    /* Enter on a cluster does what a click does (zoom in, or spread out at the last zoom).
     * The plugin then gives the focus to the map; it goes on instead to where the keyboard
     * user was heading: the first of the cluster's actors, or the smaller cluster holding it. */
    cluster.on("clusterkeypress", function (e) {
      if (e.originalEvent.keyCode !== 13) return;
      var first = e.layer.getAllChildMarkers()[0];
      var done = false;
      function focusFirst() {
        if (done || !first) return;
        done = true;
        var shown = cluster.getVisibleParent ? cluster.getVisibleParent(first) : first;
        var icon = shown && (shown._icon || (shown.getElement && shown.getElement()));
        if (icon) icon.focus();
      }
      cluster.once("animationend spiderfied", function () { setTimeout(focusFirst, 0); });
      setTimeout(focusFirst, 1500);  /* no animation (already at the last zoom, or none) */
      e.layer.fire("click", { originalEvent: e.originalEvent }, true);
    });
    refresh();

    /* The first view: the problem's place, its ring and the partners, clear of the legend and
     * never closer than a town's streets. */
    var points = markers.map(function (m) { return m.getLatLng(); });
    var view = points.length ? L.latLngBounds(points).pad(0.08) : null;
    frame.forEach(function (b) { view = view ? view.extend(b) : L.latLngBounds(b.getSouthWest(), b.getNorthEast()); });
    function fitView() {
      var legendWidth = panel.getContainer().offsetWidth;
      var narrow = map.getSize().x < 2.5 * legendWidth;
      /* No animation: a print is taken as soon as the view is set. */
      var options = { maxZoom: FIT_MAX_ZOOM, animate: false, paddingTopLeft: [20, 50],
                      paddingBottomRight: [narrow ? 20 : legendWidth + 20, 30] };
      if (view) map.fitBounds(view, options);
      else if (boundsOfShapes) map.fitBounds(boundsOfShapes);
    }
    /* A frame that is not laid out yet (a report's map on a busy machine, a hidden tab) gives
     * the map no size: fitting then would pick a wrong zoom and draw no markers. The first
     * view waits until the map has a size, and only then is the map ready. A sandboxed frame
     * out of sight gets no resize callbacks, so its size is also looked at every 100 ms. */
    var viewed = false;  /* the first view has been fitted */
    var waiting = null;  /* [id, options] chosen before that */
    function whenSized(then) {
      var done = false;
      function check() {
        if (done || !(container.clientWidth > 0 && container.clientHeight > 0)) return done;
        done = true;
        window.removeEventListener("resize", check);
        map.invalidateSize({ pan: false });  /* Leaflet may have kept a size of nothing */
        then();
        return true;
      }
      if (check()) return;
      window.addEventListener("resize", check);
      (function poll() { if (!check()) setTimeout(poll, 100); })();
    }

    /* Printing (A4 landscape): the page gives the map its print size, so fit it again;
     * afterwards the reader's own view comes back. */
    var printing = null;
    function beforePrint() {
      if (printing) return;
      printing = { center: map.getCenter(), zoom: map.getZoom() };
      document.documentElement.classList.add("pm-printing");
      map.invalidateSize({ pan: false });
      fitView();
      updateLabels();
    }
    function afterPrint() {
      if (!printing) return;
      var before = printing;
      printing = null;
      document.documentElement.classList.remove("pm-printing");
      map.invalidateSize({ pan: false });
      map.setView(before.center, before.zoom, { animate: false });
      updateLabels();
    }
    window.addEventListener("beforeprint", beforePrint);
    window.addEventListener("afterprint", afterPrint);
    var printQuery = window.matchMedia ? window.matchMedia("print") : null;
    if (printQuery && printQuery.addEventListener) {
      printQuery.addEventListener("change", function (e) { if (e.matches) beforePrint(); else afterPrint(); });
    }

    window.partnerMap = {
      map: map,
      cluster: cluster,
      ring: ring,
      problemMarker: problemMarker,
      labels: function () {
        return labelLayer.getLayers().map(function (m) { return m.getElement().textContent; });
      },
      markerCount: function () { return markers.length; },
      visibleCount: function () { return cluster.getLayers().length; },
      /* options.focusPopup: keyboard focus moves into the popup (from the list) and goes
       * back to options.returnFocus when the popup closes. */
      select: function (id, options) {
        var marker = byId[id];
        if (!marker) return false;
        /* Before the first view (no size yet) a choice waits for it, or the fit undoes it. */
        if (!viewed) { waiting = [id, options]; return true; }
        /* Clusters still moving to a new zoom would swallow the zoom to this one: wait. */
        if (cluster._inZoomAnimation) {
          cluster.once("animationend", function () { window.partnerMap.select(id, options); });
          return true;
        }
        if (!visibleIds[id]) {
          /* Hidden by the search or a filter: show it (and every other actor) again. */
          query = "";
          if (search.input) search.input.value = "";
          groupFilter.tg = groupFilter.res = -1;
          data.kinds.forEach(function (k) { shownKinds[k.code] = true; });
          Array.prototype.forEach.call(container.querySelectorAll("[data-kind]"), function (c) { c.checked = true; });
          Array.prototype.forEach.call(container.querySelectorAll("[data-filter]"), function (c) { c.value = "-1"; });
          refresh();
        }
        function open() {
          marker.openPopup();
          if (!options || !options.focusPopup) return;
          var popup = marker.getPopup();
          var content = popup && popup.getElement() && popup.getElement().querySelector(".leaflet-popup-content");
          if (!content) return;
          content.tabIndex = -1;
          if (!content.pmEscape) {
            content.pmEscape = true;
            content.addEventListener("keydown", function (e) { if (e.key === "Escape") map.closePopup(); });
          }
          content.focus();
          if (options.returnFocus) {
            marker.once("popupclose", function () {
              if (document.body.contains(options.returnFocus)) options.returnFocus.focus();
            });
          }
        }
        if (cluster.zoomToShowLayer) {
          cluster.zoomToShowLayer(marker, open);
        } else {
          map.setView(marker.getLatLng(), Math.max(map.getZoom(), 12));
          open();
        }
        return true;
      },
      showList: function (open) { list.setOpen(open !== false, false); return list.isOpen(); },
      onSelect: null
    };
    whenSized(function () {
      fitView();
      updateLabels();
      viewed = true;
      if (waiting) window.partnerMap.select(waiting[0], waiting[1]);
      document.documentElement.setAttribute("data-partner-map", "ready");
    });
  }

  window.initPartnerMap = initPartnerMap;
})();
