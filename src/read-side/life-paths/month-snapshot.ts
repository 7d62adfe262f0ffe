import Database from 'better-sqlite3';
import type { LifePathRecord } from '../../life-paths/life-path-record';
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
 * for: the records of every participant as they stood at the month's end, and the tables'
 * generation. On a database file, a connection of its own holds a read transaction until closed,
 * while the service's connection goes on writing (WAL); an in-memory database has no second
 * connection, and its records, in memory already, are read whole each pass.
 */
export class MonthSnapshot {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<{ month: string }, string>;
  readonly generation: number;

  constructor(service: Database.Database) {
    this.db = service.memory ? service : new Database(service.name, { readonly: true, fileMustExist: true });
    try {
      this.select = this.db.prepare<{ month: string }, string>(SNAPSHOT).pluck();
      if (!service.memory) this.db.exec('BEGIN');
      // The first read, which fixes the state read until the end. The service created the table (ProjectionGenerations).
      this.generation = this.db.prepare<[string], number>(GENERATION).pluck().get(LIFE_PATHS_PROJECTION) ?? 0;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** The month's records, decoded by `decode` one at a time as they are iterated; read again each time. */
  records(month: string, decode: (text: string) => LifePathRecord): Iterable<LifePathRecord> {
    const { db, select } = this;
    return {
      *[Symbol.iterator]() {
        for (const text of db.memory ? select.all({ month }) : select.iterate({ month })) yield decode(text);
      },
    };
  }

  close(): void {
    if (!this.db.memory && this.db.open) this.db.close();
  }
}

const GENERATION = 'SELECT generation FROM projection_generations WHERE name = ?';

/** Each record as it stood at the end of the month (the current one if it has not changed since, else its month end), by participant. */
const SNAPSHOT = `SELECT record FROM (
   SELECT participant_id, record FROM life_paths WHERE month <= @month
   UNION ALL
   SELECT e.participant_id, e.record FROM life_path_month_ends e JOIN life_paths c ON c.participant_id = e.participant_id
   WHERE c.month > @month AND e.month = (
     SELECT max(month) FROM life_path_month_ends WHERE participant_id = e.participant_id AND month <= @month
   )
 ) ORDER BY participant_id`;
