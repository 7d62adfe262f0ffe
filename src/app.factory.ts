import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module';
import type { AppConfig } from './config/config';
import { limitRequestBodies } from './graphql/hardening/request-body';

/** The whole service, as started by main.ts and by the end-to-end tests. */
export async function createApp(config: AppConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forRoot(config), { bufferLogs: true, abortOnError: false });
  // Nest's own messages go through the same structured logger as the requests (LOG_LEVEL).
  app.useLogger(app.get(Logger));
  limitRequestBodies(app);
  return app;
}
