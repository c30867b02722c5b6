// The caller's own money: their pool (or the Enterprise team pool), auto-reload, the team's spend
// against its cap, and their add-on purchases.
import { call, q } from "./api.js";
import { $, card, confirm, h, message, say, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, enterprise, ownPool, state, team } from "./context.js";
import { CHEAPEST_CENTS, DENOMINATIONS } from "./buy.js";
import { capHasRoom } from "./advice.js";

function balances(pool) {
  return h("dl", { class: "balances" },
    enterprise() ? null : h("div", {}, h("dt", {}, "Plan credits"), h("dd", { id: "plan-credits" }, fmt.credits(pool.plan_credits),
      pool.next_refresh_at ? h("span", { class: "sub" }, ` · refreshes on ${fmt.date(pool.next_refresh_at)}`) : null)),
    h("div", {}, h("dt", {}, enterprise() ? "Granted credits" : "Add-on credits"),
      h("dd", { id: "addon-credits" }, fmt.credits(pool.addon_credits))),
    h("div", {}, h("dt", {}, "Held by running tasks"), h("dd", { id: "held-credits" }, fmt.credits(pool.held_credits))),
    h("div", {}, h("dt", {}, "Arrears"), h("dd", { id: "arrears-credits" }, fmt.credits(pool.arrears_credits),
      pool.arrears_credits > 0 ? h("span", { class: "sub" }, " · paid first from the next credits") : null)));
}

export function poolCard() {
  const pool = ownPool();
  if (!pool) {
    return card("pool", "Your credits", h("p", { class: "empty" }, "You have no pool on this team."));
  }
  const lots = pool.lots.filter((l) => l.credits_remaining > 0);
  return card("pool", "Your credits",
    h("p", { class: "big" }, h("span", { id: "available-credits" }, fmt.credits(pool.available_credits)), " available"),
    balances(pool),
    table("Add-on credits by lot", ["Credits left", "Expires"],
      lots.map((l) => h("tr", {}, h("td", {}, fmt.credits(l.credits_remaining)), h("td", {}, fmt.date(l.expires_at)))),
      { id: "lots", empty: "No add-on credits. Buy some when the plan credits run low." }),
    h("div", { class: "actions" },
      h("button", { type: "button", id: "buy-open", onclick: (e) => actions.openBuy(state.me.member_id, e.currentTarget) }, "Buy add-on credits")));
}

export function contractCard() {
  const pool = ownPool();
  if (!pool) {
    return card("pool", "Team pool", h("p", { class: "empty" }, "This team has no team pool yet."));
  }
  const exhausted = pool.available_credits <= 0;
  return card("pool", "Team pool",
    exhausted ? h("p", { id: "exhausted", class: "message", "data-kind": "error", role: "alert" },
      "Your team's contract credits are used up. Contact your account manager to add a grant; runs are refused until then.") : null,
    h("p", { class: "big" }, h("span", { id: "available-credits" }, fmt.credits(pool.available_credits)), " available to the whole team"),
    h("p", { class: "hint" }, "Your contract funds this pool with grants from your account manager. Every run on the team, including team API key and scheduled runs, draws from it; there is no monthly spend cap."),
    balances(pool),
    table("Grants", ["Credits left", "Ends"],
      pool.lots.map((l) => h("tr", {}, h("td", {}, fmt.credits(l.credits_remaining)), h("td", {}, fmt.date(l.expires_at)))),
      { id: "grants", empty: exhausted ? "No grant has credits left." : "No grants yet. Your account manager adds them under your contract." }));
}

/** Why the service turned auto-reload off, and what to do, in words; null while it is on. */
function turnedOff(reload) {
  if (reload.enabled || !reload.turned_off_by) return null;
  const admin = administers();
  switch (String(reload.turned_off_by).toLowerCase()) {
    case "payment_declined":
      return `Auto-reload was turned off because the card was declined. ${admin
        ? "Update the card (Add or change card) and turn it on again."
        : "The owner or an admin can update the card and turn it on again."}`;
    case "spend_cap_reached":
      return `Auto-reload was turned off because the monthly spend cap was reached. ${admin
        ? "Raise the Monthly spend cap, then turn it on again."
        : "The owner or an admin can raise the cap; then turn it on again."}`;
    default:
      return "Auto-reload was turned off. Turn it on again to buy credits when they run low.";
  }
}

