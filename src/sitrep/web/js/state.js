// Shared dashboard state: the loaded views and the date range the brush selected.
// Views subscribe and redraw when the range changes; dates are "YYYY-MM-DD" strings.

const listeners = new Set();

export const state = {
  events: [], claims: [], figures: [], contradictions: [], timelines: [],
  range: null, // {from, to} inclusive, or null for all dates
};

export function onRangeChange(listener) {
  listeners.add(listener);
}

export function setRange(range) {
  state.range = range && range.from && range.to ? range : null;
  for (const listener of listeners) listener(state.range);
}

export function inRange(dates) {
  if (!state.range) return true;
  return dates.some((d) => d && d.slice(0, 10) >= state.range.from && d.slice(0, 10) <= state.range.to);
}

const reportDates = (item) => (item.reports || []).map((r) => r.published);

export const eventDates = (e) => (e.date ? [e.date] : reportDates(e));
export const claimDates = (c) => (c.said_at ? [c.said_at] : reportDates(c));
export const contradictionDates = (x) => x.sides.flatMap((s) => reportDates(s));

export const visibleEvents = () => state.events.filter((e) => inRange(eventDates(e)));
export const visibleClaims = () => state.claims.filter((c) => inRange(claimDates(c)));
export const visibleContradictions = () => state.contradictions.filter((x) => inRange(contradictionDates(x)));

// PLOVER types, in the order the legends list them, with colour-blind-friendly colours.
export const TYPE_COLOURS = {
  ASSAULT: "#d7301f", COERCE: "#f16913", MOBILIZE: "#8c510a", THREATEN: "#bf812d", RETREAT: "#1b9e77",
  SUPPORT: "#2c7fb8", AID: "#41b6c4", COOPERATE: "#7570b3", AGREE: "#66a61e", CONSULT: "#a6761d",
  CONCEDE: "#80cdc1", DEMAND: "#e7298a", DISAPPROVE: "#c51b7d", REJECT: "#762a83", SANCTION: "#542788",
  PROTEST: "#e6ab02", CRIME: "#666666", INVESTIGATE: "#35978f",
};

export function typeColour(type) {
  return TYPE_COLOURS[type] || "#888888";
}

// The ISW-style split: confirmed items are drawn solid, claimed ones hollow, contested ones dashed.
export function statusClass(status) {
  if (status === "confirmed") return "confirmed";
  if (status === "denied" || status === "disputed") return "contested";
  return "claimed";
}

export function toDay(seconds) {
  return new Date(seconds * 1000).toISOString().slice(0, 10);
}

export function toSeconds(day) {
  return Date.parse(`${day}T00:00:00Z`) / 1000;
}
