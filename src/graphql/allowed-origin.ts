import type { IncomingHttpHeaders } from 'node:http';

/**
 * Whether a WebSocket upgrade may proceed. Browsers always send Origin, and a page of another site
 * must not ride on a user's session (cross-site WebSocket hijacking); clients that are not browsers
 * send none. The service's own origin is always allowed.
 */
export function isAllowedOrigin(headers: IncomingHttpHeaders, allowList: readonly string[]): boolean {
  const { origin, host } = headers;
  if (origin === undefined) return true;
  if (allowList.includes(origin)) return true;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}
