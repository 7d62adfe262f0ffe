import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { DEMO_SEED } from '../../../src/demo/seed-demo-data';
import { anonymiseRelease } from '../../../src/life-paths/anonymise-release';
import { evolveLifePathRecord, type FoldedLifePath } from '../../../src/life-paths/life-path-record';
import { decidedJourneys } from '../../support/programme-journeys';
import { quasiIdentifiersOf } from './records';

/** The records the life-paths projection folds from the journeys `npm run demo` records. */
const demoRecords = (): FoldedLifePath[] =>
  decidedJourneys(DEMO_SEED, 1).map(({ events }) =>
    events.reduce<FoldedLifePath | null>((record, event, i) => evolveLifePathRecord(record, event, BUILT_IN_CATALOGUE.exitClasses, i + 1), null)!,
  );

describe('the life-paths release of the demo data (npm run demo: 322 participants, k = 5)', () => {
  const records = demoRecords();
  const release = anonymiseRelease(records, { k: 5, pseudonymSecret: 'demo-secret', releasedAsOf: '2026-10-31' });

  it('puts every released path in a class of at least k and suppresses at most 5%', () => {
    const sizes = new Map<string, number>();
    for (const p of release.paths) sizes.set(quasiIdentifiersOf(p), (sizes.get(quasiIdentifiersOf(p)) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBeGreaterThanOrEqual(5);
    expect(records).toHaveLength(322);
    expect(release.suppressedCount).toBe(4);
    expect(release.suppressedCount).toBeLessThanOrEqual(0.05 * 322);
  });

  // The figures docs/access-and-privacy.md gives.
  it('keeps the programme on every released path, at the loss the docs give', () => {
    expect(release.levels).toEqual({
      programme: 'KEPT',
      educationLevel: 'NONE',
      gender: 'KEPT',
      sectorGroup: 'NONE',
      entryPeriod: 'ANY',
      ageBand: 'ANY',
    });
    expect(release.programmeKeptShare).toBe(1);
    expect(release.loss).toBeCloseTo(0.671, 3);
    expect(release.lossMetric).toBe('GENERALISED_INFORMATION_LOSS');
  });

  it('answers how each programme did: every programme of the run has released paths', () => {
    const programmes = new Set(records.map((r) => r.programme));
    expect(programmes.size).toBe(7);
    for (const programme of programmes) expect(release.paths.filter((p) => p.programme === programme).length).toBeGreaterThanOrEqual(5);
  });
});
