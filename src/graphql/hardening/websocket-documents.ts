import { execute, GraphQLError, NoSchemaIntrospectionCustomRule, parse, specifiedRules, subscribe, validate } from 'graphql';
import type { ServerOptions } from 'graphql-ws';
import { PARSE_OPTIONS, QUERY_LIMIT_RULES } from './query-limits';

/**
 * graphql-ws parses, validates and runs documents itself, with graphql-js's defaults. These give a
 * socket what Apollo applies over HTTP: the token limit, the query limits and, in production, no
 * introspection and no "Did you mean …" (a socket runs queries and mutations too).
 */
export function webSocketDocumentHandling({ production }: { production: boolean }): Pick<ServerOptions, 'onSubscribe' | 'validate' | 'execute' | 'subscribe'> {
  const rules = [...specifiedRules, ...QUERY_LIMIT_RULES, ...(production ? [NoSchemaIntrospectionCustomRule] : [])];
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
    execute: (args) => execute({ ...args, hideSuggestions: production }),
    subscribe: (args) => subscribe({ ...args, hideSuggestions: production }),
  };
}
