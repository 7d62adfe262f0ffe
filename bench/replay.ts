import { performance } from 'node:perf_hooks';
import type Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../src/catalogue/built-in-catalogue';
import { type GlobalPosition, START_OF_LOG } from '../src/event-store/event-store.port';
import { SqliteEventStore } from '../src/event-store/sqlite/sqlite-event-store';
import { participantOfStream } from '../src/journey/application/journey-repository';
import type { Projection } from '../src/projections/projection';
import { rebuildProjection } from '../src/projections/rebuild-projections';
import { buildProjections } from '../src/read-side/projections.registry';
import { openSqliteDatabase } from '../src/storage/sqlite-database';

/** The batch the rebuild reads and folds by (rebuild-projections.ts). */
const BATCH = 10_000;

export interface ReplayFigures {
  events: number;
  /** Reading the whole log through the store, folding nothing: what any replay costs at least. */
  readPerSecond: number;
  /** Each registered projection rebuilt from the whole log, as `npm run projections:rebuild <name>` does. */
  projections: { name: string; perSecond: number; seconds: number }[];
  /** The case files' storage alone, without building a file: see `caseFileStorageOnly`. */
  caseFilesStorage: { perSecond: number; averageFileBytes: number; averageMilestones: number } | null;
}

/** Replays the log of `file` into every projection, one after the other, as the rebuild command does. */
export async function benchReplay(file: string): Promise<ReplayFigures> {
  const db = openSqliteDatabase(file);
  try {
    const store = new SqliteEventStore(db);
    const read = await timed(async () => {
      let position: GlobalPosition = START_OF_LOG;
      let count = 0;
      for (;;) {
        const events = await store.readAll(position, BATCH);
        if (events.length === 0) return count;
        count += events.length;
        position = events.at(-1)!.position;
      }
    });
    const projections: ReplayFigures['projections'] = [];
    for (const projection of buildProjections(BUILT_IN_CATALOGUE)) {
      const rebuilt = await timed(() => rebuildProjection(db, store, projection));
      if (rebuilt.value.events !== read.value) throw new Error(`${projection.name} replayed ${rebuilt.value.events} events of ${read.value}`);
      projections.push({ name: projection.name, perSecond: rebuilt.value.events / rebuilt.seconds, seconds: rebuilt.seconds });
    }
    const sizes = db
      .prepare<[], { bytes: number; milestones: number }>(
        `SELECT avg(length(file)) AS bytes, avg(json_extract(file, '$.view.version')) AS milestones FROM case_files`,
      )
      .get();
    let caseFilesStorage: ReplayFigures['caseFilesStorage'] = null;
    if (sizes && sizes.milestones > 0) {
      const milestone = 'x'.repeat(Math.round(sizes.bytes / sizes.milestones));
      const storage = await timed(() => rebuildProjection(db, store, caseFileStorageOnly(milestone)));
      caseFilesStorage = { perSecond: storage.value.events / storage.seconds, averageFileBytes: sizes.bytes, averageMilestones: sizes.milestones };
    }
    return { events: read.value, readPerSecond: read.value / read.seconds, projections, caseFilesStorage };
  } finally {
    db.close();
  }
}

/**
 * What the case files cost SQLite alone: the same table, indexes and statements, each event
 * reading its participant's file and writing it back one milestone longer (a filler of the
 * average milestone's length), with no JSON parsed or built. No projection that keeps one
 * document per case, rewritten at each event, replays faster than this on the same machine.
 */
function caseFileStorageOnly(milestone: string): Projection {
  return {
    name: 'bench-case-file-storage',
    tables: ['bench_case_file_storage'],
    open(db: Database.Database) {
      db.exec(`
        CREATE TABLE IF NOT EXISTS bench_case_file_storage (
          participant_id TEXT PRIMARY KEY, city TEXT NOT NULL, programme TEXT NOT NULL, status TEXT NOT NULL,
          first_enrolled_on TEXT NOT NULL, file TEXT NOT NULL
        ) STRICT;
        CREATE INDEX IF NOT EXISTS bench_case_file_storage_in_order ON bench_case_file_storage (first_enrolled_on, participant_id);
        CREATE INDEX IF NOT EXISTS bench_case_file_storage_by_city ON bench_case_file_storage (city, first_enrolled_on, participant_id);
      `);
      const select = db.prepare<[string], string>('SELECT file FROM bench_case_file_storage WHERE participant_id = ?').pluck();
      const insert = db.prepare<[string, string]>(
        `INSERT INTO bench_case_file_storage (participant_id, city, programme, status, first_enrolled_on, file) VALUES (?, 'paris', 'paris-gatp', 'ACTIVE', '2007-01-08', ?)`,
      );
      const update = db.prepare<[string, string]>(`UPDATE bench_case_file_storage SET programme = 'paris-gatp', status = 'ACTIVE', file = ? WHERE participant_id = ?`);
      return {
        apply: (event) => {
          const participantId = participantOfStream(event.streamId);
          if (participantId === null) return [];
          const previous = select.get(participantId);
          if (previous === undefined) insert.run(participantId, milestone);
          else update.run(`${previous},${milestone}`, participantId);
          return [];
        },
      };
    },
  };
}

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
  const started = performance.now();
  const value = await work();
  return { value, seconds: (performance.now() - started) / 1_000 };
}
