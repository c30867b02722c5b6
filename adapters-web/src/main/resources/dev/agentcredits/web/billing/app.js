// Settings > Billing and usage: a client of API v1 only (API.md). This module signs in and out,
// loads the caller's billing and lays out the sections; runs.js and admin.js hold the larger ones.
import { call, q, session } from "./api.js";
import { $, card, h, message, say, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, enterprise, memberName, ownPool, state, team } from "./context.js";
import { keysCard, ledgerCard, membersCard, paymentCard } from "./admin.js";
import { runsCard } from "./runs.js";
import { usageChart } from "./usage.js";

/** DOMAIN.md rule 8, the default price list. */
const DENOMINATIONS = [
  { credits: 400, cents: 1000 },
  { credits: 1000, cents: 2000 },
  { credits: 3000, cents: 5000 },
  { credits: 6500, cents: 10000 },
];

actions.refresh = (notice) => refresh(notice);
actions.openBuy = (memberId) => openBuy(memberId);

// ---------------------------------------------------------------------------------------------
// sign in and out

$("signin-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const input = $("api-key");
  const key = input.value.trim();
  const out = $("signin-message");
  if (!key) {
    say(out, "Enter your API key.", "error");
    input.focus();
    return;
  }
  $("sign-in").disabled = true;
  say(out, "Signing in…");
  const who = await call("GET", "/me", { key });
  $("sign-in").disabled = false;
  if (!who.ok) {
    say(out, who.status === 401
      ? "This key was refused: it is wrong, or it has been revoked. Check it and try again."
      : who.message, "error");
    input.select();
    input.focus();
    return;
  }
  session.remember(key);
  input.value = "";
  say(out, "");
  await enter(who.body);
});

$("sign-out").addEventListener("click", () => {
  session.forget();
  state.me = null;
  state.billing = null;
  state.issuedKeys = [];
  $("app").replaceChildren();
  $("app").hidden = true;
  $("who").hidden = true;
  showSignIn("You are signed out. The key was forgotten by this tab.");
});

function showSignIn(text = "") {
  $("signin").hidden = false;
  $("loading").hidden = true;
  say($("signin-message"), text);
  $("api-key").focus();
}

async function enter(me) {
  state.me = me;
  $("signin").hidden = true;
  $("who").hidden = false;
  $("who-text").textContent = describe(me);
  await load();
  $("title").focus?.();
}

function describe(me) {
  switch (me.kind) {
    case "member":
      return `Signed in as ${me.email} (${me.role.toLowerCase()}) · ${me.team_name} · ${me.plan}`;
    case "team_key":
      return `Signed in with a team API key · ${me.team_name} · ${me.plan}`;
    default:
      return "Signed in with the operator key";
  }
}

// ---------------------------------------------------------------------------------------------
// loading and rendering

async function load() {
  const app = $("app");
  $("loading").hidden = false;
  const me = state.me;
  if (me.kind !== "member") {
    $("loading").hidden = true;
    app.replaceChildren(card("about-key", "Billing needs a member's key",
      h("p", {}, me.kind === "team_key"
        ? "A team API key submits runs billed to the team owner's pool, but it cannot see billing. Sign out and sign in with your member key to see credits, buy add-ons and change settings."
        : "The operator key provisions teams and grants. Sign out and sign in with a member's key to see that team's billing.")),
      me.kind === "team_key" ? runsCard() : null);
    app.hidden = false;
    return;
  }
  const [billing, members] = await Promise.all([
    call("GET", `${team()}/billing`),
    administers() ? call("GET", `${team()}/members`) : Promise.resolve(null),
  ]);
  $("loading").hidden = true;
  if (!billing.ok) {
    if (billing.status === 401) {
      session.forget();
      $("who").hidden = true;
      app.hidden = true;
      showSignIn("This key is no longer accepted (it may have been revoked). Sign in again.");
      return;
    }
    app.replaceChildren(h("p", { class: "message", "data-kind": "error", role: "alert" }, billing.message));
    app.hidden = false;
    return;
  }
  state.billing = billing.body;
  if (members?.ok) {
    state.members = new Map(members.body.members.map((m) => [m.member_id, m]));
  }
  render();
}

function render() {
  const focused = document.activeElement?.id;
  const app = $("app");
  const notice = h("p", { id: "notice", class: "message", role: "status" });
  if (state.notice) say(notice, state.notice.text, state.notice.kind);
  app.replaceChildren(
    notice,
    enterprise() ? contractCard() : poolCard(),
    spendCard(),
    enterprise() || !ownPool() ? null : autoReloadCard(ownPool()),
    runsCard(),
    usageCard(),
    administers() && !enterprise() ? membersCard() : null,
    administers() ? keysCard() : null,
    enterprise() ? null : purchasesCard(),
    administers() && !enterprise() ? paymentCard() : null,
    ledgerCard(),
  );
  app.hidden = false;
  if (focused && $(focused) && focused !== "title") $(focused).focus();
}

