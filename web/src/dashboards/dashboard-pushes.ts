import { api } from '../api/client';
import { DASHBOARD_UPDATED } from '../api/documents';
import type { Dashboard } from '../api/types';

/** Calls `onPush` with each dashboard `dashboardUpdated` pushes for the city or programme, `onError` on a failure. */
export function dashboardPushes(city: string, programme: string | null, onPush: (dashboard: Dashboard) => void, onError: (error: unknown) => void) {
  return api.subscription<{ dashboardUpdated: Dashboard }>(DASHBOARD_UPDATED, { city, programme }).subscribe((result) => {
    if (result.error) onError(result.error);
    else if (result.data) onPush(result.data.dashboardUpdated);
  });
}
