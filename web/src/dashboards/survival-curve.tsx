import { useMemo } from 'preact/hooks';
import uPlot from 'uplot';
import type { SurvivalCurve as Curve } from '../api/types';
import { UPlotChart } from '../charts/uplot-chart';
import { useTranslator } from '../i18n/i18n';
import { FigureValue } from './figure-value';

/** A dashed vertical line at the median, drawn over the curve. */
const medianLine = (median: number | null): uPlot.Plugin => ({
  hooks: {
    draw: [
      (chart) => {
        if (median === null) return;
        const x = chart.valToPos(median, 'x', true);
        const { ctx, bbox } = chart;
        ctx.save();
        ctx.strokeStyle = '#8a1c1c';
        ctx.setLineDash([6, 4]);
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.moveTo(x, bbox.top);
        ctx.lineTo(x, bbox.top + bbox.height);
        ctx.stroke();
        ctx.restore();
      },
    ],
  },
});

/** The Kaplan-Meier curve of time to outcome, its median, and a table with the same values. */
export function SurvivalCurve({ curve }: { curve: Curve }) {
  const tr = useTranslator();
  const { t } = tr;
  const data = useMemo<uPlot.AlignedData>(() => [[0, ...curve.points.map((p) => p.day)], [1, ...curve.points.map((p) => p.stillSearching)]], [curve]);
  const options = useMemo<Omit<uPlot.Options, 'width' | 'height'>>(
    () => ({
      legend: { show: false },
      cursor: { show: false },
      scales: { x: { time: false }, y: { range: [0, 1] } },
      axes: [
        { label: t('survival.axisDays'), values: (_chart, ticks) => ticks.map((tick) => tr.number(tick)) },
        { label: t('survival.axisShare'), values: (_chart, ticks) => ticks.map((tick) => tr.percent(tick)), size: 60 },
      ],
      series: [{}, { stroke: '#1d4f91', width: 2, points: { show: false }, paths: uPlot.paths.stepped!({ align: 1 }) }],
      plugins: [medianLine(curve.medianDays)],
    }),
    [tr, curve.medianDays],
  );
  return (
    <section class="survival" aria-labelledby="survival-title">
      <h3 id="survival-title">{t('survival.title')}</h3>
      <p>
        {curve.medianDays === null ? t('survival.noMedian') : t('survival.median', { days: t('figure.days', { days: curve.medianDays }) })}
        {' — '}
        {t('survival.summary', { participants: tr.number(curve.participants), events: tr.number(curve.events), censored: tr.number(curve.censored) })}
      </p>
      <UPlotChart options={options} data={data} label={t('survival.chartLabel')} />
      <details>
        <summary>{t('survival.table')}</summary>
        <div class="table-scroll" tabIndex={0} role="region" aria-label={t('survival.table')}>
          <table class="survival-table">
            <caption class="visually-hidden">{t('survival.table')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('survival.day')}</th>
                <th scope="col">{t('survival.stillSearching')}</th>
                <th scope="col">{t('survival.atRisk')}</th>
                <th scope="col">{t('survival.events')}</th>
              </tr>
            </thead>
            <tbody>
              {curve.points.map((point) => (
                <tr key={point.day} data-day={point.day} data-still-searching={point.stillSearching}>
                  <th scope="row">{tr.number(point.day)}</th>
                  <td>{tr.percent(point.stillSearching)}</td>
                  <td>
                    <FigureValue value={point.atRisk} kind="count" protectedFigures={curve.suppressed} />
                  </td>
                  <td>
                    <FigureValue value={point.events} kind="count" protectedFigures={curve.suppressed} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
