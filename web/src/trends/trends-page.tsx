import { useState } from 'preact/hooks';
import { query } from '../api/client';
import { DASHBOARD_SERIES } from '../api/documents';
import type { DashboardSeries } from '../api/types';
import type { Session } from '../auth/session';
import { scopeName, useCatalogue } from '../common/catalogue';
import { saveBlob } from '../common/csv';
import { ErrorMessage } from '../common/error-message';
import { citiesInScope } from '../common/scope-cities';
import { useAsync } from '../common/use-async';
import { useTranslator } from '../i18n/i18n';
import { TrendsChart } from './trends-chart';
import { trendsCsv } from './trends-csv';
import { type TrendsChoice, TrendsForm } from './trends-form';
import { TrendsTable } from './trends-table';

/**
 * Trends: each rate at every month end, each with its target as a dashed line, the counts beside
 * them in the table, and a CSV of what is shown. Coordinators and administrators see exact figures
 * from the programme's start (or a chosen span); researchers their perturbed month ends, by default
 * the last 24 they may see.
 */
export function TrendsPage({ session }: { session: Session }) {
  const { t } = useTranslator();
  const researcher = session.role === 'researcher';
  const catalogue = useCatalogue();
  const cities = citiesInScope(catalogue.value ?? [], session, 'readOutcomes');
  const [chosen, setChosen] = useState<TrendsChoice | null>(null);
  const applied: TrendsChoice | null = chosen ?? (cities[0] ? { city: cities[0].code, programme: null, from: null, to: null } : null);
  const series = useAsync(
    () =>
      applied === null
        ? Promise.resolve(undefined)
        : query<{ dashboardSeries: DashboardSeries }>(DASHBOARD_SERIES, { ...applied }).then((data) => data.dashboardSeries),
    [applied?.city, applied?.programme, applied?.from, applied?.to],
  );
  const points = series.value?.points ?? [];
  /** The file is named for its scope and first and last month ends. */
  const download = (shown: DashboardSeries) =>
    saveBlob(
      new Blob([trendsCsv(shown)], { type: 'text/csv' }),
      `trends-${shown.city}${shown.programme ? `-${shown.programme}` : ''}-${shown.points[0]!.asOf}-${shown.points.at(-1)!.asOf}.csv`,
    );
  return (
    <section aria-labelledby="trends-title">
      <h1 id="trends-title">{t('trends.title')}</h1>
      <p>{t('trends.intro')}</p>
      {applied && <TrendsForm cities={cities} applied={applied} monthsOnly={researcher} onApply={setChosen} />}
      {researcher && <p class="note">{t('trends.protectedNote')}</p>}
      {catalogue.error !== undefined && <ErrorMessage error={catalogue.error} />}
      {series.error !== undefined && <ErrorMessage error={series.error} />}
      {series.value && points.length === 0 && <p>{t('trends.empty')}</p>}
      {series.value && points.length > 0 && (
        <>
          <h2>{scopeName(catalogue.value, series.value.city, series.value.programme)}</h2>
          <p>
            <button type="button" class="primary" onClick={() => download(series.value!)}>
              {t('trends.downloadCsv')}
            </button>
          </p>
          <TrendsChart points={points} />
          <TrendsTable points={points} />
        </>
      )}
    </section>
  );
}
