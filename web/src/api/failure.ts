import { CombinedError } from '@urql/core';

/** A value of the request the service refused, by its name in the API (`asOf`, `personal.email`). */
export interface FieldError {
  field: string;
  message: string;
}

/** What went wrong, as the error display needs it: the code, and the service's own words beside it. */
export interface Failure {
  /** The service's `extensions.code`, or one of the app's (web/src/api/error-codes.ts). */
  code: string;
  /** The service's or the browser's message, in English: secondary, for whoever helps. */
  detail: string | null;
  fieldErrors: FieldError[];
  /** When to try again, for the refusals that say so. */
  retryAfterSeconds: number | null;
}

/** A refusal of the service outside GraphQL (a download, the development sign-in), read from its JSON body. */
export class ServiceError extends Error {
  override readonly name = 'ServiceError';
  constructor(readonly failure: Failure) {
    super(failure.detail ?? failure.code);
  }
}

/** A failure the app names itself (a sign-in at the provider), with its code. */
export class AppError extends Error {
  override readonly name = 'AppError';
  constructor(
    readonly code: string,
    detail: string,
  ) {
    super(detail);
  }
}

interface ErrorEntry {
  message?: unknown;
  extensions?: { code?: unknown; fieldErrors?: unknown; retryAfterSeconds?: unknown } | null;
}

/** The failure one error of the service's shape (`{ message, extensions: { code, … } }`) stands for. */
function failureOfEntry(entry: ErrorEntry | undefined, retryAfterHeader: string | null = null): Failure {
  const extensions = entry?.extensions ?? {};
  const fieldErrors = Array.isArray(extensions.fieldErrors)
    ? (extensions.fieldErrors as FieldError[]).filter((e) => typeof e?.field === 'string' && typeof e.message === 'string')
    : [];
  const seconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : Number(retryAfterHeader ?? NaN);
  return {
    code: typeof extensions.code === 'string' ? extensions.code : 'UNEXPECTED_ERROR',
    detail: typeof entry?.message === 'string' ? entry.message : null,
    fieldErrors,
    retryAfterSeconds: Number.isFinite(seconds) ? seconds : null,
  };
}

/**
 * The error of a refused plain HTTP request: its body in the service's shape
 * (`{ errors: [{ message, extensions: { code, … } }] }`, src/graphql/hardening/error-body.ts), its
 * Retry-After header; a body of another shape (a proxy's page) keeps the HTTP status as its detail.
 */
export async function serviceErrorOf(response: Response): Promise<ServiceError> {
  const body = (await response.json().catch(() => null)) as { errors?: ErrorEntry[] } | null;
  const entry = body?.errors?.[0] ?? { message: `HTTP ${response.status} ${response.statusText}`.trim() };
  return new ServiceError(failureOfEntry(entry, response.headers.get('retry-after')));
}

/**
 * What any error the app meets stands for: the service's refusals, the network (urql's, or
 * serviceFetch's NETWORK_ERROR), the app's own; anything else, a TypeError too, is a fault of the
 * app, UNEXPECTED_ERROR.
 */
export function failureOf(error: unknown): Failure {
  const of = (code: string, detail: string | null): Failure => ({ code, detail, fieldErrors: [], retryAfterSeconds: null });
  if (error instanceof ServiceError) return error.failure;
  if (error instanceof AppError) return of(error.code, error.message);
  if (error instanceof CombinedError) {
    if (error.graphQLErrors.length > 0) return failureOfEntry(error.graphQLErrors[0]);
    return of('NETWORK_ERROR', error.networkError?.message ?? error.message);
  }
  return of('UNEXPECTED_ERROR', error instanceof Error ? error.message : String(error));
}
