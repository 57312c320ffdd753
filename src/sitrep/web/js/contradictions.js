// Contradictions: the two (or more) sides next to each other, each with its claimant and sources.

import { clear, el, partyName, reportLink } from "./dom.js";
import { onRangeChange, visibleContradictions } from "./state.js";

let root = null;

export function initContradictions() {
  root = document.getElementById("view-contradictions");
  onRangeChange(draw);
  draw();
}

function draw() {
  const items = visibleContradictions();
  clear(root).append(el("h2", {}, "Contradictions ", el("span", { class: "count" }, `(${items.length})`)));
  if (!items.length) root.append(el("p", { class: "empty" }, "No contradictions in this selection."));
  for (const x of items) {
    root.append(el("article", { class: "contradiction", "data-id": x.id },
      el("h3", {}, el("span", { class: "kind" }, x.kind), " ", x.about.label),
      el("div", { class: "sides" }, x.sides.map(side))));
  }
}

function side(s) {
  const who = s.claimant ? `${partyName(s.claimant)}${s.claimant.side ? " (" + s.claimant.side + ")" : ""}` : "unattributed";
  return el("div", { class: "side" },
    el("p", { class: "claimant" }, who),
    el("blockquote", {}, s.statement),
    el("ul", { class: "reports" }, s.reports.map((r) => el("li", {}, reportLink(r)))));
}
