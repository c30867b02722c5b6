// Settings > Billing and usage: a client of API v1 only (API.md). Everything is rendered with
// textContent, never innerHTML, so nothing the service answers can become markup.
import { call, missingEndpoint, q, session } from "./api.js";
import * as fmt from "./format.js";
import { usageChart } from "./usage.js";

/** DOMAIN.md rule 8, the default price list. */
const DENOMINATIONS = [
  { credits: 400, cents: 1000 },
  { credits: 1000, cents: 2000 },
  { credits: 3000, cents: 5000 },
  { credits: 6500, cents: 10000 },
];
const RUNS_SHOWN = 20;
const LEDGER_PAGE = 50;

const $ = (id) => document.getElementById(id);

/** h("p", {class: "x", onclick: f}, "text", child) */
function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "class") el.className = value;
    else if (name in el && typeof value !== "string") el[name] = value;
    else el.setAttribute(name, value === true ? "" : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

function card(id, title, ...content) {
  return h("section", { class: "card", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title), ...content);
}

function message(id) {
  return h("p", { id, class: "message", role: "status" });
}

function say(el, text, kind = "info") {
  el.textContent = text;
  el.dataset.kind = kind;
}

function table(caption, headers, rows, { id, empty } = {}) {
  if (rows.length === 0) {
    return h("p", { class: "empty", id }, empty ?? "Nothing yet.");
  }
  return h("div", { class: "scroll", role: "region", "aria-label": caption, tabindex: "0" },
    h("table", { id },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows)));
}

function unavailable(what, answer) {
  return h("p", { class: "empty unavailable" },
    missingEndpoint(answer) ? `${what} are not available on this server yet.` : answer.message);
}

// ---------------------------------------------------------------------------------------------
// state

const state = {
  me: null,
  billing: null,
  members: new Map(), // member_id -> {email, role}
  issuedKeys: [], // keys created in this tab, listed when the server cannot list them
  ledger: { entries: [], next: null },
  notice: null,
};

const administers = () => state.me?.role === "OWNER" || state.me?.role === "ADMIN";
const enterprise = () => state.me?.plan === "ENTERPRISE";
const team = () => `/teams/${q(state.me.team_id)}`;

/** A ledger pool id ("m:<member>", "t:<team>") in words; anything else as it is. */
function poolName(poolId) {
  const [kind, id] = String(poolId).split(/:(.*)/s);
  if (kind === "m" && id) return memberName(id) === "you" ? "Yours" : memberName(id);
  if (kind === "t" && id) return "Team pool";
  return poolId;
}

function memberName(id) {
  if (id === state.me.member_id) return "you";
  return state.members.get(id)?.email ?? id;
}

function ownPool() {
  const pools = state.billing?.pools ?? [];
  if (enterprise()) return pools.find((p) => p.kind === "TEAM");
  return pools.find((p) => p.kind === "MEMBER" && p.member_id === state.me.member_id);
}

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
// runs

const STATES = {
  QUEUED: "Queued",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  ERROR: "Error",
  CANCELLED: "Cancelled",
};
const TRIGGERS = { USER: "You or a member", TEAM_API_KEY: "Team API key", SCHEDULED: "Schedule" };

function poolWords(billed) {
  if (!billed) return "the billed pool";
  if (billed.kind === "TEAM") return "the team pool";
  if (state.me?.member_id && billed.member_id === state.me.member_id) return "your pool";
  if (state.me?.owner_member_id && billed.member_id === state.me.owner_member_id) {
    return "the owner's pool (team API key and scheduled runs draw from it)";
  }
  return `the pool of ${state.me?.member_id ? memberName(billed.member_id) : billed.member_id}`;
}

/** Why a run failed, and what fixes it, in words. */
function explain(run) {
  if (run.state === "ERROR") {
    return "A platform error stopped this run. Retry it; if it keeps failing, contact support.";
  }
  if (run.state !== "FAILED") return null;
  const code = run.error?.code;
  if (code === "insufficient_credits") {
    const pool = poolWords(run.billed_pool);
    if (run.billed_pool?.kind === "TEAM") {
      return `Refused: ${pool} had too few credits. Contact your account manager for more credits, then press Retry.`;
    }
    return `Refused: ${pool} had too few credits to start or continue it. Buy add-on credits for ${pool === "your pool" ? "it" : "that pool"} (or turn on auto-reload, within the spend cap), then press Retry.`;
  }
  return `Failed: ${(code ?? "unknown reason").replaceAll("_", " ")}.`;
}

