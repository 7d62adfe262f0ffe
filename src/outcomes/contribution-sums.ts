import { addCounterKeys, type KeyedContribution } from './counter-keys';
import { addCounts, countsOf, emptyCounts, type OutcomeCounts } from './outcome-counts';
import { addKeySum, addTally, emptyTallies, type SurvivalKeySums, type SurvivalTallies, survivalEntryOf } from './survival';

/**
 * A scope's figures summed from its participants' contributions one at a time, as they are read:
 * a month end's half a million participants are then summed between requests, not in one go after
 * the last is read. The same as `countsOf`, `counterKeysOf`, `talliesOf` and `keySumsOf` of them all.
 */
export class ContributionSums {
  counts: OutcomeCounts = emptyCounts();
  readonly counterKeys = new Map<string, number>();
  readonly tallies: SurvivalTallies = emptyTallies();
  readonly survivalKeys: SurvivalKeySums = emptyTallies();

  add(member: KeyedContribution): void {
    const { contribution, recordKey } = member;
    this.counts = addCounts(this.counts, countsOf(contribution));
    addCounterKeys(this.counterKeys, member);
    const entry = survivalEntryOf(contribution);
    addTally(this.tallies, entry, 1);
    addKeySum(this.survivalKeys, entry, recordKey);
  }
}
