// What to do about a run refused for too few credits: the same case and the same steps, in the
// same order, as the service's own advice (domain Resolution.decide), derived from what the page
// has loaded, worded for the person reading it. Pure: facts in, words out; no page state, no DOM.
import * as fmt from "./format.js";

/** Whether the month's spend leaves room for the cheapest add-on under the team's cap. */
export function capHasRoom(cap, cheapestCents) {
  if (!cap) return true;
  return Number(cap.month_to_date_spend_cents ?? 0) + Number(cheapestCents ?? 0) <= Number(cap.monthly_limit_cents ?? 0);
}

/**
 * The case, as Resolution.causeOf decides it: "contract", "auto-reload-off", "reload-on-its-way",
 * "cap-reached" or "payment-declined". `autoReload` is the billed pool's {enabled, turned_off_by},
 * or null when the page cannot see that pool (then it is taken as off).
 */
export function refusalCase({ teamPool, autoReload, room }) {
  if (teamPool) return "contract";
  const declined = String(autoReload?.turned_off_by ?? "").toLowerCase() === "payment_declined";
  if (!autoReload?.enabled && declined) return "payment-declined";
  if (!room) return "cap-reached";
  return autoReload?.enabled ? "reload-on-its-way" : "auto-reload-off";
}

/**
 * The refusal in words. Facts:
 * - pool: the billed pool in words ("your pool", "the owner's pool", "the pool of a@b.c")
 * - payer: "self" (the reader's own pool), "owner" (the owner's, for team API key and scheduled
 *   runs, read by someone else), "other" (another member's, read by the owner or an admin)
 * - teamPool: an Enterprise team pool; role: the reader's role (OWNER, ADMIN, MEMBER; none for a
 *   team API key); autoReload, cap, cheapestCents: as the billing answer and the price list say
 * - owner, admins: the emails the page knows (none for a member); poolEmail: the billed member's
 * - refreshOn: the billed pool's next plan refresh, if the page knows it
 */
export function refusalAdvice(facts) {
  const { pool, teamPool, autoReload, cap, cheapestCents } = facts;
  const room = capHasRoom(cap, cheapestCents);
  const cause = refusalCase({ teamPool, autoReload, room });
  const said = [`Refused: ${pool} had too few credits to start or continue it.`];
  if (cause === "contract") {
    said.push("Contact your account manager to add credits to the contract, then press Retry.");
    return { cause, text: said.join(" ") };
  }
  const steps = [];
  const words = wording(facts);
  switch (cause) {
    case "auto-reload-off":
    case "reload-on-its-way":
      if (autoReload) said.push(cause === "auto-reload-off" ? "Auto-reload is off." : "Auto-reload is on; a reload may still be on its way.");
      steps.push(...words.buy());
      steps.push(words.waitForRefresh());
      if (cause === "auto-reload-off") steps.push(words.enableAutoReload());
      break;
    case "cap-reached":
      said.push(`${autoReload?.enabled ? "Auto-reload is on, but the" : "The"} team's monthly spend cap is reached${spent(cap)}, so neither a purchase nor an auto-reload can add credits.`);
      steps.push(words.raiseCap());
      if (autoReload?.enabled) steps.push("wait for the 1st of the month (UTC), when the month's spend starts again and auto-reload can buy");
      steps.push(words.waitForRefresh());
      break;
    case "payment-declined":
      said.push("Auto-reload was turned off because the team's card was declined.");
      steps.push(words.fixCard(room));
      steps.push(words.waitForRefresh());
      break;
  }
  said.push(`${capital(steps.join("; or "))}. Then press Retry.`);
  return { cause, text: said.join(" ") };
}

/**
 * A purchase the cap leaves no room for, in words: that the cap is reached and who raises it, the
 * same step a refusal at the cap names. Facts: cap, cheapestCents, role, owner, admins.
 */
export function capReachedAdvice(facts) {
  const { cap, cheapestCents } = facts;
  const spentCents = Number(cap?.month_to_date_spend_cents ?? 0);
  const limitCents = Number(cap?.monthly_limit_cents ?? 0);
  const said = spentCents >= limitCents
    ? `The team's monthly spend cap is reached${spent(cap)}, so no add-on can be bought.`
    : `The team's monthly spend cap leaves no room for an add-on: ${fmt.dollars(spentCents)} of ${fmt.dollars(limitCents)} spent this month, and the smallest add-on is ${fmt.dollars(cheapestCents)}.`;
  return `${said} ${capital(wording(facts).raiseCap())}, then buy.`;
}

