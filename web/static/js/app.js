// The console's shell: the menu, the search box, the language switch and the router. A route
// is the part of the URL after "#/": "<page>/<arg>…"; it never carries a secret.

import * as api from "./api.js";
import { h, clear, errorBox } from "./dom.js";
import { t, lang, setLang, applyStatic } from "./i18n.js";
import { loadAssets } from "./fmt.js";
import { pages, details } from "./pages/index.js";

const main = document.getElementById("main");
let leaving = []; // what the current page must undo when another replaces it (event streams)
let shown = 0; // render generation: a slow page that finishes late must not draw over a newer one

function route() {
  const parts = location.hash.replace(/^#\/?/, "").split("/").filter(Boolean).map(decodeURIComponent);
  const id = parts.shift() || pages[0].id;
  return { page: [...pages, ...details].find((p) => p.id === id), args: parts };
}

function drawNav(current) {
  const nav = clear(document.getElementById("nav"));
  for (const p of pages) {
    const attrs = { href: "#/" + p.id, "data-page": p.id };
    if (current === p.id) attrs["aria-current"] = "page";
    nav.append(h("a", attrs, t(p.nav)));
  }
}

async function show() {
  const gen = ++shown;
  for (const undo of leaving.splice(0)) undo();
  const { page, args } = route();
  const id = page ? page.id : "";
  drawNav(page && page.nav ? id : page && page.parent);
  clear(main);
  main.removeAttribute("data-ready");
  const root = h("div", { class: "page", "data-page": id });
  main.append(root);
  const ctx = {
    api, t, args,
    go: (r) => { location.hash = "#/" + r; },
    onLeave: (f) => leaving.push(f),
    current: () => gen === shown,
  };
  try {
    if (!page) throw new Error(t("err.noPage"));
    await loadAssets(api.get);
    await page.render(root, ctx, args);
  } catch (e) {
    if (gen === shown) root.append(errorBox(e));
  }
  if (gen === shown) {
    main.setAttribute("data-ready", id);
    // The first page drawn marks the console's time to first render (read by its tests).
    if (!performance.getEntriesByName("console-ready").length) performance.mark("console-ready");
  }
}

// search sends what was typed to the page that shows it: an address, a transaction hash,
// "loan N" / "block N", or a bare number (which may be either, so the finder asks).
function search(ev) {
  ev.preventDefault();
  const box = document.getElementById("q");
  const q = box.value.trim();
  box.value = "";
  if (!q) return;
  let m;
  if (/^[0-9a-fA-F]{40}$/.test(q)) location.hash = "#/account/" + q.toLowerCase();
  else if (/^[0-9a-fA-F]{64}$/.test(q)) location.hash = "#/tx/" + q.toUpperCase();
  else if ((m = /^(?:loan|贷款|l)\s*#?\s*(\d+)$/i.exec(q))) location.hash = "#/loan/" + m[1];
  else if ((m = /^(?:block|区块|b|h)\s*#?\s*(\d+)$/i.exec(q))) location.hash = "#/block/" + m[1];
  else location.hash = "#/find/" + encodeURIComponent(q);
}

function switchLang() {
  setLang(lang() === "zh" ? "en" : "zh");
  applyStatic();
  show();
}

document.getElementById("search").addEventListener("submit", search);
document.getElementById("lang").addEventListener("click", switchLang);
window.addEventListener("hashchange", show);
applyStatic();
show();
