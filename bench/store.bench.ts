import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { median, nowMs } from './stats';
import { type AppenderKind, appendMany, openAppender } from './store-appenders';

export interface StoreSettings {
  /** Appends per round, in all; split evenly between writers. */
  appends: number;
  rounds: number;
  /** Streams each writer spreads its appends over. */
  streams: number;
}

export interface StoreFigures {
  adapter: number;
  raw: number;
  /** Each round's appends per second. */
  rounds: { adapter: number[]; raw: number[] };
}

const WRITER = join(__dirname, 'store-writer.js');

/**
 * Appends per second through the adapter and through raw better-sqlite3, in alternating rounds on
 * fresh files in `dir`; the median round of each. With one writer, in this thread; with more, each
 * in a worker thread with a connection of its own, contending for the file's write lock.
 */
export async function benchStore(dir: string, writers: number, settings: StoreSettings): Promise<StoreFigures> {
  return inAlternatingRounds(settings.rounds, async (kind, round) => {
    const file = join(dir, `store-${writers}-${kind}-${round}.db`);
    removeDatabase(file);
    const perSecond = writers === 1 ? await inThisThread(kind, file, settings) : await inWorkers(kind, file, writers, settings);
    removeDatabase(file);
    return perSecond;
  });
}

/** `measure` of the adapter and of the raw baseline, once each a round, the first of them alternating; the median round of each. */
export async function inAlternatingRounds(rounds: number, measure: (kind: AppenderKind, round: number) => Promise<number>): Promise<StoreFigures> {
  const measured: StoreFigures['rounds'] = { adapter: [], raw: [] };
  for (let round = 0; round < rounds; round++) {
    // Alternating which goes first evens out whatever the machine does meanwhile.
    const order: AppenderKind[] = round % 2 === 0 ? ['adapter', 'raw'] : ['raw', 'adapter'];
    for (const kind of order) measured[kind].push(await measure(kind, round));
  }
  return { adapter: median(measured.adapter), raw: median(measured.raw), rounds: measured };
}

async function inThisThread(kind: AppenderKind, file: string, { appends, streams }: StoreSettings): Promise<number> {
  const appender = openAppender(kind, file);
  try {
    const started = nowMs();
    await appendMany(appender, 0, appends, streams);
    return appends / ((nowMs() - started) / 1_000);
  } finally {
    appender.close();
  }
}

async function inWorkers(kind: AppenderKind, file: string, writers: number, { appends, streams }: StoreSettings): Promise<number> {
  // The schema first, so that no writer's first statement races another's CREATE TABLE.
  openAppender(kind, file).close();
  const share = Math.ceil(appends / writers);
  const workers = Array.from({ length: writers }, (_, writer) => new Worker(WRITER, { workerData: { kind, file, writer, appends: share, streams } }));
  try {
    const message = (worker: Worker, key: 'ready' | 'done'): Promise<number> =>
      new Promise((resolve, reject) => {
        const onMessage = (m: { ready?: true; done?: number; error?: string }) => {
          if (m.error !== undefined) reject(new Error(`A ${kind} writer failed: ${m.error}`));
          else if (m[key] !== undefined) resolve(Number(m[key]));
          else return;
          worker.off('message', onMessage);
        };
        worker.on('message', onMessage);
        worker.once('error', reject);
      });
    await Promise.all(workers.map((w) => message(w, 'ready')));
    const started = nowMs();
    const done = workers.map((w) => message(w, 'done'));
    for (const w of workers) w.postMessage('go');
    const total = (await Promise.all(done)).reduce((a, b) => a + b, 0);
    return total / ((nowMs() - started) / 1_000);
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
}

export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(`${file}${suffix}`, { force: true });
}
