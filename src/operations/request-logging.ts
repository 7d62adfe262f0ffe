import type { IncomingMessage, ServerResponse } from 'node:http';
import { type DynamicModule, RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { AppConfig } from '../config/config';
import type { WithGraphQLSummary } from './graphql-operations.plugin';

/** Probes and scrapes come every few seconds and say nothing about users' requests. */
const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** The request's URL as the client sent it: Fastify's middleware engine gives a middleware the rest of it past the matched path. */
const urlOf = (req: IncomingMessage): string => (req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '';

/** The request's line, with the GraphQL operation's summary when it was one (graphql-operations.plugin.ts). */
const withSummary = (req: IncomingMessage, logged: object): object => ({ ...logged, ...(req as WithGraphQLSummary).graphql });

/**
 * Structured JSON logs: one line per request with its method, path, status, duration and, for
 * GraphQL, operation name and error codes. Never a body, variables, headers or token: personal
 * data travels in those.
 */
export const requestLogging = (config: AppConfig): DynamicModule =>
  LoggerModule.forRoot({
    // Every path, the root included. (nestjs-pino's default, `{/*splat}`, is read by Fastify's
    // middleware engine, @fastify/middie 9, as `/{/*splat}`, which matches no path but `/`.)
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: {
      level: config.logLevel,
      quietReqLogger: true,
      serializers: {
        req: (req: IncomingMessage) => ({ method: req.method, path: urlOf(req).split('?')[0] }),
        res: (res: ServerResponse) => ({ statusCode: res.statusCode }),
      },
      // Into the line's object, not as a child logger's bindings: pino-http makes a child for those, at the request's start and end.
      customSuccessObject: (req: IncomingMessage, _res: ServerResponse, logged: object) => withSummary(req, logged),
      customErrorObject: (req: IncomingMessage, _res: ServerResponse, _error: Error, logged: object) => withSummary(req, logged),
      autoLogging: { ignore: (req: IncomingMessage) => QUIET_PATHS.includes(urlOf(req)) },
    },
  });
