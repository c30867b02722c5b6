// The caller's runs: the list (newest first, a page at a time), a look-up by task id, what a
// refusal means in words, Retry and Cancel. Each run is one block whose explanation and actions
// wrap inside the card, so nothing is ever out of sight sideways.
import { call, q } from "./api.js";
import { $, card, confirm, h, message, say, unavailable } from "./dom.js";
import * as fmt from "./format.js";
import { actions, administers, enterprise, memberName, state, teamContacts } from "./context.js";
import { limitAdvice, refusalAdvice } from "./advice.js";
import { CHEAPEST_CENTS } from "./buy.js";

const RUNS_PAGE = 20;

const STATES = {
  QUEUED: "Queued",
  SUCCEEDED: "Succeeded",
  FAILED: "Failed",
  ERROR: "Error",
  CANCELLED: "Cancelled",
};

function poolWords(billed) {
  if (!billed) return "the billed pool";
  if (billed.kind === "TEAM") return "the team pool";
  if (state.me?.member_id && billed.member_id === state.me.member_id) return "your pool";
  if (state.me?.owner_member_id && billed.member_id === state.me.owner_member_id) {
    return "the owner's pool (team API key and scheduled runs draw from it)";
  }
  return `the pool of ${memberName(billed.member_id)}`;
}

/** What the page knows of a refused run's pool, team and reader, for advice.js. */
function refusalFacts(run) {
  const billed = run.billed_pool;
  const me = state.me ?? {};
  const pool = (state.billing?.pools ?? []).find((p) => p.kind === billed?.kind && (p.kind === "TEAM" || p.member_id === billed?.member_id));
  const payer = billed?.member_id === me.member_id ? "self" : billed?.member_id && billed.member_id === me.owner_member_id ? "owner" : "other";
  return {
    pool: poolWords(billed),
    payer,
    teamPool: billed?.kind === "TEAM" || enterprise(),
    ...teamContacts(),
    autoReload: pool?.auto_reload ?? null,
    cap: state.billing?.spend_cap ?? null,
    cheapestCents: CHEAPEST_CENTS,
    poolEmail: state.members.get(billed?.member_id)?.email ?? null,
    refreshOn: pool?.next_refresh_at ? fmt.date(pool.next_refresh_at) : null,
  };
}

/**
 * What the page knows of the member whose monthly limit refused or stopped a run, for advice.js:
 * the limit from the refusal itself when there is one, else the reader's own or the member's pool.
 */
function limitFacts(run, refused) {
  const me = state.me ?? {};
  const starter = run.submitted_by?.member_id ?? (administers() ? null : me.member_id);
  const self = starter === me.member_id;
  const mine = state.limit && state.limit.effective_monthly_credits !== null
    ? { monthly_credits: state.limit.effective_monthly_credits, month_to_date_credits: state.limit.month_to_date_credits }
    : null;
  const theirs = (state.billing?.pools ?? []).find((p) => p.kind === "MEMBER" && p.member_id === starter)?.limit ?? null;
  return {
    whose: self ? "self" : (run.submitted_by?.email || (starter ? state.members.get(starter)?.email : null) || null),
    stopped: Number(run.charged_credits ?? 0) > 0,
    limit: refused?.limit?.monthly_credits !== undefined ? refused.limit : self ? mine : theirs,
    ...teamContacts(),
  };
}

/** Who started a run, in words: the member's email, the key's name, the schedule. */
function submitter(run) {
  const by = run.submitted_by;
  if (by?.member_id) return by.member_id === state.me?.member_id ? "You" : (by.email || memberName(by.member_id));
  if (by?.key_id) return by.name ? `API key “${by.name}”` : "A team API key";
  if (by?.schedule_id) return `Schedule “${by.schedule_id}”`;
  if (run.trigger === "TEAM_API_KEY") return "A team API key";
  if (run.trigger === "SCHEDULED") return "A schedule";
  if (state.me?.kind === "member" && !administers()) return "You";
  return "A member";
}

/** Why a run failed, and what fixes it, in words. */
function explain(run) {
  if (run.state === "ERROR") {
    return "A platform error stopped this run. Retry it; if it keeps failing, contact support.";
  }
  if (run.state !== "FAILED") return null;
  const code = run.error?.code;
  if (code === "insufficient_credits") return refusalAdvice(refusalFacts(run)).text;
  if (code === "budget_exceeded") return limitAdvice(limitFacts(run, null));
  return `Failed: ${String(code ?? "unknown reason").replaceAll("_", " ")}.`;
}

function runItem(run, out) {
  const why = explain(run);
  const label = `run ${run.prompt_excerpt ? `“${run.prompt_excerpt}”` : run.task_id}`;
  const retry = run.state === "FAILED" || run.state === "ERROR"
    ? h("button", { type: "button", class: "small", "aria-label": `Retry ${label}`, onclick: (e) => retryRun(run, e.currentTarget, out) }, "Retry")
    : null;
  const cancel = run.state === "QUEUED"
    ? h("button", { type: "button", class: "small secondary", "aria-label": `Cancel ${label}`, onclick: (e) => cancelRun(run, e.currentTarget, out) }, "Cancel")
    : null;
  const state = STATES[run.state] ?? String(run.state ?? "Unknown");
  return h("li", { class: "run", "data-task": run.task_id, tabindex: "-1" },
    h("div", { class: "run-head" },
      h("span", { class: `state ${String(run.state).toLowerCase()}` }, state),
      run.created_at ? h("span", { class: "run-when" }, fmt.time(run.created_at)) : null,
      h("span", { class: "run-by" }, submitter(run)),
      h("span", { class: "credits" }, `${fmt.credits(run.charged_credits ?? 0)} charged`),
      cancel),
    run.prompt_excerpt ? h("p", { class: "run-prompt" }, `“${run.prompt_excerpt}”`) : null,
    h("p", { class: "run-meta" }, h("span", { class: "run-id" }, "Task ", h("code", {}, run.task_id)),
      run.held_credits > 0 ? h("span", {}, `${fmt.credits(run.held_credits)} held`) : null),
    why || retry ? h("div", { class: "run-why" }, why ? h("p", { class: "why" }, why) : null, retry) : null);
}

