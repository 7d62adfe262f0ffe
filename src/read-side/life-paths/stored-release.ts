import { LRUCache } from 'lru-cache';
import type { LifePath, ReleaseFacts } from '../../life-paths/anonymise-release';
import type { LifePathFilter } from '../../life-paths/release-filter';
import type { CommonSequences } from './common-sequences';
import type { ReleaseTables } from './release-tables';

/** Filters whose counts are kept per release: every city, programme, outcome and year asked for in a month is far fewer. */
const FILTERS_KEPT = 1000;

/** A filter keeping less than this share of the paths is read along its own index (see read). */
const SELECTIVE_SHARE = 0.05;

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
    const paths = this.read(filter, after, first + 1);
    return { paths: paths.slice(0, first), hasNextPage: paths.length > first };
  }

  /**
   * Read along the filter's index when the filter keeps few paths, along the pseudonyms' otherwise:
   * either way at most a pass over one index, not over the paths. None when it keeps none.
   */
  private read(filter: LifePathFilter, after: string | null, limit: number): LifePath[] {
    const count = this.count(filter);
    if (count === 0) return [];
    const selective = count < SELECTIVE_SHARE * this.count({});
    return this.tables.page(this.key, filter, after, limit, selective ? 'by-filter' : 'in-order');
  }

  /**
   * Every path matching `filter`, in pseudonym order, a page at a time, with a turn of the event
   * loop between pages: a download of a million paths lets other requests in, and no statement
   * stays open in between.
   */
  async *pathPages(filter: LifePathFilter): AsyncIterable<LifePath[]> {
    for (let after: string | null = null; ; ) {
      const paths = this.read(filter, after, PATHS_PER_READ);
      if (paths.length > 0) yield paths;
      if (paths.length < PATHS_PER_READ) return;
      after = paths.at(-1)!.pseudonym;
      await new Promise((resolve) => setImmediate(resolve));
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
