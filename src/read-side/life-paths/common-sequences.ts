import type { LifePath } from '../../life-paths/anonymise-release';

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
