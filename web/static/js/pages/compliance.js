// Compliance and supervision: the regulator's counts; alerts (rule, movement, the facts the
// rule read, state) and cases; suspicious-transaction reports with their follow-ups;
// large-value reports for a range of business dates; an account's freeze orders (authority,
// legal basis, expiry); early warnings with their facts; a lender's supervision figures
// (portfolio, large exposures, concentration) and a borrower's exposure across lenders.

import { h, card, kv, table, stat, link } from "../dom.js";
import { money, pct, when } from "../fmt.js";
import { members, withRole, who, params, route, lookup, facts, badge, exportLinks } from "../links.js";

function counts(t, c) {
  const sum = (m) => Object.values(m || {}).reduce((a, b) => a + b, 0);
  const by = (m, prefix) => Object.keys(m || {}).sort().map((k) => `${t(prefix + k)} ${m[k]}`).join(" · ");
  return h("div", { class: "stats", id: "counts" },
    stat(t("cp.alerts"), String(sum(c.alerts)), "count-alerts"), stat(t("cp.cases"), String(sum(c.cases)), "count-cases"),
    stat(t("cp.strs"), String(c.suspicious_reports)), stat(t("cp.overdueReports"), String(c.overdue_reports)),
    stat(t("cp.largeValue"), String(c.large_value_reports), "count-lv"), stat(t("cp.freezes"), String(sum(c.freeze_orders))),
    h("p", { class: "muted wide" }, [by(c.alerts, "alertst."), by(c.cases, "casest.")].filter(Boolean).join(" | ")));
}

function movement(byAddr, m) {
  return [who(byAddr, m.from), " → ", who(byAddr, m.to), " · ", money(m.amount, m.asset), " · ", link("block/" + m.height, "#" + m.height)];
}

function alerts(ctx, byAddr, list) {
  const { t } = ctx;
  return table([
    { label: "#", cell: (a) => a.id },
    { label: t("cp.rule"), cell: (a) => h("span", { "data-rule": a.rule }, `${a.rule} (${a.code})`) },
    { label: t("cp.outcome"), cell: (a) => t("outcome." + a.outcome) },
    { label: t("cp.subject"), cell: (a) => who(byAddr, a.subject) },
    { label: t("cp.movement"), cell: (a) => movement(byAddr, a.movement) },
    { label: t("col.status"), cell: (a) => [badge(a.status, t("alertst." + a.status)), a.case_id ? [" ", t("cp.case"), " #", a.case_id] : null] },
    { label: t("cp.raised"), cell: (a) => when(a.raised_at) },
    { label: t("cp.facts"), cell: (a) => h("details", null, h("summary", null, t("cp.showFacts", Object.keys(a.facts || {}).length)), facts(a.facts)) },
  ], list, { id: "alerts" });
}

function cases(ctx, byAddr, list) {
  const { t } = ctx;
  return table([
    { label: "#", cell: (c) => c.id },
    { label: t("cp.subject"), cell: (c) => who(byAddr, c.subject) },
    { label: t("cp.alerts"), cell: (c) => (c.alert_ids || []).map((id) => "#" + id).join(", ") },
    { label: t("col.status"), cell: (c) => [badge(c.status, t("casest." + c.status)), c.overdue ? [" ", h("span", { class: "bad" }, t("cp.overdue"))] : null] },
    { label: t("work.reason"), cell: (c) => c.reason },
    { label: t("cp.opened"), cell: (c) => when(c.opened_at) },
    { label: t("cp.reportDue"), cell: (c) => when(c.report_due) },
    { label: t("cp.report"), cell: (c) => (c.report_id ? "#" + c.report_id : "—") },
  ], list, { id: "cases" });
}

