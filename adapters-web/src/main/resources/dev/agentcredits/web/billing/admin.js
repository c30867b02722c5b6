// What the owner and admins also see: team API keys; and everyone's ledger (a member: their own).
import { call, q } from "./api.js";
import { $, card, confirm, h, message, present, say, secret, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { administers, enterprise, poolName, state, team } from "./context.js";

const LEDGER_PAGE = 50;


export function keysCard() {
  const out = message("keys-message");
  const list = h("div", { id: "keys" }, h("p", { class: "loading" }, "Loading keys…"));
  const shown = h("div", { id: "new-key" });
  const showKeys = async () => {
    const answer = await call("GET", `${team()}/api-keys`);
    const keys = answer.ok ? answer.body.api_keys : state.issuedKeys;
    list.replaceChildren(...present(
      answer.ok ? null : unavailable("Key lists", answer),
      table("Team API keys", ["Name", "Created", "Last used", "Status", "Action"],
        keys.map((k) => h("tr", { "data-key": k.key_id },
          h("td", {}, k.name || "Unnamed key"),
          h("td", {}, fmt.time(k.created_at)),
          h("td", {}, k.last_used_at ? fmt.time(k.last_used_at) : "Never"),
          h("td", {}, k.revoked_at ? `Revoked ${fmt.date(k.revoked_at)}` : "Active"),
          h("td", {}, k.revoked_at ? null : h("button", { type: "button", class: "small danger", "aria-label": `Revoke key ${k.name || "Unnamed key"}`, onclick: () => revoke(k, out, showKeys) }, "Revoke")))),
        { id: "key-list", empty: answer.ok ? "No team API keys." : "No keys created in this tab." })));
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
    const box = secret("new-key-value", `The key “${name}”: copy it now, it is shown only once.`, answer.body.api_key);
    box.setAttribute("tabindex", "-1");
    shown.replaceChildren(box);
    say(out, "");
    await showKeys();
    box.focus();
  });
  showKeys();
  return card("keys-card", "Team API keys",
    h("p", { class: "hint" }, enterprise()
      ? "Runs submitted with a team API key draw from the team pool."
      : "Runs submitted with a team API key draw from the owner's pool."), list, form, shown, out);
}

async function revoke(key, out, after) {
  const name = key.name || "Unnamed key";
  const yes = await confirm({
    title: "Revoke this key?",
    text: `Revoke the key “${name}”? Anything using it stops working at once. This cannot be undone.`,
    yes: "Revoke",
  });
  if (!yes) return;
  const answer = await call("DELETE", `${team()}/api-keys/${q(key.key_id)}`);
  if (!answer.ok) {
    say(out, answer.message, "error");
    return;
  }
  state.issuedKeys = state.issuedKeys.map((k) => (k.key_id === key.key_id ? { ...k, revoked_at: new Date().toISOString() } : k));
  say(out, `The key “${name}” is revoked.`, "ok");
  await after();
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
        h("td", {}, String(e.kind ?? "").replaceAll("_", " ")),
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

