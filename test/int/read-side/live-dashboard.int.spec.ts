import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { Clock } from '../../../src/clock/clock';
import { foldEvents } from '../../../src/projections/fold-events';
import { toDashboard } from '../../../src/read-side/outcomes/dashboard-view';
import { OutcomesProjection } from '../../../src/read-side/outcomes/outcomes.projection';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { decidedJourneys, interleave } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';
import { outcomesReader } from '../../support/research-read-models';

class SettableClock extends Clock {
  instant = '2008-06-30T12:00:00Z';
  now = () => new Date(this.instant);
}

describe('live dashboards, computed once per change (int, real SQLite file)', () => {
  const tmp = tempDir('journey-live-dashboard-');
  afterAll(() => tmp.remove());
  let run = 0;

  function setUp() {
    const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
    const writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
    const clock = new SettableClock();
    const log = interleave(decidedJourneys(11, 0.03), [0]);
    const fold = (events: typeof log) => db.transaction(() => foldEvents(writer, events, 0n))();
    return { db, log, fold, clock, reader: outcomesReader(db, BUILT_IN_CATALOGUE, clock) };
  }

  it('serves the same figures while no event changes them, and new ones as soon as one does', () => {
    const { db, log, fold, reader } = setUp();
    try {
      const city = 'paris';
      const cut = Math.floor(log.length / 2);
      fold(log.slice(0, cut));

      const first = reader.dashboard(city, null, null);
      expect(first).toEqual(toDashboard(reader.figures(city, null, null)));
      expect(reader.dashboard(city, null, null)).toBe(first);

      fold(log.slice(cut));
      const after = reader.dashboard(city, null, null);
      expect(after).toEqual(toDashboard(reader.figures(city, null, null)));
      expect(BigInt(after.lastEventPosition)).toBeGreaterThan(BigInt(first.lastEventPosition));
    } finally {
      db.close();
    }
  });

  it('computes them again once the day their open cases are censored at has passed', () => {
    const { db, log, fold, clock, reader } = setUp();
    try {
      fold(log);
      const before = reader.dashboard('frankfurt', null, null);

      clock.instant = '2009-06-30T12:00:00Z';
      const later = reader.dashboard('frankfurt', null, null);

      expect(later).not.toBe(before);
      expect(later).toEqual(toDashboard(reader.figures('frankfurt', null, null)));
    } finally {
      db.close();
    }
  });

  it("censors open cases at the city's today, and computes them again at its midnight, not UTC's", () => {
    const { db, log, fold, clock, reader } = setUp();
    try {
      fold(log);
      clock.instant = '2008-12-31T22:59:59Z'; // 23:59:59 in Paris
      const lastDay = reader.dashboard('paris', null, null);
      expect(reader.figures('paris', null, null).censorAt).toBe('2008-12-31');

      clock.instant = '2008-12-31T23:00:00Z'; // midnight in Paris, 23:00 in UTC
      const newDay = reader.dashboard('paris', null, null);
      expect(reader.figures('paris', null, null).censorAt).toBe('2009-01-01');
      expect(newDay).not.toBe(lastDay);
      expect(newDay).toEqual(toDashboard(reader.figures('paris', null, null)));

      clock.instant = '2009-01-01T00:00:01Z'; // midnight in UTC: still the same day in Paris
      expect(reader.dashboard('paris', null, null)).toBe(newDay);
    } finally {
      db.close();
    }
  });

  it('refuses a scope the catalogue does not have, cached or not', () => {
    const { db, reader } = setUp();
    try {
      expect(() => reader.dashboard('lyon', null, null)).toThrow(/Unknown city 'lyon'/);
      expect(() => reader.dashboard('paris', 'no-such-programme', null)).toThrow(/Unknown programme/);
    } finally {
      db.close();
    }
  });
});
