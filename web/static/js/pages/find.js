// What a bare number (or any other text) names: a block height, a loan id, or nothing.

import { h, card, link } from "../dom.js";

export default {
  id: "find",
  parent: "explorer",
  async render(root, ctx, [q]) {
    const { t, api } = ctx;
    const found = [];
    if (/^\d+$/.test(q) && Number(q) > 0) {
      // A height above the head is no block: no need to ask (and log a 404) for it.
      const status = await api.get("/v1/status");
      const block = Number(q) <= status.latest_block_height;
      const loan = await api.getOr("/v1/lending/loans/" + q, null);
      if (block) found.push(link("block/" + q, t("find.block", q), { "data-kind": "block" }));
      if (loan) found.push(link("loan/" + q, t("find.loan", q, loan.status), { "data-kind": "loan" }));
    }
    root.append(h("h1", null, t("find.title", q)), card(null, found.length
      ? h("ul", { class: "plain", id: "found" }, found.map((f) => h("li", null, f)))
      : h("p", { class: "muted", id: "found" }, t("find.none"))));
  },
};
