import { memo } from 'preact/compat';
import { useCallback, useRef, useState } from 'preact/hooks';
import { query } from '../api/client';
import { TIME_TO_OUTCOME } from '../api/documents';
import type { City, Dashboard, SurvivalCurve as Curve } from '../api/types';
import type { Session } from '../auth/session';
import { CatalogueOptions, scopeName, useCatalogue } from '../common/catalogue';
import { saveBlob } from '../common/csv';
import { ErrorMessage } from '../common/error-message';
import { useAsync } from '../common/use-async';
import { useThrottled } from '../common/use-throttled';
import { useTranslator } from '../i18n/i18n';
import { BreakdownTable } from './breakdown-table';
import { dashboardsCsv } from './dashboard-csv';
import { FiguresTable } from './figures-table';
import { LiveStatus } from './live-status';
import { monthEnd } from './month-end';
import { SurvivalCurve } from './survival-curve';
import { useLiveDashboard } from './use-live-dashboard';
import { useLiveDashboards } from './use-live-dashboards';


/**
 * Coordinators' and researchers' dashboards: every city of the caller's scope at a glance, then one
 * city or programme in full (figures and targets, the time-to-outcome curve, exits by reason,
 * jobs by contract), live or as of a date, with a CSV of what is shown.
 */
export function DashboardsPage({ session }: { session: Session }) {
  const tr = useTranslator();
  const { t } = tr;
  const researcher = session.role === 'researcher';
  const [asOf, setAsOf] = useState<string | null>(null);
  const [chosenCity, setChosenCity] = useState<string | null>(null);
  const [programme, setProgramme] = useState<string | null>(null);
  const cities = useCatalogue();
  const overview = useLiveDashboards(asOf);
  const scopeCities = overview.dashboards?.map((d) => d.city) ?? [];
  const city = chosenCity ?? scopeCities[0] ?? null;
  const programmes = cities.value?.find((c) => c.code === city)?.programmes ?? [];

  const onAsOf = (value: string) => setAsOf(value === '' ? null : researcher ? monthEnd(value) : value);
  // Read when the CSV is asked for: the detail then keeps the same callback through the overview's pushes.
  const shownOverview = useRef(overview.dashboards);
  shownOverview.current = overview.dashboards;
  const download = useCallback(
    (detail: Dashboard | undefined, curve: Curve | undefined) => {
      const shown = [...(shownOverview.current ?? []), ...(detail ? [detail] : [])];
      // The curve is of the detail's date: for researchers, the month end their figures are of.
      saveBlob(new Blob([dashboardsCsv(shown, curve, detail?.asOf ?? asOf)], { type: 'text/csv' }), `dashboards-${asOf ?? 'live'}.csv`);
    },
    [asOf],
  );

  return (
    <section aria-labelledby="dashboards-title">
      <h1 id="dashboards-title">{t('dashboards.title')}</h1>
      {cities.error !== undefined && <ErrorMessage error={cities.error} />}
      {overview.error !== undefined && <ErrorMessage error={overview.error} />}
      <LiveStatus />
      <div class="toolbar">
        <label>
          {t('dashboards.asOf')}
          <input type="date" name="asOf" value={asOf ?? ''} onChange={(event) => onAsOf(event.currentTarget.value)} aria-describedby="as-of-hint" />
        </label>
        <span id="as-of-hint" class="hint">
          {t('dashboards.asOfHint')} {researcher && t('dashboards.asOfMonthEnd')}
        </span>
        {asOf !== null && (
          <button type="button" onClick={() => setAsOf(null)}>
            {t('dashboards.showLive')}
          </button>
        )}
      </div>
      {researcher && <p class="note">{t('protected.note')}</p>}

      <h2>{t('dashboards.overview')}</h2>
      <div class="cards">
        {overview.dashboards?.map((dashboard) => (
          <OverviewCard key={dashboard.city} dashboard={dashboard} caption={scopeName(cities.value, dashboard.city, null)} />
        ))}
      </div>

      {city && (
        <>
          <h2>{t('dashboards.scope')}</h2>
          <div class="toolbar">
            <label>
              {t('dashboards.city')}
              <select
                name="city"
                value={city}
                onChange={(event) => {
                  setChosenCity(event.currentTarget.value);
                  setProgramme(null);
                }}
              >
                {scopeCities.map((code) => (
                  <option key={code} value={code}>
                    {scopeName(cities.value, code, null)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('dashboards.programme')}
              <select name="programme" value={programme ?? ''} onChange={(event) => setProgramme(event.currentTarget.value || null)}>
                <CatalogueOptions entries={programmes} any={t('dashboards.wholeCity')} />
              </select>
            </label>
          </div>
          <ScopeDetail key={`${city}/${programme ?? ''}`} city={city} programme={programme} asOf={asOf} cities={cities.value} onDownload={download} />
        </>
      )}
    </section>
  );
}

/**
 * One city's figures in the overview. Memoised, as the detail below: a push changes one city's
 * figures, and only its card is drawn again, not every table of the page (at a busy hour, a
 * hundred times a second).
 */
const OverviewCard = memo(function OverviewCard({ dashboard, caption }: { dashboard: Dashboard; caption: string }) {
  const tr = useTranslator();
  return (
    <article class="card" data-city={dashboard.city}>
      <FiguresTable dashboard={dashboard} caption={caption} />
      <p class="status">
        {dashboard.asOf ? tr.t('dashboards.asOfStatus', { date: tr.date(dashboard.asOf) }) : tr.t('dashboards.liveStatus', { time: tr.dateTime(dashboard.updatedAt) })}
      </p>
    </article>
  );
});

interface ScopeDetailProps {
  city: string;
  programme: string | null;
  asOf: string | null;
  cities: City[] | undefined;
  onDownload(detail: Dashboard | undefined, curve: Curve | undefined): void;
}

/** How often, at most, a live curve is read again: its figures move with a few changes, not each one. */
const CURVE_REFRESH_MS = 5_000;

/**
 * One city or programme in full, figures and curve of the same date; live, the curve is read again
 * after the figures change, at most every CURVE_REFRESH_MS: at a busy hour a read and a redraw at
 * each change would hold the page's thread and delay the figures' own frames.
 */
const ScopeDetail = memo(function ScopeDetail({ city, programme, asOf, cities, onDownload }: ScopeDetailProps) {
  const { t } = useTranslator();
  const { dashboard, error } = useLiveDashboard(city, programme, asOf);
  const changed = useThrottled(dashboard?.updatedAt, CURVE_REFRESH_MS);
  const curve = useAsync(
    () => query<{ timeToOutcome: Curve }>(TIME_TO_OUTCOME, { city, programme, asOf }).then((data) => data.timeToOutcome),
    [city, programme, asOf, changed],
  );
  const name = scopeName(cities, city, programme);
  return (
    <div class="detail" data-scope={`${city}/${programme ?? ''}`}>
      <p>
        <button type="button" class="primary" onClick={() => onDownload(dashboard, curve.value)} disabled={!dashboard}>
          {t('dashboards.downloadCsv')}
        </button>
      </p>
      {error !== undefined && <ErrorMessage error={error} />}
      {dashboard && (
        <div class="cards">
          <article class="card">
            <FiguresTable dashboard={dashboard} caption={t('dashboards.figures', { scope: name })} />
          </article>
          <article class="card">
            <BreakdownTable
              title="breakdown.exitsByReason"
              column="breakdown.reason"
              names="exitReason"
              rows={dashboard.exitsByReason.map(({ reason, count }) => ({ key: reason, count }))}
              protectedFigures={dashboard.suppressed}
            />
          </article>
          <article class="card">
            <BreakdownTable
              title="breakdown.jobsByContract"
              column="breakdown.contract"
              names="contractType"
              rows={dashboard.jobsByContract.map(({ contractType, count }) => ({ key: contractType, count }))}
              protectedFigures={dashboard.suppressed}
            />
          </article>
        </div>
      )}
      {curve.error !== undefined && <ErrorMessage error={curve.error} />}
      {curve.value && <SurvivalCurve curve={curve.value} />}
    </div>
  );
});
