import { useEffect, useState } from 'preact/hooks';
import { query } from '../api/client';
import { DASHBOARDS } from '../api/documents';
import type { Dashboard } from '../api/types';
import { dashboardPushes } from './dashboard-pushes';

/** Every city's dashboard of the caller's scope, and the error of the last request. */
export interface LiveDashboards {
  dashboards: Dashboard[] | undefined;
  error: unknown;
}

/**
 * The dashboard of every city the caller may see (`dashboards`), as of a date or live; live, each
 * city's figures are replaced by those `dashboardUpdated` pushes for it, without a reload.
 */
export function useLiveDashboards(asOf: string | null): LiveDashboards {
  const [state, setState] = useState<LiveDashboards>({ dashboards: undefined, error: undefined });
  useEffect(() => {
    let current = true;
    const subscriptions: { unsubscribe(): void }[] = [];
    const replace = (pushed: Dashboard) =>
      setState((previous) => ({ error: undefined, dashboards: previous.dashboards?.map((d) => (d.city === pushed.city ? pushed : d)) }));
    setState({ dashboards: undefined, error: undefined });
    query<{ dashboards: Dashboard[] }>(DASHBOARDS, { asOf }).then(
      ({ dashboards }) => {
        if (!current) return;
        setState({ dashboards, error: undefined });
        if (asOf !== null) return;
        for (const { city } of dashboards) {
          subscriptions.push(dashboardPushes(city, null, (pushed) => current && replace(pushed), (error) => current && setState((previous) => ({ ...previous, error }))));
        }
      },
      (error: unknown) => current && setState({ dashboards: undefined, error }),
    );
    return () => {
      current = false;
      subscriptions.forEach((subscription) => subscription.unsubscribe());
    };
  }, [asOf]);
  return state;
}
