import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../src/catalogue/built-in-catalogue';
import { type EventStore, type GlobalPosition, START_OF_LOG } from '../src/event-store/event-store.port';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { participantOfStream } from '../src/journey/application/journey-repository';
import { BatchRecords } from '../src/projections/batch-records';
import type { Projection } from '../src/projections/projection';
import { type RebuildListener, rebuildProjection } from '../src/projections/rebuild-projections';
import { buildProjections } from '../src/read-side/projections.registry';
import { blockOf } from '../src/read-side/cases/case-timeline-blocks';
import { openSqliteDatabase } from '../src/storage/sqlite-database';
import type { KeyVault } from '../src/personal-data/key-vault.port';
import { SqliteKeyVault } from '../src/personal-data/sqlite-key-vault';
import { PSEUDONYM_SECRET } from './processes';

/** The batch the rebuild reads and folds by (rebuild-projections.ts). */
const BATCH = 10_000;

export interface ReplayFigures {
  events: number;
  /** Reading the whole log through the store, folding nothing: what any replay costs at least. */
  readPerSecond: number;
  /** Each registered projection rebuilt from the whole log, as `npm run projections:rebuild <name>` does. */
  projections: { name: string; perSecond: number; seconds: number; copySeconds: number; swapSeconds: number }[];
  /** The case files' storage alone, without folding a case: see `caseFileStorageOnly`. */
  caseFilesStorage: { perSecond: number; averageBytes: { identity: number; head: number; timeline: number }; averageMilestones: number } | null;
}

/** Replays the log of `file` into every projection, one after the other, as the rebuild command does. */
export async function benchReplay(file: string): Promise<ReplayFigures> {
  const db = openSqliteDatabase(file);
  try {
    const store = new SqliteEventStore(db);
    const replayed = await replayEach(db, store, new SqliteKeyVault(db));
    const sizes = db
      .prepare<[], { identity: number; head: number; timeline: number; milestones: number }>(
        `SELECT avg(length(identity)) AS identity, avg(length(head)) AS head,
           avg((SELECT sum(length(milestones)) FROM case_timelines WHERE case_timelines.case_id = case_files.case_id)) AS timeline,
           avg(json_extract(head, '$.version')) AS milestones
         FROM case_files`,
      )
      .get();
    let caseFilesStorage: ReplayFigures['caseFilesStorage'] = null;
    if (sizes && sizes.milestones > 0) {
      const { identity, head, timeline, milestones } = sizes;
      const filler = (bytes: number) => 'x'.repeat(Math.max(Math.round(bytes), 1));
      const fillers = { identity: filler(identity), head: filler(head), milestone: filler(timeline / milestones - 1) };
      const storage = await timed(() => rebuildProjection(db, store, caseFileStorageOnly(fillers)));
      caseFilesStorage = { perSecond: storage.value.events / storage.seconds, averageBytes: { identity, head, timeline }, averageMilestones: milestones };
    }
    return { ...replayed, caseFilesStorage };
  } finally {
    db.close();
  }
}

/**
 * The whole log of `store` read alone, then folded into each registered projection of `db` (the
 * read models' file), one after the other, as `npm run projections:rebuild` does; the index of
 * names opens them with `keys`.
 */
export async function replayEach(db: Database.Database, store: EventStore, keys: KeyVault): Promise<Omit<ReplayFigures, 'caseFilesStorage'>> {
  const read = await timed(() => readWhole(store));
  const projections: ReplayFigures['projections'] = [];
  for (const projection of buildProjections(BUILT_IN_CATALOGUE, { keys, pseudonymSecret: PSEUDONYM_SECRET })) {
    // The copy into the live file, a step at a time, then the swap under its write lock.
    let copyStarted = 0;
    let swapStarted = 0;
    let copySeconds = 0;
    let swapSeconds = 0;
    const listener: RebuildListener = {
      started: () => undefined,
      progressed: () => undefined,
      copying: () => (copyStarted = performance.now()),
      swapping: () => {
        swapStarted = performance.now();
        copySeconds = (swapStarted - copyStarted) / 1_000;
      },
      finished: () => (swapSeconds = (performance.now() - swapStarted) / 1_000),
    };
    const rebuilt = await timed(() => rebuildProjection(db, store, projection, { listener }));
    if (rebuilt.value.events !== read.value) throw new Error(`${projection.name} replayed ${rebuilt.value.events} events of ${read.value}`);
    projections.push({ name: projection.name, perSecond: rebuilt.value.events / rebuilt.seconds, seconds: rebuilt.seconds, copySeconds, swapSeconds });
  }
  return { events: read.value, readPerSecond: read.value / read.seconds, projections };
}

