// An account: roles, KYC, balances and holds, its loans, and the proof of its state with the
// command that checks that proof independently of this node.

import { h, card, kv, table, link } from "../dom.js";
import { money, when } from "../fmt.js";
import { list } from "../loans.js";

function hex(b64) {
  if (!b64) return "";
  return Array.from(atob(b64), (c) => c.charCodeAt(0).toString(16).padStart(2, "0")).join("").toUpperCase();
}

// verifyCommand is what a user runs to check the proof against the validators' signatures.
export function verifyCommand(addr) {
  return `puhui verify --file proof-${addr}.json --genesis genesis.json   # the file downloaded below\n` +
    `puhui verify ${addr} --genesis genesis.json --node http://NODE:26657   # fetched afresh from any node`;
}

function proofCard(ctx, acc) {
  const t = ctx.t;
  const blob = new Blob([JSON.stringify(acc, null, 2)], { type: "application/json" });
  const url = URL.createObjectURL(blob);
  ctx.onLeave(() => URL.revokeObjectURL(url));
  return card(t("acc.proof"),
    kv([
      [t("acc.proofHeight"), String(acc.height)],
      [t("acc.appHash"), h("span", { class: "mono" }, hex(acc.app_hash))],
      [t("acc.entries"), String((acc.proofs || []).length)],
      [t("acc.checkedAt"), t("acc.checkedAtNote", acc.height + 1)],
    ]),
    h("p", null, t("acc.verifyNote")),
    h("pre", { class: "cmd", id: "verify-cmd" }, verifyCommand(acc.address)),
    h("a", { href: url, download: `proof-${acc.address}.json`, class: "button" }, t("acc.download")));
}

export default {
  id: "account",
  parent: "explorer",
  async render(root, ctx, [addr]) {
    const { t, api } = ctx;
    // Members come from the list: probing /v1/members/{address} would 404 for every person.
    const [acc, kyc, members, loans] = await Promise.all([
      api.get(`/v1/accounts/${encodeURIComponent(addr)}?prove=true`),
      api.getOr(`/v1/accounts/${encodeURIComponent(addr)}/kyc`, null),
      api.get("/v1/members"),
      api.getOr(`/v1/lending/borrowers/${encodeURIComponent(addr)}`, null),
    ]);
    const member = members.find((m) => m.address === acc.address);
    root.append(h("h1", null, member ? member.name : t("acc.title")), card(null, kv([
      [t("col.address"), h("span", { class: "mono", id: "acc-address" }, acc.address)],
      [t("acc.roles"), (acc.roles || []).join(", ") || "—"],
      [t("acc.kyc"), kyc ? `${kyc.level}${kyc.attested ? " · " + t("acc.attested") + (kyc.expires_at ? " → " + when(kyc.expires_at) : "") : ""}` : String(acc.kyc_level)],
      acc.sponsor ? [t("acc.sponsor"), link("account/" + acc.sponsor, acc.sponsor)] : null,
      [t("acc.nonce"), String(acc.nonce)],
      [t("acc.frozen"), acc.frozen ? t("yes") : t("no")],
    ])), card(t("acc.balances"), table([
      { label: t("col.asset"), cell: (b) => b.asset },
      { label: t("acc.available"), num: true, cell: (b) => money(b.available, b.asset) },
      { label: t("acc.held"), num: true, cell: (b) => money(b.held, b.asset) },
    ], acc.balances || [], { id: "balances" })));
    if (loans && loans.loans.length) root.append(card(t("acc.loans"), list(t, loans.loans)));
    root.append(proofCard(ctx, acc));
  },
};
