import type { Dashboard } from '../api/types';
import { FigureValue } from '../dashboards/figure-value';
import { RATE_FIGURES, valueOf } from '../dashboards/figures';
import { useTranslator } from '../i18n/i18n';
import { TREND_COUNTS } from './trend-figures';

/**
 * The trend's data: each month end's rates beside their targets, then its counts; a researcher's
 * perturbed counts marked ≈, a withheld one "hidden" (FigureValue).
 */
export function TrendsTable({ points }: { points: Dashboard[] }) {
  const tr = useTranslator();
  const { t } = tr;
  return (
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
            {TREND_COUNTS.map((figure) => (
              <th scope="col" key={figure.field}>
                {t(figure.label)}
              </th>
            ))}
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
                <td key={figure.target} data-target={figure.target} data-value={String(point[figure.target!])}>
                  <FigureValue value={point[figure.target!] as number | null} kind="rate" protectedFigures={false} />
                </td>,
              ])}
              {TREND_COUNTS.map((figure) => (
                <td key={figure.field} data-count={figure.field} data-value={String(valueOf(point, figure))}>
                  <FigureValue value={valueOf(point, figure)} kind="count" protectedFigures={point.suppressed} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
