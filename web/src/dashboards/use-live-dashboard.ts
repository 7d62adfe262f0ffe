import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { CITY_DASHBOARD } from '../api/documents';
import type { Dashboard } from '../api/types';
import { dashboardPushes } from './dashboard-pushes';

/** A dashboard and the error of its last request. */
export interface LiveDashboard {
  dashboard: Dashboard | undefined;
  error: unknown;
}

/**
 * A city's or programme's dashboard: as of a date when one is given, else live, replaced by every
 * figure `dashboardUpdated` pushes, without a reload.
 */
export function useLiveDashboard(city: string, programme: string | null, asOf: string | null): LiveDashboard {
  const [state, setState] = useState<LiveDashboard>({ dashboard: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    setState({ dashboard: undefined, error: undefined });
    query<{ cityDashboard: Dashboard }>(CITY_DASHBOARD, { city, programme, asOf }).then(
      // A figure pushed meanwhile is newer than this answer.
      ({ cityDashboard }) => current && setState((previous) => ({ dashboard: previous.dashboard ?? cityDashboard, error: undefined })),
      (error: unknown) => current && setState({ dashboard: undefined, error }),
    );
    const live =
      asOf === null
        ? dashboardPushes(
            city,
            programme,
            (dashboard) => current && setState({ dashboard, error: undefined }),
            (error) => current && setState((previous) => ({ ...previous, error })),
          )
        : null;
    return () => {
      current = false;
      live?.unsubscribe();
    };
  }, [city, programme, asOf]);
  return state;
}
