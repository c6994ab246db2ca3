// Borrower and credit: a borrower's loans with their schedules, repayment history, exposure
// across all lenders, consents, and the credit reports given on it (score and reasons) to
// lenders that held a live consent.

import { h, clear, card, kv, table, link } from "../dom.js";
import { money, short, when } from "../fmt.js";
import { list, schedule } from "../loans.js";

function pick(ctx, addr) {
  const input = h("input", { id: "borrower-addr", value: addr || "", placeholder: ctx.t("col.address"), "aria-label": ctx.t("col.address"), size: 44 });
  return h("form", { class: "inline", onsubmit: (e) => { e.preventDefault(); ctx.go("borrower/" + input.value.trim().toLowerCase()); } },
    input, h("button", { type: "submit" }, ctx.t("search.go")));
}

function credit(t, consents, accesses) {
  return card(t("bw.credit"),
    h("h3", null, t("bw.consents")),
    table([
      { label: t("bw.lender"), cell: (c) => link("account/" + c.lender, short(c.lender)) },
      { label: t("bw.purpose"), cell: (c) => c.purpose || "" },
      { label: t("bw.expires"), cell: (c) => when(c.expires_at) },
      { label: t("col.status"), cell: (c) => t("consent." + c.status) },
    ], consents || []),
    h("h3", null, t("bw.reports")),
    table([
      { label: t("bw.lender"), cell: (a) => link("account/" + a.lender, short(a.lender)) },
      { label: t("col.time"), cell: (a) => when(a.at) },
      { label: t("loan.score"), num: true, cell: (a) => String((a.report && a.report.score && a.report.score.score) ?? "") },
      { label: t("work.band"), cell: (a) => (a.report && a.report.score && a.report.score.band) || "" },
      { label: t("loan.reasons"), cell: (a) => ((a.report && a.report.score && a.report.score.reasons) || []).map((r) => `${r.code} (${r.text})`).join(", ") },
    ], accesses || [], { id: "reports" }));
}

export default {
  id: "borrower",
  nav: "nav.borrower",
  async render(root, ctx, [addr]) {
    const { t, api } = ctx;
    root.append(h("h1", null, t("bw.title")), pick(ctx, addr));
    if (!addr) return root.append(h("p", { class: "muted" }, t("bw.hint")));
    const [b, consents, accesses] = await Promise.all([api.get("/v1/lending/borrowers/" + encodeURIComponent(addr)),
      api.getOr(`/v1/credit/accounts/${encodeURIComponent(addr)}/consents`, []),
      api.getOr(`/v1/credit/accounts/${encodeURIComponent(addr)}/accesses`, [])]);
    const exposure = Object.entries(b.exposure || {}).map(([asset, v]) => money(v, asset)).join(" · ") || "0";
    const hist = b.history || {};
    root.append(card(null, kv([
      [t("col.address"), link("account/" + b.borrower, b.borrower)],
      [t("bw.exposure"), exposure],
      ...Object.keys(hist).sort().map((k) => [t("hist." + k), String(hist[k])]),
    ])));
    const box = h("div");
    root.append(card(t("acc.loans"), list(t, b.loans, [{ label: t("col.schedule"), cell: (l) => h("button", { type: "button", class: "small",
      onclick: () => clear(box).append(h("h3", null, t("loan.title", l.id)), schedule(t, l)) }, t("pf.schedule")) }]), box),
    credit(t, consents, accesses));
  },
};