function strs(ctx, byAddr, list) {
  const { t } = ctx;
  return [table([
    { label: "#", cell: (r) => r.id },
    { label: t("cp.case"), cell: (r) => "#" + r.case_id },
    { label: t("cp.subject"), cell: (r) => who(byAddr, r.subject) },
    { label: t("cp.summary"), cell: (r) => r.summary },
    { label: t("cp.filed"), cell: (r) => [when(r.filed_at), r.late ? [" ", h("span", { class: "bad" }, t("cp.late"))] : null] },
    { label: t("cp.followUps"), cell: (r) => h("ul", { class: "plain" }, (r.follow_ups || []).map((f) => h("li", null, `${when(f.at)}: ${f.note}`))) },
  ], list, { id: "strs" }), exportLinks(ctx, "suspicious-reports", list)];
}

function largeValue(ctx, byAddr, p, list) {
  const { t } = ctx;
  const [from, to] = (p.range || "~").split("~");
  const a = h("input", { type: "date", id: "lv-from", value: from || "", "aria-label": t("cp.from") });
  const b = h("input", { type: "date", id: "lv-to", value: to || "", "aria-label": t("cp.to") });
  const form = h("form", { class: "inline", id: "lv-range", onsubmit: (e) => { e.preventDefault(); ctx.go(route("compliance", p, "range", `${a.value}~${b.value}`)); } },
    t("cp.from"), a, t("cp.to"), b, h("button", { type: "submit" }, t("search.go")),
    exportLinks(ctx, `large-value-${from || "start"}-${to || "now"}`, list));
  return card(t("cp.largeValueTitle"), form, table([
    { label: "#", cell: (r) => r.id },
    { label: t("cp.date"), cell: (r) => r.business_date },
    { label: t("col.address"), cell: (r) => who(byAddr, r.account) },
    { label: t("cp.criterion"), cell: (r) => t("crit." + r.criterion) },
    { label: t("cp.direction"), cell: (r) => t("lvdir." + r.direction) },
    { label: t("cp.dayTotal"), num: true, cell: (r) => money(r.day_total, r.asset) },
    { label: t("cp.threshold"), num: true, cell: (r) => money(r.threshold, r.asset) },
    { label: t("cp.movement"), cell: (r) => movement(byAddr, r.movement) },
  ], list, { id: "large-value" }));
}

function freezes(ctx, byAddr, p, list) {
  const { t } = ctx;
  return card(t("cp.freezesTitle"), lookup(ctx, "freeze-addr", t("col.address"), p.account, (v) => route("compliance", p, "account", v.toLowerCase()), { size: 44 }),
    list ? table([
      { label: "#", cell: (f) => f.id },
      { label: t("col.status"), cell: (f) => badge(f.status, t("frzst." + f.status)) },
      { label: t("cp.authority"), cell: (f) => f.authority },
      { label: t("cp.basis"), cell: (f) => `${f.legal_basis} · ${f.document_number}` },
      { label: t("scf.amount"), num: true, cell: (f) => (f.whole_account ? t("cp.wholeAccount") : money(f.amount, f.asset)) },
      { label: t("cp.start"), cell: (f) => when(f.start) },
      { label: t("cp.expiry"), cell: (f) => (f.expiry ? when(f.expiry) : t("cp.untilLifted")) },
      { label: t("cp.issuedBy"), cell: (f) => who(byAddr, f.issued_by) },
      { label: t("work.reason"), cell: (f) => f.reason },
    ], list, { id: "freezes" }) : null);
}

function warnings(ctx, byAddr, list) {
  const { t } = ctx;
  return card(t("cp.warnings"), table([
    { label: t("col.type"), cell: (w) => h("span", { "data-kind": w.kind }, t("warn." + w.kind)) },
    { label: t("cp.subject"), cell: (w) => who(byAddr, w.subject) },
    { label: t("cp.facts"), cell: (w) => facts(w.facts) },
  ], list, { id: "warnings" }));
}

function exposures(t, byAddr, rows, id) {
  return table([
    { label: t("col.borrower"), cell: (x) => who(byAddr, x.borrower) },
    { label: t("col.outstanding"), num: true, cell: (x) => money(x.outstanding, x.asset) },
    { label: t("cp.netAssets"), num: true, cell: (x) => money(x.net_assets, x.asset) },
    { label: t("cp.share"), num: true, cell: (x) => pct(x.share) },
    { label: t("cp.limit"), num: true, cell: (x) => (x.limit ? pct(x.limit) : "—") },
  ], rows || [], { id });
}

