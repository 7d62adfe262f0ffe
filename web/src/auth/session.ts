import { AppError, serviceErrorOf } from '../api/failure';
import { serviceFetch } from '../api/service-fetch';
import { appConfig } from './app-config';
import { keepReturnTo, keepSignIn, keepTokens, type KeptTokens, keptTokens, takeReturnTo, takeSignIn } from './kept-tokens';
import { OidcClient } from './oidc-client';
import { scheduleRenewal } from './renewal';
import { signInFailureOf } from './sign-in-failure';
import { sessionOf } from './token-session';

/** The roles the service knows, as POST /auth/dev-token accepts them. */
export const ROLES = ['coordinator', 'researcher', 'adviser', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** Who is signed in, from their access token's claims. */
export interface Session {
  accessToken: string;
  /** Who it is: the token's `sub` ('' when it names none). */
  user: string;
  /** As the token says: one of ROLES, or a role this app has no page for. */
  role: string;
  /** A city code, or '*' for every city (researchers and admins always). */
  city: string;
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
    if (!oidc) throw new AppError('SIGN_IN_FAILED', 'The service offers no OpenID Connect sign-in');
    return OidcClient.discover({ ...oidc, redirectUri: `${location.origin}/` }).catch((error: unknown) => {
      throw signInFailureOf(error);
    });
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
    // Signing in again on the sign-in page comes back here.
    keepReturnTo(location.pathname + location.search);
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
    const provider = await oidcClient();
    const exchanged = await provider.exchangeCode(url, pending).catch((error: unknown) => {
      throw signInFailureOf(error);
    });
    return publish({ kind: 'oidc', ...exchanged });
  }
  const kept = keptTokens();
  if (kept && !decodes(kept.accessToken)) {
    publish(null);
    throw new AppError('UNAUTHENTICATED', 'The token kept by this tab is not a JWT');
  }
  if (!kept || sessionOf(kept.accessToken).expiresAt > Date.now()) return publish(kept);
  // Expired while the tab slept or was away: renewed at once, or over.
  tokens = kept;
  await renew();
  return current;
}

/** Whether a kept token can be read at all (sessionStorage is the tab's, but anything may have written there). */
function decodes(accessToken: string): boolean {
  try {
    sessionOf(accessToken);
    return true;
  } catch {
    return false;
  }
}

/**
 * Sends the browser to the provider's sign-in; it comes back to the page it left, or from the
 * sign-in page to the one signing in again was asked from (startSession completes it).
 */
export async function signIn(): Promise<void> {
  const { url, pending } = await (await oidcClient()).authorizationUrl();
  // With its query: a form of one milestone (`?sequence=3`), a filtered case list.
  const returnTo = location.pathname === '/sign-in' ? (takeReturnTo() ?? '/') : location.pathname + location.search;
  keepSignIn({ ...pending, returnTo });
  location.assign(url);
}

/**
 * After the service refused the session's token: a new sign-in that comes back to this page.
 * At the provider straight away (while its own session lasts, nothing is asked); after a
 * development sign-in, the sign-in page, which comes back here (`returnPage`), as when it expires.
 */
export async function signInAgain(): Promise<void> {
  if (tokens?.kind === 'oidc') return signIn();
  return renew();
}

/** The page signing in again was asked from, once: where the app goes after the sign-in page. */
export const returnPage = (): string | null => takeReturnTo();

/** A development token from the service (POST /auth/dev-token): outside production only. */
export async function devSignIn(role: Role, city: string): Promise<Session> {
  const response = await serviceFetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, city }),
  });
  if (!response.ok) throw await serviceErrorOf(response);
  const { accessToken } = (await response.json()) as { accessToken: string };
  return publish({ kind: 'dev', accessToken })!;
}

/**
 * Forgets the tokens and everything else the tab kept for this person (form drafts with personal
 * details, the last case list): the next person at this browser finds none of it. After an OpenID
 * sign-in, ends the provider's session too when it offers that.
 */
export async function signOut(): Promise<void> {
  const held = tokens;
  publish(null);
  sessionStorage.clear();
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

/** Which ways of signing in the service offers, and the cities the development sign-in may pick. */
export async function signInOptions(): Promise<{ oidc: boolean; devSignIn: boolean; devSignInCities: { code: string; name: string }[] }> {
  const { oidc, devSignIn, devSignInCities } = await appConfig();
  return { oidc: oidc !== null, devSignIn, devSignInCities: devSignInCities ?? [] };
}
