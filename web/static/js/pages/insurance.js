// Oracles and insurance: the data feeds with their latest answer and staleness and, for the
// chosen feed, the history of its rounds as a chart and a table (who reported what); the
// products; each insurer's pools with the capacity used and still free; an insured's
// policies; one claim.

import { h, card, kv, table, stat, link } from "../dom.js";
import { money, when } from "../fmt.js";
import { chartBox, draw } from "../charts.js";
import { members, withRole, who, params, route, lookup, badge } from "../links.js";

const ppm = (v) => share(String(v), "1000000"); // parts per million as a percentage

function feeds(ctx, byAddr, all, chosen, p) {
  const { t } = ctx;
  return table([
    { label: t("ins.feed"), cell: (f) => link(route("insurance", p, "feed", f.id), f.id, { "data-feed": f.id }) },
    { label: t("ins.description"), cell: (f) => f.description || "" },
    { label: t("ins.latest"), num: true, cell: (f) => h("span", { "data-latest": f.id }, f.latest ? `${f.latest} ${f.unit}` : "—") },
    { label: t("col.status"), cell: (f) => badge(f.latest_status, t("feedst." + f.latest_status)) },
    { label: t("ins.round"), num: true, cell: (f) => String(f.latest_round || "—") },
    { label: t("ins.heartbeat"), num: true, cell: (f) => t("ins.seconds", f.heartbeat_seconds) },
    { label: t("ins.quorum"), num: true, cell: (f) => `${f.min_submissions} / ${f.reporters.length}` },
    { label: t("ins.registeredBy"), cell: (f) => who(byAddr, f.registered_by) },
  ], all, { id: "feeds" });
}

function rounds(ctx, byAddr, feed, list) {
  const { t } = ctx;
  return table([
    { label: t("ins.round"), num: true, cell: (r) => String(r.id) },
    { label: t("col.status"), cell: (r) => badge(r.status, t("roundst." + r.status)) },
    { label: t("ins.answer"), num: true, cell: (r) => (r.answer ? `${r.answer} ${feed.unit}` : "—") },
    { label: t("ins.opened"), cell: (r) => when(r.opened_at) },
    { label: t("ins.closed"), cell: (r) => when(r.closed_at) },
    { label: t("ins.reports"), cell: (r) => r.submissions.flatMap((s, i) => [i ? "; " : "", who(byAddr, s.reporter), `: ${s.value}`]) },
  ], list, { id: "rounds" });
}

// drawRounds charts the answers of the closed rounds, oldest first; a stale round (the
// previous answer carried forward) is drawn as a hollow point.
// The triggers of the parametric products on the feed whose index is in the feed's unit (no
// reference, not a sum) are drawn as dashed lines, so one sees which rounds were beyond them.
function drawRounds(ctx, feed, list, prods) {
  const closed = list.filter((r) => r.answer).reverse();
  const triggers = [...new Set(prods.filter((x) => x.feed_id === feed.id && !x.reference && x.index !== "sum").map((x) => x.trigger))];
  draw(ctx, "chart-rounds", "line", closed.map((r) => "#" + r.id), [{
    label: `${feed.id} (${feed.unit})`, data: closed.map((r) => Number(r.answer)), keys: closed.map((r) => r.status),
    pointStyle: closed.map((r) => (r.status === "stale" ? "crossRot" : "circle")), pointRadius: 5,
  }, ...triggers.map((tr) => ({ label: ctx.t("ins.triggerLine", Number(tr)), data: closed.map(() => Number(tr)), borderDash: [6, 4], pointRadius: 0 }))],
  { plugins: { legend: { display: true } }, scales: { y: { beginAtZero: true, title: { display: true, text: feed.unit } } } });
}

function products(ctx, byAddr, list) {
  const { t } = ctx;
  const index = (x) => (x.kind === "parametric" ? `${t("idx." + x.index)} ${x.feed_id} ${t("dir." + x.direction)} ${x.trigger} → ${x.exit}${x.reference ? " ÷ " + x.reference : ""}` : t("ins.indemnity"));
  return table([
    { label: "#", cell: (x) => x.id },
    { label: t("cs.name"), cell: (x) => x.name },
    { label: t("ins.insurer"), cell: (x) => who(byAddr, x.insurer) },
    { label: t("ins.cover"), cell: (x) => x.cover },
    { label: t("ins.trigger"), cell: (x) => index(x) },
    { label: t("ins.premium"), num: true, cell: (x) => ppm(x.premium_rate_ppm) },
    { label: t("ins.sale"), cell: (x) => `${when(x.sale_start)} – ${when(x.sale_end)}` },
    { label: t("ins.risk"), cell: (x) => `${when(x.risk_start)} – ${when(x.risk_end)}` },
    { label: t("ins.policies"), num: true, cell: (x) => String(x.policies) },
    { label: t("ins.index"), num: true, cell: (x) => (x.index_fixed ? x.index_value : t("ins.notFixed")) },
  ], list, { id: "products" });
}

// share is part ÷ whole as a percentage with two decimals (rounded down), in integers.
function share(part, whole) {
  if (BigInt(whole) <= 0n) return "—";
  const bp = (BigInt(part) * 10000n) / BigInt(whole);
  return `${bp / 100n}.${String(bp % 100n).padStart(2, "0")}%`;
}

