// The timeline: daily event counts by type as stacked bars (uPlot) with a drag-to-select brush,
// plus From/To date inputs (the keyboard way to set the same range) and a week-over-week line.

import { clear, el } from "./dom.js";
import { eventDates, onRangeChange, setRange, state, toDay, toSeconds, typeColour, visibleClaims, visibleEvents } from "./state.js";

const DAY = 86400;
const DAY_STEPS = [DAY, 2 * DAY, 7 * DAY, 14 * DAY, 30 * DAY, 91 * DAY, 182 * DAY, 365 * DAY];
let chart = null;

export function initBrush() {
  const from = document.getElementById("brush-from");
  const to = document.getElementById("brush-to");
  const applyInputs = () => setRange(from.value && to.value ? { from: from.value, to: to.value } : null);
  from.addEventListener("change", applyInputs);
  to.addEventListener("change", applyInputs);
  document.getElementById("brush-reset").addEventListener("click", () => {
    if (chart) chart.setSelect({ left: 0, width: 0, top: 0, height: 0 }, false);
    setRange(null);
  });
  onRangeChange(showRange);
  drawChart();
  showRange(null);
}

function dailyCounts() {
  const days = state.events.map((e) => eventDates(e)[0]).filter(Boolean).map((d) => d.slice(0, 10)).sort();
  if (!days.length) return null;
  const first = toSeconds(days[0]) - DAY;
  const last = toSeconds(days[days.length - 1]) + DAY;
  const xs = [];
  for (let t = first; t <= last; t += DAY) xs.push(t);
  const types = topTypes();
  const counts = types.map(() => xs.map(() => 0));
  for (const e of state.events) {
    const day = eventDates(e)[0];
    if (!day) continue;
    const row = Math.max(types.indexOf(e.plover), types.indexOf("other"));
    counts[row < 0 ? types.length - 1 : row][Math.round((toSeconds(day.slice(0, 10)) - first) / DAY)] += 1;
  }
  return { xs, types, counts };
}

function topTypes() {
  const tally = new Map();
  for (const e of state.events) tally.set(e.plover || "other", (tally.get(e.plover || "other") || 0) + 1);
  const sorted = [...tally.entries()].sort((a, b) => b[1] - a[1]).map(([t]) => t);
  return sorted.length > 7 ? [...sorted.slice(0, 6), "other"] : sorted;
}

// Stacked bars: series i holds the sum of types i..n, drawn largest first so each type shows its own band.
function stack(counts) {
  return counts.map((_, i) => counts[0].map((__, j) => counts.slice(i).reduce((sum, row) => sum + row[j], 0)));
}

function drawChart() {
  const box = clear(document.getElementById("brush-chart"));
  const legend = clear(document.getElementById("brush-legend"));
  const data = dailyCounts();
  if (!data) {
    box.append(el("p", { class: "empty" }, "No dated events in the store yet."));
    return;
  }
  const bars = window.uPlot.paths.bars({ size: [0.9, 40] });
  const series = [{}, ...data.types.map((t) => ({ label: t, stroke: typeColour(t), fill: typeColour(t), paths: bars, points: { show: false } }))];
  const opts = {
    width: Math.max(box.clientWidth, 600), height: 90, legend: { show: false }, series,
    scales: { x: { time: true } }, axes: [{ size: 28, space: 70, incrs: DAY_STEPS, values: (u, ticks) => ticks.map((t) => toDay(t)) },
      { size: 36, incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500] }],
    cursor: { drag: { x: true, y: false, setScale: false }, points: { show: false } },
    hooks: { setSelect: [onSelect] },
  };
  chart = new window.uPlot(opts, [data.xs, ...stack(data.counts)], box);
  for (const t of data.types) legend.append(el("span", { class: "legend-item" }, el("span", { class: "swatch", style: null, "data-colour": typeColour(t) }), t));
  for (const swatch of legend.querySelectorAll(".swatch")) swatch.style.background = swatch.dataset.colour;
  window.addEventListener("resize", () => chart.setSize({ width: Math.max(box.clientWidth, 600), height: 90 }));
}

function onSelect(u) {
  if (u.select.width < 2) return;
  const from = toDay(u.posToVal(u.select.left, "x"));
  const to = toDay(u.posToVal(u.select.left + u.select.width, "x"));
  setRange({ from, to });
}

function showRange(range) {
  document.getElementById("brush-from").value = range ? range.from : "";
  document.getElementById("brush-to").value = range ? range.to : "";
  const events = visibleEvents().length;
  const claims = visibleClaims().length;
  const scope = range ? `${range.from} to ${range.to}` : "all dates";
  document.getElementById("brush-info").textContent = `${scope}: ${events} events, ${claims} claims. ${weekOverWeek(range)}`;
}

// ACLED-dashboard style change: events in the last 7 days of the selection against the 7 days before.
function weekOverWeek(range) {
  const days = state.events.map((e) => eventDates(e)[0]).filter(Boolean).map((d) => d.slice(0, 10)).sort();
  if (!days.length) return "";
  const end = toSeconds(range ? range.to : days[days.length - 1]);
  const count = (lo, hi) => days.filter((d) => toSeconds(d) > lo && toSeconds(d) <= hi).length;
  const recent = count(end - 7 * DAY, end);
  const before = count(end - 14 * DAY, end - 7 * DAY);
  const change = before ? `${recent >= before ? "+" : ""}${Math.round((100 * (recent - before)) / before)}%` : "no events the week before";
  return `Last 7 days: ${recent} events (${change}).`;
}
