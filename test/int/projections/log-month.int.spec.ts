import { LogMonth, logMonthTable, selectLogMonth } from '../../../src/projections/log-month';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { tempDir } from '../../support/temp-files';

describe("a projection's log month (int, real SQLite file)", () => {
  const tmp = tempDir();
  const db = openSqliteDatabase(tmp.file('log-month.db'));
  db.exec(logMonthTable('test_log_month'));
  const stored = selectLogMonth(db, 'test_log_month');
  afterAll(() => {
    db.close();
    tmp.remove();
  });

  it('never goes back: an event recorded in an earlier month counts in the latest one folded, and is written once per batch', () => {
    const month = new LogMonth(db, 'test_log_month');
    expect(stored.get()).toBeUndefined();
    expect(['2008-04', '2008-05', '2008-04'].map((m) => month.advance(m))).toEqual(['2008-04', '2008-05', '2008-05']);
    expect(stored.get()).toBeUndefined();
    month.flush();
    expect(stored.get()).toBe('2008-05');
    expect(new LogMonth(db, 'test_log_month').advance('2008-03')).toBe('2008-05');
  });

  it('forgets what a batch that rolls back advanced it to', () => {
    const month = new LogMonth(db, 'test_log_month');
    expect(month.advance('2008-09')).toBe('2008-09');
    month.discard();
    expect(month.advance('2008-06')).toBe('2008-06');
    month.flush();
    expect(stored.get()).toBe('2008-06');
  });
});