function runRow(run, out) {
  const why = explain(run);
  const retry = run.state === "FAILED" || run.state === "ERROR"
    ? h("button", { type: "button", class: "small", "aria-label": `Retry run ${run.task_id}`, onclick: (e) => retryRun(run, e.currentTarget, out) }, "Retry")
    : null;
  return h("tr", { "data-task": run.task_id },
    h("td", {}, fmt.time(run.created_at)),
    h("td", {}, h("span", { class: `state ${run.state.toLowerCase()}` }, STATES[run.state] ?? run.state),
      why ? h("p", { class: "why" }, why) : null),
    h("td", {}, TRIGGERS[run.trigger] ?? run.trigger),
    h("td", { class: "num" }, fmt.credits(run.charged_credits ?? 0)),
    h("td", {}, h("code", {}, run.task_id)),
    h("td", {}, retry));
}

const RUN_HEADERS = ["When", "State", "Trigger", "Credits charged", "Task", "Action"];

async function retryRun(run, button, out) {
  button.disabled = true;
  say(out, "Retrying…");
  const answer = await call("POST", `/agent/tasks/${q(run.task_id)}/retry`);
  if (!answer.ok) {
    button.disabled = false;
    say(out, `The retry was refused: ${answer.message}`, "error");
    return;
  }
  lookedUp.add(run.task_id);
  await refresh({ text: `Run ${run.task_id} was retried: it is ${STATES[answer.body.state] ?? answer.body.state} now.`, kind: "ok" });
}

/** Runs looked up by id in this tab, shown again after each refresh. */
const lookedUp = new Set(new URLSearchParams(location.search).getAll("task"));

