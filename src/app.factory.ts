import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Clock } from './clock/clock';
import type { AppConfig } from './config/config';
import { limitRequestsPerAddress } from './graphql/hardening/address-budget';
import { HttpErrorsFilter } from './graphql/hardening/http-errors.filter';
import { limitRequestBodies } from './graphql/hardening/request-body';
import { useSecurityHeaders } from './graphql/hardening/security-headers';
import { serviceLimits } from './graphql/hardening/service-limits';

/** The whole service, as started by main.ts and by the end-to-end tests; on the system's clock unless given another. */
export async function createApp(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config, clock), { bufferLogs: true, abortOnError: false });
  // Nest's own messages go through the same structured logger as the requests (LOG_LEVEL).
  app.useLogger(app.get(Logger));
  // req.ip is then the client behind that many reverse proxies (X-Forwarded-For), in logs as in limits.
  app.set('trust proxy', config.trustedProxies);
  useSecurityHeaders(app, config);
  // Before the body is read: a refused client costs no parsing.
  app.use(limitRequestsPerAddress(serviceLimits(config).addresses));
  limitRequestBodies(app);
  // Registered after the modules' filters, so consulted first: every plain HTTP error in one shape.
  app.useGlobalFilters(new HttpErrorsFilter());
  return app;
}
