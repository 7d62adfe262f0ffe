import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, HttpAdapterHost } from '@nestjs/core';
import { GraphQLModule } from '@nestjs/graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Principal } from '../auth/principal';
import { TokenVerifier } from '../auth/token-verifier';
import type { AppConfig } from '../config/config';
import { CalendarDateScalar } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatError, formatGraphQLError, formatRequestError } from './format-error';
import { PARSE_OPTIONS, QUERY_LIMIT_RULES } from './hardening/query-limits';
import { hideVariableSuggestions } from './hardening/hide-variable-suggestions';
import { webSocketDocumentHandling } from './hardening/websocket-documents';
import { WebSocketOriginGate } from './hardening/websocket-origin-gate';
import { Metrics } from '../operations/metrics';
import { graphqlOperationsPlugin } from '../operations/graphql-operations.plugin';
import { countRefusedCommandInputs } from '../operations/refused-command-inputs';
import { ResolverErrorsFilter } from './resolver-errors.filter';
import './register-enums';

/** What graphql-ws keeps for one socket: the caller once verified. */
interface SocketExtra {
  principal?: Principal;
}

@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    const { onSubscribe, validate, execute, subscribe } = webSocketDocumentHandling(config);
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
            graphiql: !config.production,
            parseOptions: PARSE_OPTIONS,
            validationRules: QUERY_LIMIT_RULES,
            // A suggestion names a field of the schema, which production does not show (no introspection).
            validationOptions: { hideSuggestions: config.production },
            plugins: [graphqlOperationsPlugin(metrics), ...(config.production ? [hideVariableSuggestions] : [])],
            // One request, one operation: a batch would multiply every limit above.
            allowBatchedHttpRequests: false,
            csrfPrevention: true,
            // HTTP requests carry their token in a header, checked by the access guard; a socket
            // carried it once, in connection_init.
            context: (ctx: { req?: unknown; extra?: { principal?: Principal } }) =>
              ctx.req ? { req: ctx.req } : { principal: ctx.extra?.principal },
            subscriptions: {
              'graphql-ws': {
                // Refusing here closes the socket with 4403 Forbidden, before any subscription.
                // Its origin was checked at the upgrade (WebSocketOriginGate).
                onConnect: async (ctx: Context<Record<string, unknown> | undefined>) => {
                  try {
                    (ctx.extra as SocketExtra).principal = await tokens.verify(ctx.connectionParams?.authorization);
                    return true;
                  } catch {
                    return false;
                  }
                },
                onSubscribe,
                // graphql-ws does not go through Apollo's formatError: give subscriptions the same codes.
                onNext: (_ctx, _id, _payload, _args, result) => {
                  if (!result.errors) return undefined;
                  countRefusedCommandInputs(metrics, result.errors);
                  return { ...result, errors: result.errors.map(formatGraphQLError) };
                },
                // Nest's type leaves these graphql-ws options out, but passes them on.
                ...{
                  validate,
                  execute,
                  subscribe,
                  onError: (...[, , , errors]: Parameters<Required<ServerOptions>['onError']>) => {
                    countRefusedCommandInputs(metrics, errors);
                    return errors.map(formatRequestError);
                  },
                },
              },
            },
          }),
        }),
      ],
      providers: [
        { provide: APP_FILTER, useClass: ResolverErrorsFilter },
        { provide: WebSocketOriginGate, useFactory: (host: HttpAdapterHost) => new WebSocketOriginGate(host, config.allowedOrigins), inject: [HttpAdapterHost] },
      ],
    };
  }
}
