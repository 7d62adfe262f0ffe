/** Renewal comes this long before expiry; for a token with less than four times that left, when a quarter of its life remains. */
const AHEAD_MS = 60_000;

/** Calls `renew` shortly before `expiresAt`; the function returned cancels it. */
export function scheduleRenewal(expiresAt: number, renew: () => void): () => void {
  const remaining = expiresAt - Date.now();
  const timer = setTimeout(renew, Math.max(0, remaining - AHEAD_MS, remaining * 0.75));
  return () => clearTimeout(timer);
}
