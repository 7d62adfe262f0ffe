import type { OidcTokens, PendingSignIn } from './oidc-client';

/**
 * What this tab keeps in sessionStorage, not localStorage: it ends with the tab, and is not shared
 * with other tabs or kept on disk for the next person at the computer.
 */
export type KeptTokens = ({ kind: 'oidc' } & OidcTokens) | { kind: 'dev'; accessToken: string };

/** A sign-in under way at the provider, and the app's path to come back to. */
export type KeptSignIn = PendingSignIn & { returnTo: string };

const TOKENS = 'journeys.tokens';
const SIGN_IN = 'journeys.sign-in';
const RETURN_TO = 'journeys.return-to';

const read = <T>(key: string): T | null => {
  const text = sessionStorage.getItem(key);
  return text === null ? null : (JSON.parse(text) as T);
};

export const keptTokens = (): KeptTokens | null => read<KeptTokens>(TOKENS);

export function keepTokens(tokens: KeptTokens | null): void {
  if (tokens) sessionStorage.setItem(TOKENS, JSON.stringify(tokens));
  else sessionStorage.removeItem(TOKENS);
}

export const keepSignIn = (signIn: KeptSignIn): void => sessionStorage.setItem(SIGN_IN, JSON.stringify(signIn));

/** The sign-in under way, removed: its state, nonce and verifier serve once. */
export function takeSignIn(): KeptSignIn | null {
  const signIn = read<KeptSignIn>(SIGN_IN);
  sessionStorage.removeItem(SIGN_IN);
  return signIn;
}

/** The page to come back to after signing in again on the development sign-in page. */
export const keepReturnTo = (path: string): void => sessionStorage.setItem(RETURN_TO, path);

/** The page to come back to, removed: it serves once. */
export function takeReturnTo(): string | null {
  const path = sessionStorage.getItem(RETURN_TO);
  sessionStorage.removeItem(RETURN_TO);
  return path;
}
