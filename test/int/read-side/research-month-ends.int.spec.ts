import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { Clock } from '../../../src/clock/clock';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { InvalidInput } from '../../../src/journey/domain/errors';
import { exactly } from '../../../src/outcomes/cell';
import { ContributionSums } from '../../../src/outcomes/contribution-sums';
import { ProjectionGenerations } from '../../../src/projections/projection-generations';
import { OUTCOMES_PROJECTION } from '../../../src/read-side/outcomes/outcomes.projection';
import { SLICE_MS } from '../../../src/storage/read-snapshot';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event } from '../../unit/journey/fixtures';
import { countTurns } from '../../support/event-loop-turns';
import { researchReadModels } from '../../support/research-read-models';
import { tempDir } from '../../support/temp-files';

class SettableClock extends Clock {
  constructor(public instant: string) {
    super();
  }
  now = () => new Date(this.instant);
}

// Every city of the catalogue is on Central European (Summer) Time: June 2008 begins at 22:00 UTC on 31 May.
const BEFORE_JUNE = '2008-05-31T21:59:00Z';

let position = 0n;
/** One Paris participant's event, recorded at `recordedAt`. */
function stored(participantId: string, version: number, e: JourneyEvent, recordedAt: string): StoredEvent {
  return { ...e, streamId: `participant-${participantId}`, version, position: ++position, metadata: { recordedAt, recordedBy: 'test', commandId: null } };
}

const errorOf = async (act: () => Promise<unknown>): Promise<unknown> => {
  try {
    await act();
  } catch (error) {
    return error;
  }
  return null;
};

/** A Stockholm enrolment recorded at `recordedAt`: it moves the log on, and changes no Paris figure. */
let stockholmers = 0;
const elsewhere = (recordedAt: string): StoredEvent => {
  const participantId = `s${++stockholmers}`;
  return stored(participantId, 1, event.enrolled({ participantId, city: 'stockholm', programme: 'stockholm-test-group', occurredOn: recordedAt.slice(0, 10) }), recordedAt);
};

