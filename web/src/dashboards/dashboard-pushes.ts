import { DASHBOARD_UPDATED } from '../api/documents';
import type { Dashboard } from '../api/types';
import { liveOperation } from './live-operations';

/** Calls `onPush` with each dashboard `dashboardUpdated` pushes for the city or programme, `onError` on a failure; returns the way to stop. */
export function dashboardPushes(city: string, programme: string | null, onPush: (dashboard: Dashboard) => void, onError: (error: unknown) => void): () => void {
  return liveOperation<{ dashboardUpdated: Dashboard }>(DASHBOARD_UPDATED, { city, programme }, (data) => onPush(data.dashboardUpdated), onError);
}