async function refresh(notice) {
  state.notice = notice ?? null;
  const billing = await call("GET", `${team()}/billing`);
  if (billing.ok) {
    state.billing = billing.body;
  } else if (!state.notice) {
    state.notice = { text: billing.message, kind: "error" };
  }
  state.ledger = { entries: [], next: null };
  render();
}

// ---------------------------------------------------------------------------------------------
// the caller's pool

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

function poolCard() {
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
      h("button", { type: "button", id: "buy-open", onclick: () => openBuy(state.me.member_id) }, "Buy add-on credits")));
}

function contractCard() {
  const pool = ownPool();
  if (!pool) {
    return card("pool", "Team pool", h("p", { class: "empty" }, "This team has no team pool yet."));
  }
  const exhausted = pool.available_credits <= 0;
  return card("pool", "Team pool",
    exhausted ? h("p", { id: "exhausted", class: "message", "data-kind": "error", role: "alert" },
      "Your team's contract credits are used up. Contact your account manager to add a grant; runs are refused until then.") : null,
    h("p", { class: "big" }, h("span", { id: "available-credits" }, fmt.credits(pool.available_credits)), " available to the whole team"),
    balances(pool),
    table("Grants", ["Credits left", "Ends"],
      pool.lots.map((l) => h("tr", {}, h("td", {}, fmt.credits(l.credits_remaining)), h("td", {}, fmt.date(l.expires_at)))),
      { id: "grants", empty: exhausted ? "No grant has credits left." : "No grants yet. Your account manager adds them under your contract." }));
}

function autoReloadCard(pool) {
  const reload = pool.auto_reload;
  const out = message("auto-reload-message");
  const form = h("form", { id: "auto-reload", class: "inline-form", novalidate: true },
    h("p", { class: "hint" }, "Buys the chosen denomination when your available credits fall to the threshold, within the team's monthly spend cap."),
    h("div", { class: "check" },
      h("input", { type: "checkbox", id: "auto-reload-enabled", checked: reload.enabled }),
      h("label", { for: "auto-reload-enabled" }, "Auto-reload on")),
    h("label", { for: "auto-reload-denomination" }, "Denomination"),
    h("select", { id: "auto-reload-denomination" },
      DENOMINATIONS.map((d) => h("option", { value: String(d.credits), selected: d.credits === (reload.denomination_credits ?? 1000) },
        `${fmt.credits(d.credits)} for ${fmt.dollars(d.cents)}`))),
    h("label", { for: "auto-reload-threshold" }, "Threshold (credits)"),
    h("input", { id: "auto-reload-threshold", type: "number", inputmode: "numeric", min: "0", step: "1", value: String(reload.threshold_credits ?? 100) }),
    h("button", { type: "submit", id: "auto-reload-save" }, "Save auto-reload"),
    reload.turned_off_by ? h("p", { class: "message", "data-kind": "error" }, `Auto-reload was turned off by the service: ${reload.turned_off_by.replaceAll("_", " ")}.`) : null,
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
    await refresh({ text: r.enabled
      ? `Auto-reload is on: ${fmt.credits(r.denomination_credits)} when you are down to ${fmt.credits(r.threshold_credits)}.`
      : "Auto-reload is off.", kind: "ok" });
  });
  return card("auto-reload-card", "Auto-reload", form);
}

// ---------------------------------------------------------------------------------------------
// the team's spend and its cap

function spendCard() {
  const cap = state.billing.spend_cap;
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
  }
  if (administers()) {
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
      $("spend-cap-save").disabled = true;
      const answer = await call("PUT", `${team()}/spend-cap`, { body: { monthly_limit_cents: cents }, idempotencyKey: fmt.uuid() });
      $("spend-cap-save").disabled = false;
      if (!answer.ok) {
        say(out, answer.message, "error");
        return;
      }
      await refresh({ text: `The monthly spend cap is now ${fmt.dollars(answer.body.monthly_limit_cents)}.`, kind: "ok" });
    });
    content.push(form);
  }
  return card("spend", "Team spend this month", ...content);
}

// ---------------------------------------------------------------------------------------------
// usage by day

function usageCard() {
  const body = h("div", { id: "usage" }, h("p", { class: "loading" }, "Loading usage…"));
  const params = new URLSearchParams();
  if (!administers()) params.set("member_id", state.me.member_id);
  call("GET", `${team()}/usage?${params}`).then((answer) => {
    body.replaceChildren(answer.ok ? usageChart(answer.body, fmt) : unavailable("Credits by day", answer));
  });
  return card("usage-card", administers() ? "Credits charged per day, whole team (last 30 days)" : "Your credits charged per day (last 30 days)", body);
}

