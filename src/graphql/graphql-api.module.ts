import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { type DynamicModule, Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { CalendarDateScalar } from './calendar-date.scalar';
import { DateTimeScalar } from './date-time.scalar';
import { formatError } from './format-error';
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
        }),
      ],
    };
  }
}
