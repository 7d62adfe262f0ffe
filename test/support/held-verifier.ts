import type Database from 'better-sqlite3';
import type { ReadModelCheck } from '../../src/projections/projection';
import { inThreadVerifier, type ReadModelVerifier } from '../../src/projections/read-model-verifier';
import type { ProjectionVerdict } from '../../src/projections/verify-projection';

/** A verifier whose verdicts wait until the test lets them go, as a national read model's minute of reading would. */
export function heldVerifier(db: Database.Database): ReadModelVerifier & { asked: string[]; letGo(): void } {
  const verifier = inThreadVerifier(db);
  let letGo!: () => void;
  let refuse!: (error: Error) => void;
  const held = new Promise<void>((resolve, reject) => ([letGo, refuse] = [resolve, reject]));
  const asked: string[] = [];
  return {
    asked,
    letGo,
    async verify(projection: ReadModelCheck): Promise<ProjectionVerdict> {
      asked.push(projection.name);
      await held;
      return verifier.verify(projection);
    },
    // As closing the verification process does: a verdict still awaited is refused.
    close: async () => refuse(new Error('The verifier ended')),
  };
}