// ---------------------------------------------------------------------------------------------
// add-on purchases

function purchasesCard() {
  const body = h("div", { id: "purchases" }, h("p", { class: "loading" }, "Loading purchases…"));
  call("GET", `${team()}/members/${q(state.me.member_id)}/add-on-purchases?limit=10`).then((answer) => {
    body.replaceChildren(answer.ok
      ? table("Your add-on purchases", ["When", "Kind", "Credits", "Price", "State", "Expires"],
        answer.body.purchases.map((p) => h("tr", {},
          h("td", {}, fmt.time(p.created_at)),
          h("td", {}, p.kind === "auto_reload" ? "Auto-reload" : "Manual"),
          h("td", { class: "num" }, fmt.credits(p.credits)),
          h("td", { class: "num" }, fmt.dollars(p.price_cents)),
          h("td", {}, purchaseState(p.state)),
          h("td", {}, fmt.date(p.expires_at)))),
        { id: "purchase-list", empty: "No purchases yet." })
      : unavailable("Purchase lists", answer));
  });
  return card("purchases-card", "Your purchases", body);
}

function purchaseState(s) {
  return { SUCCEEDED: "Paid", PENDING: "Pending: payment processing", FAILED: "Failed", REFUNDED: "Refunded" }[s] ?? s ?? "Paid";
}

let buying = false;
let buyTarget = null;

function openBuy(memberId) {
  buyTarget = memberId;
  const options = $("buy-options");
  options.replaceChildren(...DENOMINATIONS.map((d, i) => h("div", { class: "option" },
    h("input", { type: "radio", name: "denomination", id: `denomination-${d.credits}`, value: String(d.credits), checked: i === 0 }),
    h("label", { for: `denomination-${d.credits}` }, h("strong", {}, fmt.credits(d.credits)), ` for ${fmt.dollars(d.cents)}`))));
  $("buy-for").textContent = memberId === state.me.member_id
    ? "For your own pool."
    : `For the pool of ${memberName(memberId)}${memberId === state.me.owner_member_id ? " (the owner's: team API key and scheduled runs draw from it)" : ""}.`;
  say($("buy-message"), "");
  $("buy-confirm").disabled = false;
  $("buy-dialog").showModal();
  $(`denomination-${DENOMINATIONS[0].credits}`).focus();
}

$("buy-close").addEventListener("click", () => $("buy-dialog").close());

$("buy-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (buying) return; // a second click of the same confirmation buys nothing more
  const chosen = document.querySelector("input[name=denomination]:checked");
  const denomination = DENOMINATIONS.find((d) => String(d.credits) === chosen?.value);
  if (!denomination) {
    say($("buy-message"), "Choose a denomination.", "error");
    return;
  }
  buying = true;
  $("buy-confirm").disabled = true;
  const out = $("buy-message");
  say(out, `Buying ${fmt.credits(denomination.credits)}…`);
  const answer = await call("POST", `${team()}/members/${q(buyTarget)}/add-on-purchases`, {
    body: { denomination_credits: denomination.credits },
    idempotencyKey: fmt.uuid(),
  });
  buying = false;
  $("buy-confirm").disabled = false;
  let text;
  if (answer.status === 202 || answer.body?.state === "PENDING") {
    text = `Payment pending: ${fmt.credits(answer.body.credits)} for ${fmt.dollars(answer.body.price_cents)} will be added once the payment clears.`;
    say(out, text, "pending");
  } else if (answer.ok) {
    text = `Bought ${fmt.credits(answer.body.credits)} for ${fmt.dollars(answer.body.price_cents)}${answer.body.expires_at ? `; they expire on ${fmt.date(answer.body.expires_at)}` : ""}.`;
    say(out, text, "ok");
  } else {
    say(out, purchaseProblem(answer), "error");
    return;
  }
  await refresh({ text, kind: answer.status === 202 ? "pending" : "ok" });
});

function purchaseProblem(answer) {
  const code = answer.body?.code;
  if (code === "budget_exceeded") {
    return `Not bought: it would take the team over its monthly spend cap. ${answer.message} ${administers() ? "Raise the cap below, then buy again." : "Ask an admin to raise the cap."}`;
  }
  if (code === "payment_failed") return `Not bought: the payment failed. ${answer.message}`;
  return `Not bought: ${answer.message}`;
}

// ---------------------------------------------------------------------------------------------
// start

(async function start() {
  if (!session.key()) {
    showSignIn();
    return;
  }
  $("loading").hidden = false;
  const who = await call("GET", "/me");
  if (!who.ok) {
    session.forget();
    showSignIn(who.status === 401 ? "Your key is no longer accepted (it may have been revoked). Sign in again." : who.message);
    return;
  }
  await enter(who.body);
})();

