import { CombinedError } from '@urql/core';
import { type Failure, failureOf } from '../api/failure';

/** Why a command was refused: the failure as the app reads any error, and what a command's refusal adds. */
export interface CommandFailure extends Failure {
  /** The rule broken, for RULE_VIOLATION (`extensions.rule`). */
  rule: string | null;
  /** The case's version now, for CONFLICT (`extensions.currentVersion`). */
  currentVersion: number | null;
}

/** The failure of a command's error (a CombinedError of urql, or anything thrown on the way). */
export function commandFailureOf(error: unknown): CommandFailure {
  const extensions = error instanceof CombinedError ? (error.graphQLErrors[0]?.extensions ?? {}) : {};
  return {
    ...failureOf(error),
    rule: typeof extensions.rule === 'string' ? extensions.rule : null,
    currentVersion: typeof extensions.currentVersion === 'number' ? extensions.currentVersion : null,
  };
}