function lender(ctx, byAddr, p, all, s) {
  const { t } = ctx;
  const sel = h("select", { id: "sup-lender", "aria-label": t("pf.lender"), onchange: (e) => ctx.go(route("compliance", p, "lender", e.target.value)) },
    all.map((m) => h("option", { value: m.address, selected: m.address === s.lender }, m.name)));
  return card(t("cp.lenderTitle"), h("label", { class: "inline" }, t("pf.lender"), " ", sel),
    s.portfolio.assets.map((a) => h("div", { class: "stats", "data-asset": a.asset },
      stat(t("pf.glp"), money(a.gross_loan_portfolio, a.asset), "sup-glp-" + a.asset), stat("PAR30", pct(a.par30)), stat("PAR90", pct(a.par90)),
      stat(t("pf.arrears"), pct(a.arrears_rate)), stat(t("pf.writtenOff"), money(a.written_off, a.asset)),
      stat(t("cp.netAssets"), s.net_assets[a.asset] ? money(s.net_assets[a.asset], a.asset) : "—"))),
    h("h3", null, t("cp.largeExposures")), exposures(t, byAddr, s.large_exposures, "large-exposures"),
    h("h3", null, t("cp.topBorrowers")), exposures(t, byAddr, s.top_borrowers, "top-borrowers"));
}

function borrower(ctx, byAddr, p, b) {
  const { t } = ctx;
  return card(t("cp.borrowerTitle"), lookup(ctx, "exp-addr", t("col.address"), p.borrower, (v) => route("compliance", p, "borrower", v.toLowerCase()), { size: 44 }),
    b ? [kv([[t("col.borrower"), who(byAddr, b.borrower)], [t("bw.exposure"), Object.entries(b.total || {}).map(([a, v]) => money(v, a)).join(" · ") || "0"]]),
      table([
        { label: t("bw.lender"), cell: (x) => who(byAddr, x.lender) },
        { label: t("col.outstanding"), num: true, cell: (x) => money(x.outstanding, x.asset) },
        { label: t("pf.loans"), num: true, cell: (x) => String(x.loans) },
      ], b.lenders || [], { id: "exposure" })] : null);
}

export default {
  id: "compliance",
  nav: "nav.compliance",
  async render(root, ctx, args) {
    const { t, api } = ctx;
    const p = params(args);
    const enc = encodeURIComponent;
    const [byAddr, c, al, cs, sr, lv, wn] = await Promise.all([members(api), api.get("/v1/supervision/counts"),
      api.get("/v1/compliance/alerts"), api.get("/v1/compliance/cases"), api.get("/v1/compliance/suspicious-reports"),
      api.get("/v1/compliance/large-value/" + enc(p.range || "~")), api.get("/v1/supervision/warnings")]);
    const lenders = withRole(byAddr, "bank", "mfi");
    const chosen = p.lender || (lenders[0] && lenders[0].address);
    const [fz, sup, bx] = await Promise.all([p.account ? api.get("/v1/compliance/freezes/" + enc(p.account)) : null,
      chosen ? api.get("/v1/supervision/lenders/" + enc(chosen)) : null,
      p.borrower ? api.get("/v1/supervision/borrowers/" + enc(p.borrower)) : null]);
    root.append(h("h1", null, t("cp.title")), counts(t, c),
      card(t("cp.alertsTitle"), alerts(ctx, byAddr, al)), card(t("cp.casesTitle"), cases(ctx, byAddr, cs)),
      card(t("cp.strsTitle"), strs(ctx, byAddr, sr)), largeValue(ctx, byAddr, p, lv), freezes(ctx, byAddr, p, fz),
      warnings(ctx, byAddr, wn), ...(sup ? [lender(ctx, byAddr, p, lenders, sup)] : []), borrower(ctx, byAddr, p, bx));
  },
};
