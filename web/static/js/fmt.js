// Formatting. Money is integer minor units, sent by the API as decimal strings; it is
// formatted from that string with the asset's scale by string operations alone, so no
// amount ever passes through a float.

let scales = new Map();

// loadAssets learns each asset's scale (once per page load; assets' scales never change).
export async function loadAssets(get) {
  if (scales.size) return;
  for (const a of await get("/v1/assets")) scales.set(a.code, a.scale);
}

export function scaleOf(asset) {
  return scales.has(asset) ? scales.get(asset) : null;
}

function group(digits) {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

// minor formats minor units with scale decimals: minor("-123456", 2) is "-1,234.56".
export function minor(value, scale) {
  let s = String(value ?? "0");
  if (!/^-?\d+$/.test(s)) return s;
  const neg = s.startsWith("-");
  if (neg) s = s.slice(1);
  s = s.replace(/^0+(?=\d)/, "");
  if (scale > 0) {
    s = s.padStart(scale + 1, "0");
    s = group(s.slice(0, -scale)) + "." + s.slice(-scale);
  } else {
    s = group(s);
  }
  return (neg ? "-" : "") + s;
}

// money formats an amount of asset ("1,234.56 CNY"); an unknown asset shows its minor units.
export function money(value, asset) {
  const sc = scaleOf(asset);
  if (sc === null) return `${value} (${asset} minor)`;
  return `${minor(value, sc)} ${asset}`;
}

// parseAmount reads a decimal typed by a person into minor units, as a string: "12.3" with
// scale 2 is "1230". It refuses more decimals than the scale, signs and anything not a number.
export function parseAmount(text, scale) {
  const t = String(text).trim().replace(/,/g, "");
  const m = /^(\d+)(?:\.(\d*))?$/.exec(t);
  if (!m || (m[2] || "").length > scale) return null;
  const digits = (m[1] + (m[2] || "").padEnd(scale, "0")).replace(/^0+(?=\d)/, "");
  return digits === "0" ? null : digits;
}

// pct shows a percentage the API gives as a two-decimal string.
export function pct(s) {
  return `${s}%`;
}

export function short(addr) {
  return addr && addr.length > 14 ? addr.slice(0, 8) + "…" + addr.slice(-4) : addr || "";
}

// when shows a block time (unix seconds or an RFC 3339 string) in the browser's zone.
export function when(t) {
  if (!t) return "";
  const d = typeof t === "number" || /^\d+$/.test(String(t)) ? new Date(Number(t) * 1000) : new Date(t);
  return d.toLocaleString();
}
