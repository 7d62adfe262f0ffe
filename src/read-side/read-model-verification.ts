import { extname, join } from 'node:path';
import type Database from 'better-sqlite3';
import type { Catalogue } from '../catalogue/catalogue';
import { inThreadVerifier, type ReadModelVerifier } from '../projections/read-model-verifier';
import { ChildProcessVerifier } from '../projections/child-process-verifier';
import type { VerificationChildSetup } from './read-model-verification.child';

/** The verification process's script beside this one: compiled JavaScript in the built service, TypeScript under the tests. */
const CHILD_ENTRY = join(__dirname, `read-model-verification.child${extname(__filename)}`);

/**
 * How the service verifies its read models: in a process of its own on a file, so that reading every
 * row leaves requests their event loop; on the service's own connection in memory, where no other
 * connection can open the database (and a read model in memory is small).
 */
export function readModelVerifier(db: Database.Database, catalogue: Catalogue): ReadModelVerifier {
  if (db.memory) return inThreadVerifier(db);
  return new ChildProcessVerifier(CHILD_ENTRY, { file: db.name, catalogue } satisfies VerificationChildSetup);
}
