// One committed transaction: result code, signer, messages and events.

import { h, card, kv, link, table } from "../dom.js";

export default {
  id: "tx",
  parent: "explorer",
  async render(root, ctx, [hash]) {
    const { t } = ctx;
    const x = await ctx.api.get("/v1/txs/" + encodeURIComponent(hash));
    const ok = x.code === 0;
    root.append(h("h1", null, t("tx.title")), card(null, kv([
      [t("col.hash"), h("span", { class: "mono", id: "tx-hash" }, x.hash)],
      [t("col.height"), link("block/" + x.height, String(x.height))],
      [t("tx.index"), String(x.index)],
      [t("col.code"), h("span", { class: ok ? "ok" : "bad", id: "tx-code" }, ok ? `0 · ${t("tx.ok")}` : `${x.code} · ${x.codespace || ""}`)],
      x.log && !ok ? [t("tx.log"), x.log] : null,
      [t("col.signer"), link("account/" + x.signer, x.signer)],
      [t("tx.nonce"), String(x.nonce)],
      x.memo ? [t("tx.memo"), x.memo] : null,
    ])), card(t("tx.messages"), ...x.messages.map((m) => h("pre", { class: "json" }, JSON.stringify(m, null, 2)))),
    card(t("tx.events"), table([
      { label: t("col.type"), cell: (e) => e.type },
      { label: t("tx.attributes"), cell: (e) => h("ul", { class: "plain" }, e.attributes.map((a) => h("li", null, h("b", null, a.key), " = ", a.value))) },
    ], x.events || [], { id: "tx-events" })));
  },
};
