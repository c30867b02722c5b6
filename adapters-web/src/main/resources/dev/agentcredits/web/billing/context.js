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

export function memberName(id) {
  if (id === state.me.member_id) return "you";
  return state.members.get(id)?.email ?? id;
}

export function ownPool() {
  const pools = state.billing?.pools ?? [];
  if (enterprise()) return pools.find((p) => p.kind === "TEAM");
  return pools.find((p) => p.kind === "MEMBER" && p.member_id === state.me.member_id);
}

export const actions = { refresh: async () => {}, openBuy: () => {} };
