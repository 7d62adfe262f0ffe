import type { Dashboard } from '../api/types';
import { useTranslator } from '../i18n/i18n';
import { FigureValue } from './figure-value';
import { FIGURES, valueOf } from './figures';

/** Every figure of a dashboard beside its target, with whether it reaches it. */
export function FiguresTable({ dashboard, caption }: { dashboard: Dashboard; caption: string }) {
  const { t } = useTranslator();
  return (
    <table class="figures">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t('dashboards.figure')}</th>
          <th scope="col">{t('dashboards.value')}</th>
          <th scope="col">{t('dashboards.target')}</th>
        </tr>
      </thead>
      <tbody>
        {FIGURES.map((figure) => {
          const value = valueOf(dashboard, figure);
          const target = figure.target ? (dashboard[figure.target] as number | null) : null;
          const reached = value !== null && target !== null ? value >= target : null;
          return (
            <tr key={figure.field} data-figure={figure.field}>
              <th scope="row">{t(figure.label)}</th>
              <td class="value">
                <FigureValue value={value} kind={figure.kind} protectedFigures={dashboard.suppressed} />
              </td>
              <td class="target">
                {target === null ? (
                  <span class="muted">{t('dashboards.noTarget')}</span>
                ) : (
                  <>
                    <FigureValue value={target} kind={figure.kind} protectedFigures={false} />
                    {reached !== null && <span class={reached ? 'reached' : 'missed'}> ({t(reached ? 'dashboards.aboveTarget' : 'dashboards.belowTarget')})</span>}
                  </>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
