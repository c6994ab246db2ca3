// One loan: its terms, assessment, totals and live schedule.

import { h, card } from "../dom.js";
import { summary, schedule } from "../loans.js";

export default {
  id: "loan",
  parent: "portfolio",
  async render(root, ctx, [id]) {
    const loan = await ctx.api.get("/v1/lending/loans/" + encodeURIComponent(id));
    root.append(h("h1", null, ctx.t("loan.title", loan.id)), card(null, summary(ctx.t, loan)),
      card(ctx.t("loan.schedule"), schedule(ctx.t, loan)));
  },
};
