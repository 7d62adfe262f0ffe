import type { IncomingMessage } from 'node:http';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { Context, ServerOptions } from 'graphql-ws';
import type { Principal } from '../auth/principal';
import { TokenVerifier } from '../auth/token-verifier';
import type { AppConfig } from '../config/config';
import { CalendarDateScalar } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatError, formatGraphQLError, formatRequestError } from './format-error';
import { isAllowedOrigin } from './allowed-origin';
import './register-enums';

/** What graphql-ws keeps for one socket: the upgrade request, and the caller once verified. */
interface SocketExtra {
  request: IncomingMessage;
  principal?: Principal;
}

@Module({})
export class GraphqlApiModule {
  static forRoot(config: AppConfig): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          inject: [TokenVerifier],
          useFactory: (tokens: TokenVerifier) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            resolvers: { Date: CalendarDateScalar, DateTime: DateTimeScalar },
            formatError,
            includeStacktraceInErrorResponses: false,
            introspection: !config.production,
            graphiql: !config.production,
            // HTTP requests carry their token in a header, checked by the access guard; a socket
            // carried it once, in connection_init.
            context: (ctx: { req?: unknown; extra?: { principal?: Principal } }) =>
              ctx.req ? { req: ctx.req } : { principal: ctx.extra?.principal },
            subscriptions: {
              'graphql-ws': {
                // Refusing here closes the socket with 4403 Forbidden, before any subscription.
                onConnect: async (ctx: Context<Record<string, unknown> | undefined>) => {
                  const extra = ctx.extra as SocketExtra;
                  if (!isAllowedOrigin(extra.request.headers, config.allowedOrigins)) return false;
                  try {
                    extra.principal = await tokens.verify(ctx.connectionParams?.authorization);
                    return true;
                  } catch {
                    return false;
                  }
                },
                // graphql-ws does not go through Apollo's formatError: give subscriptions the same codes.
                onNext: (_ctx, _id, _payload, _args, result) =>
                  result.errors ? { ...result, errors: result.errors.map(formatGraphQLError) } : undefined,
                // Nest's type leaves graphql-ws's onError out, but passes it on (validation errors).
                ...{ onError: (...[, , , errors]: Parameters<Required<ServerOptions>['onError']>) => errors.map(formatRequestError) },
              },
            },
          }),
        }),
      ],
    };
  }
}
