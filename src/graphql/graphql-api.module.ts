import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule, type GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { TokenVerifier } from '../auth/token-verifier';
import type { AppConfig } from '../config/config';
import { CalendarDateScalar } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatError } from './format-error';
import { PARSE_OPTIONS, QUERY_LIMIT_RULES } from './hardening/query-limits';
import { hardeningPlugins } from './hardening/hardening-plugins';
import { WebSocketOriginGate } from './hardening/websocket-origin-gate';
import { Metrics } from '../operations/metrics';
import { graphqlOperationsPlugin } from '../operations/graphql-operations.plugin';
import { graphqlWsOptions, type SocketExtra } from './websocket/graphql-ws-options';
import { WebSocketFrameLimit } from './websocket/web-socket-frame-limit';
import './register-enums';

@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TokenVerifier, Metrics],
          useFactory: (tokens: TokenVerifier, metrics: Metrics) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            resolvers: { Date: CalendarDateScalar, DateTime: DateTimeScalar },
            formatError,
            includeStacktraceInErrorResponses: false,
            introspection: !config.production,
            // GraphiQL is the web app's own page (src/web), bundled, not Apollo's page of CDN scripts.
            graphiql: false,
            parseOptions: PARSE_OPTIONS,
            validationRules: QUERY_LIMIT_RULES,
            // A suggestion names a field of the schema, which production does not show (no introspection).
            validationOptions: { hideSuggestions: config.production },
            plugins: [graphqlOperationsPlugin(metrics), ...hardeningPlugins(config, tokens)],
            // Nest would answer 200 to every executed operation; errorStatusPlugin sets 401, 429 or 503 on a refusal.
            preserveHttpStatusForExecutionErrors: false,
            // One request, one operation: a batch would multiply every limit above.
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            // HTTP requests carry their token in a header, checked by the access guard; a socket
            // carried it once, in connection_init (until its expiry, websocket/graphql-ws-options.ts).
            // Over HTTP, Apollo's Fastify integration passes Fastify's request itself.
            context: (ctx: { extra?: SocketExtra }) => (ctx.extra ? { principal: ctx.extra.principal } : { req: ctx }),
            // Nest's type leaves some graphql-ws options out (validate, execute…), but passes them on.
            subscriptions: { 'graphql-ws': graphqlWsOptions({ config, tokens, metrics }) as GraphQLWsSubscriptionsConfig },
          }),
        }),
      ],
      providers: [
        WebSocketFrameLimit,
        { provide: WebSocketOriginGate, useFactory: (host: HttpAdapterHost) => new WebSocketOriginGate(host, config), inject: [HttpAdapterHost] },
      ],
    };
  }
}
