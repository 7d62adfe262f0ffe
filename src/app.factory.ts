import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { Clock } from './clock/clock';
import type { AppConfig } from './config/config';
import { limitRequestsPerAddress } from './graphql/hardening/address-budget';
import { HttpErrorsFilter } from './graphql/hardening/http-errors.filter';
import { MAX_BODY_BYTES, readEncodedBodies } from './graphql/hardening/request-body';
import { useSecurityHeaders } from './graphql/hardening/security-headers';
import { serviceLimits } from './graphql/hardening/service-limits';
import { takeUploadsAsStreams } from './import/upload-parser';

/** The whole service, as started by main.ts and by the end-to-end tests; on the system's clock unless given another. */
export async function createApp(config: AppConfig, clock?: Clock): Promise<INestApplication> {
  // request.ip and request.protocol are then the client's behind that many reverse proxies (X-Forwarded-For, -Proto).
  const adapter = new FastifyAdapter({ trustProxy: (_address, hop) => hop < config.trustedProxies, bodyLimit: MAX_BODY_BYTES });
  const app = await NestFactory.create<NestFastifyApplication>(AppModule.forRoot(config, clock), adapter, { bufferLogs: true, abortOnError: false });
  // Nest's own messages go through the same structured logger as the requests (LOG_LEVEL).
  app.useLogger(app.get(Logger));
  const fastify = app.getHttpAdapter().getInstance();
  useSecurityHeaders(fastify, config);
  // Before the body is read: a refused client costs no parsing.
  limitRequestsPerAddress(fastify, serviceLimits(config).addresses);
  readEncodedBodies(fastify);
  takeUploadsAsStreams(fastify);
  // Registered after the modules' filters, so consulted first: every plain HTTP error in one shape.
  app.useGlobalFilters(new HttpErrorsFilter(app.getHttpAdapter()));
  return app;
}
