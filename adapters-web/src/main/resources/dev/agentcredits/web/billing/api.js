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

function sentence(text) {
  const trimmed = String(text).trim();
  const first = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(first) ? first : `${first}.`;
}

/** Whether an answer says the service has no such endpoint (an older server), not "no such thing". */
export function missingEndpoint(answer) {
  return answer.status === 405 || (answer.status === 404 && /there is no endpoint/.test(answer.body?.detail ?? ""));
}

export const q = encodeURIComponent;
