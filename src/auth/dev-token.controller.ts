import { Body, Controller, HttpCode, Inject, Post } from '@nestjs/common';
import { decodeJwt } from 'jose';
import type { Catalogue } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import { APP_CONFIG } from '../config/config.module';
import type { AppConfig } from '../config/config';
import { InvalidInput } from '../journey/domain/errors';
import { DevTokenRequest } from './dev-token-request';
import { issueToken } from './issue-token';
import { ALL_CITIES } from './principal';
import { Public } from './public.decorator';

/** What the web app keeps of a development sign-in. */
export interface DevToken {
  accessToken: string;
  /** The token's `exp`, ISO 8601. */
  expiresAt: string;
}

/** A development token's lifetime: a working day's session, as `npm run token` gives by default. */
const DEV_TOKEN_LIFETIME = '8h';

/**
 * `POST /auth/dev-token`: the development sign-in page's token for a role and city, as
 * `npm run token` prints. Registered only where the settings offer it (AppConfig.devSignIn): in production the route does
 * not exist (404). Public, as a sign-in is: it signs only what anyone could sign with the
 * development secret.
 */
@Controller('auth')
export class DevTokenController {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @Inject(CATALOGUE) private readonly catalogue: Catalogue,
  ) {}

  @Post('dev-token')
  @Public()
  @HttpCode(200)
  async issue(@Body() { role, city }: DevTokenRequest): Promise<DevToken> {
    if (city !== ALL_CITIES && !this.catalogue.cities.some((c) => c.code === city)) {
      const codes = this.catalogue.cities.map((c) => c.code).join(', ');
      throw new InvalidInput([{ field: 'city', message: `city must be one of ${codes}, or '*' for every city` }]);
    }
    // Researchers and admins reach every city whatever their token says: theirs carries none, as the CLI's.
    const tokenCity = role === 'adviser' || role === 'coordinator' ? city : null;
    const sub = `dev-${role}-${tokenCity === null || tokenCity === ALL_CITIES ? 'all' : tokenCity}`;
    // The settings offer it with HS256 settings only; this tells the compiler so.
    if (this.config.auth.kind !== 'hs256') throw new Error('Development tokens need HS256 settings');
    const accessToken = await issueToken(this.config.auth, { sub, role, city: tokenCity }, DEV_TOKEN_LIFETIME);
    return { accessToken, expiresAt: new Date(decodeJwt(accessToken).exp! * 1_000).toISOString() };
  }
}
