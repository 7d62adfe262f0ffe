import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { anonymiseRelease } from '../../../src/life-paths/anonymise-release';
import type { LifePathRecord, LifePathStep } from '../../../src/life-paths/life-path-record';
import type { LifePathFilter } from '../../../src/life-paths/release-filter';
import {
  ACTIVITY_KINDS,
  COACHING_MODES,
  CONTRACT_TYPES,
  EDUCATION_LEVELS,
  EXIT_REASONS,
  GENDERS,
  OUTCOME_CLASSES,
  SELF_EMPLOYMENT_FORMS,
} from '../../../src/journey/domain/vocabulary';
import { csvOf, parseCsv } from './csv-reader';
import { quasiIdentifiersOf } from './records';

// --- Generating populations -----------------------------------------------------------------
// Two kinds of participants: "alike" ones drawn from a few values, so classes are large and
// little generalisation is needed, and "singular" ones from wide ranges (cities of their own,
// any birth year, any sector), which force generalisation and suppression. A population is all
// alike, all singular or a mix.

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);
const SECRET = 'property-secret';
const PARTNERS = BUILT_IN_CATALOGUE.cities.flatMap((c) => c.partners.map((p) => p.code));
const dateIn = (from: string, to: string) =>
  fc
    .date({ min: new Date(`${from}T00:00:00Z`), max: new Date(`${to}T00:00:00Z`), noInvalidDate: true })
    .map((d) => d.toISOString().slice(0, 10));

const step: fc.Arbitrary<LifePathStep> = fc.record({
  month: fc.integer({ min: 0, max: 36 }),
  coded: fc.oneof(
    oneOf(COACHING_MODES).map((d) => ['COACHING_SESSION', d] as const),
    oneOf(ACTIVITY_KINDS).map((d) => ['ACTIVITY_STARTED', d] as const),
    oneOf(ACTIVITY_KINDS).map((d) => ['ACTIVITY_COMPLETED', `${d}:COMPLETED`] as const),
    oneOf(PARTNERS).map((d) => ['REFERRED', d] as const),
    oneOf(CONTRACT_TYPES).map((d) => ['JOB_STARTED', d] as const),
    oneOf(SELF_EMPLOYMENT_FORMS).map((d) => ['SELF_EMPLOYMENT_STARTED', d] as const),
    oneOf(EXIT_REASONS).map((d) => ['EXITED', d] as const),
    fc.integer({ min: 1, max: 36 }).map((m) => ['FOLLOW_UP', `${m}m:EMPLOYED`] as const),
    fc.constant(['RE_ENROLLED', null] as const),
  ),
}).map(({ month, coded: [kind, detail] }) => ({ month, kind, detail }));

type Profile = Omit<LifePathRecord, 'participantId' | 'steps' | 'outcome'>;

const alikeProfile: fc.Arbitrary<Profile> = fc.record({
  city: oneOf(['paris', 'frankfurt']),
  programme: oneOf(['gatp', 'rmi']),
  entryDate: oneOf(['2007-02-01', '2007-03-15', '2007-05-02', '2007-08-20']),
  birthYear: fc.integer({ min: 1950, max: 1954 }),
  gender: oneOf(['FEMALE', 'MALE'] as const),
  educationLevel: fc.constant('ISCED_5_8' as const),
  lastSector: oneOf(['M', 'N', 'C']),
});

const singularProfile: fc.Arbitrary<Profile> = fc.record({
  city: fc.stringMatching(/^[a-z]{3,12}$/),
  programme: fc.stringMatching(/^[a-z]{2,6}(-[a-z]{2,6})?$/),
  entryDate: dateIn('2006-01-01', '2008-12-31'),
  birthYear: fc.integer({ min: 1930, max: 1967 }),
  gender: oneOf(GENDERS),
  educationLevel: oneOf(EDUCATION_LEVELS),
  lastSector: oneOf('ABCDEFGHIJKLMNOPQRSTU'.split('')),
});

const record = (profile: fc.Arbitrary<Profile>): fc.Arbitrary<LifePathRecord> =>
  fc
    .record({
      participantId: fc.uuid(),
      profile,
      outcome: fc.option(oneOf(OUTCOME_CLASSES)),
      steps: fc.array(step, { maxLength: 6 }),
    })
    .map(({ participantId, profile, outcome, steps }) => ({
      participantId,
      ...profile,
      outcome,
      steps: [{ month: 0, kind: 'ENROLLED', detail: null }, ...steps],
    }));

