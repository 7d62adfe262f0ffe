import { Forbidden, Unauthenticated } from '../auth/access-errors';
import { RateLimited } from '../auth/mutation-rate-limit';
import { WrongExpectedVersion } from '../event-store/event-store.port';
import { InvalidInput, ParticipantNotFound, RuleViolation } from '../journey/domain/errors';

/** The code clients see for an error the service raised on purpose; null for a fault. */
export function errorCodeOf(error: unknown): string | null {
  if (error instanceof RuleViolation) return 'RULE_VIOLATION';
  if (error instanceof InvalidInput) return 'BAD_USER_INPUT';
  if (error instanceof WrongExpectedVersion) return 'CONFLICT';
  if (error instanceof ParticipantNotFound) return 'NOT_FOUND';
  if (error instanceof Unauthenticated) return 'UNAUTHENTICATED';
  if (error instanceof Forbidden) return 'FORBIDDEN';
  if (error instanceof RateLimited) return 'RATE_LIMITED';
  return null;
}
