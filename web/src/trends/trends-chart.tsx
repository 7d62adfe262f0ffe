import { useMemo } from 'preact/hooks';
import type uPlot from 'uplot';
import type { Dashboard } from '../api/types';
import { UPlotChart } from '../charts/uplot-chart';
import { RATE_FIGURES, valueOf } from '../dashboards/figures';
import { useTranslator } from '../i18n/i18n';
import { seconds } from './trend-figures';
import './trends-chart.css';

const COLOURS = ['#1d4f91', '#2f7d32', '#8a4b00'];
/** The least room between two month labels, in CSS pixels. */
const TICK_SPACE = 90;

/**
 * Ticks at the month ends themselves, every few so that labels keep TICK_SPACE apart: uPlot's own
 * fall between them, at month starts and mid-months, and name most months twice.
 */
function monthEndTicks(chart: uPlot): number[] {
  const ends = chart.data[0] as number[];
  const fitting = Math.max(1, Math.floor(chart.bbox.width / devicePixelRatio / TICK_SPACE));
  const every = Math.ceil(ends.length / fitting);
  return ends.filter((_, i) => i % every === 0);
}

/**
 * Each rate at every month end as a line, its target as a dashed line of the same colour. A static
 * picture (its data are in the table): no cursor, no drag to zoom, and instead of uPlot's legend,
 * whose entries hide a series on a click, a list naming each line.
 */
export function TrendsChart({ points }: { points: Dashboard[] }) {
  const tr = useTranslator();
  const { t } = tr;
  const data = useMemo<uPlot.AlignedData>(
    () => [
      points.map((p) => seconds(p.asOf!)),
      ...RATE_FIGURES.flatMap((figure) => [points.map((p) => valueOf(p, figure)), points.map((p) => p[figure.target!] as number | null)]),
    ],
    [points],
  );
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: true }, y: { range: [0, 1] } },
      axes: [
        { label: t('trends.axisMonth'), splits: monthEndTicks, values: (_chart, ticks) => ticks.map((tick) => tr.intl.formatDate(tick * 1_000, { month: 'short', year: 'numeric', timeZone: 'UTC' })) },
        { label: t('trends.axisRate'), values: (_chart, ticks) => ticks.map((tick) => tr.percent(tick)), size: 60 },
      ],
      series: [
        {},
        ...RATE_FIGURES.flatMap((_figure, i) => [
          { stroke: COLOURS[i], width: 2 },
          { stroke: COLOURS[i], width: 1, dash: [6, 4] },
        ]),
      ],
    }),
    [tr],
  );
  return (
    <>
      <UPlotChart options={options} data={data} label={t('trends.chartLabel')} height={320} />
      <ul class="chart-legend" aria-label={t('trends.legend')}>
        {RATE_FIGURES.map((figure, i) => (
          <li key={figure.field}>
            <span class="legend-entry">
              <span class="legend-line" style={{ color: COLOURS[i] }} aria-hidden="true" />
              {t(figure.label)}
            </span>
            <span class="legend-entry">
              <span class="legend-line target" style={{ color: COLOURS[i] }} aria-hidden="true" />
              {t('trends.targetOf', { figure: t(figure.label) })}
            </span>
          </li>
        ))}
      </ul>
    </>
  );
}
