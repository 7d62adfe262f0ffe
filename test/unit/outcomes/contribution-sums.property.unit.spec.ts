import fc from 'fast-check';
import { BUILT_IN_CATALOGUE } from '../../../src/catalogue/built-in-catalogue';
import { ContributionSums } from '../../../src/outcomes/contribution-sums';
import { counterKeysOf, type KeyedContribution } from '../../../src/outcomes/counter-keys';
import { addCounts, countsOf, emptyCounts } from '../../../src/outcomes/outcome-counts';
import { contributionAt } from '../../../src/outcomes/participant-contribution';
import { keySumsOf, talliesOf } from '../../../src/outcomes/survival';
import { factsOf, PARIS_COHORT } from './paris-cohort';

/** The Paris cohort's contributions as of a few dates: outcomes, exits without one, and people still searching. */
const CONTRIBUTIONS = ['2007-03-31', '2007-06-30', '2008-06-30'].flatMap((asOf) =>
  Object.values(PARIS_COHORT)
    .map((events) => contributionAt(factsOf(events), asOf, BUILT_IN_CATALOGUE.exitClasses))
    .filter((c) => c !== null),
);

const members = fc.array(
  fc.record({ contribution: fc.constantFrom(...CONTRIBUTIONS), recordKey: fc.integer({ min: 0, max: 2 ** 32 - 1 }) }),
  { maxLength: 60 },
);

describe('contribution sums (property: summed one at a time, as read, they are the figures of them all)', () => {
  it('equal the counts, counter key sums, tallies and their key sums of the whole set, in any order', () => {
    fc.assert(
      fc.property(members, (all: KeyedContribution[]) => {
        const sums = new ContributionSums();
        for (const member of all) sums.add(member);
        const contributions = all.map((m) => m.contribution);
        expect(sums.counts).toEqual(contributions.reduce((sum, c) => addCounts(sum, countsOf(c)), emptyCounts()));
        expect(sums.counterKeys).toEqual(counterKeysOf(all));
        expect(sums.tallies).toEqual(talliesOf(contributions));
        expect(sums.survivalKeys).toEqual(keySumsOf(all));
      }),
    );
  });
});
