import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import type { LifePathRecord } from '../../../src/life-paths/life-path-record';
import { ProjectionGenerations } from '../../../src/projections/projection-generations';
import { LifePathsProjection } from '../../../src/read-side/life-paths/life-paths.projection';
import { MonthSnapshot } from '../../../src/read-side/life-paths/month-snapshot';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

/** What the snapshot of a month is: each record as it stood at the month's end, as one query of both tables says it. */
const AS_ONE_QUERY = `
   SELECT record FROM life_paths WHERE month <= @month
   UNION ALL
   SELECT e.record FROM life_path_month_ends e JOIN life_paths c ON c.participant_id = e.participant_id
   WHERE c.month > @month AND e.month = (
     SELECT max(month) FROM life_path_month_ends WHERE participant_id = e.participant_id AND month <= @month
   )`;

const MONTHS = ['2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06'];

describe("a month's snapshot of the life paths, read a page of participants at a time (int, real SQLite file)", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it('gives each record as it stood at the month end, over several pages, whatever month each last changed in; a page of 100 participants at a time, empty where none is in the month', () => {
    const db = openSqliteDatabase(tmp.file('snapshot.db'));
    new LifePathsProjection(BUILT_IN_CATALOGUE).open(db);
    new ProjectionGenerations(db);
    const current = db.prepare('INSERT INTO life_paths (participant_id, month, record) VALUES (?, ?, ?)');
    const monthEnd = db.prepare('INSERT INTO life_path_month_ends (participant_id, month, record) VALUES (?, ?, ?)');
    // 1,250 participants (12 pages and a half): changed last in every month, with month ends before it or none (enrolled later).
    db.transaction(() => {
      for (let i = 0; i < 1_250; i++) {
        const id = `p${String(i).padStart(5, '0')}`;
        const last = MONTHS[i % MONTHS.length]!;
        current.run(id, last, `${id} as of ${last}`);
        for (const month of MONTHS.filter((m, at) => m < last && (i + at) % 3 !== 0)) monthEnd.run(id, month, `${id} at the end of ${month}`);
      }
    })();
    const snapshot = new MonthSnapshot(db);
    try {
      for (const month of MONTHS) {
        const read = [...snapshot.pages(month, (text) => text as unknown as LifePathRecord)].flat() as unknown as string[];
        const expected = db.prepare<{ month: string }, string>(AS_ONE_QUERY).pluck().all({ month });
        expect(read.sort()).toEqual(expected.sort());
        expect(read.length).toBeGreaterThan(0);
      }
      // A month before anyone's: every participant is read and none is in it, a page at a time.
      const pages = [...snapshot.pages('2025-12', (text) => text as unknown as LifePathRecord)];
      expect(pages.map((page) => page.length)).toEqual(Array<number>(13).fill(0));
    } finally {
      snapshot.close();
      db.close();
    }
  });
});