function spent(cap) {
  return cap ? ` (${fmt.dollars(cap.month_to_date_spend_cents)} of ${fmt.dollars(cap.monthly_limit_cents)} this month)` : "";
}

function capital(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** " (a@b.c, d@e.f)" for the emails known, else nothing. */
function named(...emails) {
  const known = emails.flat().filter((e) => typeof e === "string" && e);
  return known.length ? ` (${known.join(", ")})` : "";
}

/** The steps in the reader's words: what they do themselves, or whom they ask. */
function wording({ payer, role, owner, admins = [], poolEmail, refreshOn }) {
  const administers = role === "OWNER" || role === "ADMIN";
  const fixers = role === "OWNER" ? named(admins) : named(owner, admins);
  const ask = (what) => (administers
    ? what.self
    : role === "MEMBER" ? `ask the team owner or an admin${fixers} to ${what.other}` : `the team owner or an admin${fixers} can ${what.other}`);
  const whose = payer === "self" ? "your" : payer === "owner" ? "the owner's" : "that member's";
  return {
    buy() {
      if (payer === "self") return ["buy add-on credits for your pool"];
      if (payer === "owner" && role !== "ADMIN") {
        return [`${role === "MEMBER" ? "ask " : ""}the team owner${named(owner)}${role === "MEMBER" ? " to top up their pool with add-on credits" : " can top up their pool with add-on credits"}`,
          ...(role === "MEMBER" ? [] : [`an admin${named(admins)} can buy them for the owner's pool`])];
      }
      return [`buy add-on credits for ${payer === "owner" ? "the owner's pool" : `the pool of ${poolEmail || "that member"}`} (Buy, under Members)`];
    },
    waitForRefresh: () => `wait for ${whose} monthly plan credits to refresh${refreshOn ? ` on ${refreshOn}` : ""}`,
    enableAutoReload() {
      if (payer === "self") return "turn on auto-reload for your pool, within the team's monthly spend cap";
      if (payer === "owner") return `the team owner${named(owner)} can turn on auto-reload for their pool`;
      return `${poolEmail || "that member"} can turn on auto-reload for their pool`;
    },
    raiseCap: () => ask({
      self: "raise the team's Monthly spend cap (under Team spend this month, on this page)",
      other: "raise the team's monthly spend cap in Settings > Billing and usage",
    }),
    fixCard: (room) => ask({
      self: `update the team's card (Add or change card, on this page) and turn auto-reload on again${room ? "" : ", and raise the Monthly spend cap"}`,
      other: `update the team's card and turn auto-reload on again${room ? "" : ", and raise the team's monthly spend cap"}`,
    }),
  };
}

/**
 * A run refused, or stopped, by a member's monthly credit limit (budget_exceeded), in words: how
 * far the month has gone, who can raise the limit (the owner or an admin) and when the count
 * starts again. Facts:
 * - whose: "self" for the reader's own run, else the member's email (null: the page cannot say)
 * - stopped: the run had started and the usage that crossed the limit was charged to it
 * - limit: {monthly_credits, month_to_date_credits} when the page knows it, else null
 * - role, owner, admins: as for refusalAdvice
 * - lead: the words before the reason ("Refused", "Stopped" by default; "The retry was refused")
 */
export function limitAdvice({ whose, stopped, limit, role, owner, admins = [], lead }) {
  const self = whose === "self";
  const their = self ? "your" : "their";
  const who = self ? "you" : whose || "the member who started it";
  const figures = limit && limit.monthly_credits !== null && limit.monthly_credits !== undefined
    ? ` (${fmt.count(limit.month_to_date_credits)} of ${fmt.credits(limit.monthly_credits)} used this month, counting credits held by running tasks)`
    : "";
  const said = stopped
    ? `${lead ?? "Stopped"}: its usage took ${who} over ${their} monthly credit limit${figures}; that usage was charged.`
    : `${lead ?? "Refused"}: the credits a run holds to start would take ${who} over ${their} monthly credit limit${figures}.`;
  const administers = role === "OWNER" || role === "ADMIN";
  const fixers = role === "OWNER" ? named(admins) : named(owner, admins);
  const raise = administers
    ? `raise ${their} limit under Member limits on this page`
    : `${role === "MEMBER" ? "ask " : ""}the team owner or an admin${fixers} ${role === "MEMBER" ? "to raise" : "can raise"} ${their} limit`;
  return `${said} ${capital(raise)}, or wait for the 1st of the month (UTC), when the count starts again; what running tasks hold and do not use comes back when they end. Then press Retry.`;
}
