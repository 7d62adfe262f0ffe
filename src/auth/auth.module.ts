import { type DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { Catalogue } from '../catalogue/catalogue';
import { CATALOGUE } from '../catalogue/catalogue.tokens';
import type { AppConfig } from '../config/config';
import { AccessGuard } from './access.guard';
import { AppConfigController } from './app-config.controller';
import { DevTokenController } from './dev-token.controller';
import { MutationRateLimit } from './mutation-rate-limit';
import { TokenVerifier } from './token-verifier';

@Module({})
export class AuthModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      // Without the development sign-in (production, always) there is no route at all: it answers 404 like any unknown path.
      controllers: [AppConfigController, ...(config.devSignIn ? [DevTokenController] : [])],
      providers: [
        { provide: TokenVerifier, useFactory: (catalogue: Catalogue) => new TokenVerifier(config.auth, catalogue), inject: [CATALOGUE] },
        { provide: MutationRateLimit, useValue: new MutationRateLimit(config.mutationsPerMinute) },
        { provide: APP_GUARD, useClass: AccessGuard },
      ],
      exports: [TokenVerifier],
    };
  }
}