export function autoReloadCard(pool) {
  const reload = pool.auto_reload ?? {};
  const out = message("auto-reload-message");
  const form = h("form", { id: "auto-reload", class: "inline-form", novalidate: true },
    h("p", { class: "hint" }, "Buys the chosen denomination when your available credits fall to the threshold, within the team's monthly spend cap."),
    h("div", { class: "check" },
      h("input", { type: "checkbox", id: "auto-reload-enabled", checked: !!reload.enabled }),
      h("label", { for: "auto-reload-enabled" }, "Auto-reload on")),
    h("label", { for: "auto-reload-denomination" }, "Denomination"),
    h("select", { id: "auto-reload-denomination" },
      DENOMINATIONS.map((d) => h("option", { value: String(d.credits), selected: d.credits === (reload.denomination_credits ?? 1000) },
        `${fmt.credits(d.credits)} for ${fmt.dollars(d.cents)}`))),
    h("label", { for: "auto-reload-threshold" }, "Threshold (credits)"),
    h("input", { id: "auto-reload-threshold", type: "number", inputmode: "numeric", min: "0", step: "1", value: String(reload.threshold_credits ?? 100) }),
    h("button", { type: "submit", id: "auto-reload-save" }, "Save auto-reload"),
    turnedOff(reload) ? h("p", { class: "message", "data-kind": "error", id: "auto-reload-off" }, turnedOff(reload)) : null,
    out);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const threshold = $("auto-reload-threshold").value.trim();
    if (!/^\d+$/.test(threshold)) {
      say(out, "The threshold is a whole number of credits.", "error");
      return;
    }
    $("auto-reload-save").disabled = true;
    const answer = await call("PUT", `${team()}/members/${q(state.me.member_id)}/auto-reload`, {
      body: {
        enabled: $("auto-reload-enabled").checked,
        denomination_credits: Number($("auto-reload-denomination").value),
        threshold_credits: Number(threshold),
      },
    });
    $("auto-reload-save").disabled = false;
    if (!answer.ok) {
      say(out, answer.message, "error");
      return;
    }
    const r = answer.body;
    await actions.refresh({ text: r.enabled
      ? `Auto-reload is on: ${fmt.credits(r.denomination_credits)} when you are down to ${fmt.credits(r.threshold_credits)}.`
      : "Auto-reload is off.", kind: "ok" });
  });
  return card("auto-reload-card", "Auto-reload", form);
}

export function spendCard() {
  const cap = state.billing.spend_cap ?? { monthly_limit_cents: 0, month_to_date_spend_cents: 0 };
  const limit = cap.monthly_limit_cents;
  const spent = cap.month_to_date_spend_cents;
  const percent = limit > 0 ? Math.min(100, Math.floor((spent * 100) / limit)) : 100;
  const content = [
    h("label", { for: "spend-meter" }, "Month-to-date spend against the cap"),
    h("meter", { id: "spend-meter", min: "0", max: String(Math.max(limit, 1)), value: String(Math.min(spent, Math.max(limit, 1))),
      low: String(Math.floor(Math.max(limit, 1) * 0.75)), high: String(Math.floor(Math.max(limit, 1) * 0.9)), optimum: "0" }),
    h("p", { id: "spend-text" }, `${fmt.dollars(spent)} of ${fmt.dollars(limit)} this month (${percent}%). The month resets on the 1st (UTC).`),
  ];
  if (spent >= limit) {
    content.push(h("p", { class: "message", "data-kind": "error" }, administers()
      ? "The cap is reached: no add-on purchase or auto-reload goes through until you raise it or the month ends."
      : "The cap is reached: no add-on purchase or auto-reload goes through until an admin raises it or the month ends."));
  } else if (!capHasRoom(cap, CHEAPEST_CENTS)) {
    content.push(h("p", { class: "message", "data-kind": "error", id: "spend-no-room" },
      `The cap leaves no room for an add-on (the smallest is ${fmt.dollars(CHEAPEST_CENTS)}): none goes through until ${administers() ? "you raise the cap" : "an admin raises the cap"} or the month ends.`));
  }
  if (administers()) {
    content.push(capForm(limit));
  }
  return card("spend", "Team spend this month", ...content);
}

