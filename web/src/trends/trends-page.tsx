import { useMemo, useState } from 'preact/hooks';
import type uPlot from 'uplot';
import { query } from '../api/client';
import { DASHBOARD_SERIES } from '../api/documents';
import type { DashboardSeries } from '../api/types';
import { UPlotChart } from '../charts/uplot-chart';
import { CatalogueOptions, scopeName, useCatalogue } from '../common/catalogue';
import { ErrorMessage } from '../common/error-message';
import { useAsync } from '../common/use-async';
import { FigureValue } from '../dashboards/figure-value';
import { RATE_FIGURES, valueOf } from '../dashboards/figures';
import { useTranslator } from '../i18n/i18n';

const COLOURS = ['#1d4f91', '#2f7d32', '#8a4b00'];

/** Seconds since the epoch of a business date, uPlot's time scale. */
const seconds = (isoDate: string) => Date.parse(`${isoDate}T00:00:00Z`) / 1_000;

/**
 * Coordinators' trends: each rate at every month end from the programme's start (or a chosen
 * span), each with its target as a dashed line, and the same values as a table.
 */
export function TrendsPage() {
  const tr = useTranslator();
  const { t } = tr;
  const cities = useCatalogue();
  const [scope, setScope] = useState<{ city: string | null; programme: string | null; from: string | null; to: string | null }>({ city: null, programme: null, from: null, to: null });
  const city = scope.city ?? cities.value?.[0]?.code ?? null;
  const series = useAsync(
    () =>
      city === null
        ? Promise.resolve(undefined)
        : query<{ dashboardSeries: DashboardSeries }>(DASHBOARD_SERIES, { city, programme: scope.programme, from: scope.from, to: scope.to }).then((data) => data.dashboardSeries),
    [city, scope.programme, scope.from, scope.to],
  );
  const points = series.value?.points ?? [];
  const data = useMemo<uPlot.AlignedData>(
    () => [
      points.map((p) => seconds(p.asOf!)),
      ...RATE_FIGURES.flatMap((figure) => [points.map((p) => valueOf(p, figure)), points.map((p) => p[figure.target!] as number | null)]),
    ],
    [points],
  );
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      scales: { x: { time: true }, y: { range: [0, 1] } },
      axes: [
        { label: t('trends.axisMonth'), space: 90, values: (_chart, ticks) => ticks.map((tick) => tr.intl.formatDate(tick * 1_000, { month: 'short', year: 'numeric', timeZone: 'UTC' })) },
        { label: t('trends.axisRate'), values: (_chart, ticks) => ticks.map((tick) => tr.percent(tick)), size: 60 },
      ],
      series: [
        { label: t('trends.month'), value: (_chart, value) => (value === null ? '' : tr.date(new Date(value * 1_000).toISOString().slice(0, 10))) },
        ...RATE_FIGURES.flatMap((figure, i) => [
          { label: t(figure.label), stroke: COLOURS[i], width: 2, value: (_chart: uPlot, v: number | null) => (v === null ? '–' : tr.percent(v)) },
          { label: t('trends.targetOf', { figure: t(figure.label) }), stroke: COLOURS[i], width: 1, dash: [6, 4], value: (_chart: uPlot, v: number | null) => (v === null ? '–' : tr.percent(v)) },
        ]),
      ],
    }),
    [tr],
  );
  const programmes = cities.value?.find((c) => c.code === city)?.programmes ?? [];
  const onSubmit = (event: Event) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    const text = (name: string) => (form.get(name) as string | null) || null;
    setScope({ city: text('city'), programme: text('programme'), from: text('from'), to: text('to') });
  };
  return (
    <section aria-labelledby="trends-title">
      <h1 id="trends-title">{t('trends.title')}</h1>
      <p>{t('trends.intro')}</p>
      <form class="toolbar" onSubmit={onSubmit}>
        <label>
          {t('dashboards.city')}
          <select name="city" value={city ?? ''} onChange={(event) => setScope({ ...scope, city: event.currentTarget.value, programme: null })}>
            <CatalogueOptions entries={cities.value ?? []} />
          </select>
        </label>
        <label>
          {t('dashboards.programme')}
          <select name="programme" key={city}>
            <CatalogueOptions entries={programmes} any={t('dashboards.wholeCity')} />
          </select>
        </label>
        <label>
          {t('trends.from')}
          <input type="date" name="from" />
        </label>
        <label>
          {t('trends.to')}
          <input type="date" name="to" />
        </label>
        <button type="submit" class="primary">
          {t('trends.show')}
        </button>
      </form>
      {cities.error !== undefined && <ErrorMessage error={cities.error} />}
      {series.error !== undefined && <ErrorMessage error={series.error} />}
      {series.value && points.length === 0 && <p>{t('trends.empty')}</p>}
      {series.value && points.length > 0 && (
        <>
          <h2>{scopeName(cities.value, series.value.city, series.value.programme)}</h2>
          <UPlotChart options={options} data={data} label={t('trends.chartLabel')} height={320} />
          <div class="table-scroll" tabIndex={0} role="region" aria-label={t('trends.table')}>
            <table class="trend-table">
              <caption>{t('trends.table')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('trends.month')}</th>
                  {RATE_FIGURES.flatMap((figure) => [
                    <th scope="col" key={figure.field}>
                      {t(figure.label)}
                    </th>,
                    <th scope="col" key={figure.target}>
                      {t('trends.targetOf', { figure: t(figure.label) })}
                    </th>,
                  ])}
                </tr>
              </thead>
              <tbody>
                {points.map((point) => (
                  <tr key={point.asOf} data-month-end={point.asOf}>
                    <th scope="row">{tr.date(point.asOf!)}</th>
                    {RATE_FIGURES.flatMap((figure) => [
                      <td key={figure.field} data-field={figure.field} data-value={String(valueOf(point, figure))}>
                        <FigureValue value={valueOf(point, figure)} kind="rate" protectedFigures={point.suppressed} />
                      </td>,
                      <td key={figure.target}>
                        <FigureValue value={point[figure.target!] as number | null} kind="rate" protectedFigures={false} />
                      </td>,
                    ])}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
