import type Database from 'better-sqlite3';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { CaseFilesProjection } from '../../../src/read-side/cases/case-files.projection';
import { type CaseListShape, pageSql } from '../../../src/read-side/cases/case-list-queries';
import { CASE_ORDERS, type CaseOrder } from '../../../src/read-side/cases/case-order';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

/** The index each order is read along: for one city, then for every city. */
const INDEXES: Record<CaseOrder, [string, string]> = {
  FIRST_ENROLMENT: ['case_files_by_city', 'case_files_in_order'],
  // The unique (city, reference_number): SQLite names it after its table.
  REFERENCE: ['sqlite_autoindex_case_files_2', 'sqlite_autoindex_case_files_2'],
  RECENTLY_CHANGED: ['case_files_by_city_change', 'case_files_by_change'],
};

/** A value for each of the lists' parameters: a plan is made without looking at them. */
const EVERY_PARAMETER = Object.fromEntries(
  ['city', 'programme', 'status', 'participantIds', 'lastMilestoneBy', 'afterDate', 'afterId', 'afterCity', 'afterNumber', 'afterPosition', 'limit'].map((name) => [name, null]),
);

const shapes: CaseListShape[] = CASE_ORDERS.flatMap((order) =>
  [true, false].flatMap((oneCity) => [true, false].map((afterCursor) => ({ order, oneCity, afterCursor }))),
);

describe("the case lists' query plans (int, real SQLite file)", () => {
  const tmp = tempDir('journey-case-list-plans-');
  let db: Database.Database;
  beforeAll(() => {
    db = openSqliteDatabase(tmp.file('plans.db'));
    new CaseFilesProjection(BUILT_IN_CATALOGUE).open(db);
  });
  afterAll(() => {
    db.close();
    tmp.remove();
  });

  it.each(shapes)('reads %j along its index, without sorting', (shape) => {
    const plan = db
      .prepare<[Record<string, unknown>], { detail: string }>(`EXPLAIN QUERY PLAN ${pageSql(shape)}`)
      .all(EVERY_PARAMETER)
      .map((row) => row.detail);
    const index = INDEXES[shape.order][shape.oneCity ? 0 : 1];
    expect(plan).toContainEqual(expect.stringMatching(new RegExp(`^SCAN case_files USING INDEX ${index}\\b|^SEARCH case_files USING INDEX ${index} `)));
    expect(plan.join('\n')).not.toMatch(/TEMP B-TREE/);
  });
});
