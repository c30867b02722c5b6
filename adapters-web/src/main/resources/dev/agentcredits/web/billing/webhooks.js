// The Webhooks card, for the owner and admins (API.md "Alerts and webhooks"): add an endpoint
// (its signing secret shown once, with Copy), each endpoint with its state, Send test, its
// deliveries (state, attempts, the last answer) with Retry, and Delete after a confirmation.
import { call, missingEndpoint, q } from "./api.js";
import { $, card, confirm, h, message, present, say, secret, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { team } from "./context.js";

const DELIVERIES_PAGE = 10;

/** Endpoint id -> {open, deliveries, next}: what the card shows of each, kept across redraws. */
const shown = new Map();

export function webhooksCard() {
  const out = message("webhooks-message");
  const list = h("div", { id: "webhook-endpoints" }, h("p", { class: "loading" }, "Loading endpoints…"));
  const created = h("div", { id: "new-webhook" });
  const form = endpointForm(out, created, () => showEndpoints(list, out));
  showEndpoints(list, out);
  return card("webhooks-card", "Webhooks",
    h("p", { class: "hint" }, "The service posts the team's events (runs, usage, purchases, alerts) to your HTTPS endpoints, signed with each endpoint's secret (Standard Webhooks). A delivery that fails is retried for 3 days."),
    list, created, form, out);
}

async function showEndpoints(list, out) {
  const answer = await call("GET", `${team()}/webhook-endpoints`);
  if (!answer.ok) {
    // a server without webhooks shows no card; any other failure says what went wrong
    if (missingEndpoint(answer)) $("webhooks-card")?.setAttribute("hidden", "");
    list.replaceChildren(unavailable("Webhooks", answer));
    $("webhook-form")?.setAttribute("hidden", "");
    return;
  }
  const endpoints = answer.body.webhook_endpoints ?? [];
  list.replaceChildren(endpoints.length
    ? h("ul", { class: "endpoints", id: "endpoint-list" }, endpoints.map((e) => endpointItem(e, out, () => showEndpoints(list, out))))
    : h("p", { class: "empty", id: "endpoint-list" }, "No endpoints yet. Add one below to receive the team's events."));
  for (const e of endpoints) {
    if (shown.get(e.endpoint_id)?.open) await loadDeliveries(e, false);
  }
}

function endpointItem(e, out, again) {
  const name = e.description || e.url;
  const enabled = e.state !== "disabled";
  const patterns = (e.event_types ?? []).filter((t) => t !== "*" && t !== "#");
  const events = patterns.length ? patterns.join(", ") : "All events";
  const view = shown.get(e.endpoint_id) ?? { open: false, deliveries: [], next: null };
  shown.set(e.endpoint_id, view);
  const toggle = h("button", { type: "button", class: "small secondary", id: `deliveries-toggle-${e.endpoint_id}`, "aria-expanded": String(view.open), "aria-controls": `deliveries-${e.endpoint_id}`, "aria-label": `Deliveries of ${name}` }, "Deliveries");
  toggle.addEventListener("click", async () => {
    view.open = !view.open;
    toggle.setAttribute("aria-expanded", String(view.open));
    $(`deliveries-${e.endpoint_id}`).hidden = !view.open;
    if (view.open) await loadDeliveries(e, false);
  });
  return h("li", { class: "endpoint", "data-endpoint": e.endpoint_id },
    h("div", { class: "endpoint-head" },
      h("code", { class: "endpoint-url" }, e.url),
      h("span", { class: `state ${enabled ? "enabled" : "disabled"}` }, enabled ? "Enabled" : "Disabled")),
    e.description ? h("p", { class: "endpoint-description" }, e.description) : null,
    h("p", { class: "endpoint-meta" },
      h("span", {}, `Events: ${events}`),
      h("span", {}, `Added ${fmt.date(e.created_at)}`)),
    enabled ? null : h("p", { class: "message", "data-kind": "error" },
      "Disabled after 3 days without a successful delivery: it receives nothing. Once it answers again, delete it and add it anew."),
    h("div", { class: "row-actions" },
      enabled ? h("button", { type: "button", class: "small", "aria-label": `Send a test event to ${name}`, onclick: (ev) => sendTest(e, ev.currentTarget) }, "Send test") : null,
      toggle,
      h("button", { type: "button", class: "small danger", "aria-label": `Delete the endpoint ${name}`, onclick: () => remove(e, out, again) }, "Delete")),
    message(`endpoint-message-${e.endpoint_id}`),
    h("div", { class: "deliveries", id: `deliveries-${e.endpoint_id}`, hidden: !view.open, role: "region", "aria-label": `Deliveries to ${name}` },
      deliveriesTable(e, view)));
}

const STATES = { delivered: "Delivered", failed: "Failed" };

function deliveryState(d) {
  if (d.state === "pending") return d.attempts > 0 ? "Retrying" : "Queued";
  return STATES[d.state] ?? "Unknown";
}

/** The endpoint's last answer: its HTTP status, or why there was none. */
function lastAnswer(d) {
  if (d.last_status) return `HTTP ${d.last_status}`;
  if (d.last_error) return d.last_error;
  return d.attempts > 0 ? "No answer" : "Not tried yet";
}

function deliveryWhen(d) {
  if (d.state === "delivered") return d.delivered_at ? `Delivered ${fmt.time(d.delivered_at)}` : "Delivered";
  if (d.state === "pending") return d.next_attempt_at ? `Next try ${fmt.time(d.next_attempt_at)}` : "Soon";
  return "No more tries";
}

function deliveriesTable(e, view) {
  const rows = view.deliveries.map((d) => h("tr", { "data-delivery": d.delivery_id },
    h("td", {}, h("code", { class: "event-type" }, d.event_type)),
    h("td", {}, h("span", { class: `state ${deliveryState(d).toLowerCase()}` }, deliveryState(d))),
    h("td", { class: "num" }, fmt.count(d.attempts)),
    h("td", { class: "answer" }, lastAnswer(d)),
    h("td", {}, deliveryWhen(d)),
    h("td", {}, d.state === "delivered" || (d.state === "pending" && d.attempts === 0) ? null
      : h("button", { type: "button", class: "small secondary", "aria-label": `Retry the ${d.event_type} delivery`, onclick: (ev) => retry(e, d, ev.currentTarget) }, "Retry"))));
  const name = e.description || e.url;
  return present(
    table("Deliveries, newest first", ["Event", "State", "Attempts", "Last answer", "When", "Action"], rows,
      { id: `delivery-list-${e.endpoint_id}`, empty: "No deliveries yet. Send a test to see one." }),
    h("div", { class: "row-actions" },
      h("button", { type: "button", class: "secondary small", "aria-label": `Refresh the deliveries of ${name}`, onclick: () => loadDeliveries(e, false) }, "Refresh"),
      view.next ? h("button", { type: "button", class: "secondary small", onclick: () => loadDeliveries(e, true) }, "Show older deliveries") : null),
    message(`deliveries-message-${e.endpoint_id}`));
}

async function loadDeliveries(e, older) {
  const view = shown.get(e.endpoint_id);
  const cursor = older && view.next ? `&cursor=${q(view.next)}` : "";
  const answer = await call("GET", `${team()}/webhook-endpoints/${q(e.endpoint_id)}/deliveries?limit=${DELIVERIES_PAGE}${cursor}`);
  const region = $(`deliveries-${e.endpoint_id}`);
  if (!region) return;
  if (!answer.ok) {
    region.replaceChildren(unavailable("Deliveries", answer));
    return;
  }
  view.deliveries = older ? [...view.deliveries, ...answer.body.deliveries] : answer.body.deliveries;
  view.next = answer.body.next_cursor ?? null;
  region.replaceChildren(...deliveriesTable(e, view));
}

async function sendTest(e, button) {
  const out = $(`endpoint-message-${e.endpoint_id}`);
  button.disabled = true;
  const answer = await call("POST", `${team()}/webhook-endpoints/${q(e.endpoint_id)}/test`);
  button.disabled = false;
  if (!answer.ok) {
    say(out, `The test was not sent: ${answer.message}`, "error");
    return;
  }
  say(out, "A test event (webhook.test) is on its way; its delivery is listed below.", "ok");
  const view = shown.get(e.endpoint_id);
  view.open = true;
  $(`deliveries-toggle-${e.endpoint_id}`)?.setAttribute("aria-expanded", "true");
  const region = $(`deliveries-${e.endpoint_id}`);
  if (region) region.hidden = false;
  await loadDeliveries(e, false);
}

async function retry(e, d, button) {
  button.disabled = true;
  const answer = await call("POST", `${team()}/webhook-endpoints/${q(e.endpoint_id)}/deliveries/${q(d.delivery_id)}/retry`);
  await loadDeliveries(e, false);
  const status = $(`deliveries-message-${e.endpoint_id}`);
  if (status) {
    say(status, answer.ok ? `The ${d.event_type} delivery is queued to be tried again now.` : `Not retried: ${answer.message}`, answer.ok ? "ok" : "error");
  }
}

async function remove(e, out, again) {
  const yes = await confirm({
    title: "Delete this endpoint?",
    text: `Delete the endpoint ${e.url}? It receives no more events, and deliveries still waiting for it are dropped. This cannot be undone.`,
    yes: "Delete endpoint",
  });
  if (!yes) return;
  const answer = await call("DELETE", `${team()}/webhook-endpoints/${q(e.endpoint_id)}`);
  if (!answer.ok) {
    say(out, `The endpoint was not deleted: ${answer.message}`, "error");
    return;
  }
  shown.delete(e.endpoint_id);
  say(out, `The endpoint ${e.url} is deleted.`, "ok");
  await again();
}

function endpointForm(out, created, after) {
  const form = h("form", { id: "webhook-form", class: "inline-form", novalidate: true },
    h("h3", {}, "Add an endpoint"),
    h("label", { for: "webhook-url" }, "Endpoint URL"),
    h("input", { id: "webhook-url", type: "url", inputmode: "url", autocomplete: "off", spellcheck: "false", placeholder: "https://example.com/webhooks/agent-credits", "aria-describedby": "webhook-url-hint" }),
    h("p", { id: "webhook-url-hint", class: "hint" }, "HTTPS, on a public address."),
    h("label", { for: "webhook-description" }, "Description (optional)"),
    h("input", { id: "webhook-description", type: "text", autocomplete: "off", maxlength: "200", placeholder: "e.g. Billing alerts to Slack" }),
    h("label", { for: "webhook-events" }, "Events (optional)"),
    h("input", { id: "webhook-events", type: "text", autocomplete: "off", spellcheck: "false", placeholder: "e.g. spend_cap.*, credits.low, run.*", "aria-describedby": "webhook-events-hint" }),
    h("p", { id: "webhook-events-hint", class: "hint" }, "Event types or patterns, separated by commas. Leave empty for every event."),
    h("button", { type: "submit", id: "webhook-add" }, "Add endpoint"));
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    const url = $("webhook-url").value.trim();
    if (!url) {
      say(out, "Enter the URL the events are to be posted to.", "error");
      $("webhook-url").focus();
      return;
    }
    const description = $("webhook-description").value.trim();
    const types = $("webhook-events").value.split(/[\s,]+/).filter(Boolean);
    const body = { url };
    if (types.length) body.event_types = types;
    if (description) body.description = description;
    $("webhook-add").disabled = true;
    say(out, "Adding the endpoint…");
    const answer = await call("POST", `${team()}/webhook-endpoints`, { body });
    $("webhook-add").disabled = false;
    if (!answer.ok) {
      say(out, `The endpoint was not added: ${answer.message}`, "error");
      $("webhook-url").focus();
      return;
    }
    for (const id of ["webhook-url", "webhook-description", "webhook-events"]) $(id).value = "";
    say(out, "");
    const box = secret("webhook-secret", `The signing secret of ${answer.body.url}: copy it now, it is shown only once. Your endpoint uses it to check each delivery's webhook-signature.`, answer.body.secret, "The endpoint's signing secret");
    box.id = "webhook-secret-box";
    box.setAttribute("tabindex", "-1");
    box.querySelector(".actions").append(
      h("button", { type: "button", class: "secondary small", id: "webhook-secret-done", onclick: () => { created.replaceChildren(); $("webhook-url").focus(); } }, "I have copied it"));
    created.replaceChildren(box);
    await after();
    box.focus();
  });
  return form;
}
