import type { ApolloDriverConfig } from '@nestjs/apollo';
import type { Metrics } from './metrics';
import { operationLabel } from './operation-label';
import { countRefusedCommandInputs } from './refused-command-inputs';

/** What the request log line says of a GraphQL request: never variables, which may hold personal data. */
export interface GraphQLRequestSummary {
  operation: string;
  type: string;
  errorCodes: string[];
}

/** An operation's name is the client's: the log keeps enough of it to tell requests apart. */
const MAX_LOGGED_NAME = 100;

/** Node's requests carry their GraphQL summary to the access log (pino-http sees Node's request, not Fastify's). */
export type WithGraphQLSummary = { graphql?: GraphQLRequestSummary };

/**
 * Times each GraphQL operation over HTTP for the metrics (labelled by its root field: operationLabel),
 * counts the command inputs graphql-js refused, and leaves the operation's name, type and error
 * codes on the request for the one log line per request.
 */
// Typed through Nest's config: Nest loads Apollo's ES-module types, this build the CommonJS ones.
export function graphqlOperationsPlugin(metrics: Metrics): NonNullable<ApolloDriverConfig['plugins']>[number] {
  return {
    async requestDidStart() {
      const stop = metrics.operationDuration.startTimer();
      return {
        async didEncounterErrors({ errors }) {
          countRefusedCommandInputs(metrics, errors);
        },
        async willSendResponse({ request, operation, schema, response, contextValue }) {
          // The errors as answered, after formatError gave them their codes.
          const answered = response.body.kind === 'single' ? (response.body.singleResult.errors ?? []) : [];
          const summary: GraphQLRequestSummary = {
            operation: (request.operationName ?? operation?.name?.value ?? 'anonymous').slice(0, MAX_LOGGED_NAME),
            type: operation?.operation ?? 'unknown',
            errorCodes: answered.map((e) => String(e.extensions?.code ?? 'INTERNAL_SERVER_ERROR')),
          };
          stop({ type: summary.type, operation: operationLabel(schema, operation) });
          if (contextValue.req) (contextValue.req.raw as WithGraphQLSummary).graphql = summary;
        },
      };
    },
  };
}
