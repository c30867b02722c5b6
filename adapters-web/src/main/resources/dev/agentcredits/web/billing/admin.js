// What the owner and admins also see: every member's pool, team API keys, the card, the ledger.
import { call, missingEndpoint, q } from "./api.js";
import { $, card, h, message, say, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, memberName, poolName, state, team } from "./context.js";

const LEDGER_PAGE = 50;


export function membersCard() {
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
          h("td", {}, h("button", { type: "button", class: "small", "aria-label": `Buy add-on credits for ${name}`, onclick: () => actions.openBuy(p.member_id) }, "Buy")));
      }), { id: "member-pools", empty: "No member pools." }));
}

export function keysCard() {
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

export function paymentCard() {
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

export function ledgerCard() {
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

