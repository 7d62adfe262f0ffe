import fc from 'fast-check';
import { DIMENSIONS, allNodes } from '../../../src/life-paths/generalisation-lattice';
import { SUPPRESSION_LIMIT, nodeOutcomes } from '../../../src/life-paths/lattice-search';
import type { LifePathRecord } from '../../../src/life-paths/life-path-record';
import { EDUCATION_LEVELS } from '../../../src/journey/domain/vocabulary';

// The search evaluates each node on the finest classes' counts (finest-classes.ts). Here every
// node is evaluated the direct way instead, re-keying each record at the node's levels and summing
// each record's cell loss, and both must agree exactly: the same records suppressed, the same loss
// to the last bit, so that the chosen node and the release cannot differ. A record's suppression is
// looked up from its finest class, as the release's second pass over the population does.

const oneOf = <T>(values: readonly T[]) => fc.constantFrom(...values);

const record: fc.Arbitrary<LifePathRecord> = fc.record({
  participantId: fc.uuid(),
  city: oneOf(['paris', 'frankfurt', 'milan']),
  programme: oneOf(['a', 'b', 'c', 'd']),
  entryDate: oneOf(['2006-12-31', '2007-01-01', '2007-05-02', '2007-11-20', '2008-03-03', '2008-08-08']),
  birthYear: fc.integer({ min: 1940, max: 1990 }),
  gender: oneOf(['FEMALE', 'MALE'] as const),
  educationLevel: oneOf(EDUCATION_LEVELS),
  // 'Z' is not a NACE section: its group is null, as a generalised-away value is.
  lastSector: oneOf(['A', 'C', 'F', 'M', 'N', 'Z']),
  outcome: fc.constant(null),
  steps: fc.constant([]),
});

const scenarios = fc.record({
  records: fc.uniqueArray(record, { minLength: 0, maxLength: 120, selector: (r) => r.participantId }),
  k: fc.integer({ min: 1, max: 6 }),
});

/** A node evaluated record by record: each record's released values as its class key, each cell's loss summed. */
function perRecord(records: readonly LifePathRecord[], node: readonly number[], k: number) {
  const keys = records.map((r) => JSON.stringify([r.city, ...DIMENSIONS.map((d, i) => d.levels[node[i]!]!.value(r))]));
  const sizes = new Map<string, number>();
  for (const key of keys) sizes.set(key, (sizes.get(key) ?? 0) + 1);
  const suppressed = keys.map((key) => sizes.get(key)! < k);
  const suppressedCount = suppressed.filter(Boolean).length;
  let total = 0;
  DIMENSIONS.forEach(({ levels }, d) => {
    const finest = records.map(levels[0]!.value);
    const denominator = new Set(finest).size - 1;
    if (denominator === 0) return (total += suppressedCount);
    const released = records.map(levels[node[d]!]!.value);
    const covered = new Map<string | null, Set<string | null>>();
    released.forEach((v, i) => covered.set(v, (covered.get(v) ?? new Set()).add(finest[i]!)));
    let sum = 0;
    released.forEach((v, i) => (sum += suppressed[i] ? denominator : covered.get(v)!.size - 1));
    total += sum / denominator;
  });
  return {
    node,
    suppressed,
    suppressedCount,
    loss: records.length === 0 ? 0 : total / (records.length * DIMENSIONS.length),
    admissible: suppressedCount <= SUPPRESSION_LIMIT * records.length,
  };
}

describe('the lattice evaluated on finest-class counts', () => {
  it('equals the record-by-record evaluation at every node, loss to the last bit, on random populations', () => {
    fc.assert(
      fc.property(scenarios, ({ records, k }) => {
        const expected = allNodes().map((node) => perRecord(records, node, k));
        const outcomes = nodeOutcomes(records, k).map(({ isSuppressed, ...outcome }) => ({ ...outcome, suppressed: records.map(isSuppressed) }));
        expect(outcomes).toEqual(expected);
      }),
      { numRuns: 100 },
    );
  });
});
