import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { Clock } from '../../../src/clock/clock';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { InvalidInput } from '../../../src/journey/domain/errors';
import { exactly } from '../../../src/outcomes/cell';
import { foldEvents } from '../../../src/projections/fold-events';
import type { ProjectionWriter } from '../../../src/projections/projection';
import { OutcomesProjection } from '../../../src/read-side/outcomes/outcomes.projection';
import { OutcomesReader } from '../../../src/read-side/outcomes/outcomes.reader';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event } from '../../unit/journey/fixtures';
import { tempDir } from '../../support/temp-files';

class SettableClock extends Clock {
  constructor(public instant: string) {
    super();
  }
  now = () => new Date(this.instant);
}

// Every city of the catalogue is on Central European (Summer) Time: May 2008 begins at 22:00 UTC on 30 April.
const BEFORE_MAY = '2008-04-30T21:59:00Z';
const IN_MAY = '2008-05-15T12:00:00Z';

let position = 0n;
/** One Paris participant's event, recorded at `recordedAt`. */
function stored(participantId: string, version: number, e: JourneyEvent, recordedAt: string): StoredEvent {
  return { ...e, streamId: `participant-${participantId}`, version, position: ++position, metadata: { recordedAt, recordedBy: 'test', commandId: null } };
}

const errorOf = (act: () => unknown): unknown => {
  try {
    act();
  } catch (error) {
    return error;
  }
  return null;
};

describe("researchers' figures are of a month end that is over, from what was recorded by then (int, real SQLite file)", () => {
  const tmp = tempDir();
  const db = openSqliteDatabase(tmp.file('month-ends.db'));
  const clock = new SettableClock(IN_MAY);
  const reader = () => new OutcomesReader(db, BUILT_IN_CATALOGUE, clock);
  let writer: ProjectionWriter;
  const fold = (...events: StoredEvent[]) => db.transaction(() => foldEvents(writer, events, 0n))();

  beforeAll(() => {
    writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
    fold(
      stored('a', 1, event.enrolled({ participantId: 'a', occurredOn: '2008-04-02' }), '2008-04-02T09:00:00Z'),
      stored('b', 1, event.enrolled({ participantId: 'b', occurredOn: '2008-04-03' }), '2008-04-03T09:00:00Z'),
      stored('b', 2, event.jobStarted('2008-04-10', { participantId: 'b', contractType: 'PERMANENT' }), '2008-04-10T09:00:00Z'),
    );
  });
  afterAll(() => {
    db.close();
    tmp.remove();
  });

  it('gives live figures as of the last month end over in every city, the same as asking for that month end', () => {
    clock.instant = BEFORE_MAY;
    expect(reader().researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-03-31', enrolled: 0 });
    clock.instant = IN_MAY;
    const live = reader().researchDashboard('paris', null, null, exactly);
    expect(live).toMatchObject({ asOf: '2008-04-30', enrolled: 2, active: 2, jobReturns: 1 });
    expect(reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(live);
  });

  it('refuses the current month end, a later one and a day inside a month, as the asOf field', () => {
    clock.instant = IN_MAY;
    for (const asOf of ['2008-05-31', '2008-06-30', '2008-04-15']) {
      const error = errorOf(() => reader().researchDashboard('paris', null, asOf, exactly));
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fieldErrors).toEqual([{ field: 'asOf', message: expect.stringMatching(/month's last day.*2008-04-30/) }]);
    }
    clock.instant = BEFORE_MAY;
    expect(errorOf(() => reader().researchDashboard('paris', null, '2008-04-30', exactly))).toBeInstanceOf(InvalidInput);
  });

  it('stamps them with no event position, and with the instant the month ended in the city', () => {
    clock.instant = IN_MAY;
    for (const asOf of [null, '2008-04-30']) {
      expect(reader().researchDashboard('paris', null, asOf, exactly)).toMatchObject({ lastEventPosition: '0', updatedAt: '2008-04-30T22:00:00.000Z' });
    }
    expect(reader().researchDashboard('paris', null, '2008-03-31', exactly)).toMatchObject({ lastEventPosition: '0', updatedAt: '2008-03-31T22:00:00.000Z' });
  });

  it('leaves a month end over unchanged by an exit dated in it but recorded after it, which counts from the month it was recorded in', () => {
    clock.instant = IN_MAY;
    const before = reader().researchDashboard('paris', null, '2008-04-30', exactly);
    fold(stored('a', 2, event.exited('2008-04-20', 'EMPLOYMENT', { participantId: 'a' }), '2008-05-10T09:00:00Z'));

    expect(reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(before);
    expect(reader().researchDashboard('paris', null, null, exactly)).toEqual(before);
    // Others see it in April, by its date.
    expect(reader().dashboard('paris', null, '2008-04-30')).toMatchObject({ exited: 1 });
    clock.instant = '2008-06-01T12:00:00Z';
    expect(reader().researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-05-31', exited: 1, active: 1 });
  });

  it('leaves a month end over unchanged by a later correction or void of one of its facts, which count from their own month', () => {
    clock.instant = IN_MAY;
    const contracts = (asOf: string | null) => reader().researchDashboard('paris', null, asOf, exactly).jobsByContract.filter((c) => c.count! > 0);
    const april = reader().researchDashboard('paris', null, '2008-04-30', exactly);
    expect(contracts('2008-04-30')).toEqual([{ contractType: 'PERMANENT', count: 1 }]);
    const corrected = event.jobStarted('2008-04-10', { participantId: 'b', contractType: 'FIXED_TERM_6_MONTHS_OR_MORE' });
    fold(stored('b', 3, event.corrected(2, 'JOB_STARTED', corrected, ['contractType'], { participantId: 'b', occurredOn: '2008-05-12' }), '2008-05-12T09:00:00Z'));
    expect(reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(april);
    fold(stored('b', 4, event.voided(2, { participantId: 'b', occurredOn: '2008-05-13' }), '2008-05-13T09:00:00Z'));
    expect(reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(april);
    // Others see the void at once; researchers from May's month end on.
    expect(reader().dashboard('paris', null, '2008-04-30')).toMatchObject({ jobReturns: 0 });
    clock.instant = '2008-06-01T12:00:00Z';
    expect(reader().researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-05-31', jobReturns: 0 });
  });
});
