// Supply-chain finance: find a certificate (by id) or an account (by address); an account's
// credit lines with used and available, what it owes by maturity and the certificates it
// issued (as a core enterprise),
// the certificates it holds or is offered (as a supplier) and its financed book (as a funder);
// a certificate with its whole tree (root, parts, holders over time, documents, financing,
// state) and the supply-chain graph of its root drawn as a picture.

import { h, card, kv, table, link, stat } from "../dom.js";
import { money, when } from "../fmt.js";
import { members, withRole, who, params, route, isAddress, badge } from "../links.js";
import { supplyChainGraph } from "../graph.js";

function search(ctx, value) {
  const input = h("input", { id: "scf-q", value: value || "", placeholder: ctx.t("scf.searchHint"), "aria-label": ctx.t("scf.searchHint"), size: 44 });
  return h("form", { class: "inline", onsubmit: (e) => {
    e.preventDefault();
    const q = input.value.trim().toLowerCase();
    if (/^\d+$/.test(q)) ctx.go(route("scf", {}, "cert", q));
    else if (isAddress(q)) ctx.go(route("scf", {}, "account", q));
  } }, input, h("button", { type: "submit" }, ctx.t("search.go")));
}

const certLink = (id) => link("scf/cert/" + id, "#" + id, { "data-cert": id });
const state = (t, s) => badge(s, t("scfst." + s));

// certificates lists certificates (or parts) with where they stand.
function certificates(t, byAddr, list, attrs) {
  return table([
    { label: t("scf.cert"), cell: (c) => certLink(c.id) },
    { label: t("scf.root"), cell: (c) => certLink(c.root_id) },
    { label: t("scf.issuer"), cell: (c) => who(byAddr, c.issuer) },
    { label: t("scf.holder"), cell: (c) => who(byAddr, c.holder || c.receiver) },
    { label: t("scf.face"), num: true, cell: (c) => money(c.face, c.asset) },
    { label: t("scf.paid"), num: true, cell: (c) => money(c.paid, c.asset) },
    { label: t("scf.maturity"), cell: (c) => c.maturity_date },
    { label: t("scf.tierCol"), num: true, cell: (c) => String(c.tier) },
    { label: t("col.status"), cell: (c) => [state(t, c.state), c.days_past_due ? ` ${t("scf.dpd", c.days_past_due)}` : ""] },
  ], list, attrs);
}

function lines(t, byAddr, ent) {
  const rows = table([
    { label: t("scf.line"), cell: (l) => "#" + l.id },
    { label: t("scf.bank"), cell: (l) => who(byAddr, l.bank) },
    { label: t("scf.limit"), num: true, cell: (l) => money(l.limit, l.asset) },
    { label: t("scf.used"), num: true, cell: (l) => h("span", { "data-used": l.id }, money(l.used, l.asset)) },
    { label: t("scf.available"), num: true, cell: (l) => h("span", { "data-available": l.id }, money(l.available, l.asset)) },
    { label: t("scf.expires"), cell: (l) => when(l.expires_at) },
    { label: t("col.status"), cell: (l) => (l.closed ? t("scf.closed") : t("scf.open")) },
  ], ent.lines || [], { id: "scf-lines" });
  const owed = table([
    { label: t("scf.maturity"), cell: (m) => m.date },
    { label: t("scf.outstanding"), num: true, cell: (m) => money(m.amount, m.asset) },
  ], ent.outstanding || [], { id: "scf-outstanding" });
  const r = ent.record || {};
  return card(t("scf.lines"), rows, h("h3", null, t("scf.byMaturity")), owed, h("h3", null, t("scf.record")), kv([
    [t("scf.onTime"), String(r.settled_on_time ?? 0)], [t("scf.late"), String(r.settled_late ?? 0)],
    [t("scf.defaulted"), String(r.defaulted ?? 0)], [t("scf.maxDpd"), String(r.max_dpd ?? 0)],
  ]));
}

