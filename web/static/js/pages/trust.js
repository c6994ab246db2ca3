// Trusts and charity (x/trust): every trust with its books and disclosure duty; one trust
// with its tranches, donations and outflows; and a donor's trace — where every fen of each
// donation went, on what evidence, and what is still unspent.

import { h, card, table, link, kv, stat } from "../dom.js";
import { money, short, when } from "../fmt.js";

function overdue(t, tr) {
  return tr.disclosure_overdue ? h("span", { class: "badge bad" }, t("trust.overdue")) : h("span", { class: "badge" }, t("trust.onTime"));
}

// The list of trusts.
export default {
  id: "trusts",
  nav: "nav.trusts",
  async render(root, ctx) {
    const { t, api } = ctx;
    const trusts = await api.get("/v1/trusts");
    root.append(h("h1", null, t("trust.title")),
      card(t("trust.list"), table([
        { label: "#", cell: (x) => link("trust/" + x.id, String(x.id)) },
        { label: t("trust.name"), cell: (x) => link("trust/" + x.id, x.name) },
        { label: t("trust.kind"), cell: (x) => t("trust.kind." + x.kind) },
        { label: t("col.status"), cell: (x) => t("trust.status." + x.status) },
        { label: t("trust.trustee"), cell: (x) => link("account/" + x.trustee, short(x.trustee)) },
        { label: t("trust.contributed"), num: true, cell: (x) => money(x.contributed, x.asset) },
        { label: t("trust.released"), num: true, cell: (x) => money(x.released, x.asset) },
        { label: t("trust.balance"), num: true, cell: (x) => money(x.balance, x.asset) },
        { label: t("trust.disclosure"), cell: (x) => overdue(t, x) },
      ], trusts, { id: "trusts" })));
  },
};

// One trust: its books, tranches, donations and outflows.
export const trustDetail = {
  id: "trust",
  parent: "trusts",
  async render(root, ctx, [id]) {
    const { t, api } = ctx;
    const path = "/v1/trusts/" + encodeURIComponent(id);
    const [x, gifts, outs] = await Promise.all([api.get(path), api.get(path + "/donations"), api.get(path + "/releases")]);
    const m = (v) => money(v, x.asset);
    root.append(h("h1", null, t("trust.one", x.id, x.name)),
      h("div", { class: "stats" }, stat(t("trust.contributed"), m(x.contributed)), stat(t("trust.released"), m(x.released)),
        stat(t("trust.fees"), m(x.fees)), stat(t("trust.balance"), m(x.balance), "trust-balance")),
      card(null, kv([[t("trust.kind"), t("trust.kind." + x.kind)], [t("col.status"), t("trust.status." + x.status)],
        [t("trust.purpose"), x.purpose || "—"], [t("trust.account"), x.account], [t("trust.settlor"), link("account/" + x.settlor, short(x.settlor))],
        [t("trust.supervisor"), x.supervisor ? short(x.supervisor) : "—"], [t("trust.disclosure"), overdue(t, x)],
        [t("trust.due"), x.disclosure_due_at ? when(x.disclosure_due_at) : "—"]])),
      x.tranches && x.tranches.length ? card(t("trust.tranches"), table([
        { label: "#", cell: (r) => String(r.n) },
        { label: t("trust.purpose"), cell: (r) => r.purpose || "—" },
        { label: t("trust.recipient"), cell: (r) => link("account/" + r.recipient, short(r.recipient)) },
        { label: t("trust.amount"), num: true, cell: (r) => m(r.amount) },
        { label: t("col.status"), cell: (r) => h("span", { class: "badge" }, t("trust.tranche." + r.status)) },
        { label: t("trust.evidence"), cell: (r) => (r.evidence || []).map(short).join(", ") || "—" },
      ], x.tranches, { id: "tranches" })) : null,
      card(t("trust.donations"), table([
        { label: "#", cell: (d) => String(d.seq) },
        { label: t("trust.donor"), cell: (d) => link("donor/" + d.donor, short(d.donor)) },
        { label: t("trust.amount"), num: true, cell: (d) => m(d.amount) },
        { label: t("trust.used"), num: true, cell: (d) => m(d.attributed) },
        { label: t("trust.unspent"), num: true, cell: (d) => m(d.unspent) },
        { label: t("trust.at"), cell: (d) => when(d.at) },
      ], gifts, { id: "donations" })),
      card(t("trust.outflows"), table([
        { label: "#", cell: (r) => String(r.seq) },
        { label: t("trust.kindOut"), cell: (r) => t("trust.out." + r.kind) },
        { label: t("trust.recipient"), cell: (r) => link("account/" + r.recipient, short(r.recipient)) },
        { label: t("trust.amount"), num: true, cell: (r) => m(r.amount) },
        { label: t("trust.fromDonations"), cell: (r) => r.parts.map((p) => `#${p.donation} ${m(p.amount)}`).join(", ") },
      ], outs, { id: "releases" })));
  },
};

// A donor's trace across trusts.
export const donorTrace = {
  id: "donor",
  parent: "trusts",
  async render(root, ctx, [addr]) {
    const { t, api } = ctx;
    const traces = await api.get("/v1/trusts/donors/" + encodeURIComponent(addr) + "/trace");
    root.append(h("h1", null, t("trust.trace", short(addr))));
    for (const tr of traces) {
      const d = tr.donation;
      const m = (v) => money(v, d.asset);
      root.append(card(t("trust.gift", d.trust_id, m(d.amount), m(d.unspent)), table([
        { label: t("trust.kindOut"), cell: (u) => t("trust.out." + u.kind) },
        { label: t("trust.purpose"), cell: (u) => u.purpose || "—" },
        { label: t("trust.recipient"), cell: (u) => link("account/" + u.recipient, short(u.recipient)) },
        { label: t("trust.amount"), num: true, cell: (u) => m(u.amount) },
        { label: t("trust.evidence"), cell: (u) => (u.evidence || []).map(short).join(", ") || "—" },
        { label: t("trust.at"), cell: (u) => when(u.at) },
      ], tr.uses, { class: "trace" })));
    }
  },
};
