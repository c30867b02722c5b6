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

export function table(caption, headers, rows, { id, empty } = {}) {
  if (rows.length === 0) {
    return h("p", { class: "empty", id }, empty ?? "Nothing yet.");
  }
  return h("div", { class: "scroll", role: "region", "aria-label": caption, tabindex: "0" },
    h("table", { id },
      h("caption", {}, caption),
      h("thead", {}, h("tr", {}, headers.map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rows)));
}

export function unavailable(what, answer) {
  return h("p", { class: "empty unavailable" },
    missingEndpoint(answer) ? `${what} are not available on this server yet.` : answer.message);
}
