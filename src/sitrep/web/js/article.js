// The article view: the record's text with every extracted span highlighted by kind. The text
// is cut at span boundaries into text nodes and <mark>s; nothing from the article is ever parsed
// as HTML. Hover or focus a highlight to read the normalised values in the side panel.

import { getJson } from "./api.js";
import { clear, el, safeHttpUrl } from "./dom.js";

const KINDS = ["place", "time", "quantity", "actor", "claim", "event"];

export async function showArticle(id, target) {
  const root = clear(document.getElementById("view-article"));
  root.append(el("p", { class: "meta" }, "Loading article…"));
  let data;
  try {
    data = await getJson(`/api/articles/${encodeURIComponent(id)}`);
  } catch (error) {
    clear(root).append(el("h2", {}, "Article not found"), el("p", { class: "empty" }, error.message));
    return;
  }
  const record = data.record;
  const info = el("aside", { class: "span-info", id: "span-info", "aria-live": "polite" }, "Hover or focus a highlighted span to see its normalised value.");
  const text = el("div", { class: "article-text", id: "article-text" }, renderText(record, target, info));
  clear(root).append(el("div", { class: "article-layout" },
    el("div", { class: "article-main" }, header(data), legend(text), text), info));
  const first = text.querySelector("mark.target");
  if (first) first.scrollIntoView({ block: "center" });
}

function header(data) {
  const record = data.record;
  const url = record.url ? safeHttpUrl(record.url) : null;
  const source = url ? el("a", { href: url, rel: "noopener noreferrer", target: "_blank" }, "original") : record.url ? `source address (not a web link): ${record.url}` : null;
  const published = data.published || record.published?.value || "undated";
  return el("header", {},
    el("h2", { id: "article-title" }, record.title || record.id),
    el("p", { class: "meta" }, `${data.outlet || record.source || "unknown outlet"} · ${published} · ${record.id}`, source ? " · " : "", source));
}

function legend(text) {
  return el("div", { class: "legend-row", role: "group", "aria-label": "Show span kinds" }, KINDS.map((kind) => {
    const box = el("input", { type: "checkbox", checked: true, onchange: (e) => text.classList.toggle(`hide-${kind}`, !e.target.checked) });
    return el("label", { class: `legend-item kind-${kind}` }, box, el("span", { class: `hl hl-${kind}` }, kind));
  }));
}

export function collectSpans(record) {
  const spans = [];
  const add = (kind, start, end, details) => { if (end > start) spans.push({ kind, start, end, details }); };
  const actors = new Map(record.actors.map((a) => [a.id, a]));
  for (const p of record.places) {
    for (const m of p.mentions) add("place", m.start, m.end, [`place: ${p.name}`, p.lat != null ? `${p.lat}, ${p.lon}` : "no coordinates", `geonameid ${p.geonameid ?? "—"} · ${p.kind} · ${[p.admin1, p.country].filter(Boolean).join(", ")}`]);
  }
  for (const t of record.times) add("time", t.start, t.end, [`time (${t.type}): ${t.value ?? "no value"}`]);
  for (const q of record.quantities) add("quantity", q.start, q.end, [`quantity: ${q.bound} ${q.value} ${q.unit ?? ""}`]);
  for (const a of record.actors) {
    for (const m of a.mentions) add("actor", m.start, m.end, [`actor: ${a.name} (${a.kind}${a.role ? ", " + a.role : ""})`, `side ${a.side ?? "unknown"}`]);
  }
  for (const c of record.claims) {
    const who = c.claimant && actors.has(c.claimant) ? actors.get(c.claimant).name : "unattributed";
    add("claim", c.start, c.end, [`claim by ${who}: ${c.status}`, c.channel ? `channel ${c.channel}` : "no channel"]);
  }
  for (const e of record.events) add("event", e.start, e.end, [`event: ${e.plover ?? "—"}`, e.acled ? e.acled.join(" / ") : "no ACLED type"]);
  return spans;
}

function renderText(record, target, info) {
  const text = record.text;
  const spans = collectSpans(record);
  const cuts = new Set([0, text.length]);
  for (const s of spans) { cuts.add(s.start); cuts.add(s.end); }
  if (target) { cuts.add(target.start); cuts.add(target.end); }
  const points = [...cuts].filter((c) => c >= 0 && c <= text.length).sort((a, b) => a - b);
  const nodes = [];
  for (let i = 0; i + 1 < points.length; i += 1) {
    const [a, b] = [points[i], points[i + 1]];
    const covering = spans.filter((s) => s.start <= a && s.end >= b).sort((x, y) => (x.end - x.start) - (y.end - y.start));
    const piece = text.slice(a, b);
    const isTarget = target && a >= target.start && b <= target.end;
    if (!covering.length && !isTarget) { nodes.push(document.createTextNode(piece)); continue; }
    nodes.push(mark(piece, covering, isTarget, info));
  }
  return nodes;
}

function mark(piece, covering, isTarget, info) {
  const kinds = [...new Set(covering.map((s) => s.kind))];
  const details = covering.flatMap((s) => s.details).join("\n");
  const node = el("mark", { class: ["hl", ...kinds.map((k) => `hl-${k}`), isTarget ? "target" : ""].join(" ").trim(), title: details || null, tabindex: covering.length ? 0 : null });
  node.textContent = piece;
  const showInfo = () => { info.textContent = details || "the selected report"; };
  node.addEventListener("mouseenter", showInfo);
  node.addEventListener("focus", showInfo);
  return node;
}
