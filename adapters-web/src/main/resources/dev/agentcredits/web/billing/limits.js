// Members' monthly credit limits (DOMAIN.md rule 24): the reader's own limit and how much of it the
// month has used; for the owner and admins, the editor of the team's default and of each member's
// own limit.
import { call, q } from "./api.js";
import { $, card, confirm, h, message, say, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, memberName, state, team } from "./context.js";

export const MAX_LIMIT = 100_000_000;


/**
 * "2,000" or "2000" -> 2000; "" -> null (no limit of its own); undefined when it is not a whole
 * number of credits from 0 to 100,000,000.
 */
export function parseLimit(text) {
  const value = String(text ?? "").trim();
  if (!value) return null;
  if (!/^(\d{1,3}(,\d{3})+|\d+)$/.test(value)) return undefined;
  const digits = value.replaceAll(",", "").replace(/^0+(?=\d)/, "");
  if (digits.length > 9) return undefined;
  const n = Number(digits);
  return n <= MAX_LIMIT ? n : undefined;
}

/**
 * Reads the reader's own limit and, for the owner and admins, every member's, into the page's
 * state; an answer that fails leaves that part out (an older server has no limits).
 */
export async function loadLimits() {
  const [mine, all] = await Promise.all([
    call("GET", `${team()}/members/me/limit`),
    administers() ? call("GET", `${team()}/member-limits`) : Promise.resolve(null),
  ]);
  state.limit = mine.ok ? mine.body : null;
  state.memberLimits = all ?? null;
}

/** The reader's limit ({effective_monthly_credits, month_to_date_credits}) when one applies. */
export function limitCard() {
  const limit = state.limit;
  if (!limit || limit.effective_monthly_credits === null || limit.effective_monthly_credits === undefined) return null;
  const max = Number(limit.effective_monthly_credits);
  const used = Number(limit.month_to_date_credits ?? 0);
  const scale = Math.max(max, 1);
  const percent = max > 0 ? Math.min(100, Math.floor((used * 100) / max)) : 100;
  const reached = used >= max;
  return card("limit-card", "Your monthly limit",
    h("label", { for: "limit-meter" }, "Credits used this month against your limit"),
    h("meter", { id: "limit-meter", min: "0", max: String(scale), value: String(Math.min(used, scale)),
      low: String(Math.floor(scale * 0.8)), high: String(Math.floor(scale * 0.95)), optimum: "0" }),
    h("p", { id: "limit-text" }, `${fmt.count(used)} of ${fmt.credits(max)} this month (${percent}%). The count starts again on the 1st (UTC).`),
    h("p", { class: "hint" }, "Credits charged to your own runs this month, plus those held by your running tasks. Team API key and scheduled runs do not count."),
    reached
      ? h("p", { class: "message", "data-kind": "error", id: "limit-reached" }, administers()
        ? "You have reached your limit: your new runs are refused until it is raised (under Member limits) or the month ends."
        : "You have reached your limit: your new runs are refused until the team owner or an admin raises it, or the month ends.")
      : h("p", { class: "hint", id: "limit-who" }, administers()
        ? "You can change it under Member limits."
        : "The team owner or an admin sets it."));
}

/** The owner's and admins' editor: the team's default and each member's own limit. */
export function memberLimitsCard() {
  const out = message("member-limits-message");
  const answer = state.memberLimits;
  if (!answer) return null;
  const body = h("div", { id: "member-limits-body" }, answer.ok ? editor(answer.body, out) : unavailable("Member limits", answer));
  return card("member-limits", "Member limits",
    h("p", { class: "hint" }, "Caps what each member's own runs use in a calendar month (UTC): credits charged plus those held by their running tasks. Team API key and scheduled runs count against no one. A run that would go over is refused; usage that goes over is charged and stops the run."),
    body, out);
}

