import { InvalidInput } from '../../journey/domain/errors';
import type { LifePath, LifePathRelease } from '../../life-paths/anonymise-release';
import { filterRelease, type LifePathFilter } from '../../life-paths/release-filter';

export interface LifePathPage {
  edges: { cursor: string; node: LifePath }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Paths matching the filter. */
  totalCount: number;
  /** Of the caller's scope (a coordinator's city, else the whole release), whatever the filter. */
  suppressedCount: number;
  /** This and what follows: of the whole release, whatever the filter. */
  k: number;
  releasedAsOf: LifePathRelease['releasedAsOf'];
  levels: LifePathRelease['levels'];
  lossMetric: LifePathRelease['lossMetric'];
  loss: number;
  programmeKeptShare: number;
}

/**
 * A page of the release's paths matching `filter`, in pseudonym order, after the path of cursor
 * `after`, for a caller whose scope is `scope` (callerScope). The cursor holds a position in that order, not an index: it stays valid as paths come
 * and go between two pages.
 */
export function pageOfRelease(
  release: LifePathRelease,
  filter: LifePathFilter,
  scope: string | null,
  first: number,
  after: string | null,
): LifePathPage {
  const matching = filterRelease(release.paths, filter);
  const from = after === null ? null : decodeCursor(after);
  const start = from === null ? 0 : indexAfter(matching, from);
  const shown = matching.slice(start, start + first);
  const edges = shown.map((node) => ({ cursor: encodeCursor(node.pseudonym), node }));
  return {
    edges,
    pageInfo: { hasNextPage: start + first < matching.length, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: matching.length,
    ...releaseFacts(release, scope),
  };
}

/**
 * What the release says of itself: the same on every page, whatever the filter. Suppressed paths
 * are counted in the caller's scope only: other cities' are no business of a coordinator's.
 */
export const releaseFacts = (
  { releasedAsOf, k, suppressedCount, suppressedByCity, levels, lossMetric, loss, programmeKeptShare }: LifePathRelease,
  scope: string | null,
) => ({
  releasedAsOf,
  k,
  suppressedCount: scope === null ? suppressedCount : (suppressedByCity[scope] ?? 0),
  levels,
  lossMetric,
  loss,
  programmeKeptShare,
});

function indexAfter(paths: readonly LifePath[], pseudonym: string): number {
  const index = paths.findIndex((p) => p.pseudonym > pseudonym);
  return index === -1 ? paths.length : index;
}

/** A pseudonym is a hex HMAC-SHA256: its 32 bytes, in base64url. */
const PSEUDONYM_BYTES = 32;

const encodeCursor = (pseudonym: string): string => Buffer.from(pseudonym, 'hex').toString('base64url');

function decodeCursor(cursor: string): string {
  const bytes = Buffer.from(cursor, 'base64url');
  // Buffer.from skips what is not base64url: only an exact round trip is a cursor of this list.
  if (bytes.length !== PSEUDONYM_BYTES || bytes.toString('base64url') !== cursor) {
    throw new InvalidInput([{ field: 'after', message: 'Not a cursor of this list' }]);
  }
  return bytes.toString('hex');
}
