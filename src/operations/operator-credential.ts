import { createHash, timingSafeEqual } from 'node:crypto';

const BEARER = /^Bearer (.+)$/;

const digest = (text: string): Buffer => createHash('sha256').update(text).digest();

/**
 * Whether an `Authorization` header carries the operators' credential (OPERATIONS_TOKEN). Compared
 * in constant time on digests of equal length, so that the answer's timing tells nothing of the
 * token; never true when no token is configured.
 */
export function isOperator(authorization: unknown, operationsToken: string | null): boolean {
  if (operationsToken === null || typeof authorization !== 'string') return false;
  const given = BEARER.exec(authorization)?.[1];
  return given !== undefined && timingSafeEqual(digest(given), digest(operationsToken));
}
