import { extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Catalogue } from '../catalogue/catalogue';
import { inThreadVerifier, type ReadModelVerifier } from '../projections/read-model-verifier';
import { WorkerVerifier } from '../projections/worker-verifier';
import type { VerificationWorkerData } from './read-model-verification.worker';

/** The worker's script beside this one: compiled JavaScript in the built service, TypeScript under the tests. */
const WORKER_ENTRY = join(__dirname, `read-model-verification.worker${extname(__filename)}`);

/**
 * How the service verifies its read models: in a worker thread on a file, so that reading every
 * row leaves requests their event loop; on the service's own connection in memory, where no other
 * connection can open the database (and a read model in memory is small).
 */
export function readModelVerifier(db: Database.Database, catalogue: Catalogue): ReadModelVerifier {
  if (db.memory) return inThreadVerifier(db);
  return new WorkerVerifier(WORKER_ENTRY, { file: db.name, catalogue } satisfies VerificationWorkerData);
}
