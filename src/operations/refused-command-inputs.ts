import type { GraphQLError } from 'graphql';
import { valueError } from '../graphql/value-errors';
import type { Metrics } from './metrics';

/**
 * Counts the mutations whose input graphql-js refused before any resolver ran (a value written in
 * the document, or a variable), as the command handler and the input validation count theirs. A
 * journey mutation is named for its command: enrolParticipant runs EnrolParticipant.
 */
export function countRefusedCommandInputs(metrics: Metrics, errors: readonly Pick<GraphQLError, 'message' | 'nodes' | 'path'>[]): void {
  for (const error of errors) {
    // A resolver's error has a path: counted where its command was validated or run.
    if (error.path) continue;
    for (const { operation, name } of valueError(error)?.rootFields ?? []) {
      if (operation === 'mutation') metrics.commands.inc({ command: name.charAt(0).toUpperCase() + name.slice(1), outcome: 'BAD_USER_INPUT' });
    }
  }
}
