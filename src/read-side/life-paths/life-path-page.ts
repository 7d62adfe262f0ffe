import { InvalidInput } from '../../journey/domain/errors';
import type { LifePath, ReleaseFacts } from '../../life-paths/anonymise-release';
import type { LifePathFilter } from '../../life-paths/release-filter';
import type { StoredRelease } from './stored-release';

export interface LifePathPage {
  edges: { cursor: string; node: LifePath }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  /** Paths matching the filter. */
  totalCount: number;
  /** Of the caller's scope (a coordinator's city, else the whole release), whatever the filter. */
  suppressedCount: number;
  /** This and what follows: of the whole release, whatever the filter. */
  k: number;
  releasedAsOf: ReleaseFacts['releasedAsOf'];
  levels: ReleaseFacts['levels'];
  lossMetric: ReleaseFacts['lossMetric'];
  loss: number;
  programmeKeptShare: number;
}

/**
 * A page of the release's paths matching `filter`, in pseudonym order, after the path of cursor
 * `after`, for a caller whose scope is `scope` (callerScope). The cursor holds a position in that order, not an index: it stays valid as paths come
 * and go between two pages.
 */
export function pageOfRelease(
  release: StoredRelease,
  filter: LifePathFilter,
  scope: string | null,
  first: number,
  after: string | null,
): LifePathPage {
  const { paths, hasNextPage } = release.page(filter, first, after === null ? null : decodeCursor(after));
  const edges = paths.map((node) => ({ cursor: encodeCursor(node.pseudonym), node }));
  return {
    edges,
    pageInfo: { hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    totalCount: release.count(filter),
    ...releaseFacts(release.facts, scope),
  };
}

/**
 * What the release says of itself: the same on every page, whatever the filter. Suppressed paths
 * are counted in the caller's scope only: other cities' are no business of a coordinator's.
 */
export const releaseFacts = (
  { releasedAsOf, k, suppressedCount, suppressedByCity, levels, lossMetric, loss, programmeKeptShare }: ReleaseFacts,
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
