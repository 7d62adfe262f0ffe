import type Database from 'better-sqlite3';
import type { ReadModelCheck } from './projection';
import { type ProjectionVerdict, verifyProjection } from './verify-projection';

/**
 * Verifies read models (`verifyProjection`) for the runner, which waits for the verdict before
 * folding and keeps what it finds. Verifying reads every row of a read model: at a national size
 * that takes a minute, which the service must not spend holding its event loop.
 */
export interface ReadModelVerifier {
  /** What verifying the projection's read model finds; rejects as `verifyProjection` throws (a busy file). */
  verify(projection: ReadModelCheck): Promise<ProjectionVerdict>;
  /** Ends what it runs on; verifying after that rejects. */
  close(): Promise<void>;
}

/** Verifies on the caller's connection and thread: an in-memory read model, which no other connection can open, and tests' own projections. */
export const inThreadVerifier = (db: Database.Database): ReadModelVerifier => ({
  verify: async (projection) => verifyProjection(db, projection),
  close: async () => undefined,
});
