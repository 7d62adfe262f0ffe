import { LRUCache } from 'lru-cache';
import type { LifePath, ReleaseFacts } from '../../life-paths/anonymise-release';
import type { LifePathFilter } from '../../life-paths/release-filter';
import type { CommonSequences } from './common-sequences';
import type { ReleaseTables } from './release-tables';

/** Filters whose counts are kept per release: every city, programme, outcome and year asked for in a month is far fewer. */
const FILTERS_KEPT = 1000;

/** Paths read at a time by a whole download. */
const PATHS_PER_READ = 1000;

/**
 * A release as stored (release-tables.ts): what it says of itself in memory, its paths read from
 * the tables page by page. A release never changes, so what is counted of it (a filter's paths,
 * their openings) is kept with it, by filter, and goes when it goes.
 */
export class StoredRelease {
  private readonly counts = new LRUCache<string, number>({ max: FILTERS_KEPT });
  private readonly sequences = new LRUCache<string, CommonSequences>({ max: FILTERS_KEPT });

  constructor(
    private readonly tables: ReleaseTables,
    /** The tables' generation and the month, as `${generation}@${month}`; none for the empty release. */
    readonly key: string,
    readonly facts: ReleaseFacts,
  ) {}

  /** Paths matching `filter`. */
  count(filter: LifePathFilter): number {
    const key = filterKey(filter);
    let count = this.counts.get(key);
    if (count === undefined) this.counts.set(key, (count = this.tables.count(this.key, filter)));
    return count;
  }

  /** Up to `first` paths matching `filter` after pseudonym `after`, in pseudonym order, and whether more follow. */
  page(filter: LifePathFilter, first: number, after: string | null): { paths: LifePath[]; hasNextPage: boolean } {
    const paths = this.tables.page(this.key, filter, after, first + 1);
    return { paths: paths.slice(0, first), hasNextPage: paths.length > first };
  }

  /** Every path matching `filter`, in pseudonym order, read a page at a time as iterated: no statement stays open in between. */
  *paths(filter: LifePathFilter): Iterable<LifePath> {
    let after: string | null = null;
    for (;;) {
      const paths = this.tables.page(this.key, filter, after, PATHS_PER_READ);
      yield* paths;
      if (paths.length < PATHS_PER_READ) return;
      after = paths.at(-1)!.pseudonym;
    }
  }

  /** Every opening the paths matching `filter` begin with, most shared first, ties in the order of their kinds. */
  commonSequences(filter: LifePathFilter): CommonSequences {
    const key = filterKey(filter);
    let counted = this.sequences.get(key);
    if (counted === undefined) {
      const total = this.count(filter);
      const sequences = this.tables
        .openings(this.key, filter)
        .map(({ opening, count }) => ({ kinds: opening.split(' ').filter(Boolean), count, share: count / total }));
      this.sequences.set(key, (counted = { sequences, totalCount: total }));
    }
    return counted;
  }
}

const filterKey = ({ city = null, programme = null, outcome = null, entryYear = null }: LifePathFilter): string =>
  JSON.stringify([city, programme, outcome, entryYear]);
