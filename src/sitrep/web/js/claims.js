// The claim ledger: a sortable, filterable table; each claim links to the article span it came from.

import { articleHref, badge, clear, el, partyName, reportLink } from "./dom.js";
import { claimDates, onRangeChange, visibleClaims } from "./state.js";

const COLUMNS = [
  { key: "content", label: "Claim", value: (c) => c.content },
  { key: "claimant", label: "Claimant", value: (c) => partyName(c.claimant) },
  { key: "side", label: "Side", value: (c) => c.claimant?.side || "" },
  { key: "channel", label: "Channel", value: (c) => c.channel || "" },
  { key: "said_at", label: "Said", value: (c) => claimDates(c)[0] || "" },
  { key: "status", label: "Status", value: (c) => c.status },
  { key: "outlets", label: "Outlets", value: (c) => c.outlets },
];

const view = { sort: "said_at", descending: false, text: "", status: "", side: "" };
let root = null;
let body = null;

export function initClaims() {
  root = clear(document.getElementById("view-claims"));
  root.append(el("h2", {}, "Claims ", el("span", { id: "claim-count", class: "count" })), filters());
  const head = el("tr", {}, COLUMNS.map((col) => el("th", { scope: "col" },
    el("button", { type: "button", class: "sort", "data-key": col.key, onclick: () => sortBy(col.key) }, col.label))));
  body = el("tbody", { id: "claim-rows" });
  root.append(el("div", { class: "table-wrap" }, el("table", { class: "claims" }, el("thead", {}, head), body)));
  onRangeChange(draw);
  draw();
}

function filters() {
  const text = el("input", { type: "search", id: "claim-filter", placeholder: "claimant, words…", oninput: (e) => { view.text = e.target.value.toLowerCase(); draw(); } });
  const status = el("select", { id: "claim-status", onchange: (e) => { view.status = e.target.value; draw(); } },
    el("option", { value: "" }, "any status"),
    ["asserted", "reported", "unconfirmed", "unverified", "confirmed", "denied", "disputed"].map((s) => el("option", { value: s }, s)));
  const side = el("input", { type: "text", id: "claim-side", size: 4, maxlength: 3, placeholder: "UKR", oninput: (e) => { view.side = e.target.value.toUpperCase(); draw(); } });
  return el("div", { class: "filters" }, el("label", {}, "Filter ", text), el("label", {}, "Status ", status), el("label", {}, "Side ", side));
}

function sortBy(key) {
  view.descending = view.sort === key ? !view.descending : false;
  view.sort = key;
  draw();
}

function matches(claim) {
  if (view.status && claim.status !== view.status) return false;
  if (view.side && (claim.claimant?.side || "") !== view.side) return false;
  if (!view.text) return true;
  return [claim.content, partyName(claim.claimant), claim.channel || ""].join(" ").toLowerCase().includes(view.text);
}

function draw() {
  const col = COLUMNS.find((c) => c.key === view.sort);
  const rows = visibleClaims().filter(matches).sort((a, b) => {
    const x = col.value(a), y = col.value(b);
    const order = typeof x === "number" ? x - y : String(x).localeCompare(String(y));
    return view.descending ? -order : order;
  });
  document.getElementById("claim-count").textContent = `(${rows.length})`;
  for (const button of root.querySelectorAll("button.sort")) {
    button.setAttribute("aria-sort", button.dataset.key === view.sort ? (view.descending ? "descending" : "ascending") : "none");
  }
  clear(body).append(...rows.map(row));
  if (!rows.length) body.append(el("tr", {}, el("td", { colspan: COLUMNS.length, class: "empty" }, "No claims in this selection.")));
}

function row(claim) {
  const first = claim.reports[0];
  const content = first ? el("a", { href: articleHref(first), class: "claim-link", "data-claim": claim.id }, claim.content) : claim.content;
  const reports = el("details", {}, el("summary", {}, `${claim.articles} article(s)`),
    el("ul", { class: "reports" }, claim.reports.map((r) => el("li", {}, reportLink(r)))));
  return el("tr", { "data-claim": claim.id },
    el("td", { class: "content" }, content, reports),
    el("td", {}, partyName(claim.claimant)),
    el("td", {}, claim.claimant?.side || "—"),
    el("td", {}, claim.channel || "—"),
    el("td", {}, claimDates(claim)[0] || "—"),
    el("td", {}, badge(claim.status)),
    el("td", { class: "num", title: "distinct outlets (near-duplicates count once)" }, String(claim.outlets)));
}
