// The supply-chain graph of a root certificate as an SVG picture built node by node with
// createElementNS (never from a string): one column per tier, left to right (the issuer at
// tier 0); a box per account that held a part; an arrow per passing, labelled with the face
// passed, how (issued, transferred, financed) and the certificate's id.

const NS = "http://www.w3.org/2000/svg";
const COL = 320, BOX_W = 190, BOX_H = 46, ROW = 92, PAD = 24;

function el(tag, attrs, ...children) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs || {})) if (v !== undefined && v !== null) e.setAttribute(k, String(v));
  for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
  return e;
}

// layout places each node: x by tier, y by its order within the tier (suppliers first).
function layout(nodes) {
  const byTier = new Map();
  for (const n of nodes) {
    if (!byTier.has(n.tier)) byTier.set(n.tier, []);
    byTier.get(n.tier).push(n);
  }
  const pos = new Map();
  let rows = 1;
  for (const [tier, list] of byTier) {
    list.sort((a, b) => (a.role === "funder") - (b.role === "funder"));
    list.forEach((n, i) => pos.set(n.address, { x: PAD + tier * COL, y: PAD + 18 + i * ROW }));
    rows = Math.max(rows, list.length);
  }
  const tiers = Math.max(0, ...nodes.map((n) => n.tier)) + 1;
  return { pos, width: PAD * 2 + (tiers - 1) * COL + BOX_W + 40, height: PAD * 2 + 18 + (rows - 1) * ROW + BOX_H + 8 };
}

// edgePath joins the right side of one box to the left of the next tier's, or, within one
// tier (a funder buying from a holder of its tier), loops round their right sides.
function edgePath(a, b) {
  const ay = a.y + BOX_H / 2, by = b.y + BOX_H / 2;
  if (b.x > a.x) {
    const x1 = a.x + BOX_W, x2 = b.x - 6, mx = (x1 + x2) / 2;
    return { d: `M${x1},${ay} C${mx},${ay} ${mx},${by} ${x2},${by}`, lx: mx, ly: (ay + by) / 2 };
  }
  const x = a.x + BOX_W, bulge = x + 48;
  return { d: `M${x},${ay} C${bulge},${ay} ${bulge},${by} ${x + 6},${by}`, lx: bulge - 8, ly: (ay + by) / 2 };
}

// supplyChainGraph draws graph (the API's nodes and edges); name(address) gives a label,
// amount(face) the face as text, label(key) the translated words.
export function supplyChainGraph(graph, { name, amount, label }) {
  const { pos, width, height } = layout(graph.nodes);
  const svg = el("svg", { id: "scf-graph", class: "graph", viewBox: `0 0 ${width} ${height}`, width, height, role: "img",
    "aria-label": label("scf.graph"), "data-root": graph.root_id });
  svg.append(el("defs", null, el("marker", { id: "arrow", viewBox: "0 0 10 10", refX: 9, refY: 5, markerWidth: 7, markerHeight: 7, orient: "auto-start-reverse" },
    el("path", { d: "M0,0 L10,5 L0,10 z", class: "arrow-head" }))));
  const tiers = [...new Set(graph.nodes.map((n) => n.tier))].sort((a, b) => a - b);
  for (const tier of tiers) svg.append(el("text", { x: PAD + tier * COL, y: PAD, class: "tier-label" }, label(tier === 0 ? "scf.issuerTier" : "scf.tier", tier)));
  const edges = el("g", { class: "edges" });
  graph.edges.forEach((e, i) => {
    const a = pos.get(e.from), b = pos.get(e.to);
    if (!a || !b) return;
    const p = edgePath(a, b);
    edges.append(el("g", { class: `edge how-${e.how}`, "data-cert": e.certificate_id, "data-from": e.from, "data-to": e.to },
      el("path", { d: p.d, class: "edge-line", "marker-end": "url(#arrow)" }),
      el("text", { x: p.lx, y: p.ly - 4 + (i % 2) * 2, class: "edge-label", "text-anchor": "middle" }, amount(e.face)),
      el("text", { x: p.lx, y: p.ly + 10, class: "edge-sub", "text-anchor": "middle" }, `${label("how." + e.how)} · #${e.certificate_id}`)));
  });
  const nodes = el("g", { class: "nodes" });
  for (const n of graph.nodes) {
    const { x, y } = pos.get(n.address);
    const a = el("a", { href: "#/account/" + n.address }, el("rect", { x, y, width: BOX_W, height: BOX_H, rx: 6, class: `node-box role-${n.role}` }),
      el("text", { x: x + 8, y: y + 19, class: "node-name" }, name(n.address)),
      el("text", { x: x + 8, y: y + 36, class: "node-role" }, label("role." + n.role)));
    nodes.append(el("g", { class: `node role-${n.role}`, "data-addr": n.address, "data-tier": n.tier }, el("title", null, n.address), a));
  }
  svg.append(edges, nodes);
  return svg;
}
