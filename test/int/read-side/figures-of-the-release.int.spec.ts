import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { loadConfig } from '../../../src/config/config';
import type { StoredEvent } from '../../../src/event-store/event-store.port';
import type { JourneyEvent } from '../../../src/journey/domain/events';
import { EXIT_REASONS, type ExitReason, type Gender } from '../../../src/journey/domain/vocabulary';
import type { LifePath } from '../../../src/life-paths/anonymise-release';
import { exactly } from '../../../src/outcomes/cell';
import { cellKeyMethod } from '../../../src/outcomes/cell-key-method';
import { MAX_PERTURBATION } from '../../../src/outcomes/perturbation-table';
import { ServiceBusy } from '../../../src/graphql/hardening/operation-gate';
import { foldEvents } from '../../../src/projections/fold-events';
import { LifePathsProjection } from '../../../src/read-side/life-paths/life-paths.projection';
import { LifePathsReader } from '../../../src/read-side/life-paths/life-paths.reader';
import { OutcomesProjection } from '../../../src/read-side/outcomes/outcomes.projection';
import type { DashboardView } from '../../../src/read-side/outcomes/dashboard-view';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { event } from '../../unit/journey/fixtures';
import { researchReadModels } from '../../support/research-read-models';
import { allPaths } from '../../support/stored-release-paths';
import { recordedOnTheirDay } from '../../support/recorded-on-their-day';
import { tempDir } from '../../support/temp-files';
import { StoppedClock } from '../../support/stopped-clock';

const K = 3;
const CONFIG = loadConfig({ NODE_ENV: 'test', K_ANONYMITY: String(K) });
const PERTURBED = cellKeyMethod(CONFIG.pseudonymSecret);
const PROGRAMMES = BUILT_IN_CATALOGUE.cities.find((c) => c.code === 'paris')!.programmes.map((p) => p.code);

interface Person {
  programme: string;
  birthYear: number;
  gender: Gender;
  lastSector: string;
  exit: ExitReason | null;
}

/**
 * Paris participants of a few profiles, so that some classes reach k and some do not: the release
 * withholds the latter (or generalises them in), and leaves a cell's figure apart from its paths.
 */
const populations = fc.array(
  fc.record({
    programme: fc.constantFrom(...PROGRAMMES),
    birthYear: fc.constantFrom(1950, 1953, 1957),
    gender: fc.constantFrom<Gender>('FEMALE', 'MALE'),
    lastSector: fc.constantFrom('K', 'C', 'Q'),
    exit: fc.option(fc.constantFrom(...EXIT_REASONS)),
  }),
  { minLength: 1, maxLength: 30 },
);

function logOf(people: readonly Person[], run: number): StoredEvent[] {
  const streams = people.map((person, i): [string, JourneyEvent[]] => {
    const participantId = `run-${run}-person-${i}`;
    const enrolled = event.enrolled({ participantId, occurredOn: '2007-01-10', programme: person.programme });
    const profile = { ...enrolled.data.profile, birthYear: person.birthYear, gender: person.gender, lastSector: person.lastSector };
    const events: JourneyEvent[] = [{ ...enrolled, data: { ...enrolled.data, profile } }];
    if (person.exit) events.push(event.exited('2007-03-20', person.exit, { participantId }));
    return [participantId, events];
  });
  // A Stockholm enrolment of June 2008 closes May, in both read models.
  const closing = `run-${run}-stockholm`;
  streams.push([closing, [event.enrolled({ participantId: closing, occurredOn: '2008-06-02', city: 'stockholm', programme: 'stockholm-test-group' })]]);
  return recordedOnTheirDay(streams);
}

/** What counting the released paths of a city (and programme, when the release keeps it) gives for the figures that paths can express. */
function countedFromPaths(paths: readonly LifePath[], programme: string | null) {
  const mine = paths.filter((p) => p.city === 'paris' && (programme === null || p.programme === programme));
  const exitOf = (p: LifePath) => p.steps.find((s) => s.kind === 'EXITED')?.detail ?? null;
  return {
    enrolled: mine.length,
    exited: mine.filter((p) => exitOf(p) !== null).length,
    positiveExits: mine.filter((p) => p.outcome === 'POSITIVE').length,
    byReason: Object.fromEntries(EXIT_REASONS.map((reason) => [reason, mine.filter((p) => exitOf(p) === reason).length])),
  };
}

const shownOf = (view: DashboardView) => ({
  enrolled: view.enrolled,
  exited: view.exited,
  positiveExits: view.positiveExits,
  byReason: Object.fromEntries(view.exitsByReason.map((e) => [e.reason, e.count])),
});

