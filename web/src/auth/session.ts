import { appConfig } from './app-config';
import { keepSignIn, keepTokens, type KeptTokens, keptTokens, takeSignIn } from './kept-tokens';
import { OidcClient } from './oidc-client';
import { scheduleRenewal } from './renewal';
import { sessionOf } from './token-session';

/** Who is signed in, from their access token's claims. */
export interface Session {
  accessToken: string;
  role: 'adviser' | 'coordinator' | 'researcher' | 'admin';
  /** A city code, or '*' for every city (researchers and admins always). */
  city: string;
  subject: string;
  /** The access token's expiry, in milliseconds since the epoch. */
  expiresAt: number;
}

type Listener = (session: Session | null) => void;

const listeners = new Set<Listener>();
let tokens: KeptTokens | null = null;
let current: Session | null = null;
let cancelRenewal = (): void => {};
let client: Promise<OidcClient> | null = null;

/** The provider's client, set up once from the service's sign-in options; the app's root is its redirect URI. */
function oidcClient(): Promise<OidcClient> {
  client ??= appConfig().then(({ oidc }) => {
    if (!oidc) throw new Error('The service offers no OpenID Connect sign-in');
    return OidcClient.discover({ ...oidc, redirectUri: `${location.origin}/` });
  });
  client.catch(() => {
    client = null;
  });
  return client;
}

/** Keeps the tokens (or forgets them), tells the listeners, and plans the next renewal. */
function publish(next: KeptTokens | null): Session | null {
  cancelRenewal();
  tokens = next;
  keepTokens(next);
  current = next ? sessionOf(next.accessToken) : null;
  if (current) cancelRenewal = scheduleRenewal(current.expiresAt, () => void renew());
  for (const listener of listeners) listener(current);
  return current;
}

/**
 * Before the access token expires: a new one with the refresh token (the provider may rotate it),
 * else a new sign-in at the provider, which comes straight back while its own session lasts. A
 * development token cannot be renewed: its session ends.
 */
async function renew(): Promise<void> {
  const held = tokens;
  if (held?.kind !== 'oidc') {
    publish(null);
    return;
  }
  try {
    if (!held.refreshToken) throw new Error('No refresh token');
    publish({ kind: 'oidc', ...(await (await oidcClient()).refresh(held.refreshToken, held.idToken)) });
  } catch {
    // A provider that cannot be reached at all ends the session: the app shows its sign-in page.
    await signIn().catch(() => publish(null));
  }
}

/**
 * The session of this tab: the provider's redirect back with `?code` completed (the URL then
 * cleaned), else the tokens kept in sessionStorage while still valid. Renewal is scheduled.
 */
export async function startSession(): Promise<Session | null> {
  const url = new URL(location.href);
  const pending = takeSignIn();
  if (pending && (url.searchParams.has('code') || url.searchParams.has('error'))) {
    // The code serves once: it is not left in the address bar or the history.
    history.replaceState(null, '', pending.returnTo);
    dispatchEvent(new PopStateEvent('popstate'));
    return publish({ kind: 'oidc', ...(await (await oidcClient()).exchangeCode(url, pending)) });
  }
  const kept = keptTokens();
  if (!kept || sessionOf(kept.accessToken).expiresAt > Date.now()) return publish(kept);
  // Expired while the tab slept or was away: renewed at once, or over.
  tokens = kept;
  await renew();
  return current;
}

/** Sends the browser to the provider's sign-in; it comes back to the page it left (startSession completes it). */
export async function signIn(): Promise<void> {
  const { url, pending } = await (await oidcClient()).authorizationUrl();
  keepSignIn({ ...pending, returnTo: location.pathname === '/sign-in' ? '/' : location.pathname });
  location.assign(url);
}

/** A development token from the service (POST /auth/dev-token): outside production only. */
export async function devSignIn(role: Session['role'], city: string): Promise<Session> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, city }),
  });
  if (!response.ok) {
    const refusal = (await response.json().catch(() => null)) as { errors?: { message?: string }[] } | null;
    throw new Error(refusal?.errors?.[0]?.message ?? `Development sign-in refused (${response.status})`);
  }
  const { accessToken } = (await response.json()) as { accessToken: string };
  return publish({ kind: 'dev', accessToken })!;
}

/** Forgets the tokens; after an OpenID sign-in, ends the provider's session too when it offers that. */
export async function signOut(): Promise<void> {
  const held = tokens;
  publish(null);
  if (held?.kind !== 'oidc') return;
  const endSession = (await oidcClient()).endSessionUrl(held.idToken, `${location.origin}/`);
  if (endSession) location.assign(endSession);
}

/** Calls `listener` at every sign-in, renewal and sign-out; the function returned stops it. */
export function onSessionChange(listener: Listener): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentSession(): Session | null {
  return current;
}

/** Which ways of signing in the service offers. */
export async function signInOptions(): Promise<{ oidc: boolean; devSignIn: boolean }> {
  const { oidc, devSignIn } = await appConfig();
  return { oidc: oidc !== null, devSignIn };
}
