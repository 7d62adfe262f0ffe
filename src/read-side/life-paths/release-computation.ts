import { releaseStream, type LifePath } from '../../life-paths/anonymise-release';
import { countedPopulation } from '../../life-paths/counted-population';
import { leastLossNodeSteps } from '../../life-paths/lattice-search';
import { lastDayOf } from '../../clock/months';
import { lifePathHeadOf, lifePathOf } from './life-path-text';
import { sliceClock } from '../../storage/read-snapshot';
import type { MonthSnapshot } from './month-snapshot';
import type { ReleaseTables, StoredReleaseRow } from './release-tables';

export interface ReleaseOptions {
  k: number;
  pseudonymSecret: string;
  /** How long a slice of work may keep the event loop: requests wait at most about this long. */
  sliceMs: number;
}

/**
 * Computes `month`'s release from `snapshot` and stores it in `tables` under the snapshot's
 * generation, with its paths if `withPaths` (the release served), else only whom it leaves out
 * (researchers' figures of an earlier month end). A generator that yields between slices of about
 * `sliceMs`, so that its caller can let requests run in between: a million records take the best
 * part of a minute. Two passes over the records, as anonymiseRelease makes: the
 * search on their quasi-identifiers, then the paths; the search itself works on the finest
 * classes, some thousands, a node of the lattice at a time. Without the paths, the search's pass
 * is the only one (counted-population.ts). Returns the release's key.
 */
export function* computeRelease(
  snapshot: MonthSnapshot,
  tables: ReleaseTables,
  month: string,
  withPaths: boolean,
  { k, pseudonymSecret, sliceMs }: ReleaseOptions,
): Generator<void, string> {
  const sliceIsOver = sliceClock(sliceMs);
  const key = `${snapshot.generation}@${month}`;
  if (tables.find(key, withPaths)) return key;
  // Paths of a computing cut short (a restart) would be mixed with this one's.
  if (withPaths) yield* sweep(tables);

  const population = countedPopulation(k);
  for (const heads of snapshot.pages(month, lifePathHeadOf)) {
    for (const head of heads) population.add(head);
    if (sliceIsOver()) yield;
  }
  const classes = population.classes();
  const search = leastLossNodeSteps(classes, k);
  let searched = search.next();
  for (; !searched.done; searched = search.next()) if (sliceIsOver()) yield;
  const chosen = searched.value;
  const releasing = releaseStream({ k, pseudonymSecret, releasedAsOf: lastDayOf(month) }, chosen);
  yield;

  // Without the paths, whom the release leaves out and what it says are known from the search's pass.
  if (!withPaths) {
    const suppressed = population.withheld(releasing, chosen, classes);
    stored(tables, snapshot.generation, key, { facts: releasing.facts(), suppressed }, false);
    return key;
  }
  const suppressed: string[] = [];
  let slice: LifePath[] = [];
  for (const records of snapshot.pages(month, lifePathOf)) {
    for (const record of records) {
      const path = releasing.pathOf(record);
      if (path === null) suppressed.push(record.participantId);
      else slice.push(path);
    }
    if (sliceIsOver()) {
      tables.writePaths(key, slice);
      slice = [];
      yield;
    }
  }
  tables.writePaths(key, slice);
  stored(tables, snapshot.generation, key, { facts: releasing.facts(), suppressed }, true);
  yield* sweep(tables);
  return key;
}

/** Stores the release once it is whole (paths first, if any), and drops those of other generations of the tables. */
function stored(tables: ReleaseTables, generation: number, key: string, { facts, suppressed }: StoredReleaseRow, withPaths: boolean): void {
  // Sorted: a release is the same whatever order its records were read in.
  tables.complete(key, { facts, suppressed: suppressed.sort() }, withPaths);
  tables.dropOtherGenerations(generation);
}

function* sweep(tables: ReleaseTables): Generator<void> {
  while (!tables.sweepStep()) yield;
}
