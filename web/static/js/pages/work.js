// Daily work for a member, signed in with its node's operator token: the applications waiting
// for a decision (score, band, reasons), approve or reject with a reason, disburse, record a
// repayment. The node signs each action with its operator key; the page shows the committed
// result code and the loan's new state.

import { h, clear, card, kv, link, errorBox } from "../dom.js";
import { parseAmount, scaleOf, short } from "../fmt.js";
import { list, reasons, status } from "../loans.js";

function signIn(ctx, root) {
  const { t, api } = ctx;
  const input = h("input", { type: "password", id: "token", autocomplete: "off", "aria-label": t("work.token"), placeholder: t("work.token") });
  const msg = h("div");
  const form = h("form", { id: "signin", class: "signin", onsubmit: async (e) => {
    e.preventDefault();
    api.setToken(input.value.trim());
    input.value = "";
    try {
      await api.operatorKey();
      ctx.go("work");
      window.dispatchEvent(new HashChangeEvent("hashchange"));
    } catch (err) {
      api.signOut();
      clear(msg).append(errorBox(err));
    }
  } }, input, h("button", { type: "submit", id: "signin-go" }, t("work.signIn")));
  root.append(h("h1", null, t("work.title")), card(t("work.signInTitle"), h("p", null, t("work.signInNote")), form, msg));
}

// act submits one message through the operator, then shows the result code and the loan's
// new state, and reloads the queues.
async function act(ctx, out, loanId, what, msg, reload) {
  const { t, api } = ctx;
  clear(out).append(h("p", { class: "muted" }, t("work.sending")));
  try {
    const r = await api.operatorTx([msg]);
    const loan = await api.get("/v1/lending/loans/" + loanId);
    clear(out).append(card(t("work.result"), kv([
      [t("work.action"), `${what} #${loanId}`],
      [t("col.code"), h("span", { class: r.code === 0 ? "ok" : "bad", id: "result-code" }, r.code === 0 ? `0 · ${t("tx.ok")}` : `${r.code} · ${r.codespace || ""}`)],
      r.code !== 0 && r.log ? [t("tx.log"), r.log] : null,
      [t("col.hash"), link("tx/" + r.hash, r.hash, { class: "mono" })],
      [t("work.newState"), h("span", { id: "result-state" }, status(t, loan.status))],
    ])));
  } catch (err) {
    clear(out).append(errorBox(err));
  }
  await reload();
}

function queues(ctx, loans, out, reload) {
  const { t } = ctx;
  const by = (s) => loans.loans.filter((l) => s.includes(l.status));
  const decide = (l, approve) => {
    const reason = document.getElementById("reason-" + l.id).value.trim();
    return act(ctx, out, l.id, t(approve ? "work.approve" : "work.reject"),
      { decideLoan: { loanId: String(l.id), approve, reason } }, reload);
  };
  const repay = (l) => {
    const field = document.getElementById("amount-" + l.id);
    const amount = parseAmount(field.value, scaleOf(l.asset) ?? 0);
    if (!amount) {
      clear(out).append(errorBox(new Error(t("work.badAmount"))));
      return;
    }
    return act(ctx, out, l.id, t("work.repay"), { repayLoan: { loanId: String(l.id), amount } }, reload);
  };
  const apps = list(t, by(["applied"]), [
    { label: t("loan.score"), num: true, cell: (l) => String(l.decision_score) },
    { label: t("work.band"), cell: (l) => h("span", { class: "band" }, l.decision_band || "—") },
    { label: t("loan.reasons"), cell: (l) => reasons(l) },
    { label: t("work.decide"), cell: (l) => h("div", { class: "actions" },
      h("input", { id: "reason-" + l.id, placeholder: t("work.reason"), "aria-label": t("work.reason") }),
      h("button", { type: "button", "data-approve": l.id, onclick: () => decide(l, true) }, t("work.approve")),
      h("button", { type: "button", class: "danger", "data-reject": l.id, onclick: () => decide(l, false) }, t("work.reject"))) },
  ], { id: "queue" });
  const approved = list(t, by(["approved"]), [
    { label: t("work.disburse"), cell: (l) => h("button", { type: "button", "data-disburse": l.id,
      onclick: () => act(ctx, out, l.id, t("work.disburse"), { disburseLoan: { loanId: String(l.id) } }, reload) }, t("work.disburse")) },
  ], { id: "to-disburse" });
  const open = list(t, by(["active", "defaulted"]), [
    { label: t("work.repay"), cell: (l) => h("div", { class: "actions" },
      h("input", { id: "amount-" + l.id, inputmode: "decimal", placeholder: "0.00", "aria-label": t("work.amount"), size: 8 }),
      h("button", { type: "button", "data-repay": l.id, onclick: () => repay(l) }, t("work.repay"))) },
  ], { id: "to-repay" });
  return [card(t("work.queue", by(["applied"]).length), apps), card(t("work.toDisburse"), approved), card(t("work.open"), open)];
}

export default {
  id: "work",
  nav: "nav.work",
  async render(root, ctx) {
    const { t, api } = ctx;
    if (!api.token()) return signIn(ctx, root);
    let op;
    try {
      op = await api.operatorKey();
    } catch (err) {
      api.signOut();
      signIn(ctx, root);
      root.append(errorBox(err));
      return;
    }
    const member = (await api.get("/v1/members")).find((m) => m.address === op.address);
    const out = h("div", { id: "work-result" });
    const body = h("div");
    const reload = async () => {
      const loans = await api.get(`/v1/lending/lenders/${op.address}/loans`);
      if (ctx.current()) clear(body).append(...queues(ctx, loans, out, reload));
    };
    root.append(h("h1", null, t("work.title")), h("p", null, t("work.as"), " ", link("account/" + op.address, member ? `${member.name} (${short(op.address)})` : short(op.address), { id: "operator" }), " ",
      h("button", { type: "button", class: "small", id: "signout", onclick: () => { api.signOut(); window.dispatchEvent(new HashChangeEvent("hashchange")); } }, t("work.signOut"))),
    out, body);
    await reload();
  },
};