function runsCard() {
  const out = message("runs-message");
  const list = h("div", { id: "runs-list" }, h("p", { class: "loading" }, "Loading runs…"));
  const found = h("div", { id: "run-lookup-result" });
  const params = new URLSearchParams({ team_id: state.me.team_id, limit: String(RUNS_SHOWN) });
  if (state.me.kind === "member" && !administers()) params.set("member_id", state.me.member_id);
  call("GET", `/agent/tasks?${params}`).then((answer) => {
    list.replaceChildren(answer.ok
      ? table("Recent runs", RUN_HEADERS, answer.body.tasks.map((r) => runRow(r, out)), { id: "runs", empty: "No runs yet." })
      : unavailable("Run lists", answer));
  });
  const showLookedUp = async () => {
    const runs = [];
    for (const id of lookedUp) {
      const answer = await call("GET", `/agent/tasks/${q(id)}`);
      if (answer.ok) runs.push(answer.body);
      else say(out, `Run ${id}: ${answer.message}`, "error");
    }
    found.replaceChildren(runs.length ? table("Looked-up runs", RUN_HEADERS, runs.map((r) => runRow(r, out)), { id: "looked-up-runs" }) : "");
  };
  const form = h("form", { id: "run-lookup", class: "inline-form", novalidate: true },
    h("label", { for: "task-id" }, "Task ID"),
    h("input", { id: "task-id", type: "text", autocomplete: "off", spellcheck: "false", "aria-describedby": "task-id-hint" }),
    h("p", { id: "task-id-hint", class: "hint" }, "The task_id of a run, as a refusal names it."),
    h("button", { type: "submit", id: "run-lookup-go" }, "Look up run"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const id = $("task-id").value.trim();
    if (!id) {
      say(out, "Enter a task ID.", "error");
      return;
    }
    lookedUp.add(id);
    say(out, "");
    await showLookedUp();
  });
  showLookedUp();
  return card("runs-card", "Recent runs", list, form, found, out);
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
// owner and admins: every member's pool, team API keys, the card, the ledger

function membersCard() {
  const pools = state.billing.pools.filter((p) => p.kind === "MEMBER");
  const owner = state.me.owner_member_id;
  pools.sort((a, b) => (a.member_id === owner ? -1 : b.member_id === owner ? 1 : 0));
  return card("members", "Members' pools",
    table("Every member's pool", ["Member", "Available", "Plan", "Add-on", "Held", "Arrears", "Auto-reload", "Buy"],
      pools.map((p) => {
        const name = memberName(p.member_id);
        const r = p.auto_reload;
        return h("tr", { "data-member": p.member_id },
          h("th", { scope: "row" }, name,
            p.member_id === owner ? h("span", { class: "badge" }, "Owner · team API key and scheduled runs draw from this pool") : null),
          h("td", { class: "num" }, fmt.credits(p.available_credits)),
          h("td", { class: "num" }, fmt.count(p.plan_credits)),
          h("td", { class: "num" }, fmt.count(p.addon_credits)),
          h("td", { class: "num" }, fmt.count(p.held_credits)),
          h("td", { class: "num" }, fmt.count(p.arrears_credits)),
          h("td", {}, r.enabled ? `On: ${fmt.count(r.denomination_credits)} at ${fmt.count(r.threshold_credits)}` : "Off"),
          h("td", {}, h("button", { type: "button", class: "small", "aria-label": `Buy add-on credits for ${name}`, onclick: () => openBuy(p.member_id) }, "Buy")));
      }), { id: "member-pools", empty: "No member pools." }));
}

function keysCard() {
  const out = message("keys-message");
  const list = h("div", { id: "keys" }, h("p", { class: "loading" }, "Loading keys…"));
  const shown = h("div", { id: "new-key" });
  const showKeys = async () => {
    const answer = await call("GET", `${team()}/api-keys`);
    const keys = answer.ok ? answer.body.api_keys : state.issuedKeys;
    list.replaceChildren(
      answer.ok ? "" : unavailable("Key lists", answer),
      table("Team API keys", ["Name", "Created", "Last used", "Status", "Action"],
        keys.map((k) => h("tr", { "data-key": k.key_id },
          h("td", {}, k.name ?? k.key_id),
          h("td", {}, fmt.time(k.created_at)),
          h("td", {}, k.last_used_at ? fmt.time(k.last_used_at) : "Never"),
          h("td", {}, k.revoked_at ? `Revoked ${fmt.date(k.revoked_at)}` : "Active"),
          h("td", {}, k.revoked_at ? null : h("button", { type: "button", class: "small danger", "aria-label": `Revoke key ${k.name ?? k.key_id}`, onclick: () => revoke(k, out, showKeys) }, "Revoke")))),
        { id: "key-list", empty: answer.ok ? "No team API keys." : "No keys created in this tab." }));
  };
  const form = h("form", { id: "key-form", class: "inline-form", novalidate: true },
    h("label", { for: "key-name" }, "Key name"),
    h("input", { id: "key-name", type: "text", autocomplete: "off", maxlength: "100", placeholder: "e.g. ci" }),
    h("button", { type: "submit", id: "key-create" }, "Create key"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const name = $("key-name").value.trim();
    if (!name) {
      say(out, "Give the key a name, such as the system that will use it.", "error");
      return;
    }
    $("key-create").disabled = true;
    const answer = await call("POST", `${team()}/api-keys`, { body: { name } });
    $("key-create").disabled = false;
    if (!answer.ok) {
      say(out, answer.message, "error");
      return;
    }
    $("key-name").value = "";
    state.issuedKeys.push({ key_id: answer.body.key_id, name, created_at: new Date().toISOString() });
    shown.replaceChildren(h("div", { class: "secret", role: "status" },
      h("p", {}, `The key “${name}”: copy it now, it is shown only once.`),
      h("output", { id: "new-key-value", class: "code", "aria-label": "The new API key" }, answer.body.api_key)));
    say(out, "");
    await showKeys();
  });
  showKeys();
  return card("keys-card", "Team API keys",
    h("p", { class: "hint" }, "Runs submitted with a team API key draw from the owner's pool."), list, form, shown, out);
}

function revoke(key, out, after) {
  const dialog = $("confirm-dialog");
  $("confirm-title").textContent = "Revoke this key?";
  $("confirm-text").textContent = `Revoke the key “${key.name ?? key.key_id}”? Anything using it stops working at once. This cannot be undone.`;
  dialog.returnValue = "";
  dialog.addEventListener("close", async () => {
    if (dialog.returnValue !== "yes") return;
    const answer = await call("DELETE", `${team()}/api-keys/${q(key.key_id)}`);
    if (!answer.ok) {
      say(out, answer.message, "error");
      return;
    }
    state.issuedKeys = state.issuedKeys.map((k) => (k.key_id === key.key_id ? { ...k, revoked_at: new Date().toISOString() } : k));
    say(out, `The key “${key.name ?? key.key_id}” is revoked.`, "ok");
    await after();
  }, { once: true });
  dialog.showModal();
}

function paymentCard() {
  const body = h("div", { id: "card" }, h("p", { class: "loading" }, "Loading…"));
  call("GET", `${team()}/payment-method`).then((answer) => {
    if (answer.ok) {
      const c = answer.body.card;
      body.replaceChildren(h("p", { id: "card-text" }, c
        ? `${c.brand.charAt(0).toUpperCase()}${c.brand.slice(1)} ending in ${c.last4}, expires ${String(c.exp_month).padStart(2, "0")}/${c.exp_year}.`
        : "A payment method is on file."));
    } else if (missingEndpoint(answer)) {
      body.replaceChildren(unavailable("Card details", answer));
    } else if (answer.status === 404) {
      body.replaceChildren(h("p", { id: "card-text", class: "empty" }, "No card on file."));
    } else {
      body.replaceChildren(h("p", { class: "message", "data-kind": "error" }, answer.message));
    }
  });
  return card("payment", "Payment card", body);
}

function ledgerCard() {
  const out = message("ledger-message");
  const body = h("div", { id: "ledger" }, h("p", { class: "loading" }, "Loading the ledger…"));
  const more = h("button", { type: "button", id: "ledger-more", class: "secondary", hidden: true }, "Show older entries");
  const csv = h("button", { type: "button", id: "ledger-csv", class: "secondary" }, "Download CSV");
  const draw = () => {
    body.replaceChildren(table("Ledger, newest first", ["When", "Entry", "Credits", "Pool", "Source", "Task"],
      state.ledger.entries.map((e) => h("tr", {},
        h("td", {}, fmt.time(e.at)),
        h("td", {}, e.kind.replaceAll("_", " ")),
        h("td", { class: "num" }, fmt.count(e.credits)),
        h("td", {}, poolName(e.pool_id)),
        h("td", {}, e.source_kind ? e.source_kind.replaceAll("_", " ") : "—"),
        h("td", {}, e.task_id ? h("code", {}, e.task_id) : "—"))),
      { id: "ledger-table", empty: "No ledger entries yet." }));
    more.hidden = !state.ledger.next;
  };
  const page = async () => {
    more.disabled = true;
    const cursor = state.ledger.next ? `&cursor=${q(state.ledger.next)}` : "";
    const answer = await call("GET", `${team()}/ledger?limit=${LEDGER_PAGE}${cursor}`);
    more.disabled = false;
    if (!answer.ok) {
      say(out, answer.message, "error");
      body.replaceChildren();
      return;
    }
    state.ledger.entries.push(...answer.body.entries);
    state.ledger.next = answer.body.next_cursor;
    draw();
  };
  more.addEventListener("click", page);
  csv.addEventListener("click", () => downloadCsv(csv, out));
  state.ledger = { entries: [], next: null };
  page();
  return card("ledger-card", administers() ? "Ledger" : "Your ledger", body, h("div", { class: "actions" }, more, csv), out);
}

const CSV_COLUMNS = ["entry_id", "at", "kind", "credits", "pool_id", "source_kind", "source_id", "task_id", "reference"];

async function downloadCsv(button, out) {
  button.disabled = true;
  say(out, "Preparing the CSV…");
  const rows = [CSV_COLUMNS.join(",")];
  let cursor = null;
  do {
    const answer = await call("GET", `${team()}/ledger?limit=200${cursor ? `&cursor=${q(cursor)}` : ""}`);
    if (!answer.ok) {
      button.disabled = false;
      say(out, answer.message, "error");
      return;
    }
    for (const e of answer.body.entries) rows.push(CSV_COLUMNS.map((c) => csvField(e[c])).join(","));
    cursor = answer.body.next_cursor;
  } while (cursor);
  const link = h("a", { href: URL.createObjectURL(new Blob([`${rows.join("\r\n")}\r\n`], { type: "text/csv" })), download: `ledger-${state.me.team_id}.csv` });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 10000);
  button.disabled = false;
  say(out, `Downloaded ${fmt.count(rows.length - 1)} entries.`, "ok");
}

function csvField(value) {
  if (value === undefined || value === null) return "";
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
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