function runList(id, caption, runs, out) {
  return h("ol", { class: "runs", id, "aria-label": caption }, runs.map((r) => runItem(r, out)));
}

async function retryRun(run, button, out) {
  button.disabled = true;
  say(out, "Retrying…");
  const answer = await call("POST", `/agent/tasks/${q(run.task_id)}/retry`);
  if (!answer.ok) {
    button.disabled = false;
    // the problem's detail: for insufficient_credits, the service's advice for this case; a
    // member's limit is worded here, from the limit the refusal names
    const why = answer.body?.code === "budget_exceeded" && answer.body?.limit
      ? limitAdvice({ ...limitFacts(run, answer.body), stopped: false, lead: "The retry was refused" })
      : `The retry was refused. ${answer.message}`;
    say(out, why, "error");
    return;
  }
  lookedUp.add(run.task_id);
  focusTask = run.task_id;
  await actions.refresh({ text: `The run was retried: it is ${(STATES[answer.body.state] ?? "queued").toLowerCase()} now.`, kind: "ok" });
}

async function cancelRun(run, button, out) {
  const yes = await confirm({
    title: "Cancel this run?",
    text: `Cancel the run${run.prompt_excerpt ? ` “${run.prompt_excerpt}”` : ""}? It stops, its hold is given back, and it is charged only for the usage already reported.`,
    yes: "Cancel run",
  });
  if (!yes) return;
  button.disabled = true;
  const answer = await call("POST", `/agent/tasks/${q(run.task_id)}/cancel`);
  if (!answer.ok) {
    button.disabled = false;
    say(out, `The run was not cancelled: ${answer.message}`, "error");
    return;
  }
  focusTask = run.task_id;
  await actions.refresh({ text: `The run was cancelled; ${fmt.credits(answer.body.charged_credits ?? 0)} charged.`, kind: "ok" });
}

/** Runs looked up by id in this tab, shown again after each refresh (unless the list has them). */
const lookedUp = new Set(new URLSearchParams(location.search).getAll("task"));
/** The run to move focus to once the lists are drawn (after a retry or a cancel). */
let focusTask = null;

function focusRun(card) {
  if (!focusTask) return;
  const row = [...card.querySelectorAll(".run")].find((r) => r.dataset.task === focusTask);
  if (row) {
    focusTask = null;
    row.focus();
  }
}

export function runsCard() {
  const out = message("runs-message");
  const list = h("div", { id: "runs-list" }, h("p", { class: "loading" }, "Loading runs…"));
  const found = h("div", { id: "run-lookup-result" });
  const more = h("button", { type: "button", id: "runs-more", class: "secondary", hidden: true }, "Show more runs");
  const listed = new Map(); // task_id -> run, in the order shown
  let next = null;
  const params = new URLSearchParams({ team_id: state.me.team_id, limit: String(RUNS_PAGE) });
  if (state.me.kind === "member" && !administers()) params.set("member_id", state.me.member_id);
  const section = card("runs-card", "Recent runs", list, h("div", { class: "actions" }, more));

  const drawList = () => {
    list.replaceChildren(listed.size
      ? runList("runs", "Recent runs, newest first", [...listed.values()], out)
      : h("p", { class: "empty", id: "runs" }, "No runs yet."));
    more.hidden = !next;
  };
  const page = async () => {
    more.disabled = true;
    const cursor = next ? `&cursor=${q(next)}` : "";
    const answer = await call("GET", `/agent/tasks?${params}${cursor}`);
    more.disabled = false;
    if (!answer.ok) {
      if (listed.size) say(out, answer.message, "error");
      else list.replaceChildren(unavailable("Run lists", answer));
      return;
    }
    for (const run of answer.body.tasks ?? []) listed.set(run.task_id, run);
    next = answer.body.next_cursor ?? null;
    drawList();
    showLookedUp();
  };
  more.addEventListener("click", async () => {
    const before = listed.size;
    await page();
    list.querySelectorAll(".run")[before]?.focus();
  });

  const showLookedUp = async () => {
    const runs = [];
    for (const id of lookedUp) {
      if (listed.has(id)) continue;
      const answer = await call("GET", `/agent/tasks/${q(id)}`);
      if (answer.ok) runs.push(answer.body);
      else {
        lookedUp.delete(id);
        say(out, answer.status === 404 ? `No run has the task ID “${id}” (or it is not yours to see).` : `The run could not be looked up: ${answer.message}`, "error");
      }
    }
    found.replaceChildren(...(runs.length ? [h("h3", {}, "Looked-up runs"), runList("looked-up-runs", "Looked-up runs", runs, out)] : []));
    focusRun(section);
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
    say(out, "");
    $("task-id").value = "";
    lookedUp.add(id);
    focusTask = id;
    section.querySelectorAll(".run.found").forEach((r) => r.classList.remove("found"));
    await showLookedUp();
    section.querySelector(`.run[data-task="${CSS.escape(id)}"]`)?.classList.add("found");
  });
  section.append(found, form, out);
  page();
  return section;
}