function capForm(limit) {
  const out = message("spend-cap-message");
  const form = h("form", { id: "spend-cap-form", class: "inline-form", novalidate: true },
    h("label", { for: "spend-cap" }, "Monthly spend cap"),
    h("div", { class: "money" }, h("span", { "aria-hidden": "true" }, "$"),
      h("input", { id: "spend-cap", type: "text", inputmode: "decimal", autocomplete: "off", value: fmt.dollars(limit).slice(1).replaceAll(",", ""), "aria-describedby": "spend-cap-hint" })),
    h("p", { id: "spend-cap-hint", class: "hint" }, "In dollars for the whole team; purchases and auto-reloads stop at it."),
    h("button", { type: "submit", id: "spend-cap-save" }, "Save cap"),
    out);
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const cents = fmt.parseDollars($("spend-cap").value);
    if (cents === null) {
      say(out, "Enter the cap in dollars, such as 500 or 1,250.50.", "error");
      $("spend-cap").focus();
      return;
    }
    if (cents === 0 && !(await confirm({
      title: "Set the cap to $0?",
      text: "Set the cap to $0? No add-on purchase or auto-reload will go through this month.",
      yes: "Set the cap to $0",
    }))) {
      say(out, "The cap was not changed.");
      $("spend-cap").focus();
      return;
    }
    $("spend-cap-save").disabled = true;
    const answer = await call("PUT", `${team()}/spend-cap`, { body: { monthly_limit_cents: cents }, idempotencyKey: fmt.uuid() });
    $("spend-cap-save").disabled = false;
    if (!answer.ok) {
      say(out, answer.message, "error");
      return;
    }
    await actions.refresh({ text: `The monthly spend cap is now ${fmt.dollars(answer.body.monthly_limit_cents)}.`, kind: "ok" });
  });
  return form;
}

const PURCHASE_STATES = {
  SUCCEEDED: "Paid",
  PENDING: "Pending",
  DECLINED: "Declined",
  FAILED: "Declined",
  REFUNDED: "Refunded",
  DISPUTED: "Disputed",
};

export function purchaseState(s) {
  if (!s) return "Paid";
  return PURCHASE_STATES[s] ?? `${s.charAt(0)}${s.slice(1).toLowerCase()}`;
}

export function purchasesCard() {
  const body = h("div", { id: "purchases" }, h("p", { class: "loading" }, "Loading purchases…"));
  call("GET", `${team()}/members/${q(state.me.member_id)}/add-on-purchases?limit=10`).then((answer) => {
    body.replaceChildren(answer.ok
      ? table("Your add-on purchases", ["When", "Kind", "Credits", "Price", "State", "Expires"],
        (answer.body.purchases ?? []).map((p) => h("tr", { "data-purchase": p.purchase_id },
          h("td", {}, fmt.time(p.created_at)),
          h("td", {}, p.kind === "auto_reload" ? "Auto-reload" : "Manual"),
          h("td", { class: "num" }, fmt.credits(p.credits)),
          h("td", { class: "num" }, fmt.dollars(p.price_cents)),
          h("td", {}, h("span", { class: `state ${purchaseState(p.state).toLowerCase()}` }, purchaseState(p.state))),
          h("td", {}, p.state === "SUCCEEDED" || !p.state ? fmt.date(p.expires_at) : "—"))),
        { id: "purchase-list", empty: "No purchases yet." })
      : unavailable("Purchase lists", answer));
  });
  return card("purchases-card", "Your purchases", body);
}