describe("researchers' figures are of the released participants: counting the paths undoes nothing but the noise (int, real SQLite files)", () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  it('gives, before perturbation, exactly what the paths count; the withheld count in no figure; the published figure within 2 of the paths', async () => {
    let withheldSome = 0;
    await fc.assert(
      fc.asyncProperty(populations, async (people) => {
        const db = openSqliteDatabase(tmp.file(`run-${run}.db`));
        try {
          const clock = new StoppedClock('2008-06-30T12:00:00Z');
          const models = researchReadModels(db, BUILT_IN_CATALOGUE, clock, K);
          models.fold(logOf(people, run++));
          const reader = models.reader();
          const stored = await new LifePathsReader(db, CONFIG).release();
          const release = { ...stored.facts, paths: await allPaths(stored) };
          expect(release.releasedAsOf).toBe('2008-05-31');
          const withheld = release.suppressedByCity.paris ?? 0;
          if (withheld > 0) withheldSome++;

          const programmes = release.levels.programme === 'NONE' ? [null] : [null, ...PROGRAMMES];
          for (const programme of programmes) {
            const counted = countedFromPaths(release.paths, programme);
            expect(shownOf(await reader.researchDashboard('paris', programme, null, exactly))).toEqual(counted);
            const published = shownOf(await reader.researchDashboard('paris', programme, null, PERTURBED));
            expect(Math.abs(published.enrolled! - counted.enrolled)).toBeLessThanOrEqual(MAX_PERTURBATION);
            for (const reason of EXIT_REASONS) expect(Math.abs(published.byReason[reason]! - counted.byReason[reason]!)).toBeLessThanOrEqual(MAX_PERTURBATION);
          }
          // Advisers, coordinators and admins count everyone, the withheld included.
          expect(reader.dashboard('paris', null, '2008-05-31').enrolled).toBe(people.length);
          expect((await reader.researchDashboard('paris', null, null, exactly)).enrolled).toBe(people.length - withheld);
          // The time-to-outcome curve is of the same participants.
          expect((await reader.researchFigures('paris', null)).counts.enrolled).toBe(people.length - withheld);
        } finally {
          db.close();
        }
      }),
      { numRuns: 40, seed: 13 },
    );
    // The property says something of withheld participants in populations that have some.
    expect(withheldSome).toBeGreaterThanOrEqual(3);
  });

  it('leaves a lone participant out of every figure: on a store with one, researchers see nobody enrolled', async () => {
    const db = openSqliteDatabase(tmp.file('lone.db'));
    try {
      const models = researchReadModels(db, BUILT_IN_CATALOGUE, new StoppedClock('2008-06-30T12:00:00Z'), K);
      models.fold(logOf([{ programme: PROGRAMMES[0]!, birthYear: 1952, gender: 'FEMALE', lastSector: 'K', exit: 'EMPLOYMENT' }], run++));
      const reader = models.reader();
      expect(await reader.researchDashboard('paris', null, null, exactly)).toMatchObject({ enrolled: 0, exited: 0, positiveExits: 0 });
      expect((await reader.researchFigures('paris', null)).counts.enrolled).toBe(0);
      expect(reader.dashboard('paris', null, null).enrolled).toBe(1);
    } finally {
      db.close();
    }
  });

  it('asks researchers to retry while the life paths have folded no event the outcomes have, and answers once they have', async () => {
    const db = openSqliteDatabase(tmp.file('lagging.db'));
    try {
      const log = logOf([{ programme: PROGRAMMES[0]!, birthYear: 1952, gender: 'FEMALE', lastSector: 'K', exit: null }], run++);
      const reader = researchReadModels(db, BUILT_IN_CATALOGUE, new StoppedClock('2008-06-30T12:00:00Z'), K).reader();
      // Each projection folds on a loop of its own: here the outcomes' first.
      const fold = (projection: OutcomesProjection | LifePathsProjection) => db.transaction(() => foldEvents(projection.open(db), log, 0n))();
      fold(new OutcomesProjection(BUILT_IN_CATALOGUE));
      await expect(reader.researchDashboard('paris', null, null, exactly)).rejects.toThrow(ServiceBusy);
      fold(new LifePathsProjection(BUILT_IN_CATALOGUE));
      expect(await reader.researchDashboard('paris', null, null, exactly)).toMatchObject({ asOf: '2008-05-31' });
    } finally {
      db.close();
    }
  });
});
