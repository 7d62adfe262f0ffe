import { Controller, Get, Inject } from '@nestjs/common';
import type { Catalogue } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig, OidcSettings } from '../config/config';
import { Public } from './public.decorator';

/** How the web app may sign people in. */
export interface WebAppConfig {
  /** The OpenID provider and the app's public client there; null: none configured. */
  oidc: OidcSettings | null;
  /** Whether POST /auth/dev-token exists (never in production). */
  devSignIn: boolean;
  /** With devSignIn only: the catalogue's cities the development sign-in may pick, as POST /auth/dev-token accepts them. */
  devSignInCities?: { code: string; name: string }[];
}

/**
 * `GET /app-config.json`: read by the web app before anyone is signed in, so public. It holds
 * nothing secret: a public client's id and its provider are in every sign-in redirect anyway, and
 * the cities' names only where anyone may sign in as any city.
 */
@Controller()
export class AppConfigController {
  private readonly answer: WebAppConfig;

  constructor(@Inject(APP_CONFIG) config: AppConfig, @Inject(CATALOGUE) catalogue: Catalogue) {
    const { devSignIn } = config;
    this.answer = {
      oidc: config.oidc,
      devSignIn,
      ...(devSignIn ? { devSignInCities: catalogue.cities.map(({ code, name }) => ({ code, name })) } : {}),
    };
  }

  @Get('app-config.json')
  @Public()
  appConfig(): WebAppConfig {
    return this.answer;
  }
}
