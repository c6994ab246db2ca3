// Issued assets, offerings and escrow (x/assets, x/offering, x/escrow): one page with one
// search box. What it shows is in the route as key/value pairs (links.js params), so a view
// survives a reload: a/CODE an asset's rules and holders, d/ID a distribution and its payouts,
// o/ID an offering and its pledges, acct/ADDR an account's escrows, swaps and HTLCs; with none
// of them, the assets issued with rules; after/X continues the shown list after X (each list is
// paged by the API, 100 rows a page).

import { h, card, table, kv, link, stat } from "../dom.js";
import { money, minor, scaleOf, when } from "../fmt.js";
import { params, route, lookup, isAddress, badge, members, who } from "../links.js";

const ID = "assets";

// target reads the search box: "d:7" a distribution, "o:7" an offering, an address, else a
// code. It gives the route to go to.
export function target(s) {
  const m = /^([do])\s*[:#]\s*(\d+)$/i.exec(s);
  if (m) return route(ID, {}, m[1].toLowerCase(), m[2]);
  if (isAddress(s.toLowerCase())) return route(ID, {}, "acct", s.toLowerCase());
  return route(ID, {}, "a", s.toUpperCase());
}

const yn = (t, b) => t(b ? "yes" : "no");
const limit = (t, v, f) => (v ? f(v) : t("as.none"));
const at = (s) => (s ? when(s) : "—");

// more links to the next page of a list when the API says there is one.
function more(ctx, p, next) {
  return next ? h("p", null, link(route(ID, p, "after", next), ctx.t("as.more"), { "data-more": "1" })) : null;
}

// units shows an amount of an asset (a bare number when the console does not know its scale).
function units(v, asset) {
  return scaleOf(asset) === null ? String(v) : money(v, asset);
}

async function asset(root, ctx, p) {
  const { t, api, acct } = ctx;
  const code = p.a;
  const path = "/v1/assets/" + encodeURIComponent(code);
  const [r, page] = await Promise.all([api.get(path + "/rules"),
    api.get(path + "/holders" + (p.after ? "?after=" + encodeURIComponent(p.after) : ""))]);
  const m = (v) => units(v, code);
  root.append(h("h2", null, t("as.asset", code)),
    h("div", { class: "stats" }, stat(t("as.holders"), String(r.holders), "asset-holders"),
      stat(t("as.paused"), r.paused ? badge("paused", t("as.pausedYes")) : badge("open", t("as.live")))),
    card(t("as.rules"), kv([[t("as.issuer"), acct(r.issuer)], [t("as.kyc"), String(r.min_kyc_level)],
      [t("as.jurisdictions"), (r.jurisdictions || []).join(", ") || t("as.any")],
      [t("as.maxHolders"), limit(t, r.max_holders, String)], [t("as.maxBalance"), limit(t, r.max_balance, m)],
      [t("as.maxSupply"), limit(t, r.max_supply, m)], [t("as.lockup"), limit(t, r.lockup_seconds, (s) => t("as.days", minor(String(Math.round(s / 864)), 2)))],
      [t("as.mode"), t("as.mode." + r.transfer_mode)], [t("as.revocable"), yn(t, r.revocable)],
      [t("as.agents"), (r.agents || []).length ? h("span", null, r.agents.flatMap((a, i) => (i ? [", ", acct(a)] : [acct(a)]))) : "—"],
      [t("as.registered"), at(r.registered_at)],
      r.open_distribution ? [t("as.openDist"), link(route(ID, {}, "d", String(r.open_distribution)), "#" + r.open_distribution)] : null])),
    card(t("as.holderList"), table([
      { label: t("as.holder"), cell: (x) => acct(x.address) },
      { label: t("as.balance"), num: true, cell: (x) => m(x.balance) },
    ], page.holders || [], { id: "asset-holders-table" }), more(ctx, p, page.next)));
}

// ruled lists the assets issued with rules (shown until something is searched), each linked
// to its rules and holders.
async function ruled(root, ctx, p) {
  const { t, acct } = ctx;
  const page = await ctx.api.get("/v1/ruled-assets" + (p.after ? "?after=" + encodeURIComponent(p.after) : ""));
  root.append(card(t("as.ruledList"), table([
    { label: t("as.asset1"), cell: (x) => link(route(ID, {}, "a", x.asset), x.asset) },
    { label: t("as.issuer"), cell: (x) => acct(x.issuer) },
    { label: t("as.kyc"), num: true, cell: (x) => String(x.min_kyc_level) },
    { label: t("as.mode"), cell: (x) => t("as.mode." + x.transfer_mode) },
    { label: t("as.holders"), num: true, cell: (x) => String(x.holders) },
    { label: t("as.paused"), cell: (x) => (x.paused ? badge("paused", t("as.pausedYes")) : badge("open", t("as.live"))) },
  ], page.assets || [], { id: "ruled-assets" }), more(ctx, p, page.next)));
}

async function distribution(root, ctx, p) {
  const { t, api, acct } = ctx;
  const path = "/v1/distributions/" + encodeURIComponent(p.d);
  const [d, page] = await Promise.all([api.get(path), api.get(path + "/payouts" + (p.after ? "?after=" + encodeURIComponent(p.after) : ""))]);
  const m = (v) => units(v, d.asset);
  root.append(h("h2", null, t("as.dist", d.id)),
    h("div", { class: "stats" }, stat(t("as.amount"), m(d.amount), "dist-amount"), stat(t("as.paid"), m(d.paid), "dist-paid"),
      stat(t("as.phase"), badge(d.phase, t("as.phase." + d.phase)))),
    card(null, kv([[t("as.holdersOf"), link(route(ID, {}, "a", d.holders_of), d.holders_of)], [t("as.issuer"), acct(d.issuer)],
      [t("as.memo"), d.memo || "—"], [t("as.record"), link("block/" + d.record_height, String(d.record_height))],
      [t("as.created"), at(d.created_at)], [t("as.base"), units(d.base, d.holders_of)],
      [t("as.paidCount"), `${d.paid_count} / ${d.holders}`], [t("as.returned"), m(d.returned)], [t("as.finished"), at(d.finished_at)]])),
    card(t("as.payouts"), table([
      { label: t("as.holder"), cell: (x) => acct(x.holder) },
      { label: t("as.holding"), num: true, cell: (x) => units(x.balance, d.holders_of) },
      { label: t("as.amount"), num: true, cell: (x) => m(x.amount) },
      { label: t("col.status"), cell: (x) => (x.refused ? badge("refused", t("as.refused") + (x.refusal ? ": " + x.refusal : ""))
        : badge(x.paid ? "paid" : "due", t(x.paid ? "as.paidYes" : "as.due"))) },
    ], page.payouts || [], { id: "payouts" }), more(ctx, p, page.next)));
}

async function offering(root, ctx, p) {
  const { t, api, acct } = ctx;
  const path = "/v1/offerings/" + encodeURIComponent(p.o);
  const [o, page] = await Promise.all([api.get(path), api.get(path + "/pledges" + (p.after ? "?after=" + encodeURIComponent(p.after) : ""))]);
  const x = o.terms;
  const u = (v) => units(v, x.asset);
  const c = (v) => units(v, x.settlement_asset);
  root.append(h("h2", null, t("as.offering", o.id, x.asset)),
    h("div", { class: "stats" }, stat(t("col.status"), badge(o.status, t("as.st." + o.status)), "offering-status"),
      stat(t("as.pledged"), u(o.pledged_units)), stat(t("as.pledges"), String(o.pledges), "offering-pledges"), stat(t("as.raised"), c(o.raised))),
    card(t("as.terms"), kv([[t("as.issuer"), acct(o.issuer)], [t("as.asset1"), link(route(ID, {}, "a", x.asset), x.asset)],
      [t("as.price"), t("as.perUnit", c(x.price), x.asset)], [t("as.softCap"), u(x.soft_cap)], [t("as.hardCap"), u(x.hard_cap)],
      [t("as.minMax"), `${u(x.min_units)} – ${u(x.max_units)}`], [t("as.window"), `${at(x.opens_at)} – ${at(x.closes_at)}`],
      [t("as.fee"), `${minor(String(x.fee_bps), 2)}%`], [t("as.feeAccount"), acct(x.fee_account)],
      [t("as.cost"), c(o.pledged_cost)], [t("as.allotted"), u(o.allotted_units)], [t("as.feePaid"), c(o.fee_paid)],
      [t("as.settled"), at(o.settled_at)], [t("as.closeReason"), o.close_reason ? t("as.close." + o.close_reason) + (o.cancel_reason ? ": " + o.cancel_reason : "") : "—"]])),
    card(t("as.pledgeList"), table([
      { label: t("as.investor"), cell: (r) => acct(r.investor) },
      { label: t("as.units"), num: true, cell: (r) => u(r.units) },
      { label: t("as.costCol"), num: true, cell: (r) => c(r.cost) },
      { label: t("col.status"), cell: (r) => badge(r.status, t("as.pl." + r.status) + (r.reason ? ": " + r.reason : "")) },
      { label: t("as.at"), cell: (r) => at(r.pledged_at) },
    ], page.pledges || [], { id: "pledges" }), more(ctx, p, page.next)));
}

async function escrows(root, ctx, p) {
  const { t, api, acct } = ctx;
  const e = await api.get("/v1/escrows/accounts/" + encodeURIComponent(p.acct) + (p.after ? "?after=" + encodeURIComponent(p.after) : ""));
  root.append(h("h2", null, t("as.escrowsOf"), " ", acct(e.address)),
    card(t("as.escrows"), table([
      { label: "#", cell: (x) => String(x.id) },
      { label: t("as.payer"), cell: (x) => acct(x.payer) },
      { label: t("as.payee"), cell: (x) => acct(x.payee) },
      { label: t("as.amount"), num: true, cell: (x) => units(x.amount, x.asset) },
      { label: t("as.condition"), cell: (x) => t("as.cond." + x.condition) },
      { label: t("col.status"), cell: (x) => badge(x.status, t("as.es." + x.status)) },
      { label: t("as.refundAt"), cell: (x) => at(x.refund_at) },
    ], e.escrows || [], { id: "escrows" })),
    card(t("as.swaps"), table([
      { label: "#", cell: (x) => String(x.id) },
      { label: t("as.proposer"), cell: (x) => acct(x.proposer) },
      { label: t("as.counterparty"), cell: (x) => acct(x.counterparty) },
      { label: t("as.give"), num: true, cell: (x) => units(x.give_amount, x.give_asset) },
      { label: t("as.want"), num: true, cell: (x) => units(x.want_amount, x.want_asset) },
      { label: t("col.status"), cell: (x) => badge(x.status, t("as.sw." + x.status)) },
      { label: t("as.expires"), cell: (x) => at(x.expires_at) },
    ], e.swaps || [], { id: "swaps" })),
    card(t("as.htlcs"), table([
      { label: "#", cell: (x) => String(x.id) },
      { label: t("as.sender"), cell: (x) => acct(x.sender) },
      { label: t("as.receiver"), cell: (x) => acct(x.receiver) },
      { label: t("as.amount"), num: true, cell: (x) => units(x.amount, x.asset) },
      { label: t("col.status"), cell: (x) => badge(x.status, t("as.ht." + x.status)) },
      { label: t("as.expires"), cell: (x) => at(x.expires_at) },
    ], e.htlcs || [], { id: "htlcs" })),
    more(ctx, p, e.next));
}

export default {
  id: ID,
  nav: "nav.assets",
  async render(root, ctx, args) {
    const { t } = ctx;
    const p = params(args || []);
    // Addresses link to the account page, members by name (as on the other pages).
    const byAddr = await members(ctx.api);
    ctx = { ...ctx, acct: (addr) => who(byAddr, addr) };
    const shown = p.a ? "a:" + p.a : p.d ? "d:" + p.d : p.o ? "o:" + p.o : p.acct || "";
    root.append(h("h1", null, t("as.title")),
      card(null, h("p", { class: "muted" }, t("as.help")), lookup(ctx, "assets-search", t("as.search"), shown.replace(/^a:/, ""), target)));
    if (p.a) await asset(root, ctx, p);
    else if (p.d) await distribution(root, ctx, p);
    else if (p.o) await offering(root, ctx, p);
    else if (p.acct) await escrows(root, ctx, p);
    else await ruled(root, ctx, p);
  },
};
