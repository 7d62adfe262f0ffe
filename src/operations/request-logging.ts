import type { IncomingMessage, ServerResponse } from 'node:http';
import type { DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config';
import type { WithGraphQLSummary } from './graphql-operations.plugin';

/** Probes and scrapes come every few seconds and say nothing about users' requests. */
const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/**
 * Structured JSON logs: one line per request with its method, path, status, duration and, for
 * GraphQL, operation name and error codes. Never a body, variables, headers or token: personal
 * data travels in those.
 */
export const requestLogging = (config: AppConfig): DynamicModule =>
  LoggerModule.forRoot({
    pinoHttp: {
      level: config.logLevel,
      quietReqLogger: true,
      serializers: {
        req: (req: IncomingMessage) => ({ method: req.method, path: req.url?.split('?')[0] }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      customProps: (req: IncomingMessage) => (req as WithGraphQLSummary).graphql ?? {},
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.includes(req.url ?? '') },
    },
  });
