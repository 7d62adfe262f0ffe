import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { addCounts, countsOf, emptyCounts } from '../../../src/outcomes/outcome-counts';
import { foldJourney } from '../../../src/journey/domain/journey';
import { outcomeFactOf } from '../../../src/outcomes/outcome-facts';
import { contributionAt } from '../../../src/outcomes/participant-contribution';
import { cellKeyMethod } from '../../../src/outcomes/cell-key-method';
import { counterKeysOf } from '../../../src/outcomes/counter-keys';
import { recordKeyOf } from '../../../src/outcomes/record-key';
import { keySumsOf, talliesOf } from '../../../src/outcomes/survival';
import { targetsOf } from '../../../src/outcomes/outcome-targets';
import { foldEvents } from '../../../src/projections/fold-events';
import { toDashboard } from '../../../src/read-side/outcomes/dashboard-view';
import { OutcomesProjection } from '../../../src/read-side/outcomes/outcomes.projection';
import { openSqliteDatabase } from '../../../src/storage/sqlite-database';
import { type DecidedJourney, decidedJourneys, interleave } from '../../support/programme-journeys';
import { tempDir } from '../../support/temp-files';
import { outcomesReader } from '../../support/research-read-models';
import { StoppedClock } from '../../support/stopped-clock';
import { SCOPES } from '../../support/programme-scopes';

const TODAY = '2026-01-01';
const PERTURBED = cellKeyMethod('a pseudonym secret of the tests');

/** A small programme run's journeys, as the events the domain decides for them, amended by corrections, voids and notes. */
const journeysOf = (seed: number) => decidedJourneys(seed, 0.03, () => false, 6);

/** The facts of the journey as its corrections leave it, folded by the domain: no projection code. */
const correctedFacts = ({ events }: DecidedJourney) =>
  foldJourney(events)
    .milestones.filter((m) => !m.voided)
    .map((m) => outcomeFactOf(m.event))
    .filter((f) => f !== null);

const cityOf = ({ events: [enrolment] }: DecidedJourney): string => (enrolment?.type === 'ParticipantEnrolled' ? enrolment.data.city : '');

/** Every figure from scratch: each participant's whole journey folded with the pure definitions. */
function fromScratch(journeys: ReturnType<typeof journeysOf>, city: string, programme: string | null, asOf: string | null) {
  const members = journeys
    .filter((j) => cityOf(j) === city)
    .map((j) => ({ contribution: contributionAt({ city, facts: correctedFacts(j) }, asOf, BUILT_IN_CATALOGUE.exitClasses)!, recordKey: recordKeyOf(j.participantId) }))
    .filter(({ contribution: c }) => c !== null && (programme === null || c.programme === programme));
  const contributions = members.map((m) => m.contribution);
  return {
    counts: contributions.reduce((sum, c) => addCounts(sum, countsOf(c)), emptyCounts()),
    counterKeys: counterKeysOf(members),
    tallies: talliesOf(contributions),
    survivalKeys: keySumsOf(members),
  };
}

describe('the outcomes read model, maintained event by event (property, real SQLite file)', () => {
  const tmp = tempDir();
  afterAll(() => tmp.remove());
  let run = 0;

  it('is computed over journeys that corrections and voids have changed', () => {
    const types = journeysOf(7).flatMap((j) => j.events.map((e) => e.type));
    expect(types).toContain('MilestoneCorrected');
    expect(types).toContain('MilestoneVoided');
  });

  it('equals a from-scratch computation over the corrected journeys, live and as of random dates, exact and perturbed (key sums kept as the counts)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1_000_000 }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 50 }),
        fc.array(fc.date({ min: new Date('2006-12-01'), max: new Date('2009-03-01'), noInvalidDate: true }), { minLength: 1, maxLength: 4 }),
        (seed, picks, dates) => {
          const journeys = journeysOf(seed);
          const db = openSqliteDatabase(tmp.file(`run-${run++}.db`));
          try {
            const writer = new OutcomesProjection(BUILT_IN_CATALOGUE).open(db);
            const log = interleave(journeys, picks);
            db.transaction(() => foldEvents(writer, log, 0n))();
            const reader = outcomesReader(db, BUILT_IN_CATALOGUE, new StoppedClock(`${TODAY}T12:00:00Z`));
            for (const { city, programme } of SCOPES) {
              for (const asOf of [null, ...dates.map((d) => d.toISOString().slice(0, 10))]) {
                const stored = reader.figures(city, programme, asOf);
                const scratch = fromScratch(journeys, city, programme, asOf);
                const expected = toDashboard({ ...stored, ...scratch, censorAt: asOf ?? TODAY, targets: targetsOf(BUILT_IN_CATALOGUE, city, programme) });
                expect(toDashboard(stored)).toEqual(expected);
                const perturbed = toDashboard({ ...stored, ...scratch, censorAt: asOf ?? TODAY, targets: targetsOf(BUILT_IN_CATALOGUE, city, programme) }, PERTURBED);
                expect(toDashboard(stored, PERTURBED)).toEqual(perturbed);
              }
            }
          } finally {
            db.close();
          }
        },
      ),
      { numRuns: 25 },
    );
  });
});
