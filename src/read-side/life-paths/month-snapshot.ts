import type Database from 'better-sqlite3';
import type { LifePathRecord } from '../../life-paths/life-path-record';
import { ReadSnapshot } from '../../storage/read-snapshot';
import { LIFE_PATHS_PROJECTION } from './life-paths.projection';

/**
 * Whether participant `p` has a record in the snapshot of month `@month` (monthSnapshot): a record
 * is current from the month it last changed in, and any older state of it is kept as of its month
 * end. For a query of another read model's table aliased `p` (outcomes.reader.ts).
 */
export const IN_MONTH_SNAPSHOT = `(
  EXISTS (SELECT 1 FROM life_paths c WHERE c.participant_id = p.participant_id AND c.month <= @month)
  OR EXISTS (SELECT 1 FROM life_path_month_ends e WHERE e.participant_id = p.participant_id AND e.month <= @month)
)`;

/**
 * A month's snapshot of the life-paths tables, read from one state of them however long it is read
 * for (ReadSnapshot): the records of every participant as they stood at the month's end, and the
 * tables' generation.
 */
export class MonthSnapshot {
  private readonly snapshot: ReadSnapshot;
  private readonly select: Database.Statement<{ month: string }, string>;
  readonly generation: number;

  constructor(service: Database.Database) {
    this.snapshot = new ReadSnapshot(service);
    try {
      this.select = this.snapshot.db.prepare<{ month: string }, string>(SNAPSHOT).pluck();
      // The first read, which fixes the state read until the end. The service created the table (ProjectionGenerations).
      this.generation = this.snapshot.db.prepare<[string], number>(GENERATION).pluck().get(LIFE_PATHS_PROJECTION) ?? 0;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Whether the computing may pause between records (ReadSnapshot). */
  get pauses(): boolean {
    return this.snapshot.pauses;
  }

  /** The month's records, decoded by `decode` one at a time as they are iterated; read again each time. */
  records(month: string, decode: (text: string) => LifePathRecord): Iterable<LifePathRecord> {
    const { snapshot, select } = this;
    return {
      *[Symbol.iterator]() {
        for (const text of snapshot.rows(select, { month })) yield decode(text);
      },
    };
  }

  close(): void {
    this.snapshot.close();
  }
}

const GENERATION = 'SELECT generation FROM projection_generations WHERE name = ?';

/**
 * Each record as it stood at the end of the month (the current one if it has not changed since,
 * else its month end), in no order: the release counts classes and stores paths in pseudonym
 * order, and an ORDER BY here sorted the million records before the first came (seconds of a held
 * event loop, at each pass).
 */
const SNAPSHOT = `
   SELECT record FROM life_paths WHERE month <= @month
   UNION ALL
   SELECT e.record FROM life_path_month_ends e JOIN life_paths c ON c.participant_id = e.participant_id
   WHERE c.month > @month AND e.month = (
     SELECT max(month) FROM life_path_month_ends WHERE participant_id = e.participant_id AND month <= @month
   )`;
