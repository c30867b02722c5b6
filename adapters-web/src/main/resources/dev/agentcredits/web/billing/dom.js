// Building the page: elements made with textContent only, never innerHTML, so nothing the
// service answers can become markup.
import { missingEndpoint } from "./api.js";

export const $ = (id) => document.getElementById(id);

/** h("p", {class: "x", onclick: f}, "text", child) */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith("on")) el.addEventListener(name.slice(2), value);
    else if (name === "checked" || name === "selected") el.toggleAttribute(name, true); // the default, so "changed" can be told
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

export function card(id, title, ...content) {
  return h("section", { class: "card", id, "aria-labelledby": `${id}-title` },
    h("h2", { id: `${id}-title` }, title), ...content);
}

export function message(id) {
  return h("p", { id, class: "message", role: "status" });
}

export function say(el, text, kind = "info") {
  el.textContent = text;
  el.dataset.kind = kind;
}

/** Children for replaceChildren/append without the null, undefined and false ones (never "null"). */
export const present = (...children) => children.flat().filter((c) => c !== null && c !== undefined && c !== false);

/**
 * A table; where its card is narrow each row of a wide table reads as a small card, every cell
 * labelled with its column (data-label), so no column is ever out of sight.
 */
export function table(caption, headers, rows, { id, empty } = {}) {
  if (rows.length === 0) {
    return h("p", { class: "empty", id }, empty ?? "Nothing yet.");
  }
  for (const row of rows) {
    [...row.cells].forEach((cell, i) => cell.setAttribute("data-label", headers[i] ?? ""));
  }
  return h("div", { class: "scroll", role: "region", "aria-label": caption, tabindex: "0" },
    h("table", { id, class: headers.length > 3 ? "stack" : null },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows)));
}

export function unavailable(what, answer) {
  return h("p", { class: "empty unavailable" },
    missingEndpoint(answer) ? `${what} are not available on this server yet.` : answer.message);
}

/** A secret shown once (a new API key, a webhook signing secret): the value and a Copy button. */
export function secret(id, intro, value, label = "The new API key") {
  const status = h("p", { class: "hint", role: "status" });
  const output = h("output", { id, class: "code", "aria-label": label }, value);
  return h("div", { class: "secret" },
    h("p", {}, intro),
    output,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary small", id: `${id}-copy`, onclick: () => copy(value, output, status) }, "Copy")),
    status);
}

async function copy(value, output, status) {
  try {
    await navigator.clipboard.writeText(value);
    say(status, "Copied to the clipboard.", "ok");
    return;
  } catch (e) {
    // no clipboard permission (or not a secure context): select the text and copy it the old way
  }
  const range = document.createRange();
  range.selectNodeContents(output);
  const selection = getSelection();
  selection.removeAllRanges();
  selection.addRange(range);
  const copied = document.execCommand?.("copy");
  say(status, copied ? "Copied to the clipboard." : "Selected: press Ctrl+C (⌘C on a Mac) to copy it.", copied ? "ok" : "info");
}

/**
 * Asks in the confirm dialog; resolves true when the person confirms. Focus starts on Cancel, so
 * Enter alone never does the destructive thing.
 */
export function confirm({ title, text, yes, danger = true }) {
  const dialog = $("confirm-dialog");
  $("confirm-title").textContent = title;
  $("confirm-text").textContent = text;
  $("confirm-yes").textContent = yes;
  $("confirm-yes").className = danger ? "danger" : "";
  dialog.returnValue = "";
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => resolve(dialog.returnValue === "yes"), { once: true });
    dialog.showModal();
    $("confirm-no").focus();
  });
}
