// The page's only way to the service: API v1 with the signed-in key. Every answer comes back as
// {ok, status, body}; a failure also carries `message`, the problem's words for a person.

const BASE = "/api/v1";
const KEY = "agent-credits.api-key";

export const session = {
  key: () => sessionStorage.getItem(KEY),
  remember: (key) => sessionStorage.setItem(KEY, key),
  forget: () => sessionStorage.removeItem(KEY),
};

export async function call(method, path, { body, idempotencyKey, key } = {}) {
  const headers = { Accept: "application/json" };
  const bearer = key ?? session.key();
  if (bearer) {
    headers.Authorization = `Bearer ${bearer}`;
  }
  if (body !== undefined) {
    headers["Content-Type"] = "application/json";
  }
  if (idempotencyKey) {
    headers["Idempotency-Key"] = idempotencyKey;
  }
  let response;
  try {
    response = await fetch(BASE + path, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      cache: "no-store",
    });
  } catch (e) {
    return { ok: false, status: 0, body: null, message: "The service cannot be reached. Check your connection and try again." };
  }
  const text = await response.text();
  let parsed = null;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch (e) {
      parsed = null;
    }
  }
  if (response.ok) {
    return { ok: true, status: response.status, body: parsed };
  }
  return { ok: false, status: response.status, body: parsed, message: words(response.status, parsed) };
}

/** The problem's detail (or title), else what the status means. */
function words(status, problem) {
  const detail = problem?.detail || problem?.title;
  if (detail) {
    return sentence(detail);
  }
  return {
    401: "The key was refused.",
    403: "You are not allowed to do this.",
    404: "Not found.",
    429: "Too many requests: wait a moment and try again.",
    503: "The service is unavailable right now: try again in a moment.",
  }[status] ?? `The service answered ${status}.`;
}

/** How the page names ids it knows (members' emails, keys' names); set by app.js. */
export const names = { of: () => null };

/** Field names the service's details use, as a person says them. */
const FIELDS = {
  threshold_credits: "the threshold",
  denomination_credits: "the denomination",
  monthly_limit_cents: "the monthly spend cap",
  monthly_credits: "the monthly limit",
  default_monthly_credits: "the default monthly limit",
  return_url: "the return address",
  api_key: "the API key",
  task_id: "the task ID",
  member_id: "the member",
  team_id: "the team",
  key_id: "the key",
};
const ID_WORDS = { mem: "a member", key: "a key", team: "the team", pur: "the purchase", pm: "the card", cus: "the customer" };

/** A service's words for a person: no snake_case field names, no ids, large numbers grouped. */
export function tidy(text) {
  return String(text)
    .replace(/\b([a-z]+_[a-z_]*cents)\b(\D{0,40}?)\b(\d{4,})\b/g, (all, field, between, cents) =>
      `${FIELDS[field] ?? field.replaceAll("_", " ")}${between}${dollarsOf(cents)}`)
    .replace(/\b[a-z]+(?:_[a-z]+)+\b/g, (field) => FIELDS[field] ?? field.replaceAll("_", " "))
    .replace(/\b(member|key|team|purchase) ((?:mem|key|team|pur)_[A-Za-z0-9]+)\b/g, (all, word, id) =>
      (names.of(id) ? `${word} ${names.of(id)}` : `that ${word}`))
    .replace(/\b(mem|key|team|pur|pm|cus)_[A-Za-z0-9]+\b/g, (id, kind) => names.of(id) ?? ID_WORDS[kind])
    .replace(/(?<![\w.,$])\d{5,}(?![\w.,])/g, (n) => n.replace(/\B(?=(\d{3})+(?!\d))/g, ","));
}

function dollarsOf(cents) {
  const digits = String(cents).padStart(3, "0");
  return `$${digits.slice(0, -2).replace(/\B(?=(\d{3})+(?!\d))/g, ",")}.${digits.slice(-2)}`;
}

function sentence(text) {
  const trimmed = tidy(text).trim();
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(first) ? first : `${first}.`;
}

/** Whether an answer says the service has no such endpoint (an older server), not "no such thing". */
export function missingEndpoint(answer) {
  return answer.status === 405 || (answer.status === 404 && /there is no endpoint/.test(answer.body?.detail ?? ""));
}

export const q = encodeURIComponent;
