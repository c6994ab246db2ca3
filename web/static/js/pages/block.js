// One block: its header fields and its transactions.

import { h, card, kv, link } from "../dom.js";
import { when } from "../fmt.js";

export default {
  id: "block",
  parent: "explorer",
  async render(root, ctx, [height]) {
    const { t } = ctx;
    const b = await ctx.api.get("/v1/blocks/" + encodeURIComponent(height));
    root.append(h("h1", null, t("block.title", b.height)), card(null, kv([
      [t("col.height"), String(b.height)],
      [t("col.hash"), b.hash],
      [t("col.time"), when(b.time)],
      [t("col.proposer"), b.proposer_address],
      [t("block.appHash"), b.app_hash],
      [t("col.txs"), String(b.num_txs)],
      b.height > 1 ? [t("block.prev"), link("block/" + (b.height - 1), String(b.height - 1))] : null,
    ])), card(t("explorer.txs"), h("ul", { class: "plain" },
      b.tx_hashes.map((x) => h("li", null, link("tx/" + x, x, { class: "mono" }))))));
  },
};
