// Dashboard entry point: load the views from the API once, then route between them by URL hash
// (#/map, #/claims, #/figures, #/contradictions, #/control, #/article/ID?s=START&e=END).

import { fetchAll, getJson } from "./api.js";
import { showArticle } from "./article.js";
import { initBrush } from "./brush.js";
import { initClaims } from "./claims.js";
import { initContradictions } from "./contradictions.js";
import { initControl } from "./control.js";
import { initFigures, showFigures } from "./figures.js";
import { initMap, refreshMapSize } from "./map.js";
import { state } from "./state.js";

const VIEWS = ["map", "claims", "figures", "contradictions", "control", "article"];

async function load() {
  const [stats, events, claims, figures, contradictions, timelines] = await Promise.all([
    getJson("/api/stats"), fetchAll("events"), fetchAll("claims"), fetchAll("figures"),
    fetchAll("contradictions"), fetchAll("timelines"),
  ]);
  Object.assign(state, { events, claims, figures, contradictions, timelines });
  document.getElementById("store-summary").textContent =
    `${stats.articles} articles · ${events.length} events · ${claims.length} claims · ${figures.length} series · ${contradictions.length} contradictions`;
}

function route() {
  const [path, query] = (location.hash.replace(/^#\/?/, "") || "map").split("?");
  const [name, ...rest] = path.split("/");
  const view = VIEWS.includes(name) ? name : "map";
  for (const v of VIEWS) document.getElementById(`view-${v}`).hidden = v !== view;
  for (const link of document.querySelectorAll("nav a[data-view]")) {
    if (link.dataset.view === view) link.setAttribute("aria-current", "page");
    else link.removeAttribute("aria-current");
  }
  document.getElementById("timeline").hidden = view === "article" || view === "figures" || view === "control";
  if (view === "map") refreshMapSize();
  if (view === "figures") showFigures();
  if (view === "article") showArticle(decodeURIComponent(rest.join("/")), target(query));
}

function target(query) {
  const params = new URLSearchParams(query || "");
  const start = Number.parseInt(params.get("s"), 10);
  const end = Number.parseInt(params.get("e"), 10);
  return Number.isFinite(start) && Number.isFinite(end) && end > start ? { start, end } : null;
}

async function main() {
  try {
    await load();
  } catch (error) {
    document.getElementById("store-summary").textContent = `Could not load the store: ${error.message}`;
    return;
  }
  window.addEventListener("hashchange", route);
  route();
  initBrush();
  await initMap();
  initClaims();
  initContradictions();
  initControl();
  initFigures();
  route();
  document.body.dataset.ready = "true";
}

main();
