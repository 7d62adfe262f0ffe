import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { CITY_DASHBOARD } from '../api/documents';
import type { Dashboard } from '../api/types';
import { followDashboards } from './follow-dashboards';
import { mergeDashboards } from './newer-dashboards';

/** A dashboard and the error of its last request. */
export interface LiveDashboard {
  dashboard: Dashboard | undefined;
  error: unknown;
}

/**
 * A city's or programme's dashboard: as of a date when one is given, else live (followDashboards),
 * replaced by newer figures, pushed or read again, without a reload, and never by older ones.
 */
export function useLiveDashboard(city: string, programme: string | null, asOf: string | null): LiveDashboard {
  const [state, setState] = useState<LiveDashboard>({ dashboard: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    const show = (incoming: Dashboard[]) =>
      current && setState((previous) => ({ dashboard: mergeDashboards(previous.dashboard && [previous.dashboard], incoming)[0], error: undefined }));
    const fail = (error: unknown) => current && setState((previous) => ({ ...previous, error }));
    setState({ dashboard: undefined, error: undefined });
    const variables = { city, programme, asOf };
    const dashboardsOf = (data: { cityDashboard: Dashboard }) => [data.cityDashboard];
    // Over HTTP first: the figures show even where the live socket cannot open.
    query<{ cityDashboard: Dashboard }>(CITY_DASHBOARD, variables).then(
      (data) => show(dashboardsOf(data)),
      fail,
    );
    const stop = asOf === null ? followDashboards([{ city, programme }], { document: CITY_DASHBOARD, variables, dashboardsOf }, show, fail) : () => {};
    return () => {
      current = false;
      stop();
    };
  }, [city, programme, asOf]);
  return state;
}
