import type { Dashboard } from '../api/types';
import { dashboardPushes } from './dashboard-pushes';
import { followLiveConnection } from './live-connection';
import { liveOperation } from './live-operations';

/** A query of live dashboards, and where its answer holds them. */
export interface DashboardsRead<T> {
  document: string;
  variables: Record<string, unknown>;
  dashboardsOf(data: T): Dashboard[];
}

/**
 * Follows the live figures of `scopes`, so that no change is missed: first their `dashboardUpdated`
 * subscriptions, then `read` over the same socket (the service sets the subscriptions up before it
 * reads, so a change committed after that read is pushed), and `read` again each time the socket
 * is open again after it dropped (subscriptions hear nothing while it is down). Everything goes to
 * `show`, which keeps the newest of each scope (mergeDashboards). Returns the way to stop.
 */
export function followDashboards<T>(
  scopes: { city: string; programme: string | null }[],
  read: DashboardsRead<T>,
  show: (dashboards: Dashboard[]) => void,
  onError: (error: unknown) => void,
): () => void {
  const pushes = scopes.map(({ city, programme }) => dashboardPushes(city, programme, (dashboard) => show([dashboard]), onError));
  let reading = () => {};
  const readAgain = () => {
    reading();
    reading = liveOperation<T>(read.document, read.variables, (data) => show(read.dashboardsOf(data)), onError);
  };
  readAgain();
  const stopFollowing = followLiveConnection(readAgain);
  return () => {
    stopFollowing();
    reading();
    pushes.forEach((stop) => stop());
  };
}