function book(t, b) {
  const asset = (b.entries[0] && b.entries[0].asset) || "";
  return card(t("scf.book"), b.entries.length ? h("div", { class: "stats" },
    stat(t("scf.face"), money(b.face, asset), "book-face"), stat(t("scf.proceeds"), money(b.proceeds, asset)),
    stat(t("scf.interest"), money(b.interest, asset)), stat(t("scf.overdue"), money(b.overdue, asset))) : null,
  table([
    { label: t("scf.cert"), cell: (e) => certLink(e.certificate_id) },
    { label: t("scf.face"), num: true, cell: (e) => money(e.face, e.asset) },
    { label: t("scf.proceeds"), num: true, cell: (e) => money(e.proceeds, e.asset) },
    { label: t("scf.interest"), num: true, cell: (e) => money(e.interest, e.asset) },
    { label: t("scf.paid"), num: true, cell: (e) => money(e.paid, e.asset) },
    { label: t("scf.yield"), num: true, cell: (e) => e.yield_percent + "%" },
    { label: t("scf.maturity"), cell: (e) => e.maturity_date },
    { label: t("col.status"), cell: (e) => [state(t, e.state), e.days_past_due ? ` ${t("scf.dpd", e.days_past_due)}` : ""] },
  ], b.entries, { id: "scf-book" }));
}

// byState shows a list's face by state (the API gives minor units of the list's asset).
function byState(t, list) {
  const asset = (list.certificates[0] || {}).asset;
  const faces = Object.keys(list.face_by_state || {}).sort().map((s) => stat(t("scfst." + s), money(String(list.face_by_state[s]), asset)));
  return faces.length ? h("div", { class: "stats" }, faces) : null;
}

async function account(root, ctx, byAddr, addr) {
  const { t, api } = ctx;
  const enc = encodeURIComponent(addr);
  const [ent, issued, held, fb] = await Promise.all([api.get("/v1/scf/enterprises/" + enc), api.get(`/v1/scf/enterprises/${enc}/certificates`),
    api.get("/v1/scf/holders/" + enc), api.get("/v1/scf/funders/" + enc)]);
  const m = byAddr.get(addr);
  root.append(h("h2", null, m ? m.name : t("acc.title")), h("p", null, who(byAddr, addr)));
  if ((ent.lines || []).length || (ent.outstanding || []).length) root.append(lines(t, byAddr, ent));
  if (issued.certificates.length) root.append(card(t("scf.issued"), byState(t, issued), certificates(t, byAddr, issued.certificates, { id: "scf-issued" })));
  root.append(card(t("scf.held"), byState(t, held), certificates(t, byAddr, held.certificates || [], { id: "scf-held" })));
  if (fb.entries.length) root.append(book(t, fb));
}

function financing(t, byAddr, c) {
  const f = c.financing;
  if (!f) return null;
  return [t("scf.financing"), kv([
    [t("scf.funder"), who(byAddr, f.funder)], [t("scf.seller"), who(byAddr, f.seller)],
    [t("scf.rate"), `${f.annual_rate_percent}% · ${t("scf.basis", f.day_count_basis)}`], [t("scf.date"), f.date],
    [t("scf.days"), String(f.days)], [t("scf.interest"), money(f.interest, c.asset)],
    [t("scf.proceeds"), h("span", { id: "scf-proceeds" }, money(f.proceeds, c.asset))],
  ])];
}

function summary(t, byAddr, c) {
  return card(t("scf.certTitle", c.id), kv([
    [t("col.status"), [state(t, c.state), c.days_past_due ? ` ${t("scf.dpd", c.days_past_due)}` : ""]],
    [t("scf.root"), certLink(c.root_id)], c.parent_id ? [t("scf.parent"), certLink(c.parent_id)] : null,
    (c.children || []).length ? [t("scf.parts"), (c.children || []).flatMap((id, i) => [i ? ", " : "", certLink(id)])] : null,
    [t("scf.issuer"), who(byAddr, c.issuer)], [t("scf.holder"), who(byAddr, c.holder || c.receiver)],
    [t("scf.face"), money(c.face, c.asset)], [t("scf.paid"), money(c.paid, c.asset)],
    [t("scf.maturity"), c.maturity_date], c.settled_date ? [t("scf.settled"), c.settled_date] : null,
    [t("scf.tierCol"), String(c.tier)], [t("scf.line"), "#" + c.line_id],
    c.offer ? [t("scf.offer"), [t("how." + (c.offer.kind === "finance" ? "financed" : "transferred")), " → ", who(byAddr, c.offer.to), " · ", when(c.offer.expires_at)]] : null,
    financing(t, byAddr, c),
  ]));
}