describe("researchers' figures are of a month end the log has closed, from the facts it folded by then (int, real SQLite file)", () => {
  const tmp = tempDir();
  const db = openSqliteDatabase(tmp.file('month-ends.db'));
  // The clock is late: the log, not the clock, closes researchers' months.
  const clock = new SettableClock('2008-04-01T12:00:00Z');
  let models: ReturnType<typeof researchReadModels>;
  const reader = () => models.reader();
  const fold = (...events: StoredEvent[]) => models.fold(events);

  beforeAll(() => {
    models = researchReadModels(db, BUILT_IN_CATALOGUE, clock);
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

  it('gives live figures as of the month before the latest one a fact was recorded in, the same as asking for that month end', async () => {
    expect(await reader().researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-03-31', enrolled: 0 });
    expect(await errorOf(() => reader().researchDashboard('paris', null, '2008-04-30', exactly))).toBeInstanceOf(InvalidInput);
    fold(elsewhere('2008-05-02T09:00:00Z'));
    const live = await reader().researchDashboard('paris', null, null, exactly);
    expect(live).toMatchObject({ asOf: '2008-04-30', enrolled: 2, active: 2, jobReturns: 1 });
    expect(await reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(live);
  });

  it("refuses the log's month end, a later one and a day inside a month, as the asOf field", async () => {
    for (const asOf of ['2008-05-31', '2008-06-30', '2008-04-15']) {
      const error = await errorOf(() => reader().researchDashboard('paris', null, asOf, exactly));
      expect(error).toBeInstanceOf(InvalidInput);
      expect((error as InvalidInput).fieldErrors).toEqual([{ field: 'asOf', message: expect.stringMatching(/month that is over \(2008-04-30 at the latest\)/) }]);
    }
  });

  it('stamps them with no event position, and with the instant the month ended in the city', async () => {
    for (const asOf of [null, '2008-04-30']) {
      expect(await reader().researchDashboard('paris', null, asOf, exactly)).toMatchObject({ lastEventPosition: '0', updatedAt: '2008-04-30T22:00:00.000Z' });
    }
    expect(await reader().researchDashboard('paris', null, '2008-03-31', exactly)).toMatchObject({ lastEventPosition: '0', updatedAt: '2008-03-31T22:00:00.000Z' });
  });

  it('leaves a month end over unchanged by an exit dated in it but recorded after it, which counts from the month it was recorded in', async () => {
    const before = await reader().researchDashboard('paris', null, '2008-04-30', exactly);
    fold(stored('a', 2, event.exited('2008-04-20', 'EMPLOYMENT', { participantId: 'a' }), '2008-05-10T09:00:00Z'));

    expect(await reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(before);
    expect(await reader().researchDashboard('paris', null, null, exactly)).toEqual(before);
    // Others see it in April, by its date.
    expect(reader().dashboard('paris', null, '2008-04-30')).toMatchObject({ exited: 1 });
  });

  it('leaves a month end over unchanged by a later correction or void of one of its facts, which count from their own month', async () => {
    const contracts = async (asOf: string | null) => (await reader().researchDashboard('paris', null, asOf, exactly)).jobsByContract.filter((c) => c.count! > 0);
    const april = await reader().researchDashboard('paris', null, '2008-04-30', exactly);
    expect(await contracts('2008-04-30')).toEqual([{ contractType: 'PERMANENT', count: 1 }]);
    const corrected = event.jobStarted('2008-04-10', { participantId: 'b', contractType: 'FIXED_TERM_6_MONTHS_OR_MORE' });
    fold(stored('b', 3, event.corrected(2, 'JOB_STARTED', corrected, ['contractType'], { participantId: 'b', occurredOn: '2008-05-12' }), '2008-05-12T09:00:00Z'));
    expect(await reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(april);
    fold(stored('b', 4, event.voided(2, { participantId: 'b', occurredOn: '2008-05-13' }), '2008-05-13T09:00:00Z'));
    expect(await reader().researchDashboard('paris', null, '2008-04-30', exactly)).toEqual(april);
    // Others see the void at once; researchers from May's month end on, once the log closes May.
    expect(reader().dashboard('paris', null, '2008-04-30')).toMatchObject({ jobReturns: 0 });
    fold(elsewhere('2008-06-01T12:00:00Z'));
    expect(await reader().researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-05-31', exited: 1, active: 1, jobReturns: 0 });
  });

  it('leaves a month end already read unchanged by a fact recorded before it ended but folded after (a lagging projection, another replica)', async () => {
    fold(elsewhere('2008-07-01T08:00:00Z'));
    const june = await reader().researchDashboard('paris', null, null, exactly);
    expect(june).toMatchObject({ asOf: '2008-06-30', enrolled: 2 });
    // Recorded at 23:30 on 30 June in Paris, by a replica whose event the log holds after July's first.
    fold(stored('c', 1, event.enrolled({ participantId: 'c', occurredOn: '2008-06-30' }), '2008-06-30T21:30:00Z'));
    expect(await reader().researchDashboard('paris', null, '2008-06-30', exactly)).toEqual(june);
    // It counts from the log's month, July.
    fold(elsewhere('2008-08-01T08:00:00Z'));
    expect(await reader().researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-07-31', enrolled: 3 });
  });

  it('computes a month end once, whatever events come after, and again once the tables are replaced (a new generation)', async () => {
    const cached = reader();
    const june = await cached.researchDashboard('paris', null, '2008-06-30', exactly);
    const scans = jest.spyOn(cached as unknown as { monthEndFigures: () => unknown }, 'monthEndFigures');
    fold(stored('a', 3, event.jobStarted('2008-08-02', { participantId: 'a', contractType: 'PERMANENT' }), '2008-08-02T09:00:00Z'));
    expect(await cached.researchDashboard('paris', null, '2008-06-30', exactly)).toBe(june);
    await cached.researchFigures('paris', null);
    await cached.researchFigures('paris', null);
    expect(scans).toHaveBeenCalledTimes(1);
    new ProjectionGenerations(db).bump(OUTCOMES_PROJECTION);
    expect(await cached.researchDashboard('paris', null, '2008-06-30', exactly)).toEqual(june);
    expect(scans).toHaveBeenCalledTimes(2);
  });

  it('computes figures asked for again while they are computed once: the second request waits for the first', async () => {
    const fresh = reader();
    const scans = jest.spyOn(fresh as unknown as { monthEndFigures: () => unknown }, 'monthEndFigures');
    const [first, second] = await Promise.all([
      fresh.researchDashboard('paris', null, '2008-05-31', exactly),
      fresh.researchDashboard('paris', null, '2008-05-31', exactly),
    ]);
    expect(second).toBe(first);
    expect(scans).toHaveBeenCalledTimes(1);
  });

  it('ignores the clock: a month over by the clock is not closed until the log holds a fact of a later one', () => {
    clock.instant = BEFORE_JUNE;
    expect(reader().researchMonthEnd()).toBe('2008-07-31');
    clock.instant = '2009-01-15T12:00:00Z';
    expect(reader().researchMonthEnd()).toBe('2008-07-31');
  });
});

describe("researchers' month ends are summed in slices, between which the event loop turns (int, real SQLite file)", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());

  it("lets other requests run between pages of the city's participants, in the month or not, once a slice is over (a national city takes seconds)", async () => {
    const db = openSqliteDatabase(tmp.file('slices.db'));
    // Three pages of April's participants, then two more pages of May's, which April's figures skip.
    const april = Array.from({ length: 1_001 }, (_, i) => `a${i}`);
    const may = Array.from({ length: 1_000 }, (_, i) => `m${i}`);
    const enrolled = (participantId: string, on: string) => stored(participantId, 1, event.enrolled({ participantId, occurredOn: on }), `${on}T09:00:00Z`);
    const models = researchReadModels(db, BUILT_IN_CATALOGUE, new SettableClock('2008-05-15T12:00:00Z'));
    models.fold([...april.map((id) => enrolled(id, '2008-04-02')), ...may.map((id) => enrolled(id, '2008-05-03')), elsewhere('2008-05-04T09:00:00Z')]);
    const reader = models.reader();
    // The release of April, which the figures leave out nobody of, worked out first: only the sums are watched.
    await reader.researchDashboard('stockholm', null, '2008-04-30', exactly);

    const turnsAtEachSum: number[] = [];
    const add = ContributionSums.prototype.add;
    const summed = jest.spyOn(ContributionSums.prototype, 'add').mockImplementation(function (this: ContributionSums, member) {
      turnsAtEachSum.push(turns.count);
      add.call(this, member);
    });
    // Every slice is over as soon as it begins: the sums pause after each page.
    let now = 0;
    const clock = jest.spyOn(performance, 'now').mockImplementation(() => (now += SLICE_MS));
    const turns = countTurns();
    let figures: Awaited<ReturnType<typeof reader.researchDashboard>>;
    let turnsAtTheEnd: number;
    try {
      figures = await reader.researchDashboard('paris', null, '2008-04-30', exactly);
      turnsAtTheEnd = turns.count;
    } finally {
      turns.stop();
      clock.mockRestore();
      summed.mockRestore();
      db.close();
    }

    expect(figures).toMatchObject({ enrolled: april.length, active: april.length });
    expect(turnsAtEachSum).toHaveLength(april.length);
    // The pages of 500 participants: a turn between the first and the second, and between the second and the third.
    const turnsOf = (from: number, to: number) => new Set(turnsAtEachSum.slice(from, to));
    expect([turnsOf(0, 500).size, turnsOf(500, 1_000).size, turnsOf(1_000, 1_001).size]).toEqual([1, 1, 1]);
    expect(turnsAtEachSum[500]!).toBeGreaterThan(turnsAtEachSum[499]!);
    expect(turnsAtEachSum[1_000]!).toBeGreaterThan(turnsAtEachSum[999]!);
    // And after the last of April's, between the pages of May's participants that it reads and skips.
    expect(turnsAtTheEnd).toBeGreaterThanOrEqual(turnsAtEachSum[1_000]! + 2);
  });
});
