// The team's card, for the owner and admins: what is on file (the billing answer's
// payment_method), and `Add or change card`, which opens a hosted setup page (Stripe Checkout in
// setup mode; a simulated one in simulated mode) and saves the card when the browser comes back
// to /billing?setup_session=<id>. What it says follows the server's payment gateway (GET /me's
// `payments`): a simulated server charges no card, so it never reads as if a card were missing.
import { call, q } from "./api.js";
import { $, card, h, message, say } from "./dom.js";
import { actions, administers, cardName, state, team } from "./context.js";

const PARAM = "setup_session";

export function paymentCard() {
  const method = state.billing.payment_method;
  const c = method?.card;
  const simulated = state.me?.payments === "simulated";
  const out = message("card-message");
  const add = h("button", { type: "button", id: "card-setup", class: "secondary", onclick: () => startSetup(add, out) }, "Add or change card");
  return card("payment", "Payment card",
    h("p", { id: "card-text", class: method ? null : "empty" }, c
      ? `${cardName(c)}, expires ${String(c.exp_month).padStart(2, "0")}/${c.exp_year}.`
      : method ? "A card is on file." : noCard(simulated)),
    method || !simulated ? h("p", { class: "hint", id: "card-hint" }, simulated
      ? "Payments are simulated on this server: add-on purchases and auto-reloads are not charged to this card."
      : "Add-on purchases and auto-reloads of every member are paid with this card.") : null,
    h("div", { class: "actions" }, add),
    out);
}

function noCard(simulated) {
  if (simulated) {
    return "Payments are simulated on this server: purchases are not charged to any card. Add a simulated card to try the flow.";
  }
  return state.me?.payments === "stripe"
    ? "No card on file. Add-on purchases and auto-reloads are refused until a card is added."
    : "No card on file.";
}

async function startSetup(button, out) {
  button.disabled = true;
  say(out, "Opening the secure card form…");
  const answer = await call("POST", `${team()}/payment-method/setup-session`, {
    body: { return_url: `${location.origin}/billing` },
  });
  if (!answer.ok || !answer.body?.url) {
    button.disabled = false;
    say(out, answer.ok ? "The card form could not be opened: try again." : `The card form could not be opened: ${answer.message}`, "error");
    return;
  }
  location.assign(answer.body.url);
}

/** Back from the card form: saves the card of the session the address names, then forgets it. */
export async function completeCardSetup() {
  const url = new URL(location.href);
  const session = url.searchParams.get(PARAM);
  if (!session || state.me?.kind !== "member") return;
  url.searchParams.delete(PARAM);
  history.replaceState(history.state, "", `${url.pathname}${url.search}${url.hash}`);
  if (!administers()) {
    await actions.refresh({ text: "Only the owner or an admin can change the team's card.", kind: "error" });
    return;
  }
  const answer = await call("POST", `${team()}/payment-method/setup-session/${q(session)}/complete`);
  const card = cardName(answer.body?.card);
  await actions.refresh(answer.ok
    ? { text: card ? `Card saved: ${card}.` : "Card saved.", kind: "ok" }
    : { text: `The card was not saved: ${answer.message}`, kind: "error" });
  $("notice")?.setAttribute("tabindex", "-1");
  $("notice")?.focus();
}
