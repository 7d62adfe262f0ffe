import { addKey } from './cell';
import { countersOf, countsOf } from './outcome-counts';
import type { Contribution } from './participant-contribution';

/** A participant's contribution beside its record key, for figures computed by scanning participants. */
export interface KeyedContribution {
  contribution: Contribution;
  recordKey: number;
}

/** Each counter's key sum (record key × contribution, summed mod 2^32), by the counter's flat name. */
export function counterKeysOf(members: Iterable<KeyedContribution>): Map<string, number> {
  const keys = new Map<string, number>();
  for (const member of members) addCounterKeys(keys, member);
  return keys;
}

/** Adds one participant's contribution to each counter's key sum. */
export function addCounterKeys(keys: Map<string, number>, { contribution, recordKey }: KeyedContribution): void {
  for (const { counter, value } of countersOf(countsOf(contribution))) {
    if (value !== 0) keys.set(counter, addKey(keys.get(counter) ?? 0, recordKey, value));
  }
}
