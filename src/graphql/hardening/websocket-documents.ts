import {
  type ExecutionArgs,
  type ExecutionResult,
  execute,
  getOperationAST,
  GraphQLError,
  NoSchemaIntrospectionCustomRule,
  parse,
  specifiedRules,
  subscribe,
  validate,
} from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import type { WithPrincipal } from '../../auth/caller.decorator';
import type { AppConfig } from '../../config/config';
import { PARSE_OPTIONS, QUERY_LIMIT_RULES } from './query-limits';
import { serviceLimits } from './service-limits';

/**
 * graphql-ws parses, validates and runs documents itself, with graphql-js's defaults. These give a
 * socket what Apollo applies over HTTP: the token limit, the query limits and, in production, no
 * introspection and no "Did you mean …" (a socket runs queries and mutations too); the caller's
 * query budget, and for queries and mutations one of the service's operation slots.
 */
export function webSocketDocumentHandling(config: AppConfig): Pick<ServerOptions, 'onSubscribe' | 'validate' | 'execute' | 'subscribe'> {
  const { production } = config;
  const { queries, operations } = serviceLimits(config);
  const rules = [...specifiedRules, ...QUERY_LIMIT_RULES, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];

  /** Null when the operation may run, else the refusal it is answered with (formatted by onNext). */
  const refusal = async (args: ExecutionArgs): Promise<ExecutionResult | null> => {
    const operation = getOperationAST(args.document, args.operationName);
    const principal = (args.contextValue as WithPrincipal | undefined)?.principal;
    if (!operation || !principal) return null;
    try {
      await queries.spendOn(principal.sub, { schema: args.schema, document: args.document, operation, variables: args.variableValues ?? undefined });
      return null;
    } catch (error) {
      return { errors: [new GraphQLError((error as Error).message, { originalError: error as Error })] };
    }
  };

  return {
    // graphql-ws parses again after this check; a parse error thrown there would close the socket
    // (4500) instead of answering the subscription with it.
    onSubscribe: (_ctx, _id, { query }) => {
      try {
        parse(query, PARSE_OPTIONS);
        return undefined;
      } catch (error) {
        if (error instanceof GraphQLError) return [error];
        throw error;
      }
    },
    validate: (schema, document) => validate(schema, document, rules, { hideSuggestions: production }),
    // Variables are coerced here: an enum value or input field misspelt there is suggested too.
    execute: async (args) => {
      const refused = await refusal(args);
      if (refused) return refused;
      let leave: () => void;
      try {
        leave = await operations.enter();
      } catch (busy) {
        return { errors: [new GraphQLError((busy as Error).message, { originalError: busy as Error })] };
      }
      try {
        return await execute({ ...args, hideSuggestions: production });
      } finally {
        leave();
      }
    },
    // A subscription holds no slot while it lives: its pushes are small and follow the log.
    subscribe: async (args) => (await refusal(args)) ?? subscribe({ ...args, hideSuggestions: production }),
  };
}
