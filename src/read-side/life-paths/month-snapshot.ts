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
  private readonly page: Database.Statement<{ after: string; limit: number }, [participantId: string, month: string, record: string]>;
  private readonly monthEnd: Database.Statement<{ participantId: string; month: string }, string>;
  readonly generation: number;

  /** `pageSize`: participants read in one step of `pages`. */
  constructor(
    service: Database.Database,
    private readonly pageSize = PAGE_SIZE,
  ) {
    this.snapshot = new ReadSnapshot(service);
    try {
      this.page = this.snapshot.db.prepare<{ after: string; limit: number }, [string, string, string]>(PAGE).raw();
      this.monthEnd = this.snapshot.db.prepare<{ participantId: string; month: string }, string>(MONTH_END).pluck();
      // The first read, which fixes the state read until the end. The service created the table (ProjectionGenerations).
      this.generation = this.snapshot.db.prepare<[string], number>(GENERATION).pluck().get(LIFE_PATHS_PROJECTION) ?? 0;
    } catch (error) {
      this.close();
      throw error;
    }
  }

  /** Whether the computing may pause between pages (ReadSnapshot). */
  get pauses(): boolean {
    return this.snapshot.pauses;
  }

  /**
   * The month's records, decoded by `decode`, a page of participants at a time in their order; read
   * again each time. A page is a few milliseconds of work however few of its participants the
   * month has, so that a caller may pause between pages: an early month has few records, and a
   * query filtering the month in SQLite went through every record of the later months in one step
   * (a second of held event loop at 100,000 participants). A page may be empty.
   */
  pages(month: string, decode: (text: string) => LifePathRecord): Iterable<LifePathRecord[]> {
    const { page, monthEnd, pageSize } = this;
    return {
      *[Symbol.iterator]() {
        for (let after = ''; ; ) {
          const rows = page.all({ after, limit: pageSize });
          const records: LifePathRecord[] = [];
          for (const [participantId, changedIn, record] of rows) {
            // Current since its month, or changed since: then as it stood at its last month end, if it had one by then.
            const asOfMonth = changedIn <= month ? record : monthEnd.get({ participantId, month });
            if (asOfMonth !== undefined) records.push(decode(asOfMonth));
          }
          yield records;
          if (rows.length < pageSize) return;
          after = rows.at(-1)![0];
        }
      },
    };
  }

  close(): void {
    this.snapshot.close();
  }
}

const GENERATION = 'SELECT generation FROM projection_generations WHERE name = ?';

/** Participants read in one step of a month's records: a few milliseconds of work. */
const PAGE_SIZE = 100;

/** The next page of records, in participant order (the table's primary key). */
const PAGE = 'SELECT participant_id, month, record FROM life_paths WHERE participant_id > @after ORDER BY participant_id LIMIT @limit';

/** A record as it stood at the last month end up to the month, changed since: one seek in the month ends' primary key. */
const MONTH_END = `
   SELECT record FROM life_path_month_ends WHERE participant_id = @participantId AND month <= @month
   ORDER BY month DESC LIMIT 1`;
