import { Logger } from '@nestjs/common';
import { unwrapResolverError } from '@apollo/server/errors';
import { type GraphQLError, type GraphQLFormattedError, Kind } from 'graphql';
import { describeError } from './error-code';
import { valueError } from './value-errors';

/** Codes of errors found before any resolver ran: about the request, never about the data. */
const REQUEST_ERROR_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

const logger = new Logger('GraphQL');

/**
 * Gives every error its code (docs/journey-rules.md) and nothing else: no stack trace, no internal message, no
 * personal data (domain messages never hold any).
 */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const { message, locations, path } = formatted;
  const original = unwrapResolverError(error);
  const as = (code: string, extra: Record<string, unknown> = {}, text = message): GraphQLFormattedError => ({
    message: text,
    locations,
    path,
    extensions: { code, ...extra },
  });
  // An error a plugin or a socket's handler raised before execution reaches here wrapped, with no path.
  const described = describeError(original) ?? describeError((original as GraphQLError | null)?.originalError);
  if (described) {
    if (described.warning) logger.warn(described.warning);
    return as(described.code, described.extensions, described.message);
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && REQUEST_ERROR_CODES.has(code)) {
    // A value graphql-js refused, written in the document or sent as a variable: the same mistake either way.
    const refused = code === 'GRAPHQL_VALIDATION_FAILED' || code === 'BAD_USER_INPUT' ? valueError(original as GraphQLError) : null;
    if (refused) return as('BAD_USER_INPUT', { fieldErrors: refused.fieldErrors });
    return code === 'BAD_USER_INPUT' ? as(code, { fieldErrors: [] }) : as(code);
  }
  // The one log line of a fault, with its stack; a client's mistake was answered above, unlogged.
  logger.error(original instanceof Error ? original : String(original));
  return as('INTERNAL_SERVER_ERROR', {}, 'Internal server error');
}

/** For errors that reach no Apollo code path (graphql-ws subscriptions). */
export function formatGraphQLError(error: GraphQLError): GraphQLFormattedError {
  const formatted = error.toJSON();
  // A variable graphql-js could not coerce: Apollo codes it BAD_USER_INPUT over HTTP, graphql-ws not at all.
  const uncoercedVariable = error.nodes?.[0]?.kind === Kind.VARIABLE_DEFINITION && formatted.extensions?.code === undefined;
  return formatError(uncoercedVariable ? { ...formatted, extensions: { ...formatted.extensions, code: 'BAD_USER_INPUT' } } : formatted, error);
}

/** A subscription's document that does not parse or validate, coded as Apollo codes it over HTTP (and formatError then). */
export const formatRequestError = (error: GraphQLError): GraphQLFormattedError =>
  formatError({ ...error.toJSON(), extensions: { code: error.message.startsWith('Syntax Error') ? 'GRAPHQL_PARSE_FAILED' : 'GRAPHQL_VALIDATION_FAILED' } }, error);
