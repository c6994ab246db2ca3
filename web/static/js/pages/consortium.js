// The consortium: its members and their roles (identity), the assets with their supply
// (ledger), governance proposals with their tallies, and the registered scorecard models
// (credit).

import { h, card, table, link } from "../dom.js";
import { money, short, when } from "../fmt.js";

export default {
  id: "consortium",
  nav: "nav.consortium",
  async render(root, ctx) {
    const { t, api } = ctx;
    const [members, assets, proposals, scorecards] = await Promise.all([api.get("/v1/members"), api.get("/v1/assets"),
      api.get("/v1/proposals"), api.get("/v1/credit/scorecards")]);
    root.append(h("h1", null, t("cs.title")),
      card(t("cs.members"), table([
        { label: t("cs.name"), cell: (m) => link("account/" + m.address, m.name) },
        { label: t("col.address"), cell: (m) => short(m.address) },
        { label: t("acc.roles"), cell: (m) => (m.roles || []).join(", ") },
        { label: t("cs.joined"), num: true, cell: (m) => String(m.joined_height) },
      ], members, { id: "members" })),
      card(t("cs.assets"), table([
        { label: t("col.asset"), cell: (a) => a.code },
        { label: t("cs.name"), cell: (a) => a.name },
        { label: t("cs.scale"), num: true, cell: (a) => String(a.scale) },
        { label: t("cs.supply"), num: true, cell: (a) => money(a.supply, a.code) },
        { label: t("cs.issuer"), cell: (a) => link("account/" + a.issuer, short(a.issuer)) },
      ], assets, { id: "assets" })),
      card(t("cs.proposals"), table([
        { label: "#", cell: (p) => String(p.id) },
        { label: t("cs.proposal"), cell: (p) => p.title },
        { label: t("col.status"), cell: (p) => h("span", { class: "badge" }, t("prop." + p.status)) },
        { label: t("cs.tally"), cell: (p) => `${p.yes} / ${p.no} / ${p.abstain} (${p.members})` },
        { label: t("cs.ends"), cell: (p) => when(p.voting_ends_at) },
      ], proposals, { id: "proposals" })),
      card(t("cs.scorecards"), table([
        { label: t("cs.name"), cell: (r) => r.name },
        { label: t("cs.version"), num: true, cell: (r) => String(r.version) },
        { label: t("cs.bands"), cell: (r) => (r.bands || []).map((b) => `${b.name} ≥ ${b.min_score}`).join(", ") },
        { label: t("cs.registeredBy"), cell: (r) => r.registered_by },
      ], scorecards, { id: "scorecards" })));
  },
};
