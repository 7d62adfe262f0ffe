// node bench/build/bench/replay-one.js [--log FILE] [--events N] [--rounds N] [--batches N,M…] [PROJECTION...]: the
// replay rows of `npm run bench` for some projections only, on a log written once (FILE, /tmp/replay-one.db by default)
// and reused after, so that a projection's rebuild can be measured, or profiled (`node --cpu-prof`), in seconds. With
// --batches, each projection is rebuilt with each of those batch sizes (events per read and transaction) in every round.
import { existsSync } from 'node:fs';
import { BUILT_IN_CATALOGUE } from '../src/catalogue/built-in-catalogue';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import type { Projection } from '../src/projections/projection';
import { rebuildProjection } from '../src/projections/rebuild-projections';
import { buildProjections } from '../src/read-side/projections.registry';
import { SqliteKeyVault } from '../src/personal-data/sqlite-key-vault';
import { openSqliteDatabase } from '../src/storage/sqlite-database';
import { writeProgrammeLog } from './fixtures';
import { PSEUDONYM_SECRET } from './processes';
import { readWhole, timed } from './replay';
import { FULL } from './sizes';

function option(name: string, fallback: string): string {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 && process.argv[at + 1] ? process.argv[at + 1] : fallback;
}

/** The arguments that are not options nor their values: the projections to rebuild. */
const names = (): string[] => process.argv.slice(2).filter((arg, i, args) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

async function main(): Promise<void> {
  const file = option('log', '/tmp/replay-one.db');
  const rounds = Number(option('rounds', '1'));
  const batches = option('batches', '').split(',').filter(Boolean).map(Number);
  if (!existsSync(file)) {
    const events = Number(option('events', '300000'));
    // As the bench's replay log: the large run's participants, interleaved by the same window.
    const { log } = await writeProgrammeLog({ file, participants: FULL.largeParticipants, events, window: FULL.window });
    console.log(`written ${file}: ${log.events} events of ${log.participants} participants`);
  }
  const db = openSqliteDatabase(file);
  try {
    const store = new SqliteEventStore(db);
    const wanted = names();
    const projections = buildProjections(BUILT_IN_CATALOGUE, { keys: new SqliteKeyVault(db), pseudonymSecret: PSEUDONYM_SECRET }).filter(
      (p) => wanted.length === 0 || wanted.includes(p.name),
    );
    // Each projection once per batch size asked for; with none, at the rebuild's own.
    const runs = projections.flatMap((projection): { name: string; projection: Projection; batchSize?: number }[] =>
      batches.length === 0 ? [{ name: projection.name, projection }] : batches.map((batchSize) => ({ name: `${projection.name} (batches of ${batchSize})`, projection, batchSize })),
    );
    const reads: number[] = [];
    const rates = new Map<string, number[]>(runs.map((r) => [r.name, []]));
    // This process's CPU time too: on a machine shared with other work, it varies less than the wall clock.
    const cpuRates = new Map<string, number[]>(runs.map((r) => [r.name, []]));
    let events = 0;
    // Rounds alternate the baseline and each projection, as the machine's load drifts.
    for (let round = 0; round < rounds; round++) {
      const read = await timed(() => readWhole(store));
      events = read.value;
      reads.push(events / read.seconds);
      for (const { name, projection, batchSize } of runs) {
        const cpu = process.cpuUsage();
        const rebuilt = await timed(() => rebuildProjection(db, store, projection, { batchSize }));
        const { user, system } = process.cpuUsage(cpu);
        rates.get(name)!.push(rebuilt.value.events / rebuilt.seconds);
        cpuRates.get(name)!.push(rebuilt.value.events / ((user + system) / 1e6));
      }
    }
    const perSecond = (value: number) => `${Math.round(value).toLocaleString('en')} events/s`;
    console.log(`${events.toLocaleString('en')} events; reading the log alone: ${perSecond(median(reads))}`);
    for (const [name, values] of rates) {
      const cpu = median(cpuRates.get(name)!);
      console.log(`${name}: ${perSecond(median(values))} (rounds ${values.map((v) => Math.round(v)).join(', ')}), ratio ${(median(values) / median(reads)).toFixed(2)}; ${perSecond(cpu)} of CPU time`);
    }
  } finally {
    db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
