import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { DASHBOARDS } from '../api/documents';
import type { Dashboard } from '../api/types';
import { followDashboards } from './follow-dashboards';
import { mergeDashboards } from './newer-dashboards';

/** Every city's dashboard of the caller's scope, and the error of the last request. */
export interface LiveDashboards {
  dashboards: Dashboard[] | undefined;
  error: unknown;
}

/**
 * The dashboard of every city the caller may see (`dashboards`), as of a date or live. Live, the
 * first answer names the cities; they are then followed (followDashboards): each city's figures are
 * replaced by newer ones, pushed or read again, without a reload, and never by older ones.
 */
export function useLiveDashboards(asOf: string | null): LiveDashboards {
  const [state, setState] = useState<LiveDashboards>({ dashboards: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    let stop = () => {};
    const show = (incoming: Dashboard[]) => current && setState((previous) => ({ dashboards: mergeDashboards(previous.dashboards, incoming), error: undefined }));
    const fail = (error: unknown) => current && setState((previous) => ({ ...previous, error }));
    setState({ dashboards: undefined, error: undefined });
    query<{ dashboards: Dashboard[] }>(DASHBOARDS, { asOf }).then(
      ({ dashboards }) => {
        if (!current) return;
        show(dashboards);
        if (asOf !== null) return;
        const scopes = dashboards.map(({ city }) => ({ city, programme: null }));
        stop = followDashboards(scopes, { document: DASHBOARDS, variables: { asOf }, dashboardsOf: (data: { dashboards: Dashboard[] }) => data.dashboards }, show, fail);
      },
      fail,
    );
    return () => {
      current = false;
      stop();
    };
  }, [asOf]);
  return state;
}