/**
 * What the case files cost SQLite alone: tables, indexes and statements like the projection's
 * (src/read-side/cases/case-files.projection.ts), and the same writes: the identity and a reference
 * number once, then each batch reads the head of each case it has events of once and writes it
 * back once with its latest position (two indexes) and last milestone's date, and adds a
 * milestone per event to the case's timeline block of its version (fillers of the average lengths); no JSON
 * parsed or built, no case folded. No projection that stores a case that way replays faster
 * than this on the same machine.
 */
function caseFileStorageOnly(filler: { identity: string; head: string; milestone: string }): Projection {
  return {
    name: 'bench-case-file-storage',
    tables: ['bench_case_heads', 'bench_case_timelines'],
    open(db: Database.Database) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS bench_case_heads (
          case_id INTEGER PRIMARY KEY, participant_id TEXT NOT NULL UNIQUE, city TEXT NOT NULL, programme TEXT NOT NULL,
          status TEXT NOT NULL, first_enrolled_on TEXT NOT NULL, reference_number INTEGER NOT NULL, last_position INTEGER NOT NULL,
          last_milestone_on TEXT NOT NULL, head TEXT NOT NULL, identity TEXT NOT NULL, UNIQUE (city, reference_number)
        ) STRICT;
        CREATE INDEX IF NOT EXISTS bench_case_heads_in_order ON bench_case_heads (first_enrolled_on, participant_id);
        CREATE INDEX IF NOT EXISTS bench_case_heads_by_city ON bench_case_heads (city, first_enrolled_on, participant_id);
        CREATE INDEX IF NOT EXISTS bench_case_heads_by_change ON bench_case_heads (last_position);
        CREATE INDEX IF NOT EXISTS bench_case_heads_by_city_change ON bench_case_heads (city, last_position);
        CREATE TABLE IF NOT EXISTS bench_case_timelines (
          case_id INTEGER NOT NULL, block INTEGER NOT NULL, milestones TEXT, notes TEXT, PRIMARY KEY (case_id, block)
        ) STRICT;
      `);
      const select = db.prepare<[string], { case_id: number; head: string }>('SELECT case_id, head, last_position, last_milestone_on FROM bench_case_heads WHERE participant_id = ?');
      // The next reference number as the projection finds it: through the unique index on (city, reference_number).
      const insertHead = db.prepare<[string, GlobalPosition, string, string]>(
        `INSERT INTO bench_case_heads (participant_id, city, programme, status, first_enrolled_on, reference_number, last_position, last_milestone_on, head, identity)
         VALUES (?, 'paris', 'paris-gatp', 'ACTIVE', '2007-01-08', (SELECT coalesce(max(reference_number), 0) + 1 FROM bench_case_heads WHERE city = 'paris'),
           ?, '2007-01-08', ?, ?)`,
      );
      const updateHead = db.prepare<[string, GlobalPosition, number]>(
        `UPDATE bench_case_heads SET programme = 'paris-gatp', status = 'ACTIVE', head = ?, last_position = ?, last_milestone_on = '2007-01-08' WHERE case_id = ?`,
      );
      const addToBlock = db.prepare<[number | bigint, number, string]>(
        `INSERT INTO bench_case_timelines (case_id, block, milestones) VALUES (?, ?, ?)
         ON CONFLICT (case_id, block) DO UPDATE SET milestones = concat_ws(',', milestones, excluded.milestones)`,
      );
      /** The versions of the batch's events: a milestone each, added to the block of its version. */
      const cases = new BatchRecords<{ caseId: number | undefined; versions: number[]; lastPosition: GlobalPosition }>(
        (participantId) => {
          const row = select.get(participantId);
          return row && { caseId: row.case_id, versions: [], lastPosition: START_OF_LOG };
        },
        (participantId, { caseId, versions, lastPosition }) => {
          const id = caseId ?? insertHead.run(participantId, lastPosition, filler.head, filler.identity).lastInsertRowid;
          if (caseId !== undefined) updateHead.run(filler.head, lastPosition, caseId);
          for (const block of new Set(versions.map(blockOf))) {
            addToBlock.run(id, block, versions.filter((version) => blockOf(version) === block).map(() => filler.milestone).join(','));
          }
        },
      );
      return {
        apply: (event) => {
          const participantId = participantOfStream(event.streamId);
          if (participantId === null) return [];
          const before = cases.get(participantId);
          cases.set(participantId, { caseId: before?.caseId, versions: [...(before?.versions ?? []), event.version], lastPosition: event.position });
          return [];
        },
        flush: () => cases.flush(),
        discard: () => cases.discard(),
      };
    },
  };
}

/** Reads the whole log in the rebuild's batches, folding nothing; answers the events read. */
export async function readWhole(store: EventStore): Promise<number> {
  let position: GlobalPosition = START_OF_LOG;
  let count = 0;
  for (;;) {
    const events = await store.readAll(position, BATCH);
    if (events.length === 0) return count;
    count += events.length;
    position = events.at(-1)!.position;
  }
}

/** What `work` answers, and the seconds it took. */
export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1_000 };
}
