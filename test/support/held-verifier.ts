import type Database from 'better-sqlite3';
import type { ReadModelCheck } from '../../src/projections/projection';
import { inThreadVerifier, type ReadModelVerifier } from '../../src/projections/read-model-verifier';
import type { ProjectionVerdict } from '../../src/projections/verify-projection';

/**
 * A verifier whose verdicts wait until the test lets them go, as a national read model's minute of
 * reading would; `holdAgain` holds the verdicts asked for after it.
 */
export function heldVerifier(db: Database.Database): ReadModelVerifier & { asked: string[]; letGo(): void; holdAgain(): void } {
  const verifier = inThreadVerifier(db);
  let letGo!: () => void;
  let refuse!: (error: Error) => void;
  let held!: Promise<void>;
  const holdAgain = (): void => {
    held = new Promise<void>((resolve, reject) => ([letGo, refuse] = [resolve, reject]));
    // Refused when closed, whether or not anyone waits for it.
    held.catch(() => undefined);
  };
  holdAgain();
  const asked: string[] = [];
  return {
    asked,
    letGo: () => letGo(),
    holdAgain,
    async verify(projection: ReadModelCheck): Promise<ProjectionVerdict> {
      asked.push(projection.name);
      await held;
      return verifier.verify(projection);
    },
    // As closing the verification process does: a verdict still awaited is refused.
    close: async () => refuse(new Error('The verifier ended')),
  };
}

