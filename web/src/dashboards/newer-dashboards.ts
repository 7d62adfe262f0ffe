import type { Dashboard } from '../api/types';

const sameScope = (a: Dashboard, b: Dashboard) => a.city === b.city && a.programme === b.programme;

/**
 * Whether `candidate` may replace `shown` of the same scope: it folds the same log position or a
 * later one. Researchers' figures always carry position '0' (a position beside a small count would
 * tell it): theirs are ordered by their month end, so that a later month's push replaces them and
 * a late answer of an earlier month does not.
 */
export function notOlder(candidate: Dashboard, shown: Dashboard): boolean {
  const [position, shownPosition] = [BigInt(candidate.lastEventPosition), BigInt(shown.lastEventPosition)];
  if (position !== shownPosition) return position > shownPosition;
  return (candidate.asOf ?? '') >= (shown.asOf ?? '');
}

/**
 * The dashboards shown once `incoming` arrives (a push, or an answer read again): each scope
 * shown takes its figures in `incoming` unless they are older; `incoming` when nothing is shown yet.
 */
export function mergeDashboards(shown: Dashboard[] | undefined, incoming: Dashboard[]): Dashboard[] {
  if (!shown) return incoming;
  return shown.map((dashboard) => {
    const candidate = incoming.find((other) => sameScope(other, dashboard));
    return candidate && notOlder(candidate, dashboard) ? candidate : dashboard;
  });
}
