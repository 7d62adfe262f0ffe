import type { CalendarDate, EducationLevel, Gender, OutcomeClass } from '../journey/domain/vocabulary';
import type { LifePathRecord, LifePathStep } from './life-path-record';
import { DIMENSIONS, type GeneralisationLevels, levelsOf } from './generalisation-lattice';
import { LOSS_METRIC } from './information-loss';
import { leastLossNode, type NodeOutcome } from './lattice-search';
import { snapshotPseudonyms } from './pseudonym';

/** The seven quasi-identifiers, as released: null (or '*' for the two never null) where generalised away. */
export interface ReleasedQuasiIdentifiers {
  city: string | null;
  programme: string | null;
  /** '2007-Q2', or once generalised '2007' or '*'. */
  entryPeriod: string;
  /** '50-54', or once generalised '50-59' or '*'. */
  ageBand: string;
  gender: Gender | null;
  educationLevel: EducationLevel | null;
  sectorGroup: string | null;
}

export interface LifePath extends ReleasedQuasiIdentifiers {
  pseudonym: string;
  outcome: OutcomeClass | null;
  steps: LifePathStep[];
}

export interface LifePathRelease {
  /** In pseudonym order. */
  paths: LifePath[];
  /**
   * The snapshot's date: the journeys as recorded by its end (life-paths.reader.ts); pseudonyms are
   * keyed by it. Null before any month is closed.
   */
  releasedAsOf: CalendarDate | null;
  /** Records left out because the chosen node left them in a class smaller than k. */
  suppressedCount: number;
  /** The same, by city: a coordinator is told of their own city's only. */
  suppressedByCity: Readonly<Record<string, number>>;
  k: number;
  /** The chosen node of the generalisation lattice. */
  levels: GeneralisationLevels;
  lossMetric: typeof LOSS_METRIC;
  /** Of the chosen node, suppression included, in [0, 1]. */
  loss: number;
  /** Share of the released paths that show their programme (0 when none is released). */
  programmeKeptShare: number;
}

export interface AnonymisationOptions {
  k: number;
  pseudonymSecret: string;
  releasedAsOf: CalendarDate;
}

/** What a release says of itself: all of it but the paths. */
export type ReleaseFacts = Omit<LifePathRelease, 'paths'>;

/**
 * The k-anonymous release of all life paths (docs/access-and-privacy.md): the node of the
 * generalisation lattice with the least information loss among those that suppress at most 5%
 * of the records (lattice-search.ts). Global recoding: a node's levels apply to every record, so a
 * released value means the same thing on every path and classes cannot be told apart by their
 * level of detail. The records in classes smaller than k at that node are suppressed. `chosen` is
 * that node's outcome on `records`, when the caller needed it already.
 * `records` is read one at a time, twice unless `chosen` is given (the search, then the paths): an
 * array, or an iterable that reads the same population again each time it is iterated.
 */
export function anonymiseRelease(records: Iterable<LifePathRecord>, options: AnonymisationOptions, chosen?: NodeOutcome): LifePathRelease {
  checkK(options.k);
  const releasing = releaseStream(options, chosen ?? leastLossNode(records, options.k));
  const paths: LifePath[] = [];
  for (const record of records) {
    const path = releasing.pathOf(record);
    if (path !== null) paths.push(path);
  }
  // Input order is enrolment or recording order, which would help link a path to a person.
  paths.sort((a, b) => (a.pseudonym < b.pseudonym ? -1 : a.pseudonym > b.pseudonym ? 1 : 0));
  return { paths, ...releasing.facts() };
}

/**
 * anonymiseRelease one record at a time, once the node is chosen, for a population too large to
 * hold (life-paths.reader.ts): each record's path, or null when suppressed; then, once every record
 * has gone by, what the release says of itself. The caller puts the paths in pseudonym order.
 */
export function releaseStream(options: AnonymisationOptions, { node, isSuppressed, suppressedCount, loss }: NodeOutcome) {
  const { k, pseudonymSecret, releasedAsOf } = options;
  checkK(k);
  const pseudonymOf = snapshotPseudonyms(pseudonymSecret, releasedAsOf);
  const suppressedByCity: Record<string, number> = {};
  let released = 0;
  let withProgramme = 0;
  /**
   * Counts the record in the release's facts, `times` times: its generalised quasi-identifiers, or
   * null when it is suppressed.
   */
  const counted = (record: LifePathRecord, times = 1): Omit<ReleasedQuasiIdentifiers, 'city'> | null => {
    if (isSuppressed(record)) {
      suppressedByCity[record.city] = (suppressedByCity[record.city] ?? 0) + times;
      return null;
    }
    const generalised = Object.fromEntries(DIMENSIONS.map(({ field, levels }, d) => [field, levels[node[d]!]!.value(record)])) as Omit<ReleasedQuasiIdentifiers, 'city'>;
    released += times;
    if (generalised.programme !== null) withProgramme += times;
    return generalised;
  };
  return {
    pathOf(record: LifePathRecord): LifePath | null {
      const generalised = counted(record);
      if (generalised === null) return null;
      return {
        pseudonym: pseudonymOf(record.participantId),
        city: record.city,
        ...generalised,
        outcome: record.outcome,
        steps: record.steps.map(({ month, kind, detail }) => ({ month, kind, detail })),
      };
    },
    /**
     * As `pathOf` counts each record of a finest class (finest-classes.ts), without reading them:
     * `record` is one of the class, of `count` records. What is counted depends on a record's
     * finest class only, so the facts come out as if each record had gone by.
     */
    countClass: (record: LifePathRecord, count: number): void => void counted(record, count),
    facts: (): ReleaseFacts => ({
      releasedAsOf,
      suppressedCount,
      suppressedByCity,
      k,
      levels: levelsOf(node),
      lossMetric: LOSS_METRIC,
      loss,
      programmeKeptShare: released === 0 ? 0 : withProgramme / released,
    }),
  };
}

function checkK(k: number): void {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer, not ${k}`);
}

/** What the release says of itself while no month is closed: no path, nothing generalised. */
export const emptyReleaseFacts = (k: number): ReleaseFacts => ({
  releasedAsOf: null,
  suppressedCount: 0,
  suppressedByCity: {},
  k,
  levels: levelsOf(DIMENSIONS.map(() => 0)),
  lossMetric: LOSS_METRIC,
  loss: 0,
  programmeKeptShare: 0,
});
