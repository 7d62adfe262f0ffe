import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { type EsdbReplayFigures, benchEsdbReplay } from './esdb-replay';
import { benchEsdbStore } from './esdb-store.bench';
import { openEsdbTarget } from './esdb-target';
import type { LogFile } from './fixtures';
import { row, type Row } from './results';
import type { BenchSize } from './sizes';
import type { StoreFigures } from './store.bench';

/** What the EventStoreDB rows measured, and against what. */
export interface EsdbFigures {
  target: { label: string; double: boolean };
  single: StoreFigures;
  concurrent: StoreFigures & { writers: number };
  replay: EsdbReplayFigures & { logEvents: number };
}

const count = (n: number): string => n.toLocaleString('en-US');
const roundsOf = (rounds: number[]): string => `rounds ${rounds.map((r) => Math.round(r)).join(', ')}`;

/**
 * The store rows and the replay rows again on cluster mode's store, the EventStoreDB adapter:
 * against the server of EVENTSTORE_TEST_URL, or else the double of its protocol (the adapter
 * and the client over real gRPC on loopback, not a server). No target: those of docs/operations.md
 * are the embedded store's.
 */
export async function benchEsdb(size: BenchSize, replayLog: LogFile, workDir: string, log: (line: string) => void): Promise<{ rows: Row[]; figures: EsdbFigures }> {
  const target = await openEsdbTarget();
  try {
    // Streams of this run's own: a real server keeps those of earlier runs.
    const run = randomUUID().slice(0, 8);
    log(`esdb (${target.label}): single writer`);
    const single = await benchEsdbStore(target.url, run, 1, size.store);
    log(`esdb: ${size.concurrentWriters} writers`);
    const concurrent = await benchEsdbStore(target.url, run, size.concurrentWriters, size.concurrentStore);
    const events = Math.min(size.esdbReplayEvents, replayLog.events);
    log(`esdb: replay of ${count(events)} events of the replay log`);
    const replay = await benchEsdbReplay(replayLog.file, target.url, events, join(workDir, 'esdb-read-models.db'));

    const storeRow = (id: string, writers: string, f: StoreFigures) =>
      row({
        id,
        title: `Store on ${target.label}: single-event appends with the version check, ${writers}`,
        value: f.adapter,
        unit: 'appends/s',
        detail: roundsOf(f.rounds.adapter),
        baseline: { title: 'bare @eventstore/db-client appendToStream, same events and expected revisions', value: f.raw, unit: 'appends/s', detail: roundsOf(f.rounds.raw) },
      });
    const part =
      replay.events < replayLog.events
        ? `the first ${count(replay.events)} events of the ${count(replayLog.events)}-event replay log: copying them in, one append at a time, is slower than replaying them`
        : `the whole ${count(replayLog.events)}-event replay log`;
    const rows = [
      storeRow('esdb-store-1', '1 writer', single),
      storeRow('esdb-store-concurrent', `${size.concurrentWriters} concurrent writers on one client`, concurrent),
      ...replay.projections.map((p) =>
        row({
          id: `esdb-replay-${p.name}`,
          title: `Projection replay from ${target.label}: ${p.name} (rebuild over ${count(replay.events)} events)`,
          value: p.perSecond,
          unit: 'events/s',
          detail: `${part}; copied in ${replay.copied.seconds.toFixed(1)} s`,
          baseline: { title: 'reading the log alone through the adapter', value: replay.readPerSecond, unit: 'events/s' },
        }),
      ),
    ];
    const figures = {
      target: { label: target.label, double: target.double },
      single,
      concurrent: { writers: size.concurrentWriters, ...concurrent },
      replay: { ...replay, logEvents: replayLog.events },
    };
    return { rows, figures };
  } finally {
    await target.stop();
  }
}
