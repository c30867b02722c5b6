// Amounts are integers (credits, cents) from the API; they are shown with integer and string
// arithmetic only, so no floating-point rounding ever reaches a price.

const GROUPS = /\B(?=(\d{3})+(?!\d))/g;

/** 1500 -> "1,500" */
export function count(n) {
  const value = Math.trunc(Number(n) || 0);
  const sign = value < 0 ? "-" : "";
  return sign + String(Math.abs(value)).replace(GROUPS, ",");
}

/** 1500 -> "1,500 credits", 1 -> "1 credit" */
export function credits(n) {
  return `${count(n)} ${Math.abs(Number(n)) === 1 ? "credit" : "credits"}`;
}

/** 2000 -> "$20.00", -5 -> "-$0.05" */
export function dollars(cents) {
  const value = Math.trunc(Number(cents) || 0);
  const digits = String(Math.abs(value)).padStart(3, "0");
  const whole = digits.slice(0, -2).replace(GROUPS, ",");
  return `${value < 0 ? "-" : ""}$${whole}.${digits.slice(-2)}`;
}

/**
 * "500", "$1,000.5", "20.05" -> integer cents; null when the text is not an amount of dollars
 * with at most two decimals.
 */
export function parseDollars(text) {
  const match = /^\s*\$?\s*(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d{1,2}))?\s*$/.exec(text ?? "");
  if (!match) {
    return null;
  }
  const whole = match[1].replaceAll(",", "");
  const fraction = (match[2] ?? "").padEnd(2, "0");
  const cents = `${whole}${fraction}`.replace(/^0+(?=\d)/, "");
  return cents.length > 15 ? null : Number(cents);
}

const DAY = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });
const TIME = new Intl.DateTimeFormat("en-US", {
  dateStyle: "medium",
  timeStyle: "short",
  timeZone: "UTC",
  hour12: false,
});

/** An ISO instant as "Mar 5, 2031" (UTC) */
export function date(iso) {
  return iso ? DAY.format(new Date(iso)) : "—";
}

/** An ISO instant as "Mar 5, 2031, 12:00 UTC" */
export function time(iso) {
  return iso ? `${TIME.format(new Date(iso))} UTC` : "—";
}

/** "2031-03-05" -> "Mar 5" */
export function shortDay(isoDate) {
  return new Intl.DateTimeFormat("en-US", { month: "short", day: "numeric", timeZone: "UTC" })
    .format(new Date(`${isoDate}T00:00:00Z`));
}

/** An Idempotency-Key: crypto.randomUUID where the page is a secure context, else the same shape. */
export function uuid() {
  if (globalThis.crypto?.randomUUID) {
    return crypto.randomUUID();
  }
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40;
  bytes[8] = (bytes[8] & 0x3f) | 0x80;
  const hex = [...bytes].map((b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
