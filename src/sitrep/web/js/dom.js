// DOM building without HTML strings: every text goes in through textContent / text nodes.

export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value == null || value === false) continue;
    if (key === "class") node.className = value;
    else if (key === "text") node.textContent = String(value);
    else if (key.startsWith("on")) node.addEventListener(key.slice(2), value);
    else node.setAttribute(key, value === true ? "" : String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child != null && child !== false) node.append(child instanceof Node ? child : String(child));
  }
  return node;
}

export function clear(node) {
  node.replaceChildren();
  return node;
}

// Only http(s) links leave the dashboard; anything else (javascript:, data:) is shown as text.
export function safeHttpUrl(value) {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
  } catch {
    return null;
  }
}

export function articleHref(report) {
  const id = encodeURIComponent(report.article);
  return `#/article/${id}?s=${report.start}&e=${report.end}`;
}

export function reportLink(report) {
  const label = [report.outlet || "unknown outlet", report.published || "undated"].join(" · ");
  return el("a", { href: articleHref(report), class: "report-link", title: report.text }, label);
}

export function badge(status) {
  return el("span", { class: `badge status-${status || "none"}` }, status || "—");
}

export function partyName(party) {
  return party ? party.name : "unattributed";
}

export function formatNumber(value) {
  return Number(value).toLocaleString("en-GB", { maximumFractionDigits: 2 });
}

const BOUND_WORDS = { eq: "", gt: "more than ", gte: "at least ", lt: "less than ", lte: "at most ", approx: "about " };

export function boundText(value, bound, unit) {
  return `${BOUND_WORDS[bound] ?? ""}${formatNumber(value)}${unit ? " " + unit : ""}`;
}
