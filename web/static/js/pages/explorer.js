// Network and explorer: the head, the validators with their voting power, blocks and
// transactions per second (live from the event stream), and blocks and transactions, newest
// first, paged.

import { h, clear, table, card, stat, link } from "../dom.js";
import { short, when } from "../fmt.js";
import { chartBox, draw } from "../charts.js";

const WINDOW = 30; // blocks the rates and the live chart look back over

// rates are blocks and transactions per second of block time over the recent blocks (newest
// first), as strings with two decimals.
export function rates(blocks) {
  if (blocks.length < 2) return { bps: "—", tps: "—" };
  const span = (Date.parse(blocks[0].time) - Date.parse(blocks[blocks.length - 1].time)) / 1000;
  if (span <= 0) return { bps: "—", tps: "—" };
  const txs = blocks.slice(0, -1).reduce((n, b) => n + b.num_txs, 0);
  return { bps: ((blocks.length - 1) / span).toFixed(2), tps: (txs / span).toFixed(2) };
}

function blockRows(t, blocks) {
  return table([
    { label: t("col.height"), cell: (b) => link("block/" + b.height, String(b.height)) },
    { label: t("col.time"), cell: (b) => when(b.time) },
    { label: t("col.txs"), num: true, cell: (b) => String(b.num_txs) },
    { label: t("col.proposer"), cell: (b) => short(b.proposer_address) },
  ], blocks, { id: "blocks-table" });
}

export function txRows(t, txs) {
  return table([
    { label: t("col.hash"), cell: (x) => link("tx/" + x.hash, short(x.hash)) },
    { label: t("col.height"), cell: (x) => link("block/" + x.height, String(x.height)) },
    { label: t("col.types"), cell: (x) => (x.types || []).join(", ") },
    { label: t("col.signer"), cell: (x) => (x.signer ? link("account/" + x.signer, short(x.signer)) : "") },
    { label: t("col.code"), cell: (x) => h("span", { class: x.code === 0 ? "ok" : "bad" }, String(x.code)) },
  ], txs, { id: "txs-table" });
}

// pager lists a paged endpoint: "newest" and "older" buttons around the rows.
function pager(ctx, id, path, key, rows) {
  const box = h("div", { id });
  let before = 0;
  const load = async () => {
    const page = await ctx.api.get(`${path}?limit=10${before ? "&before=" + before : ""}`);
    clear(box).append(rows(ctx.t, page[key]), h("div", { class: "pager" },
      h("button", { type: "button", disabled: before === 0, onclick: () => { before = 0; load(); } }, ctx.t("page.newest")),
      h("button", { type: "button", "data-older": id, disabled: !page.next, onclick: () => { before = page.next; load(); } }, ctx.t("page.older"))));
  };
  return { box, load, first: () => before === 0 };
}

export default {
  id: "explorer",
  nav: "nav.explorer",
  async render(root, ctx) {
    const { t, api } = ctx;
    const [status, validators, recent] = await Promise.all([api.get("/v1/status"), api.get("/v1/validators"),
      api.get(`/v1/blocks?limit=${WINDOW}`)]);
    const blocks = recent.blocks;
    const r = rates(blocks);
    const power = validators.reduce((n, v) => n + v.voting_power, 0);
    root.append(h("h1", null, t("explorer.title")),
      h("div", { class: "stats" },
        stat(t("stat.chain"), status.chain_id),
        stat(t("stat.height"), String(status.latest_block_height), "stat-height"),
        stat(t("stat.validators"), `${validators.length} · ${t("stat.power")} ${power}`),
        stat(t("stat.bps"), r.bps, "stat-bps"),
        stat(t("stat.tps"), r.tps, "stat-tps"),
        stat(t("stat.time"), when(status.latest_block_time), "stat-time")),
      card(t("explorer.live"), chartBox("chart-live", t("explorer.liveCaption"))),
      card(t("explorer.validators"), table([
        { label: t("col.address"), cell: (v) => v.address },
        { label: t("col.power"), num: true, cell: (v) => String(v.voting_power) },
      ], validators, { id: "validators-table" })));
    const blockList = pager(ctx, "blocks", "/v1/blocks", "blocks", blockRows);
    const txList = pager(ctx, "txs", "/v1/txs", "txs", txRows);
    root.append(h("div", { class: "cols" }, card(t("explorer.blocks"), blockList.box), card(t("explorer.txs"), txList.box)));
    await Promise.all([blockList.load(), txList.load()]);
    const window_ = blocks.slice(0, WINDOW).reverse(); // oldest first for the chart
    const chart = draw(ctx, "chart-live", "bar", window_.map((b) => String(b.height)),
      [{ label: t("explorer.txsPerBlock"), data: window_.map((b) => b.num_txs) }],
      { plugins: { legend: { display: false } }, scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } });
    if (chart) live(ctx, blocks, chart, blockList, txList);
  },
};

// live follows committed blocks through the event stream: the head, the rates, the chart and
// the first pages of the lists move with the chain.
function live(ctx, blocks, chart, blockList, txList) {
  const es = new EventSource("/v1/events?kind=block");
  ctx.onLeave(() => es.close());
  es.addEventListener("block", (ev) => {
    if (!ctx.current()) return;
    const b = JSON.parse(ev.data);
    blocks.unshift({ height: b.height, time: b.time, num_txs: b.num_txs });
    blocks.length = Math.min(blocks.length, WINDOW);
    const r = rates(blocks);
    document.getElementById("stat-height").textContent = String(b.height);
    document.getElementById("stat-bps").textContent = r.bps;
    document.getElementById("stat-tps").textContent = r.tps;
    document.getElementById("stat-time").textContent = when(b.time);
    chart.data.labels.push(String(b.height));
    chart.data.datasets[0].data.push(b.num_txs);
    if (chart.data.labels.length > WINDOW) {
      chart.data.labels.shift();
      chart.data.datasets[0].data.shift();
    }
    chart.update("none");
    if (blockList.first()) blockList.load().catch(() => {});
    if (b.num_txs > 0 && txList.first()) txList.load().catch(() => {});
  });
}
