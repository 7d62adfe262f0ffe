import { existsSync } from 'node:fs';
import Database from 'better-sqlite3';
import { RESEARCH_MONTHS } from '../src/outcomes/research-months';
import { lifePathReleaseFile } from '../src/storage/life-path-release-file';
import { sleep } from './stats';

/** Longer than the releases of a national file take here (some minutes): the limit only ends a run that is stuck. */
const PATIENCE_MS = 60 * 60_000;

/**
 * Resolves, with the seconds waited, once the service on `file` has stored the life-path releases
 * it prepares after a start (life-paths.reader.ts): the last closed month's and those of the
 * RESEARCH_MONTHS - 1 month ends before it. Until then it computes them in slices between requests.
 */
export async function releasesPrepared(file: string): Promise<number> {
  const started = performance.now();
  for (;;) {
    if (stored(lifePathReleaseFile(file)) >= RESEARCH_MONTHS) return (performance.now() - started) / 1_000;
    if (performance.now() - started > PATIENCE_MS) throw new Error(`The service on ${file} did not prepare its life-path releases`);
    await sleep(250);
  }
}

function stored(releaseFile: string): number {
  if (!existsSync(releaseFile)) return 0;
  const db = new Database(releaseFile, { readonly: true });
  try {
    return db.prepare<[], number>('SELECT count(*) FROM life_path_releases').pluck().get() ?? 0;
  } catch {
    return 0; // the service has not created the table yet
  } finally {
    db.close();
  }
}
