import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';
import type { Catalogue } from '../catalogue/catalogue';
import { errorMessage } from '../projections/error-message';
import { verifyProjection } from '../projections/verify-projection';
import type { VerificationAnswer, VerificationRequest } from '../projections/worker-verifier';
import { buildReadModelChecks } from './projections.registry';

/** What the service gives its verification worker (read-model-verification.ts). */
export interface VerificationWorkerData {
  /** The read models' SQLite file. */
  file: string;
  catalogue: Catalogue;
}

// The verification worker's thread: verifies the read models of the service's file, as asked, on
// a read-only connection of its own (WAL: the service writes on meanwhile).
const { file, catalogue } = workerData as VerificationWorkerData;
const checks = new Map(buildReadModelChecks(catalogue).map((check) => [check.name, check]));
const db = new Database(file, { readonly: true, fileMustExist: true });
const port = parentPort!;

port.on('message', (request: VerificationRequest) => {
  if ('close' in request) {
    db.close();
    port.close();
    return;
  }
  const { id, projection } = request;
  let answer: VerificationAnswer;
  try {
    const check = checks.get(projection);
    if (!check) throw new Error(`The verification worker knows no read model named ${projection}`);
    answer = { id, verdict: verifyProjection(db, check) };
  } catch (error) {
    answer = { id, error: { message: errorMessage(error), code: (error as { code?: string }).code } };
  }
  port.postMessage(answer);
});
