import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import type { ServerOptions } from 'graphql-ws';
import { CalendarDateScalar } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatError, formatGraphQLError, formatRequestError } from './format-error';
import './register-enums';

@Module({})
export class GraphqlApiModule {
  static forRoot({ production }: { production: boolean }): DynamicModule {
    return {
      module: GraphqlApiModule,
      imports: [
        GraphQLModule.forRoot<ApolloDriverConfig>({
          driver: ApolloDriver,
          path: '/graphql',
          autoSchemaFile: true,
          sortSchema: true,
          resolvers: { Date: CalendarDateScalar, DateTime: DateTimeScalar },
          formatError,
          includeStacktraceInErrorResponses: false,
          introspection: !production,
          graphiql: !production,
          subscriptions: {
            // graphql-ws does not go through Apollo's formatError: give subscriptions the same codes.
            'graphql-ws': {
              onNext: (_ctx, _id, _payload, _args, result) =>
                result.errors ? { ...result, errors: result.errors.map(formatGraphQLError) } : undefined,
              // Nest's type leaves graphql-ws's onError out, but passes it on (validation errors).
              ...{ onError: (...[, , , errors]: Parameters<Required<ServerOptions>['onError']>) => errors.map(formatRequestError) },
            },
          },
        }),
      ],
    };
  }
}
