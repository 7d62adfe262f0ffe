import { Forbidden, Unauthenticated } from '../auth/access-errors';
import { RateLimited } from '../auth/mutation-rate-limit';
import { WrongExpectedVersion } from '../event-store/event-store.port';
import { InvalidInput, ParticipantNotFound, RuleViolation } from '../journey/domain/errors';
import { storeUnavailableOf } from '../storage/store-unavailable';
import { ServiceBusy } from './hardening/operation-gate';
import { QueryBudgetSpent } from './hardening/query-budget';

/** How clients see an error the service raised on purpose. */
export interface DescribedError {
  code: string;
  message: string;
  extensions: Record<string, unknown>;
  /** A line for operators, logged at warn level without a stack: a cause outside the request, not a fault of the code. */
  warning?: string;
}

/** The one mapping from the service's errors to the codes of docs/journey-rules.md; null for a fault. */
export function describeError(error: unknown): DescribedError | null {
  const as = (code: string, message: string, extensions: Record<string, unknown> = {}) => ({ code, message, extensions });
  if (error instanceof RuleViolation) return as('RULE_VIOLATION', error.message, { rule: error.rule });
  if (error instanceof InvalidInput) return as('BAD_USER_INPUT', error.message, { fieldErrors: error.fieldErrors });
  if (error instanceof WrongExpectedVersion) {
    return as('CONFLICT', `The case is at version ${error.currentVersion}, not ${error.expectedVersion}`, { currentVersion: error.currentVersion });
  }
  if (error instanceof ParticipantNotFound) return as('NOT_FOUND', error.message);
  if (error instanceof Unauthenticated) return as('UNAUTHENTICATED', error.message);
  if (error instanceof Forbidden) return as('FORBIDDEN', error.message);
  if (error instanceof RateLimited || error instanceof QueryBudgetSpent) return as('RATE_LIMITED', error.message, { retryAfterSeconds: error.retryAfterSeconds });
  if (error instanceof ServiceBusy) return as('SERVICE_BUSY', error.message, { retryAfterSeconds: error.retryAfterSeconds });
  const unavailable = storeUnavailableOf(error);
  if (unavailable) {
    const { message, retryAfterSeconds, detail } = unavailable;
    return { ...as('STORE_UNAVAILABLE', message, { retryAfterSeconds }), warning: `The store refused a request (${detail}): answered STORE_UNAVAILABLE` };
  }
  return null;
}

export const errorCodeOf = (error: unknown): string | null => describeError(error)?.code ?? null;