function editor(limits, out) {
  const fallback = limits.default_monthly_credits;
  const defaultForm = h("form", { id: "limit-default-form", class: "inline-form", novalidate: true },
    h("label", { for: "limit-default" }, "Team default (credits a month)"),
    h("input", { id: "limit-default", type: "text", inputmode: "numeric", autocomplete: "off",
      value: fallback === null || fallback === undefined ? "" : fmt.count(fallback), placeholder: "No limit", "aria-describedby": "limit-default-hint" }),
    h("p", { id: "limit-default-hint", class: "hint" }, "For every member without a limit of their own. Leave it empty for no default limit."),
    h("button", { type: "submit", id: "limit-default-save" }, "Save default"));
  defaultForm.addEventListener("submit", async (event) => {
    event.preventDefault();
    await save({
      input: $("limit-default"),
      button: $("limit-default-save"),
      path: `${team()}/member-limits`,
      field: "default_monthly_credits",
      out,
      zero: "No member without a limit of their own will be able to start a run until the month ends or the default is raised.",
      done: (credits) => (credits === null
        ? "The team has no default monthly limit now."
        : `The team's default monthly limit is now ${fmt.credits(credits)}.`),
    });
  });
  const owner = state.me.owner_member_id;
  const name = (id) => (id === state.me.member_id ? `${state.me.email} (you)` : memberName(id));
  const members = [...(limits.members ?? [])].sort((a, b) => (a.member_id === owner ? -1 : b.member_id === owner ? 1 : name(a.member_id).localeCompare(name(b.member_id))));
  const rows = members.map((m) => memberRow(m, fallback, name(m.member_id), out));
  return h("div", {}, defaultForm,
    table("Each member's limit", ["Member", "Limit", "Used this month", "Own limit"], rows,
      { id: "member-limit-list", empty: "No members." }));
}

function memberRow(m, fallback, name, out) {
  const id = m.member_id;
  const own = m.monthly_credits;
  const effective = m.effective_monthly_credits;
  const hasOwn = own !== null && own !== undefined;
  const limitText = hasOwn ? [fmt.credits(own), h("span", { class: "breakdown" }, "own limit")]
    : effective !== null && effective !== undefined ? [fmt.credits(effective), h("span", { class: "breakdown" }, "team default")] : "No limit";
  const used = effective !== null && effective !== undefined
    ? `${fmt.count(m.month_to_date_credits)} of ${fmt.count(effective)}`
    : fmt.credits(m.month_to_date_credits);
  const over = effective !== null && effective !== undefined && Number(m.month_to_date_credits) >= Number(effective);
  const inputId = `limit-own-${id}`;
  const form = h("form", { class: "limit-own", novalidate: true },
    h("input", { id: inputId, type: "text", inputmode: "numeric", autocomplete: "off", value: hasOwn ? fmt.count(own) : "",
      placeholder: fallback === null || fallback === undefined ? "No limit" : "Team default", "aria-label": `Own monthly limit of ${name}, in credits (empty: the team default)` }),
    h("button", { type: "submit", class: "small", id: `limit-own-save-${id}`, "aria-label": `Save the monthly limit of ${name}` }, "Save"),
    hasOwn ? h("button", { type: "button", class: "small secondary", id: `limit-own-clear-${id}`, "aria-label": `Use the team default for ${name}`,
      onclick: () => { $(inputId).value = ""; form.requestSubmit(); } }, "Use default") : null);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    await save({
      input: $(inputId),
      button: $(`limit-own-save-${id}`),
      path: `${team()}/members/${q(id)}/limit`,
      field: "monthly_credits",
      out,
      zero: `${name} will not be able to start a run until the month ends or the limit is raised.`,
      done: (credits, body) => (credits === null
        ? `${name} now has the team default${body.effective_monthly_credits === null ? ", which is no limit" : ` of ${fmt.credits(body.effective_monthly_credits)}`} a month.`
        : `The monthly limit of ${name} is now ${fmt.credits(credits)}.`),
    });
  });
  return h("tr", { "data-member": id },
    h("th", { scope: "row" }, name),
    h("td", {}, h("span", {}, limitText)),
    h("td", { class: over ? "over" : null }, h("span", {}, used, over ? h("span", { class: "breakdown" }, "limit reached") : null)),
    h("td", {}, form));
}

async function save({ input, button, path, field, out, zero, done }) {
  const credits = parseLimit(input.value);
  if (credits === undefined) {
    say(out, `Enter a whole number of credits from 0 to ${fmt.count(MAX_LIMIT)}, or leave it empty.`, "error");
    input.focus();
    return;
  }
  if (credits === 0 && !(await confirm({ title: "Set the limit to 0 credits?", text: `Set the limit to 0 credits? ${zero}`, yes: "Set to 0 credits" }))) {
    say(out, "The limit was not changed.");
    input.focus();
    return;
  }
  button.disabled = true;
  const answer = await call("PUT", path, { body: { [field]: credits } });
  button.disabled = false;
  if (!answer.ok) {
    say(out, answer.message, "error");
    input.focus();
    return;
  }
  await actions.refresh({ text: done(credits, answer.body), kind: "ok" });
}
