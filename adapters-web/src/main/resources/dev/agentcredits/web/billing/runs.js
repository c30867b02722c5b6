// The caller's runs: the list (when the server has one), a look-up by task id, what a refusal
// means in words, and Retry.
import { call, q } from "./api.js";
import { $, card, h, message, say, table, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, memberName, state } from "./context.js";

const RUNS_SHOWN = 20;


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
  await actions.refresh({ text: `Run ${run.task_id} was retried: it is ${STATES[answer.body.state] ?? answer.body.state} now.`, kind: "ok" });
}

/** Runs looked up by id in this tab, shown again after each refresh. */
const lookedUp = new Set(new URLSearchParams(location.search).getAll("task"));

export function runsCard() {
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

