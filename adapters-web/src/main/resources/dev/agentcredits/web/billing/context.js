// What the page knows about the signed-in caller, shared by its sections, and the two actions
// sections ask of the page (refresh everything, open the purchase dialog), set by app.js.
import { q } from "./api.js";


export const state = {
  me: null,
  billing: null,
  members: new Map(), // member_id -> {email, role}
  issuedKeys: [], // keys created in this tab, listed when the server cannot list them
  ledger: { entries: [], next: null },
  notice: null,
};

export const administers = () => state.me?.role === "OWNER" || state.me?.role === "ADMIN";
export const enterprise = () => state.me?.plan === "ENTERPRISE";
export const team = () => `/teams/${q(state.me.team_id)}`;

/** A ledger pool id ("m:<member>", "t:<team>") in words; anything else as it is. */
export function poolName(poolId) {
  const [kind, id] = String(poolId).split(/:(.*)/s);
  if (kind === "m" && id) return memberName(id) === "you" ? "Yours" : memberName(id);
  if (kind === "t" && id) return "Team pool";
  return poolId;
}

/** A member by email ("you" for the caller); never the id, which means nothing to a person. */
export function memberName(id) {
  if (id === state.me?.member_id) return "you";
  return state.members.get(id)?.email ?? (administers() ? "a former member" : "another member");
}

/** "BUILD" -> "Build plan" */
export function planName(plan) {
  const word = String(plan ?? "").toLowerCase();
  return word ? `${word.charAt(0).toUpperCase()}${word.slice(1)} plan` : "";
}

const BRANDS = { visa: "Visa", mastercard: "Mastercard", amex: "American Express", discover: "Discover", diners: "Diners Club", jcb: "JCB", unionpay: "UnionPay" };

/** A card as "Visa ••4242"; null without one. */
export function cardName(card) {
  if (!card?.last4) return null;
  const brand = BRANDS[String(card.brand).toLowerCase()] ?? (card.brand ? `${card.brand.charAt(0).toUpperCase()}${card.brand.slice(1)}` : "Card");
  return `${brand} ••${card.last4}`;
}

/** The team's card from the billing answer (payment_method.card), when it has one. */
export const teamCard = () => state.billing?.payment_method?.card ?? null;

export function ownPool() {
  const pools = state.billing?.pools ?? [];
  if (enterprise()) return pools.find((p) => p.kind === "TEAM");
  return pools.find((p) => p.kind === "MEMBER" && p.member_id === state.me.member_id);
}

/** The reader's role and the others who can act for the team (the emails the page knows). */
export function teamContacts() {
  const me = state.me ?? {};
  const others = [...state.members.values()];
  return {
    role: me.kind === "member" ? me.role : null,
    owner: others.find((m) => m.role === "OWNER" && m.member_id !== me.member_id)?.email ?? null,
    admins: others.filter((m) => m.role === "ADMIN" && m.member_id !== me.member_id).map((m) => m.email),
  };
}

export const actions = { refresh: async () => {}, openBuy: () => {} };
