// Figure series: one uPlot chart per (measure, subject), one line per claimant, value over said_at.
// Bounds stay visible: "more than" points carry an upward arrow, "less than" a downward one,
// "about" a tilde, and the table under each chart spells every point out.

import { boundText, clear, el, partyName, reportLink } from "./dom.js";
import { state, toDay, toSeconds } from "./state.js";

const LINE_COLOURS = ["#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#17becf"];
const BOUND_MARKS = { gt: "▲", gte: "▲", lt: "▼", lte: "▼", approx: "≈" };
let drawn = false;

export function initFigures() {
  drawn = false;
}

// Charts need a visible container to measure, so they are drawn the first time the view opens.
export function showFigures() {
  if (drawn) return;
  drawn = true;
  const root = clear(document.getElementById("view-figures"));
  const groups = groupSeries(state.figures);
  root.append(el("h2", {}, "Figure series ", el("span", { class: "count" }, `(${state.figures.length})`)));
  if (!groups.length) root.append(el("p", { class: "empty" }, "No figure series in the store yet."));
  for (const group of groups) root.append(chartCard(group));
}

function groupSeries(series) {
  const groups = new Map();
  for (const s of series) {
    const key = `${s.measure}|${s.unit}|${s.subject.label}`;
    if (!groups.has(key)) groups.set(key, { measure: s.measure, unit: s.unit, label: s.subject.label, series: [] });
    groups.get(key).series.push(s);
  }
  return [...groups.values()].sort((a, b) => b.series.length - a.series.length || a.label.localeCompare(b.label));
}

function chartCard(group) {
  const note = el("p", { class: "meta" }, "▲ more than / at least · ▼ less than / at most · ≈ about");
  const box = el("div", { class: "chart" });
  const card = el("article", { class: "figure-card", "data-measure": group.measure },
    el("h3", {}, `${group.measure.replace(/_/g, " ")} (${group.unit}) — ${group.label}`), box, note, pointsTable(group));
  requestAnimationFrame(() => plot(group, box));
  return card;
}

// x positions: the said_at day; a second figure on the same day for the same claimant is
// shifted by a few hours so both stay visible (uPlot wants one value per x per series).
function pointX(p, seen) {
  const day = (p.said_at || p.report.published || "").slice(0, 10);
  if (!day) return null;
  const n = seen.get(day) || 0;
  seen.set(day, n + 1);
  return toSeconds(day) + n * 4 * 3600;
}

function alignedData(group) {
  const placed = group.series.map((s) => {
    const seen = new Map();
    return s.points.map((p) => ({ x: pointX(p, seen), p })).filter((d) => d.x !== null);
  });
  const xs = [...new Set(placed.flat().map((d) => d.x))].sort((a, b) => a - b);
  const ys = placed.map((points) => xs.map((x) => points.find((d) => d.x === x)?.p.value ?? null));
  return { xs, ys, placed };
}

const compact = new Intl.NumberFormat("en-GB", { notation: "compact", maximumFractionDigits: 1 });

function plot(group, box) {
  const { xs, ys, placed } = alignedData(group);
  if (!xs.length) {
    box.append(el("p", { class: "empty" }, "No dated points."));
    return;
  }
  const series = [{}, ...group.series.map((s, i) => ({
    label: partyName(s.claimant), stroke: LINE_COLOURS[i % LINE_COLOURS.length], width: 2, spanGaps: true,
    points: { show: true, size: 8, fill: LINE_COLOURS[i % LINE_COLOURS.length] },
  }))];
  const pad = xs.length === 1 ? 86400 : 43200; // half a day each side keeps the end labels inside the canvas
  const opts = {
    width: Math.min(Math.max(box.clientWidth, 420), 900), height: 240, series,
    scales: { x: { time: true, range: (u, lo, hi) => [lo - pad, hi + pad] }, y: { range: (u, lo, hi) => [0, hi * 1.25 || 1] } },
    axes: [{ values: (u, ticks) => ticks.map((t) => toDay(t)), space: 90, incrs: [86400, 2 * 86400, 7 * 86400, 30 * 86400, 91 * 86400, 365 * 86400] },
           { size: 70, values: (u, ticks) => ticks.map((t) => compact.format(t)) }],
    hooks: { draw: [(u) => drawBounds(u, placed)] },
  };
  new window.uPlot(opts, [xs, ...ys], box);
}

function drawBounds(u, placed) {
  const ctx = u.ctx;
  ctx.save();
  ctx.font = `${Math.round(14 * devicePixelRatio)}px sans-serif`;
  ctx.textAlign = "center";
  placed.forEach((points, i) => {
    ctx.fillStyle = LINE_COLOURS[i % LINE_COLOURS.length];
    for (const { x, p } of points) {
      const mark = BOUND_MARKS[p.bound];
      if (!mark) continue;
      const px = u.valToPos(x, "x", true);
      const py = u.valToPos(p.value, "y", true);
      ctx.fillText(mark, px, p.bound.startsWith("l") ? py + 20 * devicePixelRatio : py - 10 * devicePixelRatio);
    }
  });
  ctx.restore();
}

function pointsTable(group) {
  const rows = group.series.flatMap((s) => s.points.map((p) => el("tr", {},
    el("td", {}, partyName(s.claimant)), el("td", {}, p.said_at || p.report.published || "undated"),
    el("td", { class: "num" }, boundText(p.value, p.bound, s.unit)), el("td", {}, reportLink(p.report)))));
  const head = el("tr", {}, ["Claimant", "Said", "Value", "Source"].map((h) => el("th", { scope: "col" }, h)));
  return el("table", { class: "points" }, el("thead", {}, head), el("tbody", {}, rows));
}
