import { LRUCache } from 'lru-cache';
import type { LifePath, LifePathRelease } from '../../life-paths/anonymise-release';
import { filterRelease, type LifePathFilter } from '../../life-paths/release-filter';

/** Whole journeys are each unique: what they share is how they begin. */
export const SEQUENCE_STEPS = 5;

/** The most sequences one answer gives. */
export const MAX_SEQUENCES = 50;

/** A sequence of kinds of step, with how many of the counted paths begin with it. */
export interface CommonSequence {
  kinds: string[];
  count: number;
  /** Of the paths counted, from 0 to 1. */
  share: number;
}

export interface CommonSequences {
  /** Most shared first, ties in the order of their kinds. */
  sequences: CommonSequence[];
  /** The paths counted: every released path matching the filter. */
  totalCount: number;
}

/** A path's first kinds of step, a kind repeated in a row (coaching after coaching) counted once. */
export const openingOf = (path: LifePath): string[] =>
  path.steps
    .map((step) => step.kind)
    .filter((kind, i, kinds) => kind !== kinds[i - 1])
    .slice(0, SEQUENCE_STEPS);

/** Every opening `paths` begin with, most shared first. */
export function countSequences(paths: readonly LifePath[]): CommonSequences {
  const counts = new Map<string, number>();
  for (const path of paths) {
    const key = openingOf(path).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const sequences = [...counts]
    .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, count]) => ({ kinds: key.split(' ').filter(Boolean), count, share: count / paths.length }));
  return { sequences, totalCount: paths.length };
}

/**
 * Counting 100,000 paths takes about a tenth of a second, too long for every request; a release
 * never changes, so its counts are kept with it, by filter, and go when the release goes.
 */
const countedByRelease = new WeakMap<LifePathRelease, LRUCache<string, CommonSequences>>();

/** Filters kept per release: every city, programme, outcome and year asked for in a month is far fewer. */
const FILTERS_KEPT = 1000;

/** The `first` openings the release's paths matching `filter` (already narrowed to the caller: callerFilter) most share. */
export function commonSequencesOf(release: LifePathRelease, filter: LifePathFilter, first: number): CommonSequences {
  let counted = countedByRelease.get(release);
  if (counted === undefined) {
    counted = new LRUCache({ max: FILTERS_KEPT });
    countedByRelease.set(release, counted);
  }
  const { city = null, programme = null, outcome = null, entryYear = null } = filter;
  const key = JSON.stringify([city, programme, outcome, entryYear]);
  let all = counted.get(key);
  if (all === undefined) {
    all = countSequences(filterRelease(release.paths, filter));
    counted.set(key, all);
  }
  return { ...all, sequences: all.sequences.slice(0, first) };
}
