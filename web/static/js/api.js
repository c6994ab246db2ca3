// The REST API, from the browser. The operator token lives only in this tab's
// sessionStorage and travels only as the Authorization header of /v1/operator calls: never
// in a URL, never in localStorage, never written to the console.

const TOKEN_KEY = "puhui.operator";

export class ApiError extends Error {
  constructor(status, problem) {
    super((problem && (problem.detail || problem.title)) || `HTTP ${status}`);
    this.status = status;
    this.code = problem && problem.code;
  }
}

async function answer(res) {
  const text = await res.text();
  let body = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = { detail: text };
  }
  if (!res.ok) throw new ApiError(res.status, body);
  return body;
}

// get reads a GET endpoint's JSON.
export async function get(path) {
  return answer(await fetch(path, { headers: { Accept: "application/json" }, credentials: "omit" }));
}

// getOr is get that answers fallback for a 404 (a search probing what a number names).
export async function getOr(path, fallback) {
  try {
    return await get(path);
  } catch (e) {
    if (e.status === 404) return fallback;
    throw e;
  }
}

export function token() {
  return sessionStorage.getItem(TOKEN_KEY) || "";
}

export function setToken(t) {
  sessionStorage.setItem(TOKEN_KEY, t);
}

export function signOut() {
  sessionStorage.removeItem(TOKEN_KEY);
}

function operatorHeaders() {
  return { Accept: "application/json", "Content-Type": "application/json", Authorization: "Bearer " + token() };
}

// operatorKey is the node operator's account; it also checks a token.
export async function operatorKey() {
  return answer(await fetch("/v1/operator/key", { headers: operatorHeaders(), credentials: "omit" }));
}

// operatorTx has the node sign messages (protobuf JSON) with its operator key, submits them and
// waits for the commit; the answer carries the result code, log and events.
export async function operatorTx(messages, memo) {
  const res = await fetch("/v1/operator/txs", {
    method: "POST", headers: operatorHeaders(), credentials: "omit",
    body: JSON.stringify({ messages, memo: memo || "console" }),
  });
  return answer(res);
}
