/**
 * TEMPORARY, development sign-in only: stands in for the OpenID Connect session module, which
 * replaces this file with the same exports.
 */
export interface Session {
  accessToken: string;
  role: 'adviser' | 'coordinator' | 'researcher' | 'admin';
  city: string;
  subject: string;
  expiresAt: number;
}

const STORAGE_KEY = 'session';
const listeners = new Set<(session: Session | null) => void>();
let current: Session | null = null;

function set(session: Session | null): void {
  current = session;
  if (session) sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session));
  else sessionStorage.removeItem(STORAGE_KEY);
  for (const listener of listeners) listener(session);
}

/** The session kept in this tab, if it has not expired. */
export async function startSession(): Promise<Session | null> {
  const stored = sessionStorage.getItem(STORAGE_KEY);
  const session = stored ? (JSON.parse(stored) as Session) : null;
  set(session && session.expiresAt > Date.now() ? session : null);
  return current;
}

/** Not available in this stand-in. */
export async function signIn(): Promise<void> {
  throw new Error('OpenID Connect sign-in is not available');
}

/** A development token from the service for a role and city. */
export async function devSignIn(role: Session['role'], city: string): Promise<Session> {
  const response = await fetch('/auth/dev-token', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ role, city }),
  });
  if (!response.ok) throw new Error(`Development sign-in refused (${response.status})`);
  const { accessToken, expiresAt } = (await response.json()) as { accessToken: string; expiresAt: number };
  const session: Session = { accessToken, role, city, subject: `dev-${role}`, expiresAt };
  set(session);
  return session;
}

export async function signOut(): Promise<void> {
  set(null);
}

export function onSessionChange(listener: (session: Session | null) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function currentSession(): Session | null {
  return current;
}

/** What the service offers: GET /app-config.json. */
export async function signInOptions(): Promise<{ oidc: boolean; devSignIn: boolean }> {
  const response = await fetch('/app-config.json');
  if (!response.ok) return { oidc: false, devSignIn: true };
  const config = (await response.json()) as { oidc?: unknown; devSignIn?: boolean };
  return { oidc: Boolean(config.oidc), devSignIn: Boolean(config.devSignIn) };
}
