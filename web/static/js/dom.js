// DOM helpers. Text always goes in as text nodes (never innerHTML), so nothing the chain
// holds can inject markup; attributes are set one by one.

// h builds an element: h("a", {href: "#/x", class: "c", onclick: fn}, "text", child…).
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (k === "text") el.textContent = v;
    else el.setAttribute(k, v === true ? "" : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children.flat(Infinity)) {
    if (c === undefined || c === null || c === false) continue;
    el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

// clear empties an element.
export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

// table renders rows under column headings; a column is {label, cell(row) → node or text}.
export function table(cols, rows, attrs) {
  const head = h("tr", null, cols.map((c) => h("th", c.num ? { class: "num" } : null, c.label)));
  const body = rows.length ? rows.map((r) => h("tr", null, cols.map((c) => h("td", c.num ? { class: "num" } : null, c.cell(r)))))
    : h("tr", { class: "empty" }, h("td", { colspan: cols.length, class: "muted" }, "—"));
  return h("div", { class: "table-wrap" }, h("table", attrs, h("thead", null, head), h("tbody", null, body)));
}

// card is a titled panel.
export function card(title, ...children) {
  return h("section", { class: "card" }, title ? h("h2", null, title) : null, ...children);
}

// stat is one figure with its label.
export function stat(label, value, id) {
  return h("div", { class: "stat" }, h("div", { class: "stat-label" }, label), h("div", { class: "stat-value", id }, value));
}

// kv renders label/value pairs as a definition list.
export function kv(pairs) {
  return h("dl", { class: "kv" }, pairs.filter(Boolean).map(([k, v]) => [h("dt", null, k), h("dd", null, v)]));
}

// link is an in-console link.
export function link(route, text, attrs) {
  return h("a", { href: "#/" + route, ...(attrs || {}) }, text);
}

// errorBox shows a failure with its stable code.
export function errorBox(err) {
  const code = err && err.code ? `[${err.code}] ` : "";
  return h("div", { class: "error", role: "alert" }, code + (err && err.message ? err.message : String(err)));
}
