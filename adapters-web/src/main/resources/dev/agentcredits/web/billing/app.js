// Settings > Billing and usage: a client of API v1 only (API.md). This module signs in and out,
// loads the caller's billing and lays out the sections; runs.js and admin.js hold the larger ones.
import { call, names, session } from "./api.js";
import { $, card, h, present, say, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, enterprise, ownPool, planName, state, team } from "./context.js";
import { keysCard, ledgerCard } from "./admin.js";
import { completeCardSetup, paymentCard } from "./payment.js";
import { membersCard } from "./members.js";
import { limitCard, loadLimits, memberLimitsCard } from "./limits.js";
import { openBuy } from "./buy.js";
import { autoReloadCard, contractCard, poolCard, purchasesCard, spendCard } from "./pool.js";
import { runsCard } from "./runs.js";
import { alertsBanner, loadAlerts } from "./alerts.js";
import { webhooksCard } from "./webhooks.js";
import { usageChart } from "./usage.js";

actions.refresh = (notice) => refresh(notice);
actions.openBuy = (memberId, opener) => openBuy(memberId, opener);
names.of = (id) => (state.members.get(id)?.email ?? null);

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
  state.members = new Map();
  state.limit = null;
  state.memberLimits = null;
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
  if (!$("signin").hidden) return; // the key was refused after all
  $("title").focus();
  await completeCardSetup();
}

function describe(me) {
  switch (me.kind) {
    case "member":
      return `Signed in as ${me.email} (${String(me.role).toLowerCase()}) · ${me.team_name} · ${planName(me.plan)}`;
    case "team_key":
      return `Signed in with a team API key · ${me.team_name} · ${planName(me.plan)}`;
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
    app.replaceChildren(...present(card("about-key", "Billing needs a member's key",
      h("p", {}, me.kind === "team_key"
        ? `A team API key submits runs billed to ${enterprise() ? "the team pool" : "the team owner's pool"}, but it cannot see billing. Sign out and sign in with your member key to see credits, buy add-ons and change settings.`
        : "The operator key provisions teams and grants. Sign out and sign in with a member's key to see that team's billing.")),
      me.kind === "team_key" ? runsCard() : null));
    app.hidden = false;
    return;
  }
  const [billing, members] = await Promise.all([
    call("GET", `${team()}/billing`),
    administers() ? call("GET", `${team()}/members`) : Promise.resolve(null),
    loadLimits(),
    loadAlerts(),
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
    state.members = new Map((members.body.members ?? []).map((m) => [m.member_id, m]));
  }
  loadedAt = Date.now();
  render();
}

async function loadMembers() {
  const members = await call("GET", `${team()}/members`);
  if (members.ok) state.members = new Map((members.body.members ?? []).map((m) => [m.member_id, m]));
}

function render() {
  const focused = document.activeElement?.id;
  const app = $("app");
  const notice = h("p", { id: "notice", class: "message", role: "status" });
  if (state.notice) say(notice, state.notice.text, state.notice.kind);
  // The overview: the caller's credits (and, for the owner and admins, the team's card) on the
  // left; the team's spend and the caller's auto-reload on the right; one column on a phone.
  const left = present(enterprise() ? contractCard() : poolCard(), limitCard(), administers() && !enterprise() ? paymentCard() : null);
  const right = present(
    enterprise() ? null : spendCard(),
    enterprise() || !ownPool() ? null : autoReloadCard(ownPool()));
  const overview = h("div", { class: "overview", id: "overview" },
    h("div", { class: "column" }, left),
    right.length ? h("div", { class: "column" }, right) : null);
  if (!right.length) overview.classList.add("single");
  app.replaceChildren(...present(
    alertsBanner(),
    notice,
    overview,
    runsCard(),
    usageCard(),
    administers() ? membersCard() : null,
    administers() ? memberLimitsCard() : null,
    administers() ? keysCard() : null,
    administers() ? webhooksCard() : null,
    enterprise() ? null : purchasesCard(),
    ledgerCard(),
  ));
  app.hidden = false;
  if (focused && $(focused) && focused !== "title") $(focused).focus();
}

async function refresh(notice) {
  state.notice = notice ?? null;
  loadedAt = Date.now();
  const [billing] = await Promise.all([
    call("GET", `${team()}/billing`),
    administers() ? loadMembers() : null,
    loadLimits(),
    loadAlerts(),
  ]);
  if (billing.ok) {
    state.billing = billing.body;
  } else if (!state.notice) {
    state.notice = { text: billing.message, kind: "error" };
  }
  state.ledger = { entries: [], next: null };
  render();
}

// ---------------------------------------------------------------------------------------------
// others change the team too: look again when the tab comes back, at most every few seconds,
// and never while someone is in the middle of something (a dialog, an edited field, a new key)

const REFRESH_GAP_MS = 5000;
let loadedAt = 0;
let refreshTimer = null;

function busy() {
  if (document.querySelector("dialog[open]") || document.querySelector("#app .secret")) return true;
  return [...document.querySelectorAll("#app input, #app select")].some((el) =>
    (el.type === "checkbox" || el.type === "radio" ? el.checked !== el.defaultChecked
      : el.tagName === "SELECT" ? [...el.options].some((o) => o.selected !== o.defaultSelected)
        : el.value !== el.defaultValue));
}

function refreshSoon() {
  if (!state.me || state.me.kind !== "member" || !state.billing || document.hidden || refreshTimer) return;
  const wait = Math.max(0, loadedAt + REFRESH_GAP_MS - Date.now());
  refreshTimer = setTimeout(async () => {
    refreshTimer = null;
    if (!state.billing || document.hidden || busy()) return;
    await refresh(state.notice);
  }, wait);
}

window.addEventListener("focus", refreshSoon);
document.addEventListener("visibilitychange", refreshSoon);

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

