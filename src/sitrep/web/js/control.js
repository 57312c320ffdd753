// Control of places: search a place in any spelling (the server matches it) and read its timeline.

import { getJson } from "./api.js";
import { badge, clear, el, partyName, reportLink } from "./dom.js";
import { state } from "./state.js";

let result = null;

export function initControl() {
  const root = clear(document.getElementById("view-control"));
  const input = el("input", { type: "search", id: "place-search", list: "place-names", placeholder: "Izium, Izyum, Kharkiv…", required: true });
  const form = el("form", { class: "filters", role: "search", onsubmit: (e) => { e.preventDefault(); show(input.value); } },
    el("label", {}, "Place ", input), el("button", { type: "submit" }, "Show timeline"));
  const names = el("datalist", { id: "place-names" }, state.timelines.map((t) => el("option", { value: t.place.name })));
  const known = el("p", { class: "meta" }, "Places with a timeline: ",
    state.timelines.map((t, i) => [i ? ", " : "", el("button", { type: "button", class: "link-button", onclick: () => show(t.place.name) }, t.place.name)]));
  result = el("div", { id: "control-result" });
  root.append(el("h2", {}, "Control of places"), form, names, state.timelines.length ? known : el("p", { class: "empty" }, "No control timelines in the store yet."), result);
}

async function show(name) {
  clear(result);
  if (!name.trim()) return;
  try {
    const timeline = await getJson(`/api/timelines/${encodeURIComponent(name.trim())}`);
    result.append(render(timeline));
  } catch (error) {
    result.append(el("p", { class: "empty" }, error.message));
  }
}

function render(timeline) {
  const p = timeline.place;
  const where = p.lat != null ? ` (${p.lat.toFixed(2)}, ${p.lon.toFixed(2)})` : "";
  const rows = timeline.entries.map((e) => el("tr", {},
    el("td", {}, e.date || "undated"), el("td", {}, e.change), el("td", {}, e.controller || "—"),
    el("td", {}, partyName(e.claimant)), el("td", {}, badge(e.status)),
    el("td", {}, el("ul", { class: "reports" }, e.reports.map((r) => el("li", {}, reportLink(r)))))));
  const head = el("tr", {}, ["Date", "Change", "Controller", "Claimant", "Status", "Reports"].map((h) => el("th", { scope: "col" }, h)));
  return el("div", {}, el("h3", {}, `${p.name}${where}`),
    el("table", { class: "timeline-table" }, el("thead", {}, head), el("tbody", {}, rows)));
}