const population = (r: fc.Arbitrary<LifePathRecord>) =>
  fc.uniqueArray(r, { maxLength: 60, size: 'medium', selector: (p) => p.participantId });
const populations = fc.oneof(
  { weight: 2, arbitrary: population(record(alikeProfile)) },
  { weight: 1, arbitrary: population(record(singularProfile)) },
  {
    weight: 3,
    arbitrary: population(
      fc.oneof({ weight: 4, arbitrary: record(alikeProfile) }, { weight: 1, arbitrary: record(singularProfile) }),
    ),
  },
);

const filterOver = (records: LifePathRecord[]): fc.Arbitrary<LifePathFilter> => {
  const seen = <T>(values: T[], fallback: T) => oneOf(values.length > 0 ? values : [fallback]);
  return fc.record(
    {
      city: fc.option(fc.oneof(seen(records.map((r) => r.city), 'paris'), fc.constant('nowhere')), { freq: 2 }),
      programme: fc.option(seen(records.map((r) => r.programme), 'gatp'), { freq: 2 }),
      outcome: fc.option(oneOf(OUTCOME_CLASSES), { freq: 2 }),
      entryYear: fc.option(fc.integer({ min: 2005, max: 2009 }), { freq: 2 }),
    },
    { requiredKeys: [] },
  );
};

const scenarios = populations.chain((records) =>
  fc.record({ records: fc.constant(records), k: fc.integer({ min: 1, max: 6 }), filter: filterOver(records) }),
);

const anonymise = (records: LifePathRecord[], k: number) => anonymiseRelease(records, { k, pseudonymSecret: SECRET, releasedAsOf: '2026-10-31' });

// --- Properties -----------------------------------------------------------------------------

describe('anonymised release, over generated populations', () => {
  it('every combination of the seven released quasi-identifiers is shared by at least k paths', () => {
    fc.assert(
      fc.property(scenarios, ({ records, k }) => {
        const { paths } = anonymise(records, k);
        const sizes = new Map<string, number>();
        for (const p of paths) sizes.set(quasiIdentifiersOf(p), (sizes.get(quasiIdentifiersOf(p)) ?? 0) + 1);
        for (const size of sizes.values()) expect(size).toBeGreaterThanOrEqual(k);
      }),
    );
  });

  it('released and suppressed paths add up to the population, one path per participant', () => {
    fc.assert(
      fc.property(scenarios, ({ records, k }) => {
        const release = anonymise(records, k);
        expect(release.paths.length + release.suppressedCount).toBe(records.length);
        expect(new Set(release.paths.map((p) => p.pseudonym)).size).toBe(release.paths.length);
        expect(release.k).toBe(k);
      }),
    );
  });

  it('no participant id, exact date or birth year appears in the release nor in its CSV', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async ({ records, k }) => {
        const release = anonymise(records, k);
        const csv = await csvOf(release.paths);
        // The snapshot's date is the release's only date, and is not on any path.
        for (const text of [JSON.stringify(release.paths), csv]) {
          expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
          // Hex pseudonyms hold digit runs by chance; what else is there must not hold a birth year.
          const withoutPseudonyms = text.replace(/[0-9a-f]{64}/g, '');
          for (const r of records) {
            expect(text).not.toContain(r.participantId);
            expect(withoutPseudonyms).not.toContain(String(r.birthYear));
          }
        }
      }),
    );
  });

  it('the CSV holds the same paths as the release, in the same order', async () => {
    await fc.assert(
      fc.asyncProperty(scenarios, async ({ records, k }) => {
        const release = anonymise(records, k);
        const [, ...rows] = parseCsv(await csvOf(release.paths));
        expect(rows.map((row) => [row[0], row[1], row[3], row[4]])).toEqual(
          release.paths.map((p) => [p.pseudonym, p.city ?? '', p.entryPeriod, p.ageBand]),
        );
      }),
    );
  });

  it('the order of the records changes nothing in the release', () => {
    fc.assert(
      fc.property(scenarios, ({ records, k }) => {
        expect(anonymise([...records].reverse(), k)).toEqual(anonymise(records, k));
      }),
    );
  });
});
