// The team's members, for the owner and admins: each one's pool (self-serve plans), Buy for
// them, Rotate key (a new key shown once) and Remove member (not the owner).
import { call, q, session } from "./api.js";
import { card, confirm, h, message, say, secret, table } from "./dom.js";
import * as fmt from "./format.js";
import { actions, enterprise, memberName, state, team } from "./context.js";

const ROLES = { OWNER: "Owner", ADMIN: "Admin", MEMBER: "Member" };

export function membersCard() {
  const out = message("members-message");
  const shown = h("div", { id: "member-key" });
  const owner = state.me.owner_member_id;
  const pools = new Map((state.billing.pools ?? []).filter((p) => p.kind === "MEMBER").map((p) => [p.member_id, p]));
  // the members list says who is on the team (a removed member's pool may linger while it settles)
  const ids = state.members.size ? [...state.members.keys()] : [...pools.keys()];
  const email = (id) => (id === state.me.member_id ? state.me.email : memberName(id));
  ids.sort((a, b) => (a === owner ? -1 : b === owner ? 1 : email(a).localeCompare(email(b))));
  const selfServe = !enterprise();
  const headers = selfServe ? ["Member", "Available", "Auto-reload", "Actions"] : ["Member", "Role", "Actions"];
  const rows = ids.map((id) => {
    const name = memberName(id);
    const role = id === owner ? "OWNER" : state.members.get(id)?.role;
    const who = h("th", { scope: "row" }, name === "you" ? `${state.me.email} (you)` : name,
      id === owner && selfServe
        ? h("span", { class: "badge" }, "Owner · team API key and scheduled runs draw from this pool")
        : selfServe ? h("span", { class: "breakdown" }, ROLES[role] ?? "Member") : null);
    const buttons = h("td", {}, h("div", { class: "row-actions" },
      selfServe && pools.has(id)
        ? h("button", { type: "button", class: "small", id: `buy-for-${id}`, "aria-label": `Buy add-on credits for ${name}`, onclick: (e) => actions.openBuy(id, e.currentTarget) }, "Buy")
        : null,
      h("button", { type: "button", class: "small secondary", "aria-label": `Rotate the key of ${name}`, onclick: () => rotate(id, out, shown) }, "Rotate key"),
      id === owner || id === state.me.member_id ? null
        : h("button", { type: "button", class: "small danger", "aria-label": `Remove ${name} from the team`, onclick: () => remove(id, out) }, "Remove member")));
    if (!selfServe) {
      return h("tr", { "data-member": id }, who, h("td", {}, ROLES[role] ?? "Member"), buttons);
    }
    const p = pools.get(id);
    const r = p?.auto_reload;
    return h("tr", { "data-member": id }, who,
      h("td", {}, h("span", {}, p ? fmt.credits(p.available_credits) : "No pool",
        p ? h("span", { class: "breakdown" }, breakdown(p)) : null)),
      h("td", {}, r?.enabled ? `On: ${fmt.credits(r.denomination_credits)} at ${fmt.count(r.threshold_credits)}` : "Off"),
      buttons);
  });
  return card("members", selfServe ? "Members and their pools" : "Members",
    table(selfServe ? "Every member's pool" : "Every member", headers, rows, { id: "member-pools", empty: "No members." }),
    shown, out);
}

/** "1,500 plan · 1,000 add-on · 20 held · 5 in arrears", the parts that are not zero. */
function breakdown(p) {
  const parts = [
    [p.plan_credits, "plan"],
    [p.addon_credits, "add-on"],
    [p.held_credits, "held"],
    [p.arrears_credits, "in arrears"],
  ].filter(([n]) => n > 0);
  return parts.length ? parts.map(([n, w]) => `${fmt.count(n)} ${w}`).join(" · ") : "nothing left";
}

async function rotate(id, out, shown) {
  const name = memberName(id);
  const self = id === state.me.member_id;
  const yes = await confirm({
    title: "Rotate this key?",
    text: self
      ? "Rotate your own key? Your current key stops working at once; this page signs in with the new one, shown once for you to copy."
      : `Rotate the key of ${name}? Their current key stops working at once, also for anything that uses it. The new key is shown once here: give it to them.`,
    yes: "Rotate key",
  });
  if (!yes) return;
  const answer = await call("POST", `${team()}/members/${q(id)}/api-key`);
  if (!answer.ok) {
    say(out, `The key was not rotated: ${answer.message}`, "error");
    return;
  }
  if (self) session.remember(answer.body.api_key);
  say(out, "");
  const box = secret("member-key-value", `The new key of ${self ? "yours" : name}: copy it now, it is shown only once.`, answer.body.api_key);
  box.id = "member-key-box";
  box.setAttribute("tabindex", "-1");
  shown.replaceChildren(box);
  box.focus();
}

async function remove(id, out) {
  const name = memberName(id);
  const yes = await confirm({
    title: "Remove this member?",
    text: enterprise()
      ? `Remove ${name} from the team? Their keys stop working at once; runs in progress finish. Their history stays in the ledger.`
      : `Remove ${name} from the team? Their keys stop working at once, and their remaining add-on credits move to the owner's pool. Runs in progress finish. Their history stays in the ledger.`,
    yes: "Remove member",
  });
  if (!yes) return;
  const answer = await call("DELETE", `${team()}/members/${q(id)}`);
  if (!answer.ok) {
    say(out, `${name} was not removed: ${answer.message}`, "error");
    return;
  }
  await actions.refresh({ text: `${name} was removed from the team; their keys no longer work.`, kind: "ok" });
  document.getElementById("notice")?.setAttribute("tabindex", "-1");
  document.getElementById("notice")?.focus();
}