function pool(t, x) {
  const used = share(x.exposure, x.balance);
  return h("div", { class: "stats", "data-pool": `${x.insurer}/${x.asset}` },
    stat(t("ins.balance"), money(x.balance, x.asset)),
    stat(t("ins.exposure"), money(x.exposure, x.asset), `pool-exposure-${x.insurer}-${x.asset}`),
    stat(t("ins.free"), money(x.free, x.asset), `pool-free-${x.insurer}-${x.asset}`),
    stat(t("ins.usedShare"), used),
    stat(t("ins.funded"), money(x.funded, x.asset)), stat(t("ins.premiums"), money(x.premiums, x.asset)),
    stat(t("ins.payouts"), money(x.payouts, x.asset)), stat(t("ins.withdrawals"), money(x.withdrawals, x.asset)));
}

async function pools(ctx, byAddr) {
  const { t, api } = ctx;
  const insurers = withRole(byAddr, "insurer");
  const all = await Promise.all(insurers.map((m) => api.get(`/v1/insurance/insurers/${m.address}/pools`)));
  return card(t("ins.pools"), insurers.flatMap((m, i) => [h("h3", null, who(byAddr, m.address)),
    all[i].length ? all[i].map((x) => [h("p", { class: "muted" }, t("pf.asset", x.asset)), pool(t, x)]) : h("p", { class: "muted" }, "—")]));
}

function policies(ctx, byAddr, list) {
  const { t } = ctx;
  return table([
    { label: "#", cell: (x) => x.id },
    { label: t("ins.product"), cell: (x) => "#" + x.product_id },
    { label: t("ins.insurer"), cell: (x) => who(byAddr, x.insurer) },
    { label: t("ins.sumInsured"), num: true, cell: (x) => money(x.sum_insured, x.asset) },
    { label: t("ins.premiumPaid"), num: true, cell: (x) => money(x.premium, x.asset) },
    { label: t("ins.paid"), num: true, cell: (x) => money(x.paid, x.asset) },
    { label: t("ins.toLoan"), num: true, cell: (x) => (x.loan_id ? [link("loan/" + x.loan_id, "#" + x.loan_id), " ", money(x.paid_to_loan, x.asset)] : "—") },
    { label: t("ins.riskEnd"), cell: (x) => when(x.risk_end) },
    { label: t("col.status"), cell: (x) => badge(x.status, t("polst." + x.status)) },
  ], list, { id: "policies" });
}

function claim(ctx, byAddr, c) {
  const { t } = ctx;
  return h("div", { id: "claim" }, kv([
    [t("col.status"), badge(c.status, t("claimst." + c.status))], [t("ins.policy"), "#" + c.policy_id],
    [t("scf.amount"), money(c.amount, c.asset)], [t("ins.approved"), money(c.approved, c.asset)],
    [t("ins.evidence"), h("span", { class: "mono" }, c.evidence_hash)], [t("ins.filed"), when(c.filed_at)],
    [t("ins.decideBy"), when(c.decide_by)], c.decided_at ? [t("ins.decided"), [when(c.decided_at), " · ", who(byAddr, c.decided_by)]] : null,
    c.reason ? [t("work.reason"), c.reason] : null,
  ]));
}

export default {
  id: "insurance",
  nav: "nav.insurance",
  async render(root, ctx, args) {
    const { t, api } = ctx;
    const p = params(args);
    const [byAddr, all, prods] = await Promise.all([members(api), api.get("/v1/oracle/feeds"), api.get("/v1/insurance/products")]);
    const feed = all.find((f) => f.id === p.feed) || all[0];
    root.append(h("h1", null, t("ins.title")), card(t("ins.feeds"), feeds(ctx, byAddr, all, feed, p)));
    if (feed) {
      const list = await api.get(`/v1/oracle/feeds/${encodeURIComponent(feed.id)}/rounds`);
      root.append(card(t("ins.history", feed.id), h("div", { class: "cols" }, chartBox("chart-rounds", t("ins.historyCaption")), rounds(ctx, byAddr, feed, list))));
      drawRounds(ctx, feed, list, prods);
    }
    root.append(card(t("ins.products"), products(ctx, byAddr, prods)), await pools(ctx, byAddr));
    const mine = p.insured ? await api.get(`/v1/insurance/insured/${encodeURIComponent(p.insured)}/policies`) : null;
    // A claim that does not exist is said in its card; the rest of the page stands.
    const c = p.claim ? await api.get(`/v1/insurance/claims/${encodeURIComponent(p.claim)}`).catch((e) => ({ missing: e })) : null;
    root.append(card(t("ins.policiesOf"), lookup(ctx, "insured-addr", t("col.address"), p.insured, (v) => route("insurance", p, "insured", v.toLowerCase()), { size: 44 }),
      mine ? [h("p", null, who(byAddr, p.insured)), policies(ctx, byAddr, mine)] : null),
    card(t("ins.claim"), lookup(ctx, "claim-id", t("ins.claimId"), p.claim, (v) => route("insurance", p, "claim", v)),
      c && c.missing ? h("p", { class: "muted", id: "claim-missing" }, c.missing.message) : c ? claim(ctx, byAddr, c) : null));
  },
};
