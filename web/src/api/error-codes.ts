/**
 * Every code the service answers an error with (`extensions.code`, over GraphQL and plain HTTP
 * alike): the service keeps no list of them, so test/unit/web/error-codes.unit.spec.ts checks this
 * one against the codes its sources give.
 */
export const SERVICE_ERROR_CODES = [
  'BAD_USER_INPUT',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'CONFLICT',
  'RULE_VIOLATION',
  'RATE_LIMITED',
  'SERVICE_BUSY',
  'STORE_UNAVAILABLE',
  'SHUTTING_DOWN',
  'TOO_MANY_SUBSCRIPTIONS',
  'INTERNAL_SERVER_ERROR',
  'BAD_REQUEST',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'METHOD_NOT_ALLOWED',
  'PAYLOAD_TOO_LARGE',
  'UNREADABLE_FILE',
  'UNSUPPORTED_MEDIA_TYPE',
] as const;

/**
 * Failures met in the browser, shown with a code of the app's own: the service not reached, a
 * sign-in the OpenID provider refused or that could not be completed, the provider not reached,
 * and anything else (a fault of the app, or a code this app does not know yet).
 */
export const APP_ERROR_CODES = ['NETWORK_ERROR', 'SIGN_IN_REFUSED', 'SIGN_IN_FAILED', 'PROVIDER_UNREACHABLE', 'UNEXPECTED_ERROR'] as const;

export type ErrorCode = (typeof SERVICE_ERROR_CODES)[number] | (typeof APP_ERROR_CODES)[number];

const KNOWN: ReadonlySet<string> = new Set([...SERVICE_ERROR_CODES, ...APP_ERROR_CODES]);

/** Whether the app has a message for a code. */
export const isKnownCode = (code: string): code is ErrorCode => KNOWN.has(code);
