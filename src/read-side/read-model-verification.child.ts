import Database from 'better-sqlite3';
import type { Catalogue } from '../catalogue/catalogue';
import { errorMessage } from '../projections/error-message';
import type { ReadModelCheck } from '../projections/projection';
import type { VerificationAnswer, VerificationRequest, VerificationSetup } from '../projections/child-process-verifier';
import { verifyProjection } from '../projections/verify-projection';
import { buildReadModelChecks } from './projections.registry';

/** What the service sets its verification process up with (read-model-verification.ts). */
export interface VerificationChildSetup {
  /** The read models' SQLite file. */
  file: string;
  catalogue: Catalogue;
}

// The verification process: verifies the read models of the service's file, as asked, on a
// read-only connection of its own (WAL: the service writes on meanwhile).
let verifying: { db: Database.Database; checks: Map<string, ReadModelCheck> } | undefined;

process.on('message', (message: VerificationSetup | VerificationRequest) => {
  if ('setup' in message) {
    const { file, catalogue } = message.setup as VerificationChildSetup;
    verifying = { db: new Database(file, { readonly: true, fileMustExist: true }), checks: new Map(buildReadModelChecks(catalogue).map((check) => [check.name, check])) };
    return;
  }
  const { id, projection } = message;
  let answer: VerificationAnswer;
  try {
    const check = verifying!.checks.get(projection);
    if (!check) throw new Error(`The verification process knows no read model named ${projection}`);
    answer = { id, verdict: verifyProjection(verifying!.db, check) };
  } catch (error) {
    answer = { id, error: { message: errorMessage(error), code: (error as { code?: string }).code } };
  }
  process.send!(answer);
});

// The service ended, however: so does its verifier.
process.on('disconnect', () => process.exit(0));
