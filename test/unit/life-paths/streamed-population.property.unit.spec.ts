import fc from 'fast-check';
import { anonymiseRelease, releaseStream } from '../../../src/life-paths/anonymise-release';
import { countedPopulation } from '../../../src/life-paths/counted-population';
import { leastLossNode, leastLossNodeOf } from '../../../src/life-paths/lattice-search';
import type { LifePathRecord } from '../../../src/life-paths/life-path-record';
import { EDUCATION_LEVELS } from '../../../src/journey/domain/vocabulary';
import { aRecord } from './records';

// The read model hands the release its population as a stream, read again for each pass
// (life-paths.reader.ts), never as an array: the release must be the same either way.

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

const population = fc.array(
  fc
    .record({
      city: oneOf(['paris', 'frankfurt']),
      programme: oneOf(['gatp', 'rmi', 'acc']),
      entryDate: oneOf(['2007-02-01', '2007-05-02', '2008-08-20']),
      birthYear: fc.integer({ min: 1948, max: 1958 }),
      gender: oneOf(['FEMALE', 'MALE'] as const),
      educationLevel: oneOf(EDUCATION_LEVELS),
      lastSector: oneOf(['M', 'N', 'C']),
    })
    .map((profile) => aRecord(profile)),
  { maxLength: 80 },
);

/** The records as a stream that yields copies, one at a time, and counts how often it is read. */
function streamed(records: readonly LifePathRecord[]) {
  const stream = {
    passes: 0,
    *[Symbol.iterator]() {
      stream.passes += 1;
      for (const record of records) yield structuredClone(record);
    },
  };
  return stream;
}

const OPTIONS = { pseudonymSecret: 'secret', releasedAsOf: '2026-10-31' } as const;

describe('the release of a streamed population', () => {
  it('equals the release of the same records as an array, reading the stream twice', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 1, max: 5 }), (records, k) => {
        const stream = streamed(records);
        expect(anonymiseRelease(stream, { ...OPTIONS, k })).toEqual(anonymiseRelease(records, { ...OPTIONS, k }));
        expect(stream.passes).toBe(2);
      }),
      { numRuns: 100 },
    );
  });

  it('chooses the node in one pass, and tells a record suppressed or not when it is read again', () => {
    fc.assert(
      fc.property(population, fc.integer({ min: 1, max: 5 }), (records, k) => {
        const stream = streamed(records);
        const { isSuppressed, ...chosen } = leastLossNode(stream, k);
        const { isSuppressed: fromArray, ...expected } = leastLossNode(records, k);
        expect(chosen).toEqual(expected);
        expect(stream.passes).toBe(1);
        expect([...stream].map(isSuppressed)).toEqual(records.map(fromArray));
      }),
      { numRuns: 100 },
    );
  });

  it('knows whom it leaves out without making their paths (an earlier month end), from the search\'s one pass: the same ones, and the same facts', () => {
    let runsWithSuppressed = 0;
    fc.assert(
      fc.property(population, fc.integer({ min: 1, max: 5 }), (records, k) => {
        const counted = countedPopulation(k);
        // Without their steps, as the records' heads are read.
        for (const record of records) counted.add({ ...record, steps: [] });
        const classes = counted.classes();
        const chosen = leastLossNodeOf(classes, k);
        const withPaths = releaseStream({ ...OPTIONS, k }, chosen);
        const withoutPaths = releaseStream({ ...OPTIONS, k }, chosen);

        const suppressed = counted.withheld(withoutPaths, chosen, classes);

        expect(suppressed.sort()).toEqual(records.filter((record) => withPaths.pathOf(record) === null).map((r) => r.participantId).sort());
        expect(withoutPaths.facts()).toEqual(withPaths.facts());
        expect(chosen.node).toEqual(leastLossNode(records, k).node);
        if (suppressed.length > 0) runsWithSuppressed += 1;
      }),
      { numRuns: 200 },
    );
    // Not only populations the release leaves no one out of.
    expect(runsWithSuppressed).toBeGreaterThan(20);
  });

  it('refuses a record the search did not count: a pass over another state of the read model', () => {
    const { isSuppressed } = leastLossNode([aRecord({ city: 'paris' })], 1);
    expect(() => isSuppressed(aRecord({ city: 'frankfurt' }))).toThrow(/no finest class/);
  });
});
