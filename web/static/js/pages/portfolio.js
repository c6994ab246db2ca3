// A lender's portfolio: GLP, PAR1/30/60/90, arrears rate and write-off ratio by asset; loans
// by status and by delinquency bucket; the loan list with each loan's live schedule.

import { h, clear, card, stat, link } from "../dom.js";
import { money, minor, pct, short, scaleOf } from "../fmt.js";
import { chartBox, draw } from "../charts.js";
import { list, schedule } from "../loans.js";

// lenders are the members that may lend (banks and MFIs).
export async function lenders(api) {
  const members = await api.get("/v1/members");
  return members.filter((m) => (m.roles || []).some((r) => r === "bank" || r === "mfi"));
}

function chooser(ctx, all, current) {
  const sel = h("select", { id: "lender", "aria-label": ctx.t("pf.lender"),
    onchange: (e) => ctx.go("portfolio/" + e.target.value) },
  all.map((m) => h("option", { value: m.address, selected: m.address === current }, `${m.name} (${short(m.address)})`)));
  return h("label", { class: "inline" }, ctx.t("pf.lender"), " ", sel);
}

function assetStats(t, a) {
  return card(t("pf.asset", a.asset), h("div", { class: "stats", "data-asset": a.asset },
    stat(t("pf.glp"), money(a.gross_loan_portfolio, a.asset), "glp-" + a.asset),
    stat(t("pf.loans"), String(a.loans)),
    stat("PAR1", pct(a.par1)), stat("PAR30", pct(a.par30), "par30-" + a.asset),
    stat("PAR60", pct(a.par60)), stat("PAR90", pct(a.par90)),
    stat(t("pf.arrears"), pct(a.arrears_rate)),
    stat(t("pf.writeOffRatio"), pct(a.write_off_ratio)),
    stat(t("pf.writtenOff"), money(a.written_off, a.asset)),
    stat(t("pf.recovered"), money(a.recovered, a.asset))));
}

// counts turns a {label: n} map into sorted labels and their counts.
function counts(m, order) {
  const labels = Object.keys(m || {}).sort((a, b) => order(a) - order(b) || a.localeCompare(b));
  return { labels, data: labels.map((k) => m[k]) };
}

function bucketOrder(b) {
  return b === "current" ? -1 : parseInt(b, 10);
}

const statusOrder = ["applied", "approved", "funding", "active", "defaulted", "closed", "written_off", "rejected", "expired"];

function drawCharts(ctx, pf, loans) {
  const { t } = ctx;
  const risk = ["par1", "par30", "par60", "par90", "arrears_rate"];
  draw(ctx, "chart-par", "bar", ["PAR1", "PAR30", "PAR60", "PAR90", t("pf.arrears")],
    pf.assets.map((a) => ({ label: a.asset, data: risk.map((k) => Number(a[k])) })),
    { scales: { y: { beginAtZero: true, title: { display: true, text: "%" } } } });
  const st = counts(loans.by_status, (s) => statusOrder.indexOf(s));
  draw(ctx, "chart-status", "bar", st.labels.map((s) => t("status." + s)), [{ label: t("pf.byStatus"), data: st.data, keys: st.labels }],
    { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
  const bk = counts(loans.by_bucket, bucketOrder);
  draw(ctx, "chart-bucket", "doughnut", bk.labels, [{ label: t("pf.byBucket"), data: bk.data, keys: bk.labels }]);
}

// drawHistory charts GLP (left axis) and PAR30 (right axis, %) over the business days the
// chain recorded. GLP is plotted in minor units (exact as a number below 2^53) and its ticks
// and tooltips are formatted from the integer, so no amount is rounded through a float.
function drawHistory(ctx, hist) {
  const { t } = ctx;
  const a = hist.assets.find((x) => x.points.length) || { asset: "", points: [] };
  const sc = scaleOf(a.asset) ?? 0;
  const units = (v) => minor(String(Math.round(v)), sc);
  draw(ctx, "chart-history", "line", a.points.map((p) => p.date), [
    { label: `${t("pf.glp")} (${a.asset})`, data: a.points.map((p) => Number(p.gross_loan_portfolio)), yAxisID: "y", asset: a.asset },
    { label: "PAR30 (%)", data: a.points.map((p) => Number(p.par30)), yAxisID: "y1" },
  ], {
    scales: {
      y: { beginAtZero: true, position: "left", ticks: { precision: 0, callback: units } },
      y1: { beginAtZero: true, position: "right", grid: { drawOnChartArea: false } },
    },
    plugins: { tooltip: { callbacks: { label: (c) => (c.datasetIndex === 0 ? `${c.dataset.label}: ${units(c.raw)}` : `PAR30: ${c.raw}%`) } } },
  });
}

function loanList(ctx, loans) {
  const { t } = ctx;
  const box = h("div", { id: "schedule-box" });
  const show = (l) => clear(box).append(h("h3", null, t("loan.title", l.id)), schedule(t, l));
  return [h("p", { class: "muted" }, t("pf.showing", loans.loans.length, loans.total)),
    list(t, loans.loans, [{ label: t("col.schedule"), cell: (l) => h("button", { type: "button", class: "small", "data-schedule": l.id, onclick: () => show(l) }, t("pf.schedule")) }],
      { id: "pf-loans" }), box];
}

export default {
  id: "portfolio",
  nav: "nav.portfolio",
  async render(root, ctx, [addr]) {
    const { t, api } = ctx;
    const all = await lenders(api);
    const lender = addr || (all[0] && all[0].address);
    root.append(h("h1", null, t("pf.title")), chooser(ctx, all, lender));
    if (!lender) return;
    const [pf, loans, hist] = await Promise.all([api.get("/v1/lending/portfolios/" + lender),
      api.get(`/v1/lending/lenders/${lender}/loans`), api.get(`/v1/lending/portfolios/${lender}/history`)]);
    root.append(h("p", null, link("account/" + lender, lender, { class: "mono" })));
    if (!pf.assets.length) root.append(card(null, h("p", { class: "muted" }, t("pf.empty"))));
    pf.assets.forEach((a) => root.append(assetStats(t, a)));
    root.append(card(t("pf.history"), chartBox("chart-history", t("pf.historyCaption"))),
      h("div", { class: "cols3" },
      card(t("pf.risk"), chartBox("chart-par", t("pf.riskCaption"))),
      card(t("pf.byStatus"), chartBox("chart-status", t("pf.byStatus"))),
      card(t("pf.byBucket"), chartBox("chart-bucket", t("pf.byBucket")))),
    card(t("pf.loanList"), ...loanList(ctx, loans)));
    drawCharts(ctx, pf, loans);
    drawHistory(ctx, hist);
  },
};
