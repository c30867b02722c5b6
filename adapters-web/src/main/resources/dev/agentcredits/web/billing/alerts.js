// The banner at the top of the page: what is in force now (GET /teams/{team_id}/alerts), worded
// for the person reading it. The owner and admins are told what they can do, with a button to the
// control that does it; a member is told whom to ask. `alertWords` is pure (facts in, words out)
// and never shows an id: a pool is "your pool", a member's email, or "the team pool".
import { call } from "./api.js";
import { $, h } from "./dom.js";
import * as fmt from "./format.js";
import { actions, state, team } from "./context.js";
import { capHasRoom } from "./advice.js";
import { CHEAPEST_CENTS } from "./buy.js";

const SHOWN = 3; // alerts shown at once; the rest behind "Show n more"

/** What is in force now, for the banner (none when the service cannot say). */
let inForce = [];

export async function loadAlerts() {
  const answer = await call("GET", `${team()}/alerts`);
  inForce = answer.ok ? answer.body?.alerts ?? [] : [];
  return answer;
}

/** The signed-in reader, as alertWords needs them. */
function reader() {
  const pools = state.billing?.pools ?? [];
  return {
    role: state.me?.role,
    memberId: state.me?.member_id,
    ownerId: state.me?.owner_member_id,
    canBuy: capHasRoom(state.billing?.spend_cap, CHEAPEST_CENTS),
    refreshOn: (memberId) => {
      const pool = pools.find((p) => p.kind === "MEMBER" && p.member_id === memberId);
      return pool?.next_refresh_at ? fmt.date(pool.next_refresh_at) : null;
    },
  };
}

function act(action, button) {
  if (action.does === "buy" && action.target) {
    actions.openBuy(action.target, button);
  } else if (action.does === "focus") {
    focusControl(action.target);
  }
}

/**
 * An alert in words: {title, text, action} where action is null or {label, name, does, target}:
 * name is the button's accessible name when the label alone is not enough; does "focus" (target:
 * an element id) or "buy" (target: a member id). Reader: {role, memberId, ownerId, canBuy (false
 * when the cap leaves no room for an add-on), declinedPools (the pool ids whose reload a declined
 * card turned off), refreshOn(memberId) -> date words or null}.
 */
export function alertWords(alert, reader) {
  const administers = reader.role === "OWNER" || reader.role === "ADMIN";
  switch (alert.type) {
    case "spend_cap.threshold_reached":
      return capWords(alert, administers);
    case "auto_reload.failed":
      return declinedWords(alert, reader, administers);
    case "credits.low":
    case "credits.depleted":
      return balanceWords(alert, reader, administers);
    default:
      return { title: "Billing needs attention", text: alert.detail ?? "", action: null };
  }
}

function capWords(alert, administers) {
  const cap = alert.spend_cap ?? {};
  const limit = Number(cap.monthly_limit_cents ?? 0);
  const spent = Number(cap.month_to_date_spend_cents ?? 0);
  const figures = `${fmt.dollars(spent)} of the ${fmt.dollars(limit)} monthly spend cap`;
  const raise = administers ? { label: "Raise the cap", does: "focus", target: "spend-cap" } : null;
  if (alert.severity === "critical") {
    return {
      title: "The monthly spend cap is reached",
      text: `${figures} is spent: no add-on purchase or auto-reload goes through until ${administers
        ? "you raise the cap" : "the team owner or an admin raises the cap"} or the month ends (UTC).${administers
        ? "" : " Ask them to raise it if the team needs more credits this month."}`,
      action: raise,
    };
  }
  const percent = limit > 0 ? Math.floor((spent * 100) / limit) : 100;
  return {
    title: `${percent}% of the monthly spend cap is spent`,
    text: `${figures} is spent this month. At the cap, add-on purchases and auto-reloads stop until the month ends (UTC).${administers
      ? "" : " If the team needs more, ask the team owner or an admin to raise the cap."}`,
    action: raise,
  };
}

/** "your pool", "the pool of a@b.c", "the owner's pool", "the team pool". */
function whose(pool, reader) {
  if (!pool || pool.kind === "TEAM") return "the team pool";
  if (pool.member_id === reader.memberId) return "your pool";
  if (pool.member_id === reader.ownerId) return `the owner's pool${pool.email ? ` (${pool.email})` : ""}`;
  return pool.email ? `the pool of ${pool.email}` : "the pool of a former member";
}

function declinedWords(alert, reader, administers) {
  const pool = whose(alert.pool, reader);
  const own = pool === "your pool";
  if (!administers) {
    return {
      title: "Auto-reload is off: the card was declined",
      text: `The team's card was declined, so auto-reload of ${pool} was turned off and buys nothing. Ask the team owner or an admin to update the card, then turn auto-reload on again.`,
      action: null,
    };
  }
  const then = own
    ? "then turn auto-reload on again under Auto-reload"
    : `then ${alert.pool?.email ? `ask ${alert.pool.email}` : "ask that member"} to turn auto-reload on again`;
  return {
    title: "Auto-reload is off: the card was declined",
    text: `The team's card was declined, so auto-reload of ${pool} was turned off and buys nothing. Update the card, ${then}.`,
    action: { label: "Update the card", does: "focus", target: "card-setup" },
  };
}

