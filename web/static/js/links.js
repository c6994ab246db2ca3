// What the module pages share: members' names for the addresses they show, links to the
// account and block pages, route parameters kept as "key/value" pairs after the page's id (so
// a view's state is in the URL and survives a reload or a language switch), and facts maps
// whose amounts are shown in asset units.

import { h, link } from "./dom.js";
import { money, short } from "./fmt.js";

// members reads the consortium's members once per page draw: address → member.
export async function members(api) {
  const all = await api.get("/v1/members");
  return new Map(all.map((m) => [m.address, m]));
}

// withRole lists the members holding any of these roles.
export function withRole(byAddr, ...roles) {
  return [...byAddr.values()].filter((m) => (m.roles || []).some((r) => roles.includes(r)));
}

// who links an address to its account page, named if it is a member's.
export function who(byAddr, addr) {
  if (!addr) return "—";
  const m = byAddr && byAddr.get(addr);
  return link("account/" + addr, m ? m.name : short(addr), { class: m ? null : "mono", title: addr, "data-addr": addr });
}

// params reads "key/value/key/value" route arguments.
export function params(args) {
  const out = {};
  for (let i = 0; i + 1 < args.length; i += 2) out[args[i]] = args[i + 1];
  return out;
}

// route is the page's route with one parameter set (or removed with an empty value).
export function route(page, p, key, value) {
  const next = { ...p, [key]: value };
  const parts = Object.entries(next).filter(([, v]) => v).flatMap(([k, v]) => [k, encodeURIComponent(v)]);
  return [page, ...parts].join("/");
}

// lookup is a one-field form that sends what was typed to a route.
export function lookup(ctx, id, label, value, to, attrs) {
  const input = h("input", { id, value: value || "", placeholder: label, "aria-label": label, ...(attrs || {}) });
  return h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); const v = input.value.trim(); if (v) ctx.go(to(v)); } },
    input, h("button", { type: "submit" }, ctx.t("search.go")));
}

// isAddress tells an account address (40 hex digits) from anything else typed.
export function isAddress(s) {
  return /^[0-9a-f]{40}$/.test(s);
}

const amountKeys = /^(amount|outstanding|net_assets|day_total|threshold|exposure|face|[a-z]+_(in|out)_(day|7d))$/;

// facts shows a facts map sorted by name; the amounts among them in the map's asset.
export function facts(m) {
  const asset = m && m.asset;
  const value = (k) => (asset && amountKeys.test(k) && /^-?\d+$/.test(m[k]) ? money(m[k], asset)
    : isAddress(m[k]) ? link("account/" + m[k], short(m[k]), { class: "mono", title: m[k] }) : m[k]);
  return h("dl", { class: "kv facts" }, Object.keys(m || {}).sort().map((k) => [h("dt", null, k), h("dd", { "data-fact": k }, value(k))]));
}

// badge shows a state with its label; the stylesheet colours the known states.
export function badge(state, label) {
  return h("span", { class: `badge st-${state}`, "data-status": state }, label || state);
}

// exportLinks offers rows as CSV and JSON files made in the browser (the columns are the
// rows' own fields; nested values as JSON), named after what they hold.
export function exportLinks(ctx, name, rows) {
  const fields = [...new Set(rows.flatMap((r) => Object.keys(r)))];
  const cell = (v) => { const s = typeof v === "object" && v !== null ? JSON.stringify(v) : String(v ?? ""); return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s; };
  const csv = [fields.join(","), ...rows.map((r) => fields.map((f) => cell(r[f])).join(","))].join("\n") + "\n";
  const file = (body, type, ext) => {
    const blob = new Blob([body], { type });
    const url = URL.createObjectURL(blob);
    ctx.onLeave(() => URL.revokeObjectURL(url));
    const a = h("a", { href: url, download: `${name}.${ext}`, class: "button small", "data-export": ext }, ext.toUpperCase());
    a.file = blob; // what the link downloads, for a reader in the page (the policy forbids fetching blob: URLs)
    return a;
  };
  return h("span", { class: "actions" }, file(csv, "text/csv", "csv"), file(JSON.stringify(rows, null, 2), "application/json", "json"));
}
