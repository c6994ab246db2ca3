// A loan as the pages show it: its status, its credit assessment, its totals and its live
// schedule. Shared by the portfolio, daily work, borrower and loan pages.

import { h, table, kv, link } from "./dom.js";
import { money, short, when } from "./fmt.js";

export function status(t, s) {
  return h("span", { class: "badge st-" + s, "data-status": s }, t("status." + s));
}

export function reasons(loan) {
  return (loan.decision_reasons || []).join(", ") || "—";
}

export function schedule(t, loan) {
  if (!(loan.installments || []).length) return h("p", { class: "muted schedule-none" }, t("loan.noSchedule"));
  const m = (v) => money(v, loan.asset);
  return table([
    { label: "#", cell: (i) => String(i.n) },
    { label: t("col.due"), cell: (i) => i.due_date },
    { label: t("col.status"), cell: (i) => h("span", { class: "badge in-" + i.status }, t("inst." + i.status)) },
    { label: t("col.principal"), num: true, cell: (i) => m(i.principal) },
    { label: t("col.interest"), num: true, cell: (i) => m(i.interest) },
    { label: t("col.fee"), num: true, cell: (i) => m(i.fee) },
    { label: t("col.penalty"), num: true, cell: (i) => m(i.penalty) },
    { label: t("col.owed"), num: true, cell: (i) => m(i.owed) },
  ], loan.installments || [], { class: "schedule", "data-loan": loan.id });
}

export function summary(t, loan) {
  const m = (v) => money(v, loan.asset);
  return kv([
    [t("loan.status"), status(t, loan.status)],
    [t("loan.borrower"), link("account/" + loan.borrower, loan.borrower)],
    [t("loan.lender"), link("account/" + loan.lender, loan.lender)],
    [t("loan.product"), String(loan.product_id)],
    [t("loan.principal"), m(loan.principal)],
    [t("loan.periods"), String(loan.periods)],
    [t("loan.score"), String(loan.decision_score) + (loan.decision_band ? ` · ${loan.decision_band}` : "") + (loan.decision_model ? ` (${loan.decision_model} v${loan.decision_model_version || 0})` : "")],
    [t("loan.reasons"), reasons(loan)],
    loan.decision ? [t("loan.decision"), loan.decision] : null,
    [t("loan.outstanding"), m(loan.outstanding)],
    [t("loan.overdue"), m(loan.overdue)],
    [t("loan.dpd"), `${loan.dpd} · ${loan.bucket}`],
    [t("loan.repaid"), m(loan.principal_repaid)],
    [t("loan.interestPaid"), m(loan.interest_paid)],
    loan.written_off !== "0" ? [t("loan.writtenOff"), m(loan.written_off)] : null,
    loan.recovered !== "0" ? [t("loan.recovered"), m(loan.recovered)] : null,
    [t("loan.applied"), when(loan.applied_at)],
    loan.disbursed_at ? [t("loan.disbursed"), when(loan.disbursed_at)] : null,
  ]);
}

// list is a loan table; extra adds columns (the work page's actions).
export function list(t, loans, extra, attrs) {
  const m = (l, v) => money(v, l.asset);
  return table([
    { label: t("col.loan"), cell: (l) => link("loan/" + l.id, "#" + l.id) },
    { label: t("col.borrower"), cell: (l) => link("account/" + l.borrower, short(l.borrower)) },
    { label: t("col.status"), cell: (l) => status(t, l.status) },
    { label: t("col.bucket"), cell: (l) => (l.status === "active" || l.status === "defaulted" ? `${l.bucket} (${l.dpd})` : "") },
    { label: t("col.principal"), num: true, cell: (l) => m(l, l.principal) },
    { label: t("col.outstanding"), num: true, cell: (l) => m(l, l.outstanding) },
    { label: t("col.overdue"), num: true, cell: (l) => m(l, l.overdue) },
    ...(extra || []),
  ], loans, attrs);
}
