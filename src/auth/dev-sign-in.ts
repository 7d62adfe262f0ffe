import type { AppConfig } from '../config/config';

/**
 * Whether the service signs development tokens for the web app's sign-in page: outside production
 * only, and only when it verifies HS256 tokens itself. With AUTH_JWKS_URL the identity provider
 * signs every token, and a token signed here would not verify anyway.
 */
export const offersDevSignIn = ({ production, auth }: Pick<AppConfig, 'production' | 'auth'>): boolean => !production && auth.kind === 'hs256';