function balanceWords(alert, reader, administers) {
  const pool = alert.pool ?? {};
  const balance = alert.balance ?? {};
  const available = Number(balance.available_credits ?? 0);
  const depleted = alert.type === "credits.depleted";
  const owed = available < 0 ? ` (${fmt.credits(-available)} owed)` : "";
  if (pool.kind === "TEAM") {
    return {
      title: depleted ? "The team pool is used up" : "The team pool is low",
      text: `${depleted ? `The team pool has no credits left${owed}: runs are refused` : `The team pool has ${fmt.credits(available)} left`}. Contact your account manager to add a grant to the contract.`,
      action: null,
    };
  }
  const own = pool.member_id === reader.memberId;
  const name = whose(pool, reader);
  const title = own
    ? (depleted ? "You are out of credits" : "Your credits are low")
    : `${capitalize(name)} ${depleted ? "is out of credits" : "is low"}`;
  const state = depleted
    ? `${capitalize(name)} has no credits left${owed}: new runs billed to it are refused.`
    : `${capitalize(name)} has ${fmt.credits(available)} available, at or below ${own ? "your" : "its"} threshold of ${fmt.credits(balance.threshold_credits)}.`;
  const refresh = reader.refreshOn?.(pool.member_id);
  if (reader.canBuy === false) {
    // the cap leaves no room for an add-on: buying is not the way out this month
    const wait = refresh ? `wait for ${own ? "your" : "its"} plan credits to refresh on ${refresh}` : "wait for the month to end (UTC)";
    const ask = administers ? "or raise the cap" : "or ask the team owner or an admin to raise the cap";
    return {
      title,
      text: `${state} The monthly spend cap leaves no room for add-on credits${balance.auto_reload === "on" ? ", so auto-reload cannot buy either" : ""}: ${wait}, ${ask}.`,
      action: administers ? { label: "Raise the cap", does: "focus", target: "spend-cap" } : null,
    };
  }
  const reload = balance.auto_reload === "on"
    ? " Auto-reload is on and buys credits within the team's monthly spend cap."
    : "";
  let next;
  if (reader.declinedPools?.has(pool.pool_id)) {
    // the card that declined the reload pays for purchases too
    next = `Purchases are paid with the team's card that was declined: once it is updated, ${own ? "buy add-on credits" : "add-on credits can be bought for it"}${refresh ? `, or wait for ${own ? "your" : "its"} plan credits to refresh on ${refresh}` : ""}.`;
  } else if (own) {
    next = `Buy add-on credits${balance.auto_reload === "on" ? "" : " or turn auto-reload on"}${refresh ? `, or wait for your plan credits to refresh on ${refresh}` : ""}.`;
  } else if (administers) {
    next = `You can buy add-on credits for it${refresh ? `; its plan credits refresh on ${refresh}` : ""}.`;
  } else {
    next = "";
  }
  return {
    title,
    text: `${state}${reload} ${next}`.trim(),
    action: own || administers
      ? { label: "Buy add-on credits", name: own ? null : `Buy add-on credits for ${name}`, does: "buy", target: pool.member_id }
      : null,
  };
}

function capitalize(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The banner of what is in force for the signed-in reader, or null when nothing is. */
export function alertsBanner(alerts = inForce) {
  if (!alerts?.length || !state.me) return null;
  const declinedPools = new Set(alerts.filter((a) => a.type === "auto_reload.failed").map((a) => a.pool?.pool_id));
  const facts = { ...reader(), declinedPools };
  const items = inOrder(alerts, facts).map((alert, i) => item(alert, i, facts, act));
  const more = items.slice(SHOWN);
  return h("section", { id: "alerts", class: "alerts", "aria-labelledby": "alerts-title" },
    h("h2", { id: "alerts-title", class: "visually-hidden" }, "Alerts"),
    h("ul", { class: "alert-list" }, items.slice(0, SHOWN)),
    more.length
      ? h("details", { class: "alert-more" },
        h("summary", {}, `Show ${more.length} more ${more.length === 1 ? "alert" : "alerts"}`),
        h("ul", { class: "alert-list" }, more))
      : null);
}

/**
 * The service's order (critical first, then the newest), with what concerns the reader (the team's
 * cap, the team pool, their own pool) ahead of other members' pools at each severity.
 */
function inOrder(alerts, reader) {
  const rank = (a) => (a.severity === "critical" ? 0 : 2)
    + (!a.pool || a.pool.kind === "TEAM" || a.pool.member_id === reader.memberId ? 0 : 1);
  return alerts.map((a, i) => [a, i]).sort(([a, i], [b, j]) => rank(a) - rank(b) || i - j).map(([a]) => a);
}

function item(alert, i, reader, act) {
  const words = alertWords(alert, reader);
  const critical = alert.severity === "critical";
  const id = `alert-${i}`;
  return h("li", { class: "alert", id, "data-severity": critical ? "critical" : "warning", "data-type": alert.type, "aria-labelledby": `${id}-title`, "aria-describedby": `${id}-text` },
    h("div", { class: "alert-body" },
      h("p", { class: "alert-title", id: `${id}-title` },
        h("span", { class: "alert-kind" }, critical ? "Action needed" : "Warning"), " ", words.title),
      h("p", { class: "alert-text", id: `${id}-text` }, words.text),
      alert.raised_at ? h("p", { class: "alert-since" }, `Since ${fmt.time(alert.raised_at)}`) : null),
    words.action
      ? h("div", { class: "alert-actions" },
        h("button", { type: "button", id: `${id}-action`, class: critical ? "small" : "small secondary", "aria-label": words.action.name, onclick: (e) => act(words.action, e.currentTarget) }, words.action.label))
      : null);
}

/** Moves the focus to a control of the page (the cap field, the card button), in sight. */
function focusControl(id) {
  const el = $(id);
  if (!el) return false;
  el.scrollIntoView({ block: "center" });
  el.focus();
  if (typeof el.select === "function") el.select();
  return true;
}
