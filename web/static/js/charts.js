// Charts through the vendored Chart.js (window.Chart, loaded before the modules). A chart's
// data is what the API said, as numbers only where Chart.js needs them: ratios and counts,
// never money amounts shown as text.

import { h } from "./dom.js";

const palette = ["#c0392b", "#2471a3", "#229954", "#d68910", "#7d3c98", "#17a589", "#839192", "#ba4a00", "#2e4053"];

// chartBox is a canvas in a sized box (Chart.js needs the box to size itself).
export function chartBox(id, title) {
  return h("figure", { class: "chart" }, title ? h("figcaption", null, title) : null,
    h("div", { class: "chart-area" }, h("canvas", { id, role: "img", "aria-label": title || id })));
}

// draw makes a chart on the canvas with this id, replacing any chart already there, and
// destroys it when the page is left. It answers null if the page was left meanwhile.
export function draw(ctx, id, type, labels, datasets, options) {
  const canvas = document.getElementById(id);
  // A page replaced while it was still loading draws nothing.
  if (!canvas || !ctx.current()) return null;
  const old = window.Chart.getChart(canvas);
  if (old) old.destroy();
  const chart = new window.Chart(canvas, {
    type,
    data: {
      labels,
      datasets: datasets.map((d, i) => ({
        backgroundColor: type === "doughnut" ? palette : palette[i % palette.length],
        borderColor: palette[i % palette.length],
        ...d,
      })),
    },
    options: { animation: false, responsive: true, maintainAspectRatio: false, ...(options || {}) },
  });
  ctx.onLeave(() => chart.destroy());
  return chart;
}
