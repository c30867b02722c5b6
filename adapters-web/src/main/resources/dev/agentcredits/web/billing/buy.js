// The `Buy add-on credits` dialog, in three steps: choose a denomination, confirm the payment
// ("Pay $10.00 with Visa ••4242"), then a receipt with only Close. One opening is one purchase:
// it has its own Idempotency-Key, Pay is disabled while the request runs and gone once it is
// answered, and Enter on the denomination only moves on to the confirmation. A denomination the
// team's monthly spend cap has no room for is disabled; with room for none, the dialog says who
// raises the cap and offers no Pay (the service would refuse it: budget_exceeded).
import { call, q } from "./api.js";
import { $, h, say } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, cardName, memberName, state, team, teamCard, teamContacts } from "./context.js";
import { capHasRoom, capReachedAdvice } from "./advice.js";

/** DOMAIN.md rule 8, the default price list. */
export const DENOMINATIONS = [
  { credits: 400, cents: 1000 },
  { credits: 1000, cents: 2000 },
  { credits: 3000, cents: 5000 },
  { credits: 6500, cents: 10000 },
];

export const CHEAPEST_CENTS = Math.min(...DENOMINATIONS.map((d) => d.cents));

/** This opening of the dialog: who it buys for, its Idempotency-Key, whether a request is out. */
let opening = null;

export function openBuy(memberId, opener) {
  const cap = state.billing?.spend_cap ?? null;
  const fits = DENOMINATIONS.filter((d) => capHasRoom(cap, d.cents));
  opening = { memberId, key: fmt.uuid(), busy: false, done: false, opener: opener?.id ?? null, capped: fits.length === 0 };
  $("buy-options").replaceChildren(...DENOMINATIONS.map((d) => option(d, fits.includes(d), d === fits[0])));
  const owner = memberId === state.me.owner_member_id;
  $("buy-for").textContent = memberId === state.me.member_id
    ? "For your own pool."
    : `For the pool of ${memberName(memberId)}${owner ? " (the owner's: team API key and scheduled runs draw from it)" : ""}.`;
  step("choose");
  say($("buy-message"), "");
  if (opening.capped) {
    $("buy-next").hidden = true;
    $("buy-close").textContent = "Close";
    say($("buy-message"), capReachedAdvice({ cap, cheapestCents: CHEAPEST_CENTS, ...teamContacts() }), "error");
  }
  $("buy-dialog").showModal();
  (opening.capped ? $("buy-message") : $(`denomination-${fits[0].credits}`)).focus();
}

/** One denomination; one the cap has no room for is disabled and says why. */
function option(d, fits, checked) {
  const id = `denomination-${d.credits}`;
  return h("div", { class: "option" },
    h("input", { type: "radio", name: "denomination", id, value: String(d.credits), checked, disabled: !fits, "aria-describedby": fits ? null : `${id}-why` }),
    h("div", {},
      h("label", { for: id }, h("strong", {}, fmt.credits(d.credits)), ` for ${fmt.dollars(d.cents)}`),
      fits ? null : h("span", { class: "reason", id: `${id}-why` }, "Over this month's spend cap")));
}

function chosen() {
  const input = document.querySelector("input[name=denomination]:checked");
  return DENOMINATIONS.find((d) => String(d.credits) === input?.value) ?? null;
}

/** Shows one step's controls: "choose", "review" or "receipt". */
function step(name) {
  $("buy-choose").hidden = name !== "choose";
  $("buy-review").hidden = name !== "review";
  $("buy-next").hidden = name !== "choose";
  $("buy-pay").hidden = name !== "review";
  $("buy-back").hidden = name !== "review";
  $("buy-pay").disabled = false;
  $("buy-back").disabled = false;
  $("buy-close").textContent = name === "receipt" ? "Close" : "Cancel";
}

// Enter on a denomination submits the form: that only moves on to the confirmation step.
$("buy-form").addEventListener("submit", (event) => {
  event.preventDefault();
  if (!opening || opening.busy || opening.done || opening.capped || $("buy-choose").hidden) return;
  const d = chosen();
  if (!d) {
    say($("buy-message"), "Choose a denomination.", "error");
    return;
  }
  const card = cardName(teamCard());
  $("buy-pay").textContent = card ? `Pay ${fmt.dollars(d.cents)} with ${card}` : `Pay ${fmt.dollars(d.cents)}`;
  $("buy-summary").textContent = `${fmt.credits(d.credits)} for ${fmt.dollars(d.cents)}${card ? `, paid with ${card}` : ""}. `
    + "They count toward the team's monthly spend cap and expire 12 months after purchase.";
  say($("buy-message"), "");
  step("review");
  $("buy-summary").focus();
});

$("buy-back").addEventListener("click", () => {
  if (!opening || opening.busy) return;
  step("choose");
  say($("buy-message"), "");
  document.querySelector("input[name=denomination]:checked")?.focus();
});

$("buy-close").addEventListener("click", () => $("buy-dialog").close());

$("buy-dialog").addEventListener("close", () => {
  const target = opening?.opener && $(opening.opener);
  if (opening?.done) {
    (target ?? $("notice"))?.focus();
  }
  opening = null;
});

$("buy-pay").addEventListener("click", async () => {
  const d = chosen();
  const current = opening;
  if (!current || current.busy || current.done || !d) return; // one click, one purchase
  current.busy = true;
  $("buy-pay").disabled = true;
  $("buy-back").disabled = true;
  const out = $("buy-message");
  say(out, `Buying ${fmt.credits(d.credits)}…`);
  const answer = await call("POST", `${team()}/members/${q(current.memberId)}/add-on-purchases`, {
    body: { denomination_credits: d.credits },
    idempotencyKey: current.key,
  });
  current.busy = false;
  if (!answer.ok) {
    // A refusal bought nothing: a new attempt gets a new key. An unknown outcome (no answer, or a
    // 5xx) keeps the key, so trying again cannot buy twice.
    if (answer.status >= 400 && answer.status < 500) current.key = fmt.uuid();
    $("buy-pay").disabled = false;
    $("buy-back").disabled = false;
    say(out, purchaseProblem(answer), "error");
    out.focus();
    return;
  }
  current.done = true;
  const p = answer.body ?? {};
  const pending = answer.status === 202 || p.state === "PENDING";
  const text = pending
    ? `Payment pending: ${fmt.credits(p.credits ?? d.credits)} for ${fmt.dollars(p.price_cents ?? d.cents)} will be added once the payment clears.`
    : `Bought ${fmt.credits(p.credits ?? d.credits)} for ${fmt.dollars(p.price_cents ?? d.cents)}${p.expires_at ? `; they expire on ${fmt.date(p.expires_at)}` : ""}.`;
  step("receipt");
  $("buy-review").hidden = true;
  say(out, text, pending ? "pending" : "ok");
  out.focus();
  await actions.refresh({ text, kind: pending ? "pending" : "ok" });
  if ($("buy-dialog").open) out.focus();
});

function purchaseProblem(answer) {
  const code = answer.body?.code;
  if (code === "budget_exceeded") {
    return `Not bought: it would take the team over its monthly spend cap. ${answer.message} ${administers() ? "Raise the cap, then buy again." : "Ask an admin to raise the cap."}`;
  }
  if (code === "payment_failed") return `Not bought: the payment failed. ${answer.message}`;
  return `Not bought: ${answer.message}`;
}
