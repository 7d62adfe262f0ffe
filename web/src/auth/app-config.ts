import { serviceErrorOf } from '../api/failure';
import { serviceFetch } from '../api/service-fetch';
import type { OidcClientSettings } from './oidc-client';

/** How the service lets people sign in (GET /app-config.json). */
export interface AppConfig {
  oidc: Omit<OidcClientSettings, 'redirectUri'> | null;
  devSignIn: boolean;
  /** With devSignIn only: the catalogue's cities (src/auth/app-config.controller.ts). */
  devSignInCities?: { code: string; name: string }[];
}

let loading: Promise<AppConfig> | null = null;

/** The service's sign-in options, asked once per page load (again after a failure). */
export function appConfig(): Promise<AppConfig> {
  loading ??= serviceFetch('/app-config.json').then(async (response) => {
    if (!response.ok) throw await serviceErrorOf(response);
    return (await response.json()) as AppConfig;
  });
  loading.catch(() => {
    loading = null;
  });
  return loading;
}