function history(t, byAddr, c) {
  return table([
    { label: t("scf.date"), cell: (x) => x.date },
    { label: t("scf.how"), cell: (x) => t("how." + x.how) },
    { label: t("scf.from"), cell: (x) => who(byAddr, x.from) },
    { label: t("scf.holder"), cell: (x) => who(byAddr, x.holder) },
  ], c.holders || [], { id: "scf-holders" });
}

function documents(t, byAddr, docs) {
  return table([
    { label: "#", cell: (d) => d.id },
    { label: t("col.type"), cell: (d) => t("doc." + d.kind) },
    { label: t("scf.invoice"), cell: (d) => (d.invoice_code ? `${d.invoice_code} / ${d.invoice_number}` : d.contract_hash || "") },
    { label: t("scf.seller"), cell: (d) => who(byAddr, d.seller) },
    { label: t("scf.buyer"), cell: (d) => who(byAddr, d.buyer) },
    { label: t("scf.amount"), num: true, cell: (d) => money(d.amount, d.asset) },
    { label: t("scf.date"), cell: (d) => d.issue_date },
    { label: t("scf.backs"), cell: (d) => (d.certificate_id ? certLink(d.certificate_id) : "—") },
  ], docs, { id: "scf-docs" });
}

async function certificate(root, ctx, byAddr, id) {
  const { t, api } = ctx;
  const tree = await api.get("/v1/scf/certificates/" + encodeURIComponent(id));
  const graph = await api.get("/v1/scf/graphs/" + tree.root.id);
  const c = tree.certificate;
  const short = (a) => { const m = byAddr.get(a); const n = m ? m.name : a.slice(0, 8) + "…"; return n.length > 23 ? n.slice(0, 22) + "…" : n; };
  root.append(summary(t, byAddr, c),
    card(t("scf.holdersOverTime"), history(t, byAddr, c)),
    card(t("scf.graphTitle", tree.root.id), h("p", { class: "muted" }, t("scf.graphNote")),
      h("div", { class: "graph-wrap" }, supplyChainGraph(graph, { name: short, amount: (f) => money(f, tree.root.asset), label: t }))),
    card(t("scf.tree", tree.root.id), certificates(t, byAddr, tree.nodes, { id: "scf-tree" })),
    card(t("scf.documents"), documents(t, byAddr, tree.documents || [])));
}

function overview(root, ctx, byAddr) {
  const { t } = ctx;
  const row = (m) => ({ m });
  const list = (roles, id) => table([
    { label: t("cs.name"), cell: (r) => link(route("scf", {}, "account", r.m.address), r.m.name, { "data-addr": r.m.address }) },
    { label: t("acc.roles"), cell: (r) => (r.m.roles || []).join(", ") },
  ], withRole(byAddr, ...roles).map(row), { id });
  root.append(h("div", { class: "cols" }, card(t("scf.enterprises"), list(["enterprise"], "scf-enterprises")),
    card(t("scf.funders"), list(["bank", "mfi"], "scf-funders"))));
}

export default {
  id: "scf",
  nav: "nav.scf",
  async render(root, ctx, args) {
    const { t, api } = ctx;
    const p = params(args);
    root.append(h("h1", null, t("scf.title")), search(ctx, p.cert || p.account));
    const byAddr = await members(api);
    if (p.cert) return certificate(root, ctx, byAddr, p.cert);
    if (p.account) return account(root, ctx, byAddr, p.account);
    overview(root, ctx, byAddr);
  },
};
