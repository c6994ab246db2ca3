// The console's pages. `pages` are in the menu, in this order; `details` are reached by links
// and the search box. A page is { id, nav (its menu label's i18n key), render(root, ctx, args) }.
// To add a module's page: write pages/<name>.js, import it here, add it to `pages`, and add
// its labels to i18n.js (see the package doc of web).

import explorer from "./explorer.js";
import portfolio from "./portfolio.js";
import work from "./work.js";
import borrower from "./borrower.js";
import consortium from "./consortium.js";
import scf from "./scf.js";
import insurance from "./insurance.js";
import compliance from "./compliance.js";
import account from "./account.js";
import tx from "./tx.js";
import block from "./block.js";
import loan from "./loan.js";
import find from "./find.js";
import trusts, { trustDetail, donorTrace } from "./trust.js";
import assets from "./assets.js";

export const pages = [explorer, portfolio, work, borrower, scf, insurance, compliance, trusts, assets, consortium];

export const details = [account, tx, block, loan, find, trustDetail, donorTrace];
