// npm run bench:catch-up [-- --participants N] [--work DIR] [--reuse] [--only catch-up|rebuild]: the bench's catch-up
// row alone, at a size of your choosing (20,000 participants by default, about 420,000 events, a few minutes): the
// service starting on a log of N participants against the same projections rebuilt one after the other on its first
// half, as `npm run bench` measures them. The logs stay in DIR (bench/work-catch-up), which --reuse starts from again.
import { copyFileSync, existsSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../src/catalogue/built-in-catalogue';
import { SqliteKeyVault } from '../src/personal-data/sqlite-key-vault';
import { buildProjections } from '../src/read-side/projections.registry';
import { writeProgrammeLog } from './fixtures';
import { caughtUp, headOf } from './harness';
import { PSEUDONYM_SECRET, startService } from './processes';
import { benchReplay } from './replay';
import { removeDatabase } from './store.bench';

/** bench/, from bench/build/bench/catch-up.js. */
const BENCH_DIR = join(__dirname, '../..');
/** Events per participant in the demo generator's run, about: the replayed half of the log is cut near it. */
const EVENTS_PER_PARTICIPANT = 21;

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

const count = (n: number): string => Math.round(n).toLocaleString('en-US');

/** A copy of `source` to work on, so that the source stays as written. */
function copyOf(source: string, file: string): string {
  removeDatabase(file);
  copyFileSync(source, file);
  return file;
}

async function main(): Promise<void> {
  const participants = Number(option('participants', '20000'));
  if (!Number.isSafeInteger(participants) || participants < 1) throw new Error(`--participants must be a whole number ≥ 1, not ${option('participants', '')}`);
  const only = option('only', 'both');
  const workDir = option('work', join(BENCH_DIR, 'work-catch-up'));
  mkdirSync(workDir, { recursive: true });
  const logFile = join(workDir, 'log.db');
  const halfFile = join(workDir, 'half.db');
  if (!process.argv.includes('--reuse') || !existsSync(logFile) || !existsSync(halfFile)) {
    // As the full bench: the rebuilds replay the first half of the log the service catches up on.
    const { log, copy } = await writeProgrammeLog({
      file: logFile,
      participants,
      events: (participants * EVENTS_PER_PARTICIPANT) / 2,
      copyAtEvents: halfFile,
      window: 2_000,
    });
    if (copy === null) throw new Error('The log has no first half to replay');
    console.log(`log: ${count(log.events)} events of ${count(log.participants)} participants; replayed: ${count(copy.events)} events`);
  }

  let sequential: number | undefined;
  if (only !== 'catch-up') {
    const replay = await benchReplay(copyOf(halfFile, join(workDir, 'replay.db')));
    const rebuiltSeconds = replay.projections.reduce((sum, p) => sum + p.seconds, 0);
    sequential = replay.events / rebuiltSeconds;
    for (const p of replay.projections) console.log(`rebuild ${p.name}: ${count(p.perSecond)} events/s (${p.seconds.toFixed(1)} s)`);
    console.log(`sequential rebuild: ${count(sequential)} events/s over ${count(replay.events)} events (${rebuiltSeconds.toFixed(1)} s)`);
  }

  if (only !== 'rebuild') {
    const largeFile = copyOf(logFile, join(workDir, 'large.db'));
    const names = buildProjections(BUILT_IN_CATALOGUE, { keys: new SqliteKeyVault(new Database(':memory:')), pseudonymSecret: PSEUDONYM_SECRET }).map((p) => p.name);
    const head = headOf(largeFile);
    const events = new Database(largeFile, { readonly: true }).prepare<[], number>('SELECT count(*) FROM events').pluck().get()!;
    const started = performance.now();
    const service = await startService('catch-up', largeFile);
    try {
      await caughtUp(largeFile, names, head);
    } finally {
      await service.stop();
    }
    const seconds = (performance.now() - started) / 1_000;
    const catchUp = events / seconds;
    console.log(`catch-up: ${count(catchUp)} events/s over ${count(events)} events (${seconds.toFixed(1)} s from spawn)`);
    if (sequential !== undefined) console.log(`ratio: ${(catchUp / sequential).toFixed(2)}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
